"""Apportionment: textbook answers, paradoxes, properties, and the PyPI oracle (no database)."""

import math
from fractions import Fraction

import pytest
from apportionment import methods as oracle
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from thidua.selection.apportionment import METHODS, apportion
from thidua.selection.checker import check
from thidua.selection.errors import SelectionError
from thidua.selection.quotas import allocate_category, quota_rules
from thidua.selection.rules import make_candidate

PARTIES = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}  # Wikipedia's D'Hondt example


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("dhondt", {"A": 4, "B": 3, "C": 1, "D": 0}),
        ("sainte-lague", {"A": 3, "B": 3, "C": 1, "D": 1}),
        ("hamilton", {"A": 3, "B": 3, "C": 1, "D": 1}),
        ("huntington-hill", {"A": 3, "B": 3, "C": 1, "D": 1}),
    ],
)
def test_textbook_eight_seats(method, expected):
    assert apportion(PARTIES, 8, method).seats == expected


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("dhondt", (3, 0)),
        ("sainte-lague", (3, 0)),
        ("hamilton", (3, 0)),
        ("huntington-hill", (2, 1)),
    ],
)
def test_huntington_hill_gives_every_unit_a_first_seat(method, expected):
    result = apportion({"A": 100, "B": 10}, 3, method).seats
    assert (result["A"], result["B"]) == expected


def test_alabama_paradox_of_hamilton():
    # Quotas 30/7, 30/7, 10/7 at 10 seats: C gets the last seat (4, 4, 2). At 11 seats the
    # quotas are 33/7, 33/7, 11/7: A and B have the larger remainders and C drops to 1.
    weights = {"A": 6, "B": 6, "C": 2}
    assert apportion(weights, 10, "hamilton").seats == {"A": 4, "B": 4, "C": 2}
    assert apportion(weights, 11, "hamilton").seats == {"A": 5, "B": 5, "C": 1}
    for method in ("dhondt", "sainte-lague", "huntington-hill"):
        ten, eleven = apportion(weights, 10, method).seats, apportion(weights, 11, method).seats
        assert all(eleven[u] >= ten[u] for u in weights)


def test_population_paradox_of_hamilton():
    # A grows from 92 to 93, B stays at 20, yet A gives a seat to B.
    before = apportion({"A": 92, "B": 20, "C": 31}, 10, "hamilton").seats
    after = apportion({"A": 93, "B": 20, "C": 34}, 10, "hamilton").seats
    assert (before, after) == ({"A": 7, "B": 1, "C": 2}, {"A": 6, "B": 2, "C": 2})


def test_new_states_paradox_of_hamilton():
    # C joins with its fair share (quota 1.21 of 4 seats -> 1 more seat): A loses one to B.
    assert apportion({"A": 89, "B": 17}, 3, "hamilton").seats == {"A": 3, "B": 0}
    assert apportion({"A": 89, "B": 17, "C": 46}, 4, "hamilton").seats == {"A": 2, "B": 1, "C": 1}


def test_ties_are_reported_and_resolved_by_weight_then_code():
    result = apportion({"B": 5, "A": 5, "C": 10}, 3, "dhondt")
    assert result.seats == {"A": 1, "B": 0, "C": 2}
    (tie,) = result.ties
    assert (tie.units, tie.winners, tie.seats) == (("C", "A", "B"), ("C", "A"), 2)
    hamilton = apportion({"A": 1, "B": 1, "C": 1}, 2, "hamilton")
    assert hamilton.seats == {"A": 1, "B": 1, "C": 0}
    assert [t.as_dict() for t in hamilton.ties] == [
        {"units": ["A", "B", "C"], "winners": ["A", "B"], "seats": 2}
    ]
    assert "trọng số lớn hơn" in hamilton.tie_rule


def test_minimum_caps_threshold_and_fractional_weights():
    result = apportion({"big": 970, "small1": 20, "small2": 10}, 10, "dhondt", min_per_unit=1)
    assert result.seats == {"big": 8, "small1": 1, "small2": 1}
    capped = apportion(
        {"big": 970, "small1": 20, "small2": 10}, 10, "sainte-lague", max_per_unit={"big": 6}
    )
    assert capped.seats == {"big": 6, "small1": 3, "small2": 1}
    cut = apportion({"A": 60, "B": 36, "C": 4}, 10, "hamilton", min_per_unit=1, threshold="5%")
    assert (cut.seats, cut.excluded) == ({"A": 6, "B": 4, "C": 0}, ("C",))
    exact = apportion({"A": "0.1", "B": 0.2, "C": Fraction(7, 10)}, 10, "hamilton")
    assert exact.seats == {"A": 1, "B": 2, "C": 7}
    assert exact.quota("C") == 7


