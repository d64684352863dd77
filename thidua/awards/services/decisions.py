"""Decisions within the level's authority, submissions (Tờ trình) beyond it, the upper
level's answer (decide, forward, return), and revocation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import authority as pure
from thidua.awards.enums import EntryStatus, ItemStatus, ProposalStatus, SubmissionStatus
from thidua.awards.models import (
    Decision,
    DecisionEntry,
    Office,
    Proposal,
    ProposalItem,
    Revocation,
    Submission,
)
from thidua.awards.selectors import authority_table, node, unit_chain
from thidua.awards.services import specs
from thidua.awards.services.evaluation import evaluate_items
from thidua.awards.services.review import line_of
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.core.vietnamese import group_thousands, short_date
from thidua.documents import services as documents
from thidua.documents import spec as doc
from thidua.documents.models import Issuer
from thidua.honorees import services as honorees
from thidua.honorees.models import Honoree, Recognition
from thidua.units.models import Unit


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _signer(by: Any, name: str) -> str:
    if name.strip():
        return normalize_text(name)
    full = by.get_full_name() if hasattr(by, "get_full_name") else ""
    return full or (by.get_username() if by is not None else "")


def _check_date(on: dt.date) -> None:
    if on > timezone.localdate():
        raise DomainError("awards.future_date", _("Ngày văn bản không thể sau hôm nay."))


def _issuer(unit: Unit, abbreviation: str) -> Issuer:
    issuer = Issuer.objects.filter(
        unit=unit, abbreviation=abbreviation or "UBND", is_active=True
    ).first()
    if issuer is None:
        raise DomainError(
            "awards.issuer_missing",
            _("%(unit)s chưa có cơ quan ban hành “%(abbreviation)s” để ban hành văn bản.")
            % {"unit": unit, "abbreviation": abbreviation or "UBND"},
        )
    return issuer


def _signature(office: Office, signer: str, *, deputy: bool) -> doc.Signature:
    if deputy:
        return doc.Signature(
            f"PHÓ {office.signer_title}",
            signer,
            authority=(doc.Authority("KT", office.signer_title),),
        )
    return doc.Signature(office.signer_title, signer)


def _grantor(office: Office, unit: Unit) -> str:
    body = office.signing_body or ""
    return f"{office.signer_title} {body} {unit.name}".replace("  ", " ").upper().strip()


def _lock_items(items: Sequence[ProposalItem]) -> list[ProposalItem]:
    ids = sorted(i.pk for i in items)
    locked = list(
        ProposalItem.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("proposal", "honoree", "honoree__unit", "award_form", "proposal__movement")
        .order_by("pk")
    )
    if len(locked) != len(ids):
        raise DomainError("awards.item_missing", _("Có người trong danh sách không còn."))
    return locked


def _require_office(
    table: pure.AuthorityTable, unit: Unit, items: Sequence[ProposalItem], on: dt.date
) -> Office:
    """The one office of ``unit`` that may decide every item's form on ``on``; else the
    refusal ``awards.beyond_authority`` naming the forms (they go up as a Tờ trình)."""
    beyond = [i for i in items if not table.may_decide(node(unit), i.award_form.code, on)]
    if beyond:
        forms = ", ".join(sorted({i.award_form.name for i in beyond}))
        raise DomainError(
            "awards.beyond_authority",
            _(
                "%(forms)s vượt thẩm quyền của %(unit)s vào ngày %(date)s: lập tờ trình lên cấp "
                "có thẩm quyền."
            )
            % {"forms": forms, "unit": unit, "date": short_date(on)},
            items=[i.pk for i in beyond],
        )
    codes = {table.deciding_office(node(unit), i.award_form.code, on) for i in items}
    if len(codes) != 1:
        raise DomainError(
            "awards.mixed_offices",
            _("Các hình thức thuộc thẩm quyền của những chức danh khác nhau: tách quyết định."),
        )
    return Office.objects.get(code=codes.pop())


def _check_items_decidable(items: Sequence[ProposalItem], on: dt.date) -> None:
    """Blocks of the criteria (again, under the honorees' locks: "one achievement, one form"
    cannot be raced) and a recognition of the same form in the same year."""
    list(Honoree.objects.select_for_update().filter(pk__in=sorted({i.honoree_id for i in items})))
    findings = evaluate_items(list(items), on, include_pending=False)
    blocked = [i for i in items if any(f.blocks for f in findings[i.pk])]
    if blocked:
        raise ConflictError(
            "awards.criteria_block",
            _("Không quyết định được: %(names)s chưa đạt tiêu chí bắt buộc.")
            % {"names": ", ".join(str(i.honoree) for i in blocked)},
            items=[i.pk for i in blocked],
        )
    same_year = Recognition.objects.filter(
        honoree_id__in=[i.honoree_id for i in items], year=on.year
    ).values_list("honoree_id", "award_form_id")
    taken = set(same_year)
    clash = [i for i in items if (i.honoree_id, i.award_form_id) in taken]
    if clash:
        raise ConflictError(
            "awards.duplicate_recognition",
            _("%(names)s đã được ghi nhận hình thức này trong năm %(year)s.")
            % {"names": ", ".join(str(i.honoree) for i in clash), "year": on.year},
        )


def _decimal(value: Decimal) -> str:
    """Vietnamese decimal comma: 0.30 -> "0,3"."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _bonus_text(items: Sequence[ProposalItem]) -> str:
    base = settings.AWARDS_BASE_SALARY
    parts = []
    for form in {i.award_form.pk: i.award_form for i in items}.values():
        for collective in (False, True):
            multiple = form.bonus_for(collective=collective)
            if multiple is None or not any(i.honoree.is_collective == collective for i in items):
                continue
            amount = int((Decimal(base) * multiple).quantize(Decimal(1)))
            who = "tập thể" if collective else "cá nhân"  # document text: Vietnamese
            parts.append(
                f"{form.name} ({who}): {_decimal(multiple)} lần mức lương cơ sở = "
                f"{group_thousands(amount)} đồng"
            )
    if not parts:
        return "Không kèm tiền thưởng."
    return "Mức thưởng theo Nghị định số 98/2023/NĐ-CP: " + "; ".join(parts) + "."


