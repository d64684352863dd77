"""Composition rules of a delegate list, as data.

A ``Rule`` bounds how many people of the list carry a value of a feature:
``{feature, value, min, max, unit: "count" | "share", tolerance, label}``. ``value`` may be one
value or several (guest + leader); the feature ``"*"`` (``TOTAL``) counts everyone (a cap).
A ``QuotaGroup`` is one rule per value of a feature: "every economic sector present"
(``each`` with ``min: 1``), or "each sub-unit within ±20% of its share" (``targets`` with a
``relative_tolerance``). Groups expand to plain rules with ``expand_rules``.

Bounds are exact ``Fraction``s (see ``thidua.selection.exact`` for the rounding rule). A share is
a number in [0, 1] (``0.4``) or a percentage string (``"40%"``). ``tolerance`` widens both bounds
by an absolute amount in the rule's unit (a 30% share with tolerance 0.02 accepts 28%–32%);
``relative_tolerance`` of a group widens each target by that fraction of itself (a 5% share with
0.2 accepts 4%–6%).

Attribute values are compared as normalised text: ``True`` is ``"true"``, ``3`` is ``"3"``,
strings are NFC-normalised and stripped. A person may carry several values of one feature
(titles): a rule matches when any of them is among the rule's values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from thidua.selection.errors import SelectionError
from thidua.selection.exact import format_number, format_percent, to_fraction

Unit = Literal["count", "share"]
UNITS: tuple[Unit, ...] = ("count", "share")
TOTAL = "*"

# Feature names the conference app stores on a delegate (glossary: docs/glossary.md).
CATEGORY = "category"  # honoree | guest | leader
GENDER = "gender"  # female | male
DIRECT_PRODUCER = "direct_producer"  # "true" | "false"
ECONOMIC_SECTOR = "economic_sector"
FIELD = "field"
SUB_UNIT = "sub_unit"

CandidateId = Hashable


def normalize_value(value: object) -> str:
    """The text a rule compares: True -> "true", 3 -> "3", NFC strings without outer spaces."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return unicodedata.normalize("NFC", str(value)).strip()
    raise SelectionError("invalid_value", f"Giá trị thuộc tính không hợp lệ: {str(value)[:40]!r}.")


@dataclass(frozen=True)
class Candidate:
    """A person of a list or a pool: an id, the attributes rules read, and merit."""

    id: CandidateId
    attributes: Mapping[str, tuple[str, ...]]
    merit: Fraction = Fraction(0)
    scores: Mapping[str, Fraction] = field(default_factory=dict)

    def values(self, feature: str) -> tuple[str, ...]:
        return self.attributes.get(feature, ())


def make_candidate(
    id: CandidateId,
    attributes: Mapping[str, object] | None = None,
    merit: object = 0,
    scores: Mapping[str, object] | None = None,
) -> Candidate:
    """Build a Candidate from plain values (normalising attribute values, exact merit)."""
    normalized: dict[str, tuple[str, ...]] = {}
    for name, raw in (attributes or {}).items():
        items = raw if isinstance(raw, list | tuple | set | frozenset) else [raw]
        if raw is None:
            items = []
        normalized[str(name)] = tuple(sorted({normalize_value(v) for v in items}))
    return Candidate(
        id=id,
        attributes=normalized,
        merit=to_fraction(merit, "Điểm thành tích (merit)"),
        scores={str(k): to_fraction(v, f"Điểm {k}") for k, v in (scores or {}).items()},
    )


