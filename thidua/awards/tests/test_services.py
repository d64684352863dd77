"""The workflow's services: happy paths, refusals (codes, nothing written), audit entries."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.awards import selectors, services
from thidua.awards.enums import EntryStatus, ItemStatus, ProposalStatus, SubmissionStatus
from thidua.awards.models import Decision, Proposal, Submission
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


def _draft(w, title="Đề nghị"):
    return services.create_proposal(
        by=w.organizer_a, unit=w.world.commune_a, title=title, period_start=2020, period_end=2025
    )


def test_refusals_of_proposals_write_nothing(awards_world):
    w = awards_world
    with pytest.raises(DomainError) as refused:
        services.create_proposal(
            by=w.organizer_a, unit=w.world.commune_a, title=" ", period_start=2020, period_end=2025
        )
    assert refused.value.code == "awards.title_required"
    with pytest.raises(DomainError) as refused:
        services.create_proposal(
            by=w.organizer_a, unit=w.world.commune_a, title="x", period_start=2025, period_end=2020
        )
    assert refused.value.code == "awards.bad_period"
    proposal = _draft(w)
    with pytest.raises(DomainError) as refused:
        services.add_candidate(
            proposal,
            by=w.organizer_a,
            honoree=w.honoree_b,
            award_form=form("giay-khen"),
            achievement="x",
        )
    assert refused.value.code == "awards.honoree_outside_unit"
    services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    with pytest.raises(DomainError) as refused:
        services.add_candidate(
            proposal,
            by=w.organizer_a,
            honoree=w.honorees["lan"],
            award_form=form("ldtt"),
            achievement="x",
        )
    assert refused.value.code == "awards.duplicate_candidate"
    with pytest.raises(DomainError) as refused:
        services.submit_for_review(_draft(w, "Trống"), by=w.organizer_a)
    assert refused.value.code == "awards.proposal_empty"
    assert proposal.items.count() == 1


def test_evidence_is_checked_by_type_and_size(awards_world, settings):
    w = awards_world
    proposal = _draft(w)
    item = services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    evidence = services.attach_evidence(
        item, by=w.front_a, name="bao-cao.pdf", data=b"%PDF-1.7 report"
    )
    assert (evidence.content_type, evidence.size, evidence.original_name) == (
        "application/pdf",
        15,
        "bao-cao.pdf",
    )
    assert evidence.file.name.startswith("awards/evidence/") and "bao-cao" not in evidence.file.name
    with pytest.raises(DomainError) as refused:
        services.attach_evidence(item, by=w.front_a, name="hinh.pdf", data=b"MZ\x90binary")
    assert refused.value.code == "awards.evidence_type"
    settings.AWARDS_EVIDENCE_MAX_BYTES = 10
    with pytest.raises(DomainError) as refused:
        services.attach_evidence(item, by=w.front_a, name="to.pdf", data=b"%PDF-" + b"x" * 20)
    assert refused.value.code == "awards.evidence_too_large"
    assert item.evidence.count() == 1


def test_front_proposals_are_assembled_by_the_organizer(awards_world):
    w = awards_world
    front = services.create_proposal(
        by=w.front_a,
        unit=w.world.commune_a,
        title="Đề nghị của Mặt trận",
        period_start=2020,
        period_end=2025,
        origin="Ủy ban MTTQ xã",
    )
    services.add_candidate(
        front,
        by=w.front_a,
        honoree=w.honorees["minh"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    main = _draft(w, "Tổng hợp")
    services.add_candidate(
        main,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    services.merge_proposals(main, [front], by=w.organizer_a)
    front.refresh_from_db()
    assert (front.status, front.merged_into) == (ProposalStatus.MERGED, main)
    assert list(main.items.values_list("honoree__name", flat=True)) == [
        "Nguyễn Thị Lan",
        "Trần Văn Minh",
    ]


def test_council_vote_threshold_and_blocks(awards_world):
    w = awards_world
    proposal = _draft(w)
    lan = services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    minh = services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["minh"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    group = services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["group"],
        award_form=form("cstdcs"),
        achievement="x",
    )
    assert group.has_block  # an individual title for a collective: the law is clear
    services.submit_for_review(proposal, by=w.organizer_a)
    for member, opinion in (
        (w.council_a, "agree"),
        (w.council_a2, "agree"),
        (w.council_a3, "disagree"),
    ):
        services.record_opinion(lan, by=member, opinion=opinion)
        services.record_opinion(
            minh, by=member, opinion="agree" if member == w.council_a else "disagree"
        )
        services.record_opinion(group, by=member, opinion="agree")
    with pytest.raises(DomainError) as refused:
        services.close_review(proposal, by=w.council_a, held_on=ON, members_present=2)
    assert refused.value.code == "awards.bad_tally"  # 3 opinions, 2 present
    services.close_review(proposal, by=w.council_a, held_on=ON, members_present=3)
    statuses = dict(proposal.items.values_list("honoree__name", "status"))
    assert statuses == {
        "Nguyễn Thị Lan": ItemStatus.APPROVED,  # 2 of 3: more than half
        "Trần Văn Minh": ItemStatus.REJECTED,  # 1 of 3
        "Tổ sản xuất số 1": ItemStatus.REJECTED,  # 3 of 3 but blocked
    }
    proposal.refresh_from_db()
    assert proposal.minutes.kind == "BB" and proposal.minutes.issuer.abbreviation == "HĐTĐKT"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(proposal.minutes.pdf.open("rb")).pages)
    assert "BIÊN BẢN" in text and "Nguyễn Thị Lan" in text and "2/3" in text


def test_review_needs_the_council_issuer(awards_world):
    w = awards_world
    w.issuers["a_council"].is_active = False
    w.issuers["a_council"].save(update_fields=["is_active"])
    proposal = _draft(w)
    services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )
    services.submit_for_review(proposal, by=w.organizer_a)
    with pytest.raises(DomainError) as refused:
        services.close_review(proposal, by=w.council_a, held_on=ON, members_present=3)
    assert refused.value.code == "awards.council_issuer_missing"
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW


def test_decide_refuses_rejected_candidates_and_future_dates(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(
        w, [("lan", "giay-khen"), ("minh", "giay-khen")], approve={"minh": False}
    )
    with pytest.raises(DomainError) as refused:
        services.decide(proposal, by=w.leader_a, items=[items["minh"]], decided_on=ON)
    assert refused.value.code == "awards.item_not_approved"
    with pytest.raises(DomainError) as refused:
        services.decide(
            proposal, by=w.leader_a, items=[items["lan"]], decided_on=dt.date(2099, 1, 1)
        )
    assert refused.value.code == "awards.future_date"
    with pytest.raises(DomainError) as refused:
        services.escalate(proposal, by=w.leader_a, items=[items["lan"]], submitted_on=ON)
    assert refused.value.code == "awards.within_authority"
    assert Decision.objects.count() == 0 and Submission.objects.count() == 0


def test_decision_numbers_follow_the_registry(awards_world):
    w = awards_world
    symbols = []
    for key in ("lan", "minh"):
        proposal, items = reviewed_proposal(w, [(key, "giay-khen")])
        symbols.append(
            services.decide(proposal, by=w.leader_a, items=[items[key]], decided_on=ON).symbol
        )
    assert symbols == ["01/QĐ-UBND", "02/QĐ-UBND"]
    assert list(
        Proposal.objects.exclude(minutes=None)
        .values_list("minutes__symbol", flat=True)
        .order_by("minutes__serial")
    ) == [
        "01/BB-HĐTĐKT",
        "02/BB-HĐTĐKT",
    ]


def test_decision_document_carries_the_annexed_list_and_bonus(awards_world):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen"), ("group", "giay-khen")])
    decision = services.decide(
        proposal, by=w.leader_a, items=list(items.values()), decided_on=ON, deputy=True
    )
    from pypdf import PdfReader

    text = "".join(
        page.extract_text() for page in PdfReader(decision.document.pdf.open("rb")).pages
    )
    assert "QUYẾT ĐỊNH" in text and "Về việc tặng Giấy khen" in text
    assert "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG" in text and "Tổ sản xuất số 1" in text
    assert "0,3 lần mức lương cơ sở = 702.000 đồng" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert decision.signer_title == "PHÓ CHỦ TỊCH"


def test_after_the_reform_a_commune_submits_straight_to_the_province(awards_world, settings):
    w = awards_world
    after = dt.date(2025, 7, 2)
    proposal, items = reviewed_proposal(w, [("hoa", "bang-khen-tinh")], held_on=after)
    submission = services.escalate(
        proposal, by=w.leader_a, items=[items["hoa"]], submitted_on=after
    )
    assert (submission.to_unit, submission.holder_unit) == (w.world.province, w.world.province)


def test_printing_certificates_full_and_onto_blanks(
    awards_world, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from pypdf import PdfReader

    from thidua.awards.models import BlankField, BlankLayout
    from thidua.documents.models import DocumentBatch

    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen"), ("group", "giay-khen")])
    decision = services.decide(proposal, by=w.leader_a, items=list(items.values()), decided_on=ON)
    with pytest.raises(DomainError) as refused:
        services.print_certificates(decision, by=w.organizer_a, mode="blank")
    assert refused.value.code == "awards.blank_layout_missing"
    layout = BlankLayout.objects.create(issuer=w.issuers["a"], award_form=form("giay-khen"))
    for field, y in (("name", 90), ("decision", 170)):
        BlankField.objects.create(
            layout=layout, field=field, x_mm=Decimal(40), y_mm=Decimal(y), width_mm=Decimal(200)
        )
    with django_capture_on_commit_callbacks(execute=True):
        full = services.print_certificates(decision, by=w.organizer_a, mode="full")
        blank = services.print_certificates(decision, by=w.organizer_a, mode="blank")
    # The test settings run tasks inline (on commit): both batches are rendered already.
    full.refresh_from_db()
    blank.refresh_from_db()
    assert (full.status, full.pages, blank.status, blank.pages) == ("done", 2, "done", 2)
    full_text = PdfReader(full.pdf.open("rb")).pages[0].extract_text()
    assert "GIẤY KHEN" in full_text and "Bà Nguyễn Thị Lan" in full_text
    blank_page = PdfReader(blank.pdf.open("rb")).pages[1].extract_text()
    assert blank_page.split("\n") == [
        "Tổ sản xuất số 1",
        "Quyết định số 01/QĐ-UBND ngày 20/03/2025",
    ]
    assert DocumentBatch.objects.count() == 2
    assert AuditEntry.objects.filter(action="awards.certificates.printed").count() == 2


def test_a_conference_attaches_proposals_through_the_generic_link(awards_world):
    from thidua.honorees.models import Movement
    from thidua.units import access

    w = awards_world
    host = Movement.objects.first()  # any model instance stands for a conference here
    attached = services.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Tại hội nghị",
        period_start=2020,
        period_end=2025,
        source=host,
    )
    services.create_proposal(
        by=w.organizer_a, unit=w.world.commune_a, title="Riêng", period_start=2020, period_end=2025
    )
    scope_a = access.scope_for(w.organizer_a)
    assert list(selectors.proposals_for_source(scope_a, host)) == [attached]
    assert attached.source == host
    assert list(selectors.proposals_for_source(access.scope_for(w.organizer_b), host)) == []
