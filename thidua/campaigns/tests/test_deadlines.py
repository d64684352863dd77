"""deadlines.py: "trước ngày 16/12/2024" is due by the end of 15/12/2024, in Vietnam's time."""

import datetime as dt

import pytest
import time_machine

from thidua.campaigns import deadlines, services
from thidua.campaigns.tests.conftest import assignment_of, pdf_upload, vn

UTC = dt.UTC


@pytest.mark.parametrize(
    ("at", "late"),
    [
        (vn(2024, 12, 15, 0, 0), False),
        (vn(2024, 12, 15, 23, 59), False),
        (vn(2024, 12, 15, 23, 59, 59, 999999), False),
        (vn(2024, 12, 16, 0, 0), True),
        (vn(2024, 12, 16, 0, 1), True),
        # The same instants in UTC: 15/12 23:59 in Hà Nội is 16:59 UTC.
        (dt.datetime(2024, 12, 15, 16, 59, tzinfo=UTC), False),
        (dt.datetime(2024, 12, 15, 17, 0, tzinfo=UTC), True),
    ],
)
def test_before_16_december_is_late_from_midnight_of_the_16th(at, late):
    first_late = deadlines.late_from(dt.date(2024, 12, 16), deadlines.BEFORE)
    assert first_late == vn(2024, 12, 16, 0, 0)
    assert deadlines.is_late(at, first_late) is late


@pytest.mark.parametrize(
    ("mode", "last_day", "first_late"),
    [
        (deadlines.BEFORE, dt.date(2024, 12, 15), vn(2024, 12, 16)),
        (deadlines.BY, dt.date(2024, 12, 16), vn(2024, 12, 17)),
    ],
)
def test_deadline_modes_truth_table(mode, last_day, first_late):
    day = dt.date(2024, 12, 16)
    assert deadlines.last_day_on_time(day, mode) == last_day
    assert deadlines.late_from(day, mode) == first_late
    assert deadlines.last_day_before(first_late) == last_day


def test_deadline_phrases_are_the_plans_wording():
    day = dt.date(2024, 12, 16)
    assert deadlines.deadline_phrase(day, deadlines.BEFORE) == "trước ngày 16/12/2024"
    assert deadlines.deadline_phrase(day, deadlines.BY) == "đến hết ngày 16/12/2024"


def test_unknown_mode_and_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        deadlines.late_from(dt.date(2024, 12, 16), "soon")
    with pytest.raises(ValueError):
        deadlines.is_late(dt.datetime(2024, 12, 15, 23, 59), vn(2024, 12, 16))


@pytest.mark.parametrize(
    ("quarter", "window"),
    [
        (1, (dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        (2, (dt.date(2025, 4, 1), dt.date(2025, 6, 30))),
        (3, (dt.date(2025, 7, 1), dt.date(2025, 9, 30))),
        (4, (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ],
)
def test_quarter_windows(quarter, window):
    assert deadlines.quarter_window(2025, quarter) == window


def test_conference_and_results_deadlines_follow_the_window():
    assert deadlines.window_late_from(dt.date(2025, 3, 31)) == vn(2025, 4, 1)
    assert deadlines.results_late_from(dt.date(2025, 3, 31), 15) == vn(2025, 4, 16)
    assert deadlines.results_late_from(dt.date(2025, 3, 31), 0) == vn(2025, 4, 1)


def test_days_left_and_reminder_instants():
    first_late = vn(2024, 12, 16)
    assert deadlines.days_left(vn(2024, 12, 15, 8), first_late) == 0
    assert deadlines.days_left(vn(2024, 12, 8, 23, 59), first_late) == 7
    assert deadlines.days_left(vn(2024, 12, 16, 0, 0), first_late) == -1
    assert deadlines.reminder_from(first_late, 7) == vn(2024, 12, 9)
    with pytest.raises(ValueError):
        deadlines.reminder_from(first_late, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("clock", "late"),
    [("2024-12-15 23:59:00 +07:00", False), ("2024-12-16 00:00:00 +07:00", True)],
)
def test_submitting_at_both_sides_of_the_boundary_with_a_frozen_clock(
    issued, world, commune_a_officer, clock, late
):
    plan = assignment_of(issued, world.commune_a)
    with time_machine.travel(clock, tick=False):
        submission = services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload())
    plan.refresh_from_db()
    assert (submission.is_late, plan.submitted_late) == (late, late)
    assert plan.first_submitted_at == dt.datetime.fromisoformat(clock)