def test_hamilton_with_a_minimum_shares_the_rest_in_proportion():
    # Quotas 9.7, 0.2, 0.1 -> the two small units are raised to 1, the big one gets the other 8.
    result = apportion({"big": 970, "small1": 20, "small2": 10}, 10, "hamilton", min_per_unit=1)
    assert result.seats == {"big": 8, "small1": 1, "small2": 1}


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"seats": 2, "min_per_unit": 1}, "minimum_exceeds_seats"),
        ({"seats": 10, "max_per_unit": 3}, "caps_below_seats"),
        ({"seats": 3, "method": "adams"}, "invalid_method"),
        ({"seats": -1}, "invalid_integer"),
        ({"seats": 9, "min_per_unit": 2, "max_per_unit": 1}, "cap_below_minimum"),
        ({"seats": 3, "threshold": 2}, "invalid_threshold"),
    ],
)
def test_impossible_bounds_are_refused(kwargs, code):
    with pytest.raises(SelectionError) as error:
        apportion({"A": 1, "B": 2, "C": 3}, **kwargs)
    assert error.value.code == code


def test_negative_and_all_zero_weights_are_refused():
    for weights, code in (({"A": -1}, "negative_weight"), ({"A": 0, "B": 0}, "zero_weights")):
        with pytest.raises(SelectionError) as error:
            apportion(weights, 1, "hamilton")
        assert error.value.code == code


weights_strategy = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 500), min_size=1, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(
    weights=weights_strategy,
    seats=st.integers(0, 60),
    minimum=st.integers(0, 3),
    cap=st.none() | st.integers(0, 30),
    method=st.sampled_from(METHODS),
)
@example(weights={"a": 0, "b": 1}, seats=2, minimum=0, cap=1, method="hamilton")
def test_properties_sum_minimum_caps(weights, seats, minimum, cap, method):
    assume(sum(weights.values()) > 0)
    try:
        result = apportion(weights, seats, method, min_per_unit=minimum, max_per_unit=cap)
    except SelectionError as error:
        # Units of weight 0 earn no seat by any method: they hold their minimum only.
        positive = sum(1 for w in weights.values() if w > 0)
        reachable = (
            None
            if cap is None
            else positive * min(cap, seats) + (len(weights) - positive) * minimum
        )
        reasons = {
            "cap_below_minimum": cap is not None and cap < minimum,
            "minimum_exceeds_seats": minimum * len(weights) > seats,
            "caps_below_seats": reachable is not None and reachable < seats,
        }
        assert reasons.get(error.code) is True
        return
    assert sum(result.seats.values()) == seats
    assert all(n >= minimum for n in result.seats.values())
    if cap is not None:
        assert all(n <= cap for n in result.seats.values())


@settings(max_examples=200, deadline=None)
@given(
    weights=weights_strategy,
    seats=st.integers(0, 40),
    minimum=st.integers(0, 2),
    method=st.sampled_from(["dhondt", "sainte-lague", "huntington-hill"]),
)
def test_divisor_methods_are_house_monotone(weights, seats, minimum, method):
    assume(sum(weights.values()) > 0 and minimum * len(weights) <= seats)
    now = apportion(weights, seats, method, min_per_unit=minimum).seats
    more = apportion(weights, seats + 1, method, min_per_unit=minimum).seats
    assert all(more[u] >= now[u] for u in weights)


@settings(max_examples=200, deadline=None)
@given(weights=weights_strategy, seats=st.integers(1, 60))
def test_hamilton_stays_within_quota(weights, seats):
    total = sum(weights.values())
    assume(total > 0)
    result = apportion(weights, seats, "hamilton")
    for unit, n in result.seats.items():
        quota = Fraction(weights[unit] * seats, total)
        assert math.floor(quota) <= n <= math.ceil(quota)


def signposts_hold(method, weights, seats, minimum=0):
    """The divisor-method condition, exactly: no unit's claim on one more seat beats the claim
    of any unit on the last seat it holds above its minimum
    (max over units of w / d(s) <= min over units with s > minimum of w / d(s - 1))."""

    def d(s):
        if method == "dhondt":
            return Fraction(s + 1)
        if method == "sainte-lague":
            return Fraction(2 * s + 1, 2)
        return None  # Huntington-Hill: compared on squares below

    if method == "huntington-hill":
        claims_next = [
            Fraction(w * w, s * (s + 1)) if s else math.inf
            for w, s in zip(weights.values(), seats.values(), strict=True)
            if w
        ]
        claims_last = [
            Fraction(w * w, (s - 1) * s) if s > 1 else math.inf
            for w, s in zip(weights.values(), seats.values(), strict=True)
            if s > minimum
        ]
    else:
        claims_next = [
            Fraction(w) / d(s) for w, s in zip(weights.values(), seats.values(), strict=True)
        ]
        claims_last = [
            Fraction(w) / d(s - 1)
            for w, s in zip(weights.values(), seats.values(), strict=True)
            if s > minimum
        ]
    return not claims_last or not claims_next or max(claims_next) <= min(claims_last)


