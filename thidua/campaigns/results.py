"""The figures of a results report and their consistency rules (pure: no Django)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AwardLine:
    form: str  # "Giấy khen của Chủ tịch UBND xã"
    collectives: int = 0
    individuals: int = 0


@dataclass(frozen=True)
class ResultsFigures:
    """What a unit reports after its conference (R16). Later issues fill it from the
    conference's own data; here it can be typed by hand."""

    held_on: dt.date
    honorees_present: int
    guests_present: int
    leaders_present: int
    women_present: int
    men_present: int
    direct_producers_present: int
    presentations_given: int
    delegates_sent_upward: int
    planned_budget: int
    actual_cost: int
    awards: tuple[AwardLine, ...] = field(default_factory=tuple)

    @property
    def total_present(self) -> int:
        return self.honorees_present + self.guests_present + self.leaders_present

    def problems(self) -> list[str]:
        """Codes of the rules the figures break (empty: consistent)."""
        found = []
        numbers = [
            self.honorees_present,
            self.guests_present,
            self.leaders_present,
            self.women_present,
            self.men_present,
            self.direct_producers_present,
            self.presentations_given,
            self.delegates_sent_upward,
            self.planned_budget,
            self.actual_cost,
        ]
        if any(n < 0 for n in numbers):
            found.append("campaigns.negative_figure")
        if self.women_present + self.men_present != self.total_present:
            found.append("campaigns.gender_total_mismatch")
        if self.direct_producers_present > self.total_present:
            found.append("campaigns.direct_producers_exceed_total")
        forms = [a.form.strip() for a in self.awards]
        if any(not f for f in forms) or len(set(forms)) != len(forms):
            found.append("campaigns.award_forms_invalid")
        if any(a.collectives < 0 or a.individuals < 0 for a in self.awards):
            found.append("campaigns.negative_figure")
        return sorted(set(found))


# The figures' names, in order (also the columns of ResultsReport and the API's fields).
FIGURE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(ResultsFigures) if f.name != "awards"
)


def budget_variance(planned: int, actual: int) -> int:
    """Actual minus planned (negative: under budget, R4 thrift)."""
    return actual - planned
