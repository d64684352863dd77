"""Truth tables of the composition checker (no database)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.selection.checker import check, evaluate
from thidua.selection.errors import SelectionError
from thidua.selection.exact import format_percent, to_fraction
from thidua.selection.rules import (
    TOTAL,
    QuotaGroup,
    Rule,
    conference_preset,
    expand_rules,
    make_candidate,
    parse_rule,
    parse_rules,
)


def people(**groups):
    """people(female=3, male=7) -> 10 candidates with gender set."""
    out = []
    for value, count in groups.items():
        out += [make_candidate(f"{value}{i}", {"gender": value}) for i in range(count)]
    return out


def share_rule(value="female", low=None, high=None, tolerance=0, label="đại biểu nữ"):
    return Rule("gender", frozenset({value}), "share", low, high, Fraction(tolerance), label)


@pytest.mark.parametrize(
    "number", [0.7, "0.7", "70%", " 70 % ", "7/10", Decimal("0.70"), Fraction(7, 10), "70,0%"]
)
def test_to_fraction_reads_seventy_percent_exactly(number):
    assert to_fraction(number) == Fraction(7, 10)


@pytest.mark.parametrize("bad", [True, None, "abc", float("nan"), "1e999999", [1], "70%%"])
def test_to_fraction_refuses_what_is_not_a_plain_number(bad):
    with pytest.raises(SelectionError) as error:
        to_fraction(bad)
    assert error.value.code == "invalid_number"


@pytest.mark.parametrize(
    ("honorees", "total", "passed"),
    [
        (700, 1000, True),
        (699, 1000, False),
        (701, 1000, True),
        (7, 10, True),
        (6, 10, False),
        (5, 7, True),
        (4, 7, False),
        (140, 200, True),
        (139, 200, False),
    ],
)
def test_share_minimum_is_exact_at_the_boundary(honorees, total, passed):
    rule = Rule("category", frozenset({"honoree"}), "share", to_fraction(0.7), None)
    assert evaluate(0, rule, honorees, total).passed is passed


@pytest.mark.parametrize(
    ("guests", "total", "tolerance", "passed"),
    [
        (30, 100, 0, True),
        (31, 100, 0, False),
        (32, 100, "0.02", True),
        (33, 100, "0.02", False),
        (28, 100, "0.02", True),
        (27, 100, "0.02", False),
        (3, 10, 0, True),
        (4, 10, 0, False),
    ],
)
def test_exact_share_with_tolerance_window(guests, total, tolerance, passed):
    rule = Rule(
        "category",
        frozenset({"guest", "leader"}),
        "share",
        Fraction(3, 10),
        Fraction(3, 10),
        to_fraction(tolerance),
    )
    assert evaluate(0, rule, guests, total).passed is passed


def test_share_shown_rounded_but_decided_exactly():
    # 699/1000 = 69.9%; 6999/10000 shows as 70% (half up) yet fails a 70% minimum.
    result = evaluate(0, share_rule(low=Fraction(7, 10)), 6999, 10000)
    assert result.passed is False
    assert result.actual == "70% (6999/10000)"
    assert result.change.replace == 1
    assert format_percent(Fraction(6999, 10000), "down") == "69,9%"


def test_women_minimum_gives_the_three_smallest_changes():
    report = check(people(female=7, male=13), [share_rule(low=Fraction(2, 5))])
    (result,) = report.results
    assert (result.count, result.total, result.passed) == (7, 20, False)
    # replace 1 -> 8/20 = 40%; add 2 -> 9/22 (8/21 = 38.1% is not enough); remove 3 others ->
    # 7/17 = 41.2% (7/18 = 38.9% is not enough).
    assert (result.change.replace, result.change.add, result.change.remove) == (1, 2, 3)
    assert result.message == (
        "Thiếu 1 đại biểu nữ: cần ≥ 40%, hiện 35% (7/20). Cách sửa: giữ nguyên 20 người thì "
        "thay 1 người khác bằng đại biểu nữ; hoặc thêm 2 đại biểu nữ; hoặc bớt 3 người không "
        "thuộc nhóm này."
    )


def test_count_rules_say_how_many_are_missing_or_too_many():
    rules = parse_rules(
        [
            {
                "feature": "gender",
                "value": "female",
                "min": 5,
                "unit": "count",
                "label": "đại biểu nữ",
            },
            {
                "feature": "category",
                "value": "guest",
                "max": 2,
                "unit": "count",
                "label": "khách mời",
            },
        ]
    )
    crowd = [
        make_candidate(
            i,
            {"gender": "female" if i < 2 else "male", "category": "guest" if i < 6 else "honoree"},
        )
        for i in range(10)
    ]
    women, guests = check(crowd, rules).results
    assert women.message == "Thiếu 3 đại biểu nữ: cần ≥ 5 người, hiện 2 người."
    assert guests.message == "Khách mời vượt 4 người: cần ≤ 2 người, hiện 6 người."
    assert (guests.change.remove, guests.change.replace) == (4, 4)


def test_guest_share_over_thirty_percent_is_flagged_with_the_share_aware_counts():
    crowd = [make_candidate(i, {"category": "guest" if i < 10 else "honoree"}) for i in range(20)]
    rule = Rule("category", frozenset({"guest"}), "share", None, Fraction(3, 10), label="khách mời")
    (result,) = check(crowd, [rule]).results
    # 10/20: replace 4 (6/20); remove 6 guests (4/14 = 28.6%; 5/15 = 33.3%); add 14 others (10/34).
    assert (result.change.replace, result.change.remove, result.change.add) == (4, 6, 14)
    assert result.message.startswith("Khách mời vượt 4 người: cần ≤ 30%, hiện 50% (10/20).")


def test_total_cap_and_an_empty_list():
    cap = Rule(TOTAL, frozenset(), "count", None, Fraction(3), label="đại biểu")
    (result,) = check(people(male=5), [cap]).results
    assert result.message == "Tổng số vượt 2 người: tối đa 3 người, hiện có 5 người."
    (empty,) = check([], [share_rule(low=Fraction(2, 5))]).results
    assert (empty.passed, empty.change.add, empty.change.replace, empty.change.remove) == (
        False,
        1,
        None,
        None,
    )


def test_every_value_present_and_quota_groups_expand_to_one_rule_per_value():
    group = QuotaGroup("field", "count", values=("a", "b", "c"), min=Fraction(1), label="lĩnh vực")
    crowd = [make_candidate(1, {"field": "a"}), make_candidate(2, {"field": "c"})]
    results = check(crowd, [group]).results
    assert [(sorted(r.rule.values), r.passed) for r in results] == [
        (["a"], True),
        (["b"], False),
        (["c"], True),
    ]
    quota = parse_rule(
        {
            "feature": "sub_unit",
            "targets": {"x": 0.1, "y": 0.4},
            "relative_tolerance": 0.2,
            "unit": "share",
        }
    )
    x, y = expand_rules([quota])
    assert (x.lower, x.upper, y.lower, y.upper) == (
        Fraction(8, 100),
        Fraction(12, 100),
        Fraction(32, 100),
        Fraction(48, 100),
    )


def test_group_without_values_needs_a_pool():
    with pytest.raises(SelectionError) as error:
        check([], [parse_rule({"feature": "field", "each": True, "min": 1})])
    assert error.value.code == "group_values_required"


def test_multi_valued_attributes_match_any_value_and_values_are_normalised():
    person = make_candidate(1, {"titles": ["CSTĐCS", "LĐTT"], "direct_producer": True})
    assert Rule("titles", frozenset({"LĐTT"}), "count", Fraction(1)).matches(person)
    assert parse_rule({"feature": "direct_producer", "value": True, "min": 1}).matches(person)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            {"feature": "gender", "value": "female", "min": 40, "unit": "share"},
            "share_out_of_range",
        ),
        ({"feature": "gender", "value": "female", "min": 3, "max": 2}, "min_above_max"),
        ({"feature": "gender", "value": "female"}, "missing_bound"),
        ({"feature": "gender", "min": 1}, "invalid_value"),
        ({"value": "x", "min": 1}, "invalid_feature"),
        ({"feature": "gender", "value": "female", "min": 1, "unit": "percent"}, "invalid_unit"),
        ({"feature": "gender", "value": "female", "min": -1}, "negative_bound"),
        ({"feature": "gender", "value": "female", "min": "abc"}, "invalid_number"),
        ({"feature": "x", "targets": {"a": 2}, "unit": "share"}, "share_out_of_range"),
        ({"feature": "x", "each": [], "min": 1}, "invalid_each"),
        ("not a rule", "invalid_rule"),
    ],
)
def test_bad_rules_are_refused_with_a_code(data, code):
    with pytest.raises(SelectionError) as error:
        parse_rule(data)
    assert error.value.code == code


def test_seed_preset_is_seventy_thirty_with_the_cap():
    rules = expand_rules(conference_preset(cap=200, women_min=Fraction(2, 5), fields=("a", "b")))
    assert [(r.display_label, r.describe_required()) for r in rules] == [
        ("đại biểu điển hình", "70%"),
        ("khách mời và lãnh đạo", "30%"),
        ("tổng số", "≤ 200 người"),
        ("đại biểu nữ", "≥ 40%"),
        ("lĩnh vực “a”", "≥ 1 người"),
        ("lĩnh vực “b”", "≥ 1 người"),
    ]


shares = st.fractions(min_value=0, max_value=1, max_denominator=100)


@given(k=st.integers(0, 60), extra=st.integers(0, 60), low=shares)
def test_minimum_changes_are_the_smallest_that_work(k, extra, low):
    n = k + extra
    result = evaluate(0, share_rule(low=low), k, n)
    if result.passed:
        assert (n == 0 and low == 0) or k >= low * n
        return
    change = result.change

    def ok(kk, nn):
        return nn > 0 and kk >= low * nn

    if change.replace is not None:
        assert ok(k + change.replace, n) and change.replace <= n - k
        assert change.replace == 0 or not ok(k + change.replace - 1, n)
    if change.add is not None:
        assert ok(k + change.add, n + change.add)
        assert change.add == 0 or not ok(k + change.add - 1, n + change.add - 1)
    else:
        assert low == 1
    if change.remove is not None:
        assert ok(k, n - change.remove) and change.remove <= n - k
        assert change.remove == 0 or not ok(k, n - change.remove + 1)
    else:
        assert k == 0


@given(k=st.integers(0, 60), extra=st.integers(0, 60), high=shares)
def test_maximum_changes_are_the_smallest_that_work(k, extra, high):
    n = k + extra
    result = evaluate(0, share_rule(high=high), k, n)
    if result.passed:
        assert n == 0 or k <= high * n
        return
    change = result.change

    def ok(kk, nn):
        return nn == 0 or kk <= high * nn

    assert ok(k - change.replace, n) and not ok(k - change.replace + 1, n)
    assert ok(k - change.remove, n - change.remove)
    assert not ok(k - change.remove + 1, n - change.remove + 1)
    if change.add is None:
        assert high == 0
    else:
        assert ok(k, n + change.add) and not ok(k, n + change.add - 1)
