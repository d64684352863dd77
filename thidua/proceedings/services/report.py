"""The summary report (R10) and the results flow (R16).

* ``save_report_section``: the author's text or attachment for one heading of the outline.
* ``issue_summary_report``: the BC through the documents engine (number from the registry).
* ``record_conference_held`` / ``submit_conference_results``: the campaign's own services
  (``record_conference``, ``submit_results``) called with the conference's data; the workflow
  (versions, lateness, the issuer's review) stays in the campaigns app.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any, BinaryIO, cast

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.campaigns import services as campaign_services
from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Assignment, Submission
from thidua.campaigns.results import ResultsFigures
from thidua.conferences.models import Conference
from thidua.conferences.services.agenda import programme_issuer
from thidua.conferences.services.common import require
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.documents import services as document_services
from thidua.documents.models import GeneratedDocument, Issuer
from thidua.proceedings import selectors, summary, uploads
from thidua.proceedings.models import OutlineSection, ReportSection

WRITE = "proceedings.write_report"


def upload_limit() -> int:
    return int(
        getattr(settings, "PROCEEDINGS_UPLOAD_MAX_BYTES", settings.CAMPAIGNS_UPLOAD_MAX_BYTES)
    )


def _check_upload(upload: UploadedFile) -> tuple[str, str]:
    limit = upload_limit()
    if not upload.size:
        raise DomainError("proceedings.file_empty", _("Tệp rỗng."))
    if upload.size > limit:
        raise DomainError(
            "proceedings.file_too_large",
            _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": limit // (1024 * 1024)},
        )
    stream = cast(BinaryIO, upload)
    file_type = uploads.detect_type(stream)
    if file_type is None:
        raise DomainError(
            "proceedings.file_type",
            _("Chỉ nhận tệp PDF, Word (DOCX) hoặc ảnh JPEG, PNG; tệp này không phải."),
        )
    return file_type, uploads.sha256_of(stream)


@transaction.atomic
def save_report_section(
    conference: Conference,
    outline: OutlineSection,
    *,
    by: Any,
    text: str,
    upload: UploadedFile | None = None,
    remove_file: bool = False,
) -> ReportSection:
    """Write (or rewrite) one heading: its text, and optionally a file (type read from the
    content, size-limited) replacing the previous one, or the file removed.

    Refusals: ``proceedings.file_empty``, ``proceedings.file_too_large``,
    ``proceedings.file_type``, ``proceedings.outline_inactive``."""
    require(by, WRITE, conference.unit)
    if not outline.is_active:
        raise DomainError("proceedings.outline_inactive", _("Đề mục này không còn sử dụng."))
    checked = _check_upload(upload) if upload is not None else None  # refuse before writing
    section, _created = ReportSection.objects.select_for_update().get_or_create(
        conference=conference, outline=outline
    )
    old_file = section.file.name if section.file else ""
    section.text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()
    section.updated_by = by
    if checked is not None and upload is not None:
        file_type, digest = checked
        section.file_type = file_type
        section.file = upload
        section.file_name = uploads.safe_name(upload.name or "", file_type)
        section.file_size = upload.size
        section.file_sha256 = digest
    elif remove_file:
        section.file = ""
        section.file_name = section.file_type = section.file_sha256 = ""
        section.file_size = None
    section.save()
    new_file = section.file.name if section.file else ""
    if old_file and old_file != new_file:
        storage = section.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    record_audit(
        "proceedings.report_section.saved",
        by=by,
        unit=conference.unit,
        target=section,
        data={
            "outline": outline.code,
            "chars": len(section.text),
            "file": section.file_name,
            "sha256": section.file_sha256,
        },
    )
    return section


def summary_issuer(conference: Conference) -> Issuer | None:
    return programme_issuer(conference)


@transaction.atomic
def issue_summary_report(
    conference: Conference, *, by: Any, date: dt.date | None = None
) -> GeneratedDocument:
    """Issue the BC with the issuer's next number; every heading must be filled (written or
    attached). Refusals: ``proceedings.report_incomplete``, ``proceedings.issuer_missing``,
    the engine's own."""
    require(by, WRITE, conference.unit)
    require(by, "documents.issue", conference.unit)
    rows = selectors.outline_of(conference)
    missing = [row.title for row in rows if not row.filled]
    if missing:
        raise DomainError(
            "proceedings.report_incomplete",
            _("Báo cáo còn đề mục chưa có nội dung: %(sections)s.")
            % {"sections": "; ".join(missing)},
            missing=missing,
        )
    issuer = summary_issuer(conference)
    if issuer is None:
        raise DomainError(
            "proceedings.issuer_missing",
            _("Đơn vị chưa có cơ quan ban hành văn bản (vào mục Văn bản để khai báo)."),
        )
    spec = summary.summary_spec(conference, rows, selectors.report_statistics(conference), None)
    document = document_services.issue_document(
        by=by, issuer=issuer, spec=spec, date=date, source=conference
    )
    record_audit(
        "proceedings.summary_report.issued",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"symbol": document.symbol, "document": document.pk},
    )
    return document


def _assignment(conference: Conference, kind: str) -> Assignment:
    assignment = Assignment.objects.filter(
        campaign_id=conference.campaign_id, unit_id=conference.unit_id, kind=kind
    ).first()
    if assignment is None:
        raise DomainError(
            "proceedings.no_assignment",
            _("Kế hoạch không giao đơn vị nhiệm vụ này (hội nghị của chính đơn vị ban hành)."),
        )
    return assignment


def record_conference_held(
    conference: Conference, *, by: Any, note: str = "", now: dt.datetime | None = None
) -> Submission:
    """The campaign's "hold conference" assignment recorded with the conference's day
    (campaigns.services.record_conference does the checks and the audit)."""
    require(by, "proceedings.manage", conference.unit)
    return campaign_services.record_conference(
        _assignment(conference, AssignmentKind.HOLD_CONFERENCE),
        by=by,
        held_on=conference.held_on,
        note=note,
        now=now,
    )


@transaction.atomic
def submit_conference_results(
    conference: Conference,
    *,
    by: Any,
    figures: ResultsFigures,
    note: str = "",
    now: dt.datetime | None = None,
) -> Submission:
    """The organizer sends the results report (pre-filled from the conference, reviewed on
    the page) through campaigns.services.submit_results: its checks, versions, lateness and
    the issuer's review are the campaign's.

    Refusals: ``proceedings.no_assignment``, ``proceedings.held_on_mismatch`` and those of
    ``submit_results``."""
    require(by, "proceedings.manage", conference.unit)
    if figures.held_on != conference.held_on:
        raise DomainError(
            "proceedings.held_on_mismatch",
            _("Ngày tổ chức phải là ngày của hội nghị (%(day)s).")
            % {"day": conference.held_on.strftime("%d/%m/%Y")},
        )
    assignment = _assignment(conference, AssignmentKind.REPORT_RESULTS)
    submission = campaign_services.submit_results(
        assignment, by=by, figures=figures, note=note, now=now
    )
    computed, _present = selectors.results_figures(conference)
    changed = sorted(
        name
        for name in ("honorees_present", "guests_present", "leaders_present", "actual_cost")
        if getattr(computed, name) != getattr(figures, name)
    )
    record_audit(
        "proceedings.results.submitted",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"submission": submission.pk, "version": submission.version, "edited": changed},
    )
    return submission
