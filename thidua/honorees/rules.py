"""Pure rules of the honoree registry (no Django): merit, streaks, ranges, masking, Excel safety.

Every threshold is an argument with the default preset named here, so callers (the selection
and awards apps, the importer) can pass other values from a campaign's settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# --- Merit score -------------------------------------------------------------------------------
# Points per AwardForm code (the catalogue's stable codes, thidua/awards migration 0002).
# A default preset, not law: a campaign may pass its own weights.
DEFAULT_MERIT_WEIGHTS: Mapping[str, float] = {
    "ldtt": 1.0,
    "giay-khen": 1.0,
    "gia-dinh-van-hoa": 0.5,
    "thon-van-hoa": 2.0,
    "ttldtt": 2.0,
    "cstdcs": 3.0,
    "ttldxs": 4.0,
    "bang-khen-tinh": 4.0,
    "xa-tieu-bieu": 4.0,
    "xa-phuong-dac-khu-tieu-bieu": 4.0,
    "cstd-tinh": 6.0,
    "co-thi-dua-tinh": 6.0,
    "ky-niem-chuong": 1.0,
    "bang-khen-thu-tuong": 8.0,
    "cstd-toan-quoc": 10.0,
    "co-thi-dua-chinh-phu": 10.0,
    "huy-chuong": 8.0,
    "huan-chuong-lao-dong-hang-ba": 12.0,
    "huan-chuong-lao-dong-hang-nhi": 14.0,
    "huan-chuong-lao-dong-hang-nhat": 16.0,
    "huan-chuong-doc-lap-hang-ba": 16.0,
    "anh-hung-lao-dong": 20.0,
}


@dataclass(frozen=True)
class MeritWeights:
    """Weights of the merit score. ``forms``: points per award form code."""

    forms: Mapping[str, float]
    initiative: float = 2.0
    good_deeds: float = 1.0  # "người tốt, việc tốt"
    acclaimed: float = 2.0  # "được quần chúng suy tôn"
    works_directly: float = 1.0  # Law Art. 5: priority to those who directly work and produce
    unknown_form: float = 0.0


DEFAULT_WEIGHTS = MeritWeights(forms=DEFAULT_MERIT_WEIGHTS)


def merit_score(
    recognitions: Iterable[tuple[str, int]],
    *,
    initiatives: int = 0,
    good_deeds: bool = False,
    acclaimed: bool = False,
    works_directly: bool = False,
    period: tuple[int, int] | None = None,
    weights: MeritWeights = DEFAULT_WEIGHTS,
) -> float:
    """The merit of an honoree: the sum of the weights of what they received.

    ``recognitions`` are (award form code, year) pairs; with ``period`` = (first, last year),
    only recognitions in the period count. The result is rounded to 2 decimals so that equal
    records compare equal.
    """
    total = 0.0
    for code, year in recognitions:
        if period is not None and not period[0] <= year <= period[1]:
            continue
        total += weights.forms.get(code, weights.unknown_form)
    total += weights.initiative * initiatives
    total += weights.good_deeds if good_deeds else 0.0
    total += weights.acclaimed if acclaimed else 0.0
    total += weights.works_directly if works_directly else 0.0
    return round(total, 2)


def longest_streak(years: Iterable[int]) -> int:
    """The longest run of consecutive years: {2021, 2022, 2024} -> 2."""
    ordered = sorted(set(years))
    best = run = 0
    previous = None
    for year in ordered:
        run = run + 1 if previous is not None and year == previous + 1 else 1
        best = max(best, run)
        previous = year
    return best


def streak_ending(years: Iterable[int], last_year: int) -> int:
    """Consecutive years ending exactly at ``last_year`` ({2022, 2023, 2024}, 2024 -> 3)."""
    present = set(years)
    count = 0
    while last_year - count in present:
        count += 1
    return count


def has_consecutive(years: Iterable[int], count: int, *, ending: int | None = None) -> bool:
    """E.g. "2 consecutive CSTĐCS" (Law Art. 74, one route to Bằng khen tỉnh)."""
    if ending is not None:
        return streak_ending(years, ending) >= count
    return longest_streak(years) >= count


# --- Attributes -------------------------------------------------------------------------------
DEFAULT_MIN_AGE = 15  # Labour Code: the minimum working age (a preset, not a limit of the law)
DEFAULT_MAX_AGE = 110
DEFAULT_SMALL_COLLECTIVE_MAX = 30  # [U] Decree 98/2023 names "tập thể nhỏ" without a number


def birth_year_in_range(
    year: int,
    current_year: int,
    *,
    min_age: int = DEFAULT_MIN_AGE,
    max_age: int = DEFAULT_MAX_AGE,
) -> bool:
    return current_year - max_age <= year <= current_year - min_age


def is_small_collective(size: int | None, *, maximum: int = DEFAULT_SMALL_COLLECTIVE_MAX) -> bool:
    """Plan §IV (R14): small collectives come first. Unknown size is not "small"."""
    return size is not None and 0 < size <= maximum


NATIONAL_ID = re.compile(r"^(\d{9}|\d{12})$")  # old 9-digit CMND or 12-digit CCCD


def is_valid_national_id(value: str) -> bool:
    return bool(NATIONAL_ID.match(value))


def mask_national_id(value: str | None) -> str:
    """Show only the last 3 digits: "001234567890" -> "*********890"."""
    if not value:
        return ""
    return "*" * (len(value) - 3) + value[-3:]


# --- Spreadsheet cells ------------------------------------------------------------------------
# Formula-injection-safe export is thidua/core/cells.py; here only the import's refusal.


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")