def _issue_decision(
    *,
    by: Any,
    unit: Unit,
    office: Office,
    items: Sequence[ProposalItem],
    proposal: Proposal,
    submission: Submission | None,
    decided_on: dt.date,
    signer_name: str,
    deputy: bool,
    proposer: str,
) -> Decision:
    issuer = _issuer(unit, office.issuer_abbreviation)
    signer = _signer(by, signer_name)
    spec = specs.decision_spec(
        grantor=_grantor(office, unit),
        form_names=[i.award_form.name for i in items],
        period=proposal.period_label,
        movement=proposal.movement.name if proposal.movement else "",
        proposer=proposer,
        minutes=proposal.minutes.symbol if proposal.minutes is not None else "",
        lines=[line_of(i) for i in items],
        bonus=_bonus_text(items),
        signature=_signature(office, signer, deputy=deputy),
        date=decided_on,
        recipients=("Như Điều 3;", "Lưu: VT, NV."),
    )
    document = documents.issue_document(
        by=by, issuer=issuer, spec=spec, date=decided_on, source=proposal
    )
    decision = Decision.objects.create(
        unit=unit,
        office=office,
        document=document,
        symbol=document.symbol,
        decided_on=decided_on,
        signer_name=signer,
        signer_title=spec.signature.title if spec.signature else office.signer_title,
        proposal=proposal,
        submission=submission,
        decided_by=_user(by),
    )
    issuer_text = f"{office.name} ({unit.name})"
    for position, item in enumerate(items, start=1):
        recognition = honorees.add_recognition(
            item.honoree,
            by=by,
            award_form=item.award_form,
            year=decided_on.year,
            level=unit.level,
            decision_number=document.symbol,
            decision_date=decided_on,
            issuer=issuer_text[:200],
        )
        DecisionEntry.objects.create(
            decision=decision,
            item=item,
            honoree=item.honoree,
            unit=item.honoree.unit,
            award_form=item.award_form,
            achievement=item.achievement,
            period_start=proposal.period_start,
            period_end=proposal.period_end,
            movement=proposal.movement,
            year=decided_on.year,
            position=position,
            recognition=recognition,
        )
        item.status = ItemStatus.DECIDED
        item.save(update_fields=["status"])
    record_audit(
        "awards.decision.issued",
        by=by,
        unit=unit,
        target=decision,
        data={
            "symbol": decision.symbol,
            "office": office.code,
            "entries": len(items),
            "submission": submission.pk if submission else None,
        },
    )
    return decision


