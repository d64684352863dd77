"""Deadline arithmetic as properties (issue 11): monotone, one comparison decides lateness,
and the wording, the last day on time and the first late instant always agree."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from thidua.campaigns import deadlines as d

DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))
MODES = st.sampled_from(d.MODES)
INSTANTS = st.datetimes(
    min_value=dt.datetime(1950, 1, 1),
    max_value=dt.datetime(2100, 12, 31),
    timezones=st.just(d._zone(d.TIMEZONE)),
)


@given(DAYS, DAYS, MODES)
def test_a_later_day_is_a_later_deadline(first, second, mode):
    assert (first < second) == (d.late_from(first, mode) < d.late_from(second, mode))


@given(DAYS)
def test_by_the_end_of_day_is_one_day_after_before_day(day):
    assert d.late_from(day, d.BY) - d.late_from(day, d.BEFORE) == dt.timedelta(days=1)


@given(INSTANTS, DAYS, MODES)
def test_late_exactly_after_the_last_day_on_time(at, day, mode):
    late = d.late_from(day, mode)
    local_day = at.astimezone(d._zone(d.TIMEZONE)).date()
    assert d.is_late(at, late) == (local_day > d.last_day_on_time(day, mode))
    assert d.last_day_before(late) == d.last_day_on_time(day, mode)
    assert (d.days_left(at, late) >= 0) == (not d.is_late(at, late))


@given(INSTANTS, st.integers(0, 2000), DAYS, MODES)
def test_days_left_never_grows_as_time_passes(now, minutes, day, mode):
    late = d.late_from(day, mode)
    later = now + dt.timedelta(minutes=minutes)
    assert d.days_left(later, late) <= d.days_left(now, late)


@given(DAYS, MODES, st.integers(1, 90), st.integers(1, 90))
def test_reminders_come_before_the_deadline_in_order(day, mode, first, second):
    late = d.late_from(day, mode)
    assert d.reminder_from(late, first) < late
    assert (first > second) == (d.reminder_from(late, first) < d.reminder_from(late, second))


@given(st.integers(1950, 2100))
def test_the_four_quarters_tile_the_year(year):
    windows = [d.quarter_window(year, q) for q in (1, 2, 3, 4)]
    assert windows[0][0] == dt.date(year, 1, 1) and windows[-1][1] == dt.date(year, 12, 31)
    for (_, end), (start, _) in pairwise(windows):
        assert start - end == dt.timedelta(days=1)


@given(DAYS, MODES)
def test_the_wording_names_the_day(day, mode):
    phrase = d.deadline_phrase(day, mode)
    assert phrase.endswith(day.strftime("%d/%m/%Y"))
    assert phrase.startswith("trước ngày" if mode == d.BEFORE else "đến hết ngày")
