"""A person's data (issue 11): export as JSON or xlsx, and anonymisation when the law allows.
Both need a role on the honoree's unit (404 outside the scope, 403 without the role)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.errors import DomainError
from thidua.honorees import selectors
from thidua.honorees.services import personal_data
from thidua.units import access

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def personal_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    honoree = selectors.get_honoree_for(request.user, pk)
    access.require(request.user, "honorees.view_personal", honoree.unit)
    if fmt not in CONTENT_TYPES:
        raise Http404
    data = personal_data.export_personal_data(honoree, by=request.user, fmt=fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{honoree.pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    honoree = selectors.get_honoree_for(request.user, pk)
    access.require(request.user, "honorees.anonymise", honoree.unit)
    try:
        personal_data.anonymise_honoree(
            honoree, by=request.user, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã ẩn danh hóa hồ sơ; lịch sử khen thưởng được giữ lại."))
    return redirect("honorees:honoree-detail", pk=honoree.pk)
