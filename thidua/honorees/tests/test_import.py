"""Excel in: the template, validation of every error kind, all or nothing, hostile files."""

import io
import unicodedata
import zipfile

import pytest
from openpyxl import load_workbook

from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.honorees.excel.columns import HEADERS
from thidua.honorees.excel.importer import import_honorees
from thidua.honorees.excel.template import build_template
from thidua.honorees.models import Honoree, ImportBatch, Recognition
from thidua.honorees.tests.factories import good_row, make_honoree, workbook_bytes
from thidua.units import access

pytestmark = pytest.mark.django_db


def run_import(content, user, name="ds.xlsx"):
    return import_honorees(
        io.BytesIO(content),
        size=len(content),
        file_name=name,
        by=user,
        scope=access.scope_for(user),
    )


def problems_of(result):
    return [(p.row, p.column, p.code) for p in result.problems]


def test_template_has_headers_drop_downs_and_an_example_row():
    workbook = load_workbook(io.BytesIO(build_template("A1")))
    sheet = workbook["Danh sách"]
    assert tuple(c.value for c in sheet[1]) == HEADERS
    assert sheet["A2"].value == "Ví dụ" and sheet["B2"].value == "A1"
    formulas = {str(v.formula1) for v in sheet.data_validations.dataValidation}
    assert all("Danh mục" in f for f in formulas) and len(formulas) == 8
    assert len(sheet.data_validations.dataValidation) == 10
    lists = workbook["Danh mục"]
    assert lists.sheet_state == "hidden"
    column_of = {lists.cell(row=1, column=i).value: i for i in range(1, lists.max_column + 1)}
    components = [c.value for c in lists[chr(64 + column_of["components"])][1:] if c.value]
    assert "Nông dân" in components and "Công nhân" in components


def test_the_template_itself_imports_nothing_but_the_example_is_skipped(world, commune_a_officer):
    with pytest.raises(DomainError) as error:
        run_import(build_template("A1"), commune_a_officer)
    assert error.value.code == "import.empty"


def test_a_good_file_writes_every_row_with_one_audit_entry(world, commune_a_officer):
    content = workbook_bytes(
        [
            good_row(
                "A1",
                "Nguyễn Văn An",
                award_form="Chiến sĩ thi đua cơ sở",
                award_year=2023,
                decision_number="12/QĐ-UBND",
                decision_date="20/12/2023",
            ),
            good_row(
                "A1-TH", "Trần Thị Bình", gender="Nữ", birth_year=1990, national_id="001190000123"
            ),
            good_row(
                "A1",
                "Tổ sản xuất rau an toàn",
                kind="Tập thể",
                gender=None,
                birth_year=None,
                ethnicity=None,
                collective_size=12,
                award_form="Giấy khen",
                award_year=2024,
            ),
        ]
    )
    result = run_import(content, commune_a_officer)
    assert result.problems == [] and result.ok
    assert sorted(Honoree.objects.values_list("name", "unit__code", "kind")) == [
        ("Nguyễn Văn An", "A1", "individual"),
        ("Trần Thị Bình", "A1-TH", "individual"),
        ("Tổ sản xuất rau an toàn", "A1", "collective"),
    ]
    assert sorted(Recognition.objects.values_list("award_form__code", "year")) == [
        ("cstdcs", 2023),
        ("giay-khen", 2024),
    ]
    batch = ImportBatch.objects.get()
    assert (batch.unit, batch.row_count, batch.created_by) == (
        world.commune_a,
        3,
        commune_a_officer,
    )
    entry = AuditEntry.objects.get(action="honorees.import.completed")
    assert entry.data["rows"] == 3 and entry.data["recognitions"] == 2
    assert "001190000123" not in str(entry.data)


ERROR_CASES = [
    ({"unit_code": "ZZZ"}, "Mã đơn vị (*)", "import.unknown_unit"),
    ({"unit_code": "B1"}, "Mã đơn vị (*)", "import.unknown_unit"),  # exists, out of scope
    ({"name": None}, "Họ và tên / Tên tập thể (*)", "import.required"),
    ({"kind": "Robot"}, "Loại (*)", "import.unknown_value"),
    ({"birth_year": 1850}, "Năm sinh", "import.birth_year_out_of_range"),
    ({"birth_year": "năm tám mươi"}, "Năm sinh", "import.bad_number"),
    (
        {"award_form": "Giấy khen", "award_year": 2023, "decision_date": "31/02/2023"},
        "Ngày quyết định (dd/mm/yyyy)",
        "import.bad_date",
    ),
    ({"component": "Phi hành gia"}, "Thành phần", "import.unknown_value"),
    ({"national_id": "12AB"}, "Số CCCD", "import.bad_national_id"),
    ({"works_directly": "Có lẽ"}, "Trực tiếp lao động, sản xuất", "import.bad_choice"),
    ({"award_form": "Giấy khen"}, "Năm được tặng", "import.recognition_incomplete"),
    (
        {"award_form": "Tập thể lao động tiên tiến", "award_year": 2023},
        "Danh hiệu / hình thức đã nhận",
        "import.form_subject_mismatch",
    ),
    ({"name": '=HYPERLINK("http://x")'}, "Họ và tên / Tên tập thể (*)", "import.formula"),
]


