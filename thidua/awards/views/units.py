from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.awards import selectors
from thidua.awards.forms import AuthorityDateForm
from thidua.units import access
from thidua.units.context_processors import active_membership

LIST_SIZE = 20


@login_required
def index(request: HttpRequest) -> HttpResponse:
    membership = active_membership(request)
    if membership is None:
        return redirect("awards:register")
    return redirect("awards:unit-awards", unit_pk=membership.unit_id)


@login_required
def unit_awards(request: HttpRequest, unit_pk: int) -> HttpResponse:
    """A unit's awards: its proposals, its inbox (submissions from below), what it sent up and
    the outcome, its decisions, and the statistics."""
    unit = access.get_unit_for(request.user, unit_pk)
    access.require(request.user, "awards.view", unit)
    scope = access.scope_for(request.user)
    return render(
        request,
        "awards/unit_awards.html",
        {
            "unit": unit,
            "proposals": list(selectors.proposals_in(scope, unit).filter(unit=unit)[:LIST_SIZE]),
            "inbox": list(selectors.inbox(scope, unit)[:LIST_SIZE]),
            "outbox": list(selectors.outbox(scope, unit)[:LIST_SIZE]),
            "decisions": list(selectors.decisions_in(scope, unit).filter(unit=unit)[:LIST_SIZE]),
            "summary": selectors.award_statistics(scope, unit),
            "can_propose": access.can(request.user, "awards.propose", unit),
        },
    )


@login_required
def authority(request: HttpRequest) -> HttpResponse:
    """The authority table in force on a date (read-only; administrators edit it)."""
    form = AuthorityDateForm(request.GET or None)
    on = form.cleaned_data["on"] if form.is_valid() else timezone.localdate()
    rows = list(selectors.authority_rows_on(on))
    offices: dict[object, list[object]] = {}
    for row in rows:
        offices.setdefault(row.office, []).append(row)
    return render(
        request, "awards/authority.html", {"form": form, "on": on, "offices": offices.items()}
    )
