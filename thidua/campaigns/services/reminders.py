"""Reminders: N days before a deadline and when it passes, in the app and by e-mail, once.

Run by the scheduled task (tasks.py) and by ``manage.py send_reminders`` (cron). Safe to run
at any frequency and from several workers at once: a reminder is sent only by whoever inserts
its ReminderDispatch row (unique per assignment and trigger).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.campaigns import deadlines, workflow
from thidua.campaigns.enums import AssignmentState, CampaignStatus
from thidua.campaigns.models import Assignment, ReminderDispatch
from thidua.campaigns.services.common import clock, organizers_by_unit
from thidua.campaigns.services.editing import MAX_REMINDER_DAYS
from thidua.notifications.services import notify

logger = logging.getLogger(__name__)


def _candidates(now: dt.datetime) -> list[Assignment]:
    """Assignments not done whose deadline is near, or past with no overdue notice yet."""
    overdue_sent = ReminderDispatch.objects.filter(
        assignment=OuterRef("pk"), trigger=workflow.OVERDUE
    )
    return list(
        Assignment.objects.filter(
            campaign__status=CampaignStatus.ISSUED,
            state__in=[AssignmentState.PENDING, AssignmentState.RETURNED],
            late_from__lte=now + dt.timedelta(days=MAX_REMINDER_DAYS),
        )
        .filter(Q(late_from__gt=now) | Q(~Exists(overdue_sent), state=AssignmentState.PENDING))
        .select_related("campaign", "unit")
        .order_by("pk")
    )


def _texts(assignment: Assignment, trigger: str, now: dt.datetime) -> tuple[str, str]:
    task = assignment.get_kind_display()
    shown = deadlines.last_day_before(assignment.late_from).strftime("%d/%m/%Y")
    if trigger == workflow.OVERDUE:
        title = _("Quá hạn: %(task)s (hạn cuối %(day)s)") % {"task": task, "day": shown}
    else:
        left = deadlines.days_left(now, assignment.late_from)
        title = _("Nhắc hạn: %(task)s, còn %(n)s ngày (hạn cuối %(day)s)") % {
            "task": task,
            "n": left,
            "day": shown,
        }
    body = _("Kế hoạch: %(campaign)s. Đơn vị: %(unit)s.") % {
        "campaign": assignment.campaign.name,
        "unit": assignment.unit.name,
    }
    return title, body


def send_due_reminders(*, now: dt.datetime | None = None) -> int:
    """Send every reminder due at ``now``; returns how many were sent (0 on a second run)."""
    now = clock(now)
    due = []
    for assignment in _candidates(now):
        trigger = workflow.reminder_trigger(
            assignment.state, assignment.late_from, assignment.campaign.reminder_days or [], now
        )
        if trigger:
            due.append((assignment, trigger))
    if not due:
        return 0
    already = set(
        ReminderDispatch.objects.filter(assignment_id__in=[a.pk for a, _t in due]).values_list(
            "assignment_id", "trigger"
        )
    )
    recipients = organizers_by_unit({a.unit_id for a, _t in due})
    sent = 0
    for assignment, trigger in due:
        if (assignment.pk, trigger) in already:
            continue
        if _send_one(assignment, trigger, recipients.get(assignment.unit_id, []), now):
            sent += 1
    return sent


def _send_one(assignment: Assignment, trigger: str, users: list[Any], now: dt.datetime) -> bool:
    try:
        with transaction.atomic():
            ReminderDispatch.objects.create(
                assignment=assignment, trigger=trigger, sent_at=now, recipients=len(users)
            )
            title, body = _texts(assignment, trigger, now)
            link = reverse("campaigns:assignment-detail", args=[assignment.pk])
            notify(
                users,
                title=title,
                body=body,
                link=link,
                unit=assignment.unit,
                key=f"campaigns.reminder:{assignment.pk}:{trigger}",
            )
            messages = [
                EmailMessage(f"[ThiĐua] {title}", f"{body}\n\n{link}\n", None, [user.email])
                for user in users
                if user.email
            ]
            if messages:
                transaction.on_commit(lambda: _mail(messages))
    except IntegrityError:
        return False  # another worker sent it first
    return True


def _mail(messages: list[EmailMessage]) -> None:
    try:
        mailers.default.send_messages(messages)
    except Exception:  # the in-app notice is sent; a mail server outage must not undo it
        logger.exception("reminder e-mail failed (%d messages)", len(messages))
