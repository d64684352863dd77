"""The URLs the check-in benchmark serves with gunicorn: the real ones plus one minimal view
(the baseline), behind the same middleware (session, CSRF, authentication). Settings:
``DJANGO_SETTINGS_MODULE=bench.checkin_settings``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST


@login_required
@require_POST
def ping(request: HttpRequest) -> JsonResponse:
    """The baseline: an authenticated POST answered with a small JSON, nothing else."""
    return JsonResponse({"ok": True, "nonce": request.POST.get("nonce", "")})


@login_required
@require_POST
def ping_write(request: HttpRequest) -> JsonResponse:
    """The second baseline: the same, plus one row committed (a table the bench creates), so
    the cost of a durable write (the WAL flush) is measured apart from the check-in's logic."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_ping (nonce) VALUES (%s)", [request.POST.get("nonce")])
    return JsonResponse({"ok": True})


from config.urls import urlpatterns as real  # noqa: E402

urlpatterns = [path("bench/ping/", ping), path("bench/ping-write/", ping_write), *real]
