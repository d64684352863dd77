"""Seed the catalogue from the Law on Emulation and Commendation No. 06/2022/QH15 (in force
1/1/2024), Decree 98/2023/NĐ-CP (bonus amounts, multiples of the base salary) and Decree
86/2023/NĐ-CP / 152/2025/NĐ-CP (the commune title). Articles and bonus multiples marked [U]
in docs/architecture.md should be checked by the administrator against the official text;
they are rows and can be edited in the admin."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
D86 = "Nghị định 86/2023/NĐ-CP"
D152 = "Nghị định 152/2025/NĐ-CP"

# code, name, short_name, subject, kind, level, rank, instrument, article,
# bonus (individual / main subject), bonus (collective), certificate, frame, badge, flag,
# valid_from, valid_to, note
FORMS = [
    ("ldtt", "Lao động tiên tiến", "LĐTT", "individual", "title", "grassroots", 10, LAW, "Điều 24", "0.3", None, True, False, False, False, None, None, "Trong lực lượng vũ trang: Chiến sĩ tiên tiến."),
    ("cstdcs", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "individual", "title", "grassroots", 30, LAW, "Điều 23", "1.0", None, True, True, False, False, None, None, ""),
    ("cstd-tinh", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ tỉnh", "individual", "title", "province", 60, LAW, "Điều 22", "3.0", None, True, True, True, False, None, None, "Chiến sĩ thi đua bộ, ban, ngành, tỉnh."),
    ("cstd-toan-quoc", "Chiến sĩ thi đua toàn quốc", "CSTĐTQ", "individual", "title", "government", 80, LAW, "Điều 21", "4.5", None, True, True, True, False, None, None, ""),
    ("ttldtt", "Tập thể lao động tiên tiến", "TTLĐTT", "collective", "title", "grassroots", 20, LAW, "Điều 28", "0.8", None, True, True, False, False, None, None, "Trong lực lượng vũ trang: Đơn vị tiên tiến."),
    ("ttldxs", "Tập thể lao động xuất sắc", "TTLĐXS", "collective", "title", "province", 40, LAW, "Điều 27", "1.5", None, True, True, False, False, None, None, "Trong lực lượng vũ trang: Đơn vị quyết thắng."),
    ("co-thi-dua-tinh", "Cờ thi đua cấp tỉnh", "Cờ TĐ tỉnh", "collective", "title", "province", 62, LAW, "Điều 26", "8.0", None, False, False, False, True, None, None, "Cờ thi đua bộ, ban, ngành, tỉnh."),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Cờ TĐ CP", "collective", "title", "government", 82, LAW, "Điều 25", "12.0", None, False, False, False, True, None, None, ""),
    ("xa-tieu-bieu", "Xã, phường, thị trấn tiêu biểu", "Xã tiêu biểu", "collective", "title", "province", 45, D86, "", None, None, True, True, False, False, dt.date(2024, 1, 1), dt.date(2025, 6, 13), "Danh hiệu mới của Luật 2022; tiêu chuẩn theo Nghị định 86/2023/NĐ-CP."),
    ("xa-phuong-dac-khu-tieu-bieu", "Xã, phường, đặc khu tiêu biểu", "Xã tiêu biểu", "collective", "title", "province", 45, D152, "", None, None, True, True, False, False, dt.date(2025, 6, 14), None, "Tên mới sau sắp xếp đơn vị hành chính hai cấp (Nghị định 152/2025/NĐ-CP)."),
    ("thon-van-hoa", "Thôn, tổ dân phố văn hóa", "Thôn văn hóa", "collective", "title", "district", 15, D86, "", None, None, True, True, False, False, None, None, "Tiêu chuẩn và thủ tục theo Nghị định 86/2023/NĐ-CP."),
    ("gia-dinh-van-hoa", "Gia đình văn hóa", "GĐVH", "household", "title", "grassroots", 5, D86, "", None, None, True, False, False, False, None, None, "Tiêu chuẩn và thủ tục theo Nghị định 86/2023/NĐ-CP."),
    ("giay-khen", "Giấy khen", "Giấy khen", "individual_or_collective", "form", "grassroots", 12, LAW, "Điều 75", "0.3", "0.6", True, True, False, False, None, None, "Của Chủ tịch UBND cấp xã, cấp huyện, thủ trưởng cơ quan, đơn vị."),
    ("bang-khen-tinh", "Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen tỉnh", "individual_or_collective", "form", "province", 42, LAW, "Điều 74", "1.0", "2.0", True, True, False, False, None, None, "Bằng khen cấp bộ, ban, ngành, tỉnh."),
    ("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen TTg", "individual_or_collective", "form", "government", 70, LAW, "Điều 73", "1.5", "3.0", True, True, False, False, None, None, ""),
    ("ky-niem-chuong", "Kỷ niệm chương", "KNC", "individual", "form", "province", 8, LAW, "Điều 72", None, None, True, False, True, False, None, None, "Ghi nhận đóng góp cho sự phát triển của ngành, lĩnh vực, tổ chức."),
    ("huy-chuong", "Huy chương", "Huy chương", "individual", "form", "state", 75, LAW, "Điều 56", "1.5", None, True, True, True, False, None, None, "Huy chương Quân kỳ quyết thắng, Vì an ninh Tổ quốc, Chiến sĩ vẻ vang, Hữu nghị."),
    ("huan-chuong-lao-dong-hang-ba", "Huân chương Lao động hạng Ba", "HCLĐ hạng Ba", "individual_or_collective", "form", "state", 85, LAW, "Điều 45", "4.5", "9.0", True, True, True, False, None, None, ""),
    ("huan-chuong-lao-dong-hang-nhi", "Huân chương Lao động hạng Nhì", "HCLĐ hạng Nhì", "individual_or_collective", "form", "state", 86, LAW, "Điều 45", "7.5", "15.0", True, True, True, False, None, None, ""),
    ("huan-chuong-lao-dong-hang-nhat", "Huân chương Lao động hạng Nhất", "HCLĐ hạng Nhất", "individual_or_collective", "form", "state", 87, LAW, "Điều 45", "9.0", "18.0", True, True, True, False, None, None, ""),
    ("huan-chuong-doc-lap-hang-ba", "Huân chương Độc lập hạng Ba", "HCĐL hạng Ba", "individual_or_collective", "form", "state", 88, LAW, "Điều 40", "9.0", "18.0", True, True, True, False, None, None, ""),
    ("anh-hung-lao-dong", "Anh hùng Lao động", "AHLĐ", "individual_or_collective", "form", "state", 95, LAW, "Điều 61", "15.5", "31.0", True, True, True, False, None, None, "Danh hiệu vinh dự nhà nước."),
]


def seed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    for row in FORMS:
        (code, name, short, subject, kind, level, rank, instrument, article, bonus, bonus_c,
         certificate, frame, badge, flag, valid_from, valid_to, note) = row
        AwardForm.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "subject": subject,
                "kind": kind,
                "level": level,
                "rank": rank,
                "legal_instrument": instrument,
                "legal_article": article,
                "legal_note": note,
                "bonus_multiple": Decimal(bonus) if bonus else None,
                "bonus_multiple_collective": Decimal(bonus_c) if bonus_c else None,
                "has_certificate": certificate,
                "has_frame": frame,
                "has_badge": badge,
                "has_flag": flag,
                "valid_from": valid_from,
                "valid_to": valid_to,
            },
        )


def unseed(apps, schema_editor):
    AwardForm = apps.get_model("awards", "AwardForm")
    AwardForm.objects.filter(code__in=[row[0] for row in FORMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
