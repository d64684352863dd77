"""The dashboard pages: the active unit's, any unit's in the user's scope (404 outside it), the
whole country's for administrators; each with its campaign selector, drill-down and .xlsx
export. Read-only views: their reads may go to the replica (thidua.operations.replica)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from thidua.campaigns.models import Campaign
from thidua.dashboards import selectors
from thidua.dashboards.charts import budget_names, charts_of, conference_names
from thidua.dashboards.exports import dashboard_xlsx, share_labels
from thidua.operations.replica import replica_view
from thidua.units import access
from thidua.units.context_processors import active_membership
from thidua.units.models import Unit
from thidua.units.selectors import ancestors_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CAMPAIGN_PARAM = "ke-hoach"
CAMPAIGN_CHOICES = 30  # the most recent campaigns offered in the selector


def _unit(request: HttpRequest, pk: int | None) -> Unit | None:
    """The unit of the page (404 outside the scope); None: the whole country (admins only)."""
    if pk is None:
        if not access.scope_for(request.user).is_admin:
            raise Http404
        return None
    unit = access.get_unit_for(request.user, pk)
    access.require(request.user, "dashboards.view", unit)
    return unit


def _campaign(request: HttpRequest, unit: Unit | None) -> tuple[Campaign | None, list[Campaign]]:
    """The chosen campaign among those concerning the subtree (404 for any other id), else the
    newest."""
    choices = list(selectors.campaigns_for(access.scope_for(request.user), unit)[:CAMPAIGN_CHOICES])
    wanted = request.GET.get(CAMPAIGN_PARAM)
    if not wanted:
        return (choices[0] if choices else None), choices
    for campaign in choices:
        if str(campaign.pk) == wanted:
            return campaign, choices
    chosen = selectors.campaigns_for(access.scope_for(request.user), unit).filter(
        pk=wanted if wanted.isdigit() else 0
    )
    found = chosen.first()
    if found is None:
        raise Http404
    return found, [found, *choices]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The active unit's dashboard; the whole country for an administrator without one."""
    membership = active_membership(request)
    if membership is not None:
        return redirect("dashboards:unit", pk=membership.unit_id)
    if access.scope_for(request.user).is_admin:
        return redirect("dashboards:country")
    raise Http404


@login_required
@replica_view
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _unit(request, pk))


@login_required
@replica_view
def country_dashboard(request: HttpRequest) -> HttpResponse:
    return _page(request, _unit(request, None))


@login_required
@replica_view
def unit_export(request: HttpRequest, pk: int) -> HttpResponse:
    return _export(request, _unit(request, pk))


@login_required
@replica_view
def country_export(request: HttpRequest) -> HttpResponse:
    return _export(request, _unit(request, None))


def _page(request: HttpRequest, unit: Unit | None) -> HttpResponse:
    campaign, choices = _campaign(request, unit)
    board = selectors.dashboard(unit, campaign)
    scope = access.scope_for(request.user)
    trail = [a for a in ancestors_of(unit) if scope.contains(a)] if unit is not None else []
    context: dict[str, Any] = {
        "unit": unit,
        "trail": trail,
        "campaign": campaign,
        "campaigns": choices,
        "board": board,
        "charts": charts_of(board),
        "conference_names": conference_names(),
        "budget_names": budget_names(),
        "share_rows": [(key, share_labels()[key], share) for key, share in board.awards.shares()],
        "campaign_param": CAMPAIGN_PARAM,
        "held_total": sum(row.held for row in board.conferences),
    }
    return render(request, "dashboards/dashboard.html", context)


def _export(request: HttpRequest, unit: Unit | None) -> HttpResponse:
    campaign, _choices = _campaign(request, unit)
    board = selectors.dashboard(unit, campaign)
    name = unit.name if unit is not None else "Cả nước"
    content = dashboard_xlsx(board, unit_name=name)
    response = HttpResponse(content, content_type=XLSX)
    stem = slugify(f"tong-quan {name} {campaign.pk if campaign else ''}".strip())
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response
