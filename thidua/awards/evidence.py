"""Which evidence files are accepted (pure): by extension AND by their first bytes, so a file
renamed to .pdf is refused. Office files (docx, xlsx) are zip archives with their content-type
part. The size limit is the setting AWARDS_EVIDENCE_MAX_BYTES."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from thidua.core.zipcheck import ZipLimits, is_reasonable


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    signature: bytes


FILE_TYPES: tuple[FileType, ...] = (
    FileType(".pdf", "application/pdf", b"%PDF-"),
    FileType(".jpg", "image/jpeg", b"\xff\xd8\xff"),
    FileType(".jpeg", "image/jpeg", b"\xff\xd8\xff"),
    FileType(".png", "image/png", b"\x89PNG\r\n\x1a\n"),
    FileType(
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    FileType(
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK\x03\x04",
    ),
)
BY_EXTENSION = {t.extension: t for t in FILE_TYPES}


def accepted_extensions() -> str:
    return ", ".join(t.extension for t in FILE_TYPES)


def file_type(
    name: str, head: bytes, data: bytes | None = None, zip_limits: ZipLimits | None = None
) -> FileType | None:
    """The type of an upload, or None when its name and its content disagree or are unknown,
    or when an Office archive would inflate beyond ``zip_limits`` (a zip bomb).
    ``data`` (the whole file) is needed to look inside an Office archive."""
    dot = name.rfind(".")
    found = BY_EXTENSION.get(name[dot:].lower()) if dot >= 0 else None
    if found is None or not head.startswith(found.signature):
        return None
    if found.signature == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data or b"")) as archive:
                if "[Content_Types].xml" not in archive.namelist():
                    return None
                if not is_reasonable(archive.infolist(), zip_limits or ZipLimits()):
                    return None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            return None
    return found
