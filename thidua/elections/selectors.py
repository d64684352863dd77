"""Reads of the elections app, always through the access gate (thidua/units/access.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from thidua.campaigns.models import Campaign
from thidua.conferences import selectors as conference_selectors
from thidua.conferences.models import Conference, Delegate
from thidua.elections.enums import PollStatus
from thidua.elections.models import (
    Allocation,
    Certification,
    Nominee,
    Poll,
    PollCandidate,
    VotingRules,
)
from thidua.selection.checker import Report, check
from thidua.selection.quotas import CategoryQuota, quota_rules
from thidua.selection.rules import RuleItem, make_candidate, parse_rules
from thidua.units import access
from thidua.units.access import Scope
from thidua.units.models import Unit

DEFAULT_RULES = "default"


# --- Rules ---------------------------------------------------------------------------------------


def voting_rules(campaign: Campaign) -> VotingRules:
    """The campaign's own voting rules, else the default preset (migration 0002)."""
    own = VotingRules.objects.filter(campaign=campaign).first()
    if own is not None:
        return own
    found = VotingRules.objects.filter(code=DEFAULT_RULES).first()
    if found is None:  # flushed by a transactional test: put the preset back
        from thidua.elections.services.rules import restore_default_rules

        restore_default_rules()
        found = VotingRules.objects.get(code=DEFAULT_RULES)
    return found


# --- Allocations and quotas ----------------------------------------------------------------------


def allocations_in(scope: Scope) -> QuerySet[Allocation]:
    return (
        scope.restrict(Allocation.objects.all(), "unit")
        .select_related("unit", "campaign")
        .order_by("-campaign__id", "unit__name")
    )


def get_allocation_for(user: Any, pk: Any) -> Allocation:
    return access.get_for(user, Allocation.objects.select_related("unit", "campaign"), pk=pk)


def allocation_for(conference: Conference) -> Allocation | None:
    """The allocation that gives this conference its seats: the parent unit's, same campaign."""
    if not conference.unit.parent_id:
        return None
    return Allocation.objects.filter(
        campaign=conference.campaign, unit_id=conference.unit.parent_id
    ).first()


def quota_items(conference: Conference, allocation: Allocation | None) -> list[RuleItem]:
    """The allocated quota as checker rules: at most the unit's seats, at least its share of
    each category (``thidua.selection.quotas.quota_rules``)."""
    if allocation is None:
        return []
    key = str(conference.unit_id)
    seats = allocation.seats_of(conference.unit_id)
    if seats is None:
        return []
    categories = [
        CategoryQuota(c["feature"], c["value"], c.get("label", ""), dict(c["per_unit"]), ())
        for c in allocation.categories
    ]
    return list(quota_rules({key: seats}, categories)[key])


def composition_items(conference: Conference) -> list[RuleItem]:
    """The upper level's composition rules given as shares (women, direct producers...): the
    nominee list must already respect them. Caps and "every value" rules are the upper
    conference's business, not one sub-unit's."""
    parent = conference.unit.parent
    if parent is None:
        return []
    rule = conference_selectors.rule_for(conference.campaign, parent)
    if rule is None:
        return []
    items = [
        r
        for r in rule.selection_rules("delegate")
        if r.get("feature") != "*" and r.get("unit") == "share" and not r.get("each")
    ]
    return list(parse_rules(items))


def nominee_rules(conference: Conference) -> list[RuleItem]:
    return quota_items(conference, allocation_for(conference)) + composition_items(conference)


def nominees_of(conference: Conference) -> QuerySet[Nominee]:
    return (
        Nominee.objects.filter(conference=conference)
        .select_related("delegate", "delegate__sub_unit")
        .order_by("delegate__name", "id")
    )


def check_nominees(conference: Conference, delegates: list[Delegate] | None = None) -> Report:
    """The checker on the nominee list against the quota and the composition rules."""
    people = delegates if delegates is not None else [n.delegate for n in nominees_of(conference)]
    candidates = [make_candidate(d.pk, d.checker_attributes()) for d in people]
    return check(candidates, nominee_rules(conference))


