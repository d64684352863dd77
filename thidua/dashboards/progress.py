"""Progress of a campaign in a subtree: assignments by status, late units, conferences by
level (see selectors.py for the query counts)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from thidua.campaigns.enums import AssignmentKind, AssignmentState, BoardStatus
from thidua.campaigns.models import Assignment, Campaign
from thidua.campaigns.selectors import board_status_expression, late_condition
from thidua.conferences.models import Conference
from thidua.dashboards import figures as f
from thidua.dashboards.common import (
    PerChild,
    below,
    child_prefix,
    family,
    level_label,
    levels,
    per_child,
    scoped,
)
from thidua.units.access import Scope
from thidua.units.models import Unit

LATE_SAMPLE = 20  # late units listed by name on the dashboard (the count covers them all)
SENT_BOARD = (BoardStatus.SUBMITTED, BoardStatus.LATE, BoardStatus.ACCEPTED)
SENT_STATES = (AssignmentState.SUBMITTED, AssignmentState.ACCEPTED)


# --- Assignments (progress of the campaign) --------------------------------------------------


def assignments_of(unit: Unit | None, campaign: Campaign, scope: Scope | None) -> QuerySet:
    rows = Assignment.objects.filter(campaign__in=family(campaign)).filter(below(unit, "unit"))
    return scoped(rows, scope, "unit")


@dataclass
class AssignmentCounts:
    figures: f.AssignmentFigures
    by_level: dict[str, dict[str, dict[str, int]]]  # level -> kind -> board status -> units
    children: PerChild  # units_assigned, late_units, conferences_held (recorded) per child


def assignment_counts(
    unit: Unit | None, campaign: Campaign | None, now: dt.datetime, scope: Scope | None
) -> AssignmentCounts:
    """4 queries: assignments by child, kind, level and board status; late units by child (a
    unit lies under exactly one child, so their sum is the subtree's number of late units);
    the first late units by name, and their late assignments."""
    kinds = [(k, str(label)) for k, label in AssignmentKind.choices]
    statuses = [(s, str(label)) for s, label in BoardStatus.choices]
    children = per_child()
    if campaign is None:
        return AssignmentCounts(f.AssignmentFigures(kinds, statuses, {}, 0, 0), {}, children)
    rows = assignments_of(unit, campaign, scope)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_level: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for prefix, kind, level, status, number in (
        rows.annotate(board_status=board_status_expression(now), prefix=child_prefix(unit, "unit"))
        .values_list("prefix", "kind", "level", "board_status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[kind][status] += number
        by_level[level][kind][status] += number
        if kind == AssignmentKind.SUBMIT_PLAN:  # one per unit and campaign (a constraint)
            children[prefix]["units_assigned"] += number
        elif kind == AssignmentKind.HOLD_CONFERENCE and status in SENT_BOARD:
            children[prefix]["conferences_held"] += number
    late = rows.filter(late_condition(now))
    for prefix, number in (
        late.annotate(prefix=child_prefix(unit, "unit"))
        .values_list("prefix")
        .annotate(n=Count("unit_id", distinct=True))
        .order_by()
    ):
        children[prefix]["late_units"] += number
    sample = list(
        Unit.objects.filter(pk__in=late.values("unit_id"))
        .order_by("search_name", "pk")
        .values_list("pk", "name")[:LATE_SAMPLE]
    )
    late_kinds: dict[int, list[str]] = defaultdict(list)
    labels = dict(kinds)
    if sample:
        late_rows = late.filter(unit_id__in=[pk for pk, _n in sample]).order_by()
        for unit_id, kind in late_rows.values_list("unit_id", "kind"):
            late_kinds[unit_id].append(kind)
    order = [k for k, _l in kinds]
    figures = f.AssignmentFigures(
        kinds,
        statuses,
        {k: dict(v) for k, v in counts.items()},
        sum(counts.get(AssignmentKind.SUBMIT_PLAN, {}).values()),
        sum(child.get("late_units", 0) for child in children.values()),
        [
            f.LateUnit(
                pk,
                name,
                tuple(labels[k] for k in sorted(late_kinds[pk], key=order.index)),
            )
            for pk, name in sample
        ],
    )
    return AssignmentCounts(
        figures, {lv: {k: dict(s) for k, s in kv.items()} for lv, kv in by_level.items()}, children
    )


def assignment_figures(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    now: dt.datetime | None = None,
    scope: Scope | None = None,
) -> f.AssignmentFigures:
    """Units by assignment kind and board status (campaigns' own rule, in SQL), the number of
    late units (campaigns.selectors.late_condition, the SQL twin of workflow.is_late) and the
    first ``LATE_SAMPLE`` of them by name. 4 queries."""
    return assignment_counts(unit, campaign, now or timezone.now(), scope).figures


# --- Conferences -----------------------------------------------------------------------------


def conference_rows(
    unit: Unit | None,
    campaign: Campaign | None,
    by_level: dict[str, dict[str, dict[str, int]]],
    today: dt.date,
    scope: Scope | None,
    children: PerChild | None = None,
) -> list[f.ConferenceLevel]:
    """1 query: conferences by child and level. Adds conferences_planned and the issuer's own
    conferences held to ``children`` when given."""
    if campaign is None:
        return []
    conferences = scoped(
        Conference.objects.filter(campaign__in=family(campaign)).filter(below(unit, "unit")),
        scope,
        "unit",
    )
    approved = Q(list_approved_at__isnull=False)
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for prefix, level, *numbers in (
        conferences.annotate(prefix=child_prefix(unit, "unit"))
        .values_list("prefix", "level")
        .annotate(
            planned=Count("pk"),
            held_own=Count("pk", filter=Q(assignment__isnull=True, held_on__lte=today)),
            approved=Count("pk", filter=approved),
            failing=Count("pk", filter=approved & ~Q(list_override_failures=[])),
        )
        .order_by()
    ):
        found[level] = [a + b for a, b in zip(found[level], numbers, strict=True)]
        if children is not None:
            children[prefix]["conferences_planned"] += numbers[0]
            children[prefix]["conferences_held"] += numbers[1]
    rows = []
    for level in levels([*found, *by_level]):
        kinds = by_level.get(level, {})
        hold = kinds.get(AssignmentKind.HOLD_CONFERENCE, {})
        report = kinds.get(AssignmentKind.REPORT_RESULTS, {})
        planned, held_own, approved_n, failing = found.get(level, (0, 0, 0, 0))
        due = sum(hold.values())
        if not (due or planned):
            continue
        rows.append(
            f.ConferenceLevel(
                level=level,
                label=level_label(level),
                due=due,
                planned=planned,
                held=sum(hold.get(s, 0) for s in SENT_BOARD) + held_own,
                reported=sum(report.get(s, 0) for s in SENT_BOARD),
                approved=approved_n,
                approved_with_failures=failing,
            )
        )
    return rows


def conference_figures(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    now: dt.datetime | None = None,
    scope: Scope | None = None,
) -> list[f.ConferenceLevel]:
    """Conferences by level: due (units assigned to hold one), planned (set up in the system),
    held (the unit recorded it, or the issuer's own conference whose day has passed), reported
    (results sent), lists approved, and approved with a composition rule unmet. 5 queries with
    the assignment counts they read."""
    now = now or timezone.now()
    counts = assignment_counts(unit, campaign, now, scope)
    return conference_rows(unit, campaign, counts.by_level, timezone.localdate(now), scope)
