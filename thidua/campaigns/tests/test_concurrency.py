"""Concurrency on PostgreSQL: two workers sending reminders at once send each reminder once;
two submissions of the same plan at once make one version, the other is refused."""

import threading

import pytest
from django.db import connection

from thidua.campaigns import services
from thidua.campaigns.models import ReminderDispatch, Submission
from thidua.campaigns.tests.conftest import ON_TIME, assignment_of, pdf_upload, vn
from thidua.core.errors import DomainError
from thidua.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*actions):
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait()
            results[index] = action()
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_workers_send_each_reminder_once(
    postgres_only, issued, commune_a_officer, commune_b_officer
):
    now = vn(2024, 12, 9, 8)
    sent = run_together(*(lambda: services.send_due_reminders(now=now) for _ in range(3)))
    assert sorted(sent) in ([0, 0, 2], [0, 1, 1])
    assert ReminderDispatch.objects.count() == 2
    assert Notification.objects.filter(key__startswith="campaigns.reminder").count() == 2


def test_two_submissions_of_one_plan_make_one_version(
    postgres_only, issued, world, commune_a_officer
):
    plan = assignment_of(issued, world.commune_a)
    results = run_together(
        lambda: services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME),
        lambda: services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME),
    )
    refusals = [r.code for r in results if isinstance(r, DomainError)]
    assert refusals == ["campaigns.awaiting_review"]
    assert list(Submission.objects.values_list("version", flat=True)) == [1]
