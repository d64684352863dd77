"""The home page's summary of delegates upward for the active unit (already in scope)."""

from __future__ import annotations

from django import template

from thidua.units.models import Unit

register = template.Library()


@register.inclusion_tag("elections/_home_section.html")
def elections_of_unit(unit: Unit) -> dict[str, object]:
    """Polls of the unit's conferences not yet certified, and for the unit's allocations the
    sub-units that have not sent their lists. At most five queries."""
    from thidua.elections import selectors
    from thidua.elections.enums import PollStatus
    from thidua.elections.models import Allocation, Poll

    polls = list(
        Poll.objects.filter(conference__unit=unit)
        .exclude(status=PollStatus.CERTIFIED)
        .select_related("conference")
        .order_by("-created_at")[:5]
    )
    allocation = (
        Allocation.objects.filter(unit=unit).select_related("campaign").order_by("-pk").first()
    )
    missing = []
    if allocation is not None:
        missing = [s for s in selectors.sub_unit_statuses(allocation) if not s.sent]
    return {"polls": polls, "allocation": allocation, "missing": missing}
