"""Budget figures (R4, R15): pure, integer VND.

A line has a planned amount (quantity × unit price) and, after the conference, an actual
amount (None: not spent yet, counted as 0 in the actual total). ``summarise`` gives the totals
by category and overall, and the variance (actual − planned: negative is under budget).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thidua.campaigns.results import budget_variance


@dataclass(frozen=True)
class Line:
    category: str
    planned: int
    actual: int | None = None


@dataclass(frozen=True)
class Totals:
    planned: int
    actual: int
    spent_lines: int = 0
    lines: int = 0

    @property
    def variance(self) -> int:
        return budget_variance(self.planned, self.actual)

    @property
    def variance_percent(self) -> str:
        """ "-4,2" (one decimal, Vietnamese comma); "" when nothing was planned."""
        if not self.planned:
            return ""
        tenths = round(1000 * self.variance / self.planned)
        sign = "-" if tenths < 0 else ""
        whole, decimal = divmod(abs(tenths), 10)
        return f"{sign}{whole},{decimal}"

    @property
    def complete(self) -> bool:
        """Every line has its actual amount."""
        return self.lines > 0 and self.spent_lines == self.lines


@dataclass(frozen=True)
class Summary:
    total: Totals
    by_category: tuple[tuple[str, Totals], ...]


def line_amount(quantity: int, unit_price: int) -> int:
    if quantity < 0 or unit_price < 0:
        raise ValueError("quantity and unit price must not be negative")
    return quantity * unit_price


def _totals(lines: Sequence[Line]) -> Totals:
    return Totals(
        planned=sum(line.planned for line in lines),
        actual=sum(line.actual or 0 for line in lines),
        spent_lines=sum(line.actual is not None for line in lines),
        lines=len(lines),
    )


def summarise(lines: Iterable[Line], order: Sequence[str] = ()) -> Summary:
    """Totals overall and per category, categories in ``order`` (others after, by name);
    categories without lines are left out."""
    lines = list(lines)
    categories = sorted(
        {line.category for line in lines},
        key=lambda c: (order.index(c) if c in order else len(order), c),
    )
    return Summary(
        total=_totals(lines),
        by_category=tuple(
            (c, _totals([line for line in lines if line.category == c])) for c in categories
        ),
    )
