"""Quotas by category: an upper-level requirement split among units, as the lower checker's rules.

E.g. the district wants at least 40% women among its 300 delegates: ``allocate_category`` splits
the 120 women among the communes in proportion to their seats (never more than a commune's
seats), and ``quota_rules`` turns each commune's seats and category quotas into the rules its
conference's checker runs on the nominee list ("of 5 seats, at least 2 women and 3 direct
producers").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from thidua.selection.apportionment import Method, Tie, apportion, require_count
from thidua.selection.errors import SelectionError
from thidua.selection.exact import to_fraction
from thidua.selection.rules import TOTAL, Rule


@dataclass(frozen=True)
class CategoryQuota:
    """At least ``total`` people with ``feature`` = ``value`` over all units, split by unit."""

    feature: str
    value: str
    label: str
    per_unit: dict[str, int]
    ties: tuple[Tie, ...]


def allocate_category(
    unit_seats: Mapping[str, int],
    feature: str,
    value: str,
    *,
    count: int | None = None,
    share: object = None,
    per_unit_min: int = 0,
    method: Method = "hamilton",
    label: str = "",
) -> CategoryQuota:
    """Split a category requirement of the upper level among the units' seats.

    E.g. 40% women among 300 delegates: ``share="40%"`` -> at least 120 women, apportioned in
    proportion to each unit's seats, never more than a unit's seats, at least ``per_unit_min``
    where the unit has that many seats. ``count`` gives the total directly."""
    seats_total = sum(unit_seats.values())
    if (count is None) == (share is None):
        raise SelectionError("count_or_share", "Cần đúng một trong hai: số lượng hoặc tỷ lệ.")
    if share is not None:
        fraction = to_fraction(share, "Tỷ lệ")
        if not 0 <= fraction <= 1:
            raise SelectionError("share_out_of_range", "Tỷ lệ phải trong khoảng 0–1.")
        count = -((-fraction.numerator * seats_total) // fraction.denominator)
    assert count is not None
    require_count(count, "Số lượng")
    if count > seats_total:
        raise SelectionError("category_exceeds_seats", "Số lượng yêu cầu vượt tổng số ghế.")
    mins = {u: min(per_unit_min, n) for u, n in unit_seats.items()}
    result = apportion(
        {u: n for u, n in unit_seats.items()} or {"": 0},
        count,
        method,
        min_per_unit=0,
        max_per_unit=dict(unit_seats),
    )
    per_unit = dict(result.seats)
    # A per-unit minimum is met by moving seats from the units above it, largest first.
    _raise_minimums(per_unit, mins, unit_seats)
    return CategoryQuota(feature, value, label, per_unit, result.ties)


def _raise_minimums(
    per_unit: dict[str, int], mins: Mapping[str, int], caps: Mapping[str, int]
) -> None:
    short = {u: mins[u] - n for u, n in per_unit.items() if n < mins[u]}
    need = sum(short.values())
    if need == 0:
        return
    if sum(mins.values()) > sum(per_unit.values()):
        raise SelectionError("category_minimum", "Số lượng tối thiểu mỗi đơn vị vượt tổng yêu cầu.")
    for unit, gap in short.items():
        per_unit[unit] += gap
    donors = sorted((u for u in per_unit if per_unit[u] > mins[u]), key=lambda u: (-per_unit[u], u))
    while need > 0:
        for unit in donors:
            if need and per_unit[unit] > mins[unit]:
                per_unit[unit] -= 1
                need -= 1
    assert all(per_unit[u] <= caps[u] for u in per_unit)


def quota_rules(
    unit_seats: Mapping[str, int], categories: Sequence[CategoryQuota] = ()
) -> dict[str, list[Rule]]:
    """The lower conferences' checker rules: each unit sends at most its seats, and at least
    its share of every category (counts)."""
    rules: dict[str, list[Rule]] = {}
    for unit, seats in unit_seats.items():
        items = [Rule(TOTAL, frozenset(), "count", None, Fraction(seats), label="tổng số đại biểu")]
        for quota in categories:
            needed = quota.per_unit.get(unit, 0)
            if needed:
                items.append(
                    Rule(quota.feature, frozenset({quota.value}), "count", Fraction(needed),
                         None, label=quota.label or f"đại biểu {quota.feature} = {quota.value}")
                )  # fmt: skip
        rules[unit] = items
    return rules
