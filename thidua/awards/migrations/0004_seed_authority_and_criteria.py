"""Seed the authority table (Law 06/2022/QH15, Art. 80; shared/docs/domain.md §3), the
criteria rules (§4) and correct two article numbers of the catalogue.

Offices are mapped to unit kinds so that "the level that holds a form" follows from the unit
tree. The district chair's office and lines end on 30/6/2025 (the district level was abolished
on 1/7/2025); which level took each of its powers is uncertain [U], so no line is seeded for
it: an administrator adds them in the admin when confirmed (every change audited).
"""

import datetime as dt

from django.db import migrations

ART80 = "Điều 80, Luật Thi đua, khen thưởng số 06/2022/QH15"
END_OF_DISTRICTS = dt.date(2025, 6, 30)
COMMUNE_KINDS = ["commune", "ward", "township", "special_zone"]
DISTRICT_KINDS = ["rural_district", "urban_district", "district_town", "provincial_city"]
PROVINCE_KINDS = ["province", "central_city"]

# code, name, kinds, levels, signer title, signing body (TM.), issuer abbreviation, valid_to, order
OFFICES = [
    (
        "commune-chair",
        "Chủ tịch UBND cấp xã",
        COMMUNE_KINDS,
        [],
        "CHỦ TỊCH",
        "ỦY BAN NHÂN DÂN",
        "UBND",
        None,
        10,
    ),
    (
        "district-chair",
        "Chủ tịch UBND cấp huyện",
        DISTRICT_KINDS,
        [],
        "CHỦ TỊCH",
        "ỦY BAN NHÂN DÂN",
        "UBND",
        END_OF_DISTRICTS,
        20,
    ),
    (
        "agency-head",
        "Thủ trưởng cơ quan, đơn vị thuộc bộ, ngành, tỉnh",
        ["agency", "public_service_unit"],
        ["province", "central"],
        "GIÁM ĐỐC",
        "",
        "",
        None,
        30,
    ),
    ("enterprise-head", "Giám đốc doanh nghiệp", ["enterprise"], [], "GIÁM ĐỐC", "", "", None, 40),
    (
        "province-chair",
        "Chủ tịch UBND cấp tỉnh",
        PROVINCE_KINDS,
        [],
        "CHỦ TỊCH",
        "ỦY BAN NHÂN DÂN",
        "UBND",
        None,
        50,
    ),
    ("prime-minister", "Thủ tướng Chính phủ", [], ["central"], "THỦ TƯỚNG", "", "", None, 60),
    ("president", "Chủ tịch nước", [], ["central"], "CHỦ TỊCH NƯỚC", "", "", None, 70),
]

