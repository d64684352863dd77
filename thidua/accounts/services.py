"""Sign-in with lock-out, and API tokens. Used by the login page and the API alike."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import ApiToken, LoginFailure, User
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def is_locked_out(username: str, ip_address: str | None) -> bool:
    since = _window_start()
    recent = LoginFailure.objects.filter(created_at__gte=since)
    if recent.filter(username=username.lower()).count() >= settings.LOGIN_FAILURE_LIMIT:
        return True
    return bool(
        ip_address
        and recent.filter(ip_address=ip_address).count() >= settings.LOGIN_FAILURE_LIMIT_PER_IP
    )


def authenticate_with_lockout(
    request: Any, *, username: str, password: str, ip_address: str | None
) -> User:
    """The user for these credentials, or ``DomainError``.

    Codes: ``accounts.locked_out`` (too many failures in the window: even the right password is
    refused until it passes), ``accounts.invalid_credentials``.
    """
    username = (username or "").strip()
    if is_locked_out(username, ip_address):
        raise DomainError(
            "accounts.locked_out",
            _(
                "Tài khoản tạm khóa do đăng nhập sai nhiều lần. "
                "Vui lòng thử lại sau %(minutes)d phút."
            )
            % {"minutes": settings.LOGIN_LOCKOUT_MINUTES},
        )
    user = authenticate(request, username=username, password=password)
    if user is None:
        with transaction.atomic():
            LoginFailure.objects.filter(created_at__lt=_window_start()).delete()  # prune
            LoginFailure.objects.create(username=username.lower(), ip_address=ip_address)
            if is_locked_out(username, ip_address):
                record_audit("accounts.user.locked_out", by=None, data={"username": username})
        raise DomainError(
            "accounts.invalid_credentials",
            _("Tên đăng nhập hoặc mật khẩu không đúng."),
        )
    LoginFailure.objects.filter(username=username.lower()).delete()
    return user


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_api_token(*, by: User) -> tuple[ApiToken, str]:
    """A new bearer token for ``by``: (the row, the secret). The secret is shown once and stored
    only as a digest."""
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=by,
        digest=_digest(secret),
        prefix=secret[:8],
        expires_at=timezone.now() + dt.timedelta(days=settings.API_TOKEN_TTL_DAYS),
    )
    record_audit("accounts.api_token.issued", by=by, target=token)
    return token, secret


def user_for_token(secret: str) -> User | None:
    """The active user holding this unexpired, unrevoked token, or None."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(secret), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        # Coarse "last used" so that every request does not write.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def revoke_api_token(token: ApiToken, *, by: User) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_audit("accounts.api_token.revoked", by=by, target=token)
