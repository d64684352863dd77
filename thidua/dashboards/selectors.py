"""The dashboard of a unit's subtree for a campaign: every figure from aggregate queries.

``dashboard(unit, campaign)`` is the public entry (the views, the home page's summary and the
national benchmark call it). It reads only through aggregates (GROUP BY in the database), so
its number of queries is fixed whatever the number of units below ``unit`` (a test counts them
with 1 and 3 communes), and each figure group is a function of its own (in progress.py and
people.py, re-exported here) with a fixed number of queries:

* ``assignment_figures``: 4 queries (units by kind, level and board status; the number of
  late units; the first late units and their late assignments: 2);
* ``conference_figures``: 1 query (+ the 4 of ``assignment_figures`` for the level counts);
* ``delegate_figures``: 2 queries (delegates by level and attributes; the composition rules);
* ``honoree_figures``: 1 query; ``award_figures``: 2 (recognitions by form and level, forms);
* ``vocabularies``: 3 (names of social components, economic sectors, fields);
* ``budget_figures``: 1 (planned against actual budget by level, from the units' current
  results reports; in budget.py: the results report is the single reported figure, since
  ``thidua.proceedings`` fills its actual cost from the conference's budget lines when the
  organizer submits the results);
* ``child_rows``: 1 (the units directly below); their figures come from the groups' own
  aggregates, which the dashboard also groups by the child's materialized-path prefix
  (``common.child_prefix``): 15 queries in all with a campaign.

Access: the caller has already checked that ``unit`` is in the user's scope (a membership
grants its whole subtree, so every row below ``unit`` is visible to them); ``scope`` narrows
further when given. ``unit`` None means the whole country (administrators, the benchmark).

Reads go to the read replica when one is configured (``thidua.operations.replica``): the
figures tolerate the replica's small lag; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import Assignment, Campaign
from thidua.campaigns.selectors import late_condition, visible_campaigns
from thidua.dashboards import figures as f
from thidua.dashboards.budget import budget_figures
from thidua.dashboards.common import PerChild, below, scoped
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
from thidua.units.models import Unit

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
    unit: Unit | None, figures: PerChild, *, scope: Scope | None = None
) -> tuple[list[f.ChildRow], f.ChildRow | None]:
    """The units directly below (the provinces when ``unit`` is None), each with the key
    figures of its subtree that the figure groups put in ``figures`` (keyed by the child's
    path, see common.child_prefix), and the unit's own row (its own conference, honorees,
    awards). 1 query whatever the number of children."""
    below_unit = Q(parent=unit) if unit is not None else Q(parent__isnull=True)
    children: QuerySet[Unit] = scoped(Unit.objects.filter(below_unit), scope, "")
    has_children = Exists(Unit.objects.filter(parent=OuterRef("pk")))
    listed = children.annotate(has_children=has_children).order_by("level", "search_name", "pk")
    rows = [
        f.ChildRow(pk, name, level, bool(deeper), **figures.get(path, {}))
        for pk, name, level, path, deeper in listed.values_list(
            "pk", "name", "level", "path", "has_children"
        )
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
    only the registry's figures). A fixed number of queries (15 with a campaign), read from
    the replica when one is configured. Each figure group's aggregate is also grouped by the
    child the rows lie under, so the drill-down's rows cost no query of their own (the list of
    children aside)."""
    now = now or timezone.now()
    with read_replica():
        vocab = vocabularies()
        counts = assignment_counts(unit, campaign, now, scope)
        per_child = counts.children
        conferences = conference_rows(
            unit, campaign, counts.by_level, timezone.localdate(now), scope, per_child
        )
        delegates = delegate_figures(unit, campaign, vocab=vocab, scope=scope)
        honorees = honoree_figures(unit, vocab=vocab, scope=scope, children=per_child)
        awards = award_figures(unit, campaign, vocab=vocab, scope=scope, children=per_child)
        budget = budget_figures(unit, campaign, scope=scope, children=per_child)
        children, own = child_rows(unit, per_child, scope=scope)
        return f.Dashboard(
            unit=unit,
            campaign=campaign,
            now=now,
            assignments=counts.figures,
            conferences=conferences,
            delegates=delegates,
            honorees=honorees,
            awards=awards,
            budget=budget,
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
    budget_planned: int = 0
    budget_actual: int = 0


def summary(scope: Scope, unit: Unit, *, now: dt.datetime | None = None) -> Summary:
    """The home page's few figures: the newest campaign concerning the subtree, its units and
    late units, the honorees and their titles and awards (in the campaign's period), the
    conference budget reported (planned and actual). 5 queries."""
    now = now or timezone.now()
    campaign = campaigns_for(scope, unit).first()
    units = late = 0
    budget = f.BudgetFigures()
    if campaign is not None:
        budget = budget_figures(unit, campaign)
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
        budget.planned,
        budget.actual,
    )
