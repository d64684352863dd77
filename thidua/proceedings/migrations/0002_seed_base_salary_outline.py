"""Seed the base salary (mức lương cơ sở) with its effective dates and legal bases, and the
summary report's outline from the plan (R10). Rows, editable by an administrator; ``seed`` is
idempotent (tests call it again after a flush)."""

import datetime as dt

from django.db import migrations

# effective from, amount (đồng/month), legal basis. Bonuses are rounded up to tens of
# thousands of đồng (Decree 98/2023/NĐ-CP) [U: check the article against the official text].
BASE_SALARIES = (
    (dt.date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
    (dt.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (dt.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
)
BONUS_ROUND_TO = 10_000

# code, order, title ({review}/{direction}: the campaign's periods), hint, statistics block
OUTLINE = (
    (
        "movements",
        1,
        "Kết quả thực hiện các phong trào thi đua giai đoạn {review}",
        "Các phong trào thi đua đã phát động; kết quả nổi bật; các điển hình tiên tiến, "
        "mô hình mới, cách làm sáng tạo được phát hiện, bồi dưỡng, nhân rộng.",
        "movements",
    ),
    (
        "commendations",
        2,
        "Kết quả công tác khen thưởng",
        "Số lượng, hình thức khen thưởng; tỷ lệ khen thưởng người trực tiếp lao động, sản "
        "xuất, công tác, công nhân, nông dân; việc thực hiện đúng quy định của pháp luật.",
        "commendations",
    ),
    (
        "leadership",
        3,
        "Đánh giá công tác lãnh đạo, chỉ đạo, tổ chức thực hiện",
        "Công tác lãnh đạo, chỉ đạo của cấp ủy, chính quyền; vai trò của Mặt trận Tổ quốc và "
        "các đoàn thể; công tác tuyên truyền.",
        "",
    ),
    (
        "shortcomings",
        4,
        "Tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm",
        "Những tồn tại, hạn chế; nguyên nhân chủ quan, khách quan; bài học kinh nghiệm.",
        "",
    ),
    (
        "directions",
        5,
        "Mục tiêu, nội dung và giải pháp giai đoạn {direction}",
        "Mục tiêu, chỉ tiêu; nội dung phong trào thi đua trọng tâm; giải pháp thực hiện.",
        "",
    ),
)


def seed(apps, schema_editor):
    BaseSalary = apps.get_model("proceedings", "BaseSalary")
    OutlineSection = apps.get_model("proceedings", "OutlineSection")
    for start, amount, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=start,
            defaults={"amount": amount, "legal_basis": basis, "bonus_round_to": BONUS_ROUND_TO},
        )
    for code, order, title, hint, statistics in OUTLINE:
        OutlineSection.objects.get_or_create(
            code=code,
            defaults={"order": order, "title": title, "hint": hint, "statistics": statistics},
        )


class Migration(migrations.Migration):
    dependencies = [("proceedings", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
