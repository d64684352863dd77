"""What a unit sends for its assignments, and the issuer's review (accept / return).

Each sending is a new ``Submission`` version; nothing a unit sent is ever overwritten, so the
whole history stays. The moves allowed are the table in workflow.py; refusals carry its codes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, BinaryIO, cast

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns import deadlines, selectors, uploads, workflow
from thidua.campaigns.enums import REVIEWED_KINDS, AssignmentKind, CampaignStatus
from thidua.campaigns.models import (
    Assignment,
    AwardTally,
    Campaign,
    ResultsReport,
    Submission,
)
from thidua.campaigns.results import ResultsFigures
from thidua.campaigns.services.common import clock, organizers_of, require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.core.uploads_settings import zip_limits
from thidua.notifications.services import notify

# Error messages of the workflow's refusal codes.
REFUSAL_MESSAGES = {
    "campaigns.awaiting_review": gettext_lazy("Hồ sơ đã gửi đang chờ xem xét; chưa thể gửi lại."),
    "campaigns.already_accepted": gettext_lazy("Nhiệm vụ này đã được chấp nhận."),
    "campaigns.not_submitted": gettext_lazy("Chưa có hồ sơ chờ xem xét."),
    "campaigns.transition_not_allowed": gettext_lazy(
        "Thao tác này không được phép ở trạng thái hiện tại."
    ),
}
RESULTS_MESSAGES = {
    "campaigns.negative_figure": gettext_lazy("Các số liệu không được âm."),
    "campaigns.gender_total_mismatch": gettext_lazy(
        "Tổng số đại biểu nam và nữ phải bằng tổng số đại biểu (điển hình, khách mời, lãnh đạo)."
    ),
    "campaigns.direct_producers_exceed_total": gettext_lazy(
        "Số người trực tiếp sản xuất, công tác không được vượt tổng số đại biểu."
    ),
    "campaigns.award_forms_invalid": gettext_lazy(
        "Mỗi hình thức khen thưởng ghi một lần, không để trống."
    ),
}


def _move(state: str, event: str) -> str:
    try:
        return workflow.next_state(state, event)
    except workflow.TransitionRefusedError as refused:
        message = REFUSAL_MESSAGES.get(refused.code, REFUSAL_MESSAGES[workflow.DEFAULT_REFUSAL])
        raise ConflictError(refused.code, str(message)) from None


def _locked(assignment: Assignment, kind: str) -> Assignment:
    locked = (
        Assignment.objects.select_for_update()
        .select_related("campaign", "campaign__issuer", "unit")
        .get(pk=assignment.pk)
    )
    if locked.kind != kind:
        raise DomainError("campaigns.wrong_kind", _("Thao tác không đúng loại nhiệm vụ."))
    if locked.campaign.status != CampaignStatus.ISSUED:
        raise ConflictError("campaigns.not_open", _("Kế hoạch chưa ban hành hoặc đã kết thúc."))
    return locked


def _record(
    assignment: Assignment, *, by: Any, now: dt.datetime, late: bool, **fields: Any
) -> Submission:
    """Save a new version and move the assignment (submit; straight to accepted for kinds the
    issuer does not review)."""
    state = _move(assignment.state, workflow.SUBMIT)
    reviewed = assignment.kind in REVIEWED_KINDS
    if not reviewed:
        state = _move(state, workflow.ACCEPT)
    version = assignment.submissions.count() + 1
    submission = Submission(
        assignment=assignment,
        version=version,
        status=state,
        submitted_at=now,
        submitted_by=by,
        is_late=late,
        reviewed_at=None if reviewed else now,
        **fields,
    )
    submission.save()  # an upload is written to storage here (FileField.pre_save)
    first = assignment.first_submitted_at is None
    assignment.state = state
    assignment.last_submitted_at = now
    if first:
        assignment.first_submitted_at = now
        assignment.submitted_late = late
    if state == workflow.ACCEPTED:
        assignment.accepted_at = now
    assignment.save(
        update_fields=[
            "state",
            "first_submitted_at",
            "last_submitted_at",
            "submitted_late",
            "accepted_at",
            "updated_at",
        ]
    )
    record_audit(
        "campaigns.submission.submitted",
        by=by,
        unit=assignment.unit,
        target=submission,
        data={"kind": assignment.kind, "version": version, "late": late},
    )
    if reviewed:
        _tell_issuer(assignment, submission)
    return submission


def _check_upload(upload: UploadedFile) -> tuple[str, str]:
    limit = settings.CAMPAIGNS_UPLOAD_MAX_BYTES
    if not upload.size:
        raise DomainError("campaigns.file_empty", _("Tệp rỗng."))
    if upload.size > limit:
        raise DomainError(
            "campaigns.file_too_large",
            _("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": limit // (1024 * 1024)},
        )
    stream = cast(BinaryIO, upload)
    file_type = uploads.detect_type(stream, zip_limits())
    if file_type is None:
        raise DomainError(
            "campaigns.file_type", _("Chỉ nhận tệp PDF hoặc Word (DOCX); tệp này không phải.")
        )
    return file_type, uploads.sha256_of(stream)


@transaction.atomic
def submit_plan(
    assignment: Assignment,
    *,
    by: Any,
    upload: UploadedFile | None = None,
    document_number: str = "",
    document_date: dt.date | None = None,
    note: str = "",
    built_campaign: Campaign | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """A unit sends its plan: an uploaded PDF/DOCX (type read from the content, size-limited),
    or the plan it built on the system from the upper one (``built_campaign``) and issued as
    its own numbered KH (services.plan.issue_plan): the submission then records that document's
    latest version (number, date, SHA-256 of its PDF). Late when sent at or after the
    deadline's first late instant (deadlines.py).

    Refusals: ``campaigns.wrong_kind``, ``campaigns.not_open``, ``campaigns.file_required``,
    ``campaigns.file_empty``, ``campaigns.file_too_large``, ``campaigns.file_type``,
    ``campaigns.file_and_built_plan``, ``campaigns.built_plan_mismatch``,
    ``campaigns.built_plan_not_issued``, and the workflow's
    (``campaigns.awaiting_review``, ``campaigns.already_accepted``).
    """
    require(by, "campaigns.submit", assignment.unit)
    now = clock(now)
    assignment = _locked(assignment, AssignmentKind.SUBMIT_PLAN)
    _move(assignment.state, workflow.SUBMIT)  # refuse before reading any file
    fields: dict[str, Any] = {
        "document_number": normalize_text(document_number),
        "document_date": document_date,
        "note": note.strip(),
    }
    if built_campaign is not None and upload is not None:
        raise DomainError(
            "campaigns.file_and_built_plan",
            _("Gửi tệp kế hoạch hoặc kế hoạch đã phát hành trên hệ thống, không gửi cả hai."),
        )
    if built_campaign is not None:
        fields |= _built_plan_fields(assignment, built_campaign)
    if upload is not None:
        file_type, digest = _check_upload(upload)
        fields |= {
            "file": upload,
            "file_name": uploads.safe_name(upload.name or "", file_type),
            "file_type": file_type,
            "file_size": upload.size,
            "file_sha256": digest,
        }
    if upload is None and built_campaign is None:
        raise DomainError(
            "campaigns.file_required", _("Cần đính kèm tệp kế hoạch (PDF hoặc DOCX).")
        )
    late = deadlines.is_late(now, assignment.late_from)
    return _record(assignment, by=by, now=now, late=late, **fields)


def _built_plan_fields(assignment: Assignment, built: Campaign) -> dict[str, Any]:
    """What a submission of the plan built on the system records: the numbered document the
    unit issued from it (its latest version), so the issuer reviews a real plan."""
    if built.parent_id != assignment.campaign_id or built.issuer_id != assignment.unit_id:
        raise DomainError(
            "campaigns.built_plan_mismatch",
            _("Kế hoạch lập trên hệ thống không thuộc đơn vị và kế hoạch này."),
        )
    document = selectors.latest_plan_document(built)
    if document is None:
        raise DomainError(
            "campaigns.built_plan_not_issued",
            _(
                "Kế hoạch lập trên hệ thống chưa được phát hành (chưa có số); hãy phát hành "
                "kế hoạch của đơn vị trước khi gửi."
            ),
        )
    return {
        "built_campaign": built,
        "document": document,
        "document_number": document.symbol,
        "document_date": document.document_date,
        "file_name": f"{document.symbol.replace('/', '-')}-v{document.version}.pdf",
        "file_type": "pdf",
        "file_size": document.pdf.size,
        "file_sha256": document.checksum,
    }


def _check_held_on(assignment: Assignment, held_on: dt.date, now: dt.datetime) -> None:
    if held_on > timezone.localdate(now):
        raise DomainError("campaigns.held_in_future", _("Ngày tổ chức không được sau hôm nay."))
    if assignment.window_start and held_on < assignment.window_start:
        raise DomainError(
            "campaigns.before_window",
            _("Ngày tổ chức trước thời gian quy định (từ %(day)s).")
            % {"day": assignment.window_start.strftime("%d/%m/%Y")},
        )


@transaction.atomic
def record_conference(
    assignment: Assignment,
    *,
    by: Any,
    held_on: dt.date,
    note: str = "",
    now: dt.datetime | None = None,
) -> Submission:
    """A unit records that it held its conference (the conferences app will call this when a
    conference closes). Late when held after the window; refused before it or in the future.

    Refusals: ``campaigns.held_in_future``, ``campaigns.before_window``, the workflow's.
    """
    require(by, "campaigns.submit", assignment.unit)
    now = clock(now)
    assignment = _locked(assignment, AssignmentKind.HOLD_CONFERENCE)
    _check_held_on(assignment, held_on, now)
    late = bool(assignment.window_end and held_on > assignment.window_end)
    return _record(assignment, by=by, now=now, late=late, held_on=held_on, note=note.strip())


@transaction.atomic
def submit_results(
    assignment: Assignment,
    *,
    by: Any,
    figures: ResultsFigures,
    note: str = "",
    now: dt.datetime | None = None,
) -> Submission:
    """A unit reports its conference's results (R16): the figures of ``ResultsFigures``.
    If its conference was not recorded yet, it is recorded with the same date.

    Refusals: ``campaigns.negative_figure``, ``campaigns.gender_total_mismatch``,
    ``campaigns.direct_producers_exceed_total``, ``campaigns.award_forms_invalid``,
    ``campaigns.held_in_future``, ``campaigns.before_window``, the workflow's.
    """
    require(by, "campaigns.submit", assignment.unit)
    now = clock(now)
    assignment = _locked(assignment, AssignmentKind.REPORT_RESULTS)
    _move(assignment.state, workflow.SUBMIT)
    problems = figures.problems()
    if problems:
        raise DomainError(problems[0], str(RESULTS_MESSAGES[problems[0]]), problems=problems)
    conference = Assignment.objects.select_for_update().get(
        campaign=assignment.campaign, unit=assignment.unit, kind=AssignmentKind.HOLD_CONFERENCE
    )
    _check_held_on(conference, figures.held_on, now)
    if conference.state == workflow.PENDING:
        record_conference(conference, by=by, held_on=figures.held_on, now=now)
    late = deadlines.is_late(now, assignment.late_from)
    submission = _record(assignment, by=by, now=now, late=late, note=note.strip())
    report = ResultsReport.objects.create(
        submission=submission,
        held_on=figures.held_on,
        honorees_present=figures.honorees_present,
        guests_present=figures.guests_present,
        leaders_present=figures.leaders_present,
        women_present=figures.women_present,
        men_present=figures.men_present,
        direct_producers_present=figures.direct_producers_present,
        presentations_given=figures.presentations_given,
        delegates_sent_upward=figures.delegates_sent_upward,
        planned_budget=figures.planned_budget,
        actual_cost=figures.actual_cost,
    )
    AwardTally.objects.bulk_create(
        AwardTally(
            report=report,
            form=normalize_text(line.form),
            collectives=line.collectives,
            individuals=line.individuals,
        )
        for line in figures.awards
    )
    return submission


def submit_for_kind(
    assignment: Assignment,
    *,
    by: Any,
    note: str = "",
    upload: UploadedFile | None = None,
    document_number: str = "",
    document_date: dt.date | None = None,
    use_built_plan: bool = False,
    held_on: dt.date | None = None,
    figures: ResultsFigures | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """The one entry the pages and the API share: send what the assignment's kind takes (a
    plan, a conference date, results). Refusals: ``campaigns.built_plan_missing``,
    ``campaigns.date_required``, ``campaigns.figures_required``, and those of the service
    called."""
    if assignment.kind == AssignmentKind.SUBMIT_PLAN:
        built = None
        if use_built_plan:
            built = Campaign.objects.filter(
                parent=assignment.campaign, issuer=assignment.unit
            ).first()
            if built is None:
                raise DomainError(
                    "campaigns.built_plan_missing",
                    _("Đơn vị chưa lập kế hoạch trên hệ thống từ kế hoạch này."),
                )
        return submit_plan(
            assignment,
            by=by,
            upload=upload,
            document_number=document_number,
            document_date=document_date,
            note=note,
            built_campaign=built,
            now=now,
        )
    if assignment.kind == AssignmentKind.HOLD_CONFERENCE:
        if held_on is None:
            raise DomainError("campaigns.date_required", _("Cần ghi ngày tổ chức hội nghị."))
        return record_conference(assignment, by=by, held_on=held_on, note=note, now=now)
    if figures is None:
        raise DomainError("campaigns.figures_required", _("Cần ghi các số liệu kết quả."))
    return submit_results(assignment, by=by, figures=figures, note=note, now=now)


def _reviewable(submission: Submission) -> tuple[Submission, Assignment]:
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("campaign", "campaign__issuer", "unit")
        .get(pk=submission.assignment_id)
    )
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    latest = assignment.submissions.order_by("-version").values_list("pk", flat=True).first()
    if latest != submission.pk:
        raise ConflictError(
            "campaigns.stale_submission", _("Đây không phải lần gửi mới nhất của đơn vị.")
        )
    if assignment.kind not in REVIEWED_KINDS:
        raise DomainError("campaigns.not_reviewed", _("Nhiệm vụ này không cần xem xét."))
    return submission, assignment


@transaction.atomic
def accept_submission(
    submission: Submission, *, by: Any, now: dt.datetime | None = None
) -> Submission:
    """The issuer accepts a unit's latest submission.

    Refusals: ``campaigns.stale_submission``, ``campaigns.not_reviewed``, the workflow's
    (``campaigns.not_submitted``, ``campaigns.already_accepted``)."""
    require(by, "campaigns.review", submission.assignment.campaign.issuer)
    now = clock(now)
    submission, assignment = _reviewable(submission)
    assignment.state = _move(assignment.state, workflow.ACCEPT)
    assignment.accepted_at = now
    assignment.save(update_fields=["state", "accepted_at", "updated_at"])
    submission.status = workflow.ACCEPTED
    submission.reviewed_at, submission.reviewed_by = now, by
    submission.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    record_audit(
        "campaigns.submission.accepted",
        by=by,
        unit=assignment.unit,
        target=submission,
        data={"kind": assignment.kind, "version": submission.version},
    )
    _tell_unit(
        assignment, _("%(task)s đã được chấp nhận") % {"task": assignment.get_kind_display()}
    )
    return submission


@transaction.atomic
def return_submission(
    submission: Submission, *, by: Any, reason: str, now: dt.datetime | None = None
) -> Submission:
    """The issuer returns a unit's latest submission with a reason; the unit sends again.

    Refusals: ``campaigns.reason_required``, ``campaigns.stale_submission``,
    ``campaigns.not_reviewed``, the workflow's."""
    require(by, "campaigns.review", submission.assignment.campaign.issuer)
    now = clock(now)
    reason = reason.strip()
    if not reason:
        raise DomainError("campaigns.reason_required", _("Cần ghi lý do trả lại."))
    submission, assignment = _reviewable(submission)
    assignment.state = _move(assignment.state, workflow.RETURN)
    assignment.save(update_fields=["state", "updated_at"])
    submission.status = workflow.RETURNED
    submission.reviewed_at, submission.reviewed_by = now, by
    submission.review_reason = reason
    submission.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_reason"])
    record_audit(
        "campaigns.submission.returned",
        by=by,
        unit=assignment.unit,
        target=submission,
        data={"kind": assignment.kind, "version": submission.version, "reason": reason[:500]},
    )
    _tell_unit(
        assignment,
        _("%(task)s bị trả lại") % {"task": assignment.get_kind_display()},
        body=reason,
    )
    return submission


def _link(assignment: Assignment) -> str:
    return reverse("campaigns:assignment-detail", args=[assignment.pk])


def _tell_issuer(assignment: Assignment, submission: Submission) -> None:
    title = _("%(unit)s đã gửi: %(task)s") % {
        "unit": assignment.unit.name,
        "task": assignment.get_kind_display(),
    }
    if submission.is_late:
        title += " " + _("(trễ hạn)")
    notify(
        organizers_of(assignment.campaign.issuer),
        title=title,
        link=_link(assignment),
        unit=assignment.unit,
    )


def _tell_unit(assignment: Assignment, title: str, body: str = "") -> None:
    notify(
        organizers_of(assignment.unit),
        title=title,
        body=body,
        link=_link(assignment),
        unit=assignment.unit,
    )