GRASSROOTS = ["ttldtt", "cstdcs", "ldtt", "giay-khen"]
RULES = {
    "commune-chair": ["ldtt", "giay-khen", "gia-dinh-van-hoa"],
    "district-chair": ["thon-van-hoa", "ttldtt", "cstdcs", "ldtt", "giay-khen"],
    "agency-head": GRASSROOTS,
    "enterprise-head": GRASSROOTS,
    "province-chair": [
        "co-thi-dua-tinh",
        "cstd-tinh",
        "ttldxs",
        "xa-tieu-bieu",
        "xa-phuong-dac-khu-tieu-bieu",
        "bang-khen-tinh",
    ],
    "prime-minister": ["co-thi-dua-chinh-phu", "cstd-toan-quoc", "bang-khen-thu-tuong"],
    "president": [
        "huan-chuong-lao-dong-hang-ba",
        "huan-chuong-lao-dong-hang-nhi",
        "huan-chuong-lao-dong-hang-nhat",
        "huan-chuong-doc-lap-hang-ba",
        "huy-chuong",
        "anh-hung-lao-dong",
    ],
}

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
# code, name, severity, legal basis (quoted or summarised), params, order
CRITERIA = [
    (
        "subject_fits",
        "Hình thức phù hợp với đối tượng (cá nhân, tập thể, hộ gia đình)",
        "block",
        f"{LAW}: mỗi danh hiệu, hình thức quy định đối tượng được xét tặng (Chương II, III).",
        {},
        10,
    ),
    (
        "form_in_force",
        "Hình thức còn hiệu lực vào ngày đề nghị",
        "block",
        "Danh mục danh hiệu, hình thức khen thưởng theo hiệu lực của văn bản quy định.",
        {},
        20,
    ),
    (
        "one_achievement_one_form",
        "Một thành tích chỉ khen thưởng một lần, một hình thức",
        "block",
        f"Điều 5, {LAW} (nguyên tắc khen thưởng): một thành tích chỉ được khen thưởng một "
        "lần, với một hình thức — cùng đối tượng, cùng giai đoạn, cùng phong trào.",
        {},
        30,
    ),
    (
        "ldtt_rating",
        "Lao động tiên tiến: hoàn thành tốt nhiệm vụ trở lên",
        "warning",
        f"Điều 24, {LAW}: danh hiệu “Lao động tiên tiến” xét tặng cho cá nhân hoàn thành tốt "
        "nhiệm vụ trở lên.",
        {"form": "ldtt", "minimum_rating": "good"},
        40,
    ),
    (
        "cstdcs_basis",
        "Chiến sĩ thi đua cơ sở: Lao động tiên tiến và một trong ba điều kiện",
        "warning",
        f"Điều 21, {LAW}: đạt tiêu chuẩn “Lao động tiên tiến” và có một trong các điều kiện: "
        "hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận; có đề tài khoa học đã "
        "nghiệm thu được áp dụng; mưu trí, sáng tạo trong chiến đấu.",
        {"form": "cstdcs", "title_form": "ldtt"},
        50,
    ),
    (
        "bang_khen_tinh_route",
        "Bằng khen của Chủ tịch UBND tỉnh: hai lần liên tục Chiến sĩ thi đua cơ sở",
        "warning",
        f"Điều 74, {LAW}: cá nhân có 02 lần liên tục được công nhận “Chiến sĩ thi đua cơ sở”, "
        "hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến được công nhận "
        "(một trong các trường hợp của Điều 74).",
        {
            "form": "bang-khen-tinh",
            "streak_form": "cstdcs",
            "consecutive": 2,
            "recent_within": 1,
            "excellent_years": 2,
            "initiatives": 2,
        },
        60,
    ),
    (
        "cstd_tinh_basis",
        "Chiến sĩ thi đua cấp tỉnh: ba lần liên tục CSTĐCS và sáng kiến cấp tỉnh",
        "warning",
        f"Điều 22, {LAW}: có thành tích tiêu biểu xuất sắc trong số những cá nhân có 03 lần "
        "liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở” và sáng kiến có phạm vi ảnh hưởng "
        "trong tỉnh.",
        {
            "form": "cstd-tinh",
            "streak_form": "cstdcs",
            "consecutive": 3,
            "recent_within": 1,
            "initiative_level": "province",
        },
        70,
    ),
]

# shared/docs/domain.md §4 [C]: CSTĐCS is Art. 21 (seeded as 23 from memory); the national
# title then takes 23 [U]. LĐTT Art. 24 was already right.
ARTICLES = {"cstdcs": "Điều 21", "cstd-toan-quoc": "Điều 23"}


def seed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    Office = apps.get_model("awards", "Office")
    AuthorityRule = apps.get_model("awards", "AuthorityRule")
    CriterionRule = apps.get_model("awards", "CriterionRule")
    for code, article in ARTICLES.items():
        AwardForm.objects.filter(code=code).update(legal_article=article)
    forms = {f.code: f for f in AwardForm.objects.all()}
    for code, name, kinds, levels, title, body, issuer, valid_to, order in OFFICES:
        office, _ = Office.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_kinds": kinds,
                "unit_levels": levels,
                "signer_title": title,
                "signing_body": body,
                "issuer_abbreviation": issuer,
                "valid_to": valid_to,
                "order": order,
            },
        )
        for form_code in RULES[code]:
            form = forms[form_code]
            AuthorityRule.objects.update_or_create(
                office=office,
                award_form=form,
                valid_from=None,
                defaults={"valid_to": valid_to, "legal_basis": ART80},
            )
    for code, name, severity, basis, params, order in CRITERIA:
        CriterionRule.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "severity": severity,
                "legal_basis": basis,
                "params": params,
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("awards", "AuthorityRule").objects.all().delete()
    apps.get_model("awards", "Office").objects.all().delete()
    apps.get_model("awards", "CriterionRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_proposals_decisions_authority")]
    operations = [migrations.RunPython(seed, unseed)]
