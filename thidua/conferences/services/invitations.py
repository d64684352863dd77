"""Invitations and badges (issue 7): each delegate's unguessable token, the Giấy mời (GM)
numbered by the unit's issuer through the documents engine (one delegate, or every delegate
at once: one registered GM with the list annexed and a batch PDF of the personal copies),
the delegate's answer from the link, the badge's revocation and renewal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from thidua.conferences import dayprint, rules
from thidua.conferences.enums import ConferenceStatus
from thidua.conferences.models import Conference, Delegate
from thidua.conferences.services.agenda import programme_issuer
from thidua.conferences.services.common import actor, clock, locked, require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.documents import services as document_services
from thidua.documents.models import DocumentBatch, GeneratedDocument, Issuer
from thidua.documents.spec import DocumentNumber

TOKEN_BYTES = 24  # 32 characters of base64url: not guessable, not an id
INVITABLE = (rules.LISTED, rules.INVITED, rules.CONFIRMED, rules.DECLINED)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _issuer(conference: Conference) -> Issuer:
    issuer = programme_issuer(conference)
    if issuer is None:
        raise DomainError(
            "conferences.issuer_missing",
            _("Đơn vị chưa có cơ quan ban hành văn bản (vào mục Văn bản để khai báo)."),
        )
    return issuer


def _approved(conference: Conference) -> None:
    if conference.status == ConferenceStatus.PREPARING:
        raise ConflictError(
            "conferences.list_not_approved",
            _("Cần duyệt danh sách đại biểu trước khi gửi giấy mời."),
        )


def _prepare(conference: Conference, delegates: list[Delegate], now: dt.datetime) -> None:
    """Give each delegate a token and a badge number if they have none (in memory)."""
    last = conference.delegates.aggregate(top=Max("badge_number"))["top"] or 0
    for delegate in delegates:
        if not delegate.token:
            delegate.token = new_token()
        if delegate.badge_number is None:
            last += 1
            delegate.badge_number = last
        if delegate.status == rules.LISTED:
            delegate.status = rules.INVITED
        delegate.invited_at = now


@transaction.atomic
def issue_invitation(
    delegate: Delegate,
    *,
    by: Any,
    base_url: str,
    date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> GeneratedDocument:
    """The GM of one delegate, with the next GM number of the unit's issuer and the QR code of
    their link. Sent again, it is a new numbered GM (the earlier one stays in the registry).

    Refusals: ``conferences.list_not_approved``, ``conferences.not_invitable``,
    ``conferences.issuer_missing`` and the documents engine's own."""
    conference = delegate.conference
    require(by, "conferences.invite", conference.unit)
    require(by, "documents.issue", conference.unit)
    now = clock(now)
    conference = locked(conference)
    _approved(conference)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    if delegate.status not in INVITABLE:
        raise ConflictError(
            "conferences.not_invitable", _("Chỉ gửi giấy mời cho đại biểu trong danh sách.")
        )
    issuer = _issuer(conference)
    _prepare(conference, [delegate], now)
    link = dayprint.invitation_url(base_url, delegate.token or "")
    spec = dayprint.invitation_spec(conference, delegate, link=link)
    document = document_services.issue_document(
        by=by, issuer=issuer, spec=spec, date=date, source=delegate
    )
    delegate.invitation = document
    delegate.save(
        update_fields=[
            "token",
            "badge_number",
            "status",
            "invited_at",
            "invitation",
            "updated_at",
        ]
    )
    record_audit(
        "conferences.invitation.issued",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"symbol": document.symbol, "document": document.pk},
    )
    return document


