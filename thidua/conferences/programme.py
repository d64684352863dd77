"""The conference programme (Chương trình, CTr) described for the documents engine.

The body is the agenda as a table (time, content, who), after the time and the venue; the
signature is the campaign's signer when the conference is the issuer's own, else the People's
Committee's chair with the name left for the pen.
"""

from __future__ import annotations

from typing import Any

from thidua.conferences import rules
from thidua.conferences.enums import Session
from thidua.core.vietnamese import long_date
from thidua.documents import spec as doc

PROGRAMME_TYPE = "CTr"
DEFAULT_SIGNATURE = doc.Signature(
    "CHỦ TỊCH", "", authority=(doc.Authority("TM", "ỦY BAN NHÂN DÂN"),)
)


def unit_phrase(name: str) -> str:
    """ "Huyện Kim Bảng" -> "huyện Kim Bảng" (inside a sentence)."""
    return name[:1].lower() + name[1:] if name else name


def _authority(text: str) -> tuple[doc.Authority, ...]:
    """ "TM. ỦY BAN NHÂN DÂN" -> (Authority("TM", "ỦY BAN NHÂN DÂN"),)."""
    capacity, _, body = text.partition(".")
    if body and capacity.strip() in doc.SIGNING_CAPACITIES:
        return (doc.Authority(capacity.strip(), body.strip()),)
    return ()


def signature(conference: Any) -> doc.Signature:
    campaign = conference.campaign
    if conference.unit_id == campaign.issuer_id and campaign.signer_title:
        return doc.Signature(
            campaign.signer_title,
            campaign.signer_name,
            authority=_authority(campaign.signer_authority),
        )
    return DEFAULT_SIGNATURE


def programme_spec(
    conference: Any, agenda: Any, issuer: doc.IssuingBody | None = None
) -> doc.DocumentSpec:
    """The programme of ``conference`` (its ``agenda``: selectors.Agenda) as a DocumentSpec,
    undated (the engine dates and numbers it when issued; a preview keeps the blanks)."""
    session = str(Session(conference.session).label).lower()
    rows = tuple(
        (
            f"{rules.clock_text(entry.starts)} - {rules.clock_text(entry.ends)}",
            entry.item.title,
            entry.item.presenter,
        )
        for entry in agenda.items
    )
    when = (
        f"Thời gian: 01 buổi, {session} {long_date(conference.held_on)}, "
        f"bắt đầu từ {rules.clock_text(conference.start_time)}."
    )
    return doc.DocumentSpec(
        type_code=PROGRAMME_TYPE,
        issuer=issuer,
        summary=(
            f"{conference.name} {unit_phrase(conference.unit.name)}",
            f"giai đoạn {conference.campaign.review_period}",
        ),
        top_level=2,
        year=conference.held_on.year,
        blocks=(
            doc.Paragraph(when),
            doc.Paragraph(f"Địa điểm: {conference.venue}."),
            doc.Table(
                ("Thời gian", "Nội dung", "Thực hiện"),
                rows,
                widths=(2, 6, 3),
                align=("center", "left", "left"),
            ),
        ),
        signature=signature(conference),
        recipients=("Các đại biểu dự Hội nghị;", "Lưu: VT."),
    )
