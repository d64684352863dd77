"""Template helpers of the campaign pages: status badges, deadlines, shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from thidua.campaigns import deadlines, rules
from thidua.campaigns.enums import BoardStatus
from thidua.units.models import Unit

register = template.Library()

STATUS_CLASSES: dict[str, str] = {
    BoardStatus.NOT_STARTED: "text-bg-secondary",
    BoardStatus.SUBMITTED: "text-bg-info",
    BoardStatus.LATE: "text-bg-warning",
    BoardStatus.RETURNED: "text-bg-danger",
    BoardStatus.ACCEPTED: "text-bg-success",
    BoardStatus.MISSING: "text-bg-dark",
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-light")


@register.filter
def status_label(status: str) -> str:
    try:
        return str(BoardStatus(status).label)
    except ValueError:
        return status


@register.filter
def last_day(late_from: dt.datetime | None) -> str:
    """The last day on time, dd/mm/yyyy, from a first late instant."""
    if late_from is None:
        return ""
    return deadlines.last_day_before(late_from).strftime("%d/%m/%Y")


@register.filter
def deadline_phrase(campaign: object) -> str:
    return deadlines.deadline_phrase(
        campaign.plan_deadline,  # type: ignore[attr-defined]
        campaign.plan_deadline_mode,  # type: ignore[attr-defined]
    )


@register.filter
def bound(value: Decimal | None, unit: str) -> str:
    """A composition bound as shown: 0.7 share -> "70%", 1 count -> "1"."""
    if value is None:
        return "—"
    return rules.percent(value) if unit == "share" else str(int(value))


@register.filter
def fill(text: str, values: dict[str, str]) -> str:
    """The plan's wording with its {placeholders} replaced by the campaign's values."""
    return rules.fill(text, values or {})


@register.filter
def vnd(value: int | None) -> str:
    if value is None:
        return ""
    from thidua.core.vietnamese import group_thousands

    return group_thousands(int(value)) + " đ"


@register.inclusion_tag("campaigns/_unit_summary.html")
def campaigns_of_unit(unit: Unit) -> dict[str, object]:
    """For a unit the page already shows (hence in scope): what it must still do, and the
    campaigns it issued. Two queries."""
    from thidua.campaigns.enums import AssignmentState
    from thidua.campaigns.models import Assignment, Campaign

    todo = list(
        Assignment.objects.filter(unit=unit)
        .exclude(state=AssignmentState.ACCEPTED)
        .select_related("campaign")
        .order_by("late_from")[:6]
    )
    issued = list(Campaign.objects.filter(issuer=unit).order_by("-created_at")[:5])
    return {"todo": todo, "issued": issued}
