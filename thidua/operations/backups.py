"""Backups and restores: the database and every file of the default storage, in one archive.

    result = create_backup(Path("/srv/backups/thidua.tar"), by=None)
    result = restore_backup(Path("/srv/backups/thidua.tar"), force=False)

``create_backup`` copies the database first (a consistent snapshot, see databases.py), then the
files through Django's storage API (a directory or an S3-compatible store alike), and writes the
manifest with the size and SHA-256 of every part and the digest of every table. Files are
written once and never changed in this system (issued documents are immutable versions), so a
file row in the dump always finds its file, copied just after.

``restore_backup`` refuses, writing nothing, unless: the archive verifies against its manifest,
the engine is the one configured, the database is empty (no tables) and no file of the archive
exists in the storage with other content. ``force=True`` drops what is there instead. After
loading it digests every table again and compares with the manifest, then restores the files
and checks each one, and only then writes the audit entry (into the restored database).
"""

from __future__ import annotations

import getpass
import hashlib
import importlib.metadata
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import django
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.operations import databases
from thidua.operations.archive import (
    CHUNK,
    FORMAT,
    ArchiveError,
    ArchiveReader,
    ArchiveWriter,
    sha256_of,
)


@dataclass
class BackupResult:
    path: Path
    sha256: str
    size: int
    tables: int
    rows: int
    files: int


@dataclass
class RestoreResult:
    archive: Path
    tables: int
    rows: int
    files: int
    files_already_present: int
    pending_migrations: list[str] = field(default_factory=list)


def storage_names(storage: Storage) -> list[str]:
    """Every file name of ``storage``, sorted (walks folders with ``listdir``)."""
    names: list[str] = []

    def walk(folder: str) -> None:
        try:
            folders, files = storage.listdir(folder)
        except FileNotFoundError:
            return
        for name in files:
            names.append(f"{folder}/{name}" if folder else name)
        for sub in folders:
            walk(f"{folder}/{sub}" if folder else sub)

    walk("")
    return sorted(names)


def _storage_sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        return str(os.getuid())


def _versions() -> dict[str, str]:
    try:
        thidua = importlib.metadata.version("thidua")
    except importlib.metadata.PackageNotFoundError:
        thidua = "unknown"
    return {"thidua": thidua, "django": django.get_version()}


def create_backup(
    output: Path,
    *,
    by: Any = None,
    storage: Storage | None = None,
) -> BackupResult:
    """Write the archive to ``output`` (through ``output.partial``, renamed when complete; mode
    0600: it holds personal data). Audit: ``operations.backup.created``."""
    storage = storage or default_storage
    using = DEFAULT_DB_ALIAS
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    info = databases.describe(using)
    member = "database.dump" if info["engine"] == "postgresql" else "database.sqlite3"
    migrations = sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations()
    )
    writer = ArchiveWriter(partial)
    try:
        with tempfile.TemporaryDirectory(prefix="thidua-backup-") as folder:
            copy = Path(folder) / member
            tables = databases.dump(using, copy)
            database = {**info, **writer.add_path(member, copy)}
        for name in storage_names(storage):
            with storage.open(name, "rb") as stream:
                writer.add_stream(name, stream, storage.size(name))
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": database,
            "tables": {name: digest.as_dict() for name, digest in sorted(tables.items())},
            "files": writer.files,
            "migrations": migrations,
            "versions": _versions(),
        }
        writer.close(manifest)
    except BaseException:
        writer.abort()
        partial.unlink(missing_ok=True)
        raise
    os.chmod(partial, 0o600)
    partial.replace(output)
    result = BackupResult(
        path=output,
        sha256=sha256_of(output),
        size=output.stat().st_size,
        tables=len(tables),
        rows=sum(digest.rows for digest in tables.values()),
        files=len(writer.files),
    )
    record_audit(
        "operations.backup.created",
        by=by,
        data={
            "archive": output.name,
            "sha256": result.sha256,
            "size": result.size,
            "tables": result.tables,
            "rows": result.rows,
            "files": result.files,
            "os_user": _os_user(),
        },
    )
    return result


def _refusal(error: ArchiveError) -> DomainError:
    return DomainError(
        error.code, _("Tệp sao lưu không dùng được: %(reason)s") % {"reason": str(error)}
    )


