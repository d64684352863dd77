"""Reads of conferences. Every read of unit-owned rows goes through thidua/units/access.py:
callers pass a Scope (``access.scope_for``) or a user (``get_*_for``: 404 outside the scope).

Interface for other apps (issue 7 invitations/check-in, issue 8 elections):
``get_conference_for``, ``delegates_on_list``, ``checker_rules``, ``check_list``,
``honoree_pool``, ``certified_pool``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Value, When

from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import Assignment, Campaign, LevelRule
from thidua.campaigns.plan_document import placeholders
from thidua.campaigns.rules import fill
from thidua.conferences import rules
from thidua.conferences.enums import DelegateCategory, DelegateOrigin
from thidua.conferences.models import (
    AgendaItem,
    AgendaTemplate,
    Conference,
    Delegate,
    DelegateProposal,
)
from thidua.documents.models import GeneratedDocument
from thidua.honorees import rules as honoree_rules
from thidua.honorees import selectors as honoree_selectors
from thidua.honorees.enums import Gender
from thidua.honorees.models import EconomicSector, Field, SocialComponent
from thidua.selection.checker import Report, check
from thidua.selection.rules import make_candidate, parse_rules
from thidua.units import access
from thidua.units.access import Scope
from thidua.units.models import Unit

DEFAULT_TEMPLATE = "default"

# --- Conferences ---------------------------------------------------------------------------------


def conferences_in(scope: Scope) -> QuerySet[Conference]:
    """Conferences of units in the scope, with what the list pages show (one query)."""
    return (
        scope.restrict(Conference.objects.all(), "unit")
        .select_related("unit", "campaign")
        .annotate(
            listed=Count(
                "delegates",
                filter=Q(delegates__status__in=rules.ON_LIST)
                & ~Q(delegates__origin=DelegateOrigin.WALK_IN),
                distinct=True,
            )
        )
        .order_by("-held_on", "-id")
    )


def get_conference_for(user: Any, pk: Any) -> Conference:
    """A conference of a unit in the user's scope, or 404."""
    return access.get_for(
        user,
        Conference.objects.select_related("unit", "unit__parent", "campaign", "assignment"),
        pk=pk,
    )


def get_agenda_item_for(user: Any, pk: Any) -> AgendaItem:
    return access.get_for(
        user,
        AgendaItem.objects.select_related("conference", "conference__unit"),
        unit_field="conference__unit",
        pk=pk,
    )


def get_delegate_for(user: Any, pk: Any) -> Delegate:
    return access.get_for(
        user,
        Delegate.objects.select_related("conference", "conference__unit", "sub_unit"),
        unit_field="conference__unit",
        pk=pk,
    )


def get_proposal_for(user: Any, pk: Any) -> DelegateProposal:
    return access.get_for(
        user,
        DelegateProposal.objects.select_related(
            "conference", "conference__unit", "conference__campaign", "created_by", "applied_by"
        ),
        unit_field="conference__unit",
        pk=pk,
    )


def rule_for(campaign: Campaign, unit: Unit) -> LevelRule | None:
    """The campaign's rule for the unit's level, if that level holds a conference."""
    return campaign.level_rules.filter(level=unit.level, holds_conference=True).first()


def level_rule(conference: Conference) -> LevelRule:
    """The rule of the conference's level (cached on the instance for the request)."""
    cached: LevelRule | None = getattr(conference, "_level_rule", None)
    if cached is None:
        cached = LevelRule.objects.select_related("campaign").get(
            campaign_id=conference.campaign_id, level=conference.level
        )
        conference._level_rule = cached  # type: ignore[attr-defined]
    return cached


def attach_level_rules(conferences: Iterable[Conference]) -> None:
    """Fetch the level rules of many conferences at once (a list page: one query)."""
    rows = list(conferences)
    found = {
        (r.campaign_id, r.level): r
        for r in LevelRule.objects.filter(
            campaign_id__in={c.campaign_id for c in rows}
        ).select_related("campaign")
    }
    for conference in rows:
        rule = found.get((conference.campaign_id, conference.level))
        if rule is not None:
            conference._level_rule = rule  # type: ignore[attr-defined]


