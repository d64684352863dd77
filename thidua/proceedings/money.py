"""Money for the budget (R4, R15): pure, integer VND only (no Django, no floats).

* ``money_in_words(2_340_000)`` -> "Hai triệu ba trăm bốn mươi nghìn đồng" (the "Bằng chữ"
  line of an estimate): the foundation's reader (thidua/core/vietnamese.py, with its truth
  table and round-trip property tests), re-exported here for the estimate.
* ``bonus_amount(multiple, base, round_to)``: a bonus as a multiple of the base salary,
  rounded up to ``round_to`` đồng (Decree 98/2023: "làm tròn số lên hàng chục nghìn đồng").
* ``base_salary_on(rows, day)``: the base salary in force on a day, from dated rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from thidua.core.vietnamese import group_thousands, money_in_words

__all__ = ["base_salary_on", "bonus_amount", "group_thousands", "money_in_words"]


def ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def bonus_amount(multiple: Decimal, base_salary: int, round_to: int = 1) -> int:
    """``multiple`` times the base salary, rounded up to a multiple of ``round_to`` đồng.
    Exact: the multiple's decimal places are read as an integer fraction."""
    if multiple < 0 or base_salary < 0 or round_to < 1:
        raise ValueError("multiple and base salary must not be negative; round_to >= 1")
    _sign, digits, exponent = multiple.as_tuple()
    assert isinstance(exponent, int)
    numerator = int("".join(map(str, digits)) or "0")
    denominator = 1
    if exponent >= 0:
        numerator *= 10**exponent
    else:
        denominator = 10**-exponent
    exact = ceil_div(numerator * base_salary, denominator)
    return ceil_div(exact, round_to) * round_to


def base_salary_on(rows: Iterable[tuple[dt.date, int]], day: dt.date) -> int | None:
    """The amount of the latest row in force on ``day`` (None before the first)."""
    best: tuple[dt.date, int] | None = None
    for start, amount in rows:
        if start <= day and (best is None or start > best[0]):
            best = (start, amount)
    return best[1] if best else None
