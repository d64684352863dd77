"""Refusals of the domain layer.

A service refuses by raising ``DomainError(code, message)``: the code is stable English (tests
and API clients read it), the message is Vietnamese for the person in front of the screen. The
HTML views show the message; the API answers ``{"code": ..., "detail": ...}`` with 400 or 409.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused the change; nothing was written."""

    status = 400

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.details = details

    def __str__(self) -> str:
        return self.message


class ConflictError(DomainError):
    """The change conflicts with the current state (already done, taken, locked)."""

    status = 409
