"""The life of an assignment as data (pure: no Django).

An assignment ("submit your plan", "hold your conference", "report your results") moves
through four stored states. The allowed moves are the table ``TRANSITIONS``; any other move is
refused with the code in ``REFUSALS`` (default ``campaigns.transition_not_allowed``). The
progress board shows six statuses, computed from the stored state, whether the first
submission came after the deadline, and the clock (``board_status``).
"""

from __future__ import annotations

import datetime as dt

# Stored states (values of enums.AssignmentState).
PENDING = "pending"
SUBMITTED = "submitted"
RETURNED = "returned"
ACCEPTED = "accepted"
STATES = (PENDING, SUBMITTED, RETURNED, ACCEPTED)

# Events.
SUBMIT = "submit"
ACCEPT = "accept"
RETURN = "return"
EVENTS = (SUBMIT, ACCEPT, RETURN)

# (state, event) -> next state. Everything else is refused.
TRANSITIONS: dict[tuple[str, str], str] = {
    (PENDING, SUBMIT): SUBMITTED,
    (RETURNED, SUBMIT): SUBMITTED,
    (SUBMITTED, ACCEPT): ACCEPTED,
    (SUBMITTED, RETURN): RETURNED,
}

# Why a move is refused, by (state, event): the error code the service raises.
REFUSALS: dict[tuple[str, str], str] = {
    (SUBMITTED, SUBMIT): "campaigns.awaiting_review",
    (ACCEPTED, SUBMIT): "campaigns.already_accepted",
    (ACCEPTED, ACCEPT): "campaigns.already_accepted",
    (ACCEPTED, RETURN): "campaigns.already_accepted",
    (PENDING, ACCEPT): "campaigns.not_submitted",
    (PENDING, RETURN): "campaigns.not_submitted",
    (RETURNED, ACCEPT): "campaigns.not_submitted",
    (RETURNED, RETURN): "campaigns.not_submitted",
}
DEFAULT_REFUSAL = "campaigns.transition_not_allowed"


class TransitionRefusedError(Exception):
    def __init__(self, code: str, state: str, event: str) -> None:
        super().__init__(code)
        self.code = code
        self.state = state
        self.event = event


def next_state(state: str, event: str) -> str:
    """The state after ``event``, or ``TransitionRefusedError`` with the refusal's code."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise TransitionRefusedError(
            REFUSALS.get((state, event), DEFAULT_REFUSAL), state, event
        ) from None


def allowed_events(state: str) -> tuple[str, ...]:
    return tuple(event for (origin, event) in TRANSITIONS if origin == state)


# Board statuses (values of enums.BoardStatus).
NOT_STARTED = "not_started"
LATE = "late"
MISSING = "missing"
BOARD_STATUSES = (NOT_STARTED, SUBMITTED, LATE, RETURNED, ACCEPTED, MISSING)


def board_status(state: str, submitted_late: bool, late: dt.datetime, now: dt.datetime) -> str:
    """What the progress board shows for one assignment.

    * accepted and returned show as such (a late, accepted plan is "accepted": it is done);
    * submitted shows "late" when the *first* submission came after the deadline (a unit that
      sent its plan on time and was asked to correct it is not late for the correction);
    * nothing submitted: "missing" once the deadline has passed, else "not started".

    selectors.board_status_expression() is the same rule in SQL; a test keeps them equal.
    """
    if state == ACCEPTED:
        return ACCEPTED
    if state == RETURNED:
        return RETURNED
    if state == SUBMITTED:
        return LATE if submitted_late else SUBMITTED
    return MISSING if now >= late else NOT_STARTED


def is_late(state: str, submitted_late: bool, late: dt.datetime, now: dt.datetime) -> bool:
    """The "late only" filter of the board: sent after the deadline, or not sent and past it."""
    return submitted_late or (state == PENDING and now >= late)


OVERDUE = "overdue"


def reminder_trigger(
    state: str, late: dt.datetime, reminder_days: list[int], now: dt.datetime
) -> str | None:
    """Which reminder is due now for one assignment, if any.

    * "before:N": not yet done (pending, or returned for correction) and within N days of the
      deadline; when several N apply (the worker was down), only the closest one is sent;
    * "overdue": the deadline has passed and nothing was sent at all.
    Each trigger is sent once per assignment (ReminderDispatch's unique constraint).
    """
    if now >= late:
        return OVERDUE if state == PENDING else None
    if state not in (PENDING, RETURNED):
        return None
    due = [days for days in reminder_days if days > 0 and late - dt.timedelta(days=days) <= now]
    return f"before:{min(due)}" if due else None
