"""Presentations (tham luận, R11) and side activities (R9) of a conference."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from thidua.conferences import rules as conference_rules
from thidua.conferences.models import AgendaItem, Conference, Delegate
from thidua.conferences.services.common import require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.proceedings.enums import SideActivityKind
from thidua.proceedings.models import Presentation, SideActivity

MANAGE = "proceedings.manage"


@transaction.atomic
def add_presentation(
    conference: Conference,
    *,
    by: Any,
    agenda_item: AgendaItem,
    delegate: Delegate,
    title: str,
    minutes: int,
) -> Presentation:
    """A delegate on the list presents ``title`` for ``minutes`` under an agenda item of the
    same conference. Going over the item's time is shown, not refused (the page says by how
    much).

    Refusals: ``proceedings.not_this_conference``, ``proceedings.not_on_list``,
    ``proceedings.title_required``, ``proceedings.minutes_invalid``,
    ``proceedings.presenter_twice``."""
    require(by, MANAGE, conference.unit)
    if agenda_item.conference_id != conference.pk or delegate.conference_id != conference.pk:
        raise DomainError(
            "proceedings.not_this_conference",
            _("Nội dung chương trình và người trình bày phải thuộc hội nghị này."),
        )
    if delegate.status not in conference_rules.ON_LIST:
        raise DomainError(
            "proceedings.not_on_list",
            _("Người trình bày phải là đại biểu trong danh sách của hội nghị."),
        )
    title = normalize_text(title)
    if not title:
        raise DomainError("proceedings.title_required", _("Cần ghi tên tham luận."))
    if minutes < 1:
        raise DomainError("proceedings.minutes_invalid", _("Thời lượng phải từ 1 phút trở lên."))
    last = agenda_item.presentations.order_by("-order").values_list("order", flat=True).first()
    try:
        with transaction.atomic():
            presentation = Presentation.objects.create(
                conference=conference,
                agenda_item=agenda_item,
                delegate=delegate,
                title=title,
                minutes=minutes,
                order=(last or 0) + 1,
                created_by=by,
            )
    except IntegrityError:
        raise ConflictError(
            "proceedings.presenter_twice",
            _("%(name)s đã có tham luận ở nội dung này.") % {"name": delegate.name},
        ) from None
    record_audit(
        "proceedings.presentation.added",
        by=by,
        unit=conference.unit,
        target=presentation,
        data={"delegate": delegate.pk, "item": agenda_item.pk, "minutes": minutes},
    )
    return presentation


@transaction.atomic
def remove_presentation(presentation: Presentation, *, by: Any) -> None:
    require(by, MANAGE, presentation.conference.unit)
    record_audit(
        "proceedings.presentation.removed",
        by=by,
        unit=presentation.conference.unit,
        target=presentation,
        data={"title": presentation.title, "delegate": presentation.delegate_id},
    )
    presentation.delete()


@transaction.atomic
def add_side_activity(
    conference: Conference,
    *,
    by: Any,
    kind: str,
    title: str,
    held_on: dt.date,
    place: str = "",
    participants: int | None = None,
    note: str = "",
) -> SideActivity:
    """A dated side activity (R9). Refusals: ``proceedings.bad_kind``,
    ``proceedings.title_required``, ``proceedings.participants_invalid``."""
    require(by, MANAGE, conference.unit)
    if kind not in SideActivityKind.values:
        raise DomainError("proceedings.bad_kind", _("Loại hoạt động không hợp lệ."))
    title = normalize_text(title)
    if not title:
        raise DomainError("proceedings.title_required", _("Cần ghi tên hoạt động."))
    if participants is not None and participants < 0:
        raise DomainError("proceedings.participants_invalid", _("Số người tham gia không được âm."))
    activity = SideActivity.objects.create(
        conference=conference,
        kind=kind,
        title=title,
        held_on=held_on,
        place=normalize_text(place),
        participants=participants,
        note=unicodedata.normalize("NFC", note).strip(),
        created_by=by,
    )
    record_audit(
        "proceedings.side_activity.added",
        by=by,
        unit=conference.unit,
        target=activity,
        data={"kind": kind, "held_on": held_on.isoformat()},
    )
    return activity


@transaction.atomic
def remove_side_activity(activity: SideActivity, *, by: Any) -> None:
    require(by, MANAGE, activity.conference.unit)
    record_audit(
        "proceedings.side_activity.removed",
        by=by,
        unit=activity.conference.unit,
        target=activity,
        data={"title": activity.title},
    )
    activity.delete()
