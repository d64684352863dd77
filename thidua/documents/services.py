"""Writes of the documents app: issuers, the number registry, issuing and re-issuing, batches.

Every function here is atomic, takes the actor as ``by=``, refuses with ``DomainError`` before
writing anything, and records one audit entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.documents import codec
from thidua.documents.enums import BatchStatus
from thidua.documents.models import DocumentBatch, GeneratedDocument, Issuer, NumberSeries
from thidua.documents.rendering import render_docx
from thidua.documents.rendering.pdf import render_pdf_counted
from thidua.documents.sheets import BatchItem, check_item, kind_of
from thidua.documents.spec import DocumentNumber, DocumentSpec, SpecError, check
from thidua.units.models import Unit


def refusal(error: SpecError) -> DomainError:
    """The pure layer's refusal as a DomainError with its message in the active language."""
    return DomainError(
        error.code, _(error.message) % error.params if error.params else _(error.message)
    )


def validate_spec(spec: DocumentSpec) -> None:
    try:
        check(spec)
    except SpecError as error:
        raise refusal(error) from error


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Issuers and series ------------------------------------------------------------------------


@transaction.atomic
def create_issuer(
    *,
    by: Any,
    unit: Unit,
    abbreviation: str,
    name_lines: Sequence[str],
    place: str,
    full_name: str = "",
    superior_lines: Sequence[str] = (),
    numbering_per_type: bool = True,
) -> Issuer:
    """A new issuing body of ``unit``. Refusals: ``documents.issuer_incomplete``,
    ``documents.issuer_exists``."""
    abbreviation = normalize_text(abbreviation)
    lines = [normalize_text(line) for line in name_lines if line.strip()]
    if not abbreviation or not lines or not place.strip():
        raise DomainError(
            "documents.issuer_incomplete",
            _("Cơ quan ban hành cần có tên, chữ viết tắt và địa danh."),
        )
    if Issuer.objects.filter(unit=unit, abbreviation=abbreviation).exists():
        raise ConflictError(
            "documents.issuer_exists",
            _("Đơn vị đã có cơ quan ban hành viết tắt “%(abbreviation)s”.")
            % {"abbreviation": abbreviation},
        )
    issuer = Issuer.objects.create(
        unit=unit,
        abbreviation=abbreviation,
        name_lines="\n".join(lines),
        superior_lines="\n".join(normalize_text(line) for line in superior_lines if line.strip()),
        full_name=normalize_text(full_name),
        place=normalize_text(place),
        numbering_per_type=numbering_per_type,
    )
    record_audit(
        "documents.issuer.created",
        by=by,
        unit=unit,
        target=issuer,
        data={"abbreviation": abbreviation},
    )
    return issuer


def _series_for_update(issuer: Issuer, type_code: str, year: int) -> NumberSeries:
    """The series row, created when first used, locked until the transaction ends."""
    key = issuer.series_key(type_code)
    try:
        with transaction.atomic():  # a savepoint: a concurrent creator may win the insert
            NumberSeries.objects.get_or_create(issuer=issuer, type_code=key, year=year)
    except IntegrityError:
        pass
    return NumberSeries.objects.select_for_update().get(issuer=issuer, type_code=key, year=year)


@transaction.atomic
def set_series_start(
    *, by: Any, issuer: Issuer, type_code: str, year: int, last_serial: int
) -> NumberSeries:
    """Continue a series after the numbers already used on paper this year (the next issue
    gets ``last_serial + 1``). Refusal: ``documents.series_backwards`` (it never goes back)."""
    validate_spec(_probe(issuer, type_code, dt.date(year, 1, 1)))
    series = _series_for_update(issuer, type_code, year)
    if last_serial < series.last_serial:
        raise ConflictError(
            "documents.series_backwards",
            _("Số %(serial)02d đã được cấp; sổ đăng ký không lùi lại được.")
            % {"serial": series.last_serial},
        )
    before = series.last_serial
    series.last_serial = last_serial
    series.save(update_fields=["last_serial"])
    record_audit(
        "documents.series.started",
        by=by,
        unit=issuer.unit,
        target=issuer,
        data={"type": type_code, "year": year, "from": before, "last_serial": last_serial},
    )
    return series


def _probe(issuer: Issuer, type_code: str, date: dt.date) -> DocumentSpec:
    return DocumentSpec(type_code=type_code, issuer=issuer.body(), summary=("-",), date=date)


