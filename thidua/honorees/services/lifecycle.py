"""Discovered → fostered → replicated (Plan §II.2). Allowed moves are StageTransition rows."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.honorees.enums import Stage
from thidua.honorees.models import Honoree, StageChange, StageTransition


def allowed_stages(stage: str) -> list[str]:
    """The stages an honoree in ``stage`` may move to (active StageTransition rows)."""
    return list(
        StageTransition.objects.filter(from_stage=stage, is_active=True)
        .order_by("to_stage")
        .values_list("to_stage", flat=True)
    )


@transaction.atomic
def move_stage(honoree: Honoree, *, by: Any, to_stage: str, note: str = "") -> Honoree:
    """Move the honoree to ``to_stage``; records who and when.

    Refusals: ``honorees.unknown_stage``, ``honorees.stage_unchanged`` (409),
    ``honorees.transition_not_allowed`` (no active StageTransition row).
    """
    if to_stage not in Stage.values:
        raise DomainError("honorees.unknown_stage", _("Giai đoạn không hợp lệ."))
    honoree = Honoree.objects.select_for_update().get(pk=honoree.pk)
    if honoree.stage == to_stage:
        raise ConflictError("honorees.stage_unchanged", _("Điển hình đã ở giai đoạn này."))
    if to_stage not in allowed_stages(honoree.stage):
        raise DomainError(
            "honorees.transition_not_allowed",
            _("Không được chuyển từ “%(source)s” sang “%(target)s”.")
            % {"source": Stage(honoree.stage).label, "target": Stage(to_stage).label},
        )
    source = honoree.stage
    honoree.stage = to_stage
    honoree.stage_changed_at = timezone.now()
    honoree.stage_changed_by = by if getattr(by, "is_authenticated", False) else None
    honoree.save(update_fields=["stage", "stage_changed_at", "stage_changed_by", "updated_at"])
    StageChange.objects.create(
        honoree=honoree,
        from_stage=source,
        to_stage=to_stage,
        note=note.strip()[:300],
        changed_by=honoree.stage_changed_by,
    )
    record_audit(
        "honorees.honoree.stage_moved",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"from": source, "to": to_stage},
    )
    return honoree
