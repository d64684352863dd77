"""Pure helpers over a campaign's rule values (no Django): ordinals, periods, conference format,
and the composition rules in the form the delegate checker reads.

The values themselves are data (LevelRule and CompositionRule rows of each campaign, copied from
a preset); these functions only interpret them.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class CheckerRule:
    """One composition rule as the delegate checker (thidua/selection) reads it.

    ``value``: one value, alternatives joined by "|" ("guest|leader"), or "*" for "every value
    of the feature" (e.g. every economic sector represented). ``minimum``/``maximum``: a count,
    or a share between 0 and 1; None means no bound. A rule with neither bound is an emphasis
    without a figure (the plan's "chú trọng"): shown, never failed.
    """

    feature: str
    value: str
    minimum: Decimal | None
    maximum: Decimal | None
    unit: str

    def as_dict(self) -> dict[str, object]:
        return {
            "feature": self.feature,
            "value": self.value,
            "min": None if self.minimum is None else float(self.minimum),
            "max": None if self.maximum is None else float(self.maximum),
            "unit": self.unit,
        }


def checker_rule(
    feature: str,
    value: str,
    minimum: Decimal | None,
    maximum: Decimal | None,
    unit: str,
    tolerance: Decimal = Decimal(0),
) -> CheckerRule:
    """Widen a share rule by its tolerance (70% +/- 2 points -> 68%..72%), within 0..1."""
    if unit == "share" and tolerance:
        if minimum is not None:
            minimum = max(Decimal(0), minimum - tolerance)
        if maximum is not None:
            maximum = min(Decimal(1), maximum + tolerance)
    return CheckerRule(feature, value, minimum, maximum, unit)


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
