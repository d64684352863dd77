"""The council's vote on a candidate: pure. The threshold is a setting
(``AWARDS_COUNCIL_THRESHOLD``), by default "more than half of the members present"."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Threshold:
    share: Fraction = Fraction(1, 2)
    strict: bool = True  # "more than" (True) or "at least" (False) the share of those present

    @classmethod
    def from_setting(cls, value: dict[str, object] | None) -> Threshold:
        value = value or {}
        return cls(
            share=Fraction(str(value.get("share", "1/2"))),
            strict=bool(value.get("strict", True)),
        )

    def describe(self) -> str:
        percent = f"{float(self.share) * 100:g}%"
        return f"trên {percent}" if self.strict else f"từ {percent} trở lên"


@dataclass(frozen=True)
class Tally:
    votes_for: int
    votes_against: int
    abstentions: int
    present: int

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    def is_valid(self) -> bool:
        return min(self.votes_for, self.votes_against, self.abstentions) >= 0 and (
            self.present > 0 and self.cast <= self.present
        )


def is_approved(tally: Tally, threshold: Threshold) -> bool:
    """Approved when the votes for reach the threshold of the members present."""
    if not tally.is_valid():
        return False
    needed = threshold.share * tally.present
    return tally.votes_for > needed if threshold.strict else tally.votes_for >= needed
