"""What the conference prints for its day (issue 7, R12): the invitation (Giấy mời, GM) as a
Decree-30 DocumentSpec with the delegate's QR code, the badge sheet and the hall backdrop as
HTML laid out for the documents engine's PDF renderer (its fonts, its WeasyPrint).

Pure-ish: takes model rows, reads no database (the callers pass what they fetched).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from thidua.conferences import rules
from thidua.conferences.enums import DelegateCategory, Session
from thidua.conferences.programme import signature, unit_phrase
from thidua.core.vietnamese import long_date, place_date
from thidua.documents import spec as doc
from thidua.documents.rendering.html import qr_svg_uri

INVITATION_TYPE = "GM"
BADGES_CSS = Path(__file__).with_name("print_badges.css")
BACKDROP_CSS = Path(__file__).with_name("print_backdrop.css")


def honorific(delegate: Any) -> str:
    """ "Ông" / "Bà" for a person; nothing for a collective or an unknown gender."""
    return {"male": "Ông", "female": "Bà"}.get(delegate.gender or "", "")


def addressed(delegate: Any) -> str:
    """ "Bà Nguyễn Thị Hoa, Chủ tịch Hội Phụ nữ xã" (what follows "Kính gửi")."""
    head = " ".join(p for p in (honorific(delegate), delegate.name) if p)
    tail = ", ".join(p for p in (delegate.position, delegate.organization) if p)
    return f"{head}, {tail}" if tail else head


def invitation_url(base_url: str, token: str) -> str:
    """The link in the QR code: the public answer page of this token (never an id)."""
    return f"{base_url.rstrip('/')}/hoi-nghi/moi/{token}/"


def _when(conference: Any) -> str:
    session = str(Session(conference.session).label).lower()
    return (
        f"Thời gian: {rules.clock_text(conference.start_time)}, {session} "
        f"{long_date(conference.held_on)}."
    )


def invitation_spec(
    conference: Any, delegate: Any | None, *, link: str = "", everyone: Sequence[Any] = ()
) -> doc.DocumentSpec:
    """The GM of one delegate (addressed to them, with their QR code), or, ``delegate=None``,
    the registry copy of a batch: addressed to the delegates in the annexed list."""
    unit = conference.unit
    campaign = conference.campaign
    summary = (
        f"Dự {conference.name} {unit_phrase(unit.name)}",
        f"giai đoạn {campaign.review_period}",
    )
    if delegate is not None:
        you = honorific(delegate) or "Quý đại biểu"
        addressees: tuple[str, ...] = (addressed(delegate),)
        invite = f"trân trọng kính mời {you} tới dự {conference.name} {unit_phrase(unit.name)}"
    else:
        you = "Quý đại biểu"
        addressees = ("Các đại biểu theo danh sách kèm theo",)
        invite = (
            f"trân trọng kính mời các đại biểu tới dự {conference.name} {unit_phrase(unit.name)}"
        )
    blocks: list[doc.Block] = [
        doc.Paragraph(f"{unit.name} {invite}, giai đoạn {campaign.review_period}."),
        doc.Paragraph(_when(conference)),
        doc.Paragraph(f"Địa điểm: {conference.venue}."),
    ]
    if delegate is not None and link:
        number = f" số {delegate.badge_number:03d}" if delegate.badge_number else ""
        blocks.append(
            doc.Paragraph(
                f"{you} vui lòng xác nhận tham dự bằng mã QR dưới đây (hoặc đường dẫn ghi dưới mã) "
                "và xuất trình mã này tại bàn đón tiếp đại biểu."
            )
        )
        blocks.append(doc.Qr(link, caption=f"Đại biểu{number}: {delegate.name}"))
    blocks.append(doc.Paragraph(f"Rất mong {you} tới dự đúng giờ./."))
    annexes: tuple[doc.Annex, ...] = ()
    if delegate is None and everyone:
        rows = tuple(
            (str(i), d.name, d.position or "", d.organization or "")
            for i, d in enumerate(everyone, start=1)
        )
        annexes = (
            doc.Annex(
                "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI",
                (
                    doc.Table(
                        ("STT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị"),
                        rows,
                        widths=(1, 4, 4, 4),
                        align=("center", "left", "left", "left"),
                    ),
                ),
            ),
        )
    return doc.DocumentSpec(
        type_code=INVITATION_TYPE,
        issuer=None,
        summary=summary,
        blocks=tuple(blocks),
        signature=signature(conference),
        addressees=addressees,
        recipients=("Như trên;", "Lưu: VT."),
        annexes=annexes,
        top_level=2,
        year=conference.held_on.year,
    )


# --- Badges --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Badge:
    name: str
    organization: str
    category: str
    seat: str
    number: int | None
    link: str


def badge_of(delegate: Any, link: str) -> Badge:
    return Badge(
        name=delegate.name,
        organization=delegate.organization or delegate.position or "",
        category=str(DelegateCategory(delegate.category).label),
        seat=delegate.seat or "",
        number=delegate.badge_number,
        link=link,
    )


def badges_html(conference: Any, badges: Sequence[Badge]) -> str:
    """A print-ready A4 sheet of badges (2 x 4 per page), each with its QR code."""
    head = escape(f"{conference.name.upper()} - {conference.unit.name.upper()}")
    cards = []
    for badge in badges:
        seat = f'<div class="seat">Chỗ ngồi: {escape(badge.seat)}</div>' if badge.seat else ""
        number = f'<div class="number">Số {badge.number:03d}</div>' if badge.number else ""
        cards.append(
            '<div class="badge">'
            f'<div class="event">{head}</div>'
            f'<div class="tag">ĐẠI BIỂU</div>'
            f'<div class="who"><div class="name">{escape(badge.name)}</div>'
            f'<div class="org">{escape(badge.organization)}</div>'
            f'<div class="category">{escape(badge.category)}</div>{seat}</div>'
            f'<div class="code"><img alt="QR" src="{qr_svg_uri(badge.link)}">{number}</div>'
            "</div>"
        )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thẻ đại biểu</title>'
        f'</head><body><div class="sheet">{"".join(cards)}</div></body></html>'
    )


# --- The backdrop (R12) ------------------------------------------------------------------------


def backdrop_lines(conference: Any, place: str) -> tuple[str, str, str, str, str]:
    """The plan's five lines: upper unit; unit name; the conference (the level's name, e.g.
    "HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN"); "Giai đoạn 2021-2025" from the campaign's review period;
    place and date."""
    unit = conference.unit
    upper = unit.parent.name.upper() if unit.parent_id and unit.parent else ""
    return (
        upper,
        unit.name.upper(),
        conference.name.upper(),
        f"Giai đoạn {conference.campaign.review_period}",
        place_date(place, conference.held_on),
    )


def backdrop_html(lines: Sequence[str]) -> str:
    """The backdrop as one wide page for the banner maker (layout: print_backdrop.css)."""
    classes = ("upper", "unit", "title", "period", "when")
    rows = "".join(
        f'<div class="line {css}">{escape(text)}</div>'
        for css, text in zip(classes, lines, strict=True)
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phông hội nghị</title>'
        f'</head><body><div class="backdrop">{rows}</div></body></html>'
    )
