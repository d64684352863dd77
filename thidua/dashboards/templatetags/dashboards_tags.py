"""{% dashboard_summary unit %}: the compact summary on the home page (core's home hook)."""

from __future__ import annotations

from typing import Any

from django import template

from thidua.dashboards import selectors
from thidua.operations.replica import read_replica
from thidua.units import access

register = template.Library()


@register.inclusion_tag("dashboards/_home_summary.html", takes_context=True)
def dashboard_summary(context: dict[str, Any], unit: Any) -> dict[str, Any]:
    """The newest campaign concerning ``unit`` (already in the user's scope: the page shows
    it), its units and late units, the subtree's honorees and awards, the conference budget
    reported. 5 queries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if unit is None or user is None or not access.can(user, "dashboards.view", unit):
        return {"summary": None}
    with read_replica():
        return {"summary": selectors.summary(access.scope_for(user), unit), "unit": unit}
