"""The pure parts: bonuses from multiples of the base salary (integer, rounded up), the base
salary in force on a day, budget totals and variance, representation and time fit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.proceedings import budget, coverage, money

SALARIES = [
    (dt.date(2019, 7, 1), 1_490_000),
    (dt.date(2023, 7, 1), 1_800_000),
    (dt.date(2024, 7, 1), 2_340_000),
]


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (10**12, "Một nghìn tỷ đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (24_500_000, "Hai mươi tư triệu năm trăm nghìn đồng"),
        (710_000, "Bảy trăm mười nghìn đồng"),
    ],
)
def test_the_estimate_reads_amounts_in_words(amount, words):
    assert money.money_in_words(amount) == words


def test_the_estimate_accepts_the_southern_reading():
    assert money.money_in_words(105_000, zero_tens="lẻ") == "Một trăm lẻ năm nghìn đồng"


@pytest.mark.parametrize(
    ("multiple", "base", "round_to", "expected"),
    [
        ("0.3", 2_340_000, 10_000, 710_000),  # 702.000 rounded up to tens of thousands
        ("0.6", 2_340_000, 10_000, 1_410_000),  # 1.404.000
        ("1.0", 2_340_000, 10_000, 2_340_000),  # exact stays
        ("1.5", 1_800_000, 10_000, 2_700_000),
        ("0.3", 1_490_000, 1, 447_000),  # no rounding asked
        ("4.5", 2_340_000, 10_000, 10_530_000),
        ("0", 2_340_000, 10_000, 0),
        ("0.15", 1_490_000, 1, 223_500),
    ],
)
def test_bonus_amount(multiple, base, round_to, expected):
    assert money.bonus_amount(Decimal(multiple), base, round_to) == expected


@given(
    hundredths=st.integers(min_value=0, max_value=10_000),
    base=st.integers(min_value=0, max_value=10_000_000),
    round_to=st.sampled_from([1, 1_000, 10_000, 100_000]),
)
def test_bonus_is_the_smallest_rounded_amount_not_below_the_exact_one(hundredths, base, round_to):
    multiple = Decimal(hundredths) / 100
    amount = money.bonus_amount(multiple, base, round_to)
    exact_hundredths = hundredths * base  # 100 × the exact bonus, an integer
    assert isinstance(amount, int)
    assert amount % round_to == 0
    assert amount * 100 >= exact_hundredths
    assert (amount - round_to) * 100 < exact_hundredths


def test_bonus_refuses_negative_inputs():
    with pytest.raises(ValueError):
        money.bonus_amount(Decimal("-0.3"), 2_340_000)
    with pytest.raises(ValueError):
        money.bonus_amount(Decimal("0.3"), 2_340_000, 0)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2019, 6, 30), None),
        (dt.date(2019, 7, 1), 1_490_000),
        (dt.date(2023, 6, 30), 1_490_000),
        (dt.date(2023, 7, 1), 1_800_000),
        (dt.date(2024, 6, 30), 1_800_000),
        (dt.date(2024, 7, 1), 2_340_000),
        (dt.date(2025, 5, 20), 2_340_000),
    ],
)
def test_base_salary_in_force_on_a_day(day, expected):
    assert money.base_salary_on(reversed(SALARIES), day) == expected


def test_budget_totals_by_category_and_variance():
    summary = budget.summarise(
        [
            budget.Line("refreshments", 3_000_000, 2_800_000),
            budget.Line("venue", 5_000_000, 5_000_000),
            budget.Line("venue", 1_000_000, None),
            budget.Line("bonuses", 7_100_000, 7_800_000),
        ],
        ("venue", "decoration", "bonuses", "refreshments"),
    )
    assert summary.total == budget.Totals(16_100_000, 15_600_000, spent_lines=3, lines=4)
    assert summary.total.variance == -500_000
    assert summary.total.variance_percent == "-3,1"
    assert not summary.total.complete
    assert [c for c, _t in summary.by_category] == ["venue", "bonuses", "refreshments"]
    venue = dict(summary.by_category)["venue"]
    assert (venue.planned, venue.actual, venue.variance) == (6_000_000, 5_000_000, -1_000_000)


def test_variance_percent_without_plan_is_empty():
    assert budget.Totals(0, 100).variance_percent == ""
    assert budget.Totals(1_000, 1_005).variance_percent == "0,5"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["venue", "printing", "other"]),
            st.integers(min_value=0, max_value=10**10),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**10)),
        ),
        max_size=20,
    )
)
def test_category_totals_add_up_to_the_total(rows):
    summary = budget.summarise(budget.Line(c, p, a) for c, p, a in rows)
    assert sum(t.planned for _c, t in summary.by_category) == summary.total.planned
    assert sum(t.actual for _c, t in summary.by_category) == summary.total.actual
    assert summary.total.variance == summary.total.actual - summary.total.planned


def test_line_amount_refuses_negatives():
    assert budget.line_amount(3, 150_000) == 450_000
    with pytest.raises(ValueError):
        budget.line_amount(-1, 5)


def test_representation_and_time_fit():
    universe = {"kinh-te": "Kinh tế", "giao-duc": "Giáo dục", "y-te": "Y tế"}
    result = coverage.representation(universe, ["giao-duc", "", "khac", "giao-duc"])
    assert result.covered == (("giao-duc", "Giáo dục"),)
    assert result.missing == (("kinh-te", "Kinh tế"), ("y-te", "Y tế"))
    assert not result.complete
    assert coverage.representation({}, []).complete
    fit = coverage.time_fit([10, 12, 8], 30)
    assert (fit.total, fit.fits, fit.spare, fit.over) == (30, True, 0, 0)
    over = coverage.time_fit([10, 12, 9], 30)
    assert (over.fits, over.spare, over.over) == (False, -1, 1)
