"""Check-in at the door (issue 7): scans, walk-ins, the search by name, live attendance.

Presence has one source of truth: ``Delegate.checked_in_at`` (present iff it is set). It is set
once, by a conditional UPDATE (``... WHERE checked_in_at IS NULL``): two gates scanning the same
badge at the same moment produce one check-in; the later scan is answered "đã điểm danh lúc
07:42". Every scan is logged as a ``CheckIn`` row keyed by the client's nonce, so a retried
request (the phone lost the answer) finds its row and gets the same answer without a second
record. A token of another conference, a revoked badge, an unknown token are refused with the
reason (and logged).

``attendance(conference)`` is the live figure (present / expected, by category, by gender,
the honorees' share among those present) in one query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.conferences import rules
from thidua.conferences.enums import CheckInOutcome, DelegateCategory, DelegateOrigin
from thidua.conferences.models import CheckIn, Conference, Delegate
from thidua.conferences.services.common import actor, clock, locked, require
from thidua.conferences.services.invitations import new_token
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import fold, normalize_text
from thidua.honorees.enums import Gender

# Who can be checked in: on the list, or declined (they came after all).
AT_THE_DOOR = (*rules.ON_LIST, rules.DECLINED)
WALK_IN_CATEGORIES = (DelegateCategory.GUEST, DelegateCategory.LEADER)
NONCE_MAX = 64


@dataclass(frozen=True)
class ScanResult:
    """What the check-in page shows after a scan."""

    outcome: str  # CheckInOutcome
    reason: str  # "" or a refusal code: unknown, other_conference, revoked, not_on_list
    message: str
    delegate: Delegate | None = None
    checked_in_at: dt.datetime | None = None
    replayed: bool = False  # the same nonce was seen before: the first answer, unchanged

    @property
    def ok(self) -> bool:
        return self.outcome in (CheckInOutcome.CHECKED_IN, CheckInOutcome.WALK_IN)

    def as_data(self) -> dict[str, Any]:
        d = self.delegate
        return {
            "outcome": self.outcome,
            "reason": self.reason,
            "message": self.message,
            "replayed": self.replayed,
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
            "delegate": None
            if d is None
            else {
                "name": d.name,
                "organization": d.organization,
                "category": str(DelegateCategory(d.category).label),
                "seat": d.seat,
                "badge": d.badge_number,
                "walk_in": d.is_walk_in,
            },
        }


def clock_of(moment: dt.datetime) -> str:
    """ "07:42" in the conference's time zone."""
    return timezone.localtime(moment).strftime("%H:%M")


def _messages(outcome: str, reason: str, delegate: Delegate | None, at: dt.datetime | None) -> str:
    name = delegate.name if delegate is not None else ""
    if outcome == CheckInOutcome.CHECKED_IN:
        return _("%(name)s: đã điểm danh.") % {"name": name}
    if outcome == CheckInOutcome.WALK_IN:
        return _("%(name)s: khách đến trực tiếp, đã điểm danh.") % {"name": name}
    if outcome == CheckInOutcome.ALREADY:
        assert at is not None
        return _("%(name)s: đã điểm danh lúc %(time)s.") % {"name": name, "time": clock_of(at)}
    return {
        "other_conference": _("Thẻ này thuộc hội nghị khác, không dùng được ở đây."),
        "revoked": _("%(name)s: thẻ đã bị thu hồi, không dùng được.") % {"name": name},
        "not_on_list": _("%(name)s không có trong danh sách đại biểu.") % {"name": name},
    }.get(reason, _("Không nhận ra mã này (không phải thẻ đại biểu)."))


def _clean_nonce(nonce: str) -> str:
    text = (nonce or "").strip()
    if not text or len(text) > NONCE_MAX:
        raise DomainError("conferences.bad_nonce", _("Yêu cầu điểm danh thiếu mã yêu cầu."))
    return text


def _replay(row: CheckIn) -> ScanResult:
    delegate = row.delegate
    at = delegate.checked_in_at if delegate is not None else None
    return ScanResult(
        row.outcome,
        row.reason,
        _messages(row.outcome, row.reason, delegate, at),
        delegate,
        at,
        True,
    )


