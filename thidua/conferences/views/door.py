"""The check-in page at the door (phone-friendly): scan (camera or typed code), search by name,
walk-ins. The scan and walk-in endpoints answer JSON for static/conferences/checkin.js."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from thidua.conferences import checkin, selectors
from thidua.core.errors import DomainError
from thidua.honorees.enums import Gender
from thidua.units import access


@login_required
def checkin_page(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.checkin", conference.unit)
    return render(
        request,
        "conferences/checkin.html",
        {
            "conference": conference,
            "attendance": checkin.attendance(conference),
            "categories": [(c.value, c.label) for c in checkin.WALK_IN_CATEGORIES],
            "genders": Gender.choices,
        },
    )


@login_required
@require_POST
def scan(request: HttpRequest, pk: int) -> JsonResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        result = checkin.check_in(
            conference,
            by=request.user,
            nonce=request.POST.get("nonce", ""),
            token=request.POST.get("token", ""),
            delegate_id=request.POST.get("delegate") or None,
            gate=request.POST.get("gate", ""),
        )
    except DomainError as error:
        return JsonResponse({"outcome": "error", "message": error.message}, status=400)
    return JsonResponse(result.as_data())


@login_required
@require_POST
def walk_in(request: HttpRequest, pk: int) -> JsonResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        result = checkin.add_walk_in(
            conference,
            by=request.user,
            nonce=request.POST.get("nonce", ""),
            name=request.POST.get("name", ""),
            category=request.POST.get("category", "guest"),
            gender=request.POST.get("gender", ""),
            position=request.POST.get("position", ""),
            organization=request.POST.get("organization", ""),
            gate=request.POST.get("gate", ""),
        )
    except DomainError as error:
        return JsonResponse({"outcome": "error", "message": error.message}, status=400)
    return JsonResponse(result.as_data())


@login_required
def search(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.checkin", conference.unit)
    query = request.GET.get("q", "")
    found = checkin.find_delegates(conference, query)
    return render(
        request, "conferences/_checkin_found.html", {"found": found, "query": query.strip()}
    )
