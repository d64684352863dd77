"""The upper unit's allocation of delegate seats among its sub-units (R3, R13).

The weights come from the sub-units' staff counts, their honoree counts, or typed values; the
method, the minimum per unit and the caps are the organizer's choice; the arithmetic is the pure
``thidua.selection.apportionment`` (exact, ties reported). Category quotas ("of the 30 seats at
least 40% women") are split by ``thidua.selection.quotas`` and stored with the allocation; each
sub-unit's share then becomes rules of its conference's nominee checker (``selectors``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Campaign
from thidua.conferences.rules import sub_unit_path
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.elections.enums import Method, WeightSource
from thidua.elections.models import Allocation
from thidua.elections.services.common import actor, require
from thidua.honorees.models import Honoree
from thidua.selection.apportionment import Method as MethodName
from thidua.selection.apportionment import apportion
from thidua.selection.errors import SelectionError
from thidua.selection.quotas import allocate_category
from thidua.units.models import Unit


def sub_units(unit: Unit, campaign: Campaign | None = None) -> list[Unit]:
    """The sub-units that receive seats: the children the campaign assigned a conference to,
    else the unit's current children; by name."""
    children = unit.children.order_by("name", "pk")
    if campaign is not None:
        assigned = children.filter(
            campaign_assignments__campaign=campaign,
            campaign_assignments__kind=AssignmentKind.HOLD_CONFERENCE,
        ).distinct()
        found = list(assigned)
        if found:
            return found
    return list(children.filter(valid_to__isnull=True))


def source_weights(
    unit: Unit,
    source: str,
    typed: Mapping[str, Any] | None = None,
    campaign: Campaign | None = None,
) -> dict[str, Any]:
    """Weights by sub-unit id (as text). Staff counts and honoree counts are read in one query."""
    children = sub_units(unit, campaign)
    if source == WeightSource.STAFF:
        return {str(c.pk): c.staff_count or 0 for c in children}
    if source == WeightSource.HONOREES:
        by_path = {c.path: str(c.pk) for c in children}
        counts = dict.fromkeys(by_path.values(), 0)
        rows = (
            Honoree.objects.filter(unit__path__startswith=unit.path)
            .exclude(unit=unit)
            .values("unit__path")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            path = sub_unit_path(row["unit__path"], unit.path)
            if path in by_path:
                counts[by_path[path]] += row["n"]
        return counts
    if source == WeightSource.TYPED:
        known = {str(c.pk) for c in children}
        values = {str(k): v for k, v in (typed or {}).items() if v not in ("", None)}
        unknown = set(values) - known
        if unknown:
            raise DomainError(
                "elections.unknown_unit", _("Có trọng số cho đơn vị không trực thuộc.")
            )
        return {key: values.get(key, 0) for key in sorted(known)}
    raise DomainError("elections.weight_source", _("Căn cứ phân bổ không hợp lệ."))


def _refused(error: SelectionError) -> DomainError:
    return DomainError(f"elections.{error.code}", error.message)


@transaction.atomic
def allocate(
    campaign: Campaign,
    unit: Unit,
    *,
    by: Any,
    seats: int,
    method: str,
    weight_source: str,
    min_per_unit: int = 0,
    caps: Mapping[str, int] | None = None,
    typed: Mapping[str, Any] | None = None,
    categories: Sequence[Mapping[str, Any]] = (),
    note: str = "",
) -> Allocation:
    """Save (or replace) the unit's allocation for the campaign.

    ``categories``: ``[{"feature", "value", "label", "share" | "count", "per_unit_min"}]``.
    Refusals (nothing written): the apportionment's own (impossible bounds, no weight...),
    ``elections.method``, ``elections.unknown_unit``, ``elections.weight_source``."""
    require(by, "elections.allocate", unit)
    if method not in Method.values:
        raise DomainError("elections.method", _("Phương pháp phân bổ không hợp lệ."))
    weights = source_weights(unit, weight_source, typed, campaign)
    if not weights:
        raise DomainError("elections.no_sub_units", _("Đơn vị không có đơn vị trực thuộc."))
    clean_caps = {str(k): int(v) for k, v in (caps or {}).items() if v not in ("", None)}
    if set(clean_caps) - set(weights):
        raise DomainError("elections.unknown_unit", _("Có số tối đa cho đơn vị không trực thuộc."))
    try:
        result = apportion(
            weights,
            seats,
            cast(MethodName, method),
            min_per_unit=min_per_unit,
            max_per_unit=clean_caps or None,
        )
        quotas = [
            allocate_category(
                result.seats,
                str(c["feature"]),
                str(c["value"]),
                count=c.get("count"),
                share=c.get("share"),
                per_unit_min=int(c.get("per_unit_min") or 0),
                label=str(c.get("label") or ""),
            )
            for c in categories
        ]
    except SelectionError as error:
        raise _refused(error) from error
    values = {
        "seats": seats,
        "method": method,
        "weight_source": weight_source,
        "min_per_unit": min_per_unit,
        "caps": clean_caps,
        "weights": {k: str(v) for k, v in weights.items()},
        "result": dict(result.seats),
        "ties": [{"units": list(t.units), "winners": list(t.winners)} for t in result.ties],
        "categories": [
            {"feature": q.feature, "value": q.value, "label": q.label, "per_unit": q.per_unit}
            for q in quotas
        ],
        "note": note,
        "updated_by": actor(by),
    }
    allocation, created = Allocation.objects.update_or_create(
        campaign=campaign, unit=unit, defaults=values
    )
    record_audit(
        "elections.allocation.saved",
        by=by,
        unit=unit,
        target=allocation,
        data={"seats": seats, "method": method, "source": weight_source, "result": values["result"],
              "ties": values["ties"], "created": created},
    )  # fmt: skip
    return allocation
