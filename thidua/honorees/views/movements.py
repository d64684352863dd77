"""The movements catalogue: list (national and those of the user's units and above), create."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.honorees import selectors, services
from thidua.honorees.enums import LaunchedBy
from thidua.honorees.forms import MovementForm
from thidua.honorees.services.movements import LAUNCHER_LEVEL
from thidua.units import access
from thidua.units.context_processors import active_membership


@login_required
def movement_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    membership = active_membership(request)
    unit = membership.unit if membership else None
    can_create = unit is not None and scope.can("honorees.manage_movements", unit)
    form = MovementForm(request.POST or None) if can_create else None
    if form is not None and unit is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        launched_by = data.pop("launched_by")
        wanted = LAUNCHER_LEVEL.get(LaunchedBy(launched_by))
        try:
            services.create_movement(
                by=request.user,
                launched_by=launched_by,
                unit=unit if wanted else None,
                **{k: v for k, v in data.items() if v not in (None, "")},
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm phong trào."))
            return redirect("honorees:movement-list")
    movements = selectors.movements_visible(scope).order_by("launched_by", "name")
    return render(
        request,
        "honorees/movement_list.html",
        {"movements": movements, "form": form, "unit": unit},
    )
