"""What an attachment of the summary report really is, read from its bytes (pure).

PDF and DOCX as the campaigns app reads them (thidua/campaigns/uploads.py), plus the images a
report may carry (R10): JPEG and PNG."""

from __future__ import annotations

from typing import BinaryIO

from thidua.campaigns import uploads

JPEG = "jpg"
PNG = "png"
ALLOWED = (uploads.PDF, uploads.DOCX, JPEG, PNG)
CONTENT_TYPES = {
    **uploads.CONTENT_TYPES,
    JPEG: "image/jpeg",
    PNG: "image/png",
}


def detect_type(stream: BinaryIO) -> str | None:
    """ "pdf", "docx", "jpg", "png", or None. Leaves the stream at position 0."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return uploads.detect_type(stream)


sha256_of = uploads.sha256_of
safe_name = uploads.safe_name
