"""A unit's assignments: send the plan, record the conference, report results; the issuer's
review; the access-checked download of a submitted file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns import selectors, services, uploads, workflow
from thidua.campaigns.enums import REVIEWED_KINDS, AssignmentKind
from thidua.campaigns.forms import ConferenceForm, PlanSubmissionForm, ResultsForm, ReturnForm
from thidua.campaigns.models import Assignment, Campaign
from thidua.campaigns.views.common import refused
from thidua.core.errors import DomainError
from thidua.units import access

FORMS: dict[str, type[forms.Form]] = {
    AssignmentKind.SUBMIT_PLAN: PlanSubmissionForm,
    AssignmentKind.HOLD_CONFERENCE: ConferenceForm,
    AssignmentKind.REPORT_RESULTS: ResultsForm,
}


@login_required
def assignment_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    campaign = None
    if request.GET.get("campaign"):
        campaign = selectors.get_campaign_for(request.user, request.GET["campaign"])
    rows = selectors.assignments_in_scope(scope, campaign=campaign)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "campaigns/assignment_list.html", {"page": page, "campaign": campaign})


def _context(
    request: HttpRequest,
    assignment: Assignment,
    form: forms.Form | None = None,
    return_form: forms.Form | None = None,
) -> dict[str, Any]:
    scope = access.scope_for(request.user)
    submissions = list(selectors.submissions_of(assignment))
    latest = submissions[0] if submissions else None
    can_submit = scope.can("campaigns.submit", assignment.unit) and (
        workflow.SUBMIT in workflow.allowed_events(assignment.state)
    )
    can_review = (
        assignment.kind in REVIEWED_KINDS
        and scope.contains(assignment.campaign.issuer)
        and scope.can("campaigns.review", assignment.campaign.issuer)
        and assignment.state == workflow.SUBMITTED
    )
    built = built_document = None
    if assignment.kind == AssignmentKind.SUBMIT_PLAN:
        built = Campaign.objects.filter(parent=assignment.campaign, issuer=assignment.unit).first()
        built_document = selectors.latest_plan_document(built) if built else None
    return {
        "assignment": assignment,
        "campaign": assignment.campaign,
        "submissions": submissions,
        "latest": latest,
        "status": workflow.board_status(
            assignment.state,
            assignment.submitted_late,
            assignment.late_from,
            timezone.now(),
        ),
        "can_submit": can_submit,
        "can_review": can_review,
        "form": form or (FORMS[assignment.kind]() if can_submit else None),
        "return_form": return_form or ReturnForm(),
        "built_campaign": built,
        "built_document": built_document,
        "can_feedback": scope.can("campaigns.feedback", assignment.unit),
    }


@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for(request.user, pk)
    return render(request, "campaigns/assignment_detail.html", _context(request, assignment))


@login_required
@require_POST
def assignment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for(request.user, pk)
    access.require(request.user, "campaigns.submit", assignment.unit)
    form = FORMS[assignment.kind](request.POST, request.FILES)
    if form.is_valid():
        try:
            _submit(request, assignment, form)
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, _("Đã gửi."))
            return redirect("campaigns:assignment-detail", assignment.pk)
    return render(
        request,
        "campaigns/assignment_detail.html",
        _context(request, assignment, form=form),
        status=400,
    )


def _submit(request: HttpRequest, assignment: Assignment, form: Any) -> None:
    data = dict(form.cleaned_data)
    figures = form.figures() if assignment.kind == AssignmentKind.REPORT_RESULTS else None
    services.submit_for_kind(
        assignment,
        by=request.user,
        note=data.get("note", ""),
        upload=data.get("file"),
        document_number=data.get("document_number", ""),
        document_date=data.get("document_date"),
        use_built_plan=bool(data.get("use_built_plan")),
        held_on=data.get("held_on"),
        figures=figures,
    )


@login_required
@require_POST
def assignment_derive(request: HttpRequest, pk: int) -> HttpResponse:
    """Build the unit's own plan on the system from the upper plan (R1)."""
    assignment = selectors.get_assignment_for(request.user, pk)
    try:
        campaign = services.derive_campaign(
            assignment.campaign, unit=assignment.unit, by=request.user
        )
    except DomainError as error:
        refused(request, error)
        return redirect("campaigns:assignment-detail", assignment.pk)
    return redirect("campaigns:campaign-detail", campaign.pk)


@login_required
@require_POST
def submission_accept(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk)
    try:
        services.accept_submission(submission, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã chấp nhận."))
    return redirect("campaigns:assignment-detail", submission.assignment_id)


@login_required
@require_POST
def submission_return(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk)
    # The reviewer's role first (404 outside the issuer's scope, 403 without the role), then
    # the form: an empty body must not answer before the permission does.
    access.require(request.user, "campaigns.review", submission.assignment.campaign.issuer)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_submission(
                submission, by=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            refused(request, error)
        else:
            messages.success(request, _("Đã trả lại cho đơn vị."))
    else:
        messages.error(request, _("Cần ghi lý do trả lại."))
    return redirect("campaigns:assignment-detail", submission.assignment_id)


@login_required
def submission_download(request: HttpRequest, pk: int) -> FileResponse:
    """Stream a submitted file (an upload, or the PDF of the plan the unit issued on the system)
    to whoever may see the unit's submissions; 404 for anyone else. Never a public media URL."""
    submission = selectors.get_submission_for(request.user, pk)
    attachment = submission.attachment
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.open("rb"),
        as_attachment=True,
        filename=submission.file_name or f"ke-hoach.{submission.file_type}",
        content_type=uploads.CONTENT_TYPES.get(submission.file_type, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response
