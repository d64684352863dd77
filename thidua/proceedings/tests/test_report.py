"""The summary report (R10): the outline as a checklist, text or a validated attachment per
heading, the statistics the system knows, the BC issued through the documents engine; and the
results flow (R16): figures from the conference, sent through the campaigns app's services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Assignment, ResultsReport
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents import services as document_services
from thidua.documents.models import GeneratedDocument
from thidua.proceedings import selectors, services
from thidua.proceedings.models import OutlineSection, ReportSection
from thidua.proceedings.tests.conftest import check_in, guest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _issuer(unit):
    return document_services.create_issuer(
        by=None,
        unit=unit,
        abbreviation="UBND",
        name_lines=("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"),
        place="Đông Hòa",
    )


def test_outline_titles_follow_the_campaign_periods(conference_a):
    rows = selectors.outline_of(conference_a)
    campaign = conference_a.campaign
    assert [r.outline.code for r in rows] == [
        "movements",
        "commendations",
        "leadership",
        "shortcomings",
        "directions",
    ]
    assert rows[0].title.endswith(f"{campaign.review_period_start}-{campaign.review_period_end}")
    assert rows[4].title.endswith(
        f"{campaign.direction_period_start}-{campaign.direction_period_end}"
    )
    assert not any(r.filled for r in rows)


def test_sections_take_text_or_a_checked_file(conference_a, commune_a_officer, settings):
    leadership = OutlineSection.objects.get(code="leadership")
    services.save_report_section(
        conference_a, leadership, by=commune_a_officer, text="Cấp ủy lãnh đạo sát sao."
    )
    shortcomings = OutlineSection.objects.get(code="shortcomings")
    section = services.save_report_section(
        conference_a,
        shortcomings,
        by=commune_a_officer,
        text="",
        upload=SimpleUploadedFile("Hạn chế.pdf", PDF, content_type="application/pdf"),
    )
    assert (section.file_type, section.file_name, section.file_size) == (
        "pdf",
        "Hạn chế.pdf",
        len(PDF),
    )
    rows = {r.outline.code: r for r in selectors.outline_of(conference_a)}
    assert rows["leadership"].filled and rows["shortcomings"].filled
    assert not rows["movements"].filled
    # A file that is not what it claims, or too large: refused, nothing changes.
    with pytest.raises(DomainError) as refused:
        services.save_report_section(
            conference_a,
            shortcomings,
            by=commune_a_officer,
            text="đổi",
            upload=SimpleUploadedFile(
                "virus.pdf", b"MZ\x90\x00binary", content_type="application/pdf"
            ),
        )
    assert refused.value.code == "proceedings.file_type"
    settings.PROCEEDINGS_UPLOAD_MAX_BYTES = 16
    with pytest.raises(DomainError) as refused:
        services.save_report_section(
            conference_a,
            shortcomings,
            by=commune_a_officer,
            text="đổi",
            upload=SimpleUploadedFile("anh.png", PNG, content_type="image/png"),
        )
    assert refused.value.code == "proceedings.file_too_large"
    section.refresh_from_db()
    assert (section.text, section.file_type) == ("", "pdf")
    assert AuditEntry.objects.filter(action="proceedings.report_section.saved").count() == 2
    services.save_report_section(
        conference_a, shortcomings, by=commune_a_officer, text="Viết tay.", remove_file=True
    )
    section.refresh_from_db()
    assert (section.text, bool(section.file), section.file_name) == ("Viết tay.", False, "")


def test_statistics_and_issue_of_the_summary_report(conference_a, commune_a_officer, world):
    from thidua.conferences.tests.conftest import honoree

    honoree(
        world.commune_a,
        "female",
        records=[("giay-khen", 2022), ("ldtt", 2023)],
        works_directly=True,
    )
    honoree(world.commune_a, "male", records=[("giay-khen", 2024)])
    honoree(world.commune_b, "male", records=[("giay-khen", 2024)])  # another commune
    stats = selectors.report_statistics(conference_a)
    assert (stats.honorees, stats.individuals) == (2, 2)
    assert stats.awards.total == 3
    assert dict(stats.awards.by_form)["Giấy khen"] == 2
    assert (stats.awards.direct_workers.count, stats.awards.direct_workers.total) == (2, 3)
    with pytest.raises(DomainError) as refused:
        services.issue_summary_report(conference_a, by=commune_a_officer)
    assert refused.value.code == "proceedings.report_incomplete"
    for section in OutlineSection.objects.all():
        services.save_report_section(
            conference_a, section, by=commune_a_officer, text=f"Nội dung {section.code}."
        )
    with pytest.raises(DomainError) as refused:
        services.issue_summary_report(conference_a, by=commune_a_officer)
    assert refused.value.code == "proceedings.issuer_missing"
    assert not GeneratedDocument.objects.exists()
    _issuer(world.commune_a)
    document = services.issue_summary_report(
        conference_a, by=commune_a_officer, date=dt.date(2025, 2, 25)
    )
    assert (document.kind, document.symbol, document.source_id) == (
        "BC",
        "01/BC-UBND",
        str(conference_a.pk),
    )
    sections = document.spec["blocks"]
    text = str(sections)
    assert "Nội dung leadership." in text
    assert "chiếm 66,7%" in text  # direct workers: 2 of 3 individual awards
    assert list(selectors.summary_documents(conference_a)) == [document]
    assert AuditEntry.objects.filter(action="proceedings.summary_report.issued").exists()


def _report_assignment(conference):
    return Assignment.objects.get(
        campaign=conference.campaign, unit=conference.unit, kind=AssignmentKind.REPORT_RESULTS
    )


def test_results_are_prefilled_from_the_conference_and_sent_through_campaigns(
    conference_a, commune_a_officer
):
    present = [
        guest(conference_a, commune_a_officer, gender="female", direct_producer=True),
        guest(conference_a, commune_a_officer, gender="male"),
        guest(conference_a, commune_a_officer, gender="female", category="leader"),
    ]
    absent = guest(conference_a, commune_a_officer, gender="male")
    for delegate in present:
        check_in(delegate)
    from thidua.conferences.models import Delegate

    Delegate.objects.filter(pk=present[0].pk).update(certified_upward_at=timezone.now())
    line = services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="venue",
        description="Hội trường",
        quantity=1,
        unit_price=2_000_000,
    )
    services.record_actual(line, by=commune_a_officer, actual_amount=1_800_000)
    figures, attendance = selectors.results_figures(conference_a)
    assert absent.pk not in [d.pk for d in present]
    assert (figures.guests_present, figures.leaders_present, figures.honorees_present) == (2, 1, 0)
    assert (figures.women_present, figures.men_present) == (2, 1)
    assert figures.direct_producers_present == 1
    assert figures.delegates_sent_upward == 1
    assert (figures.planned_budget, figures.actual_cost) == (2_000_000, 1_800_000)
    assert figures.held_on == conference_a.held_on
    assert attendance.unknown_gender == 0
    now = timezone.make_aware(dt.datetime(2025, 2, 21, 9, 0))
    submission = services.submit_conference_results(
        conference_a, by=commune_a_officer, figures=figures, note="Đã xem lại.", now=now
    )
    report = ResultsReport.objects.get(submission=submission)
    assert (report.guests_present, report.actual_cost) == (2, 1_800_000)
    assignment = _report_assignment(conference_a)
    assert assignment.state == "submitted"
    hold = Assignment.objects.get(
        campaign=conference_a.campaign, unit=conference_a.unit, kind="hold_conference"
    )
    assert hold.state == "accepted"  # the campaign's service recorded the conference too
    entry = AuditEntry.objects.get(action="proceedings.results.submitted")
    assert entry.data == {"submission": submission.pk, "version": 1, "edited": []}


def test_results_with_another_day_or_bad_figures_write_nothing(conference_a, commune_a_officer):
    import dataclasses

    check_in(guest(conference_a, commune_a_officer, gender="male"))
    figures, _present = selectors.results_figures(conference_a)
    with pytest.raises(DomainError) as refused:
        services.submit_conference_results(
            conference_a,
            by=commune_a_officer,
            figures=dataclasses.replace(figures, held_on=dt.date(2025, 2, 1)),
        )
    assert refused.value.code == "proceedings.held_on_mismatch"
    with pytest.raises(DomainError) as refused:
        services.submit_conference_results(
            conference_a,
            by=commune_a_officer,
            figures=dataclasses.replace(figures, men_present=0),
            now=timezone.make_aware(dt.datetime(2025, 2, 21, 9, 0)),
        )
    assert refused.value.code == "campaigns.gender_total_mismatch"
    assert not ResultsReport.objects.exists()
    assert _report_assignment(conference_a).state == "pending"


def test_the_issuers_own_conference_has_no_results_assignment(campaign, world, district_officer):
    from thidua.conferences import services as conference_services
    from thidua.conferences.tests.conftest import DISTRICT_DAY

    conference = conference_services.create_conference(
        campaign,
        world.district,
        by=district_officer,
        held_on=DISTRICT_DAY,
        session="morning",
        venue="Hội trường huyện",
    )
    assert selectors.results_assignment(conference) is None
    figures, _present = selectors.results_figures(conference)
    with pytest.raises(DomainError) as refused:
        services.submit_conference_results(conference, by=district_officer, figures=figures)
    assert refused.value.code == "proceedings.no_assignment"
    assert not ReportSection.objects.exists()


def test_the_conference_is_recorded_held_through_campaigns(conference_a, commune_a_officer):
    from thidua.campaigns.models import Submission
    from thidua.core.errors import ConflictError

    now = timezone.make_aware(dt.datetime(2025, 2, 21, 9, 0))
    submission = services.record_conference_held(conference_a, by=commune_a_officer, now=now)
    assert submission.held_on == conference_a.held_on
    hold = Assignment.objects.get(
        campaign=conference_a.campaign, unit=conference_a.unit, kind="hold_conference"
    )
    assert hold.state == "accepted"
    with pytest.raises(ConflictError):
        services.record_conference_held(conference_a, by=commune_a_officer, now=now)
    assert Submission.objects.filter(assignment=hold).count() == 1
