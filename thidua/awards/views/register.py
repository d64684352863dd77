from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thidua.awards import exports, selectors
from thidua.awards.forms import RegisterFilterForm
from thidua.units import access

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[RegisterFilterForm, selectors.RegisterFilters]:
    form = RegisterFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    unit = access.get_unit_for(request.user, data["unit"]) if data.get("unit") else None
    return form, selectors.RegisterFilters(
        q=data.get("q", ""),
        unit=unit,
        form=data.get("form", ""),
        year=data.get("year"),
        status=data.get("status", ""),
    )


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Every decision line in the scope, by person, unit, form, year."""
    form, filters = _filters(request)
    scope = access.scope_for(request.user)
    page = Paginator(selectors.entries_in(scope, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "awards/register.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "querystring": request.GET.urlencode(),
            "can_export": scope.is_admin
            or bool(scope.root_paths(access.ACTION_ROLES["awards.export"])),
        },
    )


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The register as .xlsx (formula-safe), limited to units where the user may export."""
    _form, filters = _filters(request)
    scope = access.scope_for(request.user)
    roles = access.ACTION_ROLES["awards.export"]
    if not scope.is_admin and not scope.root_paths(roles):
        raise PermissionDenied
    entries = selectors.entries_in(scope, filters)
    if not scope.is_admin:
        entries = scope.restrict(entries, "unit", roles)
    data = exports.register_xlsx(entries)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="so-khen-thuong-{stamp}.xlsx"'
    return response