def _file_plan(reader: ArchiveReader, storage: Storage) -> tuple[list[dict[str, Any]], int, list]:
    """(files to write, files already there with the same content, conflicting names)."""
    to_write, same, conflicts = [], 0, []
    for entry in reader.manifest["files"]:
        if not storage.exists(entry["name"]):
            to_write.append(entry)
        elif _storage_sha256(storage, entry["name"]) == entry["sha256"]:
            same += 1
        else:
            conflicts.append(entry)
    return to_write, same, conflicts


def _check_target(reader: ArchiveReader, using: str, *, force: bool) -> None:
    engine = databases.vendor(using)
    if reader.manifest["database"]["engine"] != engine:
        raise DomainError(
            "operations.engine_mismatch",
            _("Bản sao lưu của %(archive)s, không khôi phục được vào %(engine)s.")
            % {"archive": reader.manifest["database"]["engine"], "engine": engine},
        )
    if not force and not databases.is_empty(using):
        raise DomainError(
            "operations.database_not_empty",
            _(
                "Cơ sở dữ liệu đích đã có dữ liệu: chỉ khôi phục vào cơ sở dữ liệu trống "
                "(hoặc dùng --force để xóa dữ liệu hiện có)."
            ),
        )


def _write_files(
    reader: ArchiveReader, storage: Storage, entries: list[dict[str, Any]], *, replace: bool
) -> None:
    for entry in entries:
        name = entry["name"]
        if replace and storage.exists(name):
            storage.delete(name)
        with reader.open_file(name) as stream:
            saved = storage.save(name, File(stream, name=name))
        if saved != name or _storage_sha256(storage, name) != entry["sha256"]:
            raise DomainError(
                "operations.file_mismatch",
                _("Tệp %(name)s khôi phục không khớp với bản sao lưu.") % {"name": name},
            )


def _pending_migrations(using: str) -> list[str]:
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def restore_backup(
    archive: Path,
    *,
    force: bool = False,
    storage: Storage | None = None,
) -> RestoreResult:
    """Restore ``archive`` into the configured (empty) database and ``storage``.

    Refusals, before anything is written: ``operations.archive_unreadable``,
    ``operations.archive_format``, ``operations.member_missing``,
    ``operations.checksum_mismatch``, ``operations.engine_mismatch``,
    ``operations.database_not_empty``, ``operations.files_conflict`` (the last two lifted by
    ``force``). After loading: ``operations.restore_mismatch`` (a table's digest differs from
    the manifest), ``operations.file_mismatch``. Audit: ``operations.backup.restored``."""
    storage = storage or default_storage
    using = DEFAULT_DB_ALIAS
    try:
        reader = ArchiveReader(archive)
    except ArchiveError as error:
        raise _refusal(error) from error
    with reader:
        try:
            reader.verify()
        except ArchiveError as error:
            raise _refusal(error) from error
        _check_target(reader, using, force=force)
        to_write, same, conflicts = _file_plan(reader, storage)
        if conflicts and not force:
            raise DomainError(
                "operations.files_conflict",
                _("%(count)s tệp đã có trong kho lưu trữ với nội dung khác, ví dụ %(name)s.")
                % {"count": len(conflicts), "name": conflicts[0]["name"]},
            )
        with tempfile.TemporaryDirectory(prefix="thidua-restore-") as folder:
            copy = reader.extract_database(Path(folder))
            loaded = databases.load(using, copy, wipe=force)
        expected = reader.manifest["tables"]
        found = {name: digest.as_dict() for name, digest in loaded.items()}
        if found != expected:
            differing = sorted(
                name for name in set(found) | set(expected) if found.get(name) != expected.get(name)
            )
            raise DomainError(
                "operations.restore_mismatch",
                _("Dữ liệu sau khi khôi phục khác bản sao lưu ở các bảng: %(tables)s.")
                % {"tables": ", ".join(differing[:20])},
            )
        _write_files(reader, storage, to_write + conflicts, replace=True)
        result = RestoreResult(
            archive=archive,
            tables=len(expected),
            rows=sum(table["rows"] for table in expected.values()),
            files=len(reader.manifest["files"]),
            files_already_present=same,
            pending_migrations=_pending_migrations(using),
        )
        record_audit(
            "operations.backup.restored",
            by=None,
            data={
                "archive": archive.name,
                "sha256": sha256_of(archive),
                "backup_created_at": reader.manifest["created_at"],
                "tables": result.tables,
                "rows": result.rows,
                "files": result.files,
                "forced": force,
                "os_user": _os_user(),
            },
        )
    return result
