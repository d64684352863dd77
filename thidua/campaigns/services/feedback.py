"""Difficulties (vướng mắc, R20): a unit raises one, the issuer answers, both see the thread.

Plan, closing paragraph: "nếu có vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Ủy
ban nhân dân huyện (qua Phòng Nội vụ) để xem xét, giải quyết".
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.enums import CampaignStatus, FeedbackStatus
from thidua.campaigns.models import Assignment, Campaign, Feedback, FeedbackMessage
from thidua.campaigns.services.common import organizers_of, require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.notifications.services import notify
from thidua.units import access
from thidua.units.models import Unit

MAX_BODY = 5000


def _body(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError("campaigns.message_required", _("Cần ghi nội dung."))
    if len(text) > MAX_BODY:
        raise DomainError(
            "campaigns.message_too_long",
            _("Nội dung dài quá %(n)s ký tự.") % {"n": MAX_BODY},
        )
    return text


@transaction.atomic
def raise_feedback(campaign: Campaign, *, unit: Unit, by: Any, subject: str, body: str) -> Feedback:
    """A unit that received the campaign raises a difficulty with its issuer.

    Refusals: ``campaigns.not_assigned``, ``campaigns.not_open``, ``campaigns.subject_required``,
    ``campaigns.message_required``, ``campaigns.message_too_long``."""
    require(by, "campaigns.feedback", unit)
    campaign = Campaign.objects.select_related("issuer").get(pk=campaign.pk)
    if campaign.status != CampaignStatus.ISSUED:
        raise ConflictError("campaigns.not_open", _("Kế hoạch chưa ban hành hoặc đã kết thúc."))
    if not Assignment.objects.filter(campaign=campaign, unit=unit).exists():
        raise DomainError(
            "campaigns.not_assigned", _("Đơn vị không được giao thực hiện kế hoạch này.")
        )
    subject = normalize_text(subject)[:300]
    if not subject:
        raise DomainError("campaigns.subject_required", _("Cần ghi nội dung vướng mắc."))
    feedback = Feedback.objects.create(campaign=campaign, unit=unit, subject=subject, created_by=by)
    FeedbackMessage.objects.create(feedback=feedback, author=by, body=_body(body))
    record_audit("campaigns.feedback.raised", by=by, unit=unit, target=feedback)
    notify(
        organizers_of(campaign.issuer),
        title=_("Vướng mắc mới từ %(unit)s: %(subject)s") % {"unit": unit.name, "subject": subject},
        link=_link(feedback),
        unit=unit,
    )
    return feedback


@transaction.atomic
def reply_feedback(feedback: Feedback, *, by: Any, body: str) -> FeedbackMessage:
    """Either side writes in the thread. A reply from the issuer's side (a role on the issuer,
    which the unit's own officers do not have) marks the item answered; a new message from
    the unit reopens it.

    Refusals: ``campaigns.feedback_closed``, ``campaigns.message_required``,
    ``campaigns.message_too_long``."""
    feedback = (
        Feedback.objects.select_for_update()
        .select_related("campaign", "campaign__issuer", "unit")
        .get(pk=feedback.pk)
    )
    require(by, "campaigns.feedback", feedback.unit)
    if feedback.status == FeedbackStatus.CLOSED:
        raise ConflictError("campaigns.feedback_closed", _("Vướng mắc này đã được giải quyết."))
    from_issuer = by is None or access.can(by, "campaigns.feedback", feedback.campaign.issuer)
    message = FeedbackMessage.objects.create(
        feedback=feedback, author=by, from_issuer=from_issuer, body=_body(body)
    )
    feedback.status = FeedbackStatus.ANSWERED if from_issuer else FeedbackStatus.OPEN
    feedback.save(update_fields=["status", "updated_at"])
    record_audit(
        "campaigns.feedback.replied",
        by=by,
        unit=feedback.unit,
        target=feedback,
        data={"from_issuer": from_issuer},
    )
    other = feedback.unit if from_issuer else feedback.campaign.issuer
    notify(
        [u for u in organizers_of(other) if u != by],
        title=_("Trả lời vướng mắc: %(subject)s") % {"subject": feedback.subject},
        link=_link(feedback),
        unit=feedback.unit,
    )
    return message


@transaction.atomic
def close_feedback(feedback: Feedback, *, by: Any) -> Feedback:
    """The issuer marks a difficulty resolved. Refusals: ``campaigns.feedback_closed``."""
    feedback = (
        Feedback.objects.select_for_update()
        .select_related("campaign", "campaign__issuer", "unit")
        .get(pk=feedback.pk)
    )
    require(by, "campaigns.feedback", feedback.campaign.issuer)
    if feedback.status == FeedbackStatus.CLOSED:
        raise ConflictError("campaigns.feedback_closed", _("Vướng mắc này đã được giải quyết."))
    feedback.status = FeedbackStatus.CLOSED
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["status", "closed_at", "updated_at"])
    record_audit("campaigns.feedback.closed", by=by, unit=feedback.unit, target=feedback)
    return feedback


def _link(feedback: Feedback) -> str:
    return reverse("campaigns:feedback-detail", args=[feedback.pk])
