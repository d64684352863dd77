from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards import selectors, services
from thidua.awards.enums import ItemStatus, ProposalStatus
from thidua.awards.forms import (
    CandidateForm,
    DecideForm,
    EvidenceForm,
    OpinionForm,
    ProposalForm,
    ReviewForm,
)
from thidua.awards.models import Evidence, Proposal, ProposalItem
from thidua.awards.views.common import can, proposal_for, refuse, selected_ids, signing
from thidua.core.errors import DomainError
from thidua.honorees import selectors as honoree_selectors
from thidua.honorees.models import Honoree
from thidua.units import access


@login_required
def proposal_create(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, unit_pk)
    access.require(request.user, "awards.propose", unit)
    scope = access.scope_for(request.user)
    form = ProposalForm(request.POST or None, movements=honoree_selectors.movements_visible(scope))
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.create_proposal(by=request.user, unit=unit, **form.cleaned_data)
        except DomainError as error:
            refuse(request, error)
        else:
            return redirect("awards:proposal-detail", pk=proposal.pk)
    return render(request, "awards/proposal_form.html", {"unit": unit, "form": form})


def _honorees(request: HttpRequest, proposal: Proposal):
    scope = access.scope_for(request.user)
    return scope.restrict(
        Honoree.objects.filter(unit__path__startswith=proposal.unit.path), "unit"
    ).order_by("search_name")


@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    unit = proposal.unit
    items = list(selectors.items_of(proposal))
    mine = {}
    if request.user.is_authenticated:
        for item in items:
            for opinion in item.opinions.all():
                if opinion.member_id == request.user.pk:
                    mine[item.pk] = opinion
    scope = access.scope_for(request.user)
    others = []
    if proposal.status == ProposalStatus.DRAFT and can(request, "awards.assemble", unit):
        others = list(
            selectors.proposals_in(scope)
            .filter(unit=unit, status=ProposalStatus.DRAFT)
            .exclude(pk=proposal.pk)
        )
    rows = [(item, mine.get(item.pk)) for item in items]
    return render(
        request,
        "awards/proposal_detail.html",
        {
            "proposal": proposal,
            "rows": rows,
            "approved": [i for i in items if i.status == ItemStatus.APPROVED],
            "others": others,
            "submissions": list(proposal.submissions.select_related("to_unit", "document")),
            "decisions": list(proposal.decisions.select_related("unit")),
            "candidate_form": CandidateForm(honorees=_honorees(request, proposal)),
            "evidence_form": EvidenceForm(),
            "opinion_form": OpinionForm(),
            "review_form": ReviewForm(),
            "decide_form": DecideForm(),
            "can": {
                "propose": can(request, "awards.propose", unit),
                "assemble": can(request, "awards.assemble", unit),
                "review": can(request, "awards.review", unit),
                "decide": can(request, "awards.decide", unit),
                "submit": can(request, "awards.submit", unit),
            },
        },
    )