@dataclass(frozen=True)
class Rule:
    """One composition rule. ``values`` is empty for the ``TOTAL`` feature."""

    feature: str
    values: frozenset[str]
    unit: Unit
    min: Fraction | None = None
    max: Fraction | None = None
    tolerance: Fraction = Fraction(0)
    label: str = ""
    group: int | None = None  # position of the QuotaGroup it was expanded from

    def __post_init__(self) -> None:
        _check_bounds(self.unit, self.min, self.max, self.tolerance, self.display_label)

    @property
    def lower(self) -> Fraction | None:
        """The effective minimum (tolerance applied, never below 0)."""
        if self.min is None:
            return None
        return max(Fraction(0), self.min - self.tolerance)

    @property
    def upper(self) -> Fraction | None:
        """The effective maximum (tolerance applied, a share never above 1)."""
        if self.max is None:
            return None
        bound = self.max + self.tolerance
        return min(Fraction(1), bound) if self.unit == "share" else bound

    def matches(self, candidate: Candidate) -> bool:
        if self.feature == TOTAL:
            return True
        return any(v in self.values for v in candidate.values(self.feature))

    @property
    def display_label(self) -> str:
        if self.label:
            return self.label
        if self.feature == TOTAL:
            return "đại biểu"
        shown = ", ".join(sorted(self.values))
        return f"đại biểu có {self.feature} = {shown}"

    def describe_required(self) -> str:
        """Vietnamese text of the effective bounds: "≥ 40%", "từ 68% đến 72%", "≤ 300 người"."""
        low, high = self.lower, self.upper
        show = _shower(self.unit)
        if low is not None and high is not None:
            return show(low) if low == high else f"từ {show(low)} đến {show(high)}"
        if low is not None:
            return f"≥ {show(low)}"
        if high is not None:
            return f"≤ {show(high)}"
        return "không giới hạn"


def _shower(unit: Unit) -> Callable[[Fraction], str]:
    if unit == "share":
        return format_percent
    return lambda value: f"{format_number(value, 2)} người"


def _check_bounds(
    unit: Unit, low: Fraction | None, high: Fraction | None, tolerance: Fraction, label: str
) -> None:
    if unit not in UNITS:
        raise SelectionError(
            "invalid_unit", f"Đơn vị của quy tắc phải là count hoặc share: {unit}."
        )
    if low is None and high is None:
        raise SelectionError(
            "missing_bound", f"Quy tắc “{label}” cần ít nhất một giới hạn min hoặc max."
        )
    for bound in (low, high):
        if bound is None:
            continue
        if bound < 0:
            raise SelectionError("negative_bound", f"Giới hạn của “{label}” không được âm.")
        if unit == "share" and bound > 1:
            raise SelectionError(
                "share_out_of_range",
                f'Tỷ lệ của “{label}” phải trong khoảng 0–1 (ví dụ 0.4 hoặc "40%").',
            )
    if low is not None and high is not None and low > high:
        raise SelectionError("min_above_max", f"Quy tắc “{label}”: min lớn hơn max.")
    if tolerance < 0:
        raise SelectionError("negative_tolerance", f"Dung sai của “{label}” không được âm.")


@dataclass(frozen=True)
class QuotaGroup:
    """One rule per value of ``feature``.

    * ``values`` + ``min``/``max``: the same bounds for every listed value ("every field
      present": ``min=1``, unit count). ``values=None`` means every value found in the pool
      (only the optimizer has a pool; the checker needs the values listed).
    * ``targets``: a target per value (a share or a count, e.g. a sub-unit's quota), widened
      by ``relative_tolerance`` (0.2 = ±20% of the target) and ``tolerance`` (absolute).
    """

    feature: str
    unit: Unit
    values: tuple[str, ...] | None = None
    targets: Mapping[str, Fraction] | None = None
    min: Fraction | None = None
    max: Fraction | None = None
    relative_tolerance: Fraction = Fraction(0)
    tolerance: Fraction = Fraction(0)
    label: str = ""

    def expand(self, position: int, universe: Iterable[str] | None = None) -> list[Rule]:
        if self.targets is not None:
            rules = []
            for value, target in sorted(self.targets.items()):
                spread = target * self.relative_tolerance
                low = max(Fraction(0), target - spread)
                high = target + spread
                if self.unit == "share":
                    high = min(Fraction(1), high)
                rules.append(self._rule(position, value, low, high))
            return rules
        values = self.values if self.values is not None else tuple(sorted(set(universe or ())))
        if self.values is None and universe is None:
            raise SelectionError(
                "group_values_required",
                f"Nhóm “{self.label or self.feature}” cần liệt kê các giá trị (values).",
            )
        return [self._rule(position, value, self.min, self.max) for value in values]

    def _rule(self, position: int, value: str, low: Fraction | None, high: Fraction | None) -> Rule:
        label = f"{self.label or 'đại biểu có ' + self.feature} “{value}”"
        return Rule(
            feature=self.feature,
            values=frozenset([value]),
            unit=self.unit,
            min=low,
            max=high,
            tolerance=self.tolerance,
            label=label,
            group=position,
        )


