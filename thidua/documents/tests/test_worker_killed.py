"""Issue 11, a fault for real: a `manage.py db_worker` process rendering a batch on PostgreSQL
is killed with SIGKILL half-way. The batch is never silently half done: it shows as
interrupted ("Bị gián đoạn") with "Chạy lại" once its heartbeat is older than
DOCUMENTS_BATCH_STALE_SECONDS, and a new worker resumes it after the parts already saved into
one PDF holding every document exactly once."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import override_settings
from django.urls import reverse
from pypdf import PdfReader

from thidua.documents import services
from thidua.documents.enums import BatchStatus
from thidua.documents.models import DocumentBatch
from thidua.documents.tests.test_batches import invitation, text_of

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ROOT = Path(__file__).resolve().parents[3]
COUNT, CHUNK = 24, 2


def worker(media: Path, *args: str) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MEDIA_ROOT": str(media),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--interval", "0.2", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def state(batch_id: int) -> tuple[str, int]:
    row = DocumentBatch.objects.values_list("status", "done").get(pk=batch_id)
    return row[0], row[1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_a_visible_stall_and_a_restart_resumes(
    postgres_only, world, commune_a_officer, settings, tmp_path, client
):
    settings.MEDIA_ROOT = tmp_path
    settings.DOCUMENTS_BATCH_STALE_SECONDS = 2
    with override_settings(TASKS=DATABASE_TASKS):
        batch = services.start_batch(
            by=commune_a_officer,
            unit=world.commune_a,
            title="Giấy mời hội nghị",
            specs=[invitation(n) for n in range(1, COUNT + 1)],
            chunk_size=CHUNK,
        )
    first = worker(tmp_path)
    try:
        # Kill it once a few parts are saved, well before the end.
        assert wait_for(lambda: state(batch.pk)[1] >= 2 * CHUNK, 40), state(batch.pk)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    status, done = state(batch.pk)
    assert status == BatchStatus.RUNNING and 0 < done < COUNT  # half done, and says so

    client.force_login(commune_a_officer)
    page = reverse("documents:batch-detail", args=[batch.pk])
    assert wait_for(lambda: DocumentBatch.objects.get(pk=batch.pk).is_stalled(), 10)
    html = client.get(page).content.decode()
    assert "Bị gián đoạn" in html and 'data-testid="batch-retry"' in html

    with override_settings(TASKS=DATABASE_TASKS):
        response = client.post(reverse("documents:batch-retry", args=[batch.pk]))
    assert response.status_code in (200, 302)
    second = worker(tmp_path, "--batch")
    try:
        assert second.wait(60) == 0
    finally:
        if second.poll() is None:
            second.kill()
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.pages, batch.attempts) == (
        BatchStatus.DONE,
        COUNT,
        COUNT,
        2,
    )
    data = batch.pdf.read()
    assert len(PdfReader(io.BytesIO(data)).pages) == COUNT
    text = text_of(data)
    assert [text.count(f"Đại biểu số {n}\n") for n in range(1, COUNT + 1)] == [1] * COUNT