@pytest.mark.parametrize(("values", "column", "code"), ERROR_CASES)
def test_each_error_kind_is_reported_with_row_and_column(
    world, commune_a_officer, values, column, code
):
    bad = {"unit_code": "A1", "name": "Lê Văn Hai", **values}
    content = workbook_bytes([good_row("A1", "Lê Văn Một"), good_row(**bad)])
    result = run_import(content, commune_a_officer)
    assert problems_of(result) == [(3, column, code)]
    assert result.problems[0].message  # a Vietnamese reason
    assert Honoree.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_duplicates_of_the_registry_and_within_the_file(world, commune_a_officer):
    make_honoree(world.commune_a, "Phạm Văn Cường", birth_year=1975, national_id="001075000001")
    nfd = unicodedata.normalize("NFD", "Phạm Văn Cường")
    content = workbook_bytes(
        [
            good_row("A1", nfd, birth_year=1975),  # same person, NFD spelling
            good_row("A1", "Người Mới", national_id="001075000001"),
            good_row("A1", "Đỗ Thị Em", birth_year=1990, national_id="001190000777"),
            good_row("A1", "ĐỖ THỊ EM", birth_year=1990),
            good_row("A1", "Người Khác", national_id="001190000777"),
        ]
    )
    result = run_import(content, commune_a_officer)
    assert problems_of(result) == [
        (2, "Họ và tên / Tên tập thể (*)", "import.duplicate_name"),
        (3, "Số CCCD", "import.duplicate_national_id"),
        (5, "Họ và tên / Tên tập thể (*)", "import.duplicate_in_file"),
        (6, "Số CCCD", "import.duplicate_in_file"),
    ]
    assert "dòng 4" in result.problems[2].message
    assert Honoree.objects.count() == 1


def test_all_or_nothing_every_bad_row_reported(world, commune_a_officer):
    rows = [good_row("A1", f"Người Số {i}") for i in range(20)]
    rows[4] = good_row("A1", "Sai Năm", birth_year=1700)
    rows[15] = good_row("NOPE", "Sai Mã")
    result = run_import(workbook_bytes(rows), commune_a_officer)
    assert [p.row for p in result.problems] == [6, 17]
    assert Honoree.objects.count() == 0
    assert not AuditEntry.objects.filter(action="honorees.import.completed").exists()


def test_numeric_national_ids_get_their_leading_zeros_back(world, commune_a_officer):
    result = run_import(workbook_bytes([good_row("A1", national_id=1190000123)]), commune_a_officer)
    assert result.ok
    assert Honoree.objects.get().national_id == "001190000123"


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


HOSTILE = [
    (b"Ho va ten,Nam sinh\nA,1980\n", "import.not_xlsx"),  # a CSV renamed .xlsx
    (b"PK\x03\x04garbage-not-a-zip", "import.not_xlsx"),
    (_zip({"hello.txt": "x"}), "import.not_xlsx"),
    (
        _zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>", "xl/vbaProject.bin": "m"}),
        "import.macro",
    ),
    (
        _zip(
            {
                "[Content_Types].xml": "<x/>",
                "xl/workbook.xml": "<x/>",
                "xl/worksheets/sheet1.xml": "0" * (60 * 1024 * 1024),
            }
        ),
        "import.zip_bomb",
    ),
    (_zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<not xml"}), "import.not_xlsx"),
]


@pytest.mark.parametrize(("content", "code"), HOSTILE)
def test_hostile_or_malformed_files_are_refused_cleanly(world, commune_a_officer, content, code):
    with pytest.raises(DomainError) as error:
        run_import(content, commune_a_officer)
    assert error.value.code == code
    assert Honoree.objects.count() == 0


def test_too_large_upload_and_foreign_headers_and_row_limit(world, commune_a_officer, settings):
    settings.HONOREE_IMPORT_LIMITS = {"max_upload_bytes": 100}
    with pytest.raises(DomainError) as error:
        run_import(workbook_bytes([good_row("A1")]), commune_a_officer)
    assert error.value.code == "import.file_too_large"
    settings.HONOREE_IMPORT_LIMITS = {}
    with pytest.raises(DomainError) as error:
        run_import(workbook_bytes([["a", "b"]], headers=["Tên", "Tuổi"]), commune_a_officer)
    assert error.value.code == "import.bad_headers"
    settings.HONOREE_IMPORT_MAX_ROWS = 2
    rows = [good_row("A1", f"Người {i}") for i in range(3)]
    with pytest.raises(DomainError) as error:
        run_import(workbook_bytes(rows), commune_a_officer)
    assert error.value.code == "import.too_many_rows"
