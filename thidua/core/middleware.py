from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from thidua.core.audit import current_ip


class RequestContextMiddleware:
    """Makes the client address available to ``record_audit`` for the length of a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)


def client_ip(request: HttpRequest) -> str | None:
    # Behind a trusted proxy (BEHIND_TLS_PROXY) the proxy sets REMOTE_ADDR via its own config;
    # X-Forwarded-For is not trusted here because any client can forge it.
    return request.META.get("REMOTE_ADDR") or None


class LanguageMiddleware:
    """Vietnamese unless the person chose otherwise.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
    every official whose phone is set to English. Here the HTML pages use the language cookie
    set by the language switch (footer), else Vietnamese; API clients may ask for English with
    Accept-Language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        supported = {code for code, _name in settings.LANGUAGES}
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if request.path.startswith("/api/") and language not in supported:
            language = translation.get_language_from_request(request)
        if language not in supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class SessionIdleTimeoutMiddleware:
    """Ends a signed-in session after ``SESSION_IDLE_TIMEOUT`` seconds without a request (0:
    off). SESSION_COOKIE_AGE caps a session's whole life; this ends an idle one much sooner (a
    shared office computer left signed in). The last request time is written at most once a
    minute, so an active session does not write on every request."""

    KEY = "_thidua_last_seen"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        import time

        from django.conf import settings
        from django.contrib import messages
        from django.contrib.auth import logout
        from django.utils.translation import gettext as _

        timeout = int(getattr(settings, "SESSION_IDLE_TIMEOUT", 0) or 0)
        user = getattr(request, "user", None)
        if timeout and user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(self.KEY)
            if last is not None and now - int(last) > timeout:
                logout(request)  # the request goes on as anonymous: login page or 401
                messages.info(
                    request,
                    _("Phiên làm việc đã kết thúc do lâu không thao tác. Vui lòng đăng nhập lại."),
                )
            elif last is None or now - int(last) >= 60:
                request.session[self.KEY] = now
        return self.get_response(request)


def start_idle_clock(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    import time

    if request is not None and hasattr(request, "session"):
        request.session[SessionIdleTimeoutMiddleware.KEY] = int(time.time())


class NulByteMiddleware:
    """Refuse a query string holding a NUL character (``?q=%00``) with 400.

    PostgreSQL text cannot hold NUL: a view filtering on such a parameter would fail with a
    server error (schemathesis found it on /api/v1/honorees/?q=...). Form and API fields
    already refuse NUL (Django's and DRF's validators); raw query parameters did not.
    Placed after LanguageMiddleware so the message is in the person's language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            from django.http import HttpResponseBadRequest, JsonResponse
            from django.utils.translation import gettext as _

            message = _("Yêu cầu chứa ký tự không hợp lệ.")
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "invalid", "detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
