"""The delegate page: the list, the reserve, the pool, the checker live (htmx: every add or
removal answers the whole workspace, checker included), hand entries, approval."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.conferences import rules, selectors, services
from thidua.conferences.forms import ApproveForm, ManualDelegateForm, ReasonForm
from thidua.conferences.models import Conference
from thidua.conferences.views.common import conference_context, refused
from thidua.core.errors import DomainError
from thidua.core.htmx import is_htmx
from thidua.units import access

POOL_SHOWN = 50


def workspace_context(request: HttpRequest, conference: Conference) -> dict[str, Any]:
    """The list, the reserve, the checker's report and the pool (filtered by ``q``)."""
    everyone = list(selectors.delegates_of(conference))
    on_list = [d for d in everyone if d.status in rules.ON_LIST and not d.is_walk_in]
    reserve = [d for d in everyone if d.status == rules.RESERVE]
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()
    pool: list[selectors.PoolCandidate] = []
    can_manage = access.can(request.user, "conferences.manage", conference.unit)
    if can_manage and not conference.is_list_approved:
        taken = {d.honoree_id for d in everyone if d.honoree_id and d.status in rules.ON_LIST}
        found = selectors.honoree_pool(access.scope_for(request.user), conference)
        pool = [c for c in selectors.search_pool(found, query) if c.honoree_id not in taken]
    report = selectors.check_list(conference, on_list)
    return {
        "conference": conference,
        "on_list": on_list,
        "reserve": reserve,
        "report": report,
        "emphases": selectors.emphases(conference),
        "pool": pool[:POOL_SHOWN],
        "pool_more": max(0, len(pool) - POOL_SHOWN),
        "query": query,
        "can_manage": can_manage and not conference.is_list_approved,
        "effective_cap": selectors.effective_cap(conference),
    }


def _page(request: HttpRequest, conference: Conference, **forms: Any) -> dict[str, Any]:
    context = conference_context(request, conference)
    context.update(workspace_context(request, conference))
    context["can_manage_page"] = context["can_manage"]
    context["manual_form"] = forms.get("manual_form") or ManualDelegateForm(unit=conference.unit)
    context["approve_form"] = forms.get("approve_form") or ApproveForm()
    context["reopen_form"] = forms.get("reopen_form") or ReasonForm()
    return context


@login_required
def delegates(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(request, "conferences/delegates.html", _page(request, conference))


@login_required
def workspace(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(request, "conferences/_workspace.html", workspace_context(request, conference))


def _answer(request: HttpRequest, conference: Conference) -> HttpResponse:
    """htmx: the refreshed workspace (with the checker); otherwise back to the page."""
    if is_htmx(request):
        conference = selectors.get_conference_for(request.user, conference.pk)
        return render(
            request, "conferences/_workspace.html", workspace_context(request, conference)
        )
    return redirect("conferences:delegates", conference.pk)


def _refused_answer(
    request: HttpRequest, conference: Conference, error: DomainError
) -> HttpResponse:
    if is_htmx(request):
        conference = selectors.get_conference_for(request.user, conference.pk)
        context = workspace_context(request, conference)
        context["error"] = error.message
        return render(request, "conferences/_workspace.html", context, status=400)
    refused(request, error)
    return redirect("conferences:delegates", conference.pk)


@login_required
@require_POST
def delegate_add(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        honoree_id = int(request.POST.get("honoree", ""))
    except ValueError:
        honoree_id = 0
    try:
        services.add_honoree_delegate(conference, by=request.user, honoree_id=honoree_id)
    except DomainError as error:
        return _refused_answer(request, conference, error)
    return _answer(request, conference)


def _on_delegate(request: HttpRequest, pk: int, action: Any) -> HttpResponse:
    delegate = selectors.get_delegate_for(request.user, pk)
    try:
        action(delegate, by=request.user)
    except DomainError as error:
        return _refused_answer(request, delegate.conference, error)
    return _answer(request, delegate.conference)


@login_required
@require_POST
def delegate_remove(request: HttpRequest, pk: int) -> HttpResponse:
    return _on_delegate(request, pk, services.remove_delegate)


@login_required
@require_POST
def delegate_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _on_delegate(request, pk, services.restore_delegate)


@login_required
@require_POST
def delegate_manual(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.manage", conference.unit)  # before the form
    form = ManualDelegateForm(request.POST, unit=conference.unit)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.add_manual_delegate(
                conference,
                by=request.user,
                category=data.pop("category"),
                name=data.pop("name"),
                **data,
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, _("Đã thêm đại biểu."))
            return redirect("conferences:delegates", conference.pk)
    context = _page(request, conference, manual_form=form)
    return render(request, "conferences/delegates.html", context, status=400)


@login_required
@require_POST
def list_approve(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.approve_list", conference.unit)  # before the form
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            approved = services.approve_delegate_list(
                conference, by=request.user, override_reason=form.cleaned_data["override_reason"]
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            if approved.list_override_reason:
                messages.warning(
                    request, _("Đã duyệt danh sách khi chưa đạt cơ cấu (có ghi lý do).")
                )
            else:
                messages.success(request, _("Đã duyệt danh sách đại biểu."))
            return redirect("conferences:delegates", conference.pk)
    context = _page(request, conference, approve_form=form)
    return render(request, "conferences/delegates.html", context, status=400)


@login_required
@require_POST
def list_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.approve_list", conference.unit)  # before the form
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.reopen_delegate_list(
                conference, by=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, _("Đã mở lại danh sách."))
            return redirect("conferences:delegates", conference.pk)
    context = _page(request, conference, reopen_form=form)
    return render(request, "conferences/delegates.html", context, status=400)
