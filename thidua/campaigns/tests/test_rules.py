"""rules.py: ordinals, periods, the conference format at the 300 boundary, checker rules."""

from decimal import Decimal

import pytest

from thidua.campaigns import rules


@pytest.mark.parametrize(
    ("number", "text"), [(1, "I"), (4, "IV"), (9, "IX"), (11, "XI"), (12, "XII"), (40, "XL")]
)
def test_roman_numerals(number, text):
    assert rules.roman(number) == text


def test_congress_titles_restart_at_one_after_a_merger():
    assert (
        rules.congress_title("Đại hội Thi đua yêu nước tỉnh Hà Nam", 12)
        == "Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII"
    )
    assert rules.congress_title("Đại hội Thi đua yêu nước tỉnh Ninh Bình", 1).endswith("lần thứ I")
    assert rules.congress_title("Đại hội", None) == "Đại hội"
    with pytest.raises(ValueError):
        rules.roman(0)


@pytest.mark.parametrize(
    ("staff", "at_threshold", "expected"),
    [
        (299, "organizer_choice", "plenary"),
        (300, "organizer_choice", "organizer_choice"),
        (300, "plenary", "plenary"),
        (300, "delegate", "delegate"),
        (301, "organizer_choice", "delegate"),
        (None, "organizer_choice", "organizer_choice"),
    ],
)
def test_conference_format_around_300_staff(staff, at_threshold, expected):
    assert rules.conference_format(staff, 300, at_threshold) == expected


def test_a_level_without_threshold_is_plenary():
    assert rules.conference_format(5000, None, "organizer_choice") == "plenary"


def test_checker_rule_applies_the_tolerance_within_0_and_1():
    rule = rules.checker_rule(
        "category", "honoree", Decimal("0.70"), Decimal("0.70"), "share", Decimal("0.02")
    )
    assert rule.as_dict() == {
        "feature": "category",
        "value": "honoree",
        "min": 0.68,
        "max": 0.72,
        "unit": "share",
    }
    wide = rules.checker_rule(
        "gender", "female", Decimal("0.1"), Decimal("0.99"), "share", Decimal("0.2")
    )
    assert (wide.minimum, wide.maximum) == (Decimal(0), Decimal(1))
    count = rules.checker_rule("economic_sector", "*", Decimal(1), None, "count", Decimal(0))
    assert count.as_dict() == {
        "feature": "economic_sector",
        "value": "*",
        "min": 1.0,
        "max": None,
        "unit": "count",
    }


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (Decimal("0.7"), "70%"),
        (Decimal("0.30"), "30%"),
        (Decimal("0.325"), "32,5%"),
        (Decimal("1"), "100%"),
        (None, ""),
    ],
)
def test_percent(share, text):
    assert rules.percent(share) == text


def test_fill_replaces_known_placeholders_and_keeps_the_rest():
    values = {"congress": "Đại hội X lần thứ XII"}
    assert rules.fill("tiến tới {congress}", values) == "tiến tới Đại hội X lần thứ XII"
    assert rules.fill("{unknown} và {congress}", values) == "{unknown} và Đại hội X lần thứ XII"
    assert rules.fill("dấu { lẻ", values) == "dấu { lẻ"