RuleItem = Rule | QuotaGroup


def expand_rules(items: Sequence[RuleItem], pool: Sequence[Candidate] | None = None) -> list[Rule]:
    """Plain rules, groups expanded in place (their values from ``pool`` when not listed)."""
    rules: list[Rule] = []
    for position, item in enumerate(items):
        if isinstance(item, Rule):
            rules.append(item)
            continue
        universe = None
        if pool is not None:
            universe = {v for c in pool for v in c.values(item.feature)}
        rules.extend(item.expand(position, universe))
    return rules


# --- Parsing plain JSON-like data (the API and the conference app's stored rules) ---------------


def parse_rule(data: Mapping[str, object]) -> RuleItem:
    """A Rule or QuotaGroup from a mapping; refuses with SelectionError and a Vietnamese message.

    Plain rule: ``{"feature", "value", "min", "max", "unit", "tolerance"?, "label"?}``.
    Group: ``{"feature", "each": [values] | true, "min"?, "max"?, "unit", ...}`` or
    ``{"feature", "targets": {value: target}, "relative_tolerance"?, "unit", ...}``.
    """
    if not isinstance(data, Mapping):
        raise SelectionError("invalid_rule", "Mỗi quy tắc phải là một đối tượng JSON.")
    feature = data.get("feature")
    if not isinstance(feature, str) or not feature.strip() or len(feature) > 100:
        raise SelectionError("invalid_feature", "Quy tắc thiếu tên thuộc tính (feature).")
    feature = normalize_value(feature)
    unit = data.get("unit", "count")
    if unit not in UNITS:
        raise SelectionError(
            "invalid_unit", f"Đơn vị của quy tắc phải là count hoặc share: {unit}."
        )
    label = data.get("label") or ""
    if not isinstance(label, str) or len(label) > 200:
        raise SelectionError("invalid_label", "Nhãn (label) của quy tắc không hợp lệ.")
    low = _optional(data.get("min"), "min")
    high = _optional(data.get("max"), "max")
    tolerance = _optional(data.get("tolerance"), "tolerance") or Fraction(0)
    if "targets" in data or "each" in data:
        return _parse_group(data, feature, unit, low, high, tolerance, label)
    if feature == TOTAL:
        values: frozenset[str] = frozenset()
    else:
        values = frozenset(_values(data.get("value"), "value"))
        if not values:
            raise SelectionError("missing_value", f"Quy tắc “{feature}” thiếu giá trị (value).")
    return Rule(feature, values, unit, low, high, tolerance, label)


def _parse_group(
    data: Mapping[str, object],
    feature: str,
    unit: Unit,
    low: Fraction | None,
    high: Fraction | None,
    tolerance: Fraction,
    label: str,
) -> QuotaGroup:
    relative = _optional(data.get("relative_tolerance"), "relative_tolerance") or Fraction(0)
    if relative < 0 or relative > 1:
        raise SelectionError(
            "invalid_tolerance", "Dung sai tương đối (relative_tolerance) phải trong khoảng 0–1."
        )
    raw_targets = data.get("targets")
    if raw_targets is not None:
        if not isinstance(raw_targets, Mapping) or not raw_targets:
            raise SelectionError(
                "invalid_targets", "targets phải là đối tượng {giá trị: chỉ tiêu}."
            )
        targets = {
            normalize_value(k): to_fraction(v, f"Chỉ tiêu của {k}") for k, v in raw_targets.items()
        }
        for value, target in targets.items():
            _check_bounds(unit, target, target, tolerance, f"{label or feature} “{value}”")
        return QuotaGroup(
            feature,
            unit,
            targets=targets,
            relative_tolerance=relative,
            tolerance=tolerance,
            label=label,
        )
    each = data.get("each")
    values = None if each is True else tuple(sorted(set(_values(each, "each"))))
    if values is not None and not values:
        raise SelectionError("invalid_each", "each phải là true hoặc danh sách giá trị.")
    _check_bounds(unit, low, high, tolerance, label or feature)
    return QuotaGroup(
        feature,
        unit,
        values=values,
        min=low,
        max=high,
        relative_tolerance=relative,
        tolerance=tolerance,
        label=label,
    )


