"""Excel: the template, the import (all or nothing, every problem listed), the export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.honorees import selectors
from thidua.honorees.excel.export import build_export, export_queryset
from thidua.honorees.excel.importer import import_honorees
from thidua.honorees.excel.template import build_template
from thidua.honorees.forms import ImportForm
from thidua.honorees.views.common import editable_units, filters_from
from thidua.units import access
from thidua.units.access import ACTION_ROLES

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def template_download(request: HttpRequest) -> HttpResponse:
    unit = editable_units(request, "honorees.import").first()
    return _xlsx(build_template(unit.code if unit else ""), "mau-nhap-dien-hinh.xlsx")


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    if not editable_units(request, "honorees.import").exists():
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_honorees(
                upload,
                size=upload.size,
                file_name=upload.name,
                by=request.user,
                scope=access.scope_for(request.user),
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            if result.ok:
                messages.success(
                    request,
                    _("Đã nhập %(n)s điển hình.") % {"n": result.batch.row_count},  # type: ignore[union-attr]
                )
                return redirect("honorees:honoree-list")
            context["problems"] = result.problems
            context["rows_read"] = result.rows_read
    return render(request, "honorees/import.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The current filtered list (same filters as the list page) as .xlsx, limited to the
    units where the user holds a role that may export (a viewer exports nothing)."""
    scope = access.scope_for(request.user)
    roles = None if scope.is_admin else ACTION_ROLES["honorees.export"]
    if roles is not None and not scope.root_paths(roles):
        raise PermissionDenied
    _, filters = filters_from(request)
    queryset = export_queryset(selectors.search_honorees(scope, filters, roles=roles))
    content = build_export(queryset.iterator(chunk_size=1000))
    return _xlsx(content, f"dien-hinh-{timezone.localdate():%Y%m%d}.xlsx")
