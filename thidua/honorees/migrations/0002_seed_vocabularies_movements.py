"""Default vocabularies (extendable in the admin), the lifecycle transitions (data), and the
six national emulation movements the seed plan names (Part II.1, launched by the Prime
Minister)."""

import unicodedata

from django.db import migrations


def _slug(value):
    value = value.replace("đ", "d").replace("Đ", "D")
    value = "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c))
    out = "".join(c.lower() if c.isalnum() else "-" for c in value)
    return "-".join(part for part in out.split("-") if part)


def _fold(value):
    value = value.replace("đ", "d").replace("Đ", "d")
    value = "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c))
    return " ".join(value.lower().split())


# name, counts as a direct worker (Law Art. 5: priority to those who directly work and produce)
COMPONENTS = [
    ("Công nhân", True),
    ("Nông dân", True),
    ("Người trực tiếp sản xuất, kinh doanh", True),
    ("Trí thức, nhà khoa học", False),
    ("Cán bộ, công chức, viên chức", False),
    ("Học sinh, sinh viên", False),
    ("Lực lượng vũ trang", False),
    ("Doanh nhân", False),
    ("Khác", False),
]
SECTORS = [
    "Kinh tế nhà nước",
    "Kinh tế tập thể",
    "Kinh tế tư nhân",
    "Kinh tế có vốn đầu tư nước ngoài",
]
FIELDS = [
    "Kinh tế",
    "Nông nghiệp, nông thôn",
    "Văn hóa - xã hội",
    "Giáo dục - đào tạo",
    "Y tế",
    "Khoa học - công nghệ",
    "Quốc phòng - an ninh",
    "Xây dựng Đảng và hệ thống chính trị",
]
# The 54 ethnic groups of Viet Nam (General Statistics Office list), Kinh first.
ETHNICITIES = [
    "Kinh",
    "Tày",
    "Thái",
    "Mường",
    "Khmer",
    "Hoa",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ê Đê",
    "Ba Na",
    "Sán Chay",
    "Chăm",
    "Cơ Ho",
    "Xơ Đăng",
    "Sán Dìu",
    "Hrê",
    "Ra Glai",
    "Mnông",
    "Thổ",
    "Xtiêng",
    "Khơ Mú",
    "Bru - Vân Kiều",
    "Cơ Tu",
    "Giáy",
    "Tà Ôi",
    "Mạ",
    "Giẻ Triêng",
    "Co",
    "Chơ Ro",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "La Chí",
    "Kháng",
    "Phù Lá",
    "La Hủ",
    "La Ha",
    "Pà Thẻn",
    "Lự",
    "Ngái",
    "Chứt",
    "Lô Lô",
    "Mảng",
    "Cờ Lao",
    "Bố Y",
    "Cống",
    "Si La",
    "Pu Péo",
    "Rơ Măm",
    "Brâu",
    "Ơ Đu",
]
# Seed plan Part II.1: the movements launched by the Prime Minister. Start years are those of
# the launch; the administrator completes the basis documents.
MOVEMENTS = [
    ("Cả nước chung sức xây dựng nông thôn mới", 2011, None, "Nông nghiệp, nông thôn"),
    (
        "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
        2022,
        None,
        "Kinh tế",
    ),
    ("Vì người nghèo - Không để ai bị bỏ lại phía sau", 2021, 2025, "Văn hóa - xã hội"),
    (
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        2019,
        2025,
        "Xây dựng Đảng và hệ thống chính trị",
    ),
    (
        "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023-2030",
        2023,
        2030,
        "Giáo dục - đào tạo",
    ),
    ("Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025", 2024, 2025, "Văn hóa - xã hội"),
]
TRANSITIONS = [("discovered", "fostered"), ("fostered", "replicated")]


def seed(apps, schema_editor):
    component = apps.get_model("honorees", "SocialComponent")
    for order, (name, direct) in enumerate(COMPONENTS):
        component.objects.get_or_create(
            code=_slug(name),
            defaults={"name": name, "order": order, "counts_as_direct_worker": direct},
        )
    for model_name, names in (
        ("EconomicSector", SECTORS),
        ("Field", FIELDS),
        ("Ethnicity", ETHNICITIES),
    ):
        model = apps.get_model("honorees", model_name)
        for order, name in enumerate(names):
            model.objects.get_or_create(code=_slug(name), defaults={"name": name, "order": order})
    field = apps.get_model("honorees", "Field")
    movement = apps.get_model("honorees", "Movement")
    for name, start, end, field_name in MOVEMENTS:
        movement.objects.get_or_create(
            slug=_slug(name)[:80].rstrip("-"),
            defaults={
                "name": name,
                "search_name": _fold(name),
                "launched_by": "prime_minister",
                "start_year": start,
                "end_year": end,
                "field": field.objects.get(name=field_name),
            },
        )
    transition = apps.get_model("honorees", "StageTransition")
    for source, target in TRANSITIONS:
        transition.objects.get_or_create(from_stage=source, to_stage=target)


def unseed(apps, schema_editor):
    for name in (
        "StageTransition",
        "Movement",
        "Ethnicity",
        "Field",
        "EconomicSector",
        "SocialComponent",
    ):
        apps.get_model("honorees", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("honorees", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