def _optional(value: object, name: str) -> Fraction | None:
    return None if value is None else to_fraction(value, name)


def _values(raw: object, name: str) -> list[str]:
    items = raw if isinstance(raw, list | tuple) else [raw]
    if raw is None or len(items) > 1000:
        raise SelectionError("invalid_value", f"Giá trị ({name}) của quy tắc không hợp lệ.")
    return [normalize_value(v) for v in items]


def parse_rules(data: object) -> list[RuleItem]:
    if not isinstance(data, list):
        raise SelectionError("invalid_rules", "rules phải là một danh sách quy tắc.")
    return [parse_rule(item) for item in data]


def parse_candidate(data: object) -> Candidate:
    """``{"id", "merit"?, "attributes": {feature: value | [values]}, "scores"?}``."""
    if not isinstance(data, Mapping):
        raise SelectionError("invalid_candidate", "Mỗi người phải là một đối tượng JSON.")
    ident = data.get("id")
    if isinstance(ident, bool) or not isinstance(ident, int | str) or len(str(ident)) > 100:
        raise SelectionError("invalid_id", "Mỗi người cần một id (số hoặc chuỗi).")
    attributes = data.get("attributes") or {}
    scores = data.get("scores") or {}
    if not isinstance(attributes, Mapping) or not isinstance(scores, Mapping):
        raise SelectionError("invalid_attributes", f"Thuộc tính của {ident} không hợp lệ.")
    return make_candidate(ident, attributes, data.get("merit", 0), scores)


def parse_candidates(data: object) -> list[Candidate]:
    if not isinstance(data, list):
        raise SelectionError("invalid_candidates", "Danh sách người phải là một mảng.")
    people = [parse_candidate(item) for item in data]
    seen: set[CandidateId] = set()
    for person in people:
        if person.id in seen:
            raise SelectionError("duplicate_id", f"id {person.id} xuất hiện hai lần.")
        seen.add(person.id)
    return people


# --- The seed's preset ---------------------------------------------------------------------------


def conference_preset(
    *,
    cap: int | None = None,
    honoree_share: Fraction = Fraction(7, 10),
    category_tolerance: Fraction = Fraction(0),
    women_min: Fraction | None = None,
    direct_producer_min: Fraction | None = None,
    economic_sectors: Sequence[str] = (),
    fields: Sequence[str] = (),
) -> list[RuleItem]:
    """The seed plan's composition (Plan §2: 70% honorees, 30% guests and leaders; cap 200 for a
    commune delegate conference, 300 for the district) as rules. Women and direct-producer
    minimums are the campaign's settings (the plan stresses both without a figure)."""
    guests = 1 - honoree_share
    rules: list[RuleItem] = [
        Rule(CATEGORY, frozenset({"honoree"}), "share", honoree_share, honoree_share,
             category_tolerance, "đại biểu điển hình"),
        Rule(CATEGORY, frozenset({"guest", "leader"}), "share", guests, guests,
             category_tolerance, "khách mời và lãnh đạo"),
    ]  # fmt: skip
    if cap is not None:
        rules.append(Rule(TOTAL, frozenset(), "count", None, Fraction(cap), label="tổng số"))
    if women_min is not None:
        rules.append(Rule(GENDER, frozenset({"female"}), "share", women_min, None,
                          label="đại biểu nữ"))  # fmt: skip
    if direct_producer_min is not None:
        rules.append(Rule(DIRECT_PRODUCER, frozenset({"true"}), "share", direct_producer_min,
                          None, label="người trực tiếp lao động, sản xuất"))  # fmt: skip
    if economic_sectors:
        rules.append(QuotaGroup(ECONOMIC_SECTOR, "count", values=tuple(economic_sectors),
                                min=Fraction(1), label="thành phần kinh tế"))  # fmt: skip
    if fields:
        rules.append(QuotaGroup(FIELD, "count", values=tuple(fields), min=Fraction(1),
                                label="lĩnh vực"))  # fmt: skip
    return rules
