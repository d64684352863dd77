"""python manage.py load_units --set legacy|current [--province CODE]"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.core.audit import record_audit
from thidua.units.enums import UnitSource
from thidua.units.loader import load_units


class Command(BaseCommand):
    help = (
        "Nhập danh mục đơn vị hành chính cả nước từ gói vietnam-provinces (chạy lại không đổi gì)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--set",
            dest="unit_set",
            choices=[UnitSource.LEGACY, UnitSource.CURRENT],
            required=True,
            help="legacy: 63 tỉnh / 696 huyện / 10.051 xã (6/2025); current: 34 tỉnh / 3.321 xã.",
        )
        parser.add_argument("--province", help="Chỉ nhập một tỉnh (mã 2 chữ số, ví dụ 35).")

    def handle(self, *args: Any, unit_set: str, province: str | None, **options: Any) -> None:
        started = time.perf_counter()
        show_bar = options.get("verbosity", 1) >= 1
        report = load_units(
            unit_set,
            province_code=f"{int(province):02d}" if province else None,
            progress=self._progress if show_bar else None,
        )
        elapsed = time.perf_counter() - started
        if report.changed:
            record_audit(
                "units.import.completed",
                by=None,
                data={
                    "set": unit_set,
                    "province": province,
                    "created": report.created,
                    "updated": report.updated,
                    "successor_links_added": report.successor_links_added,
                },
            )
        self.stdout.write(
            f"\n{unit_set}: {report.created} mới, {report.updated} cập nhật, "
            f"{report.unchanged} không đổi, {report.successor_links_added} liên kết kế thừa mới "
            f"({elapsed:.1f} s)"
        )

    def _progress(self, unit_set: str, done: int, total: int) -> None:
        width = 40
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "." * (width - filled)
        self.stdout.write(f"\r{unit_set} [{bar}] {done}/{total}", ending="")
        if hasattr(self.stdout, "flush"):
            self.stdout.flush()
        elif sys.stdout.isatty():
            sys.stdout.flush()
