"""The columns of the import template (and of the export), in order. One place, read by the
template writer, the importer and the export, so the three cannot drift."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese header written in the file and matched on import
    width: int = 16
    required: bool = False
    choices: str = ""  # name of a drop-down list (see template.LISTS)


# Header texts are Vietnamese on purpose (the file is a Vietnamese form); they are not
# translated so that a file exported in English can still be imported.
COLUMNS: tuple[Column, ...] = (
    Column("marker", "STT", 7),
    Column("unit_code", "Mã đơn vị (*)", 14, required=True),
    Column("kind", "Loại (*)", 11, required=True, choices="kinds"),
    Column("name", "Họ và tên / Tên tập thể (*)", 32, required=True),
    Column("collective_size", "Số thành viên (tập thể)", 12),
    Column("gender", "Giới tính", 10, choices="genders"),
    Column("birth_year", "Năm sinh", 10),
    Column("ethnicity", "Dân tộc", 12, choices="ethnicities"),
    Column("position", "Chức vụ, nghề nghiệp", 26),
    Column("component", "Thành phần", 26, choices="components"),
    Column("sector", "Khu vực kinh tế", 24, choices="sectors"),
    Column("field", "Lĩnh vực", 26, choices="fields"),
    Column("works_directly", "Trực tiếp lao động, sản xuất", 14, choices="yes_no"),
    Column("national_id", "Số CCCD", 16),
    Column("good_deeds", "Người tốt, việc tốt", 12, choices="yes_no"),
    Column("acclaimed", "Được quần chúng suy tôn", 12, choices="yes_no"),
    Column("summary", "Thành tích tiêu biểu", 40),
    Column("award_form", "Danh hiệu / hình thức đã nhận", 30, choices="award_forms"),
    Column("award_year", "Năm được tặng", 10),
    Column("decision_number", "Số quyết định", 16),
    Column("decision_date", "Ngày quyết định (dd/mm/yyyy)", 16),
    Column("issuer", "Cơ quan quyết định", 26),
)
HEADERS = tuple(column.header for column in COLUMNS)
INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
EXAMPLE_MARKER = "Ví dụ"  # rows whose STT cell says this are skipped on import
YES, NO = "Có", "Không"
KIND_LABELS = {"Cá nhân": "individual", "Tập thể": "collective"}
GENDER_LABELS = {"Nam": "male", "Nữ": "female"}
SHEET_TITLE = "Danh sách"
LISTS_TITLE = "Danh mục"

TEMPLATE_HELP = _(
    "Điền mỗi điển hình một dòng, bắt đầu từ dòng 3; dòng “Ví dụ” được bỏ qua khi nhập. "
    "Cột có dấu (*) là bắt buộc."
)
