"""The downloadable import template: Vietnamese headers, drop-down lists fed from a hidden
sheet of the current vocabularies (so an administrator's new rows appear), an example row."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.awards.models import AwardForm
from thidua.honorees.excel.columns import (
    COLUMNS,
    EXAMPLE_MARKER,
    GENDER_LABELS,
    KIND_LABELS,
    LISTS_TITLE,
    NO,
    SHEET_TITLE,
    TEMPLATE_HELP,
    YES,
)
from thidua.honorees.models import EconomicSector, Ethnicity, Field, SocialComponent

TEMPLATE_ROWS = 5000  # drop-downs and text format are set on this many rows


def vocabulary_lists() -> dict[str, list[str]]:
    active = {"is_active": True}
    return {
        "kinds": list(KIND_LABELS),
        "genders": list(GENDER_LABELS),
        "yes_no": [YES, NO],
        "ethnicities": list(Ethnicity.objects.filter(**active).values_list("name", flat=True)),
        "components": list(SocialComponent.objects.filter(**active).values_list("name", flat=True)),
        "sectors": list(EconomicSector.objects.filter(**active).values_list("name", flat=True)),
        "fields": list(Field.objects.filter(**active).values_list("name", flat=True)),
        "award_forms": list(
            AwardForm.objects.filter(is_active=True)
            .order_by("rank", "name")
            .values_list("name", flat=True)
        ),
    }


def example_row(unit_code: str) -> dict[str, object]:
    return {
        "marker": EXAMPLE_MARKER,
        "unit_code": unit_code,
        "kind": "Cá nhân",
        "name": "Nguyễn Thị Hoa",
        "gender": "Nữ",
        "birth_year": 1985,
        "ethnicity": "Kinh",
        "position": "Xã viên HTX nông nghiệp",
        "component": "Nông dân",
        "sector": "Kinh tế tập thể",
        "field": "Nông nghiệp, nông thôn",
        "works_directly": YES,
        "good_deeds": NO,
        "acclaimed": YES,
        "summary": "Mô hình trồng rau an toàn, tạo việc làm cho 12 lao động",
        "award_form": "Chiến sĩ thi đua cơ sở",
        "award_year": 2023,
        "decision_number": "125/QĐ-UBND",
        "decision_date": "15/12/2023",
        "issuer": "UBND huyện",
    }


def build_template(unit_code: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    lists_sheet = workbook.create_sheet(LISTS_TITLE)
    lists_sheet.sheet_state = "hidden"
    lists = vocabulary_lists()
    ranges: dict[str, str] = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        lists_sheet.cell(row=1, column=index, value=name)
        for row, value in enumerate(values, start=2):
            lists_sheet.cell(row=row, column=index, value=value)
        ranges[name] = f"'{LISTS_TITLE}'!${letter}$2:${letter}${max(len(values), 1) + 1}"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = bold, fill
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        letter = get_column_letter(index)
        if column.choices:
            validation = DataValidation(
                type="list", formula1=f"={ranges[column.choices]}", allow_blank=True
            )
            validation.error = "Chọn một giá trị trong danh sách."
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        if column.key in ("national_id", "unit_code", "decision_date"):
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.cell(row=1, column=1).comment = Comment(str(TEMPLATE_HELP), "ThiĐua")
    example = example_row(unit_code or "13384")
    grey = Font(italic=True, color="808080")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=2, column=index, value=example.get(column.key))
        cell.font = grey
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
