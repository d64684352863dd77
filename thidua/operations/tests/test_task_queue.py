"""Several db_worker processes on one queue: django-tasks-db claims with SKIP LOCKED."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django_tasks_db.models import DBTaskResult

from thidua.documents.tasks import render_batch

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_at_once_take_different_tasks_without_waiting(postgres_only):
    with override_settings(TASKS=DATABASE_TASKS):
        for n in (1, 2):
            render_batch.enqueue(n, f"token-{n}")
    first_claimed = threading.Event()
    release = threading.Event()
    claims: dict[str, object] = {}

    def worker(name: str, hold: bool) -> None:
        try:
            with transaction.atomic(), CaptureQueriesContext(connection) as queries:
                task = DBTaskResult.objects.ready().get_locked()
                claims[name] = task.args_kwargs["args"] if task else None
                claims[f"{name}-sql"] = queries[-1]["sql"]
                if hold:
                    first_claimed.set()
                    release.wait(10)  # keep the row locked, as a worker does while claiming
        finally:
            connection.close()

    holder = threading.Thread(target=worker, args=("a", True))
    holder.start()
    assert first_claimed.wait(10)
    other = threading.Thread(target=worker, args=("b", False))
    other.start()
    other.join(10)
    blocked = other.is_alive()  # it would wait on the lock without SKIP LOCKED
    release.set()
    holder.join(10)
    other.join(10)

    assert not blocked
    assert sorted(map(tuple, (claims["a"], claims["b"]))) == [(1, "token-1"), (2, "token-2")]
    assert "FOR UPDATE SKIP LOCKED" in claims["a-sql"]
