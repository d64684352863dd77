"""HTML pages: the journeys through forms, leak tests (commune A sees nothing of B), query
counts of every list."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.campaigns import services
from thidua.campaigns.models import Submission
from thidua.campaigns.tests.conftest import (
    ISSUED_AT,
    LATE,
    PDF_BYTES,
    assignment_of,
    pdf_upload,
    vn,
)
from thidua.core.testing import assert_constant_queries


@pytest.fixture
def b_data(issued, world, commune_b_officer):
    """Commune B's submission, results and feedback: what must never reach commune A."""
    plan = assignment_of(issued, world.commune_b)
    submission = services.submit_plan(
        plan, by=commune_b_officer, upload=pdf_upload("bi-mat-tay-son.pdf"), now=LATE
    )
    from thidua.campaigns.tests.test_submissions import figures

    results = services.submit_results(
        assignment_of(issued, world.commune_b, "report_results"),
        by=commune_b_officer,
        figures=figures(),
        now=vn(2025, 3, 20),
    )
    feedback = services.raise_feedback(
        issued,
        unit=world.commune_b,
        by=commune_b_officer,
        subject="Vướng mắc riêng của Tây Sơn",
        body="x",
    )
    return {"plan": plan, "submission": submission, "results": results, "feedback": feedback}


