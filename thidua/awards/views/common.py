from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from thidua.awards.models import Decision, Proposal, Submission
from thidua.core.errors import DomainError
from thidua.units import access


def refuse(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, error.message)


def proposal_for(request: HttpRequest, pk: int) -> Proposal:
    proposal = access.get_for(
        request.user, Proposal.objects.select_related("unit", "movement", "minutes"), pk=pk
    )
    access.require(request.user, "awards.view", proposal.unit)
    return proposal


def submission_for(request: HttpRequest, pk: int) -> Submission:
    """Visible to the sending unit's scope (which includes every level above it)."""
    submission = access.get_for(
        request.user,
        Submission.objects.select_related(
            "from_unit", "to_unit", "holder_unit", "document", "proposal", "decision", "parent"
        ),
        unit_field="from_unit",
        pk=pk,
    )
    access.require(request.user, "awards.view", submission.from_unit)
    return submission


def decision_for(request: HttpRequest, pk: int) -> Decision:
    decision = access.get_for(
        request.user,
        Decision.objects.select_related("unit", "office", "document", "proposal"),
        pk=pk,
    )
    access.require(request.user, "awards.view", decision.unit)
    return decision


def selected_ids(request: HttpRequest) -> list[int]:
    out = []
    for value in request.POST.getlist("items"):
        try:
            out.append(int(value))
        except ValueError:
            continue
    return out


def signing(request: HttpRequest) -> dict[str, Any] | None:
    """The date, signer and capacity of a decision or a Tờ trình from the POST; None (with the
    message shown) when the date is not valid."""
    from thidua.awards.forms import DecideForm

    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày ký chưa hợp lệ."))
        return None
    return dict(form.cleaned_data)


def can(request: HttpRequest, action: str, unit: Any) -> bool:
    return access.can(request.user, action, unit)
