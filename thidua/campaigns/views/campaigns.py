"""Campaign pages: list, create from a preset, read, edit every value, issue, plan preview."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns import deadlines, plan_document, selectors, services
from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.forms import (
    CampaignCreateForm,
    CampaignForm,
    CompositionRuleForm,
    LevelRuleForm,
    NarrativeForm,
    TaskForm,
)
from thidua.campaigns.models import Campaign, CampaignTask, CompositionRule, LevelRule
from thidua.campaigns.views.common import refused
from thidua.core import vietnamese
from thidua.core.errors import DomainError
from thidua.units import access


def _managed(request: HttpRequest, pk: int) -> Campaign:
    """A campaign the user may edit: 404 if invisible, 403 without the role on its issuer."""
    campaign = selectors.get_campaign_for(request.user, pk)
    access.require(request.user, "campaigns.manage", campaign.issuer)
    return campaign


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    page = Paginator(selectors.visible_campaigns(scope), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "campaigns/campaign_list.html",
        {"page": page, "can_create": selectors.manageable_units(scope).exists()},
    )


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    units = selectors.manageable_units(access.scope_for(request.user)).order_by("search_name")
    if not units.exists():
        raise Http404
    form = CampaignCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(
                preset=form.cleaned_data["preset"],
                issuer=form.cleaned_data["issuer"],
                by=request.user,
                name=form.cleaned_data["name"] or None,
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(
                request, _("Đã tạo kế hoạch từ mẫu. Kiểm tra các giá trị rồi ban hành.")
            )
            return redirect("campaigns:campaign-detail", campaign.pk)
    return render(request, "campaigns/campaign_create.html", {"form": form})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_with_rules(selectors.get_campaign_for(request.user, pk))
    scope = access.scope_for(request.user)
    sees_issuer = scope.contains(campaign.issuer)
    rule = services.acting_rule(campaign, list(campaign.level_rules.all()))
    my_assignments = (
        selectors.assignments_in_scope(scope, campaign=campaign).filter(
            kind=AssignmentKind.SUBMIT_PLAN
        )[:5]
        if not sees_issuer
        else []
    )
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "acting_rule": rule,
            "can_manage": sees_issuer and scope.can("campaigns.manage", campaign.issuer),
            "can_view_board": sees_issuer and scope.can("campaigns.view_board", campaign.issuer),
            "my_assignments": my_assignments,
            "values": plan_document.placeholders(campaign),
            "plan_late_from": deadlines.late_from(
                campaign.plan_deadline, campaign.plan_deadline_mode
            ),
        },
    )


@login_required
def campaign_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan's content as the documents engine will receive it (a preview, not the PDF)."""
    campaign = selectors.campaign_with_rules(selectors.get_campaign_for(request.user, pk))
    content = plan_document.plan_content(campaign)
    place_date = vietnamese.place_date(content.place, content.date, year=content.year)
    return render(
        request,
        "campaigns/campaign_plan.html",
        {"campaign": campaign, "content": content, "place_date": place_date},
    )


def _edit_page(
    request: HttpRequest,
    campaign: Campaign,
    form: forms.Form,
    save: Callable[[], object],
    *,
    title: str,
    done: str = "campaigns:campaign-detail",
    success: str | None = None,
    **extra: object,
) -> HttpResponse:
    """The edit pages' one flow: on a valid POST call the audited service ``save``; show its
    refusal on the form, or go back with a message."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(request, success or _("Đã lưu."))
            return redirect(done, campaign.pk)
    context = {"campaign": campaign, "form": form, "title": title, **extra}
    return render(request, "campaigns/campaign_form.html", context)


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    form = CampaignForm(request.POST or None, initial=CampaignForm.initial_for(campaign))
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.update_campaign(campaign, by=request.user, **form.cleaned_data),
        title=_("Sửa thông tin chung"),
    )


@login_required
def campaign_narrative(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    form = NarrativeForm(
        request.POST or None, initial=NarrativeForm.initial_for(campaign.narrative)
    )
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.update_campaign(
            campaign, by=request.user, narrative=form.narrative(campaign.narrative)
        ),
        title=_("Sửa nội dung văn bản kế hoạch"),
        done="campaigns:campaign-plan",
        placeholders=True,
    )


@login_required
def level_rule_edit(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    rule = _get(LevelRule, campaign, rule_pk)
    form = LevelRuleForm(request.POST or None, initial=LevelRuleForm.initial_for(rule))
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.update_level_rule(rule, by=request.user, **form.cleaned_data),
        title=_("Quy định %(level)s") % {"level": rule.get_level_display()},
    )


def _get[M: (LevelRule, CompositionRule, CampaignTask)](
    model: type[M], campaign: Campaign, pk: int
) -> M:
    """A rule or task of ``campaign`` (already access-checked), or 404."""
    try:
        return model._default_manager.select_related("campaign").get(campaign=campaign, pk=pk)
    except model.DoesNotExist as exc:
        raise Http404 from exc


def _levels(campaign: Campaign) -> list[tuple[str, str]]:
    return [(r.level, r.get_level_display()) for r in campaign.level_rules.all()]


@login_required
def composition_rule_add(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    form = CompositionRuleForm(request.POST or None, levels=_levels(campaign))
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.add_composition_rule(campaign, by=request.user, **form.values()),
        title=_("Thêm quy định cơ cấu đại biểu"),
        success=_("Đã thêm quy định cơ cấu."),
    )


@login_required
def composition_rule_edit(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    rule = _get(CompositionRule, campaign, rule_pk)
    form = CompositionRuleForm(
        request.POST or None,
        initial=CompositionRuleForm.initial_for(rule),
        levels=_levels(campaign),
    )
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.update_composition_rule(rule, by=request.user, **form.values()),
        title=_("Sửa quy định cơ cấu đại biểu"),
        delete_url=True,
        rule=rule,
    )


@login_required
@require_POST
def composition_rule_delete(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    rule = _get(CompositionRule, campaign, rule_pk)
    services.remove_composition_rule(rule, by=request.user)
    messages.success(request, _("Đã xóa quy định cơ cấu."))
    return redirect("campaigns:campaign-detail", campaign.pk)


@login_required
def task_edit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    task = _get(CampaignTask, campaign, task_pk)
    form = TaskForm(
        request.POST or None, initial={"body": task.body, "items": "\n".join(task.items)}
    )
    return _edit_page(
        request,
        campaign,
        form,
        lambda: services.update_task(task, by=request.user, **form.cleaned_data),
        title=_("Nhiệm vụ của cơ quan, đơn vị"),
        placeholders=True,
    )


@login_required
@require_POST
def campaign_issue(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _managed(request, pk)
    try:
        count = services.issue_campaign(campaign, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã ban hành kế hoạch tới %(n)s đơn vị.") % {"n": count})
    return redirect("campaigns:campaign-detail", campaign.pk)
