import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core import vietnamese


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (dt.date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
        (dt.date(2024, 12, 16), "ngày 16 tháng 12 năm 2024"),
        (dt.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
        (dt.date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
    ],
)
def test_long_date_follows_decree_30_zero_padding(day, expected):
    assert vietnamese.long_date(day) == expected


def test_place_date_with_and_without_a_date():
    assert vietnamese.place_date("Kim Bảng", dt.date(2025, 2, 5)) == (
        "Kim Bảng, ngày 05 tháng 02 năm 2025"
    )
    assert vietnamese.place_date("Kim Bảng", None, year=2025) == (
        "Kim Bảng, ngày ... tháng ... năm 2025"
    )


def test_group_thousands_uses_dots():
    assert vietnamese.group_thousands(1850000) == "1.850.000"
    assert vietnamese.group_thousands(-1200) == "-1.200"
    assert vietnamese.group_thousands(300) == "300"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_long_date_round_trips(day):
    text = vietnamese.long_date(day)
    parts = text.split()
    assert (int(parts[1]), int(parts[3]), int(parts[5])) == (day.day, day.month, day.year)
    assert len(parts[1]) == 2
    assert len(parts[3]) == (2 if day.month <= 2 else len(str(day.month)))
