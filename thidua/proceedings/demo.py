"""The demo's proceedings (thidua/demo/loader.py): the Kim Bảng district conference of the
2024 campaign (20/05/2025) gets its budget (planned lines, bonuses for the awards by the base
salary in force, actual amounts after the day), three presentations under the plan's item 3,
two side activities and a summary report with two headings written.

Everything goes through the services; each part is built only when the conference has none of
it yet, so a second load changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from thidua.awards.models import AwardForm
from thidua.conferences.demo import _campaign
from thidua.conferences.models import Conference
from thidua.proceedings import selectors, services
from thidua.proceedings.models import OutlineSection

ORGANIZER = "nv.kimbang"

# category, description, unit, quantity, unit price, actual (None: not settled yet)
LINES = (
    ("venue", "Âm thanh, ánh sáng, màn hình LED hội trường", "gói", 1, 8_000_000, 7_500_000),
    ("decoration", "Phông hội trường, hoa tươi, khẩu hiệu", "gói", 1, 4_500_000, 4_650_000),
    ("printing", "In tài liệu, giấy mời, thẻ đại biểu", "bộ", 320, 25_000, 7_600_000),
    ("certificates", "Phôi Giấy khen và khung", "bộ", 30, 85_000, 2_550_000),
    ("refreshments", "Nước uống, giải khát giữa giờ", "suất", 320, 20_000, 6_080_000),
    ("other", "Chi khác (vận chuyển, trực hội trường)", "", 1, 2_000_000, None),
)
# award form code, collective, quantity, actual
BONUSES = (("giay-khen", False, 20, 14_200_000), ("giay-khen", True, 10, 14_100_000))
PRESENTATIONS = (
    "Mô hình liên kết sản xuất lúa hàng hóa chất lượng cao",
    "Phụ nữ Kim Bảng khởi nghiệp, phát triển kinh tế hộ gia đình",
    "Doanh nghiệp đồng hành xây dựng nông thôn mới nâng cao",
)
ACTIVITIES = (
    (
        "dialogue",
        "Đối thoại giữa Chủ tịch UBND huyện với các điển hình tiên tiến",
        dt.date(2025, 5, 19),
        "Hội trường UBND huyện Kim Bảng",
        60,
    ),
    (
        "performance",
        "Chương trình nghệ thuật “Kim Bảng - Những bông hoa đẹp”",
        dt.date(2025, 5, 20),
        "Trung tâm Văn hóa, Thông tin và Thể thao huyện",
        320,
    ),
)
SECTIONS = {
    "movements": (
        "Giai đoạn 2021-2025, phong trào thi đua yêu nước trên địa bàn huyện được triển khai "
        "sâu rộng, gắn với thực hiện nhiệm vụ chính trị của địa phương; các phong trào “Cả "
        "nước chung sức xây dựng nông thôn mới”, “Vì người nghèo - Không để ai bị bỏ lại phía "
        "sau” đạt nhiều kết quả nổi bật.\n\nNhiều mô hình mới, cách làm sáng tạo được phát "
        "hiện, bồi dưỡng và nhân rộng."
    ),
    "leadership": (
        "Huyện ủy, UBND huyện ban hành đầy đủ, kịp thời các văn bản lãnh đạo, chỉ đạo; Ủy ban "
        "MTTQ và các đoàn thể phối hợp chặt chẽ trong phát hiện, bồi dưỡng điển hình."
    ),
}


def ensure_proceedings() -> int:
    """Build what the district conference lacks; returns how many parts were built."""
    campaign = _campaign()
    if campaign is None:
        return 0
    conference = Conference.objects.filter(campaign=campaign, unit=campaign.issuer).first()
    officer = get_user_model().objects.filter(username=ORGANIZER).first()
    if conference is None or officer is None:
        return 0
    built = 0
    if not conference.budget_lines.exists():
        _budget(conference, officer)
        built += 1
    if not conference.presentations.exists():
        built += _presentations(conference, officer)
    if not conference.side_activities.exists():
        for kind, title, day, place, participants in ACTIVITIES:
            services.add_side_activity(
                conference,
                by=officer,
                kind=kind,
                title=title,
                held_on=day,
                place=place,
                participants=participants,
            )
        built += 1
    if not conference.report_sections.exists():
        for code, text in SECTIONS.items():
            services.save_report_section(
                conference, OutlineSection.objects.get(code=code), by=officer, text=text
            )
        built += 1
    return built


def _budget(conference: Conference, officer: object) -> None:
    for category, description, unit_name, quantity, price, actual in LINES:
        line = services.add_budget_line(
            conference,
            by=officer,
            category=category,
            description=description,
            unit_name=unit_name,
            quantity=quantity,
            unit_price=price,
        )
        if actual is not None:
            services.record_actual(line, by=officer, actual_amount=actual)
    for code, collective, quantity, actual in BONUSES:
        line = services.add_bonus_line(
            conference,
            by=officer,
            award_form=AwardForm.objects.get(code=code),
            collective=collective,
            quantity=quantity,
        )
        services.record_actual(line, by=officer, actual_amount=actual)


def _presentations(conference: Conference, officer: object) -> int:
    item = conference.agenda_items.filter(position=selectors.PRESENTATIONS_POSITION).first()
    if item is None:
        return 0
    chosen = []
    fields: set[str] = set()
    for delegate in selectors.presenter_choices(conference).filter(category="honoree"):
        if delegate.field and delegate.field not in fields:
            chosen.append(delegate)
            fields.add(delegate.field)
        if len(chosen) == len(PRESENTATIONS):
            break
    for delegate, title in zip(chosen, PRESENTATIONS, strict=False):
        services.add_presentation(
            conference, by=officer, agenda_item=item, delegate=delegate, title=title, minutes=7
        )
    return 1 if chosen else 0
