"""Reads of the awards app. Everything unit-owned goes through thidua/units/access.py scopes.

Interface for other apps (conferences, the summary report):
* ``authority_table()`` / ``unit_chain(unit)`` / ``deciding_office(unit, form, on)`` /
  ``holding_unit(unit, form, on)``: the authority table in force on a date;
* ``proposals_for_source(scope, obj)``: the proposals a conference (or any object) attached;
* ``entries_in(scope, unit, ...)`` / ``award_statistics(scope, unit, ...)``: what was awarded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet

from thidua.awards import authority as pure
from thidua.awards import statistics
from thidua.awards.enums import EntryStatus, SubmissionStatus
from thidua.awards.models import (
    AuthorityRule,
    AwardForm,
    CriterionRule,
    Decision,
    DecisionEntry,
    Office,
    Proposal,
    ProposalItem,
    Submission,
)
from thidua.core.text import fold
from thidua.honorees import rules as honoree_rules
from thidua.honorees.models import Recognition
from thidua.units.access import Scope
from thidua.units.models import Unit

# --- Authority --------------------------------------------------------------------------------


def authority_table() -> pure.AuthorityTable:
    """Every office and authority line (all dates): two queries. The pure table answers for
    any date, so one load serves a whole request."""
    offices = tuple(office.row() for office in Office.objects.all())
    rows = tuple(
        pure.AuthorityRow(office, form, valid_from, valid_to)
        for office, form, valid_from, valid_to in AuthorityRule.objects.values_list(
            "office__code", "award_form__code", "valid_from", "valid_to"
        )
    )
    return pure.AuthorityTable(offices, rows)


def node(unit: Unit) -> pure.UnitNode:
    return pure.UnitNode(unit.pk, unit.kind, unit.level)


def unit_chain(unit: Unit) -> list[Unit]:
    """The unit, then its ancestors nearest first (one query)."""
    ancestors = list(Unit.objects.filter(path__in=unit.ancestor_paths).order_by("-depth"))
    return [unit, *ancestors]


def deciding_office(
    unit: Unit, form: AwardForm, on: dt.date, table: pure.AuthorityTable | None = None
) -> Office | None:
    code = (table or authority_table()).deciding_office(node(unit), form.code, on)
    return Office.objects.get(code=code) if code else None


def holding_unit(
    unit: Unit, form: AwardForm, on: dt.date, table: pure.AuthorityTable | None = None
) -> Unit | None:
    """The nearest unit (itself included) whose head may decide ``form`` on ``on``."""
    chain = unit_chain(unit)
    held = (table or authority_table()).holding_unit([node(u) for u in chain], form.code, on)
    return next((u for u in chain if held and u.pk == held.id), None)


def next_level(unit: Unit, on: dt.date, table: pure.AuthorityTable | None = None) -> Unit | None:
    chain = unit_chain(unit)
    found = (table or authority_table()).next_level([node(u) for u in chain], on)
    return next((u for u in chain if found and u.pk == found.id), None)


def authority_rows_on(on: dt.date) -> QuerySet[AuthorityRule]:
    return (
        AuthorityRule.objects.valid_on(on)
        .filter(Q(office__valid_from__isnull=True) | Q(office__valid_from__lte=on))
        .filter(Q(office__valid_to__isnull=True) | Q(office__valid_to__gte=on))
        .select_related("office", "award_form")
        .order_by("office__order", "-award_form__rank")
    )


def active_rules() -> list[Any]:
    return [rule.rule() for rule in CriterionRule.objects.filter(is_active=True)]


# --- Proposals and submissions ------------------------------------------------------------------


def proposals_in(scope: Scope, unit: Unit | None = None) -> QuerySet[Proposal]:
    queryset = scope.restrict(Proposal.objects.select_related("unit", "movement"), "unit")
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    return queryset.annotate(item_count=Count("items")).order_by("-created_at", "-id")


def proposals_for_source(scope: Scope, source: Any) -> QuerySet[Proposal]:
    """The proposals attached to ``source`` (a conference, ...), within the scope."""
    content_type = ContentType.objects.get_for_model(source)
    return proposals_in(scope).filter(source_type=content_type, source_id=str(source.pk))


def items_of(proposal: Proposal) -> QuerySet[ProposalItem]:
    return (
        proposal.items.select_related("honoree", "honoree__unit", "award_form", "proposed_by")
        .prefetch_related("evidence", "opinions", "opinions__member")
        .order_by("position", "id")
    )


def inbox(scope: Scope, unit: Unit) -> QuerySet[Submission]:
    """Submissions waiting at ``unit`` (its inbox)."""
    return (
        scope.restrict(Submission.objects.all(), "from_unit")
        .filter(to_unit=unit, status=SubmissionStatus.PENDING)
        .select_related("from_unit", "to_unit", "holder_unit", "document", "proposal")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=ProposalItem.objects.select_related("honoree", "award_form"),
            )
        )
        .order_by("-created_at", "-id")
    )


def outbox(scope: Scope, unit: Unit) -> QuerySet[Submission]:
    """Submissions ``unit`` sent upward, with their outcome."""
    return (
        scope.restrict(Submission.objects.all(), "from_unit")
        .filter(from_unit=unit)
        .select_related("to_unit", "holder_unit", "document", "decision")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=ProposalItem.objects.select_related("honoree", "award_form"),
            )
        )
        .order_by("-created_at", "-id")
    )


# --- Decisions and the register -------------------------------------------------------------------


def decisions_in(scope: Scope, unit: Unit | None = None) -> QuerySet[Decision]:
    queryset = scope.restrict(Decision.objects.select_related("unit", "document"), "unit")
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    return queryset.annotate(entry_count=Count("entries")).order_by("-decided_on", "-id")


@dataclass(frozen=True)
class RegisterFilters:
    q: str = ""
    unit: Unit | None = None
    form: str = ""
    year: int | None = None
    status: str = ""


def entries_in(
    scope: Scope, filters: RegisterFilters = RegisterFilters()
) -> QuerySet[DecisionEntry]:
    """The register: every awarded line (granted or revoked) whose honoree's unit is in the
    scope, by person (name, with or without diacritics), unit, form, year."""
    queryset = scope.restrict(
        DecisionEntry.objects.select_related(
            "honoree", "unit", "award_form", "decision", "decision__unit", "revocation"
        ),
        "unit",
    )
    if filters.q:
        queryset = queryset.filter(honoree__search_name__contains=fold(filters.q))
    if filters.unit is not None:
        queryset = queryset.filter(unit__path__startswith=filters.unit.path)
    if filters.form:
        queryset = queryset.filter(award_form__code=filters.form)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return queryset.order_by("-decision__decided_on", "decision_id", "position")


def entries_of_honoree(honoree: Any) -> QuerySet[DecisionEntry]:
    """For the honoree's page (the honoree was fetched through access already)."""
    return (
        DecisionEntry.objects.filter(honoree=honoree)
        .select_related("award_form", "decision", "decision__unit", "revocation")
        .order_by("-decision__decided_on", "-id")
    )


