"""The conference's nominees to the upper level, drawn from its delegates (the honorees it
listed, its guests and leaders); the checker runs on them against the quota and the rules."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.conferences.models import Conference, Delegate
from thidua.conferences.rules import ON_LIST
from thidua.conferences.services import add_honoree_delegate
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError
from thidua.elections.enums import PollStatus
from thidua.elections.models import Nominee, Poll
from thidua.elections.services.common import actor, locked, require


def _not_voting(conference: Conference) -> None:
    if Poll.objects.filter(conference=conference, status=PollStatus.OPEN).exists():
        raise ConflictError(
            "elections.poll_open", _("Đang biểu quyết: không sửa danh sách giới thiệu.")
        )


@transaction.atomic
def nominate(conference: Conference, *, by: Any, delegate_ids: list[int]) -> list[Nominee]:
    """Put delegates of the conference's list forward. Refusals: ``elections.not_on_list``,
    ``elections.poll_open``."""
    require(by, "elections.manage", conference.unit)
    conference = locked(conference)
    _not_voting(conference)
    ids = sorted(set(delegate_ids))
    found = list(Delegate.objects.filter(conference=conference, pk__in=ids, status__in=ON_LIST))
    if len(found) != len(ids) or not ids:
        raise ConflictError(
            "elections.not_on_list",
            _("Chỉ giới thiệu được đại biểu có trong danh sách của hội nghị."),
        )
    existing = set(
        Nominee.objects.filter(conference=conference, delegate__in=found).values_list(
            "delegate_id", flat=True
        )
    )
    rows = Nominee.objects.bulk_create(
        [Nominee(conference=conference, delegate=d, added_by=actor(by))
         for d in found if d.pk not in existing]
    )  # fmt: skip
    record_audit(
        "elections.nominee.added",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"delegates": [n.delegate_id for n in rows]},
    )
    return rows


@transaction.atomic
def nominate_honoree(conference: Conference, *, by: Any, honoree_id: int) -> Nominee:
    """Put forward an honoree of the conference's pool who is not a delegate yet: they join the
    conference's list (``conferences.services.add_honoree_delegate``, with its own refusals,
    e.g. a list already approved) and are nominated."""
    require(by, "elections.manage", conference.unit)
    existing = Delegate.objects.filter(conference=conference, honoree_id=honoree_id).first()
    if existing is None or existing.status not in ON_LIST:
        existing = add_honoree_delegate(conference, by=by, honoree_id=honoree_id)
    rows = nominate(conference, by=by, delegate_ids=[existing.pk])
    return rows[0] if rows else Nominee.objects.get(conference=conference, delegate=existing)


@transaction.atomic
def withdraw(nominee: Nominee, *, by: Any) -> None:
    conference = nominee.conference
    require(by, "elections.manage", conference.unit)
    locked(conference)
    _not_voting(conference)
    delegate_id = nominee.delegate_id
    nominee.delete()
    record_audit(
        "elections.nominee.removed",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"delegate": delegate_id},
    )
