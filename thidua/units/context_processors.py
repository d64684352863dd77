"""The unit switcher: which of the user's memberships the pages open on."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

ACTIVE_MEMBERSHIP_KEY = "thidua_active_membership"


def memberships_of(request: HttpRequest) -> list[Any]:
    cached = getattr(request, "_thidua_memberships", None)
    if cached is None:
        user = request.user
        cached = (
            list(user.memberships.filter(is_active=True).select_related("unit").order_by("id"))
            if user.is_authenticated
            else []
        )
        request._thidua_memberships = cached  # type: ignore[attr-defined]
    return cached


def active_membership(request: HttpRequest) -> Any:
    memberships = memberships_of(request)
    chosen = request.session.get(ACTIVE_MEMBERSHIP_KEY) if hasattr(request, "session") else None
    for membership in memberships:
        if membership.pk == chosen:
            return membership
    return memberships[0] if memberships else None


def active_unit(request: HttpRequest) -> dict[str, Any]:
    return {
        "nav_memberships": SimpleLazyObject(lambda: memberships_of(request)),
        "active_membership": SimpleLazyObject(lambda: active_membership(request)),
    }
