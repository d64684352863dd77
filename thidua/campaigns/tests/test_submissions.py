"""Submissions and review: uploads checked by content, lateness, allowed moves only (refusals
by code, nothing written), the whole history kept, results figures."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns import services
from thidua.campaigns.models import Assignment, Submission
from thidua.campaigns.results import AwardLine, ResultsFigures
from thidua.campaigns.tests.conftest import (
    LATE,
    ON_TIME,
    PDF_BYTES,
    assignment_of,
    docx_bytes,
    pdf_upload,
    vn,
)
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.notifications.models import Notification


def codes(action):
    return list(AuditEntry.objects.filter(action=action).values_list("data", flat=True))


@pytest.mark.django_db
def test_submit_plan_stores_the_file_and_tells_the_issuer(
    issued, world, commune_a_officer, district_officer
):
    plan = assignment_of(issued, world.commune_a)
    submission = services.submit_plan(
        plan,
        by=commune_a_officer,
        upload=pdf_upload("../../Kế hoạch xã.PDF"),
        document_number="12/KH-UBND",
        document_date=dt.date(2024, 12, 9),
        now=ON_TIME,
    )
    assert (submission.version, submission.status, submission.is_late) == (1, "submitted", False)
    assert (submission.file_type, submission.file_name, submission.file_size) == (
        "pdf",
        "Kế hoạch xã.pdf",
        len(PDF_BYTES),
    )
    assert submission.file.name.startswith(f"campaigns/{issued.pk}/")
    assert ".." not in submission.file.name and "xã" not in submission.file.name
    with submission.file.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    plan.refresh_from_db()
    assert (plan.state, plan.first_submitted_at, plan.submitted_late) == (
        "submitted",
        ON_TIME,
        False,
    )
    assert codes("campaigns.submission.submitted") == [
        {"kind": "submit_plan", "version": 1, "late": False}
    ]
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["district"]


@pytest.mark.django_db
def test_a_docx_is_accepted_by_its_content(issued, world, commune_a_officer):
    upload = SimpleUploadedFile("ke-hoach.bin", docx_bytes(), content_type="text/plain")
    submission = services.submit_plan(
        assignment_of(issued, world.commune_a), by=commune_a_officer, upload=upload, now=ON_TIME
    )
    assert (submission.file_type, submission.file_name) == ("docx", "ke-hoach.docx")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("ke-hoach.pdf", b"MZ\x90\x00 this is an exe", "campaigns.file_type"),
        ("ke-hoach.pdf", b"<html>%PDF-</html>", "campaigns.file_type"),
        ("ke-hoach.docx", b"PK\x03\x04 broken zip", "campaigns.file_type"),
        ("ke-hoach.docx", docx_bytes({"word/vbaProject.bin": b"macro"}), "campaigns.file_type"),
        ("ke-hoach.pdf", b"", "campaigns.file_empty"),
    ],
)
def test_files_that_are_not_pdf_or_docx_are_refused(
    issued, world, commune_a_officer, name, data, code
):
    plan = assignment_of(issued, world.commune_a)
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            plan, by=commune_a_officer, upload=SimpleUploadedFile(name, data), now=ON_TIME
        )
    assert refused.value.code == code
    assert not Submission.objects.exists()
    plan.refresh_from_db()
    assert plan.state == "pending"


@pytest.mark.django_db
def test_files_over_the_size_limit_are_refused(issued, world, commune_a_officer, settings):
    settings.CAMPAIGNS_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            assignment_of(issued, world.commune_a),
            by=commune_a_officer,
            upload=pdf_upload(data=PDF_BYTES + b"0" * 1024),
            now=ON_TIME,
        )
    assert refused.value.code == "campaigns.file_too_large"
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_a_plan_needs_a_file(issued, world, commune_a_officer):
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            assignment_of(issued, world.commune_a), by=commune_a_officer, now=ON_TIME
        )
    assert refused.value.code == "campaigns.file_required"


@pytest.mark.django_db
def test_late_submission_return_and_resubmission_keep_the_whole_history(
    issued, world, commune_a_officer, district_officer
):
    plan = assignment_of(issued, world.commune_a)
    first = services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=LATE)
    assert first.is_late
    returned = services.return_submission(
        first, by=district_officer, reason="Thiếu dự toán kinh phí.", now=LATE
    )
    assert (returned.status, returned.review_reason, returned.reviewed_by) == (
        "returned",
        "Thiếu dự toán kinh phí.",
        district_officer,
    )
    plan.refresh_from_db()
    assert plan.state == "returned"
    second = services.submit_plan(
        plan, by=commune_a_officer, upload=pdf_upload("v2.pdf"), now=vn(2024, 12, 20)
    )
    accepted = services.accept_submission(second, by=district_officer, now=vn(2024, 12, 21))
    assert accepted.status == "accepted"
    plan.refresh_from_db()
    assert (plan.state, plan.submitted_late, plan.accepted_at) == (
        "accepted",
        True,
        vn(2024, 12, 21),
    )
    history = list(
        plan.submissions.order_by("version").values_list("version", "status", "file_name")
    )
    assert history == [(1, "returned", "ke-hoach.pdf"), (2, "accepted", "v2.pdf")]
    assert list(
        AuditEntry.objects.filter(action__startswith="campaigns.submission")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "campaigns.submission.submitted",
        "campaigns.submission.returned",
        "campaigns.submission.submitted",
        "campaigns.submission.accepted",
    ]
    # The commune's organizer was told of the return and of the acceptance.
    assert list(
        Notification.objects.filter(recipient=commune_a_officer)
        .order_by("pk")
        .values_list("title", flat=True)
    ) == ["Gửi kế hoạch bị trả lại", "Gửi kế hoạch đã được chấp nhận"]


@pytest.mark.django_db
def test_only_the_allowed_moves_happen_and_refusals_write_nothing(
    issued, world, commune_a_officer, district_officer
):
    plan = assignment_of(issued, world.commune_a)
    first = services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME)
    refusals = []
    before = AuditEntry.objects.count()
    for attempt in (
        lambda: services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME),
        lambda: services.return_submission(first, by=district_officer, reason="  ", now=ON_TIME),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        refusals.append(refused.value.code)
    services.accept_submission(first, by=district_officer, now=ON_TIME)
    for attempt in (
        lambda: services.accept_submission(first, by=district_officer, now=ON_TIME),
        lambda: services.return_submission(first, by=district_officer, reason="x", now=ON_TIME),
        lambda: services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        refusals.append(refused.value.code)
    assert refusals == [
        "campaigns.awaiting_review",
        "campaigns.reason_required",
        "campaigns.already_accepted",
        "campaigns.already_accepted",
        "campaigns.already_accepted",
    ]
    assert AuditEntry.objects.count() == before + 1  # only the acceptance
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_an_older_version_cannot_be_reviewed(issued, world, commune_a_officer, district_officer):
    plan = assignment_of(issued, world.commune_a)
    first = services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME)
    services.return_submission(first, by=district_officer, reason="Bổ sung", now=ON_TIME)
    services.submit_plan(plan, by=commune_a_officer, upload=pdf_upload(), now=ON_TIME)
    with pytest.raises(DomainError) as refused:
        services.accept_submission(first, by=district_officer, now=ON_TIME)
    assert refused.value.code == "campaigns.stale_submission"


@pytest.mark.django_db
def test_a_commune_cannot_review_its_own_plan(issued, world, commune_a_officer):
    from django.http import Http404

    first = services.submit_plan(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        upload=pdf_upload(),
        now=ON_TIME,
    )
    with pytest.raises(Http404):
        services.accept_submission(first, by=commune_a_officer, now=ON_TIME)
    first.refresh_from_db()
    assert first.status == "submitted"


@pytest.mark.django_db
def test_commune_b_cannot_submit_for_commune_a(issued, world, commune_b_officer):
    from django.http import Http404

    with pytest.raises(Http404):
        services.submit_plan(
            assignment_of(issued, world.commune_a),
            by=commune_b_officer,
            upload=pdf_upload(),
            now=ON_TIME,
        )
    assert not Submission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("held_on", "now", "outcome"),
    [
        (dt.date(2025, 3, 14), vn(2025, 3, 14, 17), ("accepted", False)),
        (dt.date(2025, 3, 31), vn(2025, 4, 2), ("accepted", False)),
        (dt.date(2025, 4, 1), vn(2025, 4, 2), ("accepted", True)),
        (dt.date(2024, 12, 31), vn(2025, 1, 2), "campaigns.before_window"),
        (dt.date(2025, 3, 20), vn(2025, 3, 19), "campaigns.held_in_future"),
    ],
)
def test_recording_the_conference(issued, world, commune_a_officer, held_on, now, outcome):
    conference = assignment_of(issued, world.commune_a, "hold_conference")
    if isinstance(outcome, str):
        with pytest.raises(DomainError) as refused:
            services.record_conference(conference, by=commune_a_officer, held_on=held_on, now=now)
        assert refused.value.code == outcome
        assert not Submission.objects.exists()
        return
    submission = services.record_conference(
        conference, by=commune_a_officer, held_on=held_on, now=now
    )
    conference.refresh_from_db()
    assert (conference.state, conference.submitted_late) == outcome
    assert (submission.held_on, submission.status, submission.reviewed_by) == (
        held_on,
        "accepted",
        None,
    )


def figures(**changes):
    values = dict(
        held_on=dt.date(2025, 3, 14),
        honorees_present=140,
        guests_present=42,
        leaders_present=18,
        women_present=86,
        men_present=114,
        direct_producers_present=92,
        presentations_given=6,
        delegates_sent_upward=12,
        planned_budget=45_000_000,
        actual_cost=41_350_000,
        awards=(AwardLine("Giấy khen của Chủ tịch UBND xã", 6, 24),),
    )
    values.update(changes)
    return ResultsFigures(**values)


@pytest.mark.django_db
def test_results_report_stores_the_figures_and_records_the_conference(
    issued, world, commune_a_officer
):
    results = assignment_of(issued, world.commune_a, "report_results")
    submission = services.submit_results(
        results, by=commune_a_officer, figures=figures(), now=vn(2025, 3, 20)
    )
    report = submission.results
    assert (report.total_present, report.women_present, report.actual_cost) == (200, 86, 41_350_000)
    assert list(report.awards.values_list("form", "collectives", "individuals")) == [
        ("Giấy khen của Chủ tịch UBND xã", 6, 24)
    ]
    conference = assignment_of(issued, world.commune_a, "hold_conference")
    assert (conference.state, conference.submissions.get().held_on) == (
        "accepted",
        dt.date(2025, 3, 14),
    )
    results.refresh_from_db()
    assert (results.state, results.submitted_late) == ("submitted", False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"women_present": 80}, "campaigns.gender_total_mismatch"),
        (
            {"direct_producers_present": 201, "honorees_present": 140},
            "campaigns.direct_producers_exceed_total",
        ),
        (
            {"awards": (AwardLine("Giấy khen"), AwardLine("Giấy khen"))},
            "campaigns.award_forms_invalid",
        ),
        ({"awards": (AwardLine(" "),)}, "campaigns.award_forms_invalid"),
        ({"held_on": dt.date(2024, 12, 1)}, "campaigns.before_window"),
    ],
)
def test_results_refusals(issued, world, commune_a_officer, changes, code):
    results = assignment_of(issued, world.commune_a, "report_results")
    with pytest.raises(DomainError) as refused:
        services.submit_results(
            results, by=commune_a_officer, figures=figures(**changes), now=vn(2025, 3, 20)
        )
    assert refused.value.code == code
    assert not Submission.objects.exists()
    assert Assignment.objects.filter(state="pending").count() == 6


@pytest.mark.django_db
def test_assignments_of_a_draft_campaign_do_not_exist_and_of_a_closed_one_refuse(
    issued, world, commune_a_officer
):
    from thidua.campaigns.models import Campaign

    Campaign.objects.filter(pk=issued.pk).update(status="closed")
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            assignment_of(issued, world.commune_a),
            by=commune_a_officer,
            upload=pdf_upload(),
            now=ON_TIME,
        )
    assert refused.value.code == "campaigns.not_open"
