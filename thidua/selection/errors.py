"""Refusals of the pure selection core (no Django here).

``SelectionError(code, message)`` mirrors ``thidua.core.errors.DomainError``: the code is stable
English for programs and tests, the message Vietnamese for people. The API layer turns it into a
400 ``{"code", "detail"}`` answer.
"""

from __future__ import annotations


class SelectionError(ValueError):
    """Bad input to a pure calculator (a rule, a number, a size): nothing was computed."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
