"""The conference's programme (R8): items added, timed, reordered, removed; the organizer's
acceptance; the printable programme (CTr) through the documents engine.

Any change after the agenda was accepted clears the acceptance (it must be accepted again),
so an issued programme always matches an accepted agenda.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.conferences import programme, selectors
from thidua.conferences.enums import AgendaItemKind
from thidua.conferences.models import AgendaItem, AgendaTemplate, Conference
from thidua.conferences.services.common import actor, clock, locked, require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.documents import services as document_services
from thidua.documents.models import GeneratedDocument, Issuer

MAX_MINUTES = 600


def _title(value: str) -> str:
    title = normalize_text(value or "").strip()
    if not title:
        raise DomainError("conferences.title_missing", _("Cần ghi nội dung của mục chương trình."))
    if len(title) > 500:
        raise DomainError("conferences.title_too_long", _("Nội dung quá dài (tối đa 500 ký tự)."))
    return title


def _minutes(value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_MINUTES:
        raise DomainError(
            "conferences.bad_duration",
            _("Thời lượng phải từ 1 đến %(most)s phút.") % {"most": MAX_MINUTES},
        )
    return value


def _unaccept(conference: Conference) -> bool:
    """Clear the acceptance after a change; True when it was accepted."""
    if conference.agenda_accepted_at is None:
        return False
    conference.agenda_accepted_at = None
    conference.agenda_accepted_by = None
    conference.save(update_fields=["agenda_accepted_at", "agenda_accepted_by", "updated_at"])
    return True


def _renumber(items: list[AgendaItem]) -> None:
    for order, item in enumerate(items, start=1):
        item.order = order
    AgendaItem.objects.bulk_update(items, ["order"])


@transaction.atomic
def add_agenda_item(
    conference: Conference,
    *,
    by: Any,
    title: str,
    duration_minutes: int,
    presenter: str = "",
    position: int | None = None,
) -> AgendaItem:
    """Add an item (an art performance, a children's greeting, a documentary, a direct
    exchange, or anything the locality plans) at ``position`` (1-based; default: before the
    closing item, the plan's last)."""
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    items = list(conference.agenda_items.select_for_update().order_by("order", "id"))
    item = AgendaItem(
        conference=conference,
        order=0,
        kind=AgendaItemKind.EXTRA,
        title=_title(title),
        duration_minutes=_minutes(duration_minutes),
        presenter=normalize_text(presenter or "").strip()[:200],
    )
    item.save()
    index = len(items) - 1 if position is None else position - 1
    index = max(0, min(len(items), index))
    items.insert(index, item)
    _renumber(items)
    cleared = _unaccept(conference)
    record_audit(
        "conferences.agenda.item_added",
        by=by,
        unit=conference.unit,
        target=item,
        data={"position": item.order, "minutes": item.duration_minutes, "unaccepted": cleared},
    )
    return item


@transaction.atomic
def update_agenda_item(item: AgendaItem, *, by: Any, **changes: Any) -> AgendaItem:
    """Change an item's title, duration (minutes) or presenter."""
    conference = item.conference
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    cleaners: dict[str, Callable[[Any], Any]] = {
        "title": _title,
        "duration_minutes": _minutes,
        "presenter": lambda v: normalize_text(v or "").strip()[:200],
    }
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise DomainError(
            "conferences.unknown_field",
            _("Không sửa được: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
        )
    cleaned = {name: cleaners[name](value) for name, value in changes.items()}
    diff = {k: [getattr(item, k), v] for k, v in cleaned.items() if getattr(item, k) != v}
    if not diff:
        return item
    for name, (_before, after) in diff.items():
        setattr(item, name, after)
    item.save(update_fields=list(diff))
    cleared = _unaccept(conference)
    record_audit(
        "conferences.agenda.item_updated",
        by=by,
        unit=conference.unit,
        target=item,
        data={"changes": diff, "unaccepted": cleared},
    )
    return item


@transaction.atomic
def move_agenda_item(item: AgendaItem, *, by: Any, position: int) -> AgendaItem:
    """Move an item to ``position`` (1-based) in the programme."""
    conference = item.conference
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    items = list(conference.agenda_items.select_for_update().order_by("order", "id"))
    current = next(i for i in items if i.pk == item.pk)
    before = items.index(current) + 1
    if not 1 <= position <= len(items):
        raise DomainError(
            "conferences.bad_position",
            _("Vị trí phải từ 1 đến %(count)s.") % {"count": len(items)},
        )
    if position == before:
        return current
    items.remove(current)
    items.insert(position - 1, current)
    _renumber(items)
    cleared = _unaccept(conference)
    record_audit(
        "conferences.agenda.item_moved",
        by=by,
        unit=conference.unit,
        target=current,
        data={"from": before, "to": position, "unaccepted": cleared},
    )
    return current


@transaction.atomic
def remove_agenda_item(item: AgendaItem, *, by: Any) -> None:
    """Remove an added item. The plan's items stay (R8: they are the conference's content).

    Refusals: ``conferences.plan_item_required``."""
    conference = item.conference
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.is_plan_item:
        raise DomainError(
            "conferences.plan_item_required",
            _("Nội dung theo kế hoạch không xóa được; có thể đổi thời lượng hoặc thứ tự."),
        )
    title = item.title
    item.delete()
    _renumber(list(conference.agenda_items.order_by("order", "id")))
    cleared = _unaccept(conference)
    record_audit(
        "conferences.agenda.item_removed",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"title": title, "unaccepted": cleared},
    )


@transaction.atomic
def accept_agenda(conference: Conference, *, by: Any, now: dt.datetime | None = None) -> Conference:
    """The organizer accepts the programme. An agenda longer than one session is accepted with
    a warning (the audit entry records the overrun): the plan asks for one session, the
    organizer may still decide.

    Refusals: ``conferences.agenda_empty``."""
    require(by, "conferences.manage", conference.unit)
    now = clock(now)
    conference = locked(conference)
    agenda = selectors.agenda_of(conference)
    if not agenda.items:
        raise DomainError("conferences.agenda_empty", _("Chương trình chưa có nội dung nào."))
    conference.agenda_accepted_at = now
    conference.agenda_accepted_by = actor(by)
    conference.save(update_fields=["agenda_accepted_at", "agenda_accepted_by", "updated_at"])
    record_audit(
        "conferences.agenda.accepted",
        by=by,
        unit=conference.unit,
        target=conference,
        data={
            "items": len(agenda.items),
            "minutes": agenda.total_minutes,
            "session_minutes": agenda.session_minutes,
            "overrun": agenda.overrun,
        },
    )
    return conference


def programme_issuer(conference: Conference) -> Issuer | None:
    """The People's Committee of the unit (abbreviation "UBND"), else its first active issuer."""
    issuers = Issuer.objects.filter(unit=conference.unit, is_active=True).order_by("pk")
    return issuers.filter(abbreviation="UBND").first() or issuers.first()


@transaction.atomic
def issue_programme(
    conference: Conference, *, by: Any, date: dt.date | None = None
) -> GeneratedDocument:
    """Issue the programme (Chương trình, CTr) with the issuer's next number, through the
    documents engine; the document's source is the conference.

    Refusals: ``conferences.agenda_not_accepted``, ``conferences.issuer_missing`` and the
    engine's own."""
    require(by, "conferences.manage", conference.unit)
    require(by, "documents.issue", conference.unit)
    conference = locked(conference)
    if conference.agenda_accepted_at is None:
        raise ConflictError(
            "conferences.agenda_not_accepted",
            _("Cần chấp nhận chương trình trước khi ban hành."),
        )
    issuer = programme_issuer(conference)
    if issuer is None:
        raise DomainError(
            "conferences.issuer_missing",
            _("Đơn vị chưa có cơ quan ban hành văn bản (vào mục Văn bản để khai báo)."),
        )
    spec = programme.programme_spec(conference, selectors.agenda_of(conference))
    document = document_services.issue_document(
        by=by, issuer=issuer, spec=spec, date=date, source=conference
    )
    record_audit(
        "conferences.agenda.programme_issued",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"symbol": document.symbol, "document": document.pk},
    )
    return document


def restore_default_template() -> bool:
    """Put back the default agenda template of migration 0002 where it is missing (a database
    flushed by a transactional test, or restored without it). True when it was missing."""
    if AgendaTemplate.objects.filter(code=selectors.DEFAULT_TEMPLATE).exists():
        return False
    module = importlib.import_module("thidua.conferences.migrations.0002_default_agenda")
    module.add_default(django_apps, None)
    return True
