"""The figures of a dashboard, as plain data (pure: no Django).

``selectors.dashboard`` fills these from a fixed number of aggregate queries; the views render
them as cards, charts (``chart()``: the numbers Chart.js draws) and tables (the same numbers,
for screen readers), and ``exports`` writes them to a workbook. Nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Tally:
    """One bar of a chart / one line of its table: a stored value, its label, a number."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.count / self.total, 1) if self.total else 0.0


def tallies(
    counts: Mapping[str, int], labels: Mapping[str, str], order: Iterable[str] = ()
) -> list[Tally]:
    """Counts as tallies: the keys of ``order`` first (zeros kept, so a chart's bars do not
    move), then the other keys by count, largest first. Unknown keys show as themselves."""
    ordered = list(order)
    seen = set(ordered)
    rest = sorted((k for k in counts if k not in seen), key=lambda k: (-counts[k], str(k)))
    return [Tally(k, labels.get(k, k), counts.get(k, 0)) for k in [*ordered, *rest]]


def bar_chart(title: str, bars: list[Tally]) -> dict[str, Any]:
    return {
        "type": "bar",
        "title": title,
        "labels": [t.label for t in bars],
        "datasets": [{"label": title, "data": [t.count for t in bars]}],
    }


# --- Assignments (campaigns) -----------------------------------------------------------------


@dataclass(frozen=True)
class LateUnit:
    pk: int
    name: str
    kinds: tuple[str, ...]  # labels of the late assignments


@dataclass
class AssignmentFigures:
    """Units of the subtree by assignment kind and board status, and the late units."""

    kinds: list[tuple[str, str]]  # (kind, label)
    statuses: list[tuple[str, str]]  # (status, label)
    counts: dict[str, dict[str, int]]  # kind -> status -> number of units
    unit_total: int  # units with a "submit your plan" assignment
    late_units: int
    late_sample: list[LateUnit] = field(default_factory=list)

    def table(self) -> list[tuple[str, list[int], int]]:
        rows = []
        for kind, label in self.kinds:
            numbers = [self.counts.get(kind, {}).get(s, 0) for s, _l in self.statuses]
            rows.append((label, numbers, sum(numbers)))
        return rows

    def chart(self, title: str) -> dict[str, Any]:
        return {
            "type": "stacked",
            "title": title,
            "labels": [label for _k, label in self.kinds],
            "datasets": [
                {
                    "key": status,
                    "label": label,
                    "data": [self.counts.get(kind, {}).get(status, 0) for kind, _l in self.kinds],
                }
                for status, label in self.statuses
            ],
        }


# --- Conferences -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConferenceLevel:
    """Conferences of one level: due (units with a "hold your conference" assignment), set up
    in the system (planned), held (their day has come), reported (results sent), lists
    approved, and lists approved although a composition rule was not met."""

    level: str
    label: str
    due: int = 0
    planned: int = 0
    held: int = 0
    reported: int = 0
    approved: int = 0
    approved_with_failures: int = 0


def conference_chart(title: str, rows: list[ConferenceLevel], names: Mapping[str, str]) -> dict:
    keys = ("planned", "held", "reported")
    return {
        "type": "grouped",
        "title": title,
        "labels": [row.label for row in rows],
        "datasets": [
            {"key": key, "label": names[key], "data": [getattr(row, key) for row in rows]}
            for key in keys
        ],
    }


# --- Budget (R4, R15: planned against actual) --------------------------------------------------


@dataclass(frozen=True)
class BudgetLevel:
    """The conference budget the units of one level reported with their results: planned
    (the estimate) and actual (spent), in đồng; the variance is actual − planned (negative:
    under budget, as campaigns.results.budget_variance)."""

    level: str
    label: str
    reports: int = 0  # results reports counted (the current one of each sent assignment)
    planned: int = 0
    actual: int = 0

    @property
    def variance(self) -> int:
        return self.actual - self.planned


