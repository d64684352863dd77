"""The projector (issue 7, R12): the backdrop's five lines, the agenda item on screen (the
organizer advances it from a phone), its presenter and countdown, the live attendance, and
during the award item the names being honoured: the granted entries of this unit's award
decisions for the campaign's review period when there are any, else the honorees invited.

Reads only; ``state(conference)`` runs a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.conferences import checkin, dayprint, rules
from thidua.conferences.enums import DelegateCategory
from thidua.conferences.models import AgendaItem, Conference, Delegate
from thidua.conferences.services.agenda import programme_issuer
from thidua.conferences.services.common import clock, locked, require
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError

HONOURED_SHOWN = 60


def place_of(conference: Conference) -> str:
    """The place on the backdrop's last line: the issuer's place of issue, else the unit's
    short name."""
    issuer = programme_issuer(conference)
    if issuer is not None and issuer.place:
        return issuer.place
    return conference.unit.short_name or conference.unit.name


def backdrop(conference: Conference) -> tuple[str, str, str, str, str]:
    return dayprint.backdrop_lines(conference, place_of(conference))


@dataclass(frozen=True)
class Honoured:
    name: str
    detail: str


def honoured(conference: Conference) -> tuple[str, list[Honoured]]:
    """Who is honoured at the award item, and where the names come from ("decisions" or
    "invited"). Two queries at most.

    The decisions read: this unit's, decided by the conference day, granting awards for a
    period that ends with the campaign's review period and spans more than its last year (the
    seed writes the period both 2020-2025 and 2021-2025; an annual award is not the period's)."""
    from thidua.awards.enums import EntryStatus
    from thidua.awards.models import DecisionEntry

    campaign = conference.campaign
    entries = (
        DecisionEntry.objects.filter(
            decision__unit=conference.unit,
            status=EntryStatus.GRANTED,
            period_end=campaign.review_period_end,
            period_start__lt=campaign.review_period_end,
            decision__decided_on__lte=conference.held_on,
        )
        .select_related("honoree", "award_form")
        .order_by("award_form__name", "position")[:HONOURED_SHOWN]
    )
    found = [Honoured(e.honoree.name, e.award_form.name) for e in entries]
    if found:
        return "decisions", found
    invited = Delegate.objects.filter(
        conference=conference,
        category=DelegateCategory.HONOREE,
        status__in=rules.ON_LIST,
    ).order_by("name")[:HONOURED_SHOWN]
    return "invited", [Honoured(d.name, d.organization) for d in invited]


def state(conference: Conference, now: dt.datetime | None = None) -> dict[str, Any]:
    """What the projector shows now, as data (JSON for the polling script)."""
    now = now or timezone.now()
    item = conference.current_item
    current: dict[str, Any] | None = None
    if item is not None:
        started = conference.current_item_started_at or now
        ends = started + dt.timedelta(minutes=item.duration_minutes)
        current = {
            "id": item.pk,
            "title": item.title,
            "presenter": item.presenter,
            "minutes": item.duration_minutes,
            "started_at": started.isoformat(),
            "ends_at": ends.isoformat(),
            "remaining_seconds": max(0, int((ends - now).total_seconds())),
            "is_award": item.kind == rules.PLAN_ITEM and item.position == rules.AWARD_POSITION,
        }
    names: list[dict[str, str]] = []
    source = ""
    if current is not None and current["is_award"]:
        source, people = honoured(conference)
        names = [{"name": p.name, "detail": p.detail} for p in people]
    return {
        "backdrop": list(backdrop(conference)),
        "current": current,
        "attendance": checkin.attendance(conference).as_data(),
        "honoured": names,
        "honoured_source": source,
        "now": now.isoformat(),
    }


@transaction.atomic
def advance(
    conference: Conference, *, by: Any, step: str = "next", now: dt.datetime | None = None
) -> AgendaItem | None:
    """Move the projector to the next or previous agenda item (``step``), or back to the
    backdrop (``step="off"``). The countdown restarts with the item.

    Refusals: ``conferences.bad_step``, ``conferences.agenda_end``."""
    require(by, "conferences.project", conference.unit)
    now = clock(now)
    conference = locked(conference)
    items = list(conference.agenda_items.order_by("order", "id"))
    ids = [i.pk for i in items]
    index = ids.index(conference.current_item_id) if conference.current_item_id in ids else -1
    if step == "off":
        target: AgendaItem | None = None
    elif step == "next":
        if index + 1 >= len(items):
            raise DomainError("conferences.agenda_end", _("Đã đến nội dung cuối chương trình."))
        target = items[index + 1]
    elif step == "previous":
        if index <= 0:
            raise DomainError("conferences.agenda_end", _("Đang ở nội dung đầu chương trình."))
        target = items[index - 1]
    else:
        raise DomainError("conferences.bad_step", _("Thao tác không hợp lệ."))
    conference.current_item = target
    conference.current_item_started_at = now if target is not None else None
    conference.save(update_fields=["current_item", "current_item_started_at", "updated_at"])
    record_audit(
        "conferences.projector.advanced",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"item": target.pk if target else None, "title": target.title if target else ""},
    )
    return target
