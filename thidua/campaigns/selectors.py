"""Reads of campaigns. Every one takes a Scope (thidua/units/access.py) or a user and reads
only what that scope covers; fetches of one row answer 404 outside it.

A campaign is visible to whoever sees its issuer, and to the units it was issued to (a commune
reads the district's rules and deadlines, nothing of its neighbours).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404

from thidua.campaigns import workflow
from thidua.campaigns.enums import (
    OPEN_FEEDBACK,
    AssignmentKind,
    AssignmentState,
    BoardStatus,
)
from thidua.campaigns.models import (
    Assignment,
    Campaign,
    Feedback,
    FeedbackMessage,
    Submission,
)
from thidua.units import access
from thidua.units.access import Scope
from thidua.units.models import Unit

BOARD_PAGE_SIZE = 50


# --- campaigns ------------------------------------------------------------------------------------


def visible_campaigns(scope: Scope) -> QuerySet[Campaign]:
    """Campaigns whose issuer is in scope, or that were issued to a unit in scope."""
    campaigns = Campaign.objects.select_related("issuer")
    if scope.is_admin:
        return campaigns
    issued_to = Assignment.objects.filter(campaign=OuterRef("pk")).filter(
        scope.path_q("unit") or Q()
    )
    return campaigns.filter((scope.path_q("issuer") or Q()) | Q(Exists(issued_to)))


def get_campaign_for(user: Any, pk: Any) -> Campaign:
    try:
        return visible_campaigns(access.scope_for(user)).get(pk=pk)
    except (Campaign.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def campaign_with_rules(campaign: Campaign) -> Campaign:
    """The campaign with its level rules, composition rules and tasks loaded (3 queries)."""
    return (
        Campaign.objects.select_related("issuer", "parent", "preset")
        .prefetch_related("level_rules", "composition_rules", "tasks")
        .get(pk=campaign.pk)
    )


def manageable_units(scope: Scope) -> QuerySet[Unit]:
    """Units on which the scope may create campaigns (the roots of its organizer grants)."""
    from thidua.units.access import ACTION_ROLES

    roles = ACTION_ROLES["campaigns.manage"]
    if scope.is_admin:
        return Unit.objects.filter(parent__isnull=True)
    return Unit.objects.filter(path__in=scope.root_paths(roles))


# --- assignments and submissions ------------------------------------------------------------------


def assignments_in_scope(scope: Scope, *, campaign: Campaign | None = None) -> QuerySet[Assignment]:
    rows = scope.restrict(Assignment.objects.all(), "unit").select_related(
        "campaign", "campaign__issuer", "unit"
    )
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    return rows.order_by("-campaign__created_at", "unit__search_name", "kind")


def get_assignment_for(user: Any, pk: Any) -> Assignment:
    return access.get_for(
        user,
        Assignment.objects.select_related("campaign", "campaign__issuer", "unit"),
        pk=pk,
    )


def submissions_of(assignment: Assignment) -> QuerySet[Submission]:
    """Every version the unit sent, newest first, with results and awards (3 queries)."""
    return (
        assignment.submissions.select_related(
            "submitted_by", "reviewed_by", "results", "built_campaign"
        )
        .prefetch_related("results__awards")
        .order_by("-version")
    )


def get_submission_for(user: Any, pk: Any) -> Submission:
    return access.get_for(
        user,
        Submission.objects.select_related(
            "assignment", "assignment__unit", "assignment__campaign", "assignment__campaign__issuer"
        ),
        unit_field="assignment__unit",
        pk=pk,
    )


def submissions_in_scope(scope: Scope) -> QuerySet[Submission]:
    return (
        scope.restrict(Submission.objects.all(), "assignment__unit")
        .select_related("assignment", "assignment__unit", "submitted_by", "results")
        .prefetch_related("results__awards")
        .order_by("-submitted_at", "-pk")
    )


# --- feedback -------------------------------------------------------------------------------------


def feedback_in_scope(scope: Scope, *, campaign: Campaign | None = None) -> QuerySet[Feedback]:
    rows = scope.restrict(Feedback.objects.all(), "unit").select_related(
        "campaign", "unit", "created_by"
    )
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    return rows.annotate(message_count=Count("messages")).order_by("-updated_at", "-pk")


def get_feedback_for(user: Any, pk: Any) -> Feedback:
    return access.get_for(
        user,
        Feedback.objects.select_related("campaign", "campaign__issuer", "unit").prefetch_related(
            Prefetch(
                "messages",
                queryset=FeedbackMessage.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            )
        ),
        pk=pk,
    )


# --- the progress board ---------------------------------------------------------------------------


def board_status_expression(now: dt.datetime) -> Case:
    """workflow.board_status() in SQL (a test keeps the two equal)."""
    return Case(
        When(state=AssignmentState.ACCEPTED, then=Value(BoardStatus.ACCEPTED)),
        When(state=AssignmentState.RETURNED, then=Value(BoardStatus.RETURNED)),
        When(state=AssignmentState.SUBMITTED, submitted_late=True, then=Value(BoardStatus.LATE)),
        When(state=AssignmentState.SUBMITTED, then=Value(BoardStatus.SUBMITTED)),
        When(late_from__lte=now, then=Value(BoardStatus.MISSING)),
        default=Value(BoardStatus.NOT_STARTED),
        output_field=CharField(),
    )


def late_condition(now: dt.datetime, prefix: str = "") -> Q:
    """workflow.is_late() in SQL: sent after the deadline, or not sent and past it."""
    return Q(**{f"{prefix}submitted_late": True}) | Q(
        **{f"{prefix}state": AssignmentState.PENDING, f"{prefix}late_from__lte": now}
    )


@dataclass
class Cell:
    assignment_id: int
    status: str
    late_from: dt.datetime
    last_submitted_at: dt.datetime | None
    submitted_late: bool

    @property
    def label(self) -> str:
        return str(BoardStatus(self.status).label)


@dataclass
class BoardRow:
    unit: Any  # a Unit, or a UnitRef in the export
    cells: dict[str, Cell]
    open_feedback: int = 0

    @property
    def is_late(self) -> bool:
        return any(c.submitted_late or c.status == BoardStatus.MISSING for c in self.cells.values())

    def cell_list(self) -> list[Cell | None]:
        return [self.cells.get(kind) for kind in AssignmentKind.values]


@dataclass
class Board:
    campaign: Campaign
    now: dt.datetime
    counts: dict[str, dict[str, int]]  # kind -> status -> number of units
    unit_total: int
    late_units: int
    open_feedback: int
    page: Page[Any]
    rows: list[BoardRow] = field(default_factory=list)

    def count_table(self) -> list[tuple[str, str, list[int], int]]:
        """(kind, label, counts in BoardStatus order, total) for the table under the chart."""
        table = []
        for kind, label in AssignmentKind.choices:
            numbers = [self.counts.get(kind, {}).get(status, 0) for status in BoardStatus.values]
            table.append((kind, str(label), numbers, sum(numbers)))
        return table

    def chart_data(self) -> dict[str, Any]:
        """The numbers of the chart (stacked bars: one bar per assignment kind)."""
        return {
            "labels": [str(label) for _kind, label in AssignmentKind.choices],
            "datasets": [
                {
                    "status": status,
                    "label": str(label),
                    "data": [
                        self.counts.get(kind, {}).get(status, 0) for kind in AssignmentKind.values
                    ],
                }
                for status, label in BoardStatus.choices
            ],
        }


def _board_assignments(campaign: Campaign, scope: Scope) -> QuerySet[Assignment]:
    return scope.restrict(Assignment.objects.filter(campaign=campaign), "unit")


def board(
    campaign: Campaign,
    scope: Scope,
    *,
    now: dt.datetime,
    late_only: bool = False,
    page_number: Any = 1,
    page_size: int = BOARD_PAGE_SIZE,
) -> Board:
    """The progress board of a campaign: counts per assignment kind and status, the number of
    late units, open feedback, and one page of units with their status on each assignment.

    A fixed number of queries whatever the number of units: counts (1), late units (1), open
    feedback total (1), the page (2: count + rows), the page's other assignments (1), the
    page's open feedback (1).
    """
    rows = _board_assignments(campaign, scope)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, status, number in (
        rows.annotate(board_status=board_status_expression(now))
        .values_list("kind", "board_status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[kind][status] = number
    late = late_condition(now)
    late_units = rows.filter(late).values("unit_id").distinct().count()
    open_feedback = (
        scope.restrict(Feedback.objects.filter(campaign=campaign), "unit")
        .filter(status__in=OPEN_FEEDBACK)
        .count()
    )
    anchors = rows.filter(kind=AssignmentKind.SUBMIT_PLAN).select_related("unit")
    if late_only:
        late_here = Assignment.objects.filter(campaign=campaign, unit=OuterRef("unit")).filter(late)
        anchors = anchors.filter(Exists(late_here))
    page = Paginator(anchors.order_by("unit__search_name", "unit_id"), page_size).get_page(
        page_number
    )
    unit_total = sum(counts[AssignmentKind.SUBMIT_PLAN].values()) if counts else 0
    result = Board(campaign, now, dict(counts), unit_total, late_units, open_feedback, page)
    result.rows = _rows(campaign, list(page.object_list), now)
    return result


def _cell(assignment: Assignment, now: dt.datetime) -> Cell:
    return Cell(
        assignment.pk,
        workflow.board_status(
            assignment.state, assignment.submitted_late, assignment.late_from, now
        ),
        assignment.late_from,
        assignment.last_submitted_at,
        assignment.submitted_late,
    )


def _rows(campaign: Campaign, anchors: list[Assignment], now: dt.datetime) -> list[BoardRow]:
    unit_ids = [a.unit_id for a in anchors]
    cells: dict[int, dict[str, Cell]] = defaultdict(dict)
    for anchor in anchors:
        cells[anchor.unit_id][anchor.kind] = _cell(anchor, now)
    others = Assignment.objects.filter(campaign=campaign, unit_id__in=unit_ids).exclude(
        kind=AssignmentKind.SUBMIT_PLAN
    )
    for assignment in others:
        cells[assignment.unit_id][assignment.kind] = _cell(assignment, now)
    feedback = Counter(
        dict(
            Feedback.objects.filter(
                campaign=campaign, unit_id__in=unit_ids, status__in=OPEN_FEEDBACK
            )
            .values_list("unit_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    return [BoardRow(a.unit, cells[a.unit_id], feedback.get(a.unit_id, 0)) for a in anchors]


@dataclass(frozen=True)
class UnitRef:
    """The few columns of a unit the export writes (no model instances for 10,000 rows)."""

    pk: int
    code: str
    name: str


def board_export_rows(
    campaign: Campaign, scope: Scope, *, now: dt.datetime, late_only: bool = False
) -> Iterator[BoardRow]:
    """Every unit of the board (not one page), for the .xlsx export: two queries in all.

    Plain tuples, fetched at once: a server-side cursor (``iterator()``) made PostgreSQL pick a
    fast-start plan 50x slower on the whole country (bench/bench_board.py)."""
    rows = _board_assignments(campaign, scope).order_by("unit__search_name", "unit_id", "kind")
    if late_only:
        late_units = _board_assignments(campaign, scope).filter(late_condition(now))
        rows = rows.filter(unit_id__in=late_units.values("unit_id"))
    feedback = Counter(
        dict(
            scope.restrict(Feedback.objects.filter(campaign=campaign), "unit")
            .filter(status__in=OPEN_FEEDBACK)
            .values_list("unit_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    columns = (
        "pk",
        "unit_id",
        "unit__code",
        "unit__name",
        "kind",
        "state",
        "submitted_late",
        "late_from",
        "last_submitted_at",
    )
    current: BoardRow | None = None
    for pk, unit_id, code, name, kind, state, late, late_from, last in rows.values_list(*columns):
        if current is None or current.unit.pk != unit_id:
            if current is not None:
                yield current
            current = BoardRow(UnitRef(unit_id, code, name), {}, feedback.get(unit_id, 0))
        status = workflow.board_status(state, late, late_from, now)
        current.cells[kind] = Cell(pk, status, late_from, last, late)
    if current is not None:
        yield current
