"""Background work of campaigns (django.tasks, run by `manage.py db_worker`).

``send_reminders`` sends the reminders that are due, then, on a backend that can defer work
(django-tasks-db), enqueues itself again to run after ``every`` seconds: a self-rescheduling
job, so `make run` needs no cron. ``schedule_reminders()`` starts the chain once (it does
nothing when a run is already queued). Where cron is preferred, `manage.py send_reminders`
does one run.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)
DEFAULT_EVERY = 3600  # seconds between two runs


@task()
def send_reminders(every: int | None = DEFAULT_EVERY) -> int:
    from thidua.campaigns.services import send_due_reminders

    sent = send_due_reminders()
    if every:
        schedule_reminders(every=every, delay=every)
    logger.info("campaign reminders sent: %d", sent)
    return sent


def _queued() -> bool:
    """Is a run of ``send_reminders`` already waiting in the database queue?"""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the backend is a pinned dependency
        return False
    return DBTaskResult.objects.filter(
        task_path=send_reminders.module_path, status="READY"
    ).exists()


def schedule_reminders(*, every: int = DEFAULT_EVERY, delay: int = 0) -> bool:
    """Queue the next run unless one is queued. False where the backend cannot defer work
    (the test suite's immediate backend): use the command from cron there."""
    if not send_reminders.get_backend().supports_defer:
        return False
    if _queued():
        return False
    run_after = timezone.now() + dt.timedelta(seconds=delay)
    send_reminders.using(run_after=run_after).enqueue(every=every)
    return True
