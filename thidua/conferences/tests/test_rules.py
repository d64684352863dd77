"""Truth tables of the pure rules (no database)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from thidua.campaigns import rules as campaign_rules
from thidua.conferences import rules

Q1 = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (dt.date(2024, 12, 31), False),
        (dt.date(2025, 1, 1), True),
        (dt.date(2025, 2, 14), True),
        (dt.date(2025, 3, 31), True),
        (dt.date(2025, 4, 1), False),
    ],
)
def test_in_window_includes_both_ends(day, inside):
    assert rules.in_window(day, *Q1) is inside


def test_in_window_open_sides():
    assert rules.in_window(dt.date(1990, 1, 1), None, dt.date(2025, 3, 31)) is True
    assert rules.in_window(dt.date(2030, 1, 1), dt.date(2025, 1, 1), None) is True
    assert rules.in_window(dt.date(2030, 1, 1), None, None) is True


# Plan §II.2.1 (communes: threshold 300, delegate cap 200, no overall maximum) and §II.2.2
# (district: no threshold, at most 300), read through the campaigns' pure functions with the
# seed's values, as the conference set-up reads them from the rows.
@pytest.mark.parametrize(
    ("staff", "threshold", "at_threshold", "expected_format", "expected_cap"),
    [
        (299, 300, "organizer_choice", "plenary", None),
        (300, 300, "organizer_choice", "organizer_choice", "choose"),
        (301, 300, "organizer_choice", "delegate", 200),
        (300, 300, "plenary", "plenary", None),
        (300, 300, "delegate", "delegate", 200),
        (None, 300, "organizer_choice", "organizer_choice", "choose"),
    ],
)
def test_commune_format_and_cap(staff, threshold, at_threshold, expected_format, expected_cap):
    found = campaign_rules.conference_format(staff, threshold, at_threshold)
    assert found == expected_format
    if expected_cap == "choose":
        with pytest.raises(ValueError):
            campaign_rules.delegate_cap(found, 200, None)
    else:
        assert campaign_rules.delegate_cap(found, 200, None) == expected_cap


@pytest.mark.parametrize("staff", [299, 300, 301, 2146, None])
def test_district_is_plenary_with_at_most_300(staff):
    found = campaign_rules.conference_format(staff, None, "organizer_choice")
    assert found == "plenary"
    assert campaign_rules.delegate_cap(found, None, 300) == 300


@pytest.mark.parametrize(
    ("cap", "limit", "allowed"),
    [(0, 200, False), (1, 200, True), (199, 200, True), (200, 200, True), (201, 200, False),
     (300, 300, True), (301, 300, False), (5000, None, True)],
)  # fmt: skip
def test_cap_allowed(cap, limit, allowed):
    assert rules.cap_allowed(cap, limit) is allowed


def test_effective_cap_prefers_the_decision():
    assert rules.effective_cap(180, 200) == 180
    assert rules.effective_cap(None, 300) == 300
    assert rules.effective_cap(None, None) is None


def test_timeline_and_overrun():
    start = dt.time(7, 30)
    assert rules.timeline(start, [15, 30, 45]) == [
        (dt.time(7, 30), dt.time(7, 45)),
        (dt.time(7, 45), dt.time(8, 15)),
        (dt.time(8, 15), dt.time(9, 0)),
    ]
    assert rules.overrun([100, 110], 210) == 0
    assert rules.overrun([100, 111], 210) == 1
    assert rules.session_end(dt.time(13, 30), 210) == dt.time(17, 0)
    assert rules.clock_text(dt.time(7, 5)) == "7h05"


def test_build_agenda_takes_the_campaign_lines_and_the_template_timing():
    rows = [
        rules.TemplateRow("plan", "Khai mạc", 15, "Ban Tổ chức", 1),
        rules.TemplateRow("plan", "Báo cáo", 30, "Lãnh đạo", 2),
        rules.TemplateRow("extra", "Văn nghệ", 15, "Đội văn nghệ"),
    ]
    built = rules.build_agenda(["Tuyên bố lý do", "Báo cáo tổng kết", "Bế mạc"], rows, 10)
    assert built == [
        rules.AgendaRow("plan", "Tuyên bố lý do", 15, "Ban Tổ chức", 1),
        rules.AgendaRow("plan", "Báo cáo tổng kết", 30, "Lãnh đạo", 2),
        rules.AgendaRow("plan", "Bế mạc", 10, "", 3),
    ]
    assert rules.build_agenda([], rows, 10) == [
        rules.AgendaRow("plan", "Khai mạc", 15, "Ban Tổ chức", 1),
        rules.AgendaRow("plan", "Báo cáo", 30, "Lãnh đạo", 2),
    ]


def test_sub_unit_path():
    assert rules.sub_unit_path("000001000002000003", "000001") == "000001000002"
    assert rules.sub_unit_path("000001", "000001") == "000001"
    assert rules.sub_unit_path("000009000002", "000001") is None


def test_attributes_leave_unknown_values_out():
    assert rules.attributes(category="guest") == {"category": "guest", "direct_producer": False}
    assert rules.attributes(
        category="honoree",
        gender="female",
        direct_producer=True,
        sub_unit=7,
        titles=["b", "a", "a"],
    ) == {
        "category": "honoree",
        "direct_producer": True,
        "gender": "female",
        "sub_unit": "7",
        "titles": ["a", "b"],
    }


def test_expand_each_labels_every_value():
    rule = {"feature": "field", "each": True, "min": "1", "unit": "count", "label": "lĩnh vực"}
    assert rules.expand_each(rule, [("y-te", "Y tế"), ("giao-duc", "Giáo dục")]) == [
        {"feature": "field", "min": "1", "unit": "count", "value": "y-te",
         "label": "lĩnh vực: Y tế"},
        {"feature": "field", "min": "1", "unit": "count", "value": "giao-duc",
         "label": "lĩnh vực: Giáo dục"},
    ]  # fmt: skip


def test_keys_round_trip():
    assert rules.parse_key(rules.key(rules.HONOREE_KEY, 12)) == ("h", 12)
    with pytest.raises(ValueError):
        rules.parse_key("x12")


def test_delegate_transitions_table():
    assert rules.can_move("listed", "reserve")
    assert rules.can_move("reserve", "listed")
    assert rules.can_move("listed", "invited")
    assert not rules.can_move("reserve", "invited")
    assert not rules.can_move("checked_in", "listed")
    assert {"listed", "invited", "confirmed", "checked_in"} == rules.ON_LIST


def _entry(key, merit, chosen, required=False, matches=(), group="honoree"):
    return rules.PoolEntry(key, Fraction(merit), chosen, required, frozenset(matches), group)


def test_explain_choices_covers_every_reason():
    # Rule 0: women at least X% (tight: one woman fewer breaks it); rule 1: direct producers at
    # most Y% (tight: one more breaks it). An optimal list of this pool (no swap keeps the
    # rules and raises the merit).
    entries = [
        _entry("d1", 0, True, required=True, group="guest"),  # a leader who must attend
        _entry("d2", 0, True, group="guest"),  # the lottery among guests of equal merit
        _entry("d3", 0, False, group="guest"),
        _entry("h1", 9, True),  # best merit
        _entry("h2", 5, True),  # in, while h5 (7) is out: h5 would break rule 1
        _entry("h3", 5, False),  # out, while h4 (2) is in: h4 is needed by rule 0
        _entry("h4", 2, True, matches={0}),
        _entry("h5", 7, False, matches={1}),
        _entry("h6", 1, False),  # simply lower than everyone chosen
    ]
    lottery = {"d2": "11", "d3": "99", "h2": "0a", "h3": "ff"}
    found = rules.explain_choices(entries, lottery, frozenset({0}), frozenset({1}))
    assert [(c.key, c.chosen, c.reason, c.rules, c.lottery) for c in found] == [
        ("d1", True, rules.REQUIRED, (), ""),
        ("d2", True, rules.LOTTERY_WON, (), "11"),
        ("d3", False, rules.LOTTERY_LOST, (), "99"),
        ("h1", True, rules.MERIT, (), ""),
        ("h2", True, rules.COMPOSITION_IN, (1,), "0a"),
        ("h3", False, rules.COMPOSITION_OUT, (0,), "ff"),
        ("h4", True, rules.COMPOSITION_IN, (0, 1), ""),
        ("h5", False, rules.COMPOSITION_OUT, (0, 1), ""),
        ("h6", False, rules.MERIT_LOW, (), ""),
    ]


def test_explain_choices_lottery_between_equals():
    entries = [_entry("h1", 5, True), _entry("h2", 5, False), _entry("h3", 3, False)]
    found = rules.explain_choices(entries, {"h1": "01", "h2": "02"}, frozenset(), frozenset())
    assert [(c.key, c.reason, c.lottery) for c in found] == [
        ("h1", rules.LOTTERY_WON, "01"),
        ("h2", rules.LOTTERY_LOST, "02"),
        ("h3", rules.MERIT_LOW, ""),
    ]
