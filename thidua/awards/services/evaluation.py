"""Evaluate the criteria of candidates: gather the evidence (a few queries for a whole list),
run the pure checks (criteria.py) with the rules in force, store the findings on the items."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from thidua.awards import criteria
from thidua.awards.enums import EntryStatus, ItemStatus, ProposalStatus
from thidua.awards.models import DecisionEntry, ProposalItem
from thidua.awards.selectors import active_rules
from thidua.honorees.models import Initiative, Recognition

ACTIVE_ITEM_STATUSES = (
    ItemStatus.PROPOSED,
    ItemStatus.APPROVED,
    ItemStatus.SUBMITTED,
)


def evidence_for(
    items: Sequence[ProposalItem], on: dt.date, *, include_pending: bool = True
) -> dict[int, criteria.Evidence]:
    """The evidence of each item (4 queries whatever the number of items). Other proposals
    still pending count as "already proposed" while lists are drawn up; at the decision
    (``include_pending=False``) only what was decided counts: the first decided wins, and the
    other is then blocked."""
    honoree_ids = {item.honoree_id for item in items}
    recognitions: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for honoree_id, code, year in Recognition.objects.filter(
        honoree_id__in=honoree_ids
    ).values_list("honoree_id", "award_form__code", "year"):
        recognitions[honoree_id].append((code, year))
    initiatives: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for honoree_id, recognized_on, level in Initiative.objects.filter(
        honoree_id__in=honoree_ids, recognized_on__isnull=False
    ).values_list("honoree_id", "recognized_on", "level"):
        if recognized_on is not None:
            initiatives[honoree_id].append((recognized_on.year, level))
    others: dict[int, list[tuple[int | None, criteria.OtherAward]]] = defaultdict(list)
    for entry in DecisionEntry.objects.filter(
        honoree_id__in=honoree_ids, status=EntryStatus.GRANTED
    ).values_list(
        "honoree_id",
        "item_id",
        "award_form__name",
        "period_start",
        "period_end",
        "movement_id",
        "decision__symbol",
    ):
        honoree_id, item_id, form, start, end, movement, symbol = entry
        others[honoree_id].append(
            (item_id, criteria.OtherAward(form, (start, end), movement, f"QĐ {symbol}"))
        )
    pending = (
        ProposalItem.objects.filter(
            honoree_id__in=honoree_ids if include_pending else (),
            status__in=ACTIVE_ITEM_STATUSES,
        )
        .exclude(proposal__status=ProposalStatus.MERGED)
        .values_list(
            "id",
            "honoree_id",
            "award_form__name",
            "proposal__period_start",
            "proposal__period_end",
            "proposal__movement_id",
            "proposal_id",
        )
    )
    for item_id, honoree_id, form, start, end, movement, proposal_id in pending:
        others[honoree_id].append(
            (item_id, criteria.OtherAward(form, (start, end), movement, f"đề nghị #{proposal_id}"))
        )
    proposed_together: dict[tuple[int, int], list[str]] = defaultdict(list)
    for item in items:
        proposed_together[(item.proposal_id, item.honoree_id)].append(item.award_form.code)
    result = {}
    for item in items:
        proposal = item.proposal
        award_form = item.award_form
        result[item.pk] = criteria.Evidence(
            form=award_form.code,
            form_subject=award_form.subject,
            form_in_force=award_form.is_active and award_form.is_valid_on(on),
            honoree_kind=item.honoree.kind,
            year=proposal.period_end,
            period=proposal.period,
            movement=proposal.movement_id,
            recognitions=tuple(recognitions[item.honoree_id]),
            proposed_with=tuple(
                code
                for code in proposed_together[(item.proposal_id, item.honoree_id)]
                if code != award_form.code
            ),
            initiatives=tuple(initiatives[item.honoree_id]),
            rating=item.rating,
            research_accepted=item.research_accepted,
            excellent_years=item.excellent_years,
            others=tuple(other for item_id, other in others[item.honoree_id] if item_id != item.pk),
        )
    return result


def evaluate_items(
    items: Sequence[ProposalItem], on: dt.date, *, include_pending: bool = True
) -> dict[int, list[criteria.Finding]]:
    """Run the rules and store the findings on each item (one UPDATE per item)."""
    rules = active_rules()
    evidence = evidence_for(items, on, include_pending=include_pending)
    findings = {}
    for item in items:
        found = criteria.evaluate(evidence[item.pk], rules)
        findings[item.pk] = found
        item.findings = [f.as_data() for f in found]
        item.has_block = any(f.blocks for f in found)
        item.has_warning = any(f.warns for f in found)
        ProposalItem.objects.filter(pk=item.pk).update(
            findings=item.findings, has_block=item.has_block, has_warning=item.has_warning
        )
    return findings
