"""Import 10,000 honorees from the Excel template (read, validate, write) against a naive
one-row-at-a-time insert of the same rows (one service call per row), in the same run.

Runs in a throw-away database (SQLite file, or <DATABASE_URL's name>_bench on PostgreSQL).
Target: under 15 s for 10,000 rows.
"""

from __future__ import annotations

import io
import random

from django.db import connection

from bench.database import scratch_database
from bench.harness import Report, timed
from thidua.honorees import services
from thidua.honorees.excel.columns import COLUMNS, HEADERS
from thidua.honorees.excel.importer import import_honorees, read_rows, validate
from thidua.honorees.models import Honoree, SocialComponent
from thidua.units import access
from thidua.units import services as unit_services

ROWS = 10_000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hằng", "Lan", "Long", "Mai", "Nam", "Tâm"]


def _world() -> list[str]:
    province = unit_services.create_unit(by=None, code="BP", name="Tỉnh Đo", kind="province")
    district = unit_services.create_unit(
        by=None, code="BD", name="Huyện Đo", kind="rural_district", parent=province
    )
    codes = []
    for i in range(20):
        unit_services.create_unit(
            by=None, code=f"BX{i}", name=f"Xã Đo {i}", kind="commune", parent=district
        )
        codes.append(f"BX{i}")
    return codes


def _rows(codes: list[str], count: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        rows.append(
            {
                "unit_code": rng.choice(codes),
                "kind": "Cá nhân",
                "name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {seed}-{i}",
                "gender": rng.choice(["Nam", "Nữ"]),
                "birth_year": rng.randint(1960, 2000),
                "ethnicity": "Kinh",
                "component": rng.choice(["Nông dân", "Công nhân", "Cán bộ, công chức, viên chức"]),
                "sector": "Kinh tế tư nhân",
                "field": "Kinh tế",
                "works_directly": "Có",
                "national_id": f"{seed:03d}{i:09d}",
                "award_form": "Lao động tiên tiến",
                "award_year": 2023,
                "decision_number": f"{i}/QĐ-UBND",
                "decision_date": "20/12/2023",
            }
        )
    return rows


def _xlsx(rows: list[dict[str, object]]) -> bytes:
    from openpyxl import Workbook

    # A regular workbook, as Excel saves it: shared strings and a <dimension> element (without
    # it openpyxl's read-only mode scans the sheet twice).
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([row.get(column.key) for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _naive(rows: list[dict[str, object]], admin: object) -> int:
    """The baseline: what a simple script does, one create_honoree per row (each validated,
    duplicate-checked and audited on its own)."""
    from thidua.units.models import Unit

    units = {u.code: u for u in Unit.objects.filter(code__in={r["unit_code"] for r in rows})}
    farmer = SocialComponent.objects.get(code="nong-dan")
    for row in rows:
        services.create_honoree(
            by=admin,
            unit=units[str(row["unit_code"])],
            kind="individual",
            name=str(row["name"]),
            gender="male" if row["gender"] == "Nam" else "female",
            birth_year=int(row["birth_year"]),  # type: ignore[call-overload]
            component=farmer,
            national_id=str(row["national_id"]),
        )
    return len(rows)


def run(report: Report) -> None:
    from django.contrib.auth import get_user_model

    with scratch_database():
        codes = _world()
        admin = get_user_model().objects.create_user("bench", is_superuser=True, is_staff=True)
        scope = access.scope_for(admin)
        content = _xlsx(_rows(codes, ROWS, seed=1))

        def read_and_validate() -> int:
            parsed, problems, _ = validate(
                read_rows(io.BytesIO(content), len(content)), scope=scope
            )
            assert not problems, problems[:3]
            return len(parsed)

        validate_s, _ = timed(read_and_validate)

        def full_import() -> object:
            return import_honorees(
                io.BytesIO(content), size=len(content), file_name="b.xlsx", by=admin, scope=scope
            )

        full_s, result = timed(full_import)
        assert result.ok and Honoree.objects.count() == ROWS  # type: ignore[attr-defined]
        naive_rows = _rows(codes, ROWS // 10, seed=2)
        naive_s, naive_count = timed(lambda: _naive(naive_rows, admin))
        vendor = connection.vendor
    naive_rate = naive_count / naive_s
    full_rate = ROWS / full_s
    report.add(
        f"Honoree Excel import, {ROWS:,} rows ({vendor})",
        ["step", "rows", "seconds", "rows/s", "vs naive one-by-one"],
        [
            [
                "read + validate (no write)",
                ROWS,
                f"{validate_s:.1f}",
                f"{ROWS / validate_s:,.0f}",
                "",
            ],
            [
                "full import (read, validate, write, audit)",
                ROWS,
                f"{full_s:.1f}",
                f"{full_rate:,.0f}",
                f"{full_rate / naive_rate:.1f}x faster",
            ],
            [
                "baseline: create_honoree per row",
                naive_count,
                f"{naive_s:.1f}",
                f"{naive_rate:,.0f}",
                "1.0x",
            ],
        ],
        note=(
            "Target: under 15 s for 10,000 rows. The baseline runs on 1,000 rows (its rate "
            "is per row, so the ratio compares rows per second)."
        ),
    )
