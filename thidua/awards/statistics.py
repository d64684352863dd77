"""Shares of the awards the plan asks to report (R10, R14): pure.

Plan Part IV and the Law (Art. 5): priority to those who work and produce directly, to workers
and farmers, to women, to small collectives. ``summarise`` counts them in any set of awards,
by form and by deciding level, from rows the selector builds in one query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AwardRow:
    form: str  # form name (or code)
    level: str  # deciding level ("commune", "district", "province", ...)
    is_collective: bool
    works_directly: bool  # the honoree's flag, or a component counted as direct workers
    is_worker_or_farmer: bool
    is_woman: bool
    is_small_collective: bool


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.count / self.total, 1) if self.total else 0.0


@dataclass(frozen=True)
class Summary:
    total: int = 0
    individuals: int = 0
    collectives: int = 0
    direct_workers: Share = Share(0, 0)
    workers_farmers: Share = Share(0, 0)
    women: Share = Share(0, 0)
    small_collectives: Share = Share(0, 0)
    by_form: tuple[tuple[str, int], ...] = ()
    by_level: tuple[tuple[str, int], ...] = ()
    extra: dict[str, int] = field(default_factory=dict)


def summarise(rows: Iterable[AwardRow]) -> Summary:
    """Shares of individuals are over individuals (women, direct workers, workers and
    farmers); the share of small collectives is over collectives."""
    rows = list(rows)
    people = [r for r in rows if not r.is_collective]
    groups = [r for r in rows if r.is_collective]
    by_form = Counter(r.form for r in rows)
    by_level = Counter(r.level for r in rows)
    return Summary(
        total=len(rows),
        individuals=len(people),
        collectives=len(groups),
        direct_workers=Share(sum(r.works_directly for r in people), len(people)),
        workers_farmers=Share(sum(r.is_worker_or_farmer for r in people), len(people)),
        women=Share(sum(r.is_woman for r in people), len(people)),
        small_collectives=Share(sum(r.is_small_collective for r in groups), len(groups)),
        by_form=tuple(sorted(by_form.items(), key=lambda item: (-item[1], item[0]))),
        by_level=tuple(sorted(by_level.items(), key=lambda item: (-item[1], item[0]))),
    )
