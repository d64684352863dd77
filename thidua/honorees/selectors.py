"""Reads of the honoree registry. Callers pass a Scope from ``access.scope_for`` (or a user for
``get_*_for``); nothing here reads unit-owned rows outside a scope, except the public selectors
at the end, which return only published stories of consenting honorees.

Interface for other apps (delegates, presenters, award candidates): ``candidates``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from thidua.core.text import fold
from thidua.honorees import rules
from thidua.honorees.enums import StoryStatus
from thidua.honorees.models import Honoree, Initiative, Movement, Recognition, Story
from thidua.units import access
from thidua.units.access import Scope
from thidua.units.models import Unit


@dataclass(frozen=True)
class HonoreeFilters:
    """The search form of the registry (HTML, API and export share it)."""

    q: str = ""
    unit: Unit | None = None  # already fetched through access: the subtree of this unit
    kind: str = ""
    field: str = ""  # Field.code
    component: str = ""  # SocialComponent.code
    sector: str = ""  # EconomicSector.code
    gender: str = ""
    award_form: str = ""  # AwardForm.code: received at least once
    stage: str = ""


def honorees_in(scope: Scope, roles: Iterable[str] | None = None) -> QuerySet[Honoree]:
    return scope.restrict(Honoree.objects.all(), "unit", roles)


def search_honorees(
    scope: Scope, filters: HonoreeFilters, roles: Iterable[str] | None = None
) -> QuerySet[Honoree]:
    """Honorees of the scope (of the grants with one of ``roles``, if given) matching every
    filter; the name matches with or without diacritics (every word of ``q`` in the folded,
    indexed ``search_name``)."""
    queryset = honorees_in(scope, roles)
    for word in fold(filters.q).split()[:8]:
        queryset = queryset.filter(search_name__contains=word)
    if filters.unit is not None:
        queryset = queryset.filter(unit__path__startswith=filters.unit.path)
    exact = {
        "kind": filters.kind,
        "field__code": filters.field,
        "component__code": filters.component,
        "sector__code": filters.sector,
        "gender": filters.gender,
        "stage": filters.stage,
    }
    queryset = queryset.filter(**{key: value for key, value in exact.items() if value})
    if filters.award_form:
        queryset = queryset.filter(
            Exists(
                Recognition.objects.filter(
                    honoree=OuterRef("pk"), award_form__code=filters.award_form
                )
            )
        )
    return queryset.select_related("unit", "component", "sector", "field", "ethnicity").order_by(
        "search_name", "id"
    )


def with_recognitions(queryset: QuerySet[Honoree]) -> QuerySet[Honoree]:
    return queryset.prefetch_related(
        Prefetch(
            "recognitions",
            queryset=Recognition.objects.select_related("award_form").order_by(
                "-year", "-award_form__rank"
            ),
        )
    )


def get_honoree_for(user: Any, pk: Any) -> Honoree:
    """An honoree in the user's scope, or 404."""
    return access.get_for(
        user,
        Honoree.objects.select_related(
            "unit", "component", "sector", "field", "ethnicity", "stage_changed_by"
        ),
        pk=pk,
    )


def movements_visible(scope: Scope) -> QuerySet[Movement]:
    """National movements, and those launched by a unit in the scope or above it (a commune
    takes part in its district's and province's movements)."""
    queryset = Movement.objects.select_related("unit", "field")
    if scope.is_admin:
        return queryset
    above: set[str] = set()
    for root in scope.root_paths():
        above.update(root[:i] for i in range(6, len(root) + 1, 6))
    in_scope = scope.path_q("unit") or Q()
    return queryset.filter(Q(unit__isnull=True) | Q(unit__path__in=above) | in_scope)


