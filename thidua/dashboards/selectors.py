"""The dashboard of a unit's subtree for a campaign: every figure from aggregate queries.

``dashboard(unit, campaign)`` is the public entry (the views, the home page's summary and the
national benchmark call it). It reads only through aggregates (GROUP BY in the database), so
its number of queries is fixed whatever the number of units below ``unit`` (a test counts them
with 1 and 3 communes), and each figure group is a function of its own (in progress.py and
people.py, re-exported here) with a fixed number of queries:

* ``assignment_figures``: 4 queries (units by kind, level and board status; the number of
  late units; the first late units and their late assignments: 2);
* ``conference_figures``: 1 query (+ the level counts of ``assignment_figures``);
* ``delegate_figures``: 2 queries (delegates by level and attributes; the composition rules);
* ``honoree_figures``: 1 query; ``award_figures``: 2 (recognitions by form and level, forms);
* ``vocabularies``: 3 (names of social components, economic sectors, fields);
* ``child_rows``: 5 (the units directly below, then one aggregate per figure group, grouped by
  the child's materialized-path prefix).

Access: the caller has already checked that ``unit`` is in the user's scope (a membership
grants its whole subtree, so every row below ``unit`` is visible to them); ``scope`` narrows
further when given. ``unit`` None means the whole country (administrators, the benchmark).

Reads go to the read replica when one is configured (``thidua.operations.replica``): the
figures tolerate the replica's small lag; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import Assignment, Campaign
from thidua.campaigns.selectors import late_condition, visible_campaigns
from thidua.conferences.models import Conference
from thidua.dashboards import figures as f
from thidua.dashboards.common import below, scoped
from thidua.dashboards.people import (  # noqa: F401  (the public interface, re-exported)
    Vocabularies,
    award_figures,
    delegate_figures,
    honoree_figures,
    recognitions_of,
    vocabularies,
)
from thidua.dashboards.progress import (  # noqa: F401
    LATE_SAMPLE,
    SENT_STATES,
    assignment_counts,
    assignment_figures,
    assignments_of,
    conference_figures,
    conference_rows,
)
from thidua.honorees.models import Honoree
from thidua.operations.replica import read_replica
from thidua.units.access import Scope
from thidua.units.models import PATH_STEP, Unit

# --- Campaigns to choose from ----------------------------------------------------------------


def campaigns_for(scope: Scope, unit: Unit | None) -> QuerySet[Campaign]:
    """Issued campaigns that concern the subtree: issued by a unit in it, or assigned to one.
    Newest first; the first is the dashboard's default."""
    campaigns = visible_campaigns(scope).exclude(status=CampaignStatus.DRAFT)
    if unit is not None:
        assigned = Assignment.objects.filter(
            campaign=OuterRef("pk"), unit__path__startswith=unit.path
        )
        campaigns = campaigns.filter(Q(issuer__path__startswith=unit.path) | Q(Exists(assigned)))
    return campaigns.order_by("-issued_at", "-created_at", "-pk")


# --- Drill-down ------------------------------------------------------------------------------


