from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, throttling
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.accounts.services import authenticate_with_lockout, issue_api_token
from thidua.api.serializers import ErrorSerializer, TokenRequestSerializer, TokenResponseSerializer
from thidua.core.middleware import client_ip


class TokenThrottle(throttling.AnonRateThrottle):
    scope = "token"


class TokenView(APIView):
    """Exchange a username and password for a bearer token (same lock-out as the login page)."""

    authentication_classes: list[type] = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = [TokenThrottle]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer, 400: ErrorSerializer},
        tags=["auth"],
        summary="Lấy token truy cập",
    )
    def post(self, request: Request) -> Response:
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate_with_lockout(
            request._request,
            username=data.validated_data["username"],
            password=data.validated_data["password"],
            ip_address=client_ip(request._request),
        )
        token, secret = issue_api_token(by=user)
        return Response({"token": secret, "expires_at": token.expires_at})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The project's 404 handler: JSON ``{"code", "detail"}`` under /api/, the page elsewhere.

    A URL that matches no route (``/api/v1/honorees/abc/``) never reaches DRF; without this
    an API client would get an HTML page its schema does not describe (found by schemathesis).
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"code": "not_found", "detail": _("Không tìm thấy.")}, status=404)
    return defaults.page_not_found(request, exception)
