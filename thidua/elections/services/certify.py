"""The chair certifies the result: immutable afterwards (a correction is a new certified record
with a reason), with the minutes (Biên bản kiểm phiếu, BB) issued through the documents engine,
and the elected delegates certified upward (``conferences.services.certify_upward``) so they
enter the upper conference's candidate pool."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.conferences.models import Delegate
from thidua.conferences.services import certify_upward
from thidua.conferences.services.agenda import programme_issuer
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.documents import services as document_services
from thidua.elections import paper, selectors
from thidua.elections.enums import PollStatus
from thidua.elections.models import Certification, Poll
from thidua.elections.services.common import actor, clock, require
from thidua.elections.tally import WHOLE_LIST


def elected_delegates(poll: Poll) -> list[Delegate]:
    """Who the poll sends upward: the elected (every candidate when the whole list passed),
    plus, for a run-off, those its first round already elected."""
    candidates = {str(c.pk): c.delegate for c in poll.candidates.all()}
    keys = poll.result.get("elected", [])
    people = list(candidates.values()) if WHOLE_LIST in keys else [candidates[k] for k in keys]
    if poll.parent_id is not None:
        people = elected_delegates(poll.parent) + people  # type: ignore[arg-type]
    return people


def _issue_minutes(
    poll: Poll, by: Any, people: list[Delegate], reason: str, now: dt.datetime
) -> Any:
    conference = poll.conference
    issuer = programme_issuer(conference)
    if issuer is None:
        raise DomainError(
            "elections.issuer_missing",
            _("Đơn vị chưa có cơ quan ban hành văn bản (vào mục Văn bản để khai báo)."),
        )
    names = {str(c.pk): c.name for c in poll.candidates.all()}
    names[WHOLE_LIST] = str(_("Cả danh sách"))
    by_delegate = {c.delegate_id: str(c.pk) for c in poll.candidates.all()}
    elected = [by_delegate[d.pk] for d in people if d.pk in by_delegate]
    if poll.result.get("status") == "approved":
        elected.append(WHOLE_LIST)
    spec = paper.minutes_spec(
        poll, names, elected, elected_names=[d.name for d in people], reason=reason
    )
    return document_services.issue_document(
        by=by, issuer=issuer, spec=spec, source=poll, date=timezone.localdate(now)
    )


@transaction.atomic
def certify(poll: Poll, *, by: Any, now: dt.datetime | None = None) -> Certification:
    """The chair certifies a closed poll. Refusals: ``elections.not_closed``,
    ``elections.runoff_needed`` (a tie at the last seat), ``elections.no_quorum``,
    ``elections.issuer_missing``."""
    require(by, "elections.certify", poll.conference.unit)
    poll = (
        Poll.objects.select_for_update(of=("self",))
        .select_related("conference__unit", "conference__unit__parent", "conference__campaign")
        .get(pk=poll.pk)
    )
    if poll.status != PollStatus.CLOSED:
        raise ConflictError(
            "elections.not_closed", _("Chỉ chứng nhận được cuộc biểu quyết đã kết thúc.")
        )
    status = poll.result.get("status")
    if status == "runoff":
        raise ConflictError(
            "elections.runoff_needed",
            _("Có người bằng phiếu nhau ở vị trí cuối cùng: cần bầu lại trước khi chứng nhận."),
        )
    if status == "no_quorum":
        raise ConflictError(
            "elections.no_quorum", _("Không đủ số đại biểu có mặt: kết quả không có giá trị.")
        )
    now = clock(now)
    people = elected_delegates(poll)
    document = _issue_minutes(poll, by, people, "", now)
    record = Certification.objects.create(
        poll=poll,
        version=1,
        elected=[{"delegate": d.pk, "name": d.name} for d in people],
        result=poll.result,
        rule_text=poll.rule_text,
        document=document,
        certified_by=actor(by),
        certified_at=now,
    )
    poll.status = PollStatus.CERTIFIED
    poll.save(update_fields=["status"])
    if people:
        certify_upward(
            poll.conference,
            by=by,
            delegates=people,
            note=_("Biên bản kiểm phiếu số %(symbol)s") % {"symbol": document.symbol},
            now=now,
        )
    record_audit("elections.poll.certified", by=by, unit=poll.conference.unit, target=poll,
                 data={"elected": [d.pk for d in people], "minutes": document.symbol})  # fmt: skip
    return record


@transaction.atomic
def correct(
    poll: Poll, *, by: Any, reason: str, delegate_ids: list[int], now: dt.datetime | None = None
) -> Certification:
    """A correction of a certified result: a new certified record (the old one stays, marked as
    superseded) with the reason and new minutes; delegates no longer elected lose their upward
    certification, new ones gain it. Refusals: ``elections.reason_missing``,
    ``elections.not_certified``, ``elections.not_candidate``."""
    require(by, "elections.certify", poll.conference.unit)
    text = normalize_text(reason or "").strip()
    if not text:
        raise DomainError("elections.reason_missing", _("Cần ghi lý do đính chính."))
    poll = (
        Poll.objects.select_for_update(of=("self",))
        .select_related("conference__unit", "conference__unit__parent", "conference__campaign")
        .get(pk=poll.pk)
    )
    current = selectors.current_certification(poll)
    if poll.status != PollStatus.CERTIFIED or current is None:
        raise ConflictError("elections.not_certified", _("Kết quả chưa được chứng nhận."))
    by_delegate = {c.delegate_id: c.delegate for c in poll.candidates.all()}
    if poll.parent_id is not None:
        by_delegate.update({c.delegate_id: c.delegate for c in poll.parent.candidates.all()})  # type: ignore[union-attr]
    if set(delegate_ids) - set(by_delegate):
        raise DomainError("elections.not_candidate", _("Chỉ cử được người có tên trong phiếu."))
    people = [by_delegate[i] for i in sorted(set(delegate_ids), key=lambda i: by_delegate[i].name)]
    now = clock(now)
    document = _issue_minutes(poll, by, people, text, now)
    record = Certification.objects.create(
        poll=poll,
        version=current.version + 1,
        supersedes=current,
        reason=text,
        elected=[{"delegate": d.pk, "name": d.name} for d in people],
        result=poll.result,
        rule_text=poll.rule_text,
        document=document,
        certified_by=actor(by),
        certified_at=now,
    )
    before = {e["delegate"] for e in current.elected}
    after = {d.pk for d in people}
    removed = sorted(before - after)
    if removed:
        Delegate.objects.filter(pk__in=removed, conference=poll.conference).update(
            certified_upward_at=None, certified_upward_by=None, certified_upward_note=""
        )
    added = [d for d in people if d.pk not in before]
    if added:
        certify_upward(
            poll.conference,
            by=by,
            delegates=added,
            note=_("Biên bản kiểm phiếu số %(symbol)s") % {"symbol": document.symbol},
            now=now,
        )
    record_audit("elections.poll.corrected", by=by, unit=poll.conference.unit, target=poll,
                 data={"reason": text, "removed": removed, "added": [d.pk for d in added],
                       "minutes": document.symbol})  # fmt: skip
    return record
