"""The optimizer against brute force, its lottery, and its infeasibility reports (no database)."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.selection import optimizer as optimizer_module
from thidua.selection.checker import check
from thidua.selection.errors import SelectionError
from thidua.selection.optimizer import lottery_number, optimize
from thidua.selection.rules import Rule, make_candidate, parse_rules

GENDERS = ["female", "male"]
CATEGORIES = ["honoree", "guest", "leader"]


@st.composite
def instances(draw):
    n = draw(st.integers(1, 9))
    pool = [
        make_candidate(
            i,
            {
                "gender": draw(st.sampled_from(GENDERS)),
                "category": draw(st.sampled_from(CATEGORIES)),
                "field": draw(st.sampled_from(["a", "b", "c"])),
            },
            merit=draw(st.integers(0, 4)),
        )
        for i in range(n)
    ]
    size = draw(st.integers(0, n))
    rules = []
    for _ in range(draw(st.integers(0, 3))):
        feature, values = draw(
            st.sampled_from(
                [
                    ("gender", ["female"]),
                    ("category", ["honoree"]),
                    ("category", ["guest", "leader"]),
                    ("field", ["a"]),
                    ("field", ["b", "c"]),
                ]
            )
        )
        unit = draw(st.sampled_from(["count", "share"]))
        top = 1 if unit == "share" else 5
        low = draw(st.none() | st.fractions(0, top, max_denominator=10))
        high = draw(st.none() | st.fractions(0, top, max_denominator=10))
        if low is None and high is None:
            low = Fraction(0)
        if low is not None and high is not None and low > high:
            low, high = high, low
        rules.append(Rule(feature, frozenset(values), unit, low, high))
    required = draw(st.lists(st.sampled_from(range(n)), max_size=min(2, size), unique=True))
    return pool, rules, size, required, draw(st.integers(0, 10**6))


def brute_force(pool, rules, size, required):
    """Every subset of the right size that keeps the rules: the best merit, and all lists of it."""
    best, lists = None, []
    for combo in itertools.combinations(pool, size):
        ids = {c.id for c in combo}
        if not set(required) <= ids or not check(list(combo), rules).passed:
            continue
        merit = sum(c.merit for c in combo)
        if best is None or merit > best:
            best, lists = merit, [ids]
        elif merit == best:
            lists.append(ids)
    return best, lists


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_optimizer_matches_brute_force_and_the_lottery_breaks_ties(instance):
    pool, rules, size, required, seed = instance
    best, lists = brute_force(pool, rules, size, required)
    result = optimize(pool, rules, size, required, seed=seed)
    if best is None:
        assert result.status == "infeasible"
        assert result.selected == ()
        return
    assert result.status == "optimal"
    assert result.objective == best
    assert set(result.selected) in lists
    assert result.report.passed
    # The lottery: among the optimal lists, ours has the largest sum of lottery ranks, i.e. no
    # other optimal list prefers (by lottery number) a better set of equal-merit people.
    ranks = lottery_ranks(pool, seed)
    ours = sum(ranks[i] for i in result.selected)
    assert ours == max(sum(ranks[i] for i in ids) for ids in lists)


def lottery_ranks(pool, seed):
    ranks = {}
    for merit in {c.merit for c in pool}:
        same = sorted(
            (c for c in pool if c.merit == merit),
            key=lambda c: (lottery_number(seed, c.id), str(c.id)),
            reverse=True,
        )
        ranks.update({c.id: rank for rank, c in enumerate(same)})
    return ranks


def pool_of(n, women=None, merit=lambda i: i % 3):
    women = n // 2 if women is None else women
    return [
        make_candidate(
            i,
            {
                "gender": "female" if i < women else "male",
                "category": "leader" if i % 5 == 0 else "honoree",
            },
            merit=merit(i),
        )
        for i in range(n)
    ]


WOMEN_40 = {
    "feature": "gender",
    "value": "female",
    "min": 0.4,
    "unit": "share",
    "label": "đại biểu nữ",
}


def test_same_seed_same_list_and_the_seed_is_returned():
    pool = pool_of(40, merit=lambda i: 1)  # everyone equal: only the lottery decides
    rules = parse_rules([WOMEN_40])
    first = optimize(pool, rules, 10, seed=42)
    again = optimize(list(reversed(pool)), rules, 10, seed=42)
    other = optimize(pool, rules, 10, seed=43)
    assert first.selected == again.selected and first.seed == 42
    assert set(first.selected) != set(other.selected)
    # Explainable: the lottery numbers of the split class are returned and recomputable.
    assert first.lottery[first.selected[0]] == lottery_number(42, first.selected[0])
    chosen_numbers = {first.lottery[i] for i in first.selected}
    assert len(first.lottery) == 40 and len(chosen_numbers) == 10


def test_swap_property_holds_on_a_larger_pool():
    pool = pool_of(300, women=90, merit=lambda i: i % 4)
    rules = parse_rules(
        [WOMEN_40, {"feature": "category", "value": "leader", "max": 0.1, "unit": "share"}]
    )
    result = optimize(pool, rules, 60, seed=7)
    assert result.status == "optimal" and result.report.passed
    chosen = set(result.selected)
    by_id = {c.id: c for c in pool}
    for i in chosen:
        for j in set(by_id) - chosen:
            if by_id[i].merit != by_id[j].merit:
                continue
            if by_id[i].attributes == by_id[j].attributes:  # interchangeable: the lottery decides
                assert lottery_number(7, i) < lottery_number(7, j)


def test_required_people_are_in_even_with_low_merit():
    pool = pool_of(20)
    result = optimize(pool, [], 5, required=[19, 18], seed=1)
    assert {18, 19} <= set(result.selected) and len(result.selected) == 5


def test_selected_is_ordered_by_merit_then_lottery():
    pool = pool_of(12, merit=lambda i: i)
    result = optimize(pool, [], 4)
    assert result.selected == (11, 10, 9, 8) and result.objective == 38


def test_women_shortage_names_the_rule_and_both_relaxations():
    pool = pool_of(100, women=36)  # 36 women, a list of 100 needs 40
    result = optimize(pool, parse_rules([WOMEN_40]), 100)
    assert result.status == "infeasible" and result.selected == ()
    assert result.conflicts == (0,)
    (relax,) = result.relaxation
    assert (relax.bound, relax.current_count, relax.proposed_count, relax.more_candidates) == (
        "min",
        40,
        36,
        4,
    )
    assert relax.alone is True
    assert relax.message == (
        "Cần hạ mức tối thiểu đại biểu nữ từ 40% xuống 36% (36/100 người), "
        "hoặc có thêm 4 ứng viên đại biểu nữ."
    )
    assert result.report is not None and not result.report.passed  # the closest list, explained


def test_two_rules_in_conflict_are_both_named_with_one_relaxation_each():
    rules = parse_rules(
        [
            {"feature": "gender", "value": "female", "min": 0.6, "unit": "share", "label": "nữ"},
            {"feature": "gender", "value": "male", "min": 0.5, "unit": "share", "label": "nam"},
            {"feature": "category", "value": "leader", "max": 0.5, "unit": "share"},
        ]
    )
    result = optimize(pool_of(40), rules, 10)
    assert result.status == "infeasible"
    assert result.conflicts == (0, 1) and result.conflicts_minimal
    assert [(r.rule_index, r.current, r.proposed, r.alone) for r in result.relaxation] == [
        (0, "60%", "50% (5/10 người)", True),
        (1, "50%", "40% (4/10 người)", True),
    ]


def test_required_leaders_over_the_cap_are_explained():
    rules = parse_rules(
        [{"feature": "category", "value": "leader", "max": 1, "unit": "count", "label": "lãnh đạo"}]
    )
    result = optimize(pool_of(20), rules, 5, required=[0, 5, 10])
    assert result.status == "infeasible" and result.conflicts == (0,)
    (relax,) = result.relaxation
    assert (relax.bound, relax.proposed_count) == ("max", 3)
    assert relax.message == "Cần nâng mức tối đa lãnh đạo từ 1 người lên 3 người."


def test_seventy_thirty_exact_is_impossible_for_seven_seats_without_tolerance():
    rules = parse_rules(
        [
            {
                "feature": "category",
                "value": "honoree",
                "min": 0.7,
                "max": 0.7,
                "unit": "share",
                "label": "đại biểu điển hình",
            }
        ]
    )
    result = optimize(pool_of(20), rules, 7)
    assert result.status == "infeasible" and result.conflicts == (0,)
    widened = parse_rules(
        [
            {
                "feature": "category",
                "value": "honoree",
                "min": 0.7,
                "max": 0.7,
                "tolerance": 0.05,
                "unit": "share",
            }
        ]
    )
    assert optimize(pool_of(20), widened, 7).status == "optimal"


def test_pool_smaller_than_size():
    result = optimize(pool_of(3), [], 5)
    assert result.status == "infeasible"
    assert result.relaxation[0].message == (
        "Chỉ có 3 ứng viên cho 5 chỗ: thêm 2 ứng viên hoặc giảm số lượng xuống 3."
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"required": [99]}, "unknown_required"),
        ({"required": [0, 1, 2]}, "required_exceeds_size"),
        ({"size": -1}, "invalid_size"),
    ],
)
def test_contradictory_input_is_refused(kwargs, code):
    arguments = {"size": 2, **kwargs}
    with pytest.raises(SelectionError) as error:
        optimize(pool_of(5), [], **arguments)
    assert error.value.code == code


def test_weights_turn_scores_into_merit():
    pool = [make_candidate(1, scores={"bang_khen": 1}), make_candidate(2, scores={"giay_khen": 2})]
    result = optimize(pool, [], 1, weights={"bang_khen": Fraction(3), "giay_khen": Fraction(1)})
    assert result.selected == (1,) and result.objective == 3


def test_huge_merits_take_the_two_stage_path_and_stay_optimal(monkeypatch):
    calls = []
    original = optimizer_module._run

    def counting(solver, n):
        calls.append(n)
        return original(solver, n)

    monkeypatch.setattr(optimizer_module, "_run", counting)
    pool = [
        make_candidate(i, {"g": "x" if i % 2 else "y"}, merit=7 + 10**14 * (i % 3))
        for i in range(12)
    ]
    rules = parse_rules([{"feature": "g", "value": "x", "min": 2, "max": 2}])
    result = optimize(pool, rules, 4, seed=5)
    best, lists = brute_force(pool, rules, 4, [])
    assert len(calls) == 2
    assert result.objective == best and set(result.selected) in lists
