"""python manage.py backup [--output PATH]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thidua.core.errors import DomainError
from thidua.operations.backups import create_backup
from thidua.operations.databases import DatabaseToolError


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (pg_dump hoặc SQLite backup API) và mọi tệp đã tải lên, đã sinh "
        "vào một tệp .tar có manifest và mã kiểm tra SHA-256."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="Tệp đích (mặc định: $DATA_DIR/backups/thidua-YYYYMMDD-HHMMSS.tar).",
        )

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.DATA_DIR) / "backups" / f"thidua-{stamp}.tar"
        try:
            result = create_backup(output.resolve(), by=None)
        except (DomainError, DatabaseToolError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{result.path}\n"
            f"  sha256 {result.sha256}\n"
            f"  {result.size} bytes, {result.tables} tables, {result.rows} rows, "
            f"{result.files} files"
        )
