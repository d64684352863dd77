"""The electronic vote: one ballot per one-time token, from a phone, without logging in.

Secrecy by construction: the token's row (``Elector``) only flips ``used``; the ballot row
(``Ballot``) is written in the same transaction with a random UUID, the hash of a fresh receipt
code and the choices, and has no column that names the elector, the token, the delegate or the
time. The receipt lets the voter see on a public page that their ballot is in the count.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.elections.enums import PollScope, PollStatus, Procedure
from thidua.elections.models import Ballot, Elector, Poll
from thidua.elections.services.common import digest, new_secret
from thidua.elections.tally import WHOLE_LIST


def elector_for_token(token: str) -> Elector | None:
    """The elector row of a token (or None): for the voting page."""
    if not token or len(token) > 64:
        return None
    return (
        Elector.objects.select_related("poll", "poll__conference", "poll__conference__unit")
        .filter(token_hash=digest(token), poll__procedure=Procedure.ELECTRONIC)
        .first()
    )


def choices_of(poll: Poll) -> list[tuple[str, str]]:
    if poll.scope == PollScope.WHOLE_LIST:
        return [(WHOLE_LIST, str(_("Đồng ý cả danh sách")))]
    return [(str(c.pk), c.name) for c in poll.candidates.all()]


@transaction.atomic
def cast_ballot(token: str, approved: list[str]) -> str:
    """Record one ballot for the token's holder; returns the receipt code (shown once).

    Refusals: ``elections.token_unknown``, ``elections.not_open``, ``elections.already_voted``
    (a second ballot with the same token), ``elections.too_many`` (more approvals than seats),
    ``elections.unknown_candidate``."""
    found = elector_for_token(token)
    if found is None:
        raise DomainError("elections.token_unknown", _("Mã biểu quyết không đúng."))
    elector = Elector.objects.select_for_update().get(pk=found.pk)
    poll = (
        Poll.objects.select_for_update().select_related("conference__unit").get(pk=elector.poll_id)
    )
    if poll.status != PollStatus.OPEN:
        raise ConflictError("elections.not_open", _("Cuộc biểu quyết không đang diễn ra."))
    if elector.used:
        raise ConflictError("elections.already_voted", _("Mã này đã được dùng để biểu quyết."))
    keys = {key for key, _name in choices_of(poll)}
    chosen = sorted(set(approved))
    if set(chosen) - keys:
        raise DomainError("elections.unknown_candidate", _("Có người không có tên trong phiếu."))
    if poll.seats is not None and len(chosen) > poll.seats:
        raise DomainError(
            "elections.too_many",
            _("Chỉ được đồng ý tối đa %(n)s người.") % {"n": poll.seats},
        )
    elector.used = True
    elector.save(update_fields=["used"])
    receipt = new_secret(8)
    Ballot.objects.create(poll=poll, receipt_hash=digest(receipt), approved=chosen)
    record_audit("elections.ballot.cast", by=None, unit=poll.conference.unit, target=poll)
    return receipt


def receipt_status(receipt: str) -> Ballot | None:
    """The ballot of a receipt code (its poll: whether it is counted yet), or None."""
    if not receipt or len(receipt) > 64:
        return None
    return (
        Ballot.objects.select_related("poll", "poll__conference", "poll__conference__unit")
        .filter(receipt_hash=digest(receipt))
        .first()
    )


def counted(ballot: Ballot) -> bool:
    return ballot.poll.status in (PollStatus.CLOSED, PollStatus.CERTIFIED)


__all__ = ["cast_ballot", "choices_of", "counted", "elector_for_token", "receipt_status"]
