"""The optimizer at a conference: propose the list that keeps every rule and has the most
merit (seeded lottery among equal merit; the seed and the result are stored with why each
person was chosen or not), or say which rules conflict and the smallest relaxation; then the
organizer applies the proposal and edits by hand.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.conferences import rules, selectors
from thidua.conferences.enums import DelegateOrigin, PoolSource
from thidua.conferences.models import Conference, Delegate, DelegateProposal
from thidua.conferences.services.common import (
    actor,
    cap_text,
    clock,
    locked,
    refuse_if_approved,
    require,
    scope_of,
)
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.honorees import rules as honoree_rules
from thidua.honorees import selectors as honoree_selectors
from thidua.selection.checker import Report
from thidua.selection.errors import SelectionError
from thidua.selection.optimizer import OptimizeResult, lottery_number, optimize
from thidua.selection.rules import Rule, make_candidate, parse_rules

MAX_POOL = 5000
MAX_SEED = 10**12
SOLVE_SECONDS = 30.0
ANALYSIS_SECONDS = 10.0
SCALAR_WEIGHTS = ("initiative", "good_deeds", "acclaimed", "works_directly")


def plain(value: Fraction) -> str:
    """A merit as plain decimal text with 2 decimals ("12.50"): stored, parsed back exactly
    (merits are sums of weights rounded to 2 decimals)."""
    return f"{float(value):.2f}"


def weights_data(weights: honoree_rules.MeritWeights) -> dict[str, Any]:
    return {
        "forms": dict(weights.forms),
        **{name: getattr(weights, name) for name in SCALAR_WEIGHTS},
    }


def _weight(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _bad_weights(name)
    try:
        number = float(value)
    except ValueError:
        raise _bad_weights(name) from None
    if not 0 <= number <= 1000:
        raise _bad_weights(name)
    return number


def _bad_weights(name: str) -> DomainError:
    return DomainError(
        "conferences.bad_weights",
        _("Trọng số “%(name)s” phải là số từ 0 đến 1000.") % {"name": name},
    )


def merit_weights(data: Mapping[str, Any] | None) -> honoree_rules.MeritWeights:
    """Weights of the merit score from plain data (the default preset for what is missing):
    ``{"forms": {"cstdcs": 3, ...}, "initiative": 2, "good_deeds": 1, "acclaimed": 2,
    "works_directly": 1}``."""
    if not data:
        return honoree_rules.DEFAULT_WEIGHTS
    if not isinstance(data, Mapping):
        raise _bad_weights("weights")
    forms = dict(honoree_rules.DEFAULT_MERIT_WEIGHTS)
    given = data.get("forms") or {}
    if not isinstance(given, Mapping) or len(given) > 200:
        raise _bad_weights("forms")
    for code, value in given.items():
        forms[str(code)[:64]] = _weight(value, str(code))
    scalars = {
        name: _weight(data[name], name)
        if name in data
        else getattr(honoree_rules.DEFAULT_WEIGHTS, name)
        for name in SCALAR_WEIGHTS
    }
    return honoree_rules.MeritWeights(forms=forms, **scalars)


def _pool(
    by: Any, conference: Conference, source: str, weights: honoree_rules.MeritWeights
) -> list[selectors.PoolCandidate]:
    if source == PoolSource.CERTIFIED:
        main = selectors.certified_candidates(conference)
    else:
        main = selectors.honoree_pool(scope_of(by), conference, weights)
    pool = main + selectors.manual_candidates(conference)
    if len(pool) > MAX_POOL:
        raise DomainError(
            "conferences.pool_too_large",
            _("Quá nhiều ứng viên (%(count)s; tối đa %(most)s).")
            % {"count": len(pool), "most": MAX_POOL},
        )
    return pool


def _tight(report: Report) -> tuple[frozenset[int], frozenset[int]]:
    """Rules sitting exactly on their minimum / maximum (one person less / more breaks them)."""
    low, high = set(), set()
    for result in report.results:
        rule, k, n = result.rule, result.count, result.total
        scale = n if rule.unit == "share" else 1
        if rule.lower is not None and k - 1 < rule.lower * scale:
            low.add(result.index)
        if rule.upper is not None and k + 1 > rule.upper * scale:
            high.add(result.index)
    return frozenset(low), frozenset(high)


def _entry_data(
    candidate: selectors.PoolCandidate,
    choice: rules.Choice | None,
    seed: int,
    rule_list: Sequence[Rule],
) -> dict[str, Any]:
    return {
        "key": candidate.key,
        "name": candidate.name,
        "category": candidate.category,
        "origin": candidate.origin,
        "merit": plain(candidate.merit),
        "chosen": bool(choice and choice.chosen),
        "reason": choice.reason if choice else "",
        "lottery": lottery_number(seed, candidate.key),
        "lottery_decided": bool(choice and choice.lottery),
        "rules": [rule_list[i].display_label for i in choice.rules] if choice else [],
        "unit_name": candidate.unit_name,
        "position": candidate.position,
        "gender": candidate.gender,
        "direct_producer": candidate.direct_producer,
        "economic_sector": candidate.economic_sector,
        "field": candidate.field,
        "component": candidate.component,
        "sub_unit_id": candidate.sub_unit_id,
        "titles": list(candidate.titles),
        "honoree_id": candidate.honoree_id,
        "delegate_id": candidate.delegate_id,
    }


def _explain(
    pool: Sequence[selectors.PoolCandidate],
    result: OptimizeResult,
    required: set[str],
) -> dict[str, rules.Choice]:
    if result.status != "optimal" or result.report is None:
        return {}
    chosen = set(result.selected)
    people = [make_candidate(c.key, c.attributes, c.merit) for c in pool]
    entries = [
        rules.PoolEntry(
            c.key,
            c.merit,
            c.key in chosen,
            c.key in required,
            frozenset(i for i, rule in enumerate(result.rules) if rule.matches(person)),
            c.category if c.category == rules.HONOREE else "guest_or_leader",
        )
        for c, person in zip(pool, people, strict=True)
    ]
    tight_min, tight_max = _tight(result.report)
    lottery = {str(k): v for k, v in result.lottery.items()}
    return {c.key: c for c in rules.explain_choices(entries, lottery, tight_min, tight_max)}


@transaction.atomic
def propose_delegates(
    conference: Conference,
    *,
    by: Any,
    size: int,
    seed: int | None = None,
    required: Iterable[str] = (),
    weights: Mapping[str, Any] | None = None,
    source: str = PoolSource.HONOREES,
    now: dt.datetime | None = None,
) -> DelegateProposal:
    """Run the optimizer (HiGHS, thidua.selection.optimizer) on the conference's pool: the
    honorees of the unit's subtree (or the delegates certified by the lower conferences) and the
    guests and leaders entered by hand; the conference's rules; ``size`` people; ``required``
    pool keys always in. Merit from recognitions in the review period with ``weights``; a
    seeded lottery among equal merit (``seed``: given, else drawn and stored). The proposal
    is stored whatever the outcome: an infeasible one carries the conflicting rules and the
    smallest relaxation.

    Refusals: ``conferences.format_not_chosen``, ``conferences.bad_size``,
    ``conferences.size_above_cap``, ``conferences.unknown_required``, ``conferences.bad_seed``,
    ``conferences.bad_weights``, ``conferences.bad_source``, ``conferences.pool_too_large``,
    ``conferences.list_approved``, ``conferences.<selection code>``."""
    require(by, "conferences.manage", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    if not conference.format:
        raise DomainError(
            "conferences.format_not_chosen",
            _("Đơn vị tổ chức cần lựa chọn hình thức hội nghị trước."),
        )
    if source not in PoolSource.values:
        raise DomainError("conferences.bad_source", _("Nguồn ứng viên không hợp lệ."))
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise DomainError("conferences.bad_size", _("Số đại biểu phải từ 1 trở lên."))
    cap = selectors.effective_cap(conference)
    if cap is not None and size > cap:
        raise DomainError(
            "conferences.size_above_cap",
            _("Số đại biểu %(size)s vượt số tối đa %(cap)s của hội nghị. %(rule)s")
            % {
                "size": size,
                "cap": cap,
                "rule": cap_text(selectors.level_rule(conference), conference.format),
            },
        )
    if seed is None:
        seed = secrets.randbelow(MAX_SEED)
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < MAX_SEED:
        raise DomainError("conferences.bad_seed", _("Số gốc bốc thăm phải là số nguyên không âm."))
    merit = merit_weights(weights)
    pool = _pool(by, conference, source, merit)
    keys = {c.key for c in pool}
    must = sorted(set(required))
    if set(must) - keys:
        raise DomainError(
            "conferences.unknown_required",
            _("Người bắt buộc có mặt phải thuộc danh sách ứng viên."),
        )
    rule_data = selectors.checker_rules(conference)
    try:
        result = optimize(
            [make_candidate(c.key, c.attributes, c.merit) for c in pool],
            parse_rules(rule_data),
            size,
            required=must,
            seed=seed,
            time_limit=SOLVE_SECONDS,
            analysis_seconds=ANALYSIS_SECONDS,
        )
    except SelectionError as error:
        raise DomainError(f"conferences.{error.code}", error.message) from None
    choices = _explain(pool, result, set(must))
    order = {key: i for i, key in enumerate(result.selected)}
    ordered = sorted(pool, key=lambda c: (c.key not in order, order.get(c.key, 0), -c.merit))
    proposal = DelegateProposal.objects.create(
        conference=conference,
        source=source,
        size=size,
        seed=seed,
        weights=weights_data(merit),
        required=must,
        rules=rule_data,
        status=result.status,
        objective="" if result.objective is None else plain(result.objective),
        selected=[str(k) for k in result.selected],
        pool=[_entry_data(c, choices.get(c.key), seed, result.rules) for c in ordered],
        report=result.report.as_list() if result.report is not None else [],
        conflicts=[result.rules[i].display_label for i in result.conflicts],
        relaxation=[r.as_dict() for r in result.relaxation],
        message=result.message,
        created_by=actor(by),
    )
    record_audit(
        "conferences.proposal.created",
        by=by,
        unit=conference.unit,
        target=proposal,
        data={
            "size": size,
            "seed": seed,
            "source": source,
            "status": result.status,
            "pool": len(pool),
            "required": len(must),
            "selected": len(result.selected),
        },
    )
    return proposal


def _new_delegate(
    conference: Conference, entry: Mapping[str, Any], proposal: DelegateProposal, by: Any
) -> Delegate:
    kind, ident = rules.parse_key(entry["key"])
    certified = kind == rules.CERTIFIED_KEY
    return Delegate(
        conference=conference,
        category=entry["category"],
        origin=DelegateOrigin.CERTIFIED if certified else DelegateOrigin.HONOREE_POOL,
        honoree_id=entry.get("honoree_id"),
        origin_delegate_id=ident if certified else None,
        status=rules.LISTED,
        name=entry["name"],
        position=entry.get("position") or "",
        organization=entry.get("unit_name") or "",
        gender=entry.get("gender") or "",
        direct_producer=bool(entry.get("direct_producer")),
        economic_sector=entry.get("economic_sector") or "",
        field=entry.get("field") or "",
        component=entry.get("component") or "",
        sub_unit_id=entry.get("sub_unit_id"),
        titles=list(entry.get("titles") or []),
        merit=Decimal(entry.get("merit") or "0"),
        proposal=proposal,
        added_by=actor(by),
    )


def _check_fresh(by: Any, conference: Conference, entries: Sequence[Mapping[str, Any]]) -> None:
    """The people of the proposal must still be there: honorees in the actor's scope and the
    conference's subtree, hand-entered delegates still of this conference."""
    honorees = {e["honoree_id"] for e in entries if e["key"].startswith(rules.HONOREE_KEY)}
    found = (
        honoree_selectors.honorees_in(scope_of(by))
        .filter(pk__in=honorees, unit__path__startswith=conference.unit.path)
        .count()
    )
    manual = {e["delegate_id"] for e in entries if e["key"].startswith(rules.DELEGATE_KEY)}
    kept = conference.delegates.filter(pk__in=manual, origin=DelegateOrigin.MANUAL).count()
    if found != len(honorees) or kept != len(manual):
        raise ConflictError(
            "conferences.proposal_stale",
            _("Danh sách ứng viên đã thay đổi sau khi đề xuất; hãy đề xuất lại."),
        )