def _approved_items(
    proposal: Proposal, items: Sequence[ProposalItem]
) -> tuple[Proposal, list[ProposalItem]]:
    """The reviewed proposal and the chosen items, locked; each must be approved by the
    council and not handled yet. Refusals: ``awards.not_reviewed``, ``awards.nothing_selected``,
    ``awards.item_not_approved``."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",)).select_related("unit").get(pk=proposal.pk)
    )
    if proposal.status != ProposalStatus.REVIEWED:
        raise ConflictError("awards.not_reviewed", _("Hội đồng chưa xét đề nghị này."))
    if not items:
        raise DomainError("awards.nothing_selected", _("Chưa chọn ai."))
    locked = _lock_items(items)
    if any(i.proposal_id != proposal.pk or i.status != ItemStatus.APPROVED for i in locked):
        raise ConflictError(
            "awards.item_not_approved",
            _("Chỉ xử lý được những người Hội đồng đã nhất trí và chưa được xử lý."),
        )
    return proposal, locked


@transaction.atomic
def decide(
    proposal: Proposal,
    *,
    by: Any,
    items: Sequence[ProposalItem],
    decided_on: dt.date | None = None,
    signer_name: str = "",
    deputy: bool = False,
) -> Decision:
    """The leader decides approved candidates within the unit's authority on ``decided_on``:
    a QĐ numbered by the unit's issuer with the annexed list, and each honoree's recognition
    history gets the line at once. Refusals (nothing written): ``awards.not_reviewed``,
    ``awards.item_not_approved``, ``awards.beyond_authority`` (the form belongs to a higher
    level: make a Tờ trình with ``escalate``), ``awards.criteria_block``,
    ``awards.duplicate_recognition``, ``awards.issuer_missing``, ``awards.future_date``."""
    decided_on = decided_on or timezone.localdate()
    _check_date(decided_on)
    proposal, locked = _approved_items(proposal, items)
    office = _require_office(authority_table(), proposal.unit, locked, decided_on)
    _check_items_decidable(locked, decided_on)
    proposer = proposal.origin or "bộ phận Nội vụ"  # document text: always Vietnamese
    return _issue_decision(
        by=by,
        unit=proposal.unit,
        office=office,
        items=locked,
        proposal=proposal,
        submission=None,
        decided_on=decided_on,
        signer_name=signer_name,
        deputy=deputy,
        proposer=proposer,
    )


def _submission_document(
    *,
    by: Any,
    sender: Unit,
    receiver: Unit,
    holder: Unit | None,
    holder_office: str,
    items: Sequence[ProposalItem],
    proposal: Proposal,
    on: dt.date,
    signer_name: str,
    basis: Sequence[str],
) -> Any:
    table = authority_table()
    codes = table.offices_of(node(sender), on)
    office = Office.objects.filter(code__in=codes).first()
    issuer = _issuer(sender, office.issuer_abbreviation if office else "UBND")
    receiver_issuer = Issuer.objects.filter(unit=receiver, abbreviation="UBND").first()
    addressee = (
        receiver_issuer.full_name
        if receiver_issuer and receiver_issuer.full_name
        else str(receiver)
    )
    holder_text = f"{holder_office} ({holder})" if holder else holder_office
    signer = _signer(by, signer_name)
    signature = (
        doc.Signature(office.signer_title, signer)
        if office
        else doc.Signature("THỦ TRƯỞNG", signer)
    )
    spec = specs.submission_spec(
        addressee=addressee,
        holder=holder_text,
        form_names=[i.award_form.name for i in items],
        period=proposal.period_label,
        sender=issuer.full_name or str(sender),
        basis=basis,
        lines=[line_of(i) for i in items],
        signature=signature,
        date=on,
    )
    return documents.issue_document(by=by, issuer=issuer, spec=spec, date=on, source=proposal)


def _holder(
    table: pure.AuthorityTable, unit: Unit, items: Sequence[ProposalItem], on: dt.date
) -> tuple[Unit | None, str]:
    chain = unit_chain(unit)
    nodes = [node(u) for u in chain]
    holders = {table.holding_unit(nodes, i.award_form.code, on) for i in items}
    holder_node = holders.pop() if len(holders) == 1 else None
    holder = next((u for u in chain if holder_node and u.pk == holder_node.id), None)
    office_names = {o.code: o.name for o in Office.objects.all()}
    if holder is not None:
        code = table.deciding_office(node(holder), items[0].award_form.code, on)
        return holder, office_names.get(code or "", "")
    # No unit of the tree holds it (a form of the Prime Minister or the President).
    codes = {
        row.office
        for row in table.rows
        if row.form == items[0].award_form.code and pure.in_force(row.valid_from, row.valid_to, on)
    }
    return None, ", ".join(sorted(office_names.get(c, c) for c in codes)) or _("cấp có thẩm quyền")


@transaction.atomic
def escalate(
    proposal: Proposal,
    *,
    by: Any,
    items: Sequence[ProposalItem],
    submitted_on: dt.date | None = None,
    signer_name: str = "",
) -> Submission:
    """A Tờ trình to the next level up for approved candidates whose form is beyond the
    unit's authority; it appears in that level's inbox. Refusals: ``awards.not_reviewed``,
    ``awards.item_not_approved``, ``awards.within_authority`` (decide it here),
    ``awards.criteria_block``, ``awards.no_upper_level``, ``awards.issuer_missing``."""
    on = submitted_on or timezone.localdate()
    _check_date(on)
    proposal, locked = _approved_items(proposal, items)
    table = authority_table()
    within = [i for i in locked if table.may_decide(node(proposal.unit), i.award_form.code, on)]
    if within:
        raise DomainError(
            "awards.within_authority",
            _("%(names)s thuộc thẩm quyền của đơn vị: quyết định tại đơn vị, không trình.")
            % {"names": ", ".join(str(i.honoree) for i in within)},
        )
    list(Honoree.objects.select_for_update().filter(pk__in=sorted({i.honoree_id for i in locked})))
    findings = evaluate_items(locked, on, include_pending=False)
    if any(f.blocks for i in locked for f in findings[i.pk]):
        raise ConflictError(
            "awards.criteria_block", _("Có người chưa đạt tiêu chí bắt buộc: không trình được.")
        )
    upper = _next_level(table, proposal.unit, on)
    holder, holder_office = _holder(table, proposal.unit, locked, on)
    basis = (
        [f"Biên bản họp Hội đồng Thi đua - Khen thưởng số {proposal.minutes.symbol}"]
        if proposal.minutes is not None
        else []
    )
    document = _submission_document(
        by=by,
        sender=proposal.unit,
        receiver=upper,
        holder=holder,
        holder_office=holder_office,
        items=locked,
        proposal=proposal,
        on=on,
        signer_name=signer_name,
        basis=basis,
    )
    submission = Submission.objects.create(
        from_unit=proposal.unit,
        to_unit=upper,
        holder_unit=holder,
        proposal=proposal,
        document=document,
        submitted_on=on,
        created_by=_user(by),
    )
    submission.items.set(locked)
    ProposalItem.objects.filter(pk__in=[i.pk for i in locked]).update(status=ItemStatus.SUBMITTED)
    record_audit(
        "awards.submission.sent",
        by=by,
        unit=proposal.unit,
        target=submission,
        data={"symbol": document.symbol, "to": upper.pk, "items": len(locked)},
    )
    return submission


def _next_level(table: pure.AuthorityTable, unit: Unit, on: dt.date) -> Unit:
    chain = unit_chain(unit)
    found = table.next_level([node(u) for u in chain], on)
    upper = next((u for u in chain if found and u.pk == found.id), None)
    if upper is None:
        raise DomainError(
            "awards.no_upper_level",
            _("Không có cấp trên trong hệ thống để trình; gửi tờ trình ngoài hệ thống."),
        )
    return upper


def _lock_submission(submission: Submission) -> Submission:
    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("from_unit", "to_unit", "proposal", "proposal__unit")
        .get(pk=submission.pk)
    )
    if locked.status != SubmissionStatus.PENDING:
        raise ConflictError("awards.submission_handled", _("Tờ trình này đã được xử lý."))
    return locked


def _chain_of(submission: Submission) -> list[Submission]:
    out: list[Submission] = []
    current: Submission | None = submission
    while current is not None:
        out.append(current)
        current = current.parent
    return out


@transaction.atomic
def forward(
    submission: Submission, *, by: Any, on: dt.date | None = None, signer_name: str = ""
) -> Submission:
    """An intermediate level (it cannot decide the form) sends its own Tờ trình to the next
    level up, citing the lower one. Refusals: ``awards.submission_handled``,
    ``awards.within_authority``, ``awards.no_upper_level``, ``awards.issuer_missing``."""
    on = on or timezone.localdate()
    _check_date(on)
    submission = _lock_submission(submission)
    items = _lock_items(list(submission.items.all()))
    table = authority_table()
    here = submission.to_unit
    if all(table.may_decide(node(here), i.award_form.code, on) for i in items):
        raise DomainError(
            "awards.within_authority",
            _("Đơn vị có thẩm quyền quyết định các hình thức này: quyết định, không trình tiếp."),
        )
    upper = _next_level(table, here, on)
    holder, holder_office = _holder(table, here, items, on)
    document = _submission_document(
        by=by,
        sender=here,
        receiver=upper,
        holder=holder,
        holder_office=holder_office,
        items=items,
        proposal=submission.proposal,
        on=on,
        signer_name=signer_name,
        basis=[f"Tờ trình số {submission.document.symbol} của {submission.from_unit}"],
    )
    upward = Submission.objects.create(
        from_unit=here,
        to_unit=upper,
        holder_unit=holder,
        proposal=submission.proposal,
        parent=submission,
        document=document,
        submitted_on=on,
        created_by=_user(by),
    )
    upward.items.set(items)
    submission.status = SubmissionStatus.FORWARDED
    submission.handled_at, submission.handled_by = timezone.now(), _user(by)
    submission.outcome_note = _("Đã trình tiếp: %(symbol)s") % {"symbol": document.symbol}
    submission.save(update_fields=["status", "handled_at", "handled_by", "outcome_note"])
    record_audit(
        "awards.submission.forwarded",
        by=by,
        unit=here,
        target=upward,
        data={"symbol": document.symbol, "from": submission.pk, "to": upper.pk},
    )
    return upward


@transaction.atomic
def decide_submission(
    submission: Submission,
    *,
    by: Any,
    decided_on: dt.date | None = None,
    signer_name: str = "",
    deputy: bool = False,
) -> Decision:
    """The level that holds the forms decides a submission in its inbox: a QĐ of its own,
    the recognitions, and the outcome shown down the chain to the proposing unit. Refusals:
    ``awards.submission_handled``, ``awards.beyond_authority``, ``awards.criteria_block``,
    ``awards.duplicate_recognition``, ``awards.issuer_missing``."""
    decided_on = decided_on or timezone.localdate()
    _check_date(decided_on)
    submission = _lock_submission(submission)
    items = _lock_items(list(submission.items.all()))
    here = submission.to_unit
    office = _require_office(authority_table(), here, items, decided_on)
    _check_items_decidable(items, decided_on)
    decision = _issue_decision(
        by=by,
        unit=here,
        office=office,
        items=items,
        proposal=submission.proposal,
        submission=submission,
        decided_on=decided_on,
        signer_name=signer_name,
        deputy=deputy,
        proposer=f"{submission.from_unit} (Tờ trình số {submission.document.symbol})",
    )
    note = _("Đã quyết định: %(symbol)s") % {"symbol": decision.symbol}
    for link in _chain_of(submission):
        link.status = SubmissionStatus.DECIDED
        link.decision = decision
        link.outcome_note = note
        if link.pk == submission.pk:
            link.handled_at, link.handled_by = timezone.now(), _user(by)
        link.save(update_fields=["status", "decision", "outcome_note", "handled_at", "handled_by"])
    record_audit(
        "awards.submission.decided",
        by=by,
        unit=here,
        target=submission,
        data={"decision": decision.symbol},
    )
    return decision


@transaction.atomic
def return_submission(submission: Submission, *, by: Any, reason: str) -> Submission:
    """Return a submission with the reason; every Tờ trình below it and its candidates show it.
    Refusals: ``awards.submission_handled``, ``awards.reason_required``."""
    reason = normalize_text(reason)
    if not reason:
        raise DomainError("awards.reason_required", _("Cần ghi lý do trả lại."))
    submission = _lock_submission(submission)
    note = _("Trả lại: %(reason)s") % {"reason": reason}
    for link in _chain_of(submission):
        link.status = SubmissionStatus.RETURNED
        link.outcome_note = note[:500]
        if link.pk == submission.pk:
            link.handled_at, link.handled_by = timezone.now(), _user(by)
        link.save(update_fields=["status", "outcome_note", "handled_at", "handled_by"])
    submission.items.update(status=ItemStatus.RETURNED, return_reason=reason[:500])
    record_audit(
        "awards.submission.returned",
        by=by,
        unit=submission.to_unit,
        target=submission,
        data={"reason": reason[:300]},
    )
    return submission


@transaction.atomic
def revoke_entry(
    entry: DecisionEntry,
    *,
    by: Any,
    reason: str,
    revoked_on: dt.date | None = None,
    reference: str = "",
) -> Revocation:
    """Thu hồi (Law, Chapter VII): the entry stays in the register marked revoked, with the
    reason; its line leaves the honoree's active history (so merit and streaks no longer
    count it). Refusals: ``awards.reason_required``, ``awards.already_revoked``,
    ``awards.future_date``."""
    reason = normalize_text(reason)
    if not reason:
        raise DomainError("awards.reason_required", _("Cần ghi lý do thu hồi."))
    revoked_on = revoked_on or timezone.localdate()
    _check_date(revoked_on)
    entry = (
        DecisionEntry.objects.select_for_update(of=("self",))
        .select_related("decision")
        .get(pk=entry.pk)
    )
    if entry.status != EntryStatus.GRANTED:
        raise ConflictError("awards.already_revoked", _("Khen thưởng này đã bị thu hồi."))
    revocation = Revocation.objects.create(
        entry=entry,
        reason=reason,
        revoked_on=revoked_on,
        reference=normalize_text(reference)[:100],
        revoked_by=_user(by),
    )
    recognition = entry.recognition
    entry.status = EntryStatus.REVOKED
    entry.recognition = None
    entry.save(update_fields=["status", "recognition"])
    if recognition is not None:
        honorees.remove_recognition(recognition, by=by)
    record_audit(
        "awards.entry.revoked",
        by=by,
        unit=entry.decision.unit,
        target=entry.decision,
        data={"entry": entry.pk, "honoree": entry.honoree_id, "reason": reason[:300]},
    )
    return revocation
