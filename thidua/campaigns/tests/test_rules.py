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


def test_selection_rules_use_the_selection_modules_format():
    assert rules.selection_rule(
        "category",
        "honoree",
        Decimal("0.7"),
        Decimal("0.7"),
        "share",
        Decimal("0.02"),
        "đại biểu điển hình tiên tiến",
    ) == {
        "feature": "category",
        "unit": "share",
        "value": "honoree",
        "min": "0.7",
        "max": "0.7",
        "tolerance": "0.02",
        "label": "đại biểu điển hình tiên tiến",
    }
    assert rules.selection_rule(
        "category", "guest|leader", Decimal("0.3000"), Decimal("0.3"), "share"
    ) == {
        "feature": "category",
        "unit": "share",
        "value": ["guest", "leader"],
        "min": "0.3",
        "max": "0.3",
    }
    assert rules.selection_rule("economic_sector", "*", Decimal(1), None, "count") == {
        "feature": "economic_sector",
        "unit": "count",
        "each": True,
        "min": "1",
    }
    # An emphasis without a figure is not a checkable rule.
    assert rules.selection_rule("gender", "female", None, None, "share") is None


@pytest.mark.parametrize(
    ("form", "delegate_cap", "max_delegates", "cap"),
    [
        ("plenary", 200, None, None),  # a commune's plenary: everyone comes
        ("delegate", 200, None, 200),
        ("delegate", 200, 150, 150),
        ("plenary", None, 300, 300),  # the district: at most 300
        ("delegate", None, 300, 300),
    ],
)
def test_delegate_cap_truth_table(form, delegate_cap, max_delegates, cap):
    assert rules.delegate_cap(form, delegate_cap, max_delegates) == cap


def test_the_organizer_must_choose_before_a_cap_exists():
    with pytest.raises(ValueError):
        rules.delegate_cap("organizer_choice", 200, None)


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
