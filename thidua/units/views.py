from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.core.htmx import is_htmx
from thidua.units import access, selectors
from thidua.units.models import Membership

PAGE_SIZE = 50


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """The units browser: the tree of the user's scope, or search results when ``q`` is given."""
    scope = access.scope_for(request.user)
    query = request.GET.get("q", "").strip()[:100]
    context: dict[str, object] = {"query": query}
    if query:
        page = Paginator(selectors.search_units(scope, query), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["page"] = page
    else:
        context["roots"] = selectors.scope_roots(scope)
    template = "units/_results.html" if is_htmx(request) else "units/unit_list.html"
    return render(request, template, context)


@login_required
def unit_children(request: HttpRequest, pk: int) -> HttpResponse:
    """The children of one unit, as list items for the tree (loaded with htmx)."""
    unit = access.get_unit_for(request.user, pk)
    return render(
        request, "units/_children.html", {"unit": unit, "children": selectors.children_of(unit)}
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk)
    scope = access.scope_for(request.user)
    ancestors = list(selectors.ancestors_of(unit))
    successors = list(unit.successors.order_by("search_name"))
    predecessors = list(unit.predecessors.order_by("search_name"))
    # Related units outside the scope are named, never linked.
    linked = [u.pk for u in ancestors + successors + predecessors]
    visible = set(scope.units().filter(pk__in=linked).values_list("pk", flat=True))
    members = None
    if scope.can("units.view_members", unit):
        members = Membership.objects.filter(unit=unit, is_active=True).select_related("user")
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "successors": successors,
            "predecessors": predecessors,
            "visible_ids": visible,
            "children": selectors.children_of(unit),
            "members": members,
            "can_view_audit": scope.can("units.view_audit", unit),
        },
    )


@login_required
def unit_audit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk)
    access.require(request.user, "units.view_audit", unit)
    page = Paginator(selectors.audit_entries_for(unit), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "units/unit_audit.html", {"unit": unit, "page": page})
