"""Truth tables of the pure rules (no database)."""

import pytest

from thidua.core.cells import escape_cell
from thidua.honorees import rules


@pytest.mark.parametrize(
    ("years", "longest", "ending_2024"),
    [
        ([], 0, 0),
        ([2024], 1, 1),
        ([2022, 2023], 2, 0),
        ([2023, 2024], 2, 2),
        ([2021, 2022, 2024], 2, 1),
        ([2020, 2021, 2022, 2023, 2024], 5, 5),
        ([2024, 2023, 2023], 2, 2),
    ],
)
def test_streaks(years, longest, ending_2024):
    assert rules.longest_streak(years) == longest
    assert rules.streak_ending(years, 2024) == ending_2024


@pytest.mark.parametrize(
    ("years", "count", "ending", "expected"),
    [
        ([2023, 2024], 2, None, True),
        ([2022, 2024], 2, None, False),
        ([2022, 2023], 2, 2024, False),
        ([2022, 2023, 2024], 3, 2024, True),
        ([2022, 2023, 2024], 4, None, False),
    ],
)
def test_has_consecutive(years, count, ending, expected):
    assert rules.has_consecutive(years, count, ending=ending) is expected


def test_merit_score_sums_weights_in_the_period():
    records = [("cstdcs", 2023), ("cstdcs", 2024), ("ldtt", 2019), ("unknown", 2023)]
    assert rules.merit_score(records) == 3.0 + 3.0 + 1.0
    assert rules.merit_score(records, period=(2021, 2025)) == 6.0
    assert rules.merit_score([], initiatives=2, good_deeds=True, acclaimed=True) == 4 + 1 + 2
    assert rules.merit_score([], works_directly=True) == 1.0


def test_merit_score_takes_custom_weights():
    weights = rules.MeritWeights(forms={"ldtt": 0.5}, initiative=0, unknown_form=0.25)
    assert rules.merit_score([("ldtt", 2024), ("cstdcs", 2024)], weights=weights) == 0.75
    assert rules.merit_score([], initiatives=3, weights=weights) == 0


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2010, True), (2011, False), (1915, True), (1914, False), (1980, True)],
)
def test_birth_year_range_for_2025(year, expected):
    assert rules.birth_year_in_range(year, 2025) is expected


@pytest.mark.parametrize(
    ("size", "expected"), [(None, False), (0, False), (1, True), (30, True), (31, False)]
)
def test_small_collective(size, expected):
    assert rules.is_small_collective(size) is expected


def test_national_id_format_and_mask():
    assert rules.is_valid_national_id("001234567890")
    assert rules.is_valid_national_id("123456789")
    assert not rules.is_valid_national_id("12345678901")
    assert not rules.is_valid_national_id("00123456789a")
    assert rules.mask_national_id("001234567890") == "*********890"
    assert rules.mask_national_id(None) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+84912", "'+84912"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("Nguyễn Văn A", "Nguyễn Văn A"),
        (-5, -5),
        (None, None),
    ],
)
def test_escape_cell(value, expected):
    assert escape_cell(value) == expected