def child_rows(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    now: dt.datetime | None = None,
    scope: Scope | None = None,
) -> tuple[list[f.ChildRow], f.ChildRow | None]:
    """The units directly below (the provinces when ``unit`` is None), each with the key
    figures of its subtree, and the unit's own row (its own conference, honorees, awards).
    Each figure is one aggregate grouped by the materialized path's prefix of the child's
    length: 5 queries whatever the number of children."""
    now = now or timezone.now()
    below_unit = Q(parent=unit) if unit is not None else Q(parent__isnull=True)
    children: QuerySet[Unit] = scoped(Unit.objects.filter(below_unit), scope, "")
    has_children = Exists(Unit.objects.filter(parent=OuterRef("pk")))
    listed = list(
        children.annotate(has_children=has_children)
        .order_by("level", "search_name", "pk")
        .values_list("pk", "name", "level", "path", "has_children")
    )
    length = (unit.depth + 1) * PATH_STEP if unit is not None else PATH_STEP
    figures: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def prefix(field: str) -> Substr:
        return Substr(f"{field}__path", 1, length)

    if campaign is not None:
        for key, assigned, late, held in (
            assignments_of(unit, campaign, scope)
            .annotate(prefix=prefix("unit"))
            .values_list("prefix")
            .annotate(
                assigned=Count("unit_id", distinct=True, filter=Q(kind=AssignmentKind.SUBMIT_PLAN)),
                late=Count("unit_id", distinct=True, filter=late_condition(now)),
                held=Count(
                    "pk",
                    filter=Q(kind=AssignmentKind.HOLD_CONFERENCE, state__in=SENT_STATES),
                ),
            )
            .order_by()
        ):
            figures[key].update(units_assigned=assigned, late_units=late, conferences_held=held)
        today = timezone.localdate(now)
        for key, planned, held_own in (
            scoped(
                Conference.objects.filter(campaign=campaign).filter(below(unit, "unit")),
                scope,
                "unit",
            )
            .annotate(prefix=prefix("unit"))
            .values_list("prefix")
            .annotate(
                planned=Count("pk"),
                held_own=Count("pk", filter=Q(assignment__isnull=True, held_on__lte=today)),
            )
            .order_by()
        ):
            figures[key]["conferences_planned"] += planned
            figures[key]["conferences_held"] += held_own
    for key, number in (
        scoped(Honoree.objects.filter(below(unit, "unit")), scope, "unit")
        .annotate(prefix=prefix("unit"))
        .values_list("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        figures[key]["honorees"] += number
    for key, number in (
        recognitions_of(unit, campaign, scope)
        .annotate(prefix=prefix("honoree__unit"))
        .values_list("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        figures[key]["awards"] += number
    rows = [
        f.ChildRow(pk, name, level, bool(below), **figures.get(path, {}))
        for pk, name, level, path, below in listed
    ]
    own = None
    if unit is not None and unit.path in figures:
        own = f.ChildRow(unit.pk, unit.name, unit.level, True, **figures[unit.path])
    return rows, own


# --- The whole dashboard ---------------------------------------------------------------------


def dashboard(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    now: dt.datetime | None = None,
    scope: Scope | None = None,
) -> f.Dashboard:
    """Every figure of ``unit``'s subtree (None: the whole country) for ``campaign`` (None:
    only the registry's figures). A fixed number of queries (18 with a campaign), read from
    the replica when one is configured."""
    now = now or timezone.now()
    with read_replica():
        vocab = vocabularies()
        counts = assignment_counts(unit, campaign, now, scope)
        conferences = conference_rows(
            unit, campaign, counts.by_level, timezone.localdate(now), scope
        )
        children, own = child_rows(unit, campaign, now=now, scope=scope)
        return f.Dashboard(
            unit=unit,
            campaign=campaign,
            now=now,
            assignments=counts.figures,
            conferences=conferences,
            delegates=delegate_figures(unit, campaign, vocab=vocab, scope=scope),
            honorees=honoree_figures(unit, vocab=vocab, scope=scope),
            awards=award_figures(unit, campaign, vocab=vocab, scope=scope),
            children=children,
            own_row=own,
        )


@dataclass(frozen=True)
class Summary:
    campaign: Campaign | None
    unit_total: int
    late_units: int
    honorees: int
    awards: int


def summary(scope: Scope, unit: Unit, *, now: dt.datetime | None = None) -> Summary:
    """The home page's few figures: the newest campaign concerning the subtree, its units and
    late units, the honorees and their titles and awards (in the campaign's period). 5
    queries."""
    now = now or timezone.now()
    campaign = campaigns_for(scope, unit).first()
    units = late = 0
    if campaign is not None:
        rows = assignments_of(unit, campaign, None)
        numbers = rows.aggregate(
            units=Count("unit_id", distinct=True, filter=Q(kind=AssignmentKind.SUBMIT_PLAN)),
            late=Count("unit_id", distinct=True, filter=late_condition(now)),
        )
        units, late = numbers["units"], numbers["late"]
    return Summary(
        campaign,
        units,
        late,
        Honoree.objects.filter(below(unit, "unit")).count(),
        recognitions_of(unit, campaign, None).count(),
    )
