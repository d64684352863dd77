"""Writes to the unit tree and memberships. Each is atomic, takes ``by=``, and is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import fold, normalize_text
from thidua.units.enums import LEVEL_OF_KIND, Role, UnitKind, UnitSource
from thidua.units.models import Membership, Unit, path_step


@transaction.atomic
def create_unit(
    *,
    by: Any,
    name: str,
    kind: str,
    code: str,
    parent: Unit | None = None,
    level: str | None = None,
    short_name: str = "",
    staff_count: int | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    source: str = UnitSource.LOCAL,
    is_official_code: bool = False,
) -> Unit:
    """Add a unit under ``parent``. Territorial kinds take their own level; other kinds (agencies,
    enterprises...) attach to the level given, or their parent's.

    Refusals: ``units.unknown_kind``, ``units.level_required``, ``units.duplicate_code``,
    ``units.bad_validity``.
    """
    name = normalize_text(name)
    if kind not in UnitKind.values:
        raise DomainError("units.unknown_kind", _("Loại đơn vị không hợp lệ."))
    level = LEVEL_OF_KIND.get(kind) or level or (parent.level if parent else None)
    if level is None:
        raise DomainError("units.level_required", _("Cần chọn cấp cho đơn vị không phải địa giới."))
    if not name:
        raise DomainError("units.name_required", _("Tên đơn vị không được để trống."))
    if valid_from and valid_to and valid_from > valid_to:
        raise DomainError(
            "units.bad_validity", _("Ngày bắt đầu hiệu lực phải trước ngày hết hiệu lực.")
        )
    if Unit.objects.filter(source=source, code=code).exists():
        raise DomainError(
            "units.duplicate_code", _("Mã đơn vị %(code)s đã tồn tại.") % {"code": code}
        )
    unit = Unit.objects.create(
        code=code,
        is_official_code=is_official_code,
        source=source,
        name=name,
        short_name=normalize_text(short_name),
        search_name=fold(name),
        kind=kind,
        level=level,
        parent=parent,
        path=f"~new~{source}~{code}",
        depth=(parent.depth + 1) if parent else 1,
        staff_count=staff_count,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    unit.path = (parent.path if parent else "") + path_step(unit.pk)
    unit.save(update_fields=["path"])
    record_audit("units.unit.created", by=by, unit=unit, target=unit, data={"code": code})
    return unit


EDITABLE_FIELDS = ("name", "short_name", "staff_count", "valid_from", "valid_to")


@transaction.atomic
def update_unit(unit: Unit, *, by: Any, **changes: Any) -> Unit:
    """Change the descriptive fields of a unit (not its place in the tree)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError("units.field_not_editable", _("Không thể sửa trường này."))
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    before = {name: getattr(unit, name) for name in changes}
    if "name" in changes:
        changes["name"] = normalize_text(changes["name"])
        if not changes["name"]:
            raise DomainError("units.name_required", _("Tên đơn vị không được để trống."))
        changes["search_name"] = fold(changes["name"])
    for name, value in changes.items():
        setattr(unit, name, value)
    if unit.valid_from and unit.valid_to and unit.valid_from > unit.valid_to:
        raise DomainError(
            "units.bad_validity", _("Ngày bắt đầu hiệu lực phải trước ngày hết hiệu lực.")
        )
    unit.save(update_fields=[*changes, "updated_at"])
    record_audit(
        "units.unit.updated",
        by=by,
        unit=unit,
        target=unit,
        data={name: [str(before[name]), str(getattr(unit, name))] for name in before},
    )
    return unit


@transaction.atomic
def link_successor(predecessor: Unit, successor: Unit, *, by: Any) -> None:
    """Record that ``successor`` took over ``predecessor`` (a merge or a renaming)."""
    if predecessor.pk == successor.pk:
        raise DomainError("units.self_successor", _("Một đơn vị không thể kế thừa chính nó."))
    if predecessor.successors.filter(pk=successor.pk).exists():
        return
    predecessor.successors.add(successor)
    record_audit(
        "units.unit.successor_linked",
        by=by,
        unit=predecessor,
        target=predecessor,
        data={"successor": successor.code, "successor_id": successor.pk},
    )


@transaction.atomic
def grant_membership(user: Any, unit: Unit, role: str, *, by: Any, title: str = "") -> Membership:
    """Give ``user`` the ``role`` on ``unit`` and its subtree (idempotent)."""
    if role not in Role.values:
        raise DomainError("units.unknown_role", _("Vai trò không hợp lệ."))
    membership, created = Membership.objects.get_or_create(
        user=user, unit=unit, role=role, defaults={"title": title}
    )
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
        created = True
    if created:
        record_audit(
            "units.membership.granted",
            by=by,
            unit=unit,
            target=membership,
            data={"user": user.get_username(), "role": role},
        )
    return membership


@transaction.atomic
def revoke_membership(membership: Membership, *, by: Any) -> None:
    if not membership.is_active:
        return
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    record_audit(
        "units.membership.revoked",
        by=by,
        unit=membership.unit,
        target=membership,
        data={"user": membership.user.get_username(), "role": membership.role},
    )
