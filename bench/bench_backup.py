"""`manage.py backup` (copy + per-table digests + manifest) against the bare copy it wraps.

Baseline: the database copy alone, as an operator would take it without the manifest
(`pg_dump --format=custom` on PostgreSQL, the SQLite online backup API). The difference is the
price of the table digests that let `restore` prove it found every record. Runs in a
throw-away database filled with audit entries (JSON data, timestamps, text).
"""

from __future__ import annotations

import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

from bench.database import scratch_database
from bench.harness import Report, timed
from thidua.core.models import AuditEntry
from thidua.operations import databases
from thidua.operations.backups import create_backup

ROWS = 200_000


def fill(rows: int) -> None:
    batch = 10_000
    for start in range(0, rows, batch):
        AuditEntry.objects.bulk_create(
            AuditEntry(
                action="units.unit.updated",
                actor_display="hệ thống",
                object_type="units.unit",
                object_id=str(n),
                object_repr=f"Xã thử nghiệm số {n}",
                data={"tên": f"Đơn vị {n}", "số": n},
            )
            for n in range(start, min(start + batch, rows))
        )


def bare_copy(folder: Path) -> int:
    target = folder / "bare"
    if connection.vendor == "postgresql":
        subprocess.run(
            [databases.pg_tool("pg_dump"), "--format=custom", f"--file={target}"],
            env=databases.pg_environment("default"),
            check=True,
        )
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        connection.connection.backup(destination)
        destination.close()
    size = target.stat().st_size
    target.unlink()
    return size


def run(report: Report) -> None:
    with scratch_database(), tempfile.TemporaryDirectory() as folder:
        fill(ROWS)
        base, size = timed(lambda: bare_copy(Path(folder)), repeat=3)
        digest, _ = timed(lambda: databases.digests("default"), repeat=3)
        archive = Path(folder) / "backup.tar"
        full, result = timed(lambda: create_backup(archive), repeat=3)
        rows = [
            ["bare copy (baseline)", f"{base:.2f}", f"{size / 2**20:.1f}", "1.0x"],
            ["table digests alone", f"{digest:.2f}", "", f"{digest / base:.1f}x"],
            [
                "manage.py backup (copy + digests + manifest)",
                f"{full:.2f}",
                f"{result.size / 2**20:.1f}",
                f"{full / base:.1f}x",
            ],
        ]
        report.add(
            f"Backup, {result.rows:,} rows in {result.tables} tables ({connection.vendor})",
            ["step", "median s", "MiB", "vs bare copy"],
            rows,
            note=(
                f"{ROWS:,} audit entries (JSON data, timestamps) plus the migrated schema; "
                "3 runs each; the digests read every row once."
            ),
        )
