"""API errors: every refusal is ``{"code": ..., "detail": ...}``."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from thidua.core.errors import DomainError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        body: dict[str, Any] = {"code": exc.code, "detail": exc.message}
        if exc.details:
            body["errors"] = exc.details
        return Response(body, status=exc.status)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, Http404):
        response.data = {"code": "not_found", "detail": _("Không tìm thấy.")}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = {
            "code": "invalid",
            "detail": _("Dữ liệu không hợp lệ."),
            "errors": exc.detail,
        }
    elif isinstance(exc, exceptions.APIException):
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        response.data = {
            "code": exc.get_codes() if isinstance(exc.get_codes(), str) else "error",
            "detail": str(detail),
        }
    elif isinstance(response.data, dict) and "code" not in response.data:
        # Django's PermissionDenied (from access.require), converted by DRF without a code.
        response.data = {"code": "permission_denied", "detail": str(response.data.get("detail"))}
    if response.status_code == status.HTTP_404_NOT_FOUND:
        response.data = {"code": "not_found", "detail": _("Không tìm thấy.")}
    return response
