from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.units import access, selectors
from thidua.units.context_processors import active_membership
from thidua.units.enums import Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The landing page: the active unit, what the user may do there, and recent activity."""
    scope = access.scope_for(request.user)
    membership = active_membership(request)
    unit = membership.unit if membership else None
    context: dict[str, object] = {"scope_is_admin": scope.is_admin, "unit": unit}
    if unit is not None:
        context["roles"] = [Role(role).label for role in sorted(scope.roles_on(unit))]
        context["subtree_count"] = scope.units().filter(path__startswith=unit.path).count()
        context["children"] = selectors.children_of(unit)[:100]
        if scope.can("units.view_audit", unit):
            context["recent_audit"] = selectors.audit_entries_for(unit)[:10]
    else:
        context["roots"] = selectors.scope_roots(scope)[:100]
    return render(request, "core/home.html", context)
