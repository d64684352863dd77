"""The council's review: each member's opinion, the vote, the minutes (BB)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import voting
from thidua.awards.enums import ItemStatus, Opinion, ProposalStatus
from thidua.awards.models import CouncilOpinion, Proposal, ProposalItem
from thidua.awards.services import specs
from thidua.awards.services.evaluation import evaluate_items
from thidua.awards.services.proposals import _locked
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.documents import services as documents
from thidua.documents.models import Issuer


def threshold() -> voting.Threshold:
    return voting.Threshold.from_setting(settings.AWARDS_COUNCIL_THRESHOLD)


def _require_review(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.IN_REVIEW:
        raise ConflictError("awards.not_in_review", _("Đề nghị không ở bước Hội đồng xét."))


@transaction.atomic
def record_opinion(
    item: ProposalItem, *, by: Any, opinion: str, comment: str = ""
) -> CouncilOpinion:
    """A council member's opinion on a candidate (replaces the member's earlier one).
    Refusals: ``awards.not_in_review``, ``awards.bad_opinion``."""
    proposal = _locked(item.proposal)
    _require_review(proposal)
    if opinion not in Opinion.values:
        raise DomainError("awards.bad_opinion", _("Ý kiến không hợp lệ."))
    row, _created = CouncilOpinion.objects.update_or_create(
        item=item,
        member=by,
        defaults={"opinion": opinion, "comment": normalize_text(comment)[:500]},
    )
    record_audit(
        "awards.opinion.recorded",
        by=by,
        unit=proposal.unit,
        target=proposal,
        data={"item": item.pk, "opinion": opinion},
    )
    return row


def council_issuer(unit: Any) -> Issuer:
    issuer = Issuer.objects.filter(
        unit=unit, abbreviation=settings.AWARDS_COUNCIL_ISSUER, is_active=True
    ).first()
    if issuer is None:
        raise DomainError(
            "awards.council_issuer_missing",
            _(
                "Đơn vị chưa có cơ quan ban hành “%(abbreviation)s” (Hội đồng Thi đua - Khen "
                "thưởng) để lập biên bản."
            )
            % {"abbreviation": settings.AWARDS_COUNCIL_ISSUER},
        )
    return issuer


def line_of(item: ProposalItem, votes: str = "") -> specs.Line:
    honoree = item.honoree
    detail = ", ".join(part for part in (honoree.position, honoree.unit.name) if part)
    return specs.Line(honoree.name, detail, item.award_form.name, item.achievement, votes)


@transaction.atomic
def close_review(
    proposal: Proposal,
    *,
    by: Any,
    held_on: dt.date,
    members_present: int,
    votes: Mapping[int, tuple[int, int, int]] | None = None,
) -> Proposal:
    """Record the council's vote on every candidate and issue the minutes (BB) in the
    council's own number series. ``votes`` maps item ids to (for, against, abstentions); when
    absent the members' recorded opinions are counted. A candidate is approved when the votes
    for reach the threshold (setting AWARDS_COUNCIL_THRESHOLD) and no criterion blocks it.
    Refusals: ``awards.not_in_review``, ``awards.bad_tally``, ``awards.future_date``,
    ``awards.council_issuer_missing``."""
    proposal = _locked(proposal)
    _require_review(proposal)
    if held_on > timezone.localdate():
        raise DomainError("awards.future_date", _("Ngày họp không thể sau hôm nay."))
    issuer = council_issuer(proposal.unit)
    items = list(
        proposal.items.select_related(
            "proposal", "honoree", "honoree__unit", "award_form"
        ).prefetch_related("opinions", "opinions__member")
    )
    evaluate_items(items, held_on)
    rule = threshold()
    lines, opinions, warnings, approved = [], [], [], 0
    for item in items:
        counted = votes.get(item.pk) if votes is not None else None
        if counted is None:
            given = [o.opinion for o in item.opinions.all()]
            counted = (
                given.count(Opinion.AGREE),
                given.count(Opinion.DISAGREE),
                given.count(Opinion.ABSTAIN),
            )
        tally = voting.Tally(*counted, present=members_present)
        if not tally.is_valid():
            raise DomainError(
                "awards.bad_tally",
                _("Số phiếu của %(name)s không khớp số thành viên có mặt.")
                % {"name": item.honoree},
            )
        passed = voting.is_approved(tally, rule) and not item.has_block
        approved += passed
        item.status = ItemStatus.APPROVED if passed else ItemStatus.REJECTED
        item.votes_for, item.votes_against, item.abstentions = counted
        item.save(update_fields=["status", "votes_for", "votes_against", "abstentions"])
        lines.append(line_of(item, f"{tally.votes_for}/{members_present}"))
        for finding in item.findings:
            if not finding["passed"]:
                message = _(finding["message"]) % finding["params"]
                warnings.append(f"{item.honoree.name}: {message}")
        for opinion in item.opinions.all():
            who = opinion.member.get_full_name() or opinion.member.get_username()
            text = f"{who} — {item.honoree.name}: {opinion.get_opinion_display()}"
            opinions.append(f"{text}. {opinion.comment}" if opinion.comment else f"{text}.")
    minutes = documents.issue_document(
        by=by,
        issuer=issuer,
        spec=specs.minutes_spec(
            unit_name=proposal.unit.name,
            title=proposal.title,
            held_on=held_on,
            present=members_present,
            threshold=rule.describe() + " số thành viên có mặt",  # the document is Vietnamese
            lines=lines,
            approved=approved,
            opinions=opinions,
            warnings=warnings,
            chair=by.get_full_name() if hasattr(by, "get_full_name") else "",
        ),
        date=held_on,
        source=proposal,
    )
    proposal.status = ProposalStatus.REVIEWED
    proposal.review_date = held_on
    proposal.members_present = members_present
    proposal.minutes = minutes
    proposal.save(
        update_fields=["status", "review_date", "members_present", "minutes", "updated_at"]
    )
    record_audit(
        "awards.proposal.reviewed",
        by=by,
        unit=proposal.unit,
        target=proposal,
        data={"minutes": minutes.symbol, "approved": approved, "total": len(items)},
    )
    return proposal
