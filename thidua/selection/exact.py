"""Exact numbers for rules: parsing to ``Fraction`` and Vietnamese display.

Rounding rule (documented in docs/architecture.md): shares and bounds are parsed from their
decimal text, never from binary floating point, so ``0.7``, ``"0.7"``, ``"70%"`` and
``Fraction(7, 10)`` are the same number 7/10. Comparisons are exact: 700 of 1,000 honorees is
exactly 70% and passes a minimum of 70%; 699 of 1,000 (69.9%) fails it. Nothing is rounded before
a comparison; rounding happens only when a number is shown to a person, and then in the direction
that keeps the shown bound true (a lowered minimum is shown rounded down, a raised maximum rounded
up), so following the advice never leaves a rule failing.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from thidua.selection.errors import SelectionError

_DECIMAL = re.compile(r"^[+-]?\d{1,12}(\.\d{1,12})?$")
_RATIO = re.compile(r"^[+-]?\d{1,12}/\d{1,12}$")


def to_fraction(value: object, what: str = "giá trị") -> Fraction:
    """``value`` as an exact Fraction. Accepts int, Fraction, Decimal, float (through its
    shortest decimal text, so 0.7 is 7/10), and strings "0.7", "2/3", "70%", "12,5%".
    Raises SelectionError("invalid_number") for anything else (bool, NaN, huge exponents)."""
    if isinstance(value, bool) or value is None:
        raise _invalid(what, value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > 1e12:
            raise _invalid(what, value)
        return Fraction(Decimal(repr(value)))
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) > 10**12:
            raise _invalid(what, value)
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip().replace(",", ".").replace(" ", "")
        percent = text.endswith("%")
        if percent:
            text = text[:-1]
        if _DECIMAL.match(text) or _RATIO.match(text):
            number = Fraction(text)
            return number / 100 if percent else number
    raise _invalid(what, value)


def _invalid(what: str, value: object) -> SelectionError:
    shown = str(value)[:40]
    return SelectionError("invalid_number", f"{what} không phải là số hợp lệ: {shown!r}.")


def ceil_fraction(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)


def floor_fraction(value: Fraction) -> int:
    return value.numerator // value.denominator


def format_number(value: Fraction, decimals: int = 1, rounding: str = "half_up") -> str:
    """Vietnamese number text: decimal comma, trailing zeros dropped ("36,5", "40").
    ``rounding`` is "half_up", "down" (toward -inf) or "up" (toward +inf)."""
    scale = 10**decimals
    scaled = value * scale
    if rounding == "down":
        whole = floor_fraction(scaled)
    elif rounding == "up":
        whole = ceil_fraction(scaled)
    else:
        whole = floor_fraction(scaled + Fraction(1, 2))
    sign = "-" if whole < 0 else ""
    integer, rest = divmod(abs(whole), scale)
    if rest == 0:
        return f"{sign}{integer}"
    digits = str(rest).rjust(decimals, "0").rstrip("0")
    return f"{sign}{integer},{digits}"


def format_percent(share: Fraction, rounding: str = "half_up", decimals: int = 1) -> str:
    """A share as a Vietnamese percentage with at most ``decimals`` decimals: 7/20 -> "35%"."""
    return format_number(share * 100, decimals, rounding) + "%"
