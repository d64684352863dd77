"""Helpers the campaign services share: the clock, the permission gate, who to tell."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from thidua.units import access
from thidua.units.enums import Role
from thidua.units.models import Membership, Unit


def clock(now: dt.datetime | None) -> dt.datetime:
    """``now`` if given (tests, the demo's history), else the real time. Always aware."""
    if now is None:
        return timezone.now()
    if timezone.is_naive(now):
        raise ValueError("now must be an aware datetime")
    return now


def require(by: Any, action: str, unit: Unit) -> None:
    """The access gate for a service: 404 outside the actor's scope, 403 without the role.
    ``by=None`` is the system itself (the demo loader, scheduled tasks): not checked."""
    if by is None:
        return
    access.require(by, action, unit)


def organizers_by_unit(unit_ids: Iterable[int]) -> dict[int, list[Any]]:
    """The active organizers holding the role on each unit itself (one query)."""
    result: dict[int, list[Any]] = defaultdict(list)
    rows = Membership.objects.filter(
        unit_id__in=list(unit_ids), role=Role.ORGANIZER, is_active=True, user__is_active=True
    ).select_related("user")
    for membership in rows:
        result[membership.unit_id].append(membership.user)
    return result


def organizers_of(unit: Unit) -> list[Any]:
    return organizers_by_unit([unit.pk]).get(unit.pk, [])