def rule_limit(conference: Conference, conference_format: str | None = None) -> int | None:
    """The rule's most delegates for the conference's format (None: no limit, or the format is
    not chosen yet)."""
    chosen = conference_format or conference.format
    if not chosen:
        return None
    return level_rule(conference).cap(chosen)


def effective_cap(conference: Conference) -> int | None:
    return rules.effective_cap(conference.cap, rule_limit(conference))


@dataclass(frozen=True)
class Setup:
    """A conference a unit may set up: its campaign, unit, assignment (None for the issuer's
    own conference) and the level rule."""

    campaign: Campaign
    unit: Unit
    assignment: Assignment | None
    rule: LevelRule


def open_setups(scope: Scope) -> list[Setup]:
    """Conferences the scope's organizers may set up and have not yet: "hold your conference"
    assignments of units in scope, and issued campaigns whose issuer (in scope) holds a
    conference of its own level. Three queries."""
    has_conference = Conference.objects.filter(campaign=OuterRef("campaign"), unit=OuterRef("unit"))
    assignments = (
        scope.restrict(Assignment.objects.all(), "unit")
        .filter(kind=AssignmentKind.HOLD_CONFERENCE, campaign__status=CampaignStatus.ISSUED)
        .exclude(Exists(has_conference))
        .select_related("campaign", "unit")
        .order_by("unit__path")
    )
    own = (
        scope.restrict(Campaign.objects.all(), "issuer")
        .filter(status=CampaignStatus.ISSUED)
        .exclude(
            Exists(Conference.objects.filter(campaign=OuterRef("pk"), unit=OuterRef("issuer")))
        )
        .select_related("issuer")
    )
    found = list(assignments)
    campaigns = list(own)
    level_rules = {
        (r.campaign_id, r.level): r
        for r in LevelRule.objects.filter(
            campaign_id__in={a.campaign_id for a in found} | {c.pk for c in campaigns},
            holds_conference=True,
        )
    }
    result = []
    for assignment in found:
        rule = level_rules.get((assignment.campaign_id, assignment.unit.level))
        if rule is not None:
            result.append(Setup(assignment.campaign, assignment.unit, assignment, rule))
    for campaign in campaigns:
        rule = level_rules.get((campaign.pk, campaign.issuer.level))
        if rule is not None:
            result.append(Setup(campaign, campaign.issuer, None, rule))
    return result


# --- Agenda --------------------------------------------------------------------------------------


def agenda_template_for(campaign: Campaign) -> AgendaTemplate:
    """The campaign's own agenda template, else the default table."""
    own = AgendaTemplate.objects.filter(campaign=campaign).first()
    if own is not None:
        return own
    return AgendaTemplate.objects.get(code=DEFAULT_TEMPLATE)


def template_extras(campaign: Campaign) -> list[Any]:
    """The extra items the template offers (art performance, children's greeting, ...)."""
    template = agenda_template_for(campaign)
    return list(template.items.filter(kind=rules.EXTRA_ITEM).order_by("order", "id"))


def filled(campaign: Campaign, text: str) -> str:
    """A template text with the campaign's {placeholders} filled ({direction_period}, ...)."""
    return fill(text, placeholders(campaign)) if "{" in text else text


@dataclass(frozen=True)
class ScheduledItem:
    item: AgendaItem
    starts: Any  # dt.time
    ends: Any

    @property
    def start_text(self) -> str:
        return rules.clock_text(self.starts)

    @property
    def end_text(self) -> str:
        return rules.clock_text(self.ends)


@dataclass(frozen=True)
class Agenda:
    items: list[ScheduledItem]
    total_minutes: int
    session_minutes: int
    overrun: int  # minutes beyond one session (0: it fits)

    @property
    def fits(self) -> bool:
        return self.overrun == 0


