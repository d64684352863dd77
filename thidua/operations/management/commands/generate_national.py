"""python manage.py generate_national [--scale 0.01] [--honorees N ...] [--seed N] [--province CODE]
[--force]: a seeded synthetic country for scale tests and benchmarks (thidua/operations/national).
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.core.audit import record_audit
from thidua.operations.national import NotEmptyError, Sizes, generate
from thidua.operations.national.writer import Progress


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu mẫu toàn quốc (63 tỉnh, 696 huyện, 10.051 xã; khoảng 1.000.000 điển hình, "
        "2.000.000 khen thưởng, 1.500.000 đại biểu) để thử tải và đo hiệu năng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Hệ số nhân mọi số lượng (0.01: một phần trăm); các tùy chọn riêng được ưu tiên.",
        )
        for name in Sizes.__dataclass_fields__:
            parser.add_argument(f"--{name}", type=int, default=None)
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--province", help="Chỉ một tỉnh (mã 2 chữ số, ví dụ 35).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Chạy cả khi cơ sở dữ liệu đã có dữ liệu (thêm vào dữ liệu đang có).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = (
            Sizes()
            .scaled(options["scale"])
            .with_counts(**{name: options[name] for name in Sizes.__dataclass_fields__})
        )
        province = options["province"]
        started = time.perf_counter()
        show = options.get("verbosity", 1) >= 1
        try:
            report = generate(
                sizes,
                seed=options["seed"],
                province=f"{int(province):02d}" if province else None,
                force=options["force"],
                progress=Progress(sys.stderr if show else None),
            )
        except NotEmptyError as exc:
            raise CommandError(
                "Cơ sở dữ liệu đã có dữ liệu; dùng --force để vẫn sinh thêm dữ liệu mẫu."
            ) from exc
        elapsed = time.perf_counter() - started
        record_audit(
            "operations.national.generated",
            by=None,
            data={"seed": options["seed"], "province": province, **sizes.__dict__},
        )
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.seconds.items())
        self.stdout.write(
            f"{report.units:,} đơn vị, {report.honorees:,} điển hình, "
            f"{report.recognitions:,} khen thưởng, {report.conferences:,} hội nghị, "
            f"{report.delegates:,} đại biểu, {report.checkins:,} lượt điểm danh "
            f"({elapsed:.1f} s: {steps})"
        )