# --- Statistics (R10, R14) ----------------------------------------------------------------------


def award_statistics(
    scope: Scope,
    unit: Unit,
    *,
    years: tuple[int, int] | None = None,
    worker_farmer_components: tuple[str, ...] | None = None,
    small_collective_max: int = honoree_rules.DEFAULT_SMALL_COLLECTIVE_MAX,
) -> statistics.Summary:
    """Shares of the recognitions received by honorees of ``unit`` and below (every title and
    form in their histories, including the decisions made here; revoked ones are no longer in
    the history): direct workers, workers and farmers, women, small collectives; by form and by
    deciding level. One query. The summary report (a later issue) calls this."""
    components = worker_farmer_components or tuple(settings.AWARDS_WORKER_FARMER_COMPONENTS)
    queryset = scope.restrict(Recognition.objects.all(), "honoree__unit").filter(
        honoree__unit__path__startswith=unit.path
    )
    if years is not None:
        queryset = queryset.filter(year__gte=years[0], year__lte=years[1])
    rows = queryset.values_list(
        "award_form__name",
        "level",
        "honoree__kind",
        "honoree__works_directly",
        "honoree__component__counts_as_direct_worker",
        "honoree__component__code",
        "honoree__gender",
        "honoree__collective_size",
    )
    return statistics.summarise(
        statistics.AwardRow(
            form=form,
            level=level or "",
            is_collective=kind == "collective",
            works_directly=bool(direct or component_direct),
            is_worker_or_farmer=component in components,
            is_woman=gender == "female",
            is_small_collective=kind == "collective"
            and honoree_rules.is_small_collective(size, maximum=small_collective_max),
        )
        for form, level, kind, direct, component_direct, component, gender, size in rows
    )


def pending_count(scope: Scope, unit: Unit) -> int:
    return inbox(scope, unit).count()


def granted_entries() -> QuerySet[DecisionEntry]:
    return DecisionEntry.objects.filter(status=EntryStatus.GRANTED)