def nominable(conference: Conference) -> QuerySet[Delegate]:
    """The conference's delegates on its list who are not nominated yet."""
    taken = Nominee.objects.filter(conference=conference, delegate=OuterRef("pk"))
    return conference_selectors.delegates_on_list(conference).exclude(Exists(taken))


def pool_honorees(scope: Scope, conference: Conference) -> list[Any]:
    """Honorees of the conference's pool not yet among its delegates (six queries + one)."""
    taken = set(
        Delegate.objects.filter(conference=conference, honoree__isnull=False).values_list(
            "honoree_id", flat=True
        )
    )
    return [
        c for c in conference_selectors.honoree_pool(scope, conference) if c.honoree_id not in taken
    ]


# --- Polls ---------------------------------------------------------------------------------------


def conferences_in(scope: Scope) -> QuerySet[Conference]:
    return conference_selectors.conferences_in(scope)


def get_conference_for(user: Any, pk: Any) -> Conference:
    return conference_selectors.get_conference_for(user, pk)


def polls_of(conference: Conference) -> QuerySet[Poll]:
    return Poll.objects.filter(conference=conference).order_by("-created_at", "-id")


def polls_in(scope: Scope) -> QuerySet[Poll]:
    return (
        scope.restrict(Poll.objects.all(), "conference__unit")
        .select_related("conference", "conference__unit", "conference__campaign")
        .order_by("-created_at", "-id")
    )


def get_poll_for(user: Any, pk: Any) -> Poll:
    return access.get_for(
        user,
        Poll.objects.select_related(
            "conference", "conference__unit", "conference__unit__parent", "conference__campaign"
        ).prefetch_related(
            Prefetch("candidates", queryset=PollCandidate.objects.select_related("delegate"))
        ),
        unit_field="conference__unit",
        pk=pk,
    )


def current_certification(poll: Poll) -> Certification | None:
    return (
        Certification.objects.filter(poll=poll, superseded_by__isnull=True)
        .select_related("document", "certified_by")
        .first()
    )


def certifications_of(poll: Poll) -> QuerySet[Certification]:
    return Certification.objects.filter(poll=poll).select_related("document").order_by("-version")


# --- The upper unit's view -----------------------------------------------------------------------


@dataclass(frozen=True)
class SubUnitStatus:
    unit: Unit
    seats: int
    conference: Conference | None
    certified: list[Delegate]

    @property
    def sent(self) -> bool:
        return bool(self.certified)


def sub_unit_statuses(allocation: Allocation) -> list[SubUnitStatus]:
    """Each sub-unit with its allocated seats, its conference and the delegates it certified
    upward (empty: the list has not been sent yet). Three queries whatever the size."""
    ids = [int(k) for k in allocation.result]
    units = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
    conferences = {
        c.unit_id: c
        for c in Conference.objects.filter(campaign=allocation.campaign, unit_id__in=ids)
    }
    certified: dict[int, list[Delegate]] = {}
    for d in Delegate.objects.filter(
        conference__in=list(conferences.values()), certified_upward_at__isnull=False
    ).order_by("name", "pk"):
        certified.setdefault(d.conference_id, []).append(d)
    rows = [
        SubUnitStatus(
            units[pk],
            int(allocation.result[str(pk)]),
            conferences.get(pk),
            certified.get(conferences[pk].pk, []) if pk in conferences else [],
        )
        for pk in ids
        if pk in units
    ]
    return sorted(rows, key=lambda r: r.unit.name)


@dataclass(frozen=True)
class PoolEntry:
    delegate: Delegate
    unit: Unit
    seats: int | None


def upper_pool(conference: Conference) -> list[PoolEntry]:
    """The upper conference's certified pool with the quota each came from."""
    rows = list(conference_selectors.certified_pool(conference))
    allocation = Allocation.objects.filter(
        campaign=conference.campaign, unit=conference.unit
    ).first()
    return [
        PoolEntry(
            d,
            d.conference.unit,
            allocation.seats_of(d.conference.unit_id) if allocation is not None else None,
        )
        for d in rows
    ]


def open_polls_count(conference: Conference) -> int:
    return Poll.objects.filter(conference=conference, status=PollStatus.OPEN).count()
