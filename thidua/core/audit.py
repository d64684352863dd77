"""``record_audit``: the one way to write the audit log. Every state-changing service calls it."""

from __future__ import annotations

import contextvars
from typing import Any

from django.db import models

from thidua.core.models import AuditEntry

# Set by RequestContextMiddleware so services need not pass the request around.
current_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_ip", default=None)


def record_audit(
    action: str,
    *,
    by: Any,
    unit: Any = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. ``action`` is "<app>.<model>.<past tense>", e.g. "units.unit.created".

    ``by`` is the acting user (None for the system itself, e.g. a scheduled task). ``data``
    must be JSON-serialisable and must not hold personal identifiers (ID numbers, birth dates).
    """
    actor = by if getattr(by, "is_authenticated", False) else None
    entry = AuditEntry(
        actor=actor,
        actor_display=_actor_display(actor),
        action=action,
        unit=unit,
        data=data or {},
        ip_address=current_ip.get(),
    )
    if target is not None:
        entry.object_type = target._meta.label_lower
        entry.object_id = str(target.pk)
        entry.object_repr = str(target)[:300]
    entry.save()
    return entry


def _actor_display(actor: Any) -> str:
    if actor is None:
        return "hệ thống"
    full_name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return f"{full_name} ({actor.get_username()})" if full_name else actor.get_username()
