"""The approval poll: created on the nominees, opened (the electorate snapshotted), counted by
show of hands, paper ballots entered twice, or electronic ballots, then closed and tallied by
the pure ``tally.py`` (which states the rule it applied)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from thidua.conferences.models import Conference, Delegate
from thidua.conferences.rules import ON_LIST
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.elections import selectors, tally
from thidua.elections.enums import PollScope, PollStatus, Procedure
from thidua.elections.models import Ballot, BoxEntry, Elector, Poll, PollCandidate
from thidua.elections.services.common import actor, clock, digest, locked, new_secret, require

ELECTRONIC_BOX = "điện tử"
ELECTRONIC_FORM = "bỏ phiếu kín điện tử"


def _locked_poll(poll: Poll) -> Poll:
    return (
        Poll.objects.select_for_update(of=("self",))
        .select_related("conference", "conference__unit", "conference__campaign")
        .get(pk=poll.pk)
    )


def _refused(error: tally.TallyError) -> DomainError:
    return DomainError(f"elections.{error.code}", error.message)


@transaction.atomic
def create_poll(
    conference: Conference,
    *,
    by: Any,
    procedure: str,
    scope: str = PollScope.PER_CANDIDATE,
    seats: int | None = None,
    paper_reserve: int | None = None,
    parent: Poll | None = None,
    delegates: list[Delegate] | None = None,
) -> Poll:
    """A draft poll on the conference's nominees (or ``delegates``: a run-off's tied ones),
    with the campaign's voting rules copied in. Per candidate, the seats default to the
    allocated quota, else to the number of nominees.

    Refusals: ``elections.no_nominees``, ``elections.procedure``, ``elections.seats``."""
    require(by, "elections.manage", conference.unit)
    conference = locked(conference)
    if procedure not in Procedure.values or scope not in PollScope.values:
        raise DomainError("elections.procedure", _("Hình thức biểu quyết không hợp lệ."))
    people = (
        delegates
        if delegates is not None
        else [n.delegate for n in selectors.nominees_of(conference)]
    )
    if not people:
        raise DomainError(
            "elections.no_nominees", _("Chưa có người được giới thiệu để biểu quyết.")
        )
    if scope == PollScope.WHOLE_LIST:
        seats = None
    elif seats is None:
        allocation = selectors.allocation_for(conference)
        quota = allocation.seats_of(conference.unit_id) if allocation else None
        seats = quota if quota is not None else len(people)
    if seats is not None and not 1 <= seats <= len(people):
        raise DomainError(
            "elections.seats",
            _("Số người được cử phải từ 1 đến số người được giới thiệu (%(n)s).")
            % {"n": len(people)},
        )
    rules = selectors.voting_rules(conference.campaign)
    poll = Poll.objects.create(
        conference=conference,
        parent=parent,
        procedure=procedure,
        scope=scope,
        seats=seats,
        paper_reserve=rules.paper_reserve if paper_reserve is None else paper_reserve,
        quorum=rules.quorum,
        quorum_strict=rules.quorum_strict,
        threshold=rules.threshold,
        threshold_strict=rules.threshold_strict,
        threshold_base=rules.threshold_base,
        rules_source=rules.name[:200],
        created_by=actor(by),
    )
    PollCandidate.objects.bulk_create(
        [PollCandidate(poll=poll, delegate=d, name=d.name, order=i) for i, d in enumerate(people)]
    )
    record_audit(
        "elections.poll.created",
        by=by,
        unit=conference.unit,
        target=poll,
        data={"procedure": procedure, "scope": scope, "seats": seats,
              "candidates": [d.pk for d in people]},
    )  # fmt: skip
    return poll


@transaction.atomic
def open_poll(poll: Poll, *, by: Any, now: dt.datetime | None = None) -> list[tuple[Delegate, str]]:
    """Open the vote. The electorate is snapshotted: the delegates checked in at this moment
    (``Delegate.checked_in_at``); the entitled are the delegates on the list. Electronic: each
    elector gets a one-time token (returned here once, only its hash is stored). Paper: the
    ballots to print are the present plus the reserve.

    Refusals: ``elections.not_draft``, ``elections.nobody_present``."""
    require(by, "elections.manage", poll.conference.unit)
    poll = _locked_poll(poll)
    if poll.status != PollStatus.DRAFT:
        raise ConflictError("elections.not_draft", _("Cuộc biểu quyết đã được bắt đầu."))
    conference = poll.conference
    now = clock(now)
    counted = Delegate.objects.filter(conference=conference).filter(
        Q(status__in=ON_LIST) | Q(checked_in_at__isnull=False)
    )
    present = list(counted.filter(checked_in_at__isnull=False, checked_in_at__lte=now))
    if not present:
        raise DomainError(
            "elections.nobody_present", _("Chưa có đại biểu nào điểm danh: chưa thể biểu quyết.")
        )
    tokens: list[tuple[Delegate, str]] = []
    electors = []
    for delegate in present:
        token = new_secret() if poll.procedure == Procedure.ELECTRONIC else ""
        electors.append(
            Elector(poll=poll, delegate=delegate, token_hash=digest(token) if token else None)
        )
        if token:
            tokens.append((delegate, token))
    Elector.objects.bulk_create(electors)
    poll.entitled = counted.count()
    poll.present = len(present)
    if poll.procedure == Procedure.PAPER:
        poll.ballots_issued = poll.present + poll.paper_reserve
    poll.status = PollStatus.OPEN
    poll.opened_at = now
    poll.opened_by = actor(by)
    poll.save()
    record_audit(
        "elections.poll.opened",
        by=by,
        unit=conference.unit,
        target=poll,
        data={"entitled": poll.entitled, "present": poll.present},
    )
    return tokens


@transaction.atomic
def reissue_token(poll: Poll, *, by: Any, delegate_id: int) -> tuple[Delegate, str]:
    """A new one-time token for an elector whose slip was lost, while the vote is open and
    their token unused; the old token stops working. Refusals: ``elections.not_open``,
    ``elections.not_elector``, ``elections.already_voted``."""
    require(by, "elections.manage", poll.conference.unit)
    poll = _locked_poll(poll)
    if poll.procedure != Procedure.ELECTRONIC or poll.status != PollStatus.OPEN:
        raise ConflictError("elections.not_open", _("Cuộc biểu quyết không đang diễn ra."))
    elector = (
        Elector.objects.select_for_update(of=("self",))
        .select_related("delegate")
        .filter(poll=poll, delegate_id=delegate_id)
        .first()
    )
    if elector is None:
        raise DomainError("elections.not_elector", _("Người này không có trong danh sách cử tri."))
    if elector.used:
        raise ConflictError("elections.already_voted", _("Mã này đã được dùng để biểu quyết."))
    token = new_secret()
    elector.token_hash = digest(token)
    elector.save(update_fields=["token_hash"])
    record_audit("elections.poll.token_reissued", by=by, unit=poll.conference.unit, target=poll,
                 data={"delegate": delegate_id})  # fmt: skip
    return elector.delegate, token


def unused_electors(poll: Poll) -> list[Delegate]:
    """The electors whose token is unused (for a lost slip), by name."""
    return [
        e.delegate
        for e in Elector.objects.filter(poll=poll, used=False)
        .select_related("delegate")
        .order_by("delegate__name", "pk")
    ]


def _keys(poll: Poll) -> list[str]:
    if poll.scope == PollScope.WHOLE_LIST:
        return [tally.WHOLE_LIST]
    return [str(c.pk) for c in poll.candidates.all()]


@transaction.atomic
def record_hands(poll: Poll, *, by: Any, counts: dict[str, tuple[int, int, int]]) -> Poll:
    """The chair's yes / no / abstain counts, per candidate (keys: candidate ids) or for the
    whole list. Checked by the tally (never more hands than present)."""
    require(by, "elections.count", poll.conference.unit)
    poll = _locked_poll(poll)
    if poll.procedure != Procedure.HANDS or poll.status != PollStatus.OPEN:
        raise ConflictError(
            "elections.not_counting", _("Cuộc biểu quyết này không nhận số giơ tay.")
        )
    keys = _keys(poll)
    if set(counts) != set(keys):
        raise DomainError("elections.counts_missing", _("Cần nhập số biểu quyết của mọi người."))
    hands = {k: tally.HandCount(*counts[k]) for k in keys}
    try:
        tally.tally_hands(poll.entitled or 0, poll.present or 0, hands, poll.seats,
                          poll.tally_settings())  # fmt: skip
    except tally.TallyError as error:
        raise _refused(error) from error
    poll.hands = {k: list(counts[k]) for k in keys}
    poll.save(update_fields=["hands"])
    record_audit("elections.poll.hands_recorded", by=by, unit=poll.conference.unit, target=poll,
                 data={"hands": poll.hands})  # fmt: skip
    return poll


def _box(entry: BoxEntry) -> tally.BoxTally:
    return tally.BoxTally(entry.box, entry.cast, entry.invalid, dict(entry.approvals))


@transaction.atomic
def record_box(
    poll: Poll,
    *,
    by: Any,
    box: str,
    entry: int,
    cast: int,
    invalid: int,
    approvals: dict[str, int],
) -> BoxEntry:
    """One entry of a ballot box's count. The second entry must match the first exactly, else
    it is refused (``elections.double_entry_mismatch``, every difference listed) and nothing is
    written; the board recounts and enters again."""
    require(by, "elections.count", poll.conference.unit)
    poll = _locked_poll(poll)
    if poll.procedure != Procedure.PAPER or poll.status not in (PollStatus.OPEN, PollStatus.CLOSED):
        raise ConflictError(
            "elections.not_counting", _("Cuộc biểu quyết này không nhận phiếu giấy.")
        )
    if poll.status == PollStatus.CLOSED:
        raise ConflictError("elections.closed", _("Đã kết thúc kiểm phiếu."))
    box = box.strip()
    if not box or entry not in (1, 2):
        raise DomainError("elections.box", _("Cần ghi tên hòm phiếu và lần nhập (1 hoặc 2)."))
    keys = _keys(poll)
    clean = {k: int(approvals.get(k, 0)) for k in keys}
    if set(approvals) - set(keys):
        raise DomainError("elections.unknown_candidate", _("Có người không có tên trong phiếu."))
    this = tally.BoxTally(box, cast, invalid, clean)
    if BoxEntry.objects.filter(poll=poll, box=box, entry=entry).exists():
        raise ConflictError("elections.entry_exists", _("Hòm phiếu này đã được nhập lần này."))
    other = BoxEntry.objects.filter(poll=poll, box=box, entry=3 - entry).first()
    if other is not None and by is not None and other.entered_by_id == getattr(by, "pk", None):
        raise ConflictError(
            "elections.same_person",
            _("Lần nhập thứ hai phải do một thành viên khác của Ban kiểm phiếu nhập."),
        )
    try:
        if other is not None:
            tally.merge_double_entry([_box(other)], [this])
        tally.tally_paper(poll.entitled or 0, poll.present or 0, [this], [this],
                          keys, poll.seats, poll.ballots_issued,
                          poll.tally_settings())  # fmt: skip
    except tally.TallyError as error:
        raise _refused(error) from error
    row = BoxEntry.objects.create(poll=poll, box=box, entry=entry, cast=cast, invalid=invalid,
                                  approvals=clean, entered_by=actor(by))  # fmt: skip
    record_audit("elections.poll.box_entered", by=by, unit=poll.conference.unit, target=poll,
                 data={"box": box, "entry": entry, "cast": cast, "invalid": invalid})  # fmt: skip
    return row


def electronic_boxes(poll: Poll) -> list[tally.BoxTally]:
    """The electronic ballots as one box (approvals counted from the ballot rows)."""
    keys = _keys(poll)
    approvals = dict.fromkeys(keys, 0)
    cast = 0
    for approved in Ballot.objects.filter(poll=poll).values_list("approved", flat=True):
        cast += 1
        for key in approved:
            if key in approvals:
                approvals[key] += 1
    return [tally.BoxTally(ELECTRONIC_BOX, cast, 0, approvals)]


def compute(poll: Poll) -> tally.TallyResult:
    settings = poll.tally_settings()
    entitled, present = poll.entitled or 0, poll.present or 0
    keys = _keys(poll)
    if poll.procedure == Procedure.HANDS:
        if set(poll.hands) != set(keys):
            raise DomainError("elections.counts_missing", _("Chưa nhập số biểu quyết giơ tay."))
        hands = {k: tally.HandCount(*poll.hands[k]) for k in keys}
        return tally.tally_hands(entitled, present, hands, poll.seats, settings)
    if poll.procedure == Procedure.PAPER:
        entries = list(BoxEntry.objects.filter(poll=poll))
        if not entries:
            raise DomainError("elections.no_boxes", _("Chưa nhập kết quả hòm phiếu nào."))
        first = [_box(e) for e in entries if e.entry == 1]
        second = [_box(e) for e in entries if e.entry == 2]
        return tally.tally_paper(entitled, present, first, second, keys, poll.seats,
                                 poll.ballots_issued, settings)  # fmt: skip
    boxes = electronic_boxes(poll)
    return tally.tally_paper(
        entitled, present, boxes, boxes, keys, poll.seats, None, settings, ELECTRONIC_FORM
    )


@transaction.atomic
def close_poll(poll: Poll, *, by: Any, now: dt.datetime | None = None) -> Poll:
    """End the vote and tally it (the result and the rule text are stored on the poll).
    Refusals: ``elections.not_open``, missing counts, a second entry still missing or
    mismatching (``elections.double_entry_mismatch``)."""
    require(by, "elections.manage", poll.conference.unit)
    poll = _locked_poll(poll)
    if poll.status != PollStatus.OPEN:
        raise ConflictError("elections.not_open", _("Cuộc biểu quyết không đang diễn ra."))
    try:
        result = compute(poll)
    except tally.TallyError as error:
        raise _refused(error) from error
    poll.result = result.as_dict()
    poll.rule_text = result.rule_text
    poll.status = PollStatus.CLOSED
    poll.closed_at = clock(now)
    poll.closed_by = actor(by)
    poll.save()
    record_audit("elections.poll.closed", by=by, unit=poll.conference.unit, target=poll,
                 data={"status": result.status, "votes": result.votes})  # fmt: skip
    return poll


@transaction.atomic
def start_runoff(poll: Poll, *, by: Any) -> Poll:
    """A tie at the last seat: a new draft poll between the tied candidates for the seats left
    (same procedure). Refusal: ``elections.no_runoff``."""
    require(by, "elections.manage", poll.conference.unit)
    if poll.status != PollStatus.CLOSED or poll.result.get("status") != "runoff":
        raise ConflictError("elections.no_runoff", _("Kết quả không có trường hợp phải bầu lại."))
    if poll.runoffs.exists():
        raise ConflictError("elections.runoff_exists", _("Đã tạo cuộc bầu lại."))
    tied = {int(k) for k in poll.result["runoff"]}
    people = [c.delegate for c in poll.candidates.all() if c.pk in tied]
    return create_poll(
        poll.conference,
        by=by,
        procedure=poll.procedure,
        scope=PollScope.PER_CANDIDATE,
        seats=int(poll.result["runoff_seats"]),
        paper_reserve=poll.paper_reserve,
        parent=poll,
        delegates=people,
    )