@transaction.atomic
def apply_proposal(
    proposal: DelegateProposal, *, by: Any, now: dt.datetime | None = None
) -> dict[str, int]:
    """Make the proposal the conference's list: the proposed people on it (honorees and
    certified delegates added, hand-entered ones back from reserve), everyone else off it
    (hand-entered ones to reserve, the others deleted). The organizer then edits by hand.
    Returns the counts {"added", "kept", "removed", "reserved"}.

    Refusals: ``conferences.proposal_infeasible``, ``conferences.proposal_applied``,
    ``conferences.proposal_stale``, ``conferences.list_approved``."""
    conference = proposal.conference
    require(by, "conferences.manage", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    proposal = DelegateProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_optimal:
        raise ConflictError(
            "conferences.proposal_infeasible",
            _("Đề xuất này không có danh sách (các quy định mâu thuẫn)."),
        )
    if proposal.applied_at is not None:
        raise ConflictError("conferences.proposal_applied", _("Đề xuất này đã được áp dụng."))
    selected = set(proposal.selected)
    entries = [e for e in proposal.pool if e["key"] in selected]
    _check_fresh(by, conference, entries)
    existing = selectors.listed_keys(conference)
    counts = {"added": 0, "kept": 0, "removed": 0, "reserved": 0}
    back, new = [], []
    for entry in entries:
        delegate = existing.get(entry["key"])
        if delegate is None:
            new.append(_new_delegate(conference, entry, proposal, by))
            counts["added"] += 1
        elif delegate.status == rules.RESERVE:
            delegate.status = rules.LISTED
            back.append(delegate)
            counts["added"] += 1
        else:
            counts["kept"] += 1
    leaving = [d for key, d in existing.items() if key not in selected and d.status == rules.LISTED]
    for delegate in leaving:
        if delegate.is_manual:
            delegate.status = rules.RESERVE
            back.append(delegate)
            counts["reserved"] += 1
    removed = [d.pk for d in leaving if not d.is_manual]
    counts["removed"] = len(removed)
    Delegate.objects.filter(pk__in=removed).delete()
    Delegate.objects.bulk_update(back, ["status"])
    Delegate.objects.bulk_create(new)
    proposal.applied_at = now
    proposal.applied_by = actor(by)
    proposal.save(update_fields=["applied_at", "applied_by"])
    record_audit(
        "conferences.proposal.applied",
        by=by,
        unit=conference.unit,
        target=proposal,
        data={**counts, "seed": proposal.seed, "size": proposal.size},
    )
    return counts