def agenda_of(conference: Conference) -> Agenda:
    """The programme in order with each item's start and end (from the start time and the
    durations), and whether it fits one session. One query."""
    items = list(conference.agenda_items.order_by("order", "id"))
    durations = [i.duration_minutes for i in items]
    times = rules.timeline(conference.start_time, durations)
    return Agenda(
        [ScheduledItem(i, s, e) for i, (s, e) in zip(items, times, strict=True)],
        sum(durations),
        conference.session_minutes,
        rules.overrun(durations, conference.session_minutes),
    )


# --- Composition rules and the checker -----------------------------------------------------------

VOCABULARIES: dict[str, Any] = {
    "economic_sector": EconomicSector,
    "field": Field,
    "component": SocialComponent,
}


def _universe(feature: str, conference: Conference) -> list[tuple[str, str]]:
    """The values of a feature, for rules "every value present" (value "*")."""
    model = VOCABULARIES.get(feature)
    if model is not None:
        return list(model.objects.filter(is_active=True).values_list("code", "name"))
    if feature == "sub_unit":
        children = conference.unit.children.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=conference.held_on)
        )
        return [(str(pk), name) for pk, name in children.order_by("name").values_list("pk", "name")]
    if feature == "gender":
        return [(str(value), str(label)) for value, label in Gender.choices]
    if feature == "category":
        return [(str(value), str(label)) for value, label in DelegateCategory.choices]
    return []


def checker_rules(conference: Conference) -> list[dict[str, Any]]:
    """The rules the conference's list must pass, in thidua.selection's format: the campaign's
    composition rules of the level (70/30, women, direct producers, sectors...; an emphasis
    without a figure is not checked), "every value present" rules expanded over the feature's
    values, and the cap: the organizer's decision, else the rule's limit. Cached per instance."""
    cached: list[dict[str, Any]] | None = getattr(conference, "_checker_rules", None)
    if cached is not None:
        return cached
    rule = level_rule(conference)
    result: list[dict[str, Any]] = []
    for item in rule.selection_rules(conference.format or "plenary"):
        if item.get("feature") == "*":
            continue  # the cap is added below, from the conference's own decision
        if item.get("each") is True:
            result.extend(rules.expand_each(item, _universe(str(item["feature"]), conference)))
        else:
            result.append(dict(item))
    cap = effective_cap(conference)
    if cap is not None:
        result.append({"feature": "*", "unit": "count", "max": str(cap), "label": "tổng số"})
    conference._checker_rules = result  # type: ignore[attr-defined]
    return result


def emphases(conference: Conference) -> list[str]:
    """The level's rules without a figure (the plan's "chú trọng"): shown, not checked."""
    return [
        r.label or f"{r.feature} = {r.value}"
        for r in conference.campaign.composition_rules.filter(
            level=conference.level, min_value__isnull=True, max_value__isnull=True
        ).order_by("order", "id")
    ]


# Leaders first, then guests, then honorees (the order a programme introduces them).
CATEGORY_ORDER = Case(
    When(category=rules.LEADER, then=Value(0)),
    When(category=rules.GUEST, then=Value(1)),
    default=Value(2),
)


def delegates_of(conference: Conference) -> QuerySet[Delegate]:
    return conference.delegates.select_related("sub_unit").order_by(CATEGORY_ORDER, "name", "id")


def delegates_on_list(conference: Conference) -> QuerySet[Delegate]:
    """The delegates that count: listed, invited, confirmed or checked in (not the walk-ins
    added at the door: they were never on the approved list)."""
    return (
        delegates_of(conference)
        .filter(status__in=rules.ON_LIST)
        .exclude(origin=DelegateOrigin.WALK_IN)
    )


def check_list(conference: Conference, delegates: Iterable[Delegate] | None = None) -> Report:
    """The checker's report on the conference's list (rule by rule: required, actual, pass,
    the Vietnamese sentence of what to change)."""
    people = list(delegates_on_list(conference) if delegates is None else delegates)
    candidates = [make_candidate(d.pk, d.checker_attributes()) for d in people]
    return check(candidates, parse_rules(checker_rules(conference)))


