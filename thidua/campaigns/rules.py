"""Pure helpers over a campaign's rule values (no Django): ordinals, periods, conference format,
and the composition rules in the form the delegate checker reads.

The values themselves are data (LevelRule and CompositionRule rows of each campaign, copied from
a preset); these functions only interpret them.
"""

from __future__ import annotations

from decimal import Decimal

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """Roman numerals, as congresses are numbered: 12 -> "XII", 1 -> "I"."""
    if not 0 < number < 4000:
        raise ValueError("roman numerals cover 1..3999")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def congress_title(name: str, ordinal: int | None) -> str:
    """The congress with its ordinal: "Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII".

    Merged provinces restarted their numbering at "lần thứ I" (domain.md §5)."""
    return f"{name} lần thứ {roman(ordinal)}" if ordinal else name


def period(start: int | None, end: int | None) -> str:
    """ "2021-2025", the way the plan writes a period."""
    if start is None or end is None:
        return ""
    return f"{start}-{end}"


# Conference formats decided from the staff count (Plan §II.2.1).
PLENARY = "plenary"  # Hội nghị toàn thể: everyone attends
DELEGATE = "delegate"  # Hội nghị đại biểu: at most the delegate cap
ORGANIZER_CHOICE = "organizer_choice"  # the text does not decide: the organizer must choose
AT_THRESHOLD_CHOICES = (ORGANIZER_CHOICE, PLENARY, DELEGATE)


def conference_format(staff: int | None, threshold: int | None, at_threshold: str) -> str:
    """Plan §II.2.1: under ``threshold`` staff a plenary conference, over it a delegate
    conference; exactly at the threshold the plan says nothing, so ``at_threshold`` (data of
    the level rule, by default the organizer's choice) decides. No threshold: plenary."""
    if threshold is None:
        return PLENARY
    if staff is None:
        return ORGANIZER_CHOICE
    if staff < threshold:
        return PLENARY
    if staff > threshold:
        return DELEGATE
    return at_threshold


def delegate_cap(
    conference_format_: str, delegate_cap_: int | None, max_delegates: int | None
) -> int | None:
    """The most delegates a conference may have (Plan §II.2.1/§II.2.2): a delegate conference
    at most ``delegate_cap`` (200) and never more than ``max_delegates``; a plenary conference
    only ``max_delegates`` (the district's 300; a commune's plenary has none: everyone comes).
    The organizer's choice must be made first (ValueError)."""
    if conference_format_ == ORGANIZER_CHOICE:
        raise ValueError("the organizer must choose plenary or delegate first")
    caps = [max_delegates]
    if conference_format_ == DELEGATE:
        caps.append(delegate_cap_)
    known = [c for c in caps if c is not None]
    return min(known) if known else None


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def selection_rule(
    feature: str,
    value: str,
    minimum: Decimal | None,
    maximum: Decimal | None,
    unit: str,
    tolerance: Decimal = Decimal(0),
    label: str = "",
) -> dict[str, object] | None:
    """One composition rule in the format of thidua.selection.rules.parse_rule:
    ``{feature, value, min, max, unit, tolerance, label}`` (numbers as exact decimal text;
    "guest|leader" becomes the list of values; "*" becomes the group "every value present",
    ``{feature, each: true, min, ...}``). None for an emphasis without a figure (the plan's
    "chú trọng"): the checker needs a bound, so such a rule is shown, not checked."""
    if minimum is None and maximum is None:
        return None
    rule: dict[str, object] = {"feature": feature, "unit": unit}
    if value == "*":
        rule["each"] = True
    else:
        values = [v for v in value.split("|") if v]
        rule["value"] = values[0] if len(values) == 1 else values
    if minimum is not None:
        rule["min"] = _number(minimum)
    if maximum is not None:
        rule["max"] = _number(maximum)
    if tolerance:
        rule["tolerance"] = _number(tolerance)
    if label:
        rule["label"] = label
    return rule


def percent(share: Decimal | None) -> str:
    """0.7 -> "70%", 0.325 -> "32,5%" (Vietnamese decimal comma)."""
    if share is None:
        return ""
    value = (share * 100).normalize()
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return text.replace(".", ",") + "%"


class _KeepUnknown(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the {placeholders} of a plan's wording ({congress}, {review_period}, ...);
    unknown ones stay as written, and a stray brace never raises."""
    try:
        return text.format_map(_KeepUnknown(values))
    except (ValueError, IndexError, AttributeError):
        return text
