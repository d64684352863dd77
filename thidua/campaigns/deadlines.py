"""Deadlines of a campaign, computed in Vietnam's time (pure: no Django).

Plan Part III.1: communes send their plans to the district "trước ngày 16/12/2024" ("before
16 December 2024"). "Before day D" means due by the end of day D-1: a submission at 23:59 on
15/12/2024 is on time, one at 00:00 on 16/12/2024 is late. "Đến hết ngày D" ("by the end of
day D") includes D.

Every deadline is kept as its **first late instant** (``late_from``), an aware datetime at a
local midnight, so that being late is one comparison: ``at >= late_from``. No 23:59:59.999.
Vietnam has no daylight saving time, but the zone is still named rather than assumed (+07:00).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

TIMEZONE = "Asia/Ho_Chi_Minh"

# How a deadline day is worded in the plan (values of enums.DeadlineMode).
BEFORE = "before"  # "trước ngày D": the last day on time is D-1
BY = "by"  # "đến hết ngày D" / "chậm nhất ngày D": the last day on time is D
MODES = (BEFORE, BY)


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def local_midnight(day: dt.date, tz: str = TIMEZONE) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=_zone(tz))


def late_from(day: dt.date, mode: str, tz: str = TIMEZONE) -> dt.datetime:
    """The first instant at which a submission for deadline ``day`` is late."""
    if mode == BEFORE:
        return local_midnight(day, tz)
    if mode == BY:
        return local_midnight(day + dt.timedelta(days=1), tz)
    raise ValueError(f"unknown deadline mode: {mode!r}")


def last_day_on_time(day: dt.date, mode: str) -> dt.date:
    """The last calendar day on which a submission is on time."""
    if mode not in MODES:
        raise ValueError(f"unknown deadline mode: {mode!r}")
    return day - dt.timedelta(days=1) if mode == BEFORE else day


def is_late(at: dt.datetime, late: dt.datetime) -> bool:
    """True when ``at`` (an aware instant) falls at or after the first late instant."""
    if at.tzinfo is None or late.tzinfo is None:
        raise ValueError("deadlines compare aware datetimes only")
    return at >= late


def window_late_from(window_end: dt.date, tz: str = TIMEZONE) -> dt.datetime:
    """A conference "in Q1/2025" is late from the day after the window's last day."""
    return late_from(window_end, BY, tz)


def results_late_from(window_end: dt.date, days_after: int, tz: str = TIMEZONE) -> dt.datetime:
    """Results are due ``days_after`` days after the conference window closes (inclusive)."""
    if days_after < 0:
        raise ValueError("days_after must not be negative")
    return late_from(window_end + dt.timedelta(days=days_after), BY, tz)


def reminder_from(late: dt.datetime, days_before: int) -> dt.datetime:
    """When the "N days before" reminder becomes due: N local days before the first late
    instant (local midnight, since ``late`` is one)."""
    if days_before <= 0:
        raise ValueError("days_before must be positive")
    return late - dt.timedelta(days=days_before)


def days_left(now: dt.datetime, late: dt.datetime, tz: str = TIMEZONE) -> int:
    """Whole local days from today to the last day on time (0: today is the last day;
    negative: the deadline has passed)."""
    today = now.astimezone(_zone(tz)).date()
    last_day = late.astimezone(_zone(tz)).date() - dt.timedelta(days=1)
    return (last_day - today).days


def quarter_window(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter ("Quý I năm 2025" = 01/01..31/3/2025)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1..4")
    start = dt.date(year, 3 * quarter - 2, 1)
    next_start = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, next_start - dt.timedelta(days=1)


def in_window(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def deadline_phrase(day: dt.date, mode: str) -> str:
    """The wording of an official document: "trước ngày 16/12/2024" / "đến hết ngày 15/12/2024"."""
    shown = day.strftime("%d/%m/%Y")
    if mode == BEFORE:
        return f"trước ngày {shown}"
    if mode == BY:
        return f"đến hết ngày {shown}"
    raise ValueError(f"unknown deadline mode: {mode!r}")


def last_day_before(late: dt.datetime, tz: str = TIMEZONE) -> dt.date:
    """The last local day on time, from a first late instant (a local midnight)."""
    return late.astimezone(_zone(tz)).date() - dt.timedelta(days=1)