def get_movement_for(user: Any, pk: Any) -> Movement:
    """A movement the user may see (movements_visible), or 404."""
    try:
        return movements_visible(access.scope_for(user)).get(pk=pk)
    except (Movement.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


# --- Candidates: the interface for delegates, presenters and award candidates ---------------


@dataclass(frozen=True)
class Candidate:
    """An honoree with the attributes the composition and award rules read."""

    honoree_id: int
    name: str
    unit_id: int
    kind: str
    gender: str
    birth_year: int | None
    ethnicity: str  # Ethnicity.code, "" if unknown
    component: str  # SocialComponent.code
    counts_as_direct_worker: bool  # works_directly, or a component that counts as such
    sector: str  # EconomicSector.code
    field: str  # Field.code
    collective_size: int | None
    is_small_collective: bool
    good_deeds: bool
    acclaimed: bool
    stage: str
    recognitions: tuple[tuple[str, int], ...]  # (AwardForm.code, year), newest first
    initiatives: int
    merit: float
    # form code -> longest run of consecutive years within the period (2 CSTĐCS in a row...)
    streaks: dict[str, int] = dataclasses.field(default_factory=dict)


def candidates(
    scope: Scope,
    unit: Unit,
    *,
    period: tuple[int, int] = (2021, 2025),
    weights: rules.MeritWeights = rules.DEFAULT_WEIGHTS,
    small_collective_max: int = rules.DEFAULT_SMALL_COLLECTIVE_MAX,
    streak_forms: tuple[str, ...] = ("cstdcs",),
) -> list[Candidate]:
    """Every honoree of ``unit``'s subtree (which must be in ``scope``) with its rule attributes
    and merit over ``period``, best merit first. Four queries whatever the size."""
    if not scope.contains(unit):
        raise Http404
    honorees = list(
        honorees_in(scope)
        .filter(unit__path__startswith=unit.path)
        .select_related("component", "sector", "field", "ethnicity")
        .order_by("id")
    )
    ids = [h.pk for h in honorees]
    received: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for honoree_id, code, year in (
        Recognition.objects.filter(honoree_id__in=ids)
        .order_by("-year", "-award_form__rank")
        .values_list("honoree_id", "award_form__code", "year")
    ):
        received[honoree_id].append((code, year))
    initiative_counts: dict[int, int] = defaultdict(int)
    for honoree_id, recognized_on in Initiative.objects.filter(honoree_id__in=ids).values_list(
        "honoree_id", "recognized_on"
    ):
        if recognized_on is None or period[0] <= recognized_on.year <= period[1]:
            initiative_counts[honoree_id] += 1
    result = []
    for h in honorees:
        records = tuple(received[h.pk])
        direct = h.works_directly or bool(h.component and h.component.counts_as_direct_worker)
        result.append(
            Candidate(
                honoree_id=h.pk,
                name=h.name,
                unit_id=h.unit_id,
                kind=h.kind,
                gender=h.gender,
                birth_year=h.birth_year,
                ethnicity=h.ethnicity.code if h.ethnicity else "",
                component=h.component.code if h.component else "",
                counts_as_direct_worker=direct,
                sector=h.sector.code if h.sector else "",
                field=h.field.code if h.field else "",
                collective_size=h.collective_size,
                is_small_collective=h.is_collective
                and rules.is_small_collective(h.collective_size, maximum=small_collective_max),
                good_deeds=h.good_deeds,
                acclaimed=h.acclaimed,
                stage=h.stage,
                recognitions=records,
                initiatives=initiative_counts[h.pk],
                merit=rules.merit_score(
                    records,
                    initiatives=initiative_counts[h.pk],
                    good_deeds=h.good_deeds,
                    acclaimed=h.acclaimed,
                    works_directly=direct,
                    period=period,
                    weights=weights,
                ),
                streaks={
                    code: rules.longest_streak(
                        year for c, year in records if c == code and period[0] <= year <= period[1]
                    )
                    for code in streak_forms
                },
            )
        )
    result.sort(key=lambda c: (-c.merit, c.name, c.honoree_id))
    return result


# --- Public honor roll (no login): published stories of consenting honorees only -----------


def public_stories() -> QuerySet[Story]:
    return Story.objects.filter(
        status=StoryStatus.PUBLISHED, honoree__publication_consent=True
    ).select_related("honoree__unit", "honoree__field")


def public_roll_of_unit(unit: Unit) -> QuerySet[Story]:
    return public_stories().filter(honoree__unit__path__startswith=unit.path)


def public_roll_of_movement(movement: Movement) -> QuerySet[Story]:
    return public_stories().filter(honoree__participations__movement=movement).distinct()