def reserve_number(issuer: Issuer, type_code: str, year: int) -> int:
    """The next serial of the series (inside the caller's transaction; the row stays locked
    until it commits, so two concurrent issues never share a number)."""
    series = _series_for_update(issuer, type_code, year)
    series.last_serial += 1
    series.save(update_fields=["last_serial"])
    return series.last_serial


# --- Issuing -----------------------------------------------------------------------------------


def _source_fields(source: models.Model | None) -> dict[str, Any]:
    if source is None:
        return {"source_type": None, "source_id": ""}
    return {"source_type": ContentType.objects.get_for_model(source), "source_id": str(source.pk)}


def _store(
    spec: DocumentSpec,
    *,
    issuer: Issuer,
    lineage: uuid.UUID,
    version: int,
    by: Any,
    source: dict[str, Any],
    note: str = "",
) -> GeneratedDocument:
    assert spec.number is not None and spec.date is not None
    (pdf, pages), docx = render_pdf_counted(spec), render_docx(spec)
    document = GeneratedDocument(
        lineage=lineage,
        version=version,
        unit=issuer.unit,
        issuer=issuer,
        kind=spec.type_code,
        series_key=issuer.series_key(spec.type_code),
        year=spec.number.year,
        serial=spec.number.serial,
        symbol=spec.symbol,
        document_date=spec.date,
        title=" ".join(line.strip() for line in spec.summary)[:500],
        spec=codec.spec_to_data(spec),
        checksum=sha256(pdf),
        docx_checksum=sha256(docx),
        pages=pages,
        issued_by=by if getattr(by, "is_authenticated", False) else None,
        note=note,
        **source,
    )
    stem = f"{spec.number.serial:02d}-{spec.type_code}-{issuer.abbreviation}-v{version}"
    document.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    document.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    try:
        document.save()
    except Exception:
        document.pdf.delete(save=False)
        document.docx.delete(save=False)
        raise
    return document


@transaction.atomic
def issue_document(
    *,
    by: Any,
    issuer: Issuer,
    spec: DocumentSpec,
    date: dt.date | None = None,
    source: models.Model | None = None,
) -> GeneratedDocument:
    """Give ``spec`` the next number of ``issuer``'s series for its type and year, render it
    (PDF and DOCX), store both and record the issue.

    The date is ``date``, else the spec's, else today; the number's year is the date's year.
    Refusals (nothing written): ``documents.issuer_missing``, ``documents.issuer_inactive``,
    ``documents.unknown_type``, ``documents.date_outside_year`` (a spec that already carries a
    number of another year), and the other checks of ``spec.check``.
    """
    if issuer is None:
        raise DomainError(
            "documents.issuer_missing",
            _("Văn bản chưa có cơ quan ban hành (tên và chữ viết tắt)."),
        )
    if not issuer.is_active:
        raise DomainError("documents.issuer_inactive", _("Cơ quan ban hành này đã ngừng sử dụng."))
    date = date or spec.date or timezone.localdate()
    year = spec.number.year if spec.number is not None else date.year
    draft = dataclasses.replace(
        spec, issuer=issuer.body(), date=date, number=DocumentNumber(1, year)
    )
    validate_spec(draft)  # every refusal before the first write
    serial = reserve_number(issuer, spec.type_code, year)
    final = dataclasses.replace(draft, number=DocumentNumber(serial, year))
    document = _store(
        final,
        issuer=issuer,
        lineage=uuid.uuid4(),
        version=1,
        by=by,
        source=_source_fields(source),
    )
    record_audit(
        "documents.document.issued",
        by=by,
        unit=issuer.unit,
        target=document,
        data={"symbol": document.symbol, "year": year, "checksum": document.checksum},
    )
    return document


