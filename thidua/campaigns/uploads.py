"""What an uploaded plan really is, read from its bytes (pure: no Django).

The name and the browser's Content-Type are the sender's claims; the content decides. A PDF
starts with "%PDF-"; a DOCX is a ZIP package holding "[Content_Types].xml" and
"word/document.xml". Macro-enabled Word files (a vbaProject part) are refused.
"""

from __future__ import annotations

import hashlib
import zipfile
from typing import BinaryIO

from thidua.core.zipcheck import ZipLimits, is_reasonable

PDF = "pdf"
DOCX = "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
_DOCX_PARTS = {"[Content_Types].xml", "word/document.xml"}


def detect_type(stream: BinaryIO, zip_limits: ZipLimits | None = None) -> str | None:
    """ "pdf", "docx", or None for anything else (a zip bomb, an executable renamed .docx...).
    Leaves the stream at position 0."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(stream) as package:
            members = package.infolist()
            names = {member.filename for member in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if not is_reasonable(members, zip_limits or ZipLimits()):
        return None
    if names >= _DOCX_PARTS and not any(n.lower().endswith("vbaproject.bin") for n in names):
        return DOCX
    return None


def sha256_of(stream: BinaryIO, chunk: int = 1 << 16) -> str:
    stream.seek(0)
    digest = hashlib.sha256()
    while block := stream.read(chunk):
        digest.update(block)
    stream.seek(0)
    return digest.hexdigest()


def safe_name(name: str, file_type: str) -> str:
    """The name shown on download: the sender's base name, with the extension of the real type."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "ke-hoach"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    cleaned = "".join(ch for ch in stem if ch.isalnum() or ch in " -_()")[:120].strip()
    return f"{cleaned or 'ke-hoach'}.{file_type}"
