from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from thidua.notifications import selectors, services
from thidua.notifications.models import Notification


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_of(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
def notification_badge(request: HttpRequest) -> HttpResponse:
    """The unread count under the bell, loaded with htmx so pages do not pay for it."""
    return render(
        request, "notifications/_badge.html", {"unread": selectors.unread_count(request.user)}
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        notification = selectors.notifications_of(request.user).get(pk=pk)
    except Notification.DoesNotExist as exc:
        raise Http404 from exc
    services.mark_read(notification)
    target = notification.link
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect("notifications:notification-list")
    return HttpResponseRedirect(target)


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    services.mark_all_read(request.user)
    return redirect("notifications:notification-list")
