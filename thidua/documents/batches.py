"""Running a batch (called by the background task): chunk by chunk, resumable.

Each chunk of ``chunk_size`` documents is one WeasyPrint document saved as a part file; after
each part the batch row records progress and a heartbeat. When every part is there they are
joined (pdfunite) into the batch's PDF. A run that dies leaves ``done`` at the last saved part:
``retry_batch`` starts a new attempt that continues from there. Every step first checks that
its attempt (``run_token``) still owns the batch, so a superseded worker stops by itself.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.documents import codec
from thidua.documents.enums import BatchStatus
from thidua.documents.models import DocumentBatch
from thidua.documents.rendering.pdf import join_pdfs, render_pdf_batch_counted
from thidua.documents.services import sha256

log = logging.getLogger(__name__)


class Superseded(Exception):  # noqa: N818 - a signal to stop, not an error
    """Another attempt owns the batch now."""


def _part_path(batch_id: int, start: int) -> str:
    return f"batches/{batch_id}/parts/{start:07d}.pdf"


def _claim(batch_id: int, token: str) -> DocumentBatch | None:
    with transaction.atomic():
        batch = DocumentBatch.objects.select_for_update().get(pk=batch_id)
        if str(batch.run_token) != token or batch.status in {BatchStatus.DONE, BatchStatus.FAILED}:
            return None
        now = timezone.now()
        batch.status = BatchStatus.RUNNING
        batch.attempts += 1
        batch.started_at = batch.started_at or now
        batch.heartbeat_at = now
        batch.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
        return batch


def _progress(batch_id: int, token: str, done: int, pages: int) -> None:
    with transaction.atomic():
        batch = DocumentBatch.objects.select_for_update().get(pk=batch_id)
        if str(batch.run_token) != token:
            raise Superseded
        batch.done = done
        batch.pages += pages
        batch.heartbeat_at = timezone.now()
        batch.save(update_fields=["done", "pages", "heartbeat_at"])


def run_batch(batch_id: int, token: str) -> None:
    """Render what is left of the batch; mark it done, or failed with the reason."""
    batch = _claim(batch_id, token)
    if batch is None:
        log.info("batch %s: finished, or attempt %s was superseded", batch_id, token)
        return
    try:
        _render_parts(batch, token)
        _finish(batch.pk, token)
    except Superseded:
        log.info("batch %s: superseded while running", batch_id)
    except Exception as exc:  # the reason is shown on the batch page, and it can be retried
        log.exception("batch %s failed", batch_id)
        _fail(batch.pk, token, exc)


def _render_parts(batch: DocumentBatch, token: str) -> None:
    """Render every chunk whose part is not saved yet: after ``done`` (a resume), or before it
    when its part file has gone missing."""
    specs = batch.specs
    done = batch.done
    for start in range(0, batch.total, batch.chunk_size):
        name = _part_path(batch.pk, start)
        if start < done and default_storage.exists(name):
            continue
        chunk = [codec.spec_from_data(data) for data in specs[start : start + batch.chunk_size]]
        try:
            data, pages = render_pdf_batch_counted(chunk, title=batch.title)
        except Exception as exc:
            raise RuntimeError(
                _("Không dựng được các văn bản thứ %(first)s–%(last)s: %(error)s")
                % {"first": start + 1, "last": start + len(chunk), "error": exc}
            ) from exc
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(data))
        counted = 0 if start < done else pages  # a re-rendered part was counted before
        done = max(done, start + len(chunk))
        _progress(batch.pk, token, done, counted)


def _finish(batch_id: int, token: str) -> None:
    batch = DocumentBatch.objects.get(pk=batch_id)
    starts = range(0, batch.total, batch.chunk_size)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for start in starts:
            path = Path(tmp) / f"{start:07d}.pdf"
            with default_storage.open(_part_path(batch_id, start), "rb") as part:
                path.write_bytes(part.read())
            paths.append(path)
        target = Path(tmp) / "batch.pdf"
        join_pdfs(paths, target)
        data = target.read_bytes()
    with transaction.atomic():
        batch = DocumentBatch.objects.select_for_update().get(pk=batch_id)
        if str(batch.run_token) != token:
            raise Superseded
        batch.pdf.save(f"lo-{batch.pk}-{uuid.uuid4().hex[:8]}.pdf", ContentFile(data), save=False)
        batch.checksum = sha256(data)
        batch.status = BatchStatus.DONE
        batch.finished_at = batch.heartbeat_at = timezone.now()
        batch.save(update_fields=["pdf", "checksum", "status", "finished_at", "heartbeat_at"])
        record_audit(
            "documents.batch.completed",
            by=None,
            unit=batch.unit,
            target=batch,
            data={"total": batch.total, "pages": batch.pages, "checksum": batch.checksum},
        )
    for start in starts:
        default_storage.delete(_part_path(batch_id, start))


def _fail(batch_id: int, token: str, exc: Exception) -> None:
    with transaction.atomic():
        batch = DocumentBatch.objects.select_for_update().get(pk=batch_id)
        if str(batch.run_token) != token:
            return
        batch.status = BatchStatus.FAILED
        batch.error = str(exc)[:2000] or exc.__class__.__name__
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "error", "finished_at"])
        record_audit(
            "documents.batch.failed",
            by=None,
            unit=batch.unit,
            target=batch,
            data={"done": batch.done, "error": batch.error[:300]},
        )
