"""Difficulties (vướng mắc, R20): list, raise, thread, reply, close."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns import selectors, services
from thidua.campaigns.enums import OPEN_FEEDBACK, FeedbackStatus
from thidua.campaigns.forms import FeedbackForm, ReplyForm
from thidua.campaigns.models import Assignment
from thidua.campaigns.views.common import refused
from thidua.core.errors import DomainError
from thidua.units import access
from thidua.units.access import ACTION_ROLES
from thidua.units.models import Unit


@login_required
def feedback_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    campaign = None
    if request.GET.get("campaign"):
        campaign = selectors.get_campaign_for(request.user, request.GET["campaign"])
    rows = selectors.feedback_in_scope(scope, campaign=campaign)
    open_only = request.GET.get("mo") == "1"
    if open_only:
        rows = rows.filter(status__in=OPEN_FEEDBACK)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "campaigns/feedback_list.html",
        {"page": page, "campaign": campaign, "open_only": open_only},
    )


@login_required
def feedback_create(request: HttpRequest) -> HttpResponse:
    campaign = selectors.get_campaign_for(request.user, request.GET.get("campaign"))
    scope = access.scope_for(request.user)
    assigned = Assignment.objects.filter(campaign=campaign).values("unit_id")
    units = scope.units(ACTION_ROLES["campaigns.feedback"]).filter(pk__in=assigned)
    units = Unit.objects.filter(pk__in=units.values("pk")).order_by("search_name")
    if not units.exists():
        raise Http404
    form = FeedbackForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            feedback = services.raise_feedback(
                campaign,
                unit=form.cleaned_data["unit"],
                by=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(
                request, _("Đã gửi vướng mắc tới %(issuer)s.") % {"issuer": campaign.issuer.name}
            )
            return redirect("campaigns:feedback-detail", feedback.pk)
    return render(request, "campaigns/feedback_form.html", {"form": form, "campaign": campaign})


@login_required
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.get_feedback_for(request.user, pk)
    scope = access.scope_for(request.user)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        access.require(request.user, "campaigns.feedback", feedback.unit)
        if form.is_valid():
            try:
                services.reply_feedback(feedback, by=request.user, body=form.cleaned_data["body"])
            except DomainError as error:
                refused(request, error, form)
            else:
                messages.success(request, _("Đã gửi trả lời."))
                return redirect("campaigns:feedback-detail", feedback.pk)
    return render(
        request,
        "campaigns/feedback_detail.html",
        {
            "feedback": feedback,
            "form": form,
            "can_reply": scope.can("campaigns.feedback", feedback.unit)
            and feedback.status != FeedbackStatus.CLOSED,
            "can_close": scope.contains(feedback.campaign.issuer)
            and scope.can("campaigns.feedback", feedback.campaign.issuer)
            and feedback.status != FeedbackStatus.CLOSED,
        },
    )


@login_required
@require_POST
def feedback_close(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.get_feedback_for(request.user, pk)
    try:
        services.close_feedback(feedback, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã đánh dấu đã giải quyết."))
    return redirect("campaigns:feedback-detail", feedback.pk)
