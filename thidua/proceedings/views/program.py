"""Presentations (tham luận, R11) and side activities (R9)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from thidua.core.errors import DomainError
from thidua.proceedings import selectors, services
from thidua.proceedings.forms import PresentationForm, SideActivityForm
from thidua.proceedings.views.common import back, conference_for, context, refused
from thidua.units import access


def _presentation_form(conference: Any, data: Any = None) -> PresentationForm:
    items = selectors.presentation_items(conference)
    initial = {}
    default = items.filter(position=selectors.PRESENTATIONS_POSITION).first()
    if default is not None:
        initial["agenda_item"] = default.pk
    return PresentationForm(
        data,
        items=items,
        delegates=selectors.presenter_choices(conference),
        initial=initial,
    )


@login_required
def presentations(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    form = None
    status = 200
    if request.method == "POST":
        access.require(request.user, "proceedings.manage", conference.unit)
        form = _presentation_form(conference, request.POST)
        if form.is_valid():
            try:
                services.add_presentation(conference, by=request.user, **form.cleaned_data)
            except DomainError as error:
                refused(request, error, form)
            else:
                return back("proceedings:presentations", conference)
        status = 400
    page = context(request, conference, "presentations")
    page.update(
        {
            "page": selectors.presentations_page(conference),
            "form": form or _presentation_form(conference),
        }
    )
    return render(request, "proceedings/presentations.html", page, status=status)


@login_required
@require_POST
def presentation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    presentation = selectors.get_presentation_for(request.user, pk)
    conference = presentation.conference
    try:
        services.remove_presentation(presentation, by=request.user)
    except DomainError as error:
        refused(request, error)
    return back("proceedings:presentations", conference)


@login_required
def activities(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    form = None
    status = 200
    if request.method == "POST":
        access.require(request.user, "proceedings.manage", conference.unit)
        form = SideActivityForm(request.POST)
        if form.is_valid():
            try:
                services.add_side_activity(conference, by=request.user, **form.cleaned_data)
            except DomainError as error:
                refused(request, error, form)
            else:
                return back("proceedings:activities", conference)
        status = 400
    page = context(request, conference, "activities")
    page.update(
        {
            "activities": selectors.side_activities_of(conference),
            "form": form or SideActivityForm(initial={"held_on": conference.held_on}),
        }
    )
    return render(request, "proceedings/activities.html", page, status=status)


@login_required
@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_side_activity_for(request.user, pk)
    conference = activity.conference
    try:
        services.remove_side_activity(activity, by=request.user)
    except DomainError as error:
        refused(request, error)
    return back("proceedings:activities", conference)
