"""Filters shared by the dashboard's queries (subtree, scope, levels, drill-down prefix)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import Substr

from thidua.campaigns.models import Campaign
from thidua.units.access import Scope
from thidua.units.enums import UnitLevel
from thidua.units.models import PATH_STEP, Unit

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


# Figures of each unit directly below, keyed by the child's path (its materialized-path prefix):
# path -> figure name (a field of figures.ChildRow) -> number.
PerChild = dict[str, dict[str, int]]


def per_child() -> PerChild:
    return defaultdict(lambda: defaultdict(int))


def child_prefix(unit: Unit | None, field: str) -> Substr:
    """The prefix of ``field``'s unit path that names the child of ``unit`` it lies under (the
    provinces when ``unit`` is None): every figure is grouped by it, so one query serves the
    subtree's totals and the drill-down's rows. Rows of ``unit`` itself get its own path."""
    length = (unit.depth + 1) * PATH_STEP if unit is not None else PATH_STEP
    return Substr(f"{field}__path" if field else "path", 1, length)


# Levels of plans derived one from another: central -> province -> district -> commune.
DERIVATION_DEPTH = 3


def family(campaign: Campaign) -> QuerySet[Campaign, Any]:
    """The campaign and the plans derived from it below (R1: a district implements the
    province's plan with its own, issued to its communes), as a subquery: a province's
    dashboard for its 3-level campaign counts the communes' assignments and conferences of the
    districts' plans too. A unit acts in one plan of the family (its direct superior's)."""
    chain = Q(pk=campaign.pk)
    for depth in range(1, DERIVATION_DEPTH + 1):
        chain |= Q(**{"__".join(["parent"] * depth): campaign.pk})
    return Campaign.objects.filter(chain).values("pk")