@pytest.mark.django_db
def test_commune_a_gets_404_for_everything_of_commune_b(
    client, issued, world, b_data, commune_a_officer
):
    client.force_login(commune_a_officer)
    urls = [
        reverse("campaigns:assignment-detail", args=[b_data["plan"].pk]),
        reverse("campaigns:submission-download", args=[b_data["submission"].pk]),
        reverse("campaigns:feedback-detail", args=[b_data["feedback"].pk]),
        reverse("campaigns:board", args=[issued.pk]),
        reverse("campaigns:board-export", args=[issued.pk]),
        reverse("campaigns:campaign-edit", args=[issued.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Tây Sơn" not in response.content.decode(errors="ignore"), url
    for url in (
        reverse("campaigns:submission-accept", args=[b_data["submission"].pk]),
        reverse("campaigns:assignment-submit", args=[b_data["plan"].pk]),
        reverse("campaigns:feedback-close", args=[b_data["feedback"].pk]),
    ):
        assert client.post(url).status_code == 404, url
    assert Submission.objects.get(pk=b_data["submission"].pk).status == "submitted"


@pytest.mark.django_db
def test_lists_hold_exactly_commune_as_rows(client, issued, world, b_data, commune_a_officer):
    services.raise_feedback(
        issued, unit=world.commune_a, by=commune_a_officer, subject="Câu hỏi của Đông Hòa", body="x"
    )
    client.force_login(commune_a_officer)
    assignments = client.get(reverse("campaigns:assignment-list")).content.decode()
    assert set(re.findall(r'data-unit="([^"]+)"', assignments)) == {"Xã Đông Hòa"}
    feedback = client.get(reverse("campaigns:feedback-list")).content.decode()
    assert re.findall(r'data-unit="([^"]+)"', feedback) == ["Xã Đông Hòa"]
    assert "Tây Sơn" not in feedback
    campaigns = client.get(reverse("campaigns:campaign-list")).content.decode()
    assert re.findall(r'data-campaign-name="([^"]+)"', campaigns) == [issued.name]
    detail = client.get(reverse("campaigns:campaign-detail", args=[issued.pk])).content.decode()
    assert "Bảng tiến độ" not in detail and "bi-mat-tay-son" not in detail


@pytest.mark.django_db
def test_the_district_sees_both_communes_and_reviews(
    client, issued, world, b_data, district_officer
):
    client.force_login(district_officer)
    page = client.get(reverse("campaigns:assignment-detail", args=[b_data["plan"].pk]))
    html = page.content.decode()
    assert 'data-testid="review-box"' in html and "bi-mat-tay-son.pdf" in html
    download = client.get(reverse("campaigns:submission-download", args=[b_data["submission"].pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="bi-mat-tay-son.pdf"' in download["Content-Disposition"]
    response = client.post(
        reverse("campaigns:submission-return", args=[b_data["submission"].pk]),
        {"reason": "Bổ sung dự toán"},
    )
    assert response.status_code == 302
    b_data["submission"].refresh_from_db()
    assert (b_data["submission"].status, b_data["submission"].review_reason) == (
        "returned",
        "Bổ sung dự toán",
    )


@pytest.mark.django_db
def test_a_commune_submits_through_the_form_and_sees_refusals(
    client, issued, world, commune_a_officer
):
    client.force_login(commune_a_officer)
    plan = assignment_of(issued, world.commune_a)
    url = reverse("campaigns:assignment-submit", args=[plan.pk])
    bad = client.post(url, {"file": SimpleUploadedFile("ke-hoach.pdf", b"not a pdf")})
    assert bad.status_code == 400
    assert "Chỉ nhận tệp PDF hoặc Word (DOCX)" in bad.content.decode()
    good = client.post(
        url,
        {"file": SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES), "document_number": "07/KH-UBND"},
    )
    assert good.status_code == 302
    submission = Submission.objects.get()
    assert (submission.document_number, submission.submitted_by) == (
        "07/KH-UBND",
        commune_a_officer,
    )
    page = client.get(reverse("campaigns:assignment-detail", args=[plan.pk])).content.decode()
    assert 'data-version="1" data-submission-status="submitted"' in page
    assert 'data-testid="submit-box"' not in page  # awaiting review: nothing to send


@pytest.mark.django_db
def test_results_and_feedback_forms(client, issued, world, commune_a_officer, district_officer):
    client.force_login(commune_a_officer)
    results = assignment_of(issued, world.commune_a, "report_results")
    response = client.post(
        reverse("campaigns:assignment-submit", args=[results.pk]),
        {
            "held_on": "2025-03-14",
            "honorees_present": 84,
            "guests_present": 24,
            "leaders_present": 12,
            "women_present": 52,
            "men_present": 68,
            "direct_producers_present": 61,
            "presentations_given": 4,
            "delegates_sent_upward": 6,
            "planned_budget": 25000000,
            "actual_cost": 23800000,
            "awards": "Giấy khen của Chủ tịch UBND xã | 4 | 15",
        },
    )
    assert response.status_code == 302
    report = Submission.objects.get(assignment=results).results
    assert (report.total_present, list(report.awards.values_list("individuals", flat=True))) == (
        120,
        [15],
    )
    create = reverse("campaigns:feedback-create") + f"?campaign={issued.pk}"
    response = client.post(
        create, {"unit": world.commune_a.pk, "subject": "Hỏi mẫu báo cáo", "body": "Xin mẫu"}
    )
    assert response.status_code == 302
    client.force_login(district_officer)
    detail = response["Location"]
    client.post(detail, {"body": "Dùng mẫu trên hệ thống."})
    html = client.get(detail).content.decode()
    assert "Dùng mẫu trên hệ thống." in html and "Đã trả lời" in html


@pytest.mark.django_db
def test_the_district_creates_edits_and_issues_through_pages(
    client, world, district_officer, preset
):
    client.force_login(district_officer)
    response = client.post(
        reverse("campaigns:campaign-create"),
        {"preset": preset.pk, "issuer": world.district.pk, "name": ""},
    )
    assert response.status_code == 302
    from thidua.campaigns.models import Campaign

    campaign = Campaign.objects.get()
    rule = campaign.composition_rules.get(level="district", feature="gender")
    response = client.post(
        reverse("campaigns:composition-rule-edit", args=[campaign.pk, rule.pk]),
        {
            "level": "district",
            "feature": "gender",
            "value": "female",
            "unit": "share",
            "min_value": "35",
            "max_value": "",
            "tolerance": "",
            "label": "đại biểu nữ",
            "legal_basis": "",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert str(rule.min_value) == "0.3500"
    html = client.get(reverse("campaigns:campaign-detail", args=[campaign.pk])).content.decode()
    assert "35%" in html
    client.post(reverse("campaigns:campaign-issue", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == "issued" and campaign.assignments.count() == 6


@pytest.mark.django_db
def test_plan_preview_shows_the_generated_text(client, issued, commune_a_officer):
    client.force_login(commune_a_officer)  # a commune reads the district's plan
    html = client.get(reverse("campaigns:campaign-plan", args=[issued.pk])).content.decode()
    assert (
        "gửi bản Kế hoạch về Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 16/12/2024" in html
    )
    assert "Kim Bảng, ngày ... tháng ... năm 2024" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "campaigns:campaign-list",
        "campaigns:assignment-list",
        "campaigns:feedback-list",
        "notifications:notification-list",
    ],
)
def test_lists_use_a_fixed_number_of_queries(client, world, district_officer, preset, url_name):
    client.force_login(district_officer)
    made = []

    def grow(count):
        for _ in range(count):
            campaign = services.create_campaign(
                preset=preset, issuer=world.district, by=district_officer
            )
            services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
            services.raise_feedback(
                campaign, unit=world.commune_a, by=district_officer, subject="Hỏi", body="x"
            )
            from thidua.notifications.services import notify

            notify([district_officer], title=f"Tin {len(made)}")
            made.append(campaign)

    assert_constant_queries(lambda: client.get(reverse(url_name)), grow)


@pytest.mark.django_db
def test_unit_page_and_home_show_what_the_unit_must_do(client, issued, world, commune_a_officer):
    client.force_login(commune_a_officer)
    home = client.get(reverse("core:home")).content.decode()
    assert 'data-testid="campaign-summary"' in home and "Gửi kế hoạch" in home
    unit = client.get(reverse("units:unit-detail", args=[world.commune_a.pk])).content.decode()
    assert 'data-testid="campaign-summary"' in unit


@pytest.mark.django_db
def test_campaign_page_explains_the_deadline_and_fills_the_wording(
    client, issued, commune_a_officer
):
    client.force_login(commune_a_officer)
    html = client.get(reverse("campaigns:campaign-detail", args=[issued.pk])).content.decode()
    assert (
        'trước ngày 16/12/2024 <span class="text-body-secondary">(hạn cuối: hết ngày '
        "15/12/2024; gửi từ 00:00 16/12/2024 là trễ hạn)</span>"
    ) in html
    assert (
        "gửi bản Kế hoạch về Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 16/12/2024;"
        in html
    )
    assert "{receiver}" not in html and "{deadline}" not in html
    assert 'data-testid="issue-campaign"' not in html  # a commune does not manage it


@pytest.mark.django_db
def test_after_issue_the_level_rule_form_moves_the_window(client, issued, district_officer):
    from thidua.campaigns.forms import LevelRuleForm
    from thidua.campaigns.models import Assignment

    rule = issued.level_rules.get(level="commune")
    data = {k: v for k, v in LevelRuleForm.initial_for(rule).items() if v is not None}
    data["unit_kinds"] = list(reversed(rule.unit_kinds))  # same kinds, another order
    data["holds_conference"] = "on"
    data["window_end"] = "2025-04-30"
    client.force_login(district_officer)
    response = client.post(reverse("campaigns:level-rule-edit", args=[issued.pk, rule.pk]), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    conference = Assignment.objects.filter(campaign=issued, kind="hold_conference").first()
    assert conference.late_from == vn(2025, 5, 1)


@pytest.mark.django_db
def test_admin_lists_campaigns_read_only_and_presets(client, issued, admin_user):
    client.force_login(admin_user)
    campaigns = client.get("/quan-tri/campaigns/campaign/").content.decode()
    assert issued.name in campaigns
    presets = client.get("/quan-tri/campaigns/campaignpreset/").content.decode()
    assert "Kim Bảng 2024 (3 cấp)" in presets and "2 cấp (sau ngày 01/7/2025)" in presets
    change = client.get(f"/quan-tri/campaigns/campaign/{issued.pk}/change/")
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
