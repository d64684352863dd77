"""The backup archive: one uncompressed tar (the dump and the PDFs are compressed already).

    database.dump | database.sqlite3     the database copy (pg_dump custom format / SQLite file)
    files/<name>                         every file of the default storage, by its storage name
    manifest.json                        last: what the archive holds and the SHA-256 of each part

``manifest.json``::

    {"format": "thidua-backup/1", "created_at": "...", "database": {"engine", "server_version",
     "tool", "member", "size", "sha256"}, "tables": {"units_unit": {"rows", "digest"}, ...},
     "files": [{"name", "size", "sha256"}, ...], "migrations": ["core.0001_initial", ...],
     "versions": {"thidua", "django"}}

Reading checks every member against the manifest before anything is restored.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

FORMAT = "thidua-backup/1"
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive is unreadable, of another format, or a member differs from its manifest."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class _HashingReader:
    """Reads through to ``stream`` and hashes what passes (tarfile reads exactly ``size``)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


@dataclass
class ArchiveWriter:
    """Write members one by one; ``close(manifest)`` appends the manifest last."""

    path: Path
    files: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._tar = tarfile.open(self.path, "w", format=tarfile.PAX_FORMAT)  # noqa: SIM115

    def add_path(self, name: str, source: Path) -> dict[str, Any]:
        self._tar.add(source, arcname=name, recursive=False)
        return {"member": name, "size": source.stat().st_size, "sha256": sha256_of(source)}

    def add_stream(self, name: str, stream: IO[bytes], size: int) -> dict[str, Any]:
        info = tarfile.TarInfo(FILES_PREFIX + name)
        info.size = size
        info.mode = 0o600
        reader = _HashingReader(stream)
        self._tar.addfile(info, reader)
        if reader.size != size:
            raise ArchiveError("operations.file_changed", f"{name} changed while being copied")
        entry = {"name": name, "size": size, "sha256": reader.digest.hexdigest()}
        self.files.append(entry)
        return entry

    def close(self, manifest: dict[str, Any]) -> None:
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()

    def abort(self) -> None:
        self._tar.close()


class ArchiveReader:
    """Open an archive, read its manifest, verify members, extract them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._tar = tarfile.open(path, "r:")  # noqa: SIM115
            member = self._tar.extractfile(MANIFEST)
        except (tarfile.TarError, KeyError, OSError) as exc:
            raise ArchiveError("operations.archive_unreadable", str(exc)) from exc
        if member is None:
            raise ArchiveError("operations.archive_unreadable", "manifest.json is not a file")
        self.manifest: dict[str, Any] = json.loads(member.read())
        if self.manifest.get("format") != FORMAT:
            raise ArchiveError(
                "operations.archive_format", f"unknown format {self.manifest.get('format')!r}"
            )

    def close(self) -> None:
        self._tar.close()

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self, name: str) -> IO[bytes]:
        try:
            stream = self._tar.extractfile(name)
        except KeyError as exc:
            raise ArchiveError("operations.member_missing", f"{name} is missing") from exc
        if stream is None:
            raise ArchiveError("operations.member_missing", f"{name} is not a file")
        return stream

    def _expected(self) -> Iterator[tuple[str, int, str]]:
        database = self.manifest["database"]
        yield database["member"], database["size"], database["sha256"]
        for entry in self.manifest["files"]:
            yield FILES_PREFIX + entry["name"], entry["size"], entry["sha256"]

    def verify(self) -> None:
        """Every member's size and SHA-256 against the manifest (reads the whole archive)."""
        for name, size, expected in self._expected():
            digest = hashlib.sha256()
            read = 0
            with self._open(name) as stream:
                while block := stream.read(CHUNK):
                    digest.update(block)
                    read += len(block)
            if read != size or digest.hexdigest() != expected:
                raise ArchiveError(
                    "operations.checksum_mismatch",
                    f"{name}: expected {size} bytes sha256 {expected}, found {read} bytes "
                    f"sha256 {digest.hexdigest()}",
                )

    def extract_database(self, folder: Path) -> Path:
        member = self.manifest["database"]["member"]
        target = folder / Path(member).name
        with self._open(member) as stream, target.open("wb") as out:
            while block := stream.read(CHUNK):
                out.write(block)
        return target

    def open_file(self, name: str) -> IO[bytes]:
        return self._open(FILES_PREFIX + name)
