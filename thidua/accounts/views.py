from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from thidua.accounts.forms import LoginForm
from thidua.core.audit import record_audit
from thidua.units.context_processors import ACTIVE_MEMBERSHIP_KEY


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        record_audit("accounts.user.logged_in", by=form.get_user())
        return response


class LogoutView(auth_views.LogoutView):
    pass


@login_required
@require_POST
def switch_unit(request: HttpRequest) -> HttpResponse:
    """Choose which of the user's memberships the pages open on (the unit switcher)."""
    membership_id = request.POST.get("membership", "")
    if not membership_id.isdigit():  # an empty or forged value: no switch (was a 500)
        membership_id = "0"
    if request.user.memberships.filter(pk=membership_id, is_active=True).exists():  # type: ignore[union-attr]
        request.session[ACTIVE_MEMBERSHIP_KEY] = int(membership_id)
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = resolve_url("core:home")
    return HttpResponseRedirect(target)
