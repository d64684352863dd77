"""Vietnamese date and number formats as round trips (issue 11)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from thidua.core.vietnamese import group_thousands, long_date, place_date, short_date

DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


@given(DAYS)
def test_short_date_round_trips(day):
    text = short_date(day)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", text)
    assert dt.datetime.strptime(text, "%d/%m/%Y").date() == day


@given(DAYS)
def test_short_and_long_dates_order_like_the_days(day):
    other = day + dt.timedelta(days=1)
    key = lambda text: tuple(reversed(text.split("/")))  # noqa: E731
    assert key(short_date(day)) < key(short_date(other))


@given(st.text(min_size=1, max_size=30).filter(lambda s: "," not in s), DAYS)
def test_place_date_is_the_place_then_the_long_date(place, day):
    assert place_date(place, day) == f"{place}, {long_date(day)}"


@given(st.integers(-(10**18), 10**18))
def test_group_thousands_round_trips_with_groups_of_three(value):
    text = group_thousands(value)
    assert int(text.replace(".", "")) == value
    groups = text.lstrip("-").split(".")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert not groups[0].startswith("0") or value == 0
