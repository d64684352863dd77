"""python manage.py restore ARCHIVE [--force]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.core.errors import DomainError
from thidua.operations.backups import restore_backup
from thidua.operations.databases import DatabaseToolError


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống (DATABASE_URL) và kho tệp; kiểm tra "
        "mã SHA-256 của từng phần trước và dữ liệu từng bảng sau khi nạp."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Xóa dữ liệu và tệp trùng tên đang có trước khi khôi phục.",
        )

    def handle(self, *args: Any, archive: Path, force: bool, **options: Any) -> None:
        try:
            result = restore_backup(archive.resolve(), force=force)
        except DomainError as error:
            raise CommandError(f"{error.code}: {error.message}") from error
        except DatabaseToolError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {result.archive}: {result.tables} tables, {result.rows} rows, "
            f"{result.files} files ({result.files_already_present} already present), "
            "every table and file matches the manifest"
        )
        if result.pending_migrations:
            self.stdout.write(
                "the code has migrations the backup predates: run `python manage.py migrate` "
                f"({', '.join(result.pending_migrations[:10])})"
            )
