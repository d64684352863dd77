"""Vietnamese formats for dates and numbers (pure, no Django).

Decree 30/2020/NĐ-CP, Appendix I: in the place-and-date line, days below 10 and the months
January and February are written with a leading zero ("ngày 05 tháng 02 năm 2025");
other months are written without one ("ngày 16 tháng 12 năm 2024", "ngày 10 tháng 3 năm 2025").
"""

from __future__ import annotations

import datetime as dt


def decree_day(day: int) -> str:
    return f"{day:02d}"


def decree_month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def long_date(value: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2025" per Decree 30."""
    return f"ngày {decree_day(value.day)} tháng {decree_month(value.month)} năm {value.year}"


def place_date(place: str, value: dt.date | None, *, year: int | None = None) -> str:
    """The italic line under the document number: "Kim Bảng, ngày 05 tháng 02 năm 2025".

    Without a date (a draft to be dated by hand) the blanks are left for the pen:
    "Kim Bảng, ngày ... tháng ... năm 2025".
    """
    if value is None:
        shown_year = year if year is not None else dt.date.today().year
        return f"{place}, ngày ... tháng ... năm {shown_year}"
    return f"{place}, {long_date(value)}"


def short_date(value: dt.date) -> str:
    """dd/mm/yyyy, the usual form inside tables and text ("16/12/2024")."""
    return value.strftime("%d/%m/%Y")


def group_thousands(value: int) -> str:
    """Vietnamese digit grouping uses dots: 1.850.000."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")
