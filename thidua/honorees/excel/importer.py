"""Import honorees from the Excel template: validate EVERY row, then write all or nothing.

``import_honorees(upload, by=, scope=)`` is the one entry point (HTML view, API and the
benchmark call it). File-level refusals raise DomainError; row problems are returned, all of
them, with row number, column header and a Vietnamese reason, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from thidua.awards.models import AwardForm
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import fold, normalize_text
from thidua.honorees import rules
from thidua.honorees.enums import HonoreeKind
from thidua.honorees.excel.columns import (
    COLUMNS,
    EXAMPLE_MARKER,
    GENDER_LABELS,
    HEADERS,
    INDEX,
    KIND_LABELS,
    NO,
    YES,
)
from thidua.honorees.excel.safety import check_xlsx
from thidua.honorees.models import (
    EconomicSector,
    Ethnicity,
    Field,
    Honoree,
    ImportBatch,
    Recognition,
    SocialComponent,
)
from thidua.honorees.services.honorees import EDITABLE_FIELDS, form_fits
from thidua.honorees.validation import check_attributes, name_key
from thidua.units.access import ACTION_ROLES, Scope
from thidua.units.models import PATH_STEP, Unit

HEADER_OF = {column.key: column.header for column in COLUMNS}
CHUNK = 1000


def max_rows() -> int:
    return int(getattr(settings, "HONOREE_IMPORT_MAX_ROWS", 20_000))


@dataclass(frozen=True)
class RowProblem:
    row: int  # the spreadsheet's row number, as the user sees it
    column: str  # the column header ("" for the whole row)
    code: str
    message: str


@dataclass
class ParsedRow:
    row: int
    unit: Unit
    values: dict[str, Any]
    recognition: dict[str, Any] | None = None


@dataclass
class ImportResult:
    problems: list[RowProblem] = field(default_factory=list)
    batch: ImportBatch | None = None
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and self.batch is not None


# --- Reading ---------------------------------------------------------------------------------


def read_rows(stream: IO[bytes], size: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cell values) of the data rows; refuses a hostile or foreign file."""
    check_xlsx(stream, size)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types on a broken file
        raise DomainError("import.not_xlsx", _("Không đọc được tệp Excel.")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = tuple(normalize_text(str(v)) if v is not None else "" for v in next(rows, ()))
        if header[: len(HEADERS)] != HEADERS:
            raise DomainError(
                "import.bad_headers",
                _("Tệp không đúng mẫu: dòng 1 phải là tiêu đề của mẫu nhập. Hãy tải mẫu mới."),
            )
        count = 0
        for number, values in enumerate(rows, start=2):
            cells = tuple(values[: len(COLUMNS)]) + (None,) * (len(COLUMNS) - len(values))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
                continue
            count += 1
            if count > max_rows():
                raise DomainError(
                    "import.too_many_rows",
                    _("Tệp có quá nhiều dòng (tối đa %(n)s).") % {"n": max_rows()},
                )
            yield number, cells
    finally:
        workbook.close()


# --- Lookups (a handful of queries, whatever the number of rows) ------------------------------


def _key(value: str) -> str:
    return normalize_text(value).casefold()


class Lookups:
    def __init__(self, scope: Scope, unit_codes: Iterable[str]) -> None:
        self.units = self._units(scope, set(unit_codes))
        self.vocabularies: dict[str, dict[str, Any]] = {}
        for key, model in (
            ("ethnicity", Ethnicity),
            ("component", SocialComponent),
            ("sector", EconomicSector),
            ("field", Field),
        ):
            table: dict[str, Any] = {}
            for item in model.objects.all():
                table[_key(item.name)] = item
                table[_key(item.code)] = item
            self.vocabularies[key] = table
        self.forms: dict[str, AwardForm] = {}
        for form in AwardForm.objects.all():
            for label in (form.code, form.name, form.short_name):
                if label:
                    self.forms.setdefault(_key(label), form)

    @staticmethod
    def _units(scope: Scope, codes: set[str]) -> dict[str, Unit]:
        """Units by code among those the importer may import into. The same official code can
        name a 2024 unit and its renamed successor: the one valid today wins, else the latest."""
        today = timezone.localdate()
        found: dict[str, Unit] = {}
        queryset = scope.units(ACTION_ROLES["honorees.import"] if not scope.is_admin else None)
        for unit in queryset.filter(code__in=codes):
            best = found.get(unit.code)
            if best is None or _unit_rank(unit, today) > _unit_rank(best, today):
                found[unit.code] = unit
        return found


def _unit_rank(unit: Unit, today: dt.date) -> tuple[bool, dt.date]:
    return (unit.is_valid_on(today), unit.valid_to or dt.date.max)


# --- Cell parsing ------------------------------------------------------------------------------


class CellError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(str(value))


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("import.bad_number", _("Phải là một số nguyên."))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    raise CellError("import.bad_number", _("Phải là một số nguyên."))


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError("import.bad_date", _("Ngày không hợp lệ (dạng dd/mm/yyyy, ví dụ 05/02/2024)."))


def _national_id(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(" ", "")
    if isinstance(value, int) and len(text) in (10, 11):  # leading zeros lost as a number
        text = text.zfill(12)
    elif isinstance(value, int) and len(text) == 8:
        text = text.zfill(9)
    if not rules.is_valid_national_id(text):
        raise CellError(
            "import.bad_national_id", _("Số CCCD phải gồm 12 chữ số (hoặc CMND 9 chữ số).")
        )
    return text


def _yes_no(value: Any) -> bool:
    text = _key(_text(value))
    if text in ("", _key(NO), "khong", "0", "false"):
        return False
    if text in (_key(YES), "co", "x", "1", "true"):
        return True
    raise CellError("import.bad_choice", _("Chọn “Có” hoặc “Không”."))


def _choice(value: Any, table: dict[str, Any], empty: Any = None) -> Any:
    text = _text(value)
    if not text:
        return empty
    found = table.get(_key(text))
    if found is None:
        raise CellError(
            "import.unknown_value",
            _("Giá trị “%(value)s” không có trong danh mục.") % {"value": text[:60]},
        )
    return found


# --- Validation ------------------------------------------------------------------------------


def parse_row(
    number: int, cells: tuple[Any, ...], lookups: Lookups, current_year: int
) -> tuple[ParsedRow | None, list[RowProblem]]:
    problems: list[RowProblem] = []
    out: dict[str, Any] = {}

    def cell(key: str, parse: Any) -> None:
        raw = cells[INDEX[key]]
        if rules.looks_like_formula(raw):
            problems.append(
                RowProblem(
                    number,
                    HEADER_OF[key],
                    "import.formula",
                    _("Ô chứa công thức; chỉ nhận giá trị (dán đặc biệt → giá trị)."),
                )
            )
            return
        try:
            out[key] = parse(raw)
        except CellError as error:
            problems.append(RowProblem(number, HEADER_OF[key], error.code, error.message))

    kinds = {_key(label): value for label, value in KIND_LABELS.items()} | {
        value: value for value in KIND_LABELS.values()
    }
    genders = {_key(label): value for label, value in GENDER_LABELS.items()} | {
        value: value for value in GENDER_LABELS.values()
    }
    cell("unit_code", _text)
    cell("kind", lambda v: _choice(v, kinds))
    cell("name", _text)
    cell("collective_size", _int)
    cell("gender", lambda v: _choice(v, genders, ""))
    cell("birth_year", _int)
    for key in ("ethnicity", "component", "sector", "field"):
        cell(key, lambda v, key=key: _choice(v, lookups.vocabularies[key]))
    cell("position", _text)
    cell("summary", lambda v: str(v).strip() if v is not None else "")
    for key in ("works_directly", "good_deeds", "acclaimed"):
        cell(key, _yes_no)
    cell("national_id", _national_id)
    cell("award_form", lambda v: _choice(v, lookups.forms))
    cell("award_year", _int)
    cell("decision_number", _text)
    cell("decision_date", _date)
    cell("issuer", _text)

    for key in ("unit_code", "kind", "name"):
        if key in out and not out[key]:
            problems.append(
                RowProblem(number, HEADER_OF[key], "import.required", _("Ô này là bắt buộc."))
            )
    unit = lookups.units.get(out.get("unit_code") or "")
    if out.get("unit_code") and unit is None:
        problems.append(
            RowProblem(
                number,
                HEADER_OF["unit_code"],
                "import.unknown_unit",
                _("Mã đơn vị “%(code)s” không tồn tại hoặc ngoài phạm vi của bạn.")
                % {"code": out["unit_code"][:32]},
            )
        )
    if out.get("kind") and out.get("name") is not None:
        for problem in check_attributes(
            kind=out["kind"],
            name=out["name"] or "x",
            gender=out.get("gender") or "",
            birth_year=out.get("birth_year"),
            collective_size=out.get("collective_size"),
            national_id=out.get("national_id"),
            current_year=current_year,
        ):
            header = HEADER_OF.get(problem.field, HEADER_OF["kind"])
            code = problem.code.replace("honorees.", "import.")
            problems.append(RowProblem(number, header, code, problem.message))
    recognition = _recognition(number, out, problems)
    if problems or unit is None:
        return None, problems
    values = {key: out.get(key) for key in EDITABLE_FIELDS}
    values["gender"] = values["gender"] or ""
    return ParsedRow(number, unit, values, recognition), []


def _recognition(number: int, out: dict[str, Any], problems: list[RowProblem]) -> dict | None:
    form = out.get("award_form")
    year = out.get("award_year")
    details = [out.get(k) for k in ("decision_number", "decision_date", "issuer")]
    if form is None and year is None and not any(details):
        return None
    if form is None or year is None:
        missing = "award_form" if form is None else "award_year"
        if missing in out:  # not already reported as unparsable
            problems.append(
                RowProblem(
                    number,
                    HEADER_OF[missing],
                    "import.recognition_incomplete",
                    _("Cần cả danh hiệu / hình thức và năm được tặng."),
                )
            )
        return None
    if out.get("kind") and not form_fits(form, out["kind"]):
        problems.append(
            RowProblem(
                number,
                HEADER_OF["award_form"],
                "import.form_subject_mismatch",
                _("“%(form)s” không dành cho đối tượng này.") % {"form": form.name},
            )
        )
    decision_date = out.get("decision_date")
    if decision_date is not None and decision_date.year < year:
        problems.append(
            RowProblem(
                number,
                HEADER_OF["decision_date"],
                "import.decision_before_year",
                _("Ngày quyết định không thể trước năm được tặng."),
            )
        )
    return {
        "award_form": form,
        "year": year,
        "decision_number": out.get("decision_number") or "",
        "decision_date": decision_date,
        "issuer": out.get("issuer") or "",
        "level": "",
    }


def _identity(row: ParsedRow) -> tuple[int, str, int | None, str]:
    values = row.values
    return (row.unit.pk, values["kind"], values["birth_year"], name_key(values["name"]))


def check_duplicates(rows: list[ParsedRow]) -> list[RowProblem]:
    """Duplicates within the file and against the registry, by national ID and by unit + name
    + birth year (NFC and NFD spellings of a name are one name)."""
    problems: list[RowProblem] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[int, str, int | None, str], int] = {}
    for row in rows:
        national_id = row.values["national_id"]
        if national_id:
            if national_id in seen_ids:
                problems.append(_dup_in_file(row.row, "national_id", seen_ids[national_id]))
            seen_ids.setdefault(national_id, row.row)
        identity = _identity(row)
        if identity in seen_names:
            problems.append(_dup_in_file(row.row, "name", seen_names[identity]))
        seen_names.setdefault(identity, row.row)
    existing_ids: set[str] = set()
    ids = list(seen_ids)
    for start in range(0, len(ids), CHUNK):
        found = Honoree.objects.filter(national_id__in=ids[start : start + CHUNK])
        existing_ids.update(n for n in found.values_list("national_id", flat=True) if n)
    existing_names: set[tuple[int, str, int | None, str]] = set()
    pairs = sorted({(row.unit.pk, fold(row.values["name"])) for row in rows})
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        for unit_id, kind, birth_year, name in Honoree.objects.filter(
            unit_id__in={p[0] for p in chunk}, search_name__in={p[1] for p in chunk}
        ).values_list("unit_id", "kind", "birth_year", "name"):
            existing_names.add((unit_id, kind, birth_year, name_key(name)))
    for row in rows:
        if row.values["national_id"] in existing_ids:
            problems.append(
                RowProblem(
                    row.row,
                    HEADER_OF["national_id"],
                    "import.duplicate_national_id",
                    _("Số CCCD này đã có trong danh sách điển hình."),
                )
            )
        if _identity(row) in existing_names:
            problems.append(
                RowProblem(
                    row.row,
                    HEADER_OF["name"],
                    "import.duplicate_name",
                    _("Đơn vị đã có điển hình cùng tên và năm sinh."),
                )
            )
    return problems


def _dup_in_file(row: int, key: str, first: int) -> RowProblem:
    return RowProblem(
        row,
        HEADER_OF[key],
        "import.duplicate_in_file",
        _("Trùng với dòng %(first)s trong tệp.") % {"first": first},
    )


def validate(
    numbered_rows: Iterable[tuple[int, tuple[Any, ...]]], *, scope: Scope
) -> tuple[list[ParsedRow], list[RowProblem], int]:
    """Every problem of every row; the parsed rows are usable only when there is none."""
    raw = list(numbered_rows)
    codes = {_text(cells[INDEX["unit_code"]]) for _, cells in raw}
    lookups = Lookups(scope, codes)
    current_year = timezone.localdate().year
    parsed: list[ParsedRow] = []
    problems: list[RowProblem] = []
    data_rows = 0
    for number, cells in raw:
        if _text(cells[INDEX["marker"]]).casefold() == EXAMPLE_MARKER.casefold():
            continue
        data_rows += 1
        row, row_problems = parse_row(number, cells, lookups, current_year)
        problems.extend(row_problems)
        if row is not None:
            parsed.append(row)
    problems.extend(check_duplicates(parsed))
    problems.sort(key=lambda p: (p.row, HEADERS.index(p.column) if p.column in HEADERS else 0))
    return parsed, problems, data_rows


# --- Writing ---------------------------------------------------------------------------------


def _common_unit(rows: list[ParsedRow]) -> Unit:
    """The deepest unit above every imported row (the batch's and the audit entry's unit)."""
    paths = [row.unit.path for row in rows]
    prefix = paths[0]
    for path in paths[1:]:
        while not path.startswith(prefix):
            prefix = prefix[:-PATH_STEP]
    units = {row.unit.path: row.unit for row in rows}
    return units.get(prefix) or Unit.objects.get(path=prefix)


@transaction.atomic
def write_rows(rows: list[ParsedRow], *, by: Any, file_name: str) -> ImportBatch:
    """Write every row in bulk (a few queries per thousand rows) and one audit entry."""
    unit = _common_unit(rows)
    user = by if getattr(by, "is_authenticated", False) else None
    batch = ImportBatch.objects.create(
        unit=unit, file_name=file_name[:255], row_count=len(rows), created_by=user
    )
    honorees = [
        Honoree(
            unit=row.unit,
            search_name=fold(row.values["name"]),
            import_batch=batch,
            created_by=user,
            **row.values,
        )
        for row in rows
    ]
    try:
        with transaction.atomic():
            Honoree.objects.bulk_create(honorees, batch_size=CHUNK)
    except IntegrityError as exc:  # an ID number written meanwhile under another unit
        raise ConflictError(
            "import.concurrent_duplicate",
            _("Một số CCCD trong tệp vừa được nhập ở nơi khác; hãy tải tệp lên lại để kiểm tra."),
        ) from exc
    recognitions = [
        Recognition(honoree=honoree, **row.recognition)
        for honoree, row in zip(honorees, rows, strict=True)
        if row.recognition is not None
    ]
    Recognition.objects.bulk_create(recognitions, batch_size=CHUNK)
    record_audit(
        "honorees.import.completed",
        by=by,
        unit=unit,
        target=batch,
        data={
            "rows": len(rows),
            "recognitions": len(recognitions),
            "kinds": {
                kind: sum(1 for r in rows if r.values["kind"] == kind)
                for kind in HonoreeKind.values
            },
        },
    )
    return batch


def import_honorees(
    stream: IO[bytes], *, size: int, file_name: str, by: Any, scope: Scope
) -> ImportResult:
    """Validate the whole file; write every row, or none when any row has a problem."""
    rows, problems, count = validate(read_rows(stream, size), scope=scope)
    if not problems and not rows:
        raise DomainError("import.empty", _("Tệp không có dòng dữ liệu nào."))
    if problems:
        return ImportResult(problems=problems, rows_read=count)
    with transaction.atomic():
        # Two imports (or an import and a form) racing for the same people: lock the units the
        # rows go to, then check the registry again before writing (validation ran unlocked).
        lock_units({row.unit.pk for row in rows})
        problems = check_duplicates(rows)
        if problems:
            return ImportResult(problems=problems, rows_read=count)
        batch = write_rows(rows, by=by, file_name=file_name)
    return ImportResult(batch=batch, rows_read=count)


def lock_units(unit_ids: set[int]) -> None:
    """Serialise writers of honorees per unit (ordered, so two writers cannot deadlock)."""
    list(Unit.objects.select_for_update().filter(pk__in=unit_ids).order_by("pk").values("pk"))
