"""Pages of the elections app: the upper unit's allocation and who sent lists, a conference's
nominees and polls, a poll's conduct (open, count, close, certify), and the two public pages
of the electronic vote (the ballot by token, the receipt check)."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from thidua.campaigns import selectors as campaign_selectors
from thidua.conferences.models import Conference
from thidua.core.errors import DomainError
from thidua.elections import paper, selectors, services
from thidua.elections.enums import PollScope
from thidua.elections.forms import AllocationForm, CorrectionForm, PollForm, RulesForm
from thidua.elections.models import Poll
from thidua.elections.services import voting
from thidua.elections.tally import WHOLE_LIST
from thidua.units import access


def _perms(request: HttpRequest, unit: Any) -> dict[str, bool]:
    scope = access.scope_for(request.user)
    return {
        "can_allocate": scope.can("elections.allocate", unit),
        "can_manage": scope.can("elections.manage", unit),
        "can_count": scope.can("elections.count", unit),
        "can_certify": scope.can("elections.certify", unit),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    page = Paginator(selectors.conferences_in(scope), 50).get_page(request.GET.get("page"))
    polls = selectors.polls_in(scope)[:20]
    return render(request, "elections/index.html", {"page": page, "polls": polls})


# --- The upper unit ------------------------------------------------------------------------------


@login_required
def allocation(request: HttpRequest, pk: int) -> HttpResponse:
    """The upper conference's unit allocates seats to its sub-units; sees who sent lists and
    the certified delegates with their quota."""
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "elections.view", conference.unit)
    units = services.sub_units(conference.unit, conference.campaign)
    current = (
        selectors.allocations_in(access.scope_for(request.user))
        .filter(campaign=conference.campaign, unit=conference.unit)
        .first()
    )
    initial = (
        {"seats": current.seats, "method": current.method, "weight_source": current.weight_source,
         "min_per_unit": current.min_per_unit}
        if current else {}
    )  # fmt: skip
    if request.method == "POST":  # the role first: a refusal never depends on the form
        access.require(request.user, "elections.allocate", conference.unit)
    form = AllocationForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.allocate(
                conference.campaign,
                conference.unit,
                by=request.user,
                seats=data["seats"],
                method=data["method"],
                weight_source=data["weight_source"],
                min_per_unit=data["min_per_unit"],
                caps=form.caps(),
                typed=form.typed(),
                categories=form.categories(),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu phân bổ đại biểu."))
            return redirect("elections:allocation", pk=conference.pk)
    names = {str(u.pk): u.name for u in units}
    statuses = selectors.sub_unit_statuses(current) if current else []
    rules = selectors.voting_rules(conference.campaign)
    scope = access.scope_for(request.user)
    return render(
        request,
        "elections/allocation.html",
        {
            "conference": conference,
            "allocation": current,
            "form": form,
            "names": names,
            "statuses": statuses,
            "missing": [s for s in statuses if not s.sent],
            "pool": selectors.upper_pool(conference),
            "rules": rules,
            "rules_form": RulesForm(initial=_rules_initial(rules)),
            "can_set_rules": conference.unit_id == conference.campaign.issuer_id
            and scope.can("campaigns.manage", conference.unit),
            **_perms(request, conference.unit),
        },
    )


def _rules_initial(rules: Any) -> dict[str, Any]:
    fields = ("quorum", "quorum_strict", "threshold", "threshold_strict", "threshold_base",
              "paper_reserve")  # fmt: skip
    return {f: getattr(rules, f) for f in fields}


@login_required
@require_POST
def rules_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The campaign's own voting rules (from its issuer's conference page)."""
    conference = selectors.get_conference_for(request.user, pk)
    campaign = campaign_selectors.get_campaign_for(request.user, conference.campaign_id)
    access.require(request.user, "campaigns.manage", campaign.issuer)
    form = RulesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Quy định biểu quyết chưa hợp lệ."))
    else:
        try:
            services.set_campaign_rules(campaign, by=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã lưu quy định biểu quyết của kế hoạch."))
    return redirect("elections:allocation", pk=conference.pk)


# --- The lower conference ------------------------------------------------------------------------


@login_required
def conference(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "elections.view", conference.unit)
    allocation = selectors.allocation_for(conference)
    return render(
        request,
        "elections/conference.html",
        {
            "conference": conference,
            "allocation": allocation,
            "quota": allocation.seats_of(conference.unit_id) if allocation else None,
            "nominees": selectors.nominees_of(conference),
            "nominable": selectors.nominable(conference),
            "honorees": selectors.pool_honorees(access.scope_for(request.user), conference),
            "report": selectors.check_nominees(conference),
            "polls": selectors.polls_of(conference),
            "poll_form": PollForm(),
            **_perms(request, conference.unit),
        },
    )


def _conference_for(request: HttpRequest, pk: int) -> Conference:
    return selectors.get_conference_for(request.user, pk)


@login_required
@require_POST
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference_for(request, pk)
    ids = [int(v) for v in request.POST.getlist("delegate") if v.isdigit()]
    try:
        services.nominate(conference, by=request.user, delegate_ids=ids)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("elections:conference", pk=conference.pk)


@login_required
@require_POST
def nominate_honoree(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference_for(request, pk)
    access.require(request.user, "elections.manage", conference.unit)
    value = request.POST.get("honoree", "")
    try:
        if not value.isdigit():
            raise DomainError("elections.honoree_missing", _("Cần chọn một điển hình."))
        services.nominate_honoree(conference, by=request.user, honoree_id=int(value))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("elections:conference", pk=conference.pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference_for(request, pk)
    access.require(request.user, "elections.manage", conference.unit)
    value = request.POST.get("nominee", "")
    nominee = (
        selectors.nominees_of(conference).filter(pk=int(value)).first() if value.isdigit() else None
    )
    if nominee is not None:
        try:
            services.withdraw(nominee, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
    return redirect("elections:conference", pk=conference.pk)


@login_required
@require_POST
def poll_create(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference_for(request, pk)
    access.require(request.user, "elections.manage", conference.unit)
    form = PollForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Thông tin cuộc biểu quyết chưa hợp lệ."))
        return redirect("elections:conference", pk=conference.pk)
    data = form.cleaned_data
    try:
        poll = services.create_poll(
            conference,
            by=request.user,
            procedure=data["procedure"],
            scope=data["scope"],
            seats=data["seats"],
            paper_reserve=data["paper_reserve"],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("elections:conference", pk=conference.pk)
    return redirect("elections:poll", pk=poll.pk)


# --- The poll ------------------------------------------------------------------------------------


def _candidates(poll: Poll) -> list[tuple[str, str]]:
    if poll.scope == PollScope.WHOLE_LIST:
        return [(WHOLE_LIST, _("Cả danh sách"))]
    return [(str(c.pk), c.name) for c in poll.candidates.all()]


def _result_rows(poll: Poll) -> list[dict[str, Any]]:
    result = poll.result or {}
    elected = set(result.get("elected", []))
    runoff = set(result.get("runoff", []))
    return [
        {
            "key": key,
            "name": name,
            "votes": result.get("votes", {}).get(key),
            "needed": result.get("needed", {}).get(key),
            "elected": key in elected,
            "runoff": key in runoff,
        }
        for key, name in _candidates(poll)
    ]


@login_required
def poll(request: HttpRequest, pk: int) -> HttpResponse:
    poll = selectors.get_poll_for(request.user, pk)
    access.require(request.user, "elections.view", poll.conference.unit)
    return render(request, "elections/poll.html", _poll_context(request, poll))


def _poll_context(request: HttpRequest, poll: Poll, **extra: Any) -> dict[str, Any]:
    return {
        "poll": poll,
        "conference": poll.conference,
        "candidates": _candidates(poll),
        "rows": _result_rows(poll),
        "settings_text": poll.tally_settings().quorum_text(poll.entitled or 0, poll.present or 0),
        "threshold_text": poll.tally_settings().threshold_text(poll.present or 0),
        "boxes": poll.box_entries.order_by("box", "entry"),
        "ballots": poll.ballots.count() if poll.procedure == "electronic" else None,
        "certification": selectors.current_certification(poll),
        "certifications": selectors.certifications_of(poll),
        "correction_form": CorrectionForm(),
        "runoff": poll.runoffs.first(),
        "unused": services.unused_electors(poll)
        if poll.is_open and poll.procedure == "electronic"
        else [],
        **_perms(request, poll.conference.unit),
        **extra,
    }


def _act(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    poll = selectors.get_poll_for(request.user, pk)
    try:
        action(poll)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("elections:poll", pk=poll.pk)


@login_required
@require_POST
def poll_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the vote; for the electronic vote this response is the only time the voting slips
    (token, link, QR code) are shown: print them for the delegates."""
    poll = selectors.get_poll_for(request.user, pk)
    try:
        tokens = services.open_poll(poll, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("elections:poll", pk=poll.pk)
    if not tokens:
        messages.success(request, _("Đã bắt đầu biểu quyết."))
        return redirect("elections:poll", pk=poll.pk)
    return _slips(request, poll, tokens)


def _slips(request: HttpRequest, poll: Poll, tokens: list[tuple[Any, str]]) -> HttpResponse:
    slips = []
    for delegate, token in tokens:
        url = request.build_absolute_uri(reverse("elections:vote", args=[token]))
        slips.append(
            {"name": delegate.name, "token": token, "url": url,
             "qr": segno.make(url, error="m").svg_data_uri(scale=3)}
        )  # fmt: skip
    response = render(request, "elections/slips.html", {"poll": poll, "slips": slips})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def poll_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    """A new slip for a delegate who lost theirs (their old token stops working)."""
    poll = selectors.get_poll_for(request.user, pk)
    access.require(request.user, "elections.manage", poll.conference.unit)
    value = request.POST.get("delegate", "")
    try:
        if not value.isdigit():
            raise DomainError("elections.not_elector", _("Cần chọn một đại biểu."))
        pair = services.reissue_token(poll, by=request.user, delegate_id=int(value))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("elections:poll", pk=poll.pk)
    return _slips(request, poll, [pair])


@login_required
@require_POST
def poll_hands(request: HttpRequest, pk: int) -> HttpResponse:
    poll = selectors.get_poll_for(request.user, pk)
    counts: dict[str, tuple[int, int, int]] = {}
    for key, _name in _candidates(poll):
        yes, no, abstain = (_number(request, f"{part}_{key}") for part in ("yes", "no", "abst"))
        counts[key] = (yes, no, abstain)
    return _act(request, pk, lambda p: services.record_hands(p, by=request.user, counts=counts),
                _("Đã ghi kết quả giơ tay."))  # fmt: skip


def _number(request: HttpRequest, name: str) -> int:
    value = request.POST.get(name, "").strip()
    return int(value) if value.isdigit() else 0


@login_required
@require_POST
def poll_box(request: HttpRequest, pk: int) -> HttpResponse:
    poll = selectors.get_poll_for(request.user, pk)
    approvals = {key: _number(request, f"approve_{key}") for key, _n in _candidates(poll)}
    return _act(
        request,
        pk,
        lambda p: services.record_box(
            p,
            by=request.user,
            box=request.POST.get("box", ""),
            entry=_number(request, "entry"),
            cast=_number(request, "cast"),
            invalid=_number(request, "invalid"),
            approvals=approvals,
        ),
        _("Đã nhập kết quả hòm phiếu."),
    )


@login_required
def poll_ballots(request: HttpRequest, pk: int) -> HttpResponse:
    """The numbered paper ballots (PDF), one per present delegate plus the reserve."""
    poll = selectors.get_poll_for(request.user, pk)
    access.require(request.user, "elections.manage", poll.conference.unit)
    if poll.ballots_issued is None:
        messages.error(request, _("Phiếu được in sau khi bắt đầu biểu quyết (theo số có mặt)."))
        return redirect("elections:poll", pk=poll.pk)
    names = [name for _key, name in _candidates(poll)]
    response = HttpResponse(
        paper.ballots_pdf(poll, names, poll.ballots_issued), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="phieu-bieu-quyet-{poll.pk}.pdf"'
    return response


@login_required
@require_POST
def poll_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda p: services.close_poll(p, by=request.user),
                _("Đã kết thúc biểu quyết và kiểm phiếu."))  # fmt: skip


@login_required
@require_POST
def poll_runoff(request: HttpRequest, pk: int) -> HttpResponse:
    poll = selectors.get_poll_for(request.user, pk)
    try:
        runoff = services.start_runoff(poll, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("elections:poll", pk=poll.pk)
    return redirect("elections:poll", pk=runoff.pk)


@login_required
@require_POST
def poll_certify(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda p: services.certify(p, by=request.user),
                _("Đã chứng nhận kết quả và cử đại biểu lên cấp trên."))  # fmt: skip


@login_required
@require_POST
def poll_correct(request: HttpRequest, pk: int) -> HttpResponse:
    ids = [int(v) for v in request.POST.getlist("delegate") if v.isdigit()]
    reason = request.POST.get("reason", "")
    return _act(
        request,
        pk,
        lambda p: services.correct(p, by=request.user, reason=reason, delegate_ids=ids),
        _("Đã chứng nhận bản đính chính."),
    )


# --- Public: the voter's phone -------------------------------------------------------------------


@never_cache
def vote(request: HttpRequest, token: str) -> HttpResponse:
    """The ballot of a one-time token, without logging in."""
    elector = voting.elector_for_token(token)
    if elector is None:
        return render(request, "elections/vote.html", {"unknown": True}, status=404)
    poll = elector.poll
    context: dict[str, Any] = {
        "poll": poll,
        "choices": voting.choices_of(poll),
        "used": elector.used,
    }
    if request.method == "POST":
        try:
            receipt = services.cast_ballot(token, request.POST.getlist("choice"))
        except DomainError as error:
            context["error"] = error.message
        else:
            context["receipt"] = receipt
            context["used"] = True
    return render(request, "elections/vote.html", context)


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    """Public: is the ballot of this receipt code in the count?"""
    code = request.GET.get("ma", "").strip()
    ballot = services.receipt_status(code) if code else None
    return render(
        request,
        "elections/receipt.html",
        {"code": code, "ballot": ballot, "counted": ballot is not None and voting.counted(ballot)},
    )
