from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards import selectors, services
from thidua.awards.enums import SubmissionStatus
from thidua.awards.forms import DecideForm, PrintForm, ReturnForm, RevokeForm
from thidua.awards.models import BlankLayout
from thidua.awards.views.common import can, decision_for, refuse, signing, submission_for
from thidua.core.errors import DomainError
from thidua.units import access


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = submission_for(request, pk)
    chain = []
    link = submission.parent
    while link is not None:
        chain.append(link)
        link = link.parent
    return render(
        request,
        "awards/submission_detail.html",
        {
            "submission": submission,
            "items": list(
                submission.items.select_related("honoree", "honoree__unit", "award_form")
            ),
            "below": chain,
            "above": list(submission.forwards.select_related("to_unit", "document")),
            "pending": submission.status == SubmissionStatus.PENDING,
            "can_decide": access.scope_for(request.user).contains(submission.to_unit)
            and can(request, "awards.decide", submission.to_unit),
            "decide_form": DecideForm(),
            "return_form": ReturnForm(),
        },
    )


def _upper_submission(request: HttpRequest, pk: int):
    submission = submission_for(request, pk)
    access.require(request.user, "awards.decide", submission.to_unit)
    return submission


@login_required
@require_POST
def submission_decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _upper_submission(request, pk)
    data = signing(request)
    if data is None:
        return redirect("awards:submission-detail", pk=pk)
    try:
        decision = services.decide_submission(submission, by=request.user, **data)
    except DomainError as error:
        refuse(request, error)
        return redirect("awards:submission-detail", pk=pk)
    messages.success(
        request, _("Đã ban hành Quyết định số %(symbol)s.") % {"symbol": decision.symbol}
    )
    return redirect("awards:decision-detail", pk=decision.pk)


@login_required
@require_POST
def submission_forward(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _upper_submission(request, pk)
    data = signing(request)
    if data is None:
        return redirect("awards:submission-detail", pk=pk)
    try:
        upward = services.forward(
            submission,
            by=request.user,
            on=data["decided_on"],
            signer_name=data["signer_name"],
        )
    except DomainError as error:
        refuse(request, error)
        return redirect("awards:submission-detail", pk=pk)
    return redirect("awards:submission-detail", pk=upward.pk)


@login_required
@require_POST
def submission_return(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _upper_submission(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.return_submission(submission, by=request.user, **form.cleaned_data)
        except DomainError as error:
            refuse(request, error)
    else:
        messages.error(request, _("Cần ghi lý do trả lại."))
    return redirect("awards:submission-detail", pk=pk)


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = decision_for(request, pk)
    entries = list(
        decision.entries.select_related("honoree", "unit", "award_form", "revocation").order_by(
            "position"
        )
    )
    has_layout = BlankLayout.objects.filter(issuer=decision.document.issuer).exists()
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "entries": entries,
            "print_form": PrintForm(),
            "revoke_form": RevokeForm(),
            "has_layout": has_layout,
            "can_print": can(request, "awards.print", decision.unit),
            "can_revoke": can(request, "awards.decide", decision.unit),
        },
    )


@login_required
@require_POST
def decision_print(request: HttpRequest, pk: int) -> HttpResponse:
    decision = decision_for(request, pk)
    access.require(request.user, "awards.print", decision.unit)
    form = PrintForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        batch = services.print_certificates(
            decision, by=request.user, mode=form.cleaned_data["mode"]
        )
    except DomainError as error:
        refuse(request, error)
        return redirect("awards:decision-detail", pk=pk)
    return redirect("documents:batch-detail", pk=batch.pk)


@login_required
@require_POST
def entry_revoke(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    decision = decision_for(request, pk)
    access.require(request.user, "awards.decide", decision.unit)
    entry = decision.entries.filter(pk=entry_pk).first()
    if entry is None:
        raise Http404
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do thu hồi."))
        return redirect("awards:decision-detail", pk=pk)
    try:
        services.revoke_entry(entry, by=request.user, **form.cleaned_data)
    except DomainError as error:
        refuse(request, error)
    else:
        messages.success(
            request, _("Đã thu hồi khen thưởng của %(name)s.") % {"name": entry.honoree}
        )
    return redirect("awards:decision-detail", pk=pk)


@login_required
def blank_calibration(request: HttpRequest, pk: int) -> HttpResponse:
    """The calibration sheet of a blank layout (grid, boxes, sample text) as a PDF."""
    layout = access.get_for(
        request.user,
        BlankLayout.objects.select_related("issuer__unit", "award_form").prefetch_related("fields"),
        unit_field="issuer__unit",
        pk=pk,
    )
    access.require(request.user, "awards.print", layout.issuer.unit)
    data = services.calibration_sheet(layout)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="can-chinh-phoi-{layout.pk}.pdf"'
    return response


@login_required
def decisions_list(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, unit_pk)
    access.require(request.user, "awards.view", unit)
    scope = access.scope_for(request.user)
    return render(
        request,
        "awards/decision_list.html",
        {"unit": unit, "decisions": list(selectors.decisions_in(scope, unit)[:200])},
    )
