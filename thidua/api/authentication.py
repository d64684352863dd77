from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from thidua.accounts.services import user_for_token


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <token>`` with a token from ``POST /api/v1/auth/token/``."""

    keyword = "Bearer"

    def authenticate(self, request: Any) -> tuple[Any, None] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Token không hợp lệ."))
        try:
            secret = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Token không hợp lệ.")) from exc
        user = user_for_token(secret)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Token không hợp lệ hoặc đã hết hạn."))
        return user, None

    def authenticate_header(self, request: Any) -> str:
        return self.keyword
