"""Office files (docx, xlsx) are zip archives: judge one from its central directory, without
inflating anything (pure, no Django). A zip bomb (a few KB expanding to gigabytes) is refused
before any parser or storage sees it.

The limits are data: the setting UPLOAD_ZIP_LIMITS (see ``thidua.core.uploads_settings``)
overrides these defaults.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ZipLimits:
    max_uncompressed_bytes: int = 150 * 1024 * 1024
    max_ratio: int = 200  # real documents compress ~5-60x; bombs do 1000x and more
    max_members: int = 2000
    ratio_applies_above: int = 1024 * 1024  # small parts compress oddly and cannot hurt


def is_reasonable(members: Iterable[zipfile.ZipInfo], limits: ZipLimits) -> bool:
    """False for too many parts, too much inflated data in total, or an over-dense large part.
    The declared sizes are what zipfile would inflate up to (it stops at file_size)."""
    total = 0
    for count, member in enumerate(members, start=1):
        if count > limits.max_members:
            return False
        total += member.file_size
        if total > limits.max_uncompressed_bytes:
            return False
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_applies_above and ratio > limits.max_ratio:
            return False
    return True
