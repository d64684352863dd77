"""Is a choice of presentations (tham luận) representative, and does it fit the time (R11)?
Pure: no Django.

``representation(universe, chosen)``: of the values present among the conference's delegates
(fields, social components), which the presenters cover and which are missing.
``time_fit(minutes, duration)``: the presentations' total against the agenda item's length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Representation:
    covered: tuple[tuple[str, str], ...]  # (code, label)
    missing: tuple[tuple[str, str], ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def representation(universe: Mapping[str, str], chosen: Iterable[str]) -> Representation:
    """``universe``: code -> label of the values to represent (in display order); ``chosen``:
    the presenters' codes (blanks and values outside the universe are ignored)."""
    picked = {code for code in chosen if code}
    covered = tuple((code, label) for code, label in universe.items() if code in picked)
    missing = tuple((code, label) for code, label in universe.items() if code not in picked)
    return Representation(covered, missing)


@dataclass(frozen=True)
class TimeFit:
    total: int
    duration: int

    @property
    def fits(self) -> bool:
        return self.total <= self.duration

    @property
    def spare(self) -> int:
        """Minutes left (negative: over by that much)."""
        return self.duration - self.total

    @property
    def over(self) -> int:
        return max(0, self.total - self.duration)


def time_fit(minutes: Iterable[int], duration: int) -> TimeFit:
    return TimeFit(sum(minutes), duration)
