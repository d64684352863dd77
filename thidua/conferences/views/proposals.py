"""The optimizer's pages: ask for a proposal (size, seed, must-include people, weights), read
it (why each person is in or out, the checker's report, conflicts and relaxation), apply it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.conferences import rules, selectors, services
from thidua.conferences.forms import ProposalForm
from thidua.conferences.models import Conference
from thidua.conferences.views.common import conference_context, refused
from thidua.core.errors import DomainError
from thidua.units import access


def _required_choices(conference: Conference) -> tuple[list[tuple[str, str]], list[str]]:
    """Everyone the organizer may mark as must-include: people entered by hand and honorees
    already on the list; leaders and people marked "required" are ticked by default."""
    choices, ticked = [], []
    for d in selectors.delegates_of(conference):
        if d.is_manual:
            key = rules.key(rules.DELEGATE_KEY, d.pk)
        elif d.honoree_id and d.status in rules.ON_LIST:
            key = rules.key(rules.HONOREE_KEY, d.honoree_id)
        else:
            continue
        choices.append((key, f"{d.name} ({d.get_category_display()})"))
        if d.required or d.category == rules.LEADER:
            ticked.append(key)
    return choices, ticked


def _context(request: HttpRequest, conference: Conference, form: Any = None) -> dict[str, Any]:
    choices, ticked = _required_choices(conference)
    if form is None:
        cap = selectors.effective_cap(conference)
        form = ProposalForm(
            required_choices=choices,
            initial={"size": cap or 10, "required": ticked, "source": "honorees"},
        )
    context = conference_context(request, conference)
    context.update({"form": form, "proposals": selectors.proposals_of(conference)[:20]})
    return context


@login_required
def proposal_create(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    if request.method != "POST":
        return render(request, "conferences/proposal_form.html", _context(request, conference))
    access.require(request.user, "conferences.manage", conference.unit)
    choices, _ticked = _required_choices(conference)
    form = ProposalForm(request.POST, required_choices=choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.propose_delegates(
                conference,
                by=request.user,
                size=data["size"],
                seed=data["seed"],
                required=data["required"],
                weights=form.weights(),
                source=data["source"],
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            return redirect("conferences:proposal-detail", proposal.pk)
    context = _context(request, conference, form)
    return render(request, "conferences/proposal_form.html", context, status=400)


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = selectors.get_proposal_for(request.user, pk)
    context = conference_context(request, proposal.conference)
    chosen = [e for e in proposal.pool if e["chosen"]]
    left = [e for e in proposal.pool if not e["chosen"]]
    context.update({"proposal": proposal, "chosen": chosen, "left": left})
    return render(request, "conferences/proposal_detail.html", context)


@login_required
@require_POST
def proposal_apply(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = selectors.get_proposal_for(request.user, pk)
    try:
        counts = services.apply_proposal(proposal, by=request.user)
    except DomainError as error:
        refused(request, error)
        return redirect("conferences:proposal-detail", proposal.pk)
    messages.success(
        request,
        _("Đã áp dụng đề xuất: thêm %(added)s, giữ %(kept)s, bỏ %(removed)s, chuyển dự bị "
          "%(reserved)s.") % counts,
    )  # fmt: skip
    return redirect("conferences:delegates", proposal.conference_id)
