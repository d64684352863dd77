"""Vietnamese text helpers (pure, no Django)."""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def normalize_text(value: str) -> str:
    """NFC form with collapsed whitespace: NFC and NFD spellings of a name become one string."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def fold(value: str) -> str:
    """Lower-case text without diacritics, for search: "Thụy Lôi" -> "thuy loi".

    Vietnamese "đ" is a letter of its own, not a d with a mark, so it is mapped explicitly.
    """
    decomposed = unicodedata.normalize("NFD", value.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
