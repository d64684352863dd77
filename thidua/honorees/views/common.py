from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from thidua.honorees.forms import FilterForm
from thidua.honorees.selectors import HonoreeFilters
from thidua.units import access
from thidua.units.access import ACTION_ROLES
from thidua.units.context_processors import active_membership
from thidua.units.models import Unit


def filters_from(request: HttpRequest) -> tuple[FilterForm, HonoreeFilters]:
    """The filter form bound to the query string; the unit filter goes through access."""
    form = FilterForm(request.GET or None)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    unit = None
    if data.get("unit"):
        unit = access.get_unit_for(request.user, data["unit"])
    return form, HonoreeFilters(
        q=data.get("q", ""),
        unit=unit,
        kind=data.get("kind", ""),
        field=data.get("field", ""),
        component=data.get("component", ""),
        gender=data.get("gender", ""),
        award_form=data.get("award_form", ""),
        stage=data.get("stage", ""),
    )


def editable_units(request: HttpRequest, action: str = "honorees.edit") -> QuerySet[Unit]:
    """Units where the user may act, near the active unit (itself and two levels below)."""
    scope = access.scope_for(request.user)
    units = scope.units(None if scope.is_admin else ACTION_ROLES[action])
    membership = active_membership(request)
    if membership is not None:
        units = units.filter(
            path__startswith=membership.unit.path, depth__lte=membership.unit.depth + 2
        )
    else:
        units = units.filter(depth__lte=3)
    return units.order_by("path")
