"""Reminders: N days before a deadline and when it passes, in the app and by e-mail, each once."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from thidua.campaigns import services
from thidua.campaigns.models import ReminderDispatch
from thidua.campaigns.tests.conftest import ON_TIME, assignment_of, pdf_upload, vn
from thidua.notifications.models import Notification


@pytest.fixture
def addressed(commune_a_officer, commune_b_officer):
    for user, address in ((commune_a_officer, "a@xa.vn"), (commune_b_officer, "b@xa.vn")):
        user.email = address
        user.save(update_fields=["email"])
    return commune_a_officer, commune_b_officer


def sent_triggers():
    return sorted(
        ReminderDispatch.objects.values_list(
            "assignment__unit__name", "assignment__kind", "trigger"
        )
    )


@pytest.mark.django_db(transaction=True)
def test_seven_days_before_the_plan_deadline_each_commune_is_reminded_once(issued, addressed):
    now = vn(2024, 12, 9, 8, 0)  # the 16/12 deadline minus 7 days
    assert services.send_due_reminders(now=now) == 2
    assert sent_triggers() == [
        ("Xã Tây Sơn", "submit_plan", "before:7"),
        ("Xã Đông Hòa", "submit_plan", "before:7"),
    ]
    titles = sorted(Notification.objects.values_list("recipient__username", "title"))
    assert titles == [
        ("commune_a", "Nhắc hạn: Gửi kế hoạch, còn 6 ngày (hạn cuối 15/12/2024)"),
        ("commune_b", "Nhắc hạn: Gửi kế hoạch, còn 6 ngày (hạn cuối 15/12/2024)"),
    ]
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("a@xa.vn", "[ThiĐua] Nhắc hạn: Gửi kế hoạch, còn 6 ngày (hạn cuối 15/12/2024)"),
        ("b@xa.vn", "[ThiĐua] Nhắc hạn: Gửi kế hoạch, còn 6 ngày (hạn cuối 15/12/2024)"),
    ]
    # Any number of later runs the same day: nothing more.
    assert services.send_due_reminders(now=now) == 0
    assert services.send_due_reminders(now=vn(2024, 12, 10)) == 0
    assert (Notification.objects.count(), len(mail.outbox)) == (2, 2)


@pytest.mark.django_db(transaction=True)
def test_the_day_before_and_when_it_passes_only_units_not_done_are_reminded(
    issued, world, addressed, commune_a_officer
):
    services.submit_plan(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        upload=pdf_upload(),
        now=ON_TIME,
    )
    assert services.send_due_reminders(now=vn(2024, 12, 15, 7, 0)) == 1
    assert services.send_due_reminders(now=vn(2024, 12, 16, 0, 0)) == 1
    assert sent_triggers() == [
        ("Xã Tây Sơn", "submit_plan", "before:1"),
        ("Xã Tây Sơn", "submit_plan", "overdue"),
    ]
    assert [m.subject for m in mail.outbox] == [
        "[ThiĐua] Nhắc hạn: Gửi kế hoạch, còn 0 ngày (hạn cuối 15/12/2024)",
        "[ThiĐua] Quá hạn: Gửi kế hoạch (hạn cuối 15/12/2024)",
    ]
    assert services.send_due_reminders(now=vn(2024, 12, 30)) == 0


@pytest.mark.django_db
def test_the_unique_constraint_makes_a_second_sender_back_off(issued, world):
    plan = assignment_of(issued, world.commune_b)
    ReminderDispatch.objects.create(assignment=plan, trigger="before:7", sent_at=vn(2024, 12, 9))
    from thidua.campaigns.services.reminders import _send_one

    assert _send_one(plan, "before:7", [], vn(2024, 12, 9, 1)) is False
    assert ReminderDispatch.objects.count() == 1


@pytest.mark.django_db
def test_the_command_sends_what_is_due(issued, addressed, capsys):
    import time_machine

    with time_machine.travel(vn(2024, 12, 9, 8), tick=False):
        call_command("send_reminders")
        call_command("send_reminders")
    assert capsys.readouterr().out.splitlines() == ["2 reminder(s) sent", "0 reminder(s) sent"]


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_the_scheduled_task_runs_in_the_worker_and_reschedules_itself(issued, addressed):
    import time_machine
    from django_tasks_db.models import DBTaskResult

    from thidua.campaigns.tasks import schedule_reminders, send_reminders

    with override_settings(TASKS=DB_TASKS), time_machine.travel(vn(2024, 12, 9, 8), tick=False):
        assert schedule_reminders(every=600) is True
        assert schedule_reminders(every=600) is False  # one chain only
        call_command("db_worker", batch=True, interval=0, verbosity=0, no_reload=True)
        done = DBTaskResult.objects.get(status="SUCCESSFUL")
        queued = DBTaskResult.objects.get(status="READY")
    assert done.return_value == 2
    assert queued.task_path == send_reminders.module_path
    assert (queued.run_after - done.finished_at).total_seconds() == pytest.approx(600, abs=5)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_with_the_immediate_backend_nothing_is_scheduled():
    from thidua.campaigns.tasks import schedule_reminders

    assert schedule_reminders() is False
