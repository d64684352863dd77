"""Proposals: create, add candidates and evidence, assemble (merge), send to the council."""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import evidence as evidence_rules
from thidua.awards.enums import CompletionRating, ProposalStatus
from thidua.awards.models import AwardForm, Evidence, Proposal, ProposalItem
from thidua.awards.services.evaluation import evaluate_items
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.core.uploads_settings import zip_limits
from thidua.honorees.models import Honoree, Movement
from thidua.units.models import Unit

MIN_YEAR = 1945


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _locked(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",)).select_related("unit").get(pk=proposal.pk)
    )


def _require_draft(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.DRAFT:
        raise ConflictError(
            "awards.proposal_not_draft",
            _("Đề nghị đã gửi Hội đồng (hoặc đã tổng hợp): không sửa được danh sách."),
        )


@transaction.atomic
def create_proposal(
    *,
    by: Any,
    unit: Unit,
    title: str,
    period_start: int,
    period_end: int,
    movement: Movement | None = None,
    origin: str = "",
    source: models.Model | None = None,
) -> Proposal:
    """A new draft proposal of ``unit``; ``source`` optionally attaches it to another object
    (a conference). Refusals: ``awards.title_required``, ``awards.bad_period``."""
    title = normalize_text(title)
    if not title:
        raise DomainError("awards.title_required", _("Đề nghị cần có tên."))
    this_year = timezone.localdate().year
    if not (MIN_YEAR <= period_start <= period_end <= this_year + 1):
        raise DomainError("awards.bad_period", _("Giai đoạn tính thành tích không hợp lệ."))
    proposal = Proposal.objects.create(
        unit=unit,
        title=title[:300],
        origin=normalize_text(origin)[:200],
        period_start=period_start,
        period_end=period_end,
        movement=movement,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=str(source.pk) if source is not None else "",
        created_by=_user(by),
    )
    record_audit(
        "awards.proposal.created",
        by=by,
        unit=unit,
        target=proposal,
        data={"period": [period_start, period_end], "origin": proposal.origin},
    )
    return proposal


@transaction.atomic
def add_candidate(
    proposal: Proposal,
    *,
    by: Any,
    honoree: Honoree,
    award_form: AwardForm,
    achievement: str,
    rating: str = "",
    research_accepted: bool = False,
    excellent_years: int = 0,
) -> ProposalItem:
    """Add an individual or a collective to a draft proposal and check its criteria at once
    (the findings are stored on the item). Refusals: ``awards.proposal_not_draft``,
    ``awards.honoree_outside_unit``, ``awards.duplicate_candidate``,
    ``awards.achievement_required``, ``awards.bad_rating``."""
    proposal = _locked(proposal)
    _require_draft(proposal)
    if not honoree.unit.path.startswith(proposal.unit.path):
        raise DomainError(
            "awards.honoree_outside_unit",
            _("Chỉ đề nghị được cá nhân, tập thể thuộc đơn vị (và cấp dưới)."),
        )
    if proposal.items.filter(honoree=honoree).exists():
        raise ConflictError(
            "awards.duplicate_candidate", _("%(name)s đã có trong đề nghị này.") % {"name": honoree}
        )
    achievement = achievement.strip()
    if not achievement:
        raise DomainError("awards.achievement_required", _("Cần tóm tắt thành tích."))
    if rating and rating not in CompletionRating.values:
        raise DomainError("awards.bad_rating", _("Xếp loại không hợp lệ."))
    position = (proposal.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = ProposalItem.objects.create(
        proposal=proposal,
        honoree=honoree,
        award_form=award_form,
        achievement=achievement[:4000],
        rating=rating,
        research_accepted=research_accepted,
        excellent_years=max(0, min(int(excellent_years or 0), 50)),
        position=position,
        proposed_by=_user(by),
    )
    item.proposal = proposal
    evaluate_items([item], timezone.localdate())
    record_audit(
        "awards.candidate.added",
        by=by,
        unit=proposal.unit,
        target=proposal,
        data={"item": item.pk, "honoree": honoree.pk, "form": award_form.code},
    )
    return item


@transaction.atomic
def remove_candidate(item: ProposalItem, *, by: Any) -> None:
    """Refusal: ``awards.proposal_not_draft``."""
    proposal = _locked(item.proposal)
    _require_draft(proposal)
    data = {"honoree": item.honoree_id, "form": item.award_form.code}
    # The files go once the removal is committed (a rolled-back removal keeps its evidence).
    files = [(e.file.storage, e.file.name) for e in item.evidence.all() if e.file.name]
    item.delete()
    for storage, name in files:
        transaction.on_commit(partial(storage.delete, name))
    record_audit("awards.candidate.removed", by=by, unit=proposal.unit, target=proposal, data=data)


@transaction.atomic
def attach_evidence(
    item: ProposalItem, *, by: Any, name: str, data: bytes, description: str = ""
) -> Evidence:
    """Attach a file to a candidate. Its type is checked by extension and content (pdf, jpg,
    png, docx, xlsx) and its size by AWARDS_EVIDENCE_MAX_BYTES. Refusals:
    ``awards.evidence_empty``, ``awards.evidence_too_large``, ``awards.evidence_type``,
    ``awards.proposal_not_draft`` (merged into another)."""
    proposal = _locked(item.proposal)
    if proposal.status == ProposalStatus.MERGED:
        # Evidence may still be added after the review: an upper level that returns a
        # submission usually asks for more of it.
        raise ConflictError(
            "awards.proposal_not_draft", _("Đề nghị đã được tổng hợp vào đề nghị khác.")
        )
    if not data:
        raise DomainError("awards.evidence_empty", _("Tệp rỗng."))
    limit = settings.AWARDS_EVIDENCE_MAX_BYTES
    if len(data) > limit:
        raise DomainError(
            "awards.evidence_too_large",
            _("Tệp lớn hơn %(size)s MB.") % {"size": limit // (1024 * 1024)},
        )
    kind = evidence_rules.file_type(name, data[:16], data, zip_limits())
    if kind is None:
        raise DomainError(
            "awards.evidence_type",
            _("Chỉ nhận tệp %(types)s đúng định dạng.")
            % {"types": evidence_rules.accepted_extensions()},
        )
    base = normalize_text(os.path.basename(name))[:200] or f"tep{kind.extension}"
    evidence = Evidence(
        item=item,
        original_name=base,
        content_type=kind.content_type,
        size=len(data),
        description=normalize_text(description)[:300],
        uploaded_by=_user(by),
    )
    evidence.file.save(f"{evidence.token}{kind.extension}", ContentFile(data), save=False)
    evidence.save()
    record_audit(
        "awards.evidence.attached",
        by=by,
        unit=proposal.unit,
        target=proposal,
        data={"item": item.pk, "name": base, "size": len(data)},
    )
    return evidence


@transaction.atomic
def merge_proposals(target: Proposal, sources: list[Proposal], *, by: Any) -> Proposal:
    """The organizer assembles: the candidates of other draft proposals of the same unit (the
    Front's, an organization's) move into ``target``; the sources are marked merged.
    Refusals: ``awards.proposal_not_draft``, ``awards.merge_other_unit``,
    ``awards.duplicate_candidate``."""
    target = _locked(target)
    _require_draft(target)
    moved = 0
    for source in sources:
        source = _locked(source)
        _require_draft(source)
        if source.pk == target.pk or source.unit_id != target.unit_id:
            raise DomainError(
                "awards.merge_other_unit", _("Chỉ tổng hợp được các đề nghị khác của cùng đơn vị.")
            )
        clash = target.items.filter(
            honoree_id__in=source.items.values_list("honoree_id", flat=True)
        ).first()
        if clash is not None:
            raise ConflictError(
                "awards.duplicate_candidate",
                _("%(name)s đã có trong đề nghị này.") % {"name": clash.honoree},
            )
        offset = target.items.aggregate(last=Max("position"))["last"] or 0
        for item in source.items.all():
            ProposalItem.objects.filter(pk=item.pk).update(
                proposal=target, position=offset + item.position
            )
            moved += 1
        source.status = ProposalStatus.MERGED
        source.merged_into = target
        source.save(update_fields=["status", "merged_into", "updated_at"])
    items = list(target.items.select_related("proposal", "honoree", "award_form"))
    evaluate_items(items, timezone.localdate())
    record_audit(
        "awards.proposal.merged",
        by=by,
        unit=target.unit,
        target=target,
        data={"sources": [s.pk for s in sources], "moved": moved},
    )
    return target


@transaction.atomic
def submit_for_review(proposal: Proposal, *, by: Any) -> Proposal:
    """Send the assembled list to the council; the criteria are checked again. Refusals:
    ``awards.proposal_not_draft``, ``awards.proposal_empty``."""
    proposal = _locked(proposal)
    _require_draft(proposal)
    items = list(proposal.items.select_related("proposal", "honoree", "award_form"))
    if not items:
        raise DomainError("awards.proposal_empty", _("Đề nghị chưa có ai."))
    evaluate_items(items, timezone.localdate())
    proposal.status = ProposalStatus.IN_REVIEW
    proposal.save(update_fields=["status", "updated_at"])
    record_audit(
        "awards.proposal.submitted_for_review",
        by=by,
        unit=proposal.unit,
        target=proposal,
        data={"items": len(items), "blocked": sum(i.has_block for i in items)},
    )
    return proposal
