"""Conferences: the list, setting one up from the campaign's rules, its page with the format
choice, the council's proposed number and the organizer's decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns import rules as campaign_rules
from thidua.campaigns import selectors as campaign_selectors
from thidua.conferences import selectors, services
from thidua.conferences.forms import (
    CapDecisionForm,
    CapProposalForm,
    ConferenceEditForm,
    ConferenceForm,
    FormatChoiceForm,
)
from thidua.conferences.services.common import cap_text, format_text, window_text
from thidua.conferences.views.common import conference_context, refused
from thidua.core.errors import DomainError
from thidua.units import access


@login_required
def conference_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    page = Paginator(selectors.conferences_in(scope), 50).get_page(request.GET.get("page"))
    setups = [s for s in selectors.open_setups(scope) if scope.can("conferences.manage", s.unit)]
    return render(request, "conferences/conference_list.html", {"page": page, "setups": setups})


def _setup_for(request: HttpRequest) -> selectors.Setup:
    campaign = campaign_selectors.get_campaign_for(request.user, request.GET.get("campaign"))
    unit = access.get_unit_for(request.user, request.GET.get("unit"))
    rule = selectors.rule_for(campaign, unit)
    if rule is None:
        raise Http404
    return selectors.Setup(campaign, unit, None, rule)


@login_required
def conference_create(request: HttpRequest) -> HttpResponse:
    setup = _setup_for(request)
    access.require(request.user, "conferences.manage", setup.unit)
    by_rule = setup.rule.conference_format(setup.unit.staff_count)
    needs_choice = by_rule == campaign_rules.ORGANIZER_CHOICE
    form = ConferenceForm(request.POST or None, needs_choice=needs_choice)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conference = services.create_conference(
                setup.campaign,
                setup.unit,
                by=request.user,
                held_on=data["held_on"],
                session=data["session"],
                venue=data["venue"],
                start_time=data.get("start_time"),
                chosen_format=data.get("chosen_format", ""),
                choice_reason=data.get("choice_reason", ""),
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, _("Đã tạo hội nghị và chương trình theo kế hoạch."))
            return redirect("conferences:conference-detail", conference.pk)
    context = {
        "setup": setup,
        "form": form,
        "by_rule": by_rule,
        "window_text": window_text(setup.rule),
        "format_text": format_text(setup.rule) if setup.rule.staff_threshold else "",
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "conferences/conference_create.html", context, status=status)


def _detail(request: HttpRequest, conference: Any, **forms: Any) -> dict[str, Any]:
    context = conference_context(request, conference)
    rule = context["rule"]
    context.update(
        {
            "window_text": window_text(rule),
            "format_text": format_text(rule),
            "cap_text": cap_text(rule, conference.format) if conference.format else "",
            "agenda": selectors.agenda_of(conference),
            "report": selectors.check_list(conference),
            "edit_form": forms.get("edit_form")
            or ConferenceEditForm(
                initial={
                    "held_on": conference.held_on,
                    "session": conference.session,
                    "start_time": conference.start_time,
                    "venue": conference.venue,
                }
            ),
            "format_form": forms.get("format_form")
            or FormatChoiceForm(initial={"chosen_format": conference.format or None}),
            "proposal_form": forms.get("proposal_form")
            or CapProposalForm(initial={"proposed": conference.council_proposed_cap}),
            "cap_form": forms.get("cap_form")
            or CapDecisionForm(initial={"cap": conference.cap or conference.council_proposed_cap}),
        }
    )
    return context


@login_required
def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(request, "conferences/conference_detail.html", _detail(request, conference))


def _post(
    request: HttpRequest, pk: int, form_class: Any, key: str, action: Any, *, role: str
) -> HttpResponse:
    """Parse ``form_class``, call ``action(conference, cleaned_data)``; on refusal show the page
    again with the form's error. ``role`` is checked before the form is read (404 outside the
    scope, 403 without it), so a bad body never answers before the permission does."""
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, role, conference.unit)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(conference, form.cleaned_data)
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("conferences:conference-detail", conference.pk)
    context = _detail(request, conference, **{key: form})
    return render(request, "conferences/conference_detail.html", context, status=400)


@login_required
@require_POST
def conference_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        ConferenceEditForm,
        "edit_form",
        lambda c, d: services.update_conference(c, by=request.user, **d),
        role="conferences.manage",
    )


@login_required
@require_POST
def format_choose(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        FormatChoiceForm,
        "format_form",
        lambda c, d: services.choose_format(
            c, by=request.user, chosen_format=d["chosen_format"], reason=d["reason"]
        ),
        role="conferences.manage",
    )


@login_required
@require_POST
def cap_propose(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        CapProposalForm,
        "proposal_form",
        lambda c, d: services.propose_cap(
            c, by=request.user, proposed=d["proposed"], reference=d["reference"]
        ),
        role="conferences.propose_cap",
    )


@login_required
@require_POST
def cap_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(
        request,
        pk,
        CapDecisionForm,
        "cap_form",
        lambda c, d: services.decide_cap(c, by=request.user, cap=d["cap"]),
        role="conferences.manage",
    )
