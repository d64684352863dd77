"""Export the current filtered list to .xlsx: the import template's columns (so a file can be
edited and re-imported elsewhere) plus stage and the full recognition history.

Personal data: the national ID is masked (last 3 digits). Every text cell goes through
thidua.core.cells, so a name like "=HYPERLINK(...)" is written as text, never a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from thidua.core.cells import escape_row
from thidua.honorees.enums import Gender, HonoreeKind
from thidua.honorees.excel.columns import COLUMNS, NO, SHEET_TITLE, YES
from thidua.honorees.models import Honoree, Recognition
from thidua.honorees.rules import mask_national_id

EXTRA_HEADERS = ("Giai đoạn", "Quá trình khen thưởng")
KIND_TEXT = {HonoreeKind.INDIVIDUAL: "Cá nhân", HonoreeKind.COLLECTIVE: "Tập thể"}
GENDER_TEXT = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}


def export_queryset(queryset: QuerySet[Honoree]) -> QuerySet[Honoree]:
    return queryset.select_related(
        "unit", "component", "sector", "field", "ethnicity"
    ).prefetch_related(
        Prefetch(
            "recognitions",
            queryset=Recognition.objects.select_related("award_form").order_by(
                "-year", "-award_form__rank"
            ),
        )
    )


def _row(number: int, honoree: Honoree) -> list[object]:
    recognitions = list(honoree.recognitions.all())
    latest = recognitions[0] if recognitions else None
    values: dict[str, object] = {
        "marker": number,
        "unit_code": honoree.unit.code,
        "kind": KIND_TEXT.get(honoree.kind, honoree.kind),  # type: ignore[call-overload]
        "name": honoree.name,
        "collective_size": honoree.collective_size,
        "gender": GENDER_TEXT.get(honoree.gender, ""),  # type: ignore[call-overload]
        "birth_year": honoree.birth_year,
        "ethnicity": honoree.ethnicity.name if honoree.ethnicity else "",
        "position": honoree.position,
        "component": honoree.component.name if honoree.component else "",
        "sector": honoree.sector.name if honoree.sector else "",
        "field": honoree.field.name if honoree.field else "",
        "works_directly": YES if honoree.works_directly else NO,
        "national_id": mask_national_id(honoree.national_id),
        "good_deeds": YES if honoree.good_deeds else NO,
        "acclaimed": YES if honoree.acclaimed else NO,
        "summary": honoree.summary,
        "award_form": latest.award_form.name if latest else "",
        "award_year": latest.year if latest else None,
        "decision_number": latest.decision_number if latest else "",
        "decision_date": latest.decision_date.strftime("%d/%m/%Y")
        if latest and latest.decision_date
        else "",
        "issuer": latest.issuer if latest else "",
    }
    history = "; ".join(f"{r.award_form.name} ({r.year})" for r in recognitions)
    cells = [values[column.key] for column in COLUMNS]
    cells += [honoree.get_stage_display(), history]
    return escape_row(list(cells))


def build_export(honorees: Iterable[Honoree]) -> bytes:
    """Stream the rows into a write-only workbook (memory stays flat for large lists)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    bold = Font(bold=True)
    header = []
    for text in [column.header for column in COLUMNS] + list(EXTRA_HEADERS):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for number, honoree in enumerate(honorees, start=1):
        row = []
        for value in _row(number, honoree):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even if it starts with an apostrophe-escaped "="
            row.append(cell)
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
