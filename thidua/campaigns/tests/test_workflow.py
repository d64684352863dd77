"""workflow.py: the allowed moves of an assignment, the board's statuses, and reminders."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from thidua.campaigns import selectors, workflow
from thidua.campaigns.models import Assignment
from thidua.campaigns.tests.conftest import vn

EXPECTED = {
    ("pending", "submit"): "submitted",
    ("pending", "accept"): "campaigns.not_submitted",
    ("pending", "return"): "campaigns.not_submitted",
    ("submitted", "submit"): "campaigns.awaiting_review",
    ("submitted", "accept"): "accepted",
    ("submitted", "return"): "returned",
    ("returned", "submit"): "submitted",
    ("returned", "accept"): "campaigns.not_submitted",
    ("returned", "return"): "campaigns.not_submitted",
    ("accepted", "submit"): "campaigns.already_accepted",
    ("accepted", "accept"): "campaigns.already_accepted",
    ("accepted", "return"): "campaigns.already_accepted",
}


@pytest.mark.parametrize(
    ("state", "event"), list(itertools.product(workflow.STATES, workflow.EVENTS))
)
def test_every_state_and_event_has_exactly_one_outcome(state, event):
    expected = EXPECTED[(state, event)]
    if expected.startswith("campaigns."):
        with pytest.raises(workflow.TransitionRefusedError) as refused:
            workflow.next_state(state, event)
        assert refused.value.code == expected
    else:
        assert workflow.next_state(state, event) == expected


def test_allowed_events_read_the_table():
    assert workflow.allowed_events("pending") == ("submit",)
    assert workflow.allowed_events("submitted") == ("accept", "return")
    assert workflow.allowed_events("accepted") == ()


DEADLINE = vn(2024, 12, 16)
BEFORE, AFTER = vn(2024, 12, 10), vn(2024, 12, 20)

BOARD = [
    # state, first submission late, now -> status, late filter
    ("pending", False, BEFORE, "not_started", False),
    ("pending", False, AFTER, "missing", True),
    ("pending", False, DEADLINE, "missing", True),
    ("submitted", False, AFTER, "submitted", False),
    ("submitted", True, AFTER, "late", True),
    ("returned", False, AFTER, "returned", False),
    ("returned", True, AFTER, "returned", True),
    ("accepted", True, AFTER, "accepted", True),
    ("accepted", False, BEFORE, "accepted", False),
]


@pytest.mark.parametrize(("state", "late", "now", "status", "in_filter"), BOARD)
def test_board_status_truth_table(state, late, now, status, in_filter):
    assert workflow.board_status(state, late, DEADLINE, now) == status
    assert workflow.is_late(state, late, DEADLINE, now) is in_filter


@pytest.mark.django_db
def test_the_sql_status_and_late_filter_equal_the_python_ones(campaign, world, district_officer):
    from thidua.campaigns import services as campaign_services
    from thidua.units import services as unit_services

    for index in range(1):  # 2 + 1 communes x 3 assignments = 9 rows, one per BOARD line
        unit_services.create_unit(
            by=None,
            code=f"X{index}",
            name=f"Xã Mẫu {index}",
            kind="commune",
            parent=world.district,
        )
    campaign_services.issue_campaign(campaign, by=district_officer, now=vn(2024, 11, 20))
    issued = campaign
    rows = list(Assignment.objects.filter(campaign=issued).order_by("pk"))
    assert len(rows) == len(BOARD)
    for row, (state, late, _now, _status, _f) in zip(rows, BOARD, strict=True):
        row.state, row.submitted_late, row.late_from = state, late, DEADLINE
    Assignment.objects.bulk_update(rows, ["state", "submitted_late", "late_from"])
    for now in (BEFORE, DEADLINE, AFTER):
        annotated = Assignment.objects.filter(campaign=issued).annotate(
            s=selectors.board_status_expression(now)
        )
        late_ids = set(
            Assignment.objects.filter(campaign=issued)
            .filter(selectors.late_condition(now))
            .values_list("pk", flat=True)
        )
        for row in annotated:
            assert row.s == workflow.board_status(row.state, row.submitted_late, row.late_from, now)
            assert (row.pk in late_ids) == workflow.is_late(
                row.state, row.submitted_late, row.late_from, now
            )


REMINDERS = [
    # state, now, reminder days -> trigger
    ("pending", vn(2024, 12, 1), [7, 1], None),
    ("pending", vn(2024, 12, 9), [7, 1], "before:7"),
    ("pending", vn(2024, 12, 15, 8), [7, 1], "before:1"),  # the closest one only
    ("returned", vn(2024, 12, 15, 8), [7, 1], "before:1"),
    ("submitted", vn(2024, 12, 15, 8), [7, 1], None),
    ("accepted", vn(2024, 12, 15, 8), [7, 1], None),
    ("pending", vn(2024, 12, 16), [7, 1], "overdue"),
    ("returned", vn(2024, 12, 17), [7, 1], None),
    ("pending", vn(2024, 12, 15, 8), [], None),
]


@pytest.mark.parametrize(("state", "now", "days", "trigger"), REMINDERS)
def test_reminder_trigger_truth_table(state, now, days, trigger):
    assert workflow.reminder_trigger(state, DEADLINE, days, now) == trigger


def test_reminder_trigger_is_evaluated_in_aware_time():
    now = timezone.now()
    assert workflow.reminder_trigger("pending", now + dt.timedelta(days=30), [7], now) is None
