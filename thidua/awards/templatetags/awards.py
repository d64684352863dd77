"""{% award_summary unit %}: the statistics block on a unit's page (units' section hook);
{% finding_text finding %}: a stored criterion finding in the active language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from thidua.awards import selectors
from thidua.units import access

register = template.Library()


@register.inclusion_tag("awards/_summary.html", takes_context=True)
def award_summary(context: dict[str, Any], unit: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not access.can(user, "awards.view", unit):
        return {"visible": False}
    scope = access.scope_for(user)
    return {
        "visible": True,
        "unit": unit,
        "summary": selectors.award_statistics(scope, unit),
        "pending": selectors.pending_count(scope, unit),
    }


@register.simple_tag
def finding_text(finding: dict[str, Any]) -> str:
    try:
        return _(finding["message"]) % finding.get("params", {})
    except (KeyError, TypeError, ValueError):
        return str(finding.get("message", ""))
