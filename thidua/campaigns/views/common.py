from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from thidua.core.errors import DomainError


def refused(request: HttpRequest, error: DomainError, form: Any = None) -> None:
    """Show a service's refusal: on the form when there is one, else as a message."""
    if form is not None:
        form.add_error(None, error.message)
    else:
        messages.error(request, error.message)
