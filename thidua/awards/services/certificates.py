"""Certificates of a decision: full certificates (the documents engine's certificate layout)
or only the variable text printed onto pre-printed blanks (phôi) at the positions an
administrator set for the issuer and form. Both go through a background batch with progress."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.enums import CertificateField, EntryStatus, PrintMode
from thidua.awards.models import BlankLayout, Decision, DecisionEntry
from thidua.awards.services import specs
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.vietnamese import place_date, short_date
from thidua.documents import services as documents
from thidua.documents.models import DocumentBatch
from thidua.documents.rendering.overlay import render_overlays
from thidua.documents.sheets import OverlaySheet, PlacedText

SAMPLE = {
    CertificateField.NAME: "Bà Nguyễn Thị Thu Hằng",
    CertificateField.UNIT: "Hiệu trưởng Trường Tiểu học Quế, Thị trấn Quế",
    CertificateField.ACHIEVEMENT: "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước "
    "giai đoạn 2020–2025",
    CertificateField.DECISION: "Quyết định số 05/QĐ-UBND ngày 20/3/2025",
    CertificateField.PLACE_DATE: "Quế, ngày 20 tháng 3 năm 2025",
    CertificateField.SIGNER_TITLE: "CHỦ TỊCH",
    CertificateField.SIGNER: "Bùi Đức Long",
}


def recipient(entry: DecisionEntry) -> str:
    honoree = entry.honoree
    if honoree.is_collective:
        return honoree.name
    title = {"female": "Bà", "male": "Ông"}.get(honoree.gender, "")
    return f"{title} {honoree.name}".strip()


def detail(entry: DecisionEntry) -> str:
    honoree = entry.honoree
    return ", ".join(part for part in (honoree.position, entry.unit.name) if part)


def achievement(entry: DecisionEntry) -> str:
    text = " ".join(entry.achievement.split())
    return text if text.lower().startswith("đã") else f"Đã có thành tích: {text}"


def field_values(decision: Decision, entry: DecisionEntry, place: str) -> dict[str, str]:
    return {
        CertificateField.NAME: recipient(entry),
        CertificateField.UNIT: detail(entry),
        CertificateField.ACHIEVEMENT: achievement(entry),
        CertificateField.DECISION: (
            f"Quyết định số {decision.symbol} ngày {short_date(decision.decided_on)}"
        ),
        CertificateField.PLACE_DATE: place_date(place, decision.decided_on),
        CertificateField.SIGNER_TITLE: decision.signer_title,
        CertificateField.SIGNER: decision.signer_name,
    }


def sheet(
    layout: BlankLayout, values: dict[str, str], *, calibration: bool = False
) -> OverlaySheet:
    dx, dy = float(layout.offset_x_mm), float(layout.offset_y_mm)
    texts = tuple(
        PlacedText(
            text=values.get(f.field, ""),
            x_mm=float(f.x_mm) + dx,
            y_mm=float(f.y_mm) + dy,
            width_mm=float(f.width_mm),
            size_pt=float(f.font_size),
            bold=f.bold,
            italic=f.italic,
            align=f.align,
            max_lines=f.max_lines,
            frame=calibration,
            label=f"{f.get_field_display()} ({f.x_mm}, {f.y_mm} mm)" if calibration else "",
        )
        for f in layout.fields.all()
    )
    return OverlaySheet(
        float(layout.page_width_mm), float(layout.page_height_mm), texts, 5 if calibration else 0
    )


def calibration_sheet(layout: BlankLayout) -> bytes:
    """A test page: a 5 mm grid, each field's box and name, with sample text, to print on
    plain paper and hold against a blank (nothing is written)."""
    return render_overlays(
        [sheet(layout, {str(k): v for k, v in SAMPLE.items()}, calibration=True)]
    )[0]


def _entries(decision: Decision, entries: Sequence[DecisionEntry] | None) -> list[DecisionEntry]:
    queryset = (
        DecisionEntry.objects.filter(decision=decision, status=EntryStatus.GRANTED)
        .select_related("honoree", "unit", "award_form")
        .order_by("position")
    )
    if entries is not None:
        queryset = queryset.filter(pk__in=[e.pk for e in entries])
    return list(queryset)


@transaction.atomic
def print_certificates(
    decision: Decision,
    *,
    by: Any,
    mode: str = PrintMode.FULL,
    entries: Sequence[DecisionEntry] | None = None,
) -> DocumentBatch:
    """Queue the certificates of a decision's list (revoked lines excluded) as one background
    batch; its page shows the progress and gives the PDF. Refusals: ``awards.nothing_to_print``,
    ``awards.blank_layout_missing`` (blank mode: no positions set for the issuer and form),
    ``awards.bad_mode``."""
    lines = _entries(decision, entries)
    if not lines:
        raise DomainError("awards.nothing_to_print", _("Quyết định không có ai để in giấy khen."))
    issuer = decision.document.issuer
    place = issuer.place
    if mode == PrintMode.BLANK:
        layouts = {
            layout.award_form_id: layout
            for layout in BlankLayout.objects.filter(issuer=issuer).prefetch_related("fields")
        }
        missing = sorted({e.award_form.name for e in lines if e.award_form_id not in layouts})
        if missing:
            raise DomainError(
                "awards.blank_layout_missing",
                _("Chưa đặt vị trí in lên phôi cho %(forms)s của %(issuer)s.")
                % {"forms": ", ".join(missing), "issuer": issuer.abbreviation},
            )
        items: list[Any] = [
            sheet(layouts[e.award_form_id], field_values(decision, e, place)) for e in lines
        ]
    elif mode == PrintMode.FULL:
        grantor = tuple(
            part
            for part in (
                f"{decision.office.signer_title} {decision.office.signing_body}".strip(),
                decision.unit.name.upper(),
            )
            if part
        )
        items = [
            specs.certificate(
                grantor=grantor,
                title=e.award_form.name.upper(),
                recipient=recipient(e),
                detail=detail(e),
                achievement=achievement(e),
                decision_line=f"Quyết định số {decision.symbol} ngày "
                f"{short_date(decision.decided_on)}",
                register_line=f"Số vào sổ: {decision.document.serial:02d}.{e.position:02d}",
                place=place,
                date=decision.decided_on,
                signer_title=tuple(decision.signer_title.split("\n")),
                signer_name=decision.signer_name,
            )
            for e in lines
        ]
    else:
        raise DomainError("awards.bad_mode", _("Cách in không hợp lệ."))
    label = _("Giấy khen") if mode == PrintMode.FULL else _("In lên phôi")
    batch = documents.start_batch(
        by=by,
        unit=decision.unit,
        title=f"{label}: {decision.symbol} ({len(items)})",
        specs=items,
    )
    record_audit(
        "awards.certificates.printed",
        by=by,
        unit=decision.unit,
        target=decision,
        data={"mode": mode, "count": len(items), "batch": batch.pk},
    )
    return batch
