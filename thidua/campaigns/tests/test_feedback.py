"""Difficulties (vướng mắc, R20): the unit raises, the district answers, both see the thread."""

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Feedback
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.notifications.models import Notification


@pytest.mark.django_db
def test_a_thread_between_a_commune_and_the_district(
    issued, world, commune_a_officer, district_officer
):
    feedback = services.raise_feedback(
        issued,
        unit=world.commune_a,
        by=commune_a_officer,
        subject="Đúng 300 người?",
        body="Xã có đúng 300 người thì tổ chức hình thức nào?",
    )
    assert (feedback.status, feedback.unit, feedback.created_by) == (
        "open",
        world.commune_a,
        commune_a_officer,
    )
    services.reply_feedback(feedback, by=district_officer, body="Đơn vị lựa chọn, ghi rõ.")
    feedback.refresh_from_db()
    assert feedback.status == "answered"
    services.reply_feedback(feedback, by=commune_a_officer, body="Xin hỏi thêm.")
    feedback.refresh_from_db()
    assert feedback.status == "open"
    thread = list(feedback.messages.values_list("author__username", "from_issuer", "body"))
    assert thread == [
        ("commune_a", False, "Xã có đúng 300 người thì tổ chức hình thức nào?"),
        ("district", True, "Đơn vị lựa chọn, ghi rõ."),
        ("commune_a", False, "Xin hỏi thêm."),
    ]
    services.close_feedback(feedback, by=district_officer)
    feedback.refresh_from_db()
    assert feedback.status == "closed" and feedback.closed_at is not None
    with pytest.raises(DomainError) as refused:
        services.reply_feedback(feedback, by=commune_a_officer, body="Còn nữa")
    assert refused.value.code == "campaigns.feedback_closed"
    assert list(
        AuditEntry.objects.filter(action__startswith="campaigns.feedback")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "campaigns.feedback.raised",
        "campaigns.feedback.replied",
        "campaigns.feedback.replied",
        "campaigns.feedback.closed",
    ]
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "commune_a",
        "district",
        "district",
    ]


@pytest.mark.django_db
def test_a_commune_may_not_close_or_raise_for_a_neighbour(
    issued, world, commune_a_officer, commune_b_officer
):
    from django.http import Http404

    feedback = services.raise_feedback(
        issued, unit=world.commune_a, by=commune_a_officer, subject="Hỏi", body="Nội dung"
    )
    with pytest.raises(Http404):
        services.close_feedback(feedback, by=commune_a_officer)
    with pytest.raises(Http404):
        services.reply_feedback(feedback, by=commune_b_officer, body="Xen vào")
    with pytest.raises(Http404):
        services.raise_feedback(
            issued, unit=world.commune_a, by=commune_b_officer, subject="Giả danh", body="x"
        )
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("subject", "body", "code"),
    [
        ("", "x", "campaigns.subject_required"),
        ("Hỏi", "  ", "campaigns.message_required"),
        ("Hỏi", "x" * 5001, "campaigns.message_too_long"),
    ],
)
def test_feedback_refusals(issued, world, commune_a_officer, subject, body, code):
    with pytest.raises(DomainError) as refused:
        services.raise_feedback(
            issued, unit=world.commune_a, by=commune_a_officer, subject=subject, body=body
        )
    assert refused.value.code == code
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_only_units_the_campaign_reached_may_raise(campaign, issued, world, district_officer):
    with pytest.raises(DomainError) as refused:
        services.raise_feedback(
            issued, unit=world.agency_a1, by=district_officer, subject="Hỏi", body="x"
        )
    assert refused.value.code == "campaigns.not_assigned"
