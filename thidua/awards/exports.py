"""The register as an Excel workbook (write-only, every text cell formula-safe)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook

from thidua.awards.models import DecisionEntry
from thidua.core.cells import escape_cell

COLUMNS = (
    "STT",
    "Họ và tên / tên tập thể",
    "Đơn vị",
    "Hình thức",
    "Năm",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp quyết định",
    "Thành tích",
    "Trạng thái",
    "Lý do thu hồi",
)


def register_xlsx(entries: Iterable[DecisionEntry]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("So khen thuong")
    sheet.append(list(COLUMNS))
    for index, entry in enumerate(entries, start=1):
        revocation = getattr(entry, "revocation", None) if entry.status == "revoked" else None
        row = [
            index,
            entry.honoree.name,
            entry.unit.name,
            entry.award_form.name,
            entry.year,
            entry.decision.symbol,
            entry.decision.decided_on,
            entry.decision.unit.name,
            entry.achievement,
            entry.get_status_display(),
            revocation.reason if revocation else "",
        ]
        sheet.append([escape_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
