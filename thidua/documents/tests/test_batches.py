"""Batches: one PDF in the background, progress, failure with a reason, resume after a crash."""

import dataclasses
import datetime as dt
import io
import subprocess

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents import batches, codec, services
from thidua.documents import spec as s
from thidua.documents.enums import BatchStatus
from thidua.documents.models import DocumentBatch

pytestmark = pytest.mark.django_db

ISSUER = s.IssuingBody(("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND", "Đông Hòa")


def invitation(n: int) -> s.DocumentSpec:
    return s.DocumentSpec(
        type_code="GM",
        issuer=ISSUER,
        summary=("Dự Hội nghị tuyên dương điển hình tiên tiến",),
        year=2025,
        addressees=(f"Đại biểu số {n}",),
        blocks=(s.Paragraph(f"Trân trọng kính mời đại biểu số {n} tới dự."),),
        signature=s.Signature("CHỦ TỊCH", "Lê Văn An", (s.Authority("TM", "ỦY BAN NHÂN DÂN"),)),
    )


def text_of(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def start(world, count=5, chunk_size=2, by=None):
    return services.start_batch(
        by=by,
        unit=world.commune_a,
        title="Giấy mời hội nghị",
        specs=[invitation(n) for n in range(1, count + 1)],
        chunk_size=chunk_size,
    )


def test_batch_runs_in_the_background_task_into_one_pdf(
    world, commune_a_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend runs it
        batch = start(world, by=commune_a_officer)
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total, batch.pages) == (BatchStatus.DONE, 5, 5, 5)
    assert batch.task_id and batch.attempts == 1 and batch.error == ""
    data = batch.pdf.read()
    assert len(PdfReader(io.BytesIO(data)).pages) == 5
    assert batch.checksum == services.sha256(data)
    text = text_of(data)
    assert [f"Đại biểu số {n}" in text for n in range(1, 6)] == [True] * 5
    assert text.count("GIẤY MỜI") == 5 and text.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 5
    actions = list(
        AuditEntry.objects.filter(object_id=str(batch.pk), action__startswith="documents.batch")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["documents.batch.created", "documents.batch.completed"]


def test_failed_chunk_says_why_keeps_progress_and_resumes_on_retry(world, monkeypatch):
    batch = start(world)
    real = batches.render_pdf_batch_counted
    calls = []

    def flaky(chunk, title=""):
        calls.append(len(chunk))
        if len(calls) == 2:
            raise OSError("hết dung lượng đĩa")
        return real(chunk, title)

    monkeypatch.setattr(batches, "render_pdf_batch_counted", flaky)
    batches.run_batch(batch.pk, str(batch.run_token))
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.FAILED, 2)
    assert "văn bản thứ 3–4" in batch.error and "hết dung lượng đĩa" in batch.error
    failed = AuditEntry.objects.get(action="documents.batch.failed")
    assert failed.data["done"] == 2

    batch = services.retry_batch(by=None, batch=batch)
    batches.run_batch(batch.pk, str(batch.run_token))  # what the worker does
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.attempts, batch.error) == (BatchStatus.DONE, 5, 2, "")
    assert calls == [2, 2, 2, 1]  # the first chunk was not rendered again
    assert len(PdfReader(io.BytesIO(batch.pdf.read())).pages) == 5
    assert AuditEntry.objects.filter(action="documents.batch.retried").count() == 1


def test_worker_that_died_shows_as_stalled_and_can_resume(world, settings):
    settings.DOCUMENTS_BATCH_STALE_SECONDS = 60
    batch = start(world)
    token = str(batch.run_token)
    batch = batches._claim(batch.pk, token)  # a worker picks it up ...
    batches._progress(batch.pk, token, 2, 2)  # ... saves one chunk, then dies
    batch.refresh_from_db()
    assert not batch.is_stalled()
    with pytest.raises(DomainError) as caught:  # alive: no second runner
        services.retry_batch(by=None, batch=batch)
    assert caught.value.code == "documents.batch_not_retryable"
    later = timezone.now() + dt.timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        batch.refresh_from_db()
        assert batch.is_stalled() and batch.status == BatchStatus.RUNNING
        batch = services.retry_batch(by=None, batch=batch)
    assert str(batch.run_token) != token
    batches.run_batch(batch.pk, token)  # the old worker comes back: it no longer owns it
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.QUEUED, 2)
    batches.run_batch(batch.pk, str(batch.run_token))
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 5)


def test_superseded_worker_stops_at_its_next_chunk(world, monkeypatch):
    batch = start(world)
    token = str(batch.run_token)
    real = batches.render_pdf_batch_counted

    def render_then_lose_ownership(chunk, title=""):
        DocumentBatch.objects.filter(pk=batch.pk).update(
            run_token="00000000-0000-0000-0000-000000000001"
        )
        return real(chunk, title)

    monkeypatch.setattr(batches, "render_pdf_batch_counted", render_then_lose_ownership)
    batches.run_batch(batch.pk, token)
    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.RUNNING, 0)


def test_done_batch_cannot_be_retried_and_bad_specs_are_refused(world):
    batch = start(world, count=1)
    batches.run_batch(batch.pk, str(batch.run_token))
    batch.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        services.retry_batch(by=None, batch=batch)
    assert caught.value.code == "documents.batch_not_retryable"
    count = DocumentBatch.objects.count()
    bad = dataclasses.replace(invitation(2), type_code="XX")
    with pytest.raises(DomainError) as caught:
        services.start_batch(by=None, unit=world.commune_a, title="x", specs=[invitation(1), bad])
    assert caught.value.code == "documents.unknown_type"
    assert caught.value.message.startswith("Văn bản thứ 2:")
    with pytest.raises(DomainError) as caught:
        services.start_batch(by=None, unit=world.commune_a, title="x", specs=[])
    assert caught.value.code == "documents.batch_empty"
    assert DocumentBatch.objects.count() == count


def test_batch_keeps_the_descriptions_it_renders(world):
    batch = start(world, count=2)
    assert [codec.spec_from_data(d) for d in batch.specs] == [invitation(1), invitation(2)]
