"""Hostile upload payloads shared by the upload tests of every app (issue 11)."""

from __future__ import annotations

import io
import zipfile

# A Windows executable and a Linux one, each renamed to what the endpoint accepts.
MZ_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program"
ELF_EXE = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64


def office_zip(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def docx_bomb(inflated: int = 32 * 1024 * 1024) -> bytes:
    """A well-formed DOCX of a few tens of KB whose document part inflates to ``inflated``
    bytes (zeros deflate ~1000:1, far past any real document)."""
    return office_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": b"<w:document>" + b"0" * inflated + b"</w:document>",
        }
    )


def xlsx_bomb(inflated: int = 32 * 1024 * 1024) -> bytes:
    return office_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": "<workbook/>",
            "xl/worksheets/sheet1.xml": b"<sheetData>" + b"0" * inflated + b"</sheetData>",
        }
    )


def looks_vietnamese(message: str) -> bool:
    """A refusal the user can read: Vietnamese text (diacritics), not an English trace."""
    return any(
        ch in message for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ"
    )
