"""load_units on the whole country, against a naive one-row-at-a-time import of the same rows.

Runs in a throw-away database (a fresh SQLite file, or a fresh PostgreSQL database named
<DATABASE_URL's name>_bench) so the working data is untouched.
"""

from __future__ import annotations

from django.db import connection

from bench.database import scratch_database
from bench.harness import Report, timed
from thidua.core.text import fold
from thidua.units.loader import legacy_levels, load_units
from thidua.units.models import Unit, path_step


def naive_import() -> int:
    """The baseline: one INSERT and one UPDATE per unit, as a simple script would do it."""
    codes: dict[str, Unit] = {}
    for records in legacy_levels():
        for record in records:
            parent = codes.get(record.parent_code) if record.parent_code else None
            unit = Unit.objects.create(
                code=record.code,
                source="naive",
                name=record.name,
                kind=record.kind,
                level="commune",
                parent=parent,
                search_name=fold(record.name),
                path=f"~{record.code}",
                depth=(parent.depth + 1) if parent else 1,
            )
            unit.path = (parent.path if parent else "") + path_step(unit.pk)
            unit.save(update_fields=["path"])
            codes[record.code] = unit
    return len(codes)


def run(report: Report) -> None:
    with scratch_database():
        legacy, _ = timed(lambda: load_units("legacy"))
        current, _ = timed(lambda: load_units("current"))
        rerun, again = timed(lambda: load_units("legacy"))
        assert not again.changed
        naive, count = timed(naive_import)
        vendor = connection.vendor
    report.add(
        f"load_units, whole country ({vendor})",
        ["step", "units", "seconds", "vs naive one-by-one"],
        [
            [
                "legacy set (63 / 696 / 10,051)",
                10810,
                f"{legacy:.1f}",
                f"{naive / legacy:.1f}x faster",
            ],
            ["current set (34 / 3,321) + successor links", 3355, f"{current:.1f}", ""],
            ["legacy again (idempotent: writes nothing)", 10810, f"{rerun:.1f}", ""],
            ["baseline: naive one-by-one legacy import", count, f"{naive:.1f}", "1.0x"],
        ],
        note="Target: under 30 s for either set.",
    )
