"""The workflow's services: happy paths, refusals (codes, nothing written), audit entries."""

from __future__ import annotations

import pytest

from thidua.awards import selectors, services
from thidua.awards.enums import EntryStatus, ItemStatus, SubmissionStatus
from thidua.awards.models import Decision
from thidua.awards.tests.conftest import ON, form, reviewed_proposal
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents.models import GeneratedDocument
from thidua.honorees.models import Recognition

pytestmark = pytest.mark.django_db


def test_giay_khen_decided_by_the_commune_chair_goes_into_the_history_at_once(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen"), ("minh", "giay-khen")])
    assert proposal.minutes.symbol == "01/BB-HĐTĐKT"
    decision = services.decide(proposal, by=w.leader_a, items=list(items.values()), decided_on=ON)
    assert decision.symbol == "01/QĐ-UBND"
    assert decision.office.code == "commune-chair"
    assert list(decision.entries.values_list("honoree__name", "position")) == [
        ("Nguyễn Thị Lan", 1),
        ("Trần Văn Minh", 2),
    ]
    history = Recognition.objects.filter(honoree=w.honorees["lan"], award_form__code="giay-khen")
    assert list(history.values_list("year", "decision_number", "level")) == [
        (2025, "01/QĐ-UBND", "commune")
    ]
    assert {i.status for i in proposal.items.all()} == {ItemStatus.DECIDED}
    assert (
        AuditEntry.objects.filter(
            action="awards.decision.issued", object_id=str(decision.pk)
        ).count()
        == 1
    )


def test_a_commune_chair_cannot_decide_a_bang_khen_it_becomes_a_to_trinh(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("hoa", "bang-khen-tinh")])
    before = (
        Decision.objects.count(),
        GeneratedDocument.objects.count(),
        Recognition.objects.count(),
    )
    with pytest.raises(DomainError) as refused:
        services.decide(proposal, by=w.leader_a, items=[items["hoa"]], decided_on=ON)
    assert refused.value.code == "awards.beyond_authority"
    assert refused.value.details["items"] == [items["hoa"].pk]
    assert (
        Decision.objects.count(),
        GeneratedDocument.objects.count(),
        Recognition.objects.count(),
    ) == before
    submission = services.escalate(proposal, by=w.leader_a, items=[items["hoa"]], submitted_on=ON)
    assert submission.document.symbol == "01/TTr-UBND"
    assert (submission.from_unit, submission.to_unit, submission.holder_unit) == (
        w.world.commune_a,
        w.world.district,
        w.world.province,
    )
    from thidua.units import access

    inbox = selectors.inbox(access.scope_for(w.leader_district), w.world.district)
    assert list(inbox) == [submission]
    # The district cannot decide a province's form: it forwards, then the province decides.
    with pytest.raises(DomainError) as refused:
        services.decide_submission(submission, by=w.leader_district, decided_on=ON)
    assert refused.value.code == "awards.beyond_authority"
    upward = services.forward(submission, by=w.leader_district, on=ON)
    assert (upward.from_unit, upward.to_unit, upward.parent) == (
        w.world.district,
        w.world.province,
        submission,
    )
    decision = services.decide_submission(upward, by=w.leader_province, decided_on=ON)
    assert decision.unit == w.world.province
    submission.refresh_from_db()
    assert (submission.status, submission.decision) == (SubmissionStatus.DECIDED, decision)
    assert Recognition.objects.filter(
        honoree=w.honorees["hoa"], award_form__code="bang-khen-tinh"
    ).exists()


def test_returned_submission_shows_the_reason_down_the_chain(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("hoa", "bang-khen-tinh")])
    submission = services.escalate(proposal, by=w.leader_a, items=[items["hoa"]], submitted_on=ON)
    services.return_submission(submission, by=w.leader_district, reason="Thiếu báo cáo thành tích")
    submission.refresh_from_db()
    items["hoa"].refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert submission.outcome_note == "Trả lại: Thiếu báo cáo thành tích"
    assert (items["hoa"].status, items["hoa"].return_reason) == (
        ItemStatus.RETURNED,
        "Thiếu báo cáo thành tích",
    )


def test_revocation_keeps_the_entry_and_removes_the_active_recognition(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen")])
    decision = services.decide(proposal, by=w.leader_a, items=[items["lan"]], decided_on=ON)
    entry = decision.entries.get()
    revocation = services.revoke_entry(
        entry, by=w.leader_a, reason="Kê khai không trung thực", revoked_on=ON
    )
    entry.refresh_from_db()
    assert (entry.status, entry.recognition, revocation.reason) == (
        EntryStatus.REVOKED,
        None,
        "Kê khai không trung thực",
    )
    assert not Recognition.objects.filter(
        honoree=w.honorees["lan"], award_form__code="giay-khen"
    ).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"awards.entry.revoked", "honorees.recognition.removed"} <= actions
    with pytest.raises(DomainError) as refused:
        services.revoke_entry(entry, by=w.leader_a, reason="again")
    assert refused.value.code == "awards.already_revoked"


def test_one_achievement_one_form_blocks_a_second_proposal(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen")])
    services.decide(proposal, by=w.leader_a, items=[items["lan"]], decided_on=ON)
    second = services.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Lần hai",
        period_start=2020,
        period_end=2025,
    )
    item = services.add_candidate(
        second,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("bang-khen-tinh"),
        achievement="Cùng thành tích",
    )
    assert item.has_block
    finding = next(f for f in item.findings if f["code"] == "one_achievement_one_form")
    assert finding["passed"] is False and "01/QĐ-UBND" in finding["params"]["references"]
    # Another period is another achievement.
    third = services.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Năm 2024",
        period_start=2024,
        period_end=2024,
    )
    other = services.add_candidate(
        third,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="Thành tích năm 2024",
    )
    assert not other.has_block