@transaction.atomic
def issue_invitations(
    conference: Conference,
    *,
    by: Any,
    base_url: str,
    date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> DocumentBatch:
    """Invite every delegate on the list who has no invitation yet: ONE GM number for the lot
    (the registry keeps the copy with the list annexed) and a batch PDF of the personal copies,
    each addressed to its delegate with their own QR code, rendered in the background.

    Refusals: ``conferences.list_not_approved``, ``conferences.all_invited``,
    ``conferences.issuer_missing`` and the documents engine's own."""
    require(by, "conferences.invite", conference.unit)
    require(by, "documents.issue", conference.unit)
    now = clock(now)
    conference = locked(conference)
    _approved(conference)
    delegates = list(
        Delegate.objects.select_for_update()
        .filter(conference=conference, status__in=rules.ON_LIST, invitation__isnull=True)
        .exclude(status=rules.CHECKED_IN)
        .order_by("category", "name", "id")
    )
    if not delegates:
        raise ConflictError(
            "conferences.all_invited", _("Mọi đại biểu trong danh sách đã có giấy mời.")
        )
    issuer = _issuer(conference)
    _prepare(conference, delegates, now)
    registry_copy = dayprint.invitation_spec(conference, None, everyone=delegates)
    document = document_services.issue_document(
        by=by, issuer=issuer, spec=registry_copy, date=date, source=conference
    )
    number = DocumentNumber(document.serial, document.year)
    copies = [
        dataclasses.replace(
            dayprint.invitation_spec(
                conference, d, link=dayprint.invitation_url(base_url, d.token or "")
            ),
            issuer=issuer.body(),
            number=number,
            date=document.document_date,
        )
        for d in delegates
    ]
    batch = document_services.start_batch(
        by=by,
        unit=conference.unit,
        title=_("Giấy mời %(symbol)s (%(count)s đại biểu)")
        % {"symbol": document.symbol, "count": len(delegates)},
        specs=copies,
    )
    for delegate in delegates:
        delegate.invitation = document
    Delegate.objects.bulk_update(
        delegates, ["token", "badge_number", "status", "invited_at", "invitation"]
    )
    conference.invitation_batch = batch
    conference.save(update_fields=["invitation_batch", "updated_at"])
    record_audit(
        "conferences.invitation.batch_issued",
        by=by,
        unit=conference.unit,
        target=conference,
        data={
            "symbol": document.symbol,
            "document": document.pk,
            "batch": batch.pk,
            "delegates": [d.pk for d in delegates],
        },
    )
    return batch


@transaction.atomic
def respond(token: str, *, attending: bool, now: dt.datetime | None = None) -> Delegate:
    """The delegate's own answer from the invitation's link (no login: the token is the key).
    They may change their mind until they are checked in.

    Refusals: ``conferences.token_unknown`` (also a revoked badge), ``conferences.checked_in``."""
    now = clock(now)
    delegate = (
        Delegate.objects.select_for_update()
        .select_related("conference", "conference__unit")
        .filter(token=token, token_revoked_at__isnull=True)
        .first()
    )
    if delegate is None or delegate.status not in (rules.INVITED, rules.CONFIRMED, rules.DECLINED):
        raise DomainError(
            "conferences.token_unknown", _("Giấy mời không hợp lệ hoặc đã bị thu hồi.")
        )
    if delegate.checked_in_at is not None:
        raise ConflictError("conferences.checked_in", _("Đại biểu đã điểm danh tại hội nghị."))
    status = rules.CONFIRMED if attending else rules.DECLINED
    if delegate.status == status:
        return delegate
    delegate.status = status
    delegate.responded_at = now
    delegate.save(update_fields=["status", "responded_at", "updated_at"])
    record_audit(
        "conferences.invitation.answered",
        by=None,
        unit=delegate.conference.unit,
        target=delegate,
        data={"attending": attending},
    )
    return delegate


@transaction.atomic
def revoke_badge(
    delegate: Delegate, *, by: Any, reason: str, now: dt.datetime | None = None
) -> Delegate:
    """Revoke a delegate's badge (lost, handed to someone else): the token is refused at the
    door with the reason until a new badge is issued. Refusals: ``conferences.reason_missing``,
    ``conferences.no_badge``, ``conferences.badge_revoked``."""
    conference = delegate.conference
    require(by, "conferences.invite", conference.unit)
    now = clock(now)
    text = normalize_text(reason or "").strip()
    if not text:
        raise DomainError("conferences.reason_missing", _("Cần ghi lý do thu hồi thẻ."))
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    if not delegate.token:
        raise ConflictError("conferences.no_badge", _("Đại biểu chưa có giấy mời, thẻ."))
    if delegate.token_revoked_at is not None:
        raise ConflictError("conferences.badge_revoked", _("Thẻ này đã bị thu hồi."))
    delegate.token_revoked_at = now
    delegate.save(update_fields=["token_revoked_at", "updated_at"])
    record_audit(
        "conferences.badge.revoked",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"reason": text, "badge": delegate.badge_number},
    )
    return delegate


@transaction.atomic
def renew_badge(delegate: Delegate, *, by: Any) -> Delegate:
    """A new token for a delegate whose badge was revoked (the old token is then unknown).
    Refusal: ``conferences.badge_not_revoked``."""
    conference = delegate.conference
    require(by, "conferences.invite", conference.unit)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    if delegate.token_revoked_at is None:
        raise ConflictError("conferences.badge_not_revoked", _("Thẻ đang còn hiệu lực."))
    delegate.token = new_token()
    delegate.token_revoked_at = None
    delegate.save(update_fields=["token", "token_revoked_at", "updated_at"])
    record_audit(
        "conferences.badge.renewed",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"badge": delegate.badge_number, "by": getattr(actor(by), "pk", None)},
    )
    return delegate
