"""What the proceedings' pages share: the conference (through the access gate), the
permissions, the refusal display."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from thidua.conferences import selectors as conference_selectors
from thidua.conferences.models import Conference
from thidua.core.errors import DomainError
from thidua.documents.spec import IssuingBody
from thidua.proceedings.services import summary_issuer
from thidua.units import access


def conference_for(request: HttpRequest, pk: int) -> Conference:
    """The conference in the user's scope, or 404."""
    return conference_selectors.get_conference_for(request.user, pk)


def context(request: HttpRequest, conference: Conference, tab: str) -> dict[str, Any]:
    scope = access.scope_for(request.user)
    unit = conference.unit
    return {
        "conference": conference,
        "campaign": conference.campaign,
        "tab": tab,
        "can_manage": scope.can("proceedings.manage", unit),
        "can_write": scope.can("proceedings.write_report", unit),
        "can_issue": scope.can("documents.issue", unit)
        and scope.can("proceedings.write_report", unit),
    }


def refused(request: HttpRequest, error: DomainError, form: Any = None) -> None:
    if form is not None:
        form.add_error(None, error.message)
    else:
        messages.error(request, error.message)


def back(name: str, conference: Conference) -> HttpResponse:
    return redirect(name, conference.pk)


def issuing_body(conference: Conference) -> IssuingBody:
    """The unit's issuer for a draft; a People's Committee heading when none is declared."""
    issuer = summary_issuer(conference)
    if issuer is not None:
        return issuer.body()
    unit = conference.unit
    return IssuingBody(
        name=("ỦY BAN NHÂN DÂN", unit.name.upper()),
        abbreviation="UBND",
        place=unit.short_name or unit.name,
    )


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