def _logged(
    conference: Conference,
    *,
    nonce: str,
    gate: str,
    by: Any,
    at: dt.datetime,
    result: ScanResult,
) -> bool:
    """Log the scan under its nonce (one statement: INSERT ... ON CONFLICT DO NOTHING). False
    when a request with the same nonce was logged first: the caller answers what that one
    answered."""
    ops = connection.ops
    by_user = actor(by)
    columns = ("conference_id", "delegate_id", "nonce", "gate", "outcome", "reason", "by_id", "at")
    values = (
        conference.pk,
        result.delegate.pk if result.delegate is not None else None,
        nonce,
        normalize_text(gate or "")[:40],
        result.outcome,
        result.reason,
        by_user.pk if by_user is not None else None,
        ops.adapt_datetimefield_value(at),
    )
    table = ops.quote_name(CheckIn._meta.db_table)
    names = ", ".join(ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT (nonce) DO NOTHING RETURNING id"  # noqa: E501, S608 - names from the model, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone() is not None


def _first_answer(nonce: str) -> ScanResult:
    return _replay(CheckIn.objects.select_related("delegate").get(nonce=nonce))


def _resolve(conference: Conference, token: str, delegate_id: Any) -> tuple[Delegate | None, str]:
    """The delegate a scan designates, or the reason it is refused."""
    if delegate_id not in (None, ""):
        try:
            pk = int(delegate_id)
        except (TypeError, ValueError):
            return None, "unknown"
        found = Delegate.objects.filter(conference=conference, pk=pk).first()
    else:
        text = (token or "").strip().rstrip("/").rsplit("/", 1)[-1]  # a whole URL or the token
        found = Delegate.objects.filter(token=text).first() if text else None
    if found is None:
        return None, "unknown"
    if found.conference_id != conference.pk:
        return None, "other_conference"
    if delegate_id in (None, "") and found.token_revoked_at is not None:
        return found, "revoked"
    if found.status not in AT_THE_DOOR:
        return found, "not_on_list"
    return found, ""


def check_in(
    conference: Conference,
    *,
    by: Any,
    nonce: str,
    token: str = "",
    delegate_id: Any = None,
    gate: str = "",
    now: dt.datetime | None = None,
) -> ScanResult:
    """Check a delegate in from their badge's token (a scan) or their id (picked from the
    search). Never raises for a bad badge: the refusal is the answer (and is logged).

    The door's hot path, kept to few statements: the delegate's row (one SELECT), then either
    the log row alone (a repeat, a refusal: one INSERT) or, in one transaction, the conditional
    UPDATE, the log row and the audit entry. A nonce seen before is detected by the log's
    unique key and answered with the first answer.

    Refusal (raised): ``conferences.bad_nonce`` (no client nonce)."""
    require(by, "conferences.checkin", conference.unit)
    nonce = _clean_nonce(nonce)
    now = clock(now)
    delegate, reason = _resolve(conference, token, delegate_id)
    if reason:
        outcome = CheckInOutcome.REFUSED
        shown = delegate if reason in ("revoked", "not_on_list") else None
        result = ScanResult(outcome, reason, _messages(outcome, reason, shown, None), shown)
        return (
            result
            if _logged(conference, nonce=nonce, gate=gate, by=by, at=now, result=result)
            else _first_answer(nonce)
        )
    assert delegate is not None
    if delegate.checked_in_at is not None:  # a repeat: nothing to write but the log
        return _already(conference, delegate, nonce=nonce, gate=gate, by=by, at=now)
    with transaction.atomic():
        won = Delegate.objects.filter(pk=delegate.pk, checked_in_at__isnull=True).update(
            checked_in_at=now, checked_in_by=actor(by), status=rules.CHECKED_IN, updated_at=now
        )
        if not won:  # another gate got there first, a moment ago
            delegate.refresh_from_db(fields=["checked_in_at", "status"])
            return _already(conference, delegate, nonce=nonce, gate=gate, by=by, at=now)
        delegate.checked_in_at, delegate.status = now, rules.CHECKED_IN
        outcome = CheckInOutcome.CHECKED_IN
        result = ScanResult(outcome, "", _messages(outcome, "", delegate, now), delegate, now)
        first = _logged(conference, nonce=nonce, gate=gate, by=by, at=now, result=result)
        record_audit(
            "conferences.delegate.checked_in",
            by=by,
            unit=conference.unit,
            target=delegate,
            data={"gate": gate[:40], "badge": delegate.badge_number},
        )
    return result if first else _first_answer(nonce)


def _already(
    conference: Conference, delegate: Delegate, *, nonce: str, gate: str, by: Any, at: dt.datetime
) -> ScanResult:
    outcome = CheckInOutcome.ALREADY
    when = delegate.checked_in_at
    result = ScanResult(outcome, "", _messages(outcome, "", delegate, when), delegate, when)
    if _logged(conference, nonce=nonce, gate=gate, by=by, at=at, result=result):
        return result
    return _first_answer(nonce)


@transaction.atomic
def add_walk_in(
    conference: Conference,
    *,
    by: Any,
    nonce: str,
    name: str,
    category: str = DelegateCategory.GUEST,
    gender: str = "",
    position: str = "",
    organization: str = "",
    gate: str = "",
    now: dt.datetime | None = None,
) -> ScanResult:
    """A guest not on the list, added at the door and checked in at once (origin walk-in).

    Refusals: ``conferences.bad_nonce``, ``conferences.name_missing``,
    ``conferences.bad_category``, ``conferences.bad_gender``."""
    require(by, "conferences.checkin", conference.unit)
    nonce = _clean_nonce(nonce)
    now = clock(now)
    seen = CheckIn.objects.select_related("delegate").filter(nonce=nonce).first()
    if seen is not None:
        return _replay(seen)
    clean_name = normalize_text(name or "").strip()
    if not clean_name:
        raise DomainError("conferences.name_missing", _("Cần ghi họ và tên đại biểu."))
    if category not in WALK_IN_CATEGORIES:
        raise DomainError(
            "conferences.bad_category", _("Khách đến trực tiếp là khách mời hoặc lãnh đạo.")
        )
    if gender and gender not in Gender.values:
        raise DomainError("conferences.bad_gender", _("Giới tính không hợp lệ."))
    conference = locked(conference)
    last = conference.delegates.aggregate(top=Max("badge_number"))["top"] or 0
    delegate = Delegate.objects.create(
        conference=conference,
        category=category,
        origin=DelegateOrigin.WALK_IN,
        status=rules.CHECKED_IN,
        name=clean_name[:200],
        gender=gender,
        position=normalize_text(position or "").strip()[:200],
        organization=normalize_text(organization or "").strip()[:300],
        token=new_token(),
        badge_number=last + 1,
        checked_in_at=now,
        checked_in_by=actor(by),
        added_by=actor(by),
    )
    outcome = CheckInOutcome.WALK_IN
    result = ScanResult(outcome, "", _messages(outcome, "", delegate, now), delegate, now)
    CheckIn.objects.create(
        conference=conference,
        delegate=delegate,
        nonce=nonce,
        gate=normalize_text(gate or "")[:40],
        outcome=outcome,
        by=actor(by),
        at=now,
    )
    record_audit(
        "conferences.delegate.walk_in",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"category": category, "name": delegate.name, "gate": gate[:40]},
    )
    return result