@transaction.atomic
def reissue_document(
    *,
    by: Any,
    document: GeneratedDocument,
    spec: DocumentSpec | None = None,
    date: dt.date | None = None,
    note: str = "",
) -> GeneratedDocument:
    """A new version under the same number (a corrected rendering, a changed annex); the
    earlier versions stay as they were. Refusals: ``documents.not_latest``,
    ``documents.date_outside_year``, ``documents.type_changed``."""
    latest = (
        GeneratedDocument.objects.select_for_update()
        .filter(lineage=document.lineage)
        .order_by("-version")
        .first()
    )
    assert latest is not None
    if latest.pk != document.pk:
        raise ConflictError(
            "documents.not_latest",
            _("Đã có phiên bản %(version)s mới hơn; hãy phát hành lại từ phiên bản mới nhất.")
            % {"version": latest.version},
        )
    previous = codec.spec_from_data(latest.spec)
    base = spec or previous
    if base.type_code != latest.kind:
        raise DomainError(
            "documents.type_changed",
            _("Phát hành lại không đổi được loại văn bản; hãy phát hành văn bản mới."),
        )
    issuer = latest.issuer
    final = dataclasses.replace(
        base,
        issuer=issuer.body(),
        number=DocumentNumber(latest.serial, latest.year),
        date=date or base.date or latest.document_date,
    )
    validate_spec(final)
    new = _store(
        final,
        issuer=issuer,
        lineage=latest.lineage,
        version=latest.version + 1,
        by=by,
        source={"source_type": latest.source_type, "source_id": latest.source_id},
        note=note,
    )
    record_audit(
        "documents.document.reissued",
        by=by,
        unit=issuer.unit,
        target=new,
        data={
            "symbol": new.symbol,
            "version": new.version,
            "previous_checksum": latest.checksum,
            "checksum": new.checksum,
            "note": note,
        },
    )
    return new


# --- Batches -----------------------------------------------------------------------------------


@transaction.atomic
def start_batch(
    *,
    by: Any,
    unit: Unit,
    title: str,
    specs: Sequence[BatchItem],
    chunk_size: int | None = None,
) -> DocumentBatch:
    """Queue ``specs`` to be rendered in the background as one PDF: Decree-30 documents, or
    certificates, or sheets printed onto blanks (thidua/documents/sheets.py; one kind per
    batch). Each description is checked first. Refusals: ``documents.batch_empty``,
    ``documents.mixed_batch``, and the checks of ``spec.check`` / ``sheets.check_item`` (the
    message names the document)."""
    if not specs:
        raise DomainError("documents.batch_empty", _("Lô văn bản không có văn bản nào."))
    try:
        kind_of(specs)
    except SpecError as error:
        raise refusal(error) from error
    for index, spec in enumerate(specs, start=1):
        try:
            check_item(spec)
        except SpecError as error:
            detail = refusal(error)
            raise DomainError(
                detail.code,
                _("Văn bản thứ %(index)s: %(message)s")
                % {"index": index, "message": detail.message},
            ) from error
    batch = DocumentBatch.objects.create(
        unit=unit,
        title=normalize_text(title)[:300] or _("Lô văn bản"),
        specs=[codec.spec_to_data(spec) for spec in specs],
        total=len(specs),
        chunk_size=chunk_size or settings.DOCUMENTS_BATCH_CHUNK_SIZE,
        run_token=uuid.uuid4(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    record_audit(
        "documents.batch.created", by=by, unit=unit, target=batch, data={"total": batch.total}
    )
    _enqueue(batch)
    return batch


def _enqueue(batch: DocumentBatch) -> None:
    from thidua.documents.tasks import render_batch

    batch_id, token = batch.pk, str(batch.run_token)

    def send() -> None:
        result = render_batch.enqueue(batch_id, token)
        DocumentBatch.objects.filter(pk=batch_id, run_token=token).update(task_id=str(result.id))

    transaction.on_commit(send)


@transaction.atomic
def retry_batch(*, by: Any, batch: DocumentBatch) -> DocumentBatch:
    """Run a failed or interrupted batch again; it resumes after the documents already done.
    Refusal: ``documents.batch_not_retryable`` (done, or still alive)."""
    batch = DocumentBatch.objects.select_for_update().get(pk=batch.pk)
    if not (batch.status == BatchStatus.FAILED or batch.is_stalled()):
        raise ConflictError(
            "documents.batch_not_retryable",
            _("Chỉ chạy lại được lô bị lỗi hoặc bị gián đoạn."),
        )
    batch.status = BatchStatus.QUEUED
    batch.error = ""
    batch.run_token = uuid.uuid4()
    batch.heartbeat_at = timezone.now()
    batch.save(update_fields=["status", "error", "run_token", "heartbeat_at"])
    record_audit(
        "documents.batch.retried",
        by=by,
        unit=batch.unit,
        target=batch,
        data={"resume_from": batch.done, "attempts": batch.attempts},
    )
    _enqueue(batch)
    return batch
