"""Filters shared by the dashboard's queries (subtree, scope, levels)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from thidua.units.access import Scope
from thidua.units.enums import UnitLevel
from thidua.units.models import Unit

LEVEL_ORDER = (UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)


def below(unit: Unit | None, field: str) -> Q:
    """Rows whose unit (``field`` names the FK to Unit) is ``unit`` or below it."""
    return Q(**{f"{field}__path__startswith": unit.path}) if unit is not None else Q()


def scoped[M: Any](queryset: QuerySet[M], scope: Scope | None, field: str) -> QuerySet[M]:
    return scope.restrict(queryset, field) if scope is not None else queryset


def level_label(level: str) -> str:
    return str(UnitLevel(level).label) if level in UnitLevel.values else level


def levels(found: Iterable[str]) -> list[str]:
    present = set(found)
    return [lv for lv in LEVEL_ORDER if lv in present] + sorted(present - set(LEVEL_ORDER))