@settings(max_examples=300, deadline=None)
@given(
    weights=st.lists(st.integers(1, 60), min_size=1, max_size=7),
    seats=st.integers(1, 30),
    method=st.sampled_from(METHODS),
)
def test_oracle_package_agrees_on_small_inputs(weights, seats, method):
    named = {f"u{i}": w for i, w in enumerate(weights)}
    ours = apportion(named, seats, method)
    assume(not ours.ties)  # tie-breaking differs by design: ours is documented and reported
    name = {
        "hamilton": "hamilton",
        "dhondt": "dhondt",
        "sainte-lague": "saintelague",
        "huntington-hill": "huntington",
    }[method]
    theirs = oracle.compute(name, weights, seats, fractions=True)
    assert [ours.seats[f"u{i}"] for i in range(len(weights))] == theirs
    if method != "hamilton":
        assert signposts_hold(method, named, ours.seats)


def test_large_input_is_exact_and_sums():
    weights = {f"u{i:05d}": (i * 7919) % 5000 + 1 for i in range(10_000)}
    for method in METHODS:
        result = apportion(weights, 20_000, method, min_per_unit=1)
        assert sum(result.seats.values()) == 20_000
        assert min(result.seats.values()) >= 1
        if method != "hamilton":
            assert signposts_hold(method, weights, result.seats, minimum=1)


def test_category_allocation_becomes_rules_of_the_lower_conference():
    unit_seats = {"xa_a": 5, "xa_b": 3, "xa_c": 2}
    women = allocate_category(
        unit_seats, "gender", "female", share="40%", per_unit_min=1, label="đại biểu nữ"
    )
    producers = allocate_category(
        unit_seats, "direct_producer", "true", count=6, label="người trực tiếp sản xuất"
    )
    assert women.per_unit == {"xa_a": 2, "xa_b": 1, "xa_c": 1}
    assert producers.per_unit == {"xa_a": 3, "xa_b": 2, "xa_c": 1}
    rules = quota_rules(unit_seats, [women, producers])
    assert [(r.display_label, r.describe_required()) for r in rules["xa_a"]] == [
        ("tổng số đại biểu", "≤ 5 người"),
        ("đại biểu nữ", "≥ 2 người"),
        ("người trực tiếp sản xuất", "≥ 3 người"),
    ]
    nominees = [
        make_candidate(i, {"gender": "female" if i < 1 else "male", "direct_producer": i < 3})
        for i in range(5)
    ]
    report = check(nominees, rules["xa_a"])
    assert [r.passed for r in report.results] == [True, False, True]
    assert report.results[1].message == "Thiếu 1 đại biểu nữ: cần ≥ 2 người, hiện 1 người."


def test_category_minimum_per_unit_moves_seats_from_the_largest():
    unit_seats = {"a": 8, "b": 1, "c": 1}
    women = allocate_category(unit_seats, "gender", "female", count=3, per_unit_min=1)
    assert women.per_unit == {"a": 1, "b": 1, "c": 1}


def test_divisor_methods_can_leave_the_quota():
    # docs/apportionment.md: D's quota is 9.73 of 11 seats, D'Hondt gives it all 11.
    assert apportion({"D": 84, "A": 4, "C": 4, "B": 3}, 11, "dhondt").seats["D"] == 11
    # The 95 has a quota of 5.97 of 11 seats; Sainte-Laguë gives it 7.
    weights = {"a": 95, "b": 49, "c": 21, "d": 7, "e": 3}
    assert apportion(weights, 11, "sainte-lague").seats == {"a": 7, "b": 3, "c": 1, "d": 0, "e": 0}
    assert apportion(weights, 11, "hamilton").seats["a"] == 6


def test_every_method_raises_small_units_to_the_minimum_the_same_way():
    for method in METHODS:
        result = apportion({"big": 970, "small1": 20, "small2": 10}, 10, method, min_per_unit=1)
        assert result.seats == {"big": 8, "small1": 1, "small2": 1}