@dataclass
class BudgetFigures:
    levels: list[BudgetLevel] = field(default_factory=list)

    @property
    def reports(self) -> int:
        return sum(level.reports for level in self.levels)

    @property
    def planned(self) -> int:
        return sum(level.planned for level in self.levels)

    @property
    def actual(self) -> int:
        return sum(level.actual for level in self.levels)

    @property
    def variance(self) -> int:
        return self.actual - self.planned

    def chart(self, title: str, names: Mapping[str, str]) -> dict[str, Any]:
        """Planned and actual side by side, one group per level (``names``: the two series'
        labels)."""
        return {
            "type": "grouped",
            "title": title,
            "labels": [level.label for level in self.levels],
            "datasets": [
                {"key": key, "label": names[key], "data": [getattr(lv, key) for lv in self.levels]}
                for key in ("planned", "actual")
            ],
        }


# --- Delegates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleCheck:
    """One composition rule of the campaign against the delegates of a whole level."""

    label: str
    required: str
    actual: str
    passed: bool | None  # None: a count rule, checked conference by conference, not in sum


@dataclass
class DelegateLevel:
    level: str
    label: str
    total: int
    by_feature: dict[str, list[Tally]]  # feature -> tallies
    checks: list[RuleCheck] = field(default_factory=list)


@dataclass
class DelegateFigures:
    features: list[tuple[str, str]]  # (feature, label), in display order
    levels: list[DelegateLevel]

    @property
    def total(self) -> int:
        return sum(level.total for level in self.levels)

    def tables(self) -> list[tuple[DelegateLevel, list[tuple[str, str, list[Tally]]]]]:
        """Per level, one (feature, label, tallies) per feature, in display order."""
        return [
            (level, [(k, label, level.by_feature.get(k, [])) for k, label in self.features])
            for level in self.levels
        ]

    def combined(self, feature: str) -> list[Tally]:
        """One feature over every level (for the chart)."""
        counts: dict[str, int] = {}
        labels: dict[str, str] = {}
        order: list[str] = []
        for level in self.levels:
            for tally in level.by_feature.get(feature, []):
                if tally.key not in counts:
                    order.append(tally.key)
                counts[tally.key] = counts.get(tally.key, 0) + tally.count
                labels[tally.key] = tally.label
        return [Tally(k, labels[k], counts[k]) for k in order]


# --- Honorees --------------------------------------------------------------------------------


@dataclass
class HonoreeFigures:
    total: int
    individuals: int
    collectives: int
    by_field: list[Tally]
    by_stage: list[Tally]


# --- Awards (R10, R14) -----------------------------------------------------------------------


@dataclass
class AwardFigures:
    total: int
    individuals: int
    collectives: int
    direct_workers: Share
    workers_farmers: Share
    women: Share
    small_collectives: Share
    by_form: list[Tally]
    by_level: list[Tally]
    years: tuple[int, int] | None = None

    def shares(self) -> list[tuple[str, Share]]:
        return [
            ("direct_workers", self.direct_workers),
            ("workers_farmers", self.workers_farmers),
            ("women", self.women),
            ("small_collectives", self.small_collectives),
        ]


# --- Drill-down ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildRow:
    """A unit directly below, with the key figures of its own subtree."""

    pk: int
    name: str
    level: str
    has_children: bool
    units_assigned: int = 0
    late_units: int = 0
    conferences_planned: int = 0
    conferences_held: int = 0
    honorees: int = 0
    awards: int = 0
    budget_planned: int = 0
    budget_actual: int = 0

    @property
    def budget_variance(self) -> int:
        return self.budget_actual - self.budget_planned


# --- The whole dashboard ---------------------------------------------------------------------


@dataclass
class Dashboard:
    """Every figure of one unit's subtree (or the whole country: ``unit`` None) for one
    campaign (None: only the figures that do not depend on a campaign)."""

    unit: Any
    campaign: Any
    now: dt.datetime
    assignments: AssignmentFigures
    conferences: list[ConferenceLevel]
    delegates: DelegateFigures
    honorees: HonoreeFigures
    awards: AwardFigures
    children: list[ChildRow]
    budget: BudgetFigures = field(default_factory=BudgetFigures)
    own_row: ChildRow | None = None  # the unit's own rows (its conference, its honorees)
