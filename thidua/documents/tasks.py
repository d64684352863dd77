"""Background tasks (django.tasks; the django-tasks-db backend and `manage.py db_worker`)."""

from __future__ import annotations

from django.tasks import task

from thidua.documents.batches import run_batch


@task()
def render_batch(batch_id: int, run_token: str) -> None:
    """Arguments are JSON: the batch id and the attempt's token (see batches.py)."""
    run_batch(batch_id, run_token)
