"""The movements catalogue. National (Prime Minister) movements belong to no unit and only a
system administrator edits them; a province's, district's or commune's belongs to the unit that
launched it (the caller checks ``honorees.manage_movements`` on it)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import fold, normalize_text
from thidua.honorees.enums import LaunchedBy
from thidua.honorees.models import Field, Movement
from thidua.units.models import Unit

# Which unit level launches a movement of each kind (data, not code paths).
LAUNCHER_LEVEL = {
    LaunchedBy.PROVINCE: "province",
    LaunchedBy.DISTRICT: "district",
    LaunchedBy.COMMUNE: "commune",
}
EDITABLE = ("name", "start_year", "end_year", "field", "basis", "description", "is_active")


def _check(movement: Movement) -> None:
    if not movement.name:
        raise DomainError("honorees.name_required", _("Tên không được để trống."))
    if movement.launched_by not in LaunchedBy.values:
        raise DomainError("honorees.bad_launcher", _("Cấp phát động không hợp lệ."))
    wanted_level = LAUNCHER_LEVEL.get(LaunchedBy(movement.launched_by))
    if wanted_level is None and movement.unit_id is not None:
        raise DomainError(
            "honorees.launcher_unit_mismatch",
            _("Phong trào do Thủ tướng phát động không thuộc đơn vị nào."),
        )
    if wanted_level is not None and (movement.unit is None or movement.unit.level != wanted_level):
        raise DomainError(
            "honorees.launcher_unit_mismatch",
            _("Đơn vị phát động phải là đơn vị cấp %(level)s.")
            % {"level": LaunchedBy(movement.launched_by).label.lower()},
        )
    if movement.start_year and movement.end_year and movement.start_year > movement.end_year:
        raise DomainError("honorees.bad_period", _("Năm bắt đầu phải trước năm kết thúc."))


def _unique_slug(name: str) -> str:
    base = slugify(fold(name))[:70].rstrip("-") or "phong-trao"
    slug, n = base, 1
    while Movement.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_movement(
    *,
    by: Any,
    name: str,
    launched_by: str,
    unit: Unit | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
    field: Field | None = None,
    basis: str = "",
    description: str = "",
) -> Movement:
    """Refusals: ``honorees.name_required``, ``honorees.bad_launcher``,
    ``honorees.launcher_unit_mismatch``, ``honorees.bad_period``."""
    movement = Movement(
        name=normalize_text(name),
        launched_by=launched_by,
        unit=unit,
        start_year=start_year,
        end_year=end_year,
        field=field,
        basis=normalize_text(basis),
        description=description.strip(),
    )
    _check(movement)
    movement.slug = _unique_slug(movement.name)
    movement.save()
    record_audit(
        "honorees.movement.created",
        by=by,
        unit=unit,
        target=movement,
        data={"launched_by": launched_by},
    )
    return movement


@transaction.atomic
def update_movement(movement: Movement, *, by: Any, **changes: Any) -> Movement:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DomainError("honorees.unknown_field", _("Trường không hợp lệ."))
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if "name" in changes:
        changes["name"] = normalize_text(changes["name"])
    for name, value in changes.items():
        setattr(movement, name, value)
    _check(movement)
    movement.save(update_fields=[*changes, "search_name", "updated_at"])
    record_audit(
        "honorees.movement.updated",
        by=by,
        unit=movement.unit,
        target=movement,
        data={"fields": sorted(changes)},
    )
    return movement
