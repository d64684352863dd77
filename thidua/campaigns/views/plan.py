"""The campaign's plan as a document: draft PDF/DOCX, issue as a numbered KH, re-issue, and the
download of the issued plan for everyone who reads the campaign (the units it was sent to)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns import selectors, services
from thidua.campaigns.forms import PlanIssueForm, PlanReissueForm
from thidua.campaigns.models import Campaign
from thidua.campaigns.services.plan import DRAFT_FORMATS
from thidua.campaigns.views.common import refused
from thidua.core.errors import DomainError
from thidua.documents.views import CONTENT_TYPES
from thidua.units import access


def _issuable(request: HttpRequest, pk: int) -> Campaign:
    """A campaign whose plan the user may issue: 404 if invisible, 403 without the role."""
    campaign = selectors.get_campaign_for(request.user, pk)
    access.require(request.user, "campaigns.issue_plan", campaign.issuer)
    return campaign


def _attachment(data: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def plan_draft(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The plan as it would be issued now, without a number: for the issuing unit (and those
    above it) only; 404 for the units it is sent to and for anyone else."""
    if fmt not in DRAFT_FORMATS:
        raise Http404
    campaign = selectors.get_campaign_for(request.user, pk)
    access.require(request.user, "documents.view", campaign.issuer)
    data = services.render_draft(campaign, fmt)
    return _attachment(data, f"du-thao-ke-hoach-{campaign.pk}.{fmt}", fmt)


@login_required
def plan_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    """The issued plan (the current version, or ``?v=N``), for whoever reads the campaign (its
    unit, the levels above, the units it was issued to)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    campaign = selectors.get_campaign_for(request.user, pk)
    versions = selectors.plan_documents(campaign)
    if request.GET.get("v"):
        versions = versions.filter(version=request.GET["v"] if request.GET["v"].isdigit() else 0)
    document = versions.first()
    if document is None:
        raise Http404
    field = document.pdf if fmt == "pdf" else document.docx
    response = FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=f"{document.symbol.replace('/', '-')}-v{document.version}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _issuable(request, pk)
    form = PlanIssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày ký ban hành không hợp lệ."))
        return redirect("campaigns:campaign-detail", campaign.pk)
    try:
        document = services.issue_plan(campaign, by=request.user, date=form.cleaned_data["date"])
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(
            request, _("Đã phát hành kế hoạch số %(symbol)s.") % {"symbol": document.symbol}
        )
    return redirect("campaigns:campaign-detail", campaign.pk)


@login_required
@require_POST
def plan_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _issuable(request, pk)
    form = PlanReissueForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        document = services.reissue_plan(campaign, by=request.user, note=note)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(
            request,
            _("Đã phát hành lại %(symbol)s, phiên bản %(version)s.")
            % {"symbol": document.symbol, "version": document.version},
        )
    return redirect("campaigns:campaign-detail", campaign.pk)
