"""Backups and restores: a round trip into an empty database finds every record and file."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from config.tests.test_settings import run_manage
from conftest import make_user
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.operations import databases
from thidua.operations.archive import MANIFEST, ArchiveReader
from thidua.operations.backups import create_backup, restore_backup, storage_names

AUDIT_TABLES = {"core_auditentry", "sequence:core_auditentry_id_seq"}
FILES = {
    "documents/2025/a/15-KH-UBND-v1.pdf": b"%PDF-1.7 plan " + bytes(range(256)) * 40,
    "honorees/photos/x.jpg": "ảnh điển hình".encode(),
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def populated(world, media):
    """The persona world, users, audit entries with JSON, and files in the storage."""
    user = make_user("nguoidung", world.commune_a, phone="0912 345 678")
    record_audit("units.unit.updated", by=user, unit=world.commune_a, data={"tên": "Đông Hòa"})
    for name, data in FILES.items():
        assert default_storage.save(name, ContentFile(data)) == name
    return world


class EmptyTarget:
    """A new, empty database of the engine under test, for `manage.py restore` to fill."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.media = folder / "media"
        primary = connection.settings_dict
        self.vendor = connection.vendor
        if self.vendor == "postgresql":
            self.name = f"{primary['NAME']}_restore"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{self.name}"')
            auth = primary["USER"] + (f":{primary['PASSWORD']}" if primary["PASSWORD"] else "")
            url = f"postgres://{auth}@{primary['HOST']}:{primary['PORT'] or 5432}/{self.name}"
            self.env = {"DATABASE_URL": url}
        else:
            self.name = str(folder / "thidua.sqlite3")
            self.env = {}
        self.env.update({"DATA_DIR": str(folder), "MEDIA_ROOT": str(self.media)})

    def restore(self, archive: Path, *extra: str):
        return run_manage("restore", str(archive), *extra, DEBUG="1", **self.env)

    def digests(self) -> dict[str, dict]:
        if self.vendor == "postgresql":
            import psycopg

            primary = connection.settings_dict
            with psycopg.connect(
                dbname=self.name,
                user=primary["USER"],
                password=primary["PASSWORD"] or None,
                host=primary["HOST"],
                port=primary["PORT"] or 5432,
            ) as raw:
                found = databases.postgres_digests(raw)
        else:
            raw = sqlite3.connect(self.name)
            found = databases.sqlite_digests(raw)
            raw.close()
        return {name: digest.as_dict() for name, digest in found.items()}

    def count(self, table: str) -> int:
        query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 - table names from the models
        if self.vendor == "postgresql":
            import psycopg

            primary = connection.settings_dict
            with psycopg.connect(
                dbname=self.name, user=primary["USER"], host=primary["HOST"], port=primary["PORT"]
            ) as raw:
                return raw.execute(query).fetchone()[0]
        raw = sqlite3.connect(self.name)
        try:
            return raw.execute(query).fetchone()[0]
        finally:
            raw.close()

    def last_audit(self) -> tuple[str, dict]:
        query = "SELECT action, data FROM core_auditentry ORDER BY id DESC LIMIT 1"
        if self.vendor == "postgresql":
            import psycopg

            primary = connection.settings_dict
            with psycopg.connect(
                dbname=self.name, user=primary["USER"], host=primary["HOST"], port=primary["PORT"]
            ) as raw:
                action, data = raw.execute(query).fetchone()
                return action, data
        raw = sqlite3.connect(self.name)
        try:
            action, data = raw.execute(query).fetchone()
            return action, json.loads(data)
        finally:
            raw.close()

    def drop(self) -> None:
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def empty_target(tmp_path):
    target = EmptyTarget(tmp_path / "target")
    target.folder.mkdir()
    yield target
    target.drop()


