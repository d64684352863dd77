"""What the election services share: the access gate, the clock, hashing of secrets."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from thidua.conferences.services.common import actor, clock, locked, require, scope_of

__all__ = ["actor", "clock", "digest", "locked", "new_secret", "require", "scope_of"]


def digest(secret: str) -> str:
    """SHA-256 of a token or a receipt code (only the hash is stored)."""
    return hashlib.sha256(secret.strip().upper().encode()).hexdigest()


def new_secret(nbytes: int = 10) -> str:
    """An unguessable code a person can type: base32, upper case, no padding."""
    import base64

    return base64.b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=")


def user_or_none(by: Any) -> Any:
    return actor(by)
