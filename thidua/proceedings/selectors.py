"""Reads of the proceedings. Every read of unit-owned rows goes through thidua/units/access.py
(the conference is fetched with ``conferences.selectors.get_conference_for``: 404 outside the
user's scope; rows of this app are reached through their conference).

Interface for other apps: ``budget_totals(conference_ids)`` (dashboards: planned vs actual, one
query), ``results_figures(conference)`` (the results report pre-filled from the conference).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from thidua.awards.enums import EntryStatus
from thidua.awards.models import AwardForm, DecisionEntry
from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Assignment
from thidua.campaigns.results import AwardLine, ResultsFigures
from thidua.conferences import rules as conference_rules
from thidua.conferences.models import AgendaItem, Conference, Delegate
from thidua.honorees.models import Field, Honoree, Participation, SocialComponent
from thidua.proceedings import budget, coverage, money
from thidua.proceedings.enums import CATEGORY_ORDER
from thidua.proceedings.models import (
    BaseSalary,
    BudgetLine,
    OutlineSection,
    Presentation,
    ReportSection,
    SideActivity,
)
from thidua.units import access

# --- Rows reached by pk (404 outside the scope) ----------------------------------------------


def get_budget_line_for(user: Any, pk: Any) -> BudgetLine:
    return access.get_for(
        user,
        BudgetLine.objects.select_related("conference", "conference__unit"),
        unit_field="conference__unit",
        pk=pk,
    )


def get_presentation_for(user: Any, pk: Any) -> Presentation:
    return access.get_for(
        user,
        Presentation.objects.select_related("conference", "conference__unit"),
        unit_field="conference__unit",
        pk=pk,
    )


def get_side_activity_for(user: Any, pk: Any) -> SideActivity:
    return access.get_for(
        user,
        SideActivity.objects.select_related("conference", "conference__unit"),
        unit_field="conference__unit",
        pk=pk,
    )


def get_report_section_for(user: Any, pk: Any) -> ReportSection:
    return access.get_for(
        user,
        ReportSection.objects.select_related("conference", "conference__unit", "outline"),
        unit_field="conference__unit",
        pk=pk,
    )


# --- Budget ------------------------------------------------------------------------------------


def base_salary_on(day: dt.date) -> BaseSalary | None:
    """The base salary row in force on ``day`` (the latest effective on or before it)."""
    return BaseSalary.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


def bonus_forms(day: dt.date) -> QuerySet[AwardForm]:
    """Award forms valid on ``day`` that carry a bonus (individual or collective)."""
    return (
        AwardForm.objects.valid_on(day)
        .filter(is_active=True)
        .filter(Q(bonus_multiple__isnull=False) | Q(bonus_multiple_collective__isnull=False))
        .order_by("-rank", "name")
    )


def budget_lines_of(conference: Conference) -> QuerySet[BudgetLine]:
    return conference.budget_lines.select_related("award_form").order_by("order", "id")


def summarise(lines: Any) -> budget.Summary:
    return budget.summarise(
        (budget.Line(line.category, line.planned_amount, line.actual_amount) for line in lines),
        CATEGORY_ORDER,
    )


def budget_totals(conference_ids: Any) -> dict[int, tuple[int, int]]:
    """conference id -> (planned, actual) in one query; conferences without lines: (0, 0)."""
    ids = list(conference_ids)
    rows = (
        BudgetLine.objects.filter(conference_id__in=ids)
        .values("conference_id")
        .annotate(planned=Sum("planned_amount"), actual=Coalesce(Sum("actual_amount"), 0))
        .order_by()
    )
    totals = {pk: (0, 0) for pk in ids}
    for row in rows:
        totals[row["conference_id"]] = (int(row["planned"] or 0), int(row["actual"] or 0))
    return totals


def in_words(amount: int) -> str:
    return money.money_in_words(amount)


# --- Presentations -----------------------------------------------------------------------------


def presentations_of(conference: Conference) -> QuerySet[Presentation]:
    return conference.presentations.select_related("delegate", "agenda_item").order_by(
        "agenda_item__order", "order", "id"
    )


def presentation_items(conference: Conference) -> QuerySet[AgendaItem]:
    """Agenda items a presentation may go under (every item; the plan's item 3 first)."""
    return conference.agenda_items.order_by("order", "id")


def presenter_choices(conference: Conference) -> QuerySet[Delegate]:
    return conference.delegates.filter(status__in=conference_rules.ON_LIST).order_by(
        "category", "name", "id"
    )


@dataclass(frozen=True)
class ItemPlan:
    item: AgendaItem
    presentations: tuple[Presentation, ...]
    fit: coverage.TimeFit


@dataclass(frozen=True)
class PresentationsPage:
    items: tuple[ItemPlan, ...]
    fields: coverage.Representation
    components: coverage.Representation
    count: int


def _universe(model: Any, codes: set[str]) -> dict[str, str]:
    """code -> name of the vocabulary values among ``codes``, in the vocabulary's order;
    a code the vocabulary lacks keeps its code as label, after the others."""
    names = dict(
        model.objects.filter(code__in=codes).order_by("order", "name").values_list("code", "name")
    )
    ordered = list(names) + sorted(codes - set(names))
    return {code: names.get(code, code) for code in ordered}


def presentations_page(conference: Conference) -> PresentationsPage:
    """Presentations by agenda item with their time fit, and the fields and social components
    of the delegates on the list that the presenters cover or miss."""
    presentations = list(presentations_of(conference))
    by_item: dict[int, list[Presentation]] = defaultdict(list)
    for p in presentations:
        by_item[p.agenda_item_id].append(p)
    items = tuple(
        ItemPlan(
            item,
            tuple(by_item[item.pk]),
            coverage.time_fit((p.minutes for p in by_item[item.pk]), item.duration_minutes),
        )
        for item in presentation_items(conference)
        if by_item[item.pk] or item.position == PRESENTATIONS_POSITION
    )
    pool = list(presenter_choices(conference).values_list("field", "component"))
    field_codes = {f for f, _c in pool if f}
    component_codes = {c for _f, c in pool if c}
    return PresentationsPage(
        items=items,
        fields=coverage.representation(
            _universe(Field, field_codes), (p.delegate.field for p in presentations)
        ),
        components=coverage.representation(
            _universe(SocialComponent, component_codes),
            (p.delegate.component for p in presentations),
        ),
        count=len(presentations),
    )


# The plan's agenda item 3: "Báo cáo tham luận của các điển hình tiên tiến" (R8).
PRESENTATIONS_POSITION = 3


# --- Side activities ---------------------------------------------------------------------------


def side_activities_of(conference: Conference) -> QuerySet[SideActivity]:
    return conference.side_activities.order_by("held_on", "id")


# --- Results (R16) -----------------------------------------------------------------------------


def results_assignment(conference: Conference) -> Assignment | None:
    """The unit's "report results" assignment of the conference's campaign, if any."""
    return (
        Assignment.objects.filter(
            campaign_id=conference.campaign_id,
            unit_id=conference.unit_id,
            kind=AssignmentKind.REPORT_RESULTS,
        )
        .select_related("campaign", "unit")
        .first()
    )


def conference_entries(conference: Conference) -> QuerySet[DecisionEntry]:
    """Granted award entries decided on proposals attached to this conference."""
    source_type = ContentType.objects.get_for_model(Conference)
    source = str(conference.pk)
    return DecisionEntry.objects.filter(
        Q(decision__proposal__source_type=source_type, decision__proposal__source_id=source)
        | Q(item__proposal__source_type=source_type, item__proposal__source_id=source),
        status=EntryStatus.GRANTED,
    )


@dataclass(frozen=True)
class Attendance:
    honorees: int
    guests: int
    leaders: int
    women: int
    men: int
    unknown_gender: int
    direct_producers: int

    @property
    def total(self) -> int:
        return self.honorees + self.guests + self.leaders


def attendance(conference: Conference) -> Attendance:
    """Who was present: delegates with a check-in time (``checked_in_at`` is the source of
    truth), by category and gender. One query."""
    present = Q(checked_in_at__isnull=False)
    row = Delegate.objects.filter(conference=conference).aggregate(
        honorees=Count("pk", filter=present & Q(category=conference_rules.HONOREE)),
        guests=Count("pk", filter=present & Q(category=conference_rules.GUEST)),
        leaders=Count("pk", filter=present & Q(category=conference_rules.LEADER)),
        women=Count("pk", filter=present & Q(gender="female")),
        men=Count("pk", filter=present & Q(gender="male")),
        unknown=Count("pk", filter=present & ~Q(gender__in=["female", "male"])),
        direct=Count("pk", filter=present & Q(direct_producer=True)),
    )
    return Attendance(
        honorees=row["honorees"],
        guests=row["guests"],
        leaders=row["leaders"],
        women=row["women"],
        men=row["men"],
        unknown_gender=row["unknown"],
        direct_producers=row["direct"],
    )


def award_lines(conference: Conference) -> tuple[AwardLine, ...]:
    rows = (
        conference_entries(conference)
        .values("award_form__name", "award_form__rank")
        .annotate(
            collectives=Count("pk", filter=Q(honoree__kind="collective")),
            individuals=Count("pk", filter=~Q(honoree__kind="collective")),
        )
        .order_by("-award_form__rank", "award_form__name")
    )
    return tuple(
        AwardLine(row["award_form__name"], row["collectives"], row["individuals"]) for row in rows
    )


def results_figures(conference: Conference) -> tuple[ResultsFigures, Attendance]:
    """The results report as the conference's own data gives it (R16): attendance from
    check-ins, presentations, awards decided at the conference, delegates certified upward,
    the budget's planned and actual totals."""
    present = attendance(conference)
    planned, actual = budget_totals([conference.pk])[conference.pk]
    figures = ResultsFigures(
        held_on=conference.held_on,
        honorees_present=present.honorees,
        guests_present=present.guests,
        leaders_present=present.leaders,
        women_present=present.women,
        men_present=present.men,
        direct_producers_present=present.direct_producers,
        presentations_given=conference.presentations.count(),
        delegates_sent_upward=conference.delegates.filter(
            certified_upward_at__isnull=False
        ).count(),
        planned_budget=planned,
        actual_cost=actual,
        awards=award_lines(conference),
    )
    return figures, present


# --- Summary report (R10) ----------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineRow:
    outline: OutlineSection
    title: str
    section: ReportSection | None

    @property
    def filled(self) -> bool:
        return self.section is not None and self.section.is_filled


def outline_of(conference: Conference) -> list[OutlineRow]:
    """The outline with what was written for this conference (two queries)."""
    written = {s.outline_id: s for s in conference.report_sections.all()}
    campaign = conference.campaign
    return [
        OutlineRow(section, section_title(section, campaign), written.get(section.pk))
        for section in OutlineSection.objects.filter(is_active=True).order_by("order", "id")
    ]


def section_title(section: OutlineSection, campaign: Any) -> str:
    return section.title.replace(
        "{review}", f"{campaign.review_period_start}-{campaign.review_period_end}"
    ).replace("{direction}", f"{campaign.direction_period_start}-{campaign.direction_period_end}")


@dataclass(frozen=True)
class ReportStatistics:
    honorees: int
    individuals: int
    collectives: int
    by_movement: tuple[tuple[str, int], ...]
    awards: Any  # thidua.awards.statistics.Summary
    years: tuple[int, int]


def report_statistics(conference: Conference) -> ReportStatistics:
    """What the system knows for the summary report: honorees of the unit and below (by kind,
    by movement), and the awards they received over the campaign's review period (by form;
    shares to direct workers, workers and farmers)."""
    from thidua.awards.selectors import award_statistics
    from thidua.units.access import Scope

    unit = conference.unit
    campaign = conference.campaign
    years = (campaign.review_period_start, campaign.review_period_end)
    honorees = Honoree.objects.filter(unit__path__startswith=unit.path).aggregate(
        total=Count("pk"),
        collectives=Count("pk", filter=Q(kind="collective")),
    )
    movements = (
        Participation.objects.filter(honoree__unit__path__startswith=unit.path)
        .values("movement__name")
        .annotate(n=Count("honoree", distinct=True))
        .order_by("-n", "movement__name")
    )
    scope = Scope((), is_admin=True)  # the conference was fetched through the access gate
    return ReportStatistics(
        honorees=honorees["total"],
        individuals=honorees["total"] - honorees["collectives"],
        collectives=honorees["collectives"],
        by_movement=tuple((row["movement__name"], row["n"]) for row in movements),
        awards=award_statistics(scope, unit, years=years),
        years=years,
    )


def summary_documents(conference: Conference) -> Any:
    from thidua.documents.models import GeneratedDocument

    source_type = ContentType.objects.get_for_model(Conference)
    return GeneratedDocument.objects.filter(
        unit=conference.unit, source_type=source_type, source_id=str(conference.pk), kind="BC"
    ).order_by("-issued_at", "-id")
