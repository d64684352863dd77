"""The composition checker: rule by rule, required, actual, pass or fail, and what to change.

``check(people, rules)`` evaluates every rule (groups expanded) on a list of people and says, in
Vietnamese, the smallest change that makes a failing rule pass. For a share rule, adding or
removing people also changes the total, so three figures are given, each the exact minimum:

* ``replace``: people to swap, keeping the total (the usual case: the list has a fixed size);
* ``add``: people to add (matching ones when too few, other ones when too many);
* ``remove``: people to remove (other ones when too few, matching ones when too many).

Example: 7 women in 20 against a minimum of 40% -> replace 1 (8/20), add 2 (9/22 = 40.9%; 8/21
is 38.1%), or remove 3 others (7/17 = 41.2%; 7/18 is 38.9%).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from thidua.selection.exact import ceil_fraction, floor_fraction, format_percent
from thidua.selection.rules import TOTAL, Candidate, Rule, RuleItem, expand_rules


@dataclass(frozen=True)
class Change:
    """The smallest changes that make one failing rule pass (None: that way cannot)."""

    direction: Literal["too_few", "too_many"]
    replace: int | None
    add: int | None
    remove: int | None


@dataclass(frozen=True)
class RuleResult:
    index: int
    rule: Rule
    count: int
    total: int
    passed: bool
    change: Change | None
    message: str

    @property
    def label(self) -> str:
        return self.rule.display_label

    @property
    def required(self) -> str:
        return self.rule.describe_required()

    @property
    def actual(self) -> str:
        if self.rule.unit == "share":
            if self.total == 0:
                return "0 người (danh sách trống)"
            share = format_percent(Fraction(self.count, self.total))
            return f"{share} ({self.count}/{self.total})"
        return f"{self.count} người"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (bounds as exact "p/q" strings plus the Vietnamese text)."""
        rule = self.rule
        return {
            "index": self.index,
            "feature": rule.feature,
            "value": sorted(rule.values),
            "unit": rule.unit,
            "label": self.label,
            "group": rule.group,
            "min": _exact(rule.lower),
            "max": _exact(rule.upper),
            "required": self.required,
            "count": self.count,
            "total": self.total,
            "actual": self.actual,
            "passed": self.passed,
            "change": None
            if self.change is None
            else {
                "direction": self.change.direction,
                "replace": self.change.replace,
                "add": self.change.add,
                "remove": self.change.remove,
            },
            "message": self.message,
        }


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Report:
    results: tuple[RuleResult, ...]
    total: int

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [result for result in self.results if not result.passed]

    def as_list(self) -> list[dict[str, Any]]:
        return [result.as_dict() for result in self.results]


def check(people: Sequence[Candidate], rules: Sequence[RuleItem]) -> Report:
    """Evaluate every rule on ``people``. Groups must list their values (there is no pool)."""
    expanded = expand_rules(rules)
    total = len(people)
    results = []
    for index, rule in enumerate(expanded):
        count = total if rule.feature == TOTAL else sum(1 for p in people if rule.matches(p))
        results.append(evaluate(index, rule, count, total))
    return Report(tuple(results), total)


def evaluate(index: int, rule: Rule, count: int, total: int) -> RuleResult:
    """One rule on a list of ``total`` people of whom ``count`` match."""
    change = (
        _share_change(rule, count, total)
        if rule.unit == "share"
        else _count_change(rule, count, total)
    )
    message = _message(rule, count, total, change)
    return RuleResult(index, rule, count, total, change is None, change, message)


def _count_change(rule: Rule, k: int, n: int) -> Change | None:
    low, high = rule.lower, rule.upper
    is_total = rule.feature == TOTAL
    if low is not None and k < low:
        need = ceil_fraction(low) - k
        replace = None if is_total or n - k < need else need
        return Change("too_few", replace, need, None)
    if high is not None and k > high:
        excess = k - floor_fraction(high)
        return Change("too_many", None if is_total else excess, None, excess)
    return None


def _share_change(rule: Rule, k: int, n: int) -> Change | None:
    low, high = rule.lower, rule.upper
    if low is not None and low > 0 and (n == 0 or k < low * n):
        return Change("too_few", _replace_up(low, k, n), _add_up(low, k, n), _remove_up(low, k, n))
    if high is not None and n > 0 and k > high * n:
        return Change("too_many", ceil_fraction(k - high * n), _add_down(high, k, n),
                      _remove_down(high, k, n))  # fmt: skip
    return None


def _replace_up(low: Fraction, k: int, n: int) -> int | None:
    """Swap s others for matching people: k + s >= low * n (n fixed)."""
    if n == 0:
        return None
    return ceil_fraction(low * n - k)


def _add_up(low: Fraction, k: int, n: int) -> int | None:
    """Add a matching people: (k + a) / (n + a) >= low, and the list not empty."""
    if low == 1:
        return (1 if n == 0 else 0) if k == n else None
    added = max(0, ceil_fraction((low * n - k) / (1 - low)))
    return max(added, 1) if n + added == 0 else added


def _remove_up(low: Fraction, k: int, n: int) -> int | None:
    """Remove r others: k / (n - r) >= low with n - r >= 1 (impossible when k == 0)."""
    if k == 0:
        return None
    return ceil_fraction(n - k / low)


def _add_down(high: Fraction, k: int, n: int) -> int | None:
    """Add a other people: k / (n + a) <= high (impossible with a maximum of 0%)."""
    if high == 0:
        return None
    return ceil_fraction(k / high - n)


def _remove_down(high: Fraction, k: int, n: int) -> int:
    """Remove r matching people: (k - r) / (n - r) <= high (removing all k always works)."""
    if high == 1:
        return 0
    return min(k, ceil_fraction((k - high * n) / (1 - high)))


def _message(rule: Rule, k: int, n: int, change: Change | None) -> str:
    label = rule.display_label
    required = rule.describe_required()
    actual = _actual_text(rule, k, n)
    if change is None:
        return f"Đạt: {label} {actual} (yêu cầu {required})."
    if rule.feature == TOTAL:
        if change.direction == "too_few":
            return f"Thiếu {change.add} {label}: cần {required}, hiện có {n} người."
        return f"Tổng số vượt {change.remove} người: tối đa {required[2:]}, hiện có {n} người."
    few = change.direction == "too_few"
    others = "người không thuộc nhóm này"
    head = (
        change.replace
        if rule.unit == "share" and change.replace
        else (change.add if few else change.remove)
    )
    text = f"Thiếu {head} {label}" if few else f"{_capital(label)} vượt {head} người"
    text += f": cần {required}, hiện {actual}."
    if rule.unit != "share":
        return text
    swap = f"người khác bằng {label}" if few else f"{label} bằng người khác"
    kept = (change.replace, f"giữ nguyên {n} người thì thay {change.replace} {swap}")
    added = (change.add, f"thêm {change.add} {label if few else others}")
    removed = (change.remove, f"bớt {change.remove} {others if few else label}")
    return text + _options([kept, added, removed] if few else [kept, removed, added])


def _actual_text(rule: Rule, k: int, n: int) -> str:
    if rule.unit == "share" and n:
        return f"{format_percent(Fraction(k, n))} ({k}/{n})"
    return f"{k} người"


def _options(options: list[tuple[int | None, str]]) -> str:
    usable = [text for amount, text in options if amount]
    if not usable:
        return ""
    return " Cách sửa: " + "; hoặc ".join(usable) + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