@login_required
@require_POST
def candidate_add(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.propose", proposal.unit)
    form = CandidateForm(request.POST, honorees=_honorees(request, proposal))
    if not form.is_valid():
        messages.error(request, _("Thông tin người được đề nghị chưa hợp lệ."))
        return redirect("awards:proposal-detail", pk=pk)
    data = form.cleaned_data
    try:
        services.add_candidate(
            proposal,
            by=request.user,
            honoree=data["honoree"],
            award_form=data["award_form"],
            achievement=data["achievement"],
            rating=data["rating"],
            research_accepted=data["research_accepted"],
            excellent_years=data["excellent_years"] or 0,
        )
    except DomainError as error:
        refuse(request, error)
    return redirect("awards:proposal-detail", pk=pk)


def _item_for(request: HttpRequest, proposal: Proposal, item_pk: int) -> ProposalItem:
    item = (
        proposal.items.select_related("proposal", "honoree", "award_form")
        .filter(pk=item_pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


@login_required
@require_POST
def candidate_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.propose", proposal.unit)
    try:
        services.remove_candidate(_item_for(request, proposal, item_pk), by=request.user)
    except DomainError as error:
        refuse(request, error)
    return redirect("awards:proposal-detail", pk=pk)


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.propose", proposal.unit)
    item = _item_for(request, proposal, item_pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn tệp."))
        return redirect("awards:proposal-detail", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        services.attach_evidence(
            item,
            by=request.user,
            name=upload.name,
            data=upload.read(),
            description=form.cleaned_data["description"],
        )
    except DomainError as error:
        refuse(request, error)
    return redirect("awards:proposal-detail", pk=pk)


@login_required
def evidence_download(request: HttpRequest, token: str) -> FileResponse:
    evidence = access.get_for(
        request.user,
        Evidence.objects.select_related("item__proposal__unit"),
        unit_field="item__proposal__unit",
        token=token,
    )
    access.require(request.user, "awards.view", evidence.item.proposal.unit)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@login_required
@require_POST
def proposal_merge(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.assemble", proposal.unit)
    scope = access.scope_for(request.user)
    ids = [int(v) for v in request.POST.getlist("sources") if v.isdigit()]
    sources = list(selectors.proposals_in(scope).filter(pk__in=ids))
    try:
        services.merge_proposals(proposal, sources, by=request.user)
    except DomainError as error:
        refuse(request, error)
    return redirect("awards:proposal-detail", pk=pk)


@login_required
@require_POST
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.assemble", proposal.unit)
    try:
        services.submit_for_review(proposal, by=request.user)
    except DomainError as error:
        refuse(request, error)
    else:
        messages.success(request, _("Đã gửi Hội đồng Thi đua - Khen thưởng."))
    return redirect("awards:proposal-detail", pk=pk)


@login_required
@require_POST
def opinion_record(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.review", proposal.unit)
    form = OpinionForm(request.POST)
    if form.is_valid():
        try:
            services.record_opinion(
                _item_for(request, proposal, item_pk), by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            refuse(request, error)
    return redirect("awards:proposal-detail", pk=pk)


@login_required
@require_POST
def review_close(request: HttpRequest, pk: int) -> HttpResponse:
    """The council's vote: counts per candidate (fields for_<id>, against_<id>, abstain_<id>);
    a candidate without counts is counted from the members' recorded opinions."""
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.review", proposal.unit)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày họp và số thành viên có mặt chưa hợp lệ."))
        return redirect("awards:proposal-detail", pk=pk)
    votes: dict[int, tuple[int, int, int]] = {}
    for item_id in proposal.items.values_list("pk", flat=True):
        raw = [
            request.POST.get(f"{k}_{item_id}", "").strip() for k in ("for", "against", "abstain")
        ]
        if any(raw):
            try:
                votes[item_id] = (int(raw[0] or 0), int(raw[1] or 0), int(raw[2] or 0))
            except ValueError:
                messages.error(request, _("Số phiếu phải là số."))
                return redirect("awards:proposal-detail", pk=pk)
    try:
        services.close_review(
            proposal,
            by=request.user,
            held_on=form.cleaned_data["held_on"],
            members_present=form.cleaned_data["members_present"],
            votes=votes or None,
        )
    except DomainError as error:
        refuse(request, error)
    else:
        messages.success(request, _("Đã ghi kết quả biểu quyết và lập biên bản."))
    return redirect("awards:proposal-detail", pk=pk)


def _selected(request: HttpRequest, proposal: Proposal) -> list[ProposalItem]:
    return list(proposal.items.filter(pk__in=selected_ids(request)))


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.decide", proposal.unit)
    data = signing(request)
    if data is None:
        return redirect("awards:proposal-detail", pk=pk)
    try:
        decision = services.decide(
            proposal, by=request.user, items=_selected(request, proposal), **data
        )
    except DomainError as error:
        refuse(request, error)
        if error.code == "awards.beyond_authority":
            messages.info(request, _("Chọn những người này rồi bấm “Lập tờ trình lên cấp trên”."))
        return redirect("awards:proposal-detail", pk=pk)
    messages.success(
        request, _("Đã ban hành Quyết định số %(symbol)s.") % {"symbol": decision.symbol}
    )
    return redirect("awards:decision-detail", pk=decision.pk)


@login_required
@require_POST
def proposal_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_for(request, pk)
    access.require(request.user, "awards.submit", proposal.unit)
    data = signing(request)
    if data is None:
        return redirect("awards:proposal-detail", pk=pk)
    try:
        submission = services.escalate(
            proposal,
            by=request.user,
            items=_selected(request, proposal),
            submitted_on=data["decided_on"],
            signer_name=data["signer_name"],
        )
    except DomainError as error:
        refuse(request, error)
        return redirect("awards:proposal-detail", pk=pk)
    messages.success(
        request,
        _("Đã trình %(unit)s: Tờ trình số %(symbol)s.")
        % {"unit": submission.to_unit, "symbol": submission.document.symbol},
    )
    return redirect("awards:submission-detail", pk=submission.pk)
