"""What the conference views share: the refusal display and the page context."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from thidua.conferences import selectors
from thidua.conferences.models import Conference
from thidua.core.errors import DomainError
from thidua.units import access


def refused(request: HttpRequest, error: DomainError, form: Any = None) -> None:
    """Show a service's refusal: on the form when there is one, else as a message."""
    if form is not None:
        form.add_error(None, error.message)
    else:
        messages.error(request, error.message)


def permissions(request: HttpRequest, conference: Conference) -> dict[str, bool]:
    scope = access.scope_for(request.user)
    unit = conference.unit
    return {
        "can_manage": scope.can("conferences.manage", unit),
        "can_propose_cap": scope.can("conferences.propose_cap", unit),
        "can_approve": scope.can("conferences.approve_list", unit),
        "can_issue": scope.can("documents.issue", unit) and scope.can("conferences.manage", unit),
    }


def conference_context(request: HttpRequest, conference: Conference) -> dict[str, Any]:
    rule = selectors.level_rule(conference)
    return {
        "conference": conference,
        "campaign": conference.campaign,
        "rule": rule,
        "rule_limit": selectors.rule_limit(conference),
        "effective_cap": selectors.effective_cap(conference),
        **permissions(request, conference),
    }