def files_of(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_database_finds_every_record_and_file(
    populated, media, tmp_path, empty_target
):
    before = {name: digest.as_dict() for name, digest in databases.digests("default").items()}
    counts = {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }
    archive = tmp_path / "backup.tar"

    result = create_backup(archive)

    with ArchiveReader(archive) as reader:
        manifest = reader.manifest
    assert manifest["tables"] == before  # the manifest describes the database as it was
    assert manifest["database"]["engine"] == connection.vendor
    assert sorted(entry["name"] for entry in manifest["files"]) == sorted(FILES)
    assert result.files == 2
    assert result.rows == sum(table["rows"] for table in before.values())
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    created = AuditEntry.objects.get(action="operations.backup.created")
    assert created.data["sha256"] == result.sha256
    assert result.sha256 == hashlib.sha256(archive.read_bytes()).hexdigest()

    restored = empty_target.restore(archive)

    assert restored.returncode == 0, restored.stderr
    assert "every table and file matches the manifest" in restored.stdout
    after = empty_target.digests()
    assert {k: v for k, v in after.items() if k not in AUDIT_TABLES} == {
        k: v for k, v in before.items() if k not in AUDIT_TABLES
    }
    assert set(after) == set(before)
    for table, rows in counts.items():  # an independent count, model by model
        expected = rows + 1 if table == "core_auditentry" else rows
        assert empty_target.count(table) == expected, table
    action, data = empty_target.last_audit()
    assert action == "operations.backup.restored"
    assert data["sha256"] == result.sha256
    assert data["rows"] == result.rows
    assert data["forced"] is False
    assert files_of(empty_target.media) == files_of(media)
    assert sorted(files_of(media)) == sorted(FILES)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data_and_conflicting_files_unless_forced(
    populated, tmp_path, empty_target
):
    archive = tmp_path / "backup.tar"
    create_backup(archive)
    conflicting = empty_target.media / "honorees/photos/x.jpg"
    conflicting.parent.mkdir(parents=True)
    conflicting.write_bytes(b"another photo")

    refused = empty_target.restore(archive)

    assert refused.returncode != 0
    assert "operations.files_conflict" in refused.stderr
    assert empty_target.digests() == {}  # nothing was loaded
    assert conflicting.read_bytes() == b"another photo"

    conflicting.unlink()
    assert empty_target.restore(archive).returncode == 0
    again = empty_target.restore(archive)
    assert again.returncode != 0
    assert "operations.database_not_empty" in again.stderr

    forced = empty_target.restore(archive, "--force")

    assert forced.returncode == 0, forced.stderr
    with ArchiveReader(archive) as reader:
        rows = reader.manifest["tables"]["core_auditentry"]["rows"]
    # the first restore's entry went with the old contents; the forced one wrote its own
    assert empty_target.count("core_auditentry") == rows + 1
    assert empty_target.last_audit()[1]["forced"] is True


@pytest.mark.django_db(transaction=True)
def test_restore_over_the_live_database_is_refused_and_writes_nothing(populated, tmp_path):
    archive = tmp_path / "backup.tar"
    create_backup(archive)
    before = databases.digests("default")

    with pytest.raises(DomainError) as refused:
        restore_backup(archive)

    assert refused.value.code == "operations.database_not_empty"
    assert databases.digests("default") == before


def rewrite(archive: Path, change) -> Path:
    """A copy of ``archive`` with ``change(name, data) -> data`` applied to every member."""
    copy = archive.with_name("changed.tar")
    with tarfile.open(archive) as source, tarfile.open(copy, "w") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


@pytest.mark.django_db(transaction=True)
def test_a_changed_byte_or_another_engine_is_refused_before_anything_is_written(
    populated, tmp_path
):
    archive = tmp_path / "backup.tar"
    create_backup(archive)
    before = databases.digests("default")
    name = "files/honorees/photos/x.jpg"
    tampered = rewrite(archive, lambda member, data: data[:-1] + b"!" if member == name else data)

    with pytest.raises(DomainError) as refused:
        restore_backup(tampered, force=True)
    assert refused.value.code == "operations.checksum_mismatch"

    def other_engine(member: str, data: bytes) -> bytes:
        if member != MANIFEST:
            return data
        manifest = json.loads(data)
        other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
        manifest["database"]["engine"] = other
        return json.dumps(manifest).encode()

    with pytest.raises(DomainError) as refused:
        restore_backup(rewrite(archive, other_engine), force=True)
    assert refused.value.code == "operations.engine_mismatch"
    assert databases.digests("default") == before
    assert storage_names(default_storage) == sorted(FILES)


def test_an_archive_that_is_not_one_is_refused(tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar file")
    with pytest.raises(DomainError) as refused:
        restore_backup(junk)
    assert refused.value.code == "operations.archive_unreadable"


def test_digests_do_not_depend_on_row_order_and_see_every_change():
    rows = [b"(1,a)", b"(2,b)", b"(3,c)"]
    assert databases.combine(rows) == databases.combine(reversed(rows))
    assert databases.combine(rows).rows == 3
    assert databases.combine(rows) != databases.combine([b"(1,a)", b"(2,b)", b"(3,C)"])
    assert databases.combine(rows) != databases.combine(rows[:2])
    assert databases.combine([]).digest == "0" * 64
