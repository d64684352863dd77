"""The awards of the Kim Bảng 2024 demo (thidua/demo/loader.ensure_awards calls this).

At Thị trấn Quế: the Front's proposal is reviewed by the commune's council (hd.que), the chair
(ct.que) decides Giấy khen for three honorees, the certificates are printed (full, and onto
blanks), and one Bằng khen goes up as a Tờ trình that waits in the district's inbox (ct.kimbang
forwards it to the province or returns it). At the district: a reviewed proposal decided by the
district chair (ct.kimbang). Idempotent: a proposal found by its unit and title is left alone.
Everything goes through the services (audited), as the people in the demo would do it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from thidua.awards import services
from thidua.awards.enums import CertificateField, PrintMode, SubmissionStatus
from thidua.awards.models import (
    AwardForm,
    BlankField,
    BlankLayout,
    Decision,
    Proposal,
    Submission,
)
from thidua.documents import batches as document_batches
from thidua.documents.models import Issuer
from thidua.honorees.models import Honoree
from thidua.units.models import Unit

QUE = "13384"
DISTRICT = "350"
QUE_TITLE = "Khen thưởng tại Hội nghị tuyên dương điển hình tiên tiến thị trấn Quế 2020-2025"
DISTRICT_TITLE = "Khen thưởng tại Hội nghị điển hình tiên tiến huyện Kim Bảng 2020-2025"
ACHIEVEMENT = (
    "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn 2020-2025, góp phần "
    "xây dựng quê hương"
)
# (field, x, y, width, size, bold, italic, align, lines): a landscape A4 blank whose printed
# ornaments leave these boxes free (an example; the administrator measures the real blank).
BLANK_POSITIONS = (
    (CertificateField.NAME, 40, 92, 217, 24, True, True, "center", 1),
    (CertificateField.UNIT, 40, 108, 217, 14, False, True, "center", 1),
    (CertificateField.ACHIEVEMENT, 40, 120, 217, 15, False, False, "center", 2),
    (CertificateField.DECISION, 25, 176, 110, 11, False, False, "left", 1),
    (CertificateField.PLACE_DATE, 165, 150, 110, 13, False, True, "center", 1),
    (CertificateField.SIGNER_TITLE, 165, 157, 110, 13, True, False, "center", 1),
    (CertificateField.SIGNER, 165, 185, 110, 14, True, False, "center", 1),
)


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _honoree(unit_code: str, name: str) -> Honoree:
    return Honoree.objects.get(unit__source="local", unit__code=unit_code, name=name)


def _council_issuer(unit: Unit, place: str, superior: str) -> Issuer:
    from thidua.documents import services as documents

    existing = Issuer.objects.filter(unit=unit, abbreviation="HĐTĐKT").first()
    return existing or documents.create_issuer(
        by=None,
        unit=unit,
        abbreviation="HĐTĐKT",
        name_lines=["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"],
        superior_lines=[superior],
        place=place,
        full_name=f"Hội đồng Thi đua - Khen thưởng {unit.name[0].lower()}{unit.name[1:]}",
    )


def _blank_layout(issuer: Issuer, form: AwardForm) -> BlankLayout:
    layout, created = BlankLayout.objects.get_or_create(
        issuer=issuer, award_form=form, defaults={"note": "Phôi Giấy khen khổ A4 ngang (mẫu)"}
    )
    if created:
        for field, x, y, width, size, bold, italic, align, lines in BLANK_POSITIONS:
            BlankField.objects.create(
                layout=layout,
                field=field,
                x_mm=Decimal(x),
                y_mm=Decimal(y),
                width_mm=Decimal(width),
                font_size=Decimal(size),
                bold=bold,
                italic=italic,
                align=align,
                max_lines=lines,
            )
    return layout


def _run(batch) -> None:
    document_batches.run_batch(batch.pk, str(batch.run_token))


def _reviewed(proposal: Proposal, *, council, held_on: dt.date, present: int) -> None:
    for item in proposal.items.all():
        services.record_opinion(item, by=council, opinion="agree", comment="Đủ tiêu chuẩn")
    votes = {item.pk: (present, 0, 0) for item in proposal.items.all()}
    services.close_review(
        proposal, by=council, held_on=held_on, members_present=present, votes=votes
    )


def ensure_awards() -> tuple[int, int]:
    """Returns (decisions, pending submissions) of the demo."""
    forms = {f.code: f for f in AwardForm.objects.all()}
    que = Unit.objects.get(source="local", code=QUE)
    district = Unit.objects.get(source="local", code=DISTRICT)
    _council_issuer(que, que.short_name or "Quế", "UBND THỊ TRẤN QUẾ")
    _council_issuer(district, "Kim Bảng", "UBND HUYỆN KIM BẢNG")
    que_committee = Issuer.objects.get(unit=que, abbreviation="UBND")
    _blank_layout(que_committee, forms["giay-khen"])
    if not Proposal.objects.filter(unit=que, title=QUE_TITLE).exists():
        _que(que, forms)
    if not Proposal.objects.filter(unit=district, title=DISTRICT_TITLE).exists():
        _district(district, forms)
    decisions = Decision.objects.filter(unit__in=[que, district]).count()
    pending = Submission.objects.filter(to_unit=district, status=SubmissionStatus.PENDING).count()
    return decisions, pending


def _que(que: Unit, forms: dict[str, AwardForm]) -> None:
    organizer, council, chair = _user("ubnd.que"), _user("hd.que"), _user("ct.que")
    proposal = services.create_proposal(
        by=organizer,
        unit=que,
        title=QUE_TITLE,
        period_start=2020,
        period_end=2025,
        origin="Ủy ban MTTQ Việt Nam thị trấn Quế",
    )
    plan = (
        ("Phạm Thị Ngọc", "giay-khen", "excellent"),
        ("Trần Văn Khải", "giay-khen", "good"),
        ("Tổ dân phố Quế Sơn", "giay-khen", ""),
        ("Nguyễn Thị Thu Hằng", "bang-khen-tinh", "excellent"),
    )
    items = {}
    for name, code, rating in plan:
        items[name] = services.add_candidate(
            proposal,
            by=organizer,
            honoree=_honoree(QUE, name),
            award_form=forms[code],
            achievement=ACHIEVEMENT,
            rating=rating,
        )
    services.submit_for_review(proposal, by=organizer)
    _reviewed(proposal, council=council, held_on=dt.date(2025, 3, 10), present=5)
    decision = services.decide(
        proposal,
        by=chair,
        decided_on=dt.date(2025, 3, 20),
        items=[items[n] for n in ("Phạm Thị Ngọc", "Trần Văn Khải", "Tổ dân phố Quế Sơn")],
    )
    _run(services.print_certificates(decision, by=organizer, mode=PrintMode.FULL))
    _run(services.print_certificates(decision, by=organizer, mode=PrintMode.BLANK))
    services.escalate(
        proposal,
        by=chair,
        items=[items["Nguyễn Thị Thu Hằng"]],
        submitted_on=dt.date(2025, 3, 21),
    )


def _district(district: Unit, forms: dict[str, AwardForm]) -> None:
    organizer, council, chair = _user("nv.kimbang"), _user("hd.kimbang"), _user("ct.kimbang")
    proposal = services.create_proposal(
        by=organizer,
        unit=district,
        title=DISTRICT_TITLE,
        period_start=2020,
        period_end=2025,
        origin="Phòng Nội vụ huyện Kim Bảng",
    )
    items = [
        services.add_candidate(
            proposal,
            by=organizer,
            honoree=_honoree(code, name),
            award_form=forms["giay-khen"],
            achievement=ACHIEVEMENT,
            rating="excellent",
        )
        for code, name in (
            ("13429", "Lê Văn Thành"),
            ("13390", "Hội Nông dân xã Đại Cương"),
            ("13420", "Đỗ Văn Hùng"),
        )
    ]
    services.submit_for_review(proposal, by=organizer)
    _reviewed(proposal, council=council, held_on=dt.date(2025, 5, 6), present=9)
    services.decide(proposal, by=chair, items=items, decided_on=dt.date(2025, 5, 15))
