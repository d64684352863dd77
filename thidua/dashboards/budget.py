"""The conference budget of a campaign in a subtree: planned against actual, by level and per
child (R4, R15; see selectors.py for the query counts).

The figures are the ones the units reported with their results (``campaigns.ResultsReport``:
``planned_budget``, ``actual_cost``): the single reported figure. When an organizer keeps the
conference's budget lines in the system (``thidua.proceedings``), submitting the results fills
the report's planned budget and actual cost from them (``proceedings.selectors.budget_totals``
through ``results_figures``), so the lines are never read (nor counted twice) here.

A report counts when its assignment was sent ("reported" on the rest of the dashboard: the
assignment is submitted or accepted) and it belongs to the assignment's current submission
(the latest version: a returned, then corrected report counts once, with its corrected
figures).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Sum

from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Campaign, ResultsReport, Submission
from thidua.dashboards import figures as f
from thidua.dashboards.common import (
    PerChild,
    below,
    child_prefix,
    family,
    level_label,
    levels,
    scoped,
)
from thidua.dashboards.progress import SENT_STATES
from thidua.units.access import Scope
from thidua.units.models import Unit

UNIT = "submission__assignment__unit"


def budget_figures(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    scope: Scope | None = None,
    children: PerChild | None = None,
) -> f.BudgetFigures:
    """Planned and actual budget by level (the assignment's level) and in total, from the
    current results report of each sent "report your results" assignment of the subtree.
    1 query: grouped by child and level; adds budget_planned and budget_actual to
    ``children`` when given."""
    if campaign is None:
        return f.BudgetFigures()
    newer = Submission.objects.filter(
        assignment_id=OuterRef("submission__assignment_id"),
        version__gt=OuterRef("submission__version"),
    )
    reports = scoped(
        ResultsReport.objects.filter(
            submission__assignment__campaign__in=family(campaign),
            submission__assignment__kind=AssignmentKind.REPORT_RESULTS,
            submission__assignment__state__in=SENT_STATES,
        )
        .filter(below(unit, UNIT))
        .filter(~Exists(newer)),
        scope,
        UNIT,
    )
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for prefix, level, number, planned, actual in (
        reports.annotate(prefix=child_prefix(unit, UNIT))
        .values_list("prefix", "submission__assignment__level")
        .annotate(n=Count("pk"), planned=Sum("planned_budget"), actual=Sum("actual_cost"))
        .order_by()
    ):
        planned, actual = int(planned or 0), int(actual or 0)
        row = found[level]
        row[0] += number
        row[1] += planned
        row[2] += actual
        if children is not None:
            children[prefix]["budget_planned"] += planned
            children[prefix]["budget_actual"] += actual
    return f.BudgetFigures(
        [
            f.BudgetLevel(level, level_label(level), *found[level])
            for level in levels(found)
            if found[level][0]
        ]
    )