# --- The pools -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolCandidate:
    """One person the list may take, with the attributes the rules read and their merit."""

    key: str
    name: str
    category: str
    origin: str
    merit: Fraction
    attributes: dict[str, object]
    honoree_id: int | None = None
    delegate_id: int | None = None
    sub_unit_id: int | None = None
    unit_name: str = ""
    position: str = ""
    gender: str = ""
    direct_producer: bool = False
    economic_sector: str = ""
    field: str = ""
    component: str = ""
    titles: tuple[str, ...] = ()
    kind: str = ""
    extra: dict[str, object] = dataclasses.field(default_factory=dict)


def review_period(conference: Conference) -> tuple[int, int]:
    campaign = conference.campaign
    return (campaign.review_period_start, campaign.review_period_end)


def _sub_units(conference: Conference, unit_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    """unit id -> (sub-unit id, sub-unit name): the direct child of the conference's unit the
    unit lies in (the conference's unit itself for its own people). Two queries."""
    paths = dict(Unit.objects.filter(pk__in=set(unit_ids)).values_list("pk", "path"))
    wanted = {rules.sub_unit_path(p, conference.unit.path) for p in paths.values()}
    by_path = {
        path: (pk, name)
        for pk, path, name in Unit.objects.filter(path__in=[p for p in wanted if p]).values_list(
            "pk", "path", "name"
        )
    }
    result = {}
    for unit_id, path in paths.items():
        sub = rules.sub_unit_path(path, conference.unit.path)
        if sub in by_path:
            result[unit_id] = by_path[sub]
    return result


def _candidate(
    key: str,
    origin: str,
    *,
    category: str,
    gender: str,
    direct_producer: bool,
    economic_sector: str,
    field: str,
    component: str,
    sub_unit_id: int | None,
    titles: tuple[str, ...] = (),
    **extra: Any,
) -> PoolCandidate:
    """A pool candidate whose checker attributes are exactly the values it shows."""
    attributes = rules.attributes(
        category=category,
        gender=gender,
        direct_producer=direct_producer,
        economic_sector=economic_sector,
        field=field,
        component=component,
        sub_unit=sub_unit_id,
        titles=titles,
    )
    return PoolCandidate(
        key=key,
        origin=origin,
        category=category,
        attributes=attributes,
        gender=gender,
        direct_producer=direct_producer,
        economic_sector=economic_sector,
        field=field,
        component=component,
        sub_unit_id=sub_unit_id,
        titles=titles,
        **extra,
    )


def _from_delegate(
    delegate: Delegate, key: str, origin: str, sub: tuple[int | None, str], **extra: Any
) -> PoolCandidate:
    return _candidate(
        key,
        origin,
        category=delegate.category,
        gender=delegate.gender,
        direct_producer=delegate.direct_producer,
        economic_sector=delegate.economic_sector,
        field=delegate.field,
        component=delegate.component,
        sub_unit_id=sub[0],
        unit_name=sub[1],
        titles=tuple(delegate.titles or ()),
        name=delegate.name,
        position=delegate.position,
        delegate_id=delegate.pk,
        **extra,
    )


def honoree_pool(
    scope: Scope,
    conference: Conference,
    weights: honoree_rules.MeritWeights = honoree_rules.DEFAULT_WEIGHTS,
    unit: Unit | None = None,
) -> list[PoolCandidate]:
    """The honorees of the conference unit's subtree (in the scope) as candidates, best merit
    first, merit over the campaign's review period. Six queries whatever the size. ``unit``
    narrows the pool to a part of the subtree (one honoree's unit)."""
    period = review_period(conference)
    found = honoree_selectors.candidates(
        scope, unit or conference.unit, period=period, weights=weights
    )
    subs = _sub_units(conference, {c.unit_id for c in found})
    pool = []
    for c in found:
        sub_id, sub_name = subs.get(c.unit_id, (None, ""))
        titles = tuple(
            sorted({code for code, year in c.recognitions if period[0] <= year <= period[1]})
        )
        pool.append(
            _candidate(
                rules.key(rules.HONOREE_KEY, c.honoree_id),
                DelegateOrigin.HONOREE_POOL,
                category=rules.HONOREE,
                gender=c.gender,
                direct_producer=c.counts_as_direct_worker,
                economic_sector=c.sector,
                field=c.field,
                component=c.component,
                sub_unit_id=sub_id,
                titles=titles,
                name=c.name,
                merit=Fraction(str(c.merit)),
                honoree_id=c.honoree_id,
                unit_name=sub_name,
                kind=c.kind,
            )
        )
    return pool


def certified_pool(conference: Conference) -> QuerySet[Delegate]:
    """The seam for issue 8: delegates that the lower conferences of this campaign (units
    strictly below this conference's unit; the campaign itself or one derived from it) elected
    or nominated and certified upward (``certified_upward_at``, set by services.certify_upward
    after their vote). They enter the upper conference's pool with ``origin=certified``."""
    return (
        Delegate.objects.filter(
            certified_upward_at__isnull=False,
            conference__unit__path__startswith=conference.unit.path,
        )
        .exclude(conference__unit=conference.unit)
        .filter(
            Q(conference__campaign=conference.campaign)
            | Q(conference__campaign__parent=conference.campaign)
        )
        .select_related("conference", "conference__unit", "sub_unit")
        .order_by("conference__unit__name", "name", "id")
    )


def certified_candidates(conference: Conference) -> list[PoolCandidate]:
    """``certified_pool`` as candidates; their sub-unit is the lower conference's unit's."""
    rows = list(certified_pool(conference))
    subs = _sub_units(conference, {d.conference.unit_id for d in rows})
    return [
        _from_delegate(
            d,
            rules.key(rules.CERTIFIED_KEY, d.pk),
            DelegateOrigin.CERTIFIED,
            subs.get(d.conference.unit_id, (None, "")),
            merit=Fraction(str(d.merit)),
            honoree_id=d.honoree_id,
        )
        for d in rows
    ]


def manual_candidates(conference: Conference) -> list[PoolCandidate]:
    """Guests and leaders entered by hand (on the list or in reserve), as candidates of merit 0:
    among them only the must-include marks and the lottery decide."""
    rows = conference.delegates.filter(origin=DelegateOrigin.MANUAL).select_related("sub_unit")
    return [
        _from_delegate(
            d,
            rules.key(rules.DELEGATE_KEY, d.pk),
            DelegateOrigin.MANUAL,
            (d.sub_unit_id, d.sub_unit.name if d.sub_unit else ""),
            merit=Fraction(0),
            extra={"required": d.required, "status": d.status},
        )
        for d in rows.order_by("category", "name", "id")
    ]


def listed_keys(conference: Conference) -> dict[str, Delegate]:
    """Pool key -> delegate, for every delegate of the conference (on the list or not)."""
    result = {}
    for d in conference.delegates.all():
        if d.origin == DelegateOrigin.MANUAL:
            result[rules.key(rules.DELEGATE_KEY, d.pk)] = d
        elif d.origin_delegate_id is not None:
            result[rules.key(rules.CERTIFIED_KEY, d.origin_delegate_id)] = d
        elif d.honoree_id is not None:
            result[rules.key(rules.HONOREE_KEY, d.honoree_id)] = d
    return result


def search_pool(pool: Sequence[PoolCandidate], query: str) -> list[PoolCandidate]:
    """The pool filtered by name (with or without diacritics)."""
    from thidua.core.text import fold

    words = fold(query).split()
    if not words:
        return list(pool)
    return [c for c in pool if all(w in fold(c.name) for w in words)]


def proposals_of(conference: Conference) -> QuerySet[DelegateProposal]:
    return conference.proposals.select_related("created_by", "applied_by").order_by(
        "-created_at", "-id"
    )


def programme_documents(conference: Conference) -> QuerySet[GeneratedDocument]:
    """The documents issued from this conference (its programme, CTr), newest first."""
    source_type = ContentType.objects.get_for_model(Conference)
    return GeneratedDocument.objects.filter(
        unit=conference.unit, source_type=source_type, source_id=str(conference.pk)
    ).order_by("-issued_at", "-id")
