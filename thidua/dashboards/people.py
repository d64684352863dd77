"""People in a subtree: delegates against the composition rules, honorees, awards and the
shares of R10 (see selectors.py for the query counts)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, Q, QuerySet, Value
from django.utils.translation import gettext as _

from thidua.awards.models import AwardForm
from thidua.campaigns import rules as campaign_rules
from thidua.campaigns.models import Campaign, CompositionRule
from thidua.conferences import rules as conference_rules
from thidua.conferences.enums import DelegateCategory
from thidua.conferences.models import Delegate
from thidua.dashboards import figures as f
from thidua.dashboards.common import (
    LEVEL_ORDER,
    PerChild,
    below,
    child_prefix,
    family,
    level_label,
    levels,
    scoped,
)
from thidua.honorees import rules as honoree_rules
from thidua.honorees.enums import Gender, HonoreeKind, Stage
from thidua.honorees.models import EconomicSector, Field, Honoree, Recognition, SocialComponent
from thidua.selection import checker
from thidua.selection.rules import TOTAL, Rule, expand_rules, make_candidate, parse_rule
from thidua.units.access import Scope
from thidua.units.enums import UnitLevel
from thidua.units.models import Unit

# --- Vocabularies ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabularies:
    components: dict[str, str]  # code -> name
    direct_component_ids: tuple[int, ...]
    worker_farmer_ids: tuple[int, ...]
    sectors: dict[str, str]
    fields: dict[str, str]  # code -> name
    field_names: dict[int, str]  # pk -> name


def vocabularies(worker_farmer_components: Iterable[str] | None = None) -> Vocabularies:
    """Names of the extendable vocabularies, and which components count as direct workers and
    as workers and farmers (settings.AWARDS_WORKER_FARMER_COMPONENTS, as the awards app). 3
    queries."""
    wanted = set(worker_farmer_components or settings.AWARDS_WORKER_FARMER_COMPONENTS)
    components = list(
        SocialComponent.objects.values_list("pk", "code", "name", "counts_as_direct_worker")
    )
    fields = list(Field.objects.values_list("pk", "code", "name"))
    return Vocabularies(
        components={code: name for _pk, code, name, _d in components},
        direct_component_ids=tuple(pk for pk, _c, _n, direct in components if direct),
        worker_farmer_ids=tuple(pk for pk, code, _n, _d in components if code in wanted),
        sectors=dict(EconomicSector.objects.values_list("code", "name")),
        fields={code: name for _pk, code, name in fields},
        field_names={pk: name for pk, _code, name in fields},
    )


# --- Delegates -------------------------------------------------------------------------------

DELEGATE_FEATURES = (
    "category",
    "gender",
    "direct_producer",
    "component",
    "economic_sector",
    "field",
)


def _feature_labels() -> list[tuple[str, str]]:
    return [
        ("category", _("Thành phần đại biểu")),
        ("gender", _("Giới tính")),
        ("direct_producer", _("Trực tiếp sản xuất, công tác")),
        ("component", _("Thành phần xã hội")),
        ("economic_sector", _("Thành phần kinh tế")),
        ("field", _("Lĩnh vực")),
    ]


def _value_labels(vocab: Vocabularies) -> dict[str, dict[str, str]]:
    unknown = _("Chưa xác định")
    return {
        "category": {k: str(v) for k, v in DelegateCategory.choices},
        "gender": {**{k: str(v) for k, v in Gender.choices}, "": unknown},
        "direct_producer": {"true": _("Trực tiếp"), "false": _("Không trực tiếp")},
        "component": {**vocab.components, "": unknown},
        "economic_sector": {**vocab.sectors, "": unknown},
        "field": {**vocab.fields, "": unknown},
    }


def _rule_checks(
    rule_rows: list[CompositionRule], combos: list[tuple[dict[str, object], int]], total: int
) -> list[f.RuleCheck]:
    """The level's composition rules (those with a figure) on all its delegates together, with
    the checker of thidua.selection. A share rule is meaningful in sum; a count rule ("at least
    one delegate of each sector") is per conference, so its sum is shown without a verdict."""
    items = []
    for row in rule_rows:
        data = campaign_rules.selection_rule(
            row.feature,
            row.value,
            row.min_value,
            row.max_value,
            row.unit,
            row.tolerance,
            row.label,
        )
        if data is not None:
            items.append(parse_rule(data))
    if not items:
        return []
    pool = [make_candidate(i, attributes) for i, (attributes, _n) in enumerate(combos)]
    checks = []
    for index, rule in enumerate(expand_rules(items, pool)):
        count = total if rule.feature == TOTAL else _matching(rule, pool, combos)
        result = checker.evaluate(index, rule, count, total)
        checks.append(
            f.RuleCheck(
                result.label,
                result.required,
                result.actual,
                result.passed if rule.unit == "share" else None,
            )
        )
    return checks


def _matching(rule: Rule, pool: list[Any], combos: list[tuple[dict[str, object], int]]) -> int:
    return sum(
        n for candidate, (_a, n) in zip(pool, combos, strict=True) if rule.matches(candidate)
    )


def delegate_figures(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    vocab: Vocabularies | None = None,
    scope: Scope | None = None,
) -> f.DelegateFigures:
    """Delegates on the lists (listed, invited, confirmed, checked in) of the subtree's
    conferences, by level and by each attribute the composition rules read, and the campaign's
    rules of each level checked on them. 2 queries (+3 for the vocabularies if not given)."""
    features = _feature_labels()
    if campaign is None:
        return f.DelegateFigures(features, [])
    vocab = vocab or vocabularies()
    delegates = scoped(
        Delegate.objects.filter(
            conference__campaign__in=family(campaign), status__in=conference_rules.ON_LIST
        ).filter(below(unit, "conference__unit")),
        scope,
        "conference__unit",
    )
    per_level: dict[str, list[tuple[dict[str, object], int]]] = defaultdict(list)
    for level, *values, number in (
        delegates.values_list("conference__level", *DELEGATE_FEATURES)
        .annotate(n=Count("pk"))
        .order_by()
    ):
        category, gender, direct, component, sector, field_code = values
        attributes = conference_rules.attributes(
            category=category,
            gender=gender,
            direct_producer=direct,
            economic_sector=sector,
            field=field_code,
            component=component,
        )
        per_level[level].append((attributes, number))
    rule_rows: dict[str, list[CompositionRule]] = defaultdict(list)
    for rule in CompositionRule.objects.filter(campaign=campaign).order_by("level", "order", "pk"):
        rule_rows[rule.level].append(rule)
    labels = _value_labels(vocab)
    orders = {
        "category": DelegateCategory.values,
        "gender": [*Gender.values, ""],
        "direct_producer": ["true", "false"],
    }
    found = []
    for level in levels(per_level):
        combos = per_level[level]
        total = sum(n for _a, n in combos)
        by_feature = {}
        for feature in DELEGATE_FEATURES:
            counts: dict[str, int] = defaultdict(int)
            for attributes, number in combos:
                value = attributes.get(feature, "")
                key = ("true" if value else "false") if isinstance(value, bool) else str(value)
                counts[key] += number
            by_feature[feature] = f.tallies(counts, labels[feature], orders.get(feature, ()))
        found.append(
            f.DelegateLevel(
                level,
                level_label(level),
                total,
                by_feature,
                _rule_checks(rule_rows.get(level, []), combos, total),
            )
        )
    return f.DelegateFigures(features, found)


# --- Honorees --------------------------------------------------------------------------------


def _by_child(
    queryset: QuerySet[Any], unit: Unit | None, field: str, children: PerChild | None
) -> Any:  # a queryset with the "prefix" annotation (not a field the type checker knows)
    """Group by the drill-down's prefix too (first column) when the children are wanted."""
    if children is None:
        return queryset.annotate(prefix=Value("", output_field=CharField()))
    return queryset.annotate(prefix=child_prefix(unit, field))


def honoree_figures(
    unit: Unit | None,
    *,
    vocab: Vocabularies | None = None,
    scope: Scope | None = None,
    children: PerChild | None = None,
) -> f.HonoreeFigures:
    """Honorees of the subtree (the registry: not tied to a campaign) by field and by stage of
    their lifecycle (discovered, fostered, replicated), and by child in ``children`` (the
    drill-down) when given. 1 query (+3 for the vocabularies)."""
    vocab = vocab or vocabularies()
    honorees = scoped(Honoree.objects.filter(below(unit, "unit")), scope, "unit")
    by_field: dict[str, int] = defaultdict(int)
    by_stage: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for prefix, field_id, stage, kind, number in (
        _by_child(honorees, unit, "unit", children)
        .values_list("prefix", "field_id", "stage", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if children is not None:
            children[prefix]["honorees"] += number
        by_field[str(field_id or "")] += number
        by_stage[stage] += number
        kinds[kind] += number
    field_labels = {str(pk): name for pk, name in vocab.field_names.items()}
    field_labels[""] = _("Chưa phân loại")
    return f.HonoreeFigures(
        total=sum(kinds.values()),
        individuals=kinds.get(HonoreeKind.INDIVIDUAL, 0),
        collectives=kinds.get(HonoreeKind.COLLECTIVE, 0),
        by_field=f.tallies(by_field, field_labels),
        by_stage=f.tallies(by_stage, {k: str(v) for k, v in Stage.choices}, Stage.values),
    )


# --- Awards (R10, R14) -----------------------------------------------------------------------


def recognitions_of(unit: Unit | None, campaign: Campaign | None, scope: Scope | None) -> QuerySet:
    rows = scoped(Recognition.objects.filter(below(unit, "honoree__unit")), scope, "honoree__unit")
    if campaign is not None:
        rows = rows.filter(
            year__gte=campaign.review_period_start, year__lte=campaign.review_period_end
        )
    return rows


def award_figures(
    unit: Unit | None,
    campaign: Campaign | None,
    *,
    vocab: Vocabularies | None = None,
    scope: Scope | None = None,
    small_collective_max: int = honoree_rules.DEFAULT_SMALL_COLLECTIVE_MAX,
    children: PerChild | None = None,
) -> f.AwardFigures:
    """The titles and awards in the histories of the subtree's honorees (as
    awards.selectors.award_statistics counts them; revoked ones have left the history), in the
    campaign's review period: by form, by deciding level, and the shares the plan asks for
    (R10): direct workers, workers and farmers, women (over individuals), small collectives
    (over collectives); and by child in ``children`` (the drill-down) when given. Counted in
    the database: 2 queries (+3 for the vocabularies)."""
    vocab = vocab or vocabularies()
    person = ~Q(honoree__kind=HonoreeKind.COLLECTIVE)
    group = Q(honoree__kind=HonoreeKind.COLLECTIVE)
    direct = Q(honoree__works_directly=True) | Q(
        honoree__component_id__in=vocab.direct_component_ids
    )
    small = Q(honoree__collective_size__gt=0, honoree__collective_size__lte=small_collective_max)
    grouped = (
        _by_child(recognitions_of(unit, campaign, scope), unit, "honoree__unit", children)
        .values_list("prefix", "award_form_id", "level")
        .annotate(
            individuals=Count("pk", filter=person),
            collectives=Count("pk", filter=group),
            direct=Count("pk", filter=person & direct),
            workers_farmers=Count(
                "pk", filter=person & Q(honoree__component_id__in=vocab.worker_farmer_ids)
            ),
            women=Count("pk", filter=person & Q(honoree__gender=Gender.FEMALE)),
            small=Count("pk", filter=group & small),
        )
        .order_by()
    )
    totals: dict[str, int] = defaultdict(int)
    by_form: dict[str, int] = defaultdict(int)
    by_level: dict[str, int] = defaultdict(int)
    for prefix, form_id, level, people, groups, n_direct, n_wf, n_women, n_small in grouped:
        if children is not None:
            children[prefix]["awards"] += people + groups
        for key, value in (
            ("individuals", people),
            ("collectives", groups),
            ("direct", n_direct),
            ("workers_farmers", n_wf),
            ("women", n_women),
            ("small", n_small),
        ):
            totals[key] += value
        by_form[str(form_id)] += people + groups
        by_level[level or ""] += people + groups
    forms = {str(pk): name for pk, name in AwardForm.objects.values_list("pk", "name")}
    level_names = {k: str(v) for k, v in UnitLevel.choices}
    level_names[""] = _("Chưa rõ cấp")
    people, groups = totals["individuals"], totals["collectives"]
    return f.AwardFigures(
        total=people + groups,
        individuals=people,
        collectives=groups,
        direct_workers=f.Share(totals["direct"], people),
        workers_farmers=f.Share(totals["workers_farmers"], people),
        women=f.Share(totals["women"], people),
        small_collectives=f.Share(totals["small"], groups),
        by_form=f.tallies(by_form, forms),
        by_level=f.tallies(by_level, level_names, [lv for lv in LEVEL_ORDER if lv in by_level]),
        years=(campaign.review_period_start, campaign.review_period_end) if campaign else None,
    )