def find_delegates(conference: Conference, query: str, limit: int = 10) -> list[Delegate]:
    """Delegates at the door whose name contains ``query``, with or without diacritics
    ("nguyen thi hoa" finds "Nguyễn Thị Hoa"). One query."""
    needle = fold(normalize_text(query or ""))
    if len(needle) < 2:
        return []
    rows = Delegate.objects.filter(conference=conference, status__in=AT_THE_DOOR).order_by(
        "name", "id"
    )
    return [d for d in rows if needle in fold(d.name)][:limit]


# --- Attendance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    code: str
    label: str
    present: int
    expected: int


@dataclass(frozen=True)
class Attendance:
    """Present / expected. Expected: the delegates on the list (walk-ins are not expected);
    present: everyone with ``checked_in_at`` set, walk-ins included."""

    present: int
    expected: int
    walk_ins: int
    honorees_present: int
    by_category: tuple[Tally, ...] = field(default=())
    by_gender: tuple[Tally, ...] = field(default=())

    @property
    def honoree_share(self) -> Fraction | None:
        return Fraction(self.honorees_present, self.present) if self.present else None

    @property
    def honoree_percent(self) -> int | None:
        share = self.honoree_share
        return None if share is None else round(share * 100)

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.expected) if self.expected else None

    def as_data(self) -> dict[str, Any]:
        return {
            "present": self.present,
            "expected": self.expected,
            "walk_ins": self.walk_ins,
            "honorees_present": self.honorees_present,
            "honoree_percent": self.honoree_percent,
            "by_category": [t.__dict__ for t in self.by_category],
            "by_gender": [t.__dict__ for t in self.by_gender],
        }


def tally(rows: Iterable[dict[str, Any]]) -> Attendance:
    """Pure: the figures from rows {category, gender, origin, expected, present}."""
    rows = list(rows)
    categories: dict[str, list[int]] = {c: [0, 0] for c in DelegateCategory.values}
    genders: dict[str, list[int]] = {}
    present = expected = walk_ins = 0
    for row in rows:
        categories.setdefault(row["category"], [0, 0])
        categories[row["category"]][0] += row["present"]
        categories[row["category"]][1] += row["expected"]
        key = row["gender"] or ""
        genders.setdefault(key, [0, 0])
        genders[key][0] += row["present"]
        genders[key][1] += row["expected"]
        present += row["present"]
        expected += row["expected"]
        if row["origin"] == DelegateOrigin.WALK_IN:
            walk_ins += row["present"]
    gender_labels = {**dict(Gender.choices), "": _("Chưa ghi")}
    return Attendance(
        present=present,
        expected=expected,
        walk_ins=walk_ins,
        honorees_present=categories.get(DelegateCategory.HONOREE, [0, 0])[0],
        by_category=tuple(
            Tally(code, str(DelegateCategory(code).label), p, e)
            for code, (p, e) in categories.items()
            if code in DelegateCategory.values
        ),
        by_gender=tuple(
            Tally(code, str(gender_labels.get(code, code)), p, e)
            for code, (p, e) in sorted(genders.items())
        ),
    )


def attendance(conference: Conference) -> Attendance:
    """The live attendance of ``conference``: one query, however many delegates."""
    present = Q(checked_in_at__isnull=False)
    expected = Q(status__in=rules.ON_LIST) & ~Q(origin=DelegateOrigin.WALK_IN)
    rows = (
        Delegate.objects.filter(conference=conference)
        .filter(present | expected)
        .values("category", "gender", "origin")
        .annotate(
            present=Count("pk", filter=present),
            expected=Count("pk", filter=expected),
        )
        .order_by()
    )
    return tally(dict(row) for row in rows)
