"""Refuse hostile or malformed uploads BEFORE openpyxl reads them.

An .xlsx is a zip of XML parts. openpyxl parses the XML with defusedxml (pinned; entity
expansion refused), but it would still inflate a zip bomb in memory, so the archive's declared
sizes and compression ratios are checked first, from the central directory, without inflating.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError


@dataclass(frozen=True)
class Limits:
    max_upload_bytes: int = 10 * 1024 * 1024
    max_uncompressed_bytes: int = 150 * 1024 * 1024
    max_ratio: int = 200  # a sheet of repeated rows compresses ~20-60x; bombs do 1000x+
    max_members: int = 2000
    ratio_applies_above: int = 1024 * 1024


def limits() -> Limits:
    return Limits(**getattr(settings, "HONOREE_IMPORT_LIMITS", {}))


REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def check_xlsx(stream: IO[bytes], size: int, *, limit: Limits | None = None) -> None:
    """Raise DomainError unless ``stream`` looks like a plain, reasonably sized .xlsx.

    Codes: ``import.file_too_large``, ``import.not_xlsx``, ``import.macro``, ``import.zip_bomb``.
    """
    limit = limit or limits()
    if size > limit.max_upload_bytes:
        raise DomainError(
            "import.file_too_large",
            _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": limit.max_upload_bytes // 2**20},
        )
    stream.seek(0)
    if stream.read(4) != b"PK\x03\x04":
        raise DomainError("import.not_xlsx", _("Tệp không phải là bảng tính Excel (.xlsx)."))
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise DomainError(
            "import.not_xlsx", _("Tệp không phải là bảng tính Excel (.xlsx).")
        ) from exc
    finally:
        stream.seek(0)
    names = {member.filename for member in members}
    if not all(part in names for part in REQUIRED_PARTS):
        raise DomainError("import.not_xlsx", _("Tệp không phải là bảng tính Excel (.xlsx)."))
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise DomainError("import.macro", _("Tệp chứa macro; hãy lưu lại dạng .xlsx thường."))
    if len(members) > limit.max_members:
        raise DomainError("import.zip_bomb", _("Tệp có cấu trúc bất thường, không thể đọc."))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise DomainError("import.not_xlsx", _("Tệp được mã hóa, không thể đọc."))
        total += member.file_size
        # Small parts compress oddly and cannot hurt; the ratio matters for the large ones.
        ratio = member.file_size / max(member.compress_size, 1)
        too_dense = member.file_size > limit.ratio_applies_above and ratio > limit.max_ratio
        if too_dense or total > limit.max_uncompressed_bytes:
            raise DomainError(
                "import.zip_bomb", _("Tệp có cấu trúc bất thường (nén quá mức), không thể đọc.")
            )
