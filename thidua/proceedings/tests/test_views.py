"""The pages: what they show, the htmx actual amount, the printed estimate (money in words
through the documents engine), the results form; leak tests (commune B gets 404) and query
counts."""

from __future__ import annotations

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import PASSWORD
from thidua.awards.models import AwardForm
from thidua.core.testing import assert_constant_queries
from thidua.proceedings import services
from thidua.proceedings.models import BudgetLine, OutlineSection, SideActivity
from thidua.proceedings.tests.conftest import check_in, guest

HTMX = {"HTTP_HX_REQUEST": "true"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def _line(conference, by, price=2_340_000, category="venue"):
    return services.add_budget_line(
        conference,
        by=by,
        category=category,
        description="Hội trường",
        quantity=1,
        unit_price=price,
    )


def test_budget_page_adds_lines_and_prints_the_estimate(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    url = reverse("proceedings:budget", args=[conference_a.pk])
    response = client.post(
        url,
        {
            "line-category": "venue",
            "line-description": "Thuê hội trường",
            "line-quantity": "1",
            "line-unit_price": "2340000",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("proceedings:bonus-add", args=[conference_a.pk]),
        {
            "bonus-award_form": AwardForm.objects.get(code="giay-khen").pk,
            "bonus-collective": "0",
            "bonus-quantity": "2",
        },
    )
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert 'data-testid="total-planned">3.760.000<' in body  # 2.340.000 + 2 × 710.000
    assert "Ba triệu bảy trăm sáu mươi nghìn đồng" in body
    assert "Mức lương cơ sở áp dụng: 2.340.000 đồng" in body
    pdf = client.get(reverse("proceedings:estimate-pdf", args=[conference_a.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "DỰ TOÁN KINH PHÍ" in text
    assert "Bằng chữ: Ba triệu bảy trăm sáu mươi nghìn đồng." in text
    assert "3.760.000" in text


def test_bad_line_is_refused_on_the_form(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    response = client.post(
        reverse("proceedings:budget", args=[conference_a.pk]),
        {
            "line-category": "venue",
            "line-description": "  ",
            "line-quantity": "1",
            "line-unit_price": "5",
        },
    )
    assert response.status_code == 400
    assert not BudgetLine.objects.exists()


def test_actual_amount_by_htmx_returns_the_table(client, conference_a, commune_a_officer):
    line = _line(conference_a, commune_a_officer)
    _login(client, commune_a_officer)
    url = reverse("proceedings:actual-record", args=[line.pk])
    response = client.post(url, {"actual_amount": "2500000"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="budget-table"')
    assert 'data-testid="total-actual">2.500.000<' in body
    assert 'data-testid="total-variance">160.000 (6,8%)<' in body
    line.refresh_from_db()
    assert line.actual_amount == 2_500_000
    response = client.post(url, {"actual_amount": "-5"}, **HTMX)
    assert "Số tiền thực chi phải là số nguyên không âm." in response.content.decode()
    line.refresh_from_db()
    assert line.actual_amount == 2_500_000


def test_results_page_is_prefilled_and_submits(client, conference_a, commune_a_officer):
    check_in(guest(conference_a, commune_a_officer, gender="female"))
    guest(conference_a, commune_a_officer, gender="male")  # not present
    _login(client, commune_a_officer)
    url = reverse("proceedings:results", args=[conference_a.pk])
    body = client.get(url).content.decode()
    assert 'name="guests_present" value="1"' in body
    assert 'name="women_present" value="1"' in body
    assert 'name="men_present" value="0"' in body
    data = {
        "held_on": conference_a.held_on.isoformat(),
        "honorees_present": "0",
        "guests_present": "1",
        "leaders_present": "0",
        "women_present": "1",
        "men_present": "0",
        "direct_producers_present": "0",
        "presentations_given": "0",
        "delegates_sent_upward": "0",
        "planned_budget": "0",
        "actual_cost": "0",
        "awards": "",
        "note": "",
    }
    response = client.post(url, data | {"men_present": "1"})
    assert response.status_code == 400
    assert "Tổng số đại biểu nam và nữ" in response.content.decode()
    response = client.post(url, data)
    assert response.status_code == 302
    assert (
        conference_a.campaign.assignments.get(unit=conference_a.unit, kind="report_results").state
        == "submitted"
    )


def test_report_page_saves_a_section_with_a_file(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    section = OutlineSection.objects.get(code="leadership")
    url = reverse("proceedings:section-save", args=[conference_a.pk, section.pk])
    prefix = f"s{section.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-text": "Lãnh đạo sát sao.",
            f"{prefix}-upload": SimpleUploadedFile("bao-cao.pdf", PDF),
        },
    )
    assert response.status_code == 302
    body = client.get(reverse("proceedings:report", args=[conference_a.pk])).content.decode()
    assert 'data-code="leadership" data-filled="true"' in body
    assert "Đã có nội dung 1/5 đề mục." in body
    written = conference_a.report_sections.get()
    download = client.get(reverse("proceedings:attachment", args=[written.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    response = client.post(
        url, {f"{prefix}-text": "x", f"{prefix}-upload": SimpleUploadedFile("a.pdf", b"nope")}
    )
    assert response.status_code == 400
    assert "Chỉ nhận tệp PDF, Word (DOCX) hoặc ảnh JPEG, PNG" in response.content.decode()


def _everything(conference, by):
    line = _line(conference, by)
    delegate = guest(conference, by, name="Đại biểu bí mật")
    item = conference.agenda_items.get(position=3)
    presentation = services.add_presentation(
        conference,
        by=by,
        agenda_item=item,
        delegate=delegate,
        title="Tham luận bí mật",
        minutes=5,
    )
    activity = services.add_side_activity(
        conference, by=by, kind="media", title="Giao lưu bí mật", held_on=conference.held_on
    )
    section = services.save_report_section(
        conference,
        OutlineSection.objects.get(code="leadership"),
        by=by,
        text="Bí mật",
        upload=SimpleUploadedFile("x.pdf", PDF),
    )
    return line, presentation, activity, section


def test_commune_b_gets_404_everywhere(client, conference_a, commune_a_officer, commune_b_officer):
    line, presentation, activity, section = _everything(conference_a, commune_a_officer)
    _login(client, commune_b_officer)
    pk = conference_a.pk
    for name in (
        "budget",
        "estimate-pdf",
        "presentations",
        "activities",
        "report",
        "report-preview",
        "results",
    ):
        assert client.get(reverse(f"proceedings:{name}", args=[pk])).status_code == 404, name
    for name, args in (
        ("bonus-add", [pk]),
        ("actual-record", [line.pk]),
        ("line-delete", [line.pk]),
        ("presentation-delete", [presentation.pk]),
        ("activity-delete", [activity.pk]),
        ("section-save", [pk, section.outline_id]),
        ("report-issue", [pk]),
        ("held-record", [pk]),
    ):
        assert client.post(reverse(f"proceedings:{name}", args=args), {}).status_code == 404, name
    assert client.get(reverse("proceedings:attachment", args=[section.pk])).status_code == 404
    assert BudgetLine.objects.filter(pk=line.pk, actual_amount=None).exists()
    assert SideActivity.objects.filter(pk=activity.pk).exists()


def test_a_viewer_reads_but_cannot_change(client, conference_a, commune_a_officer, viewer_a):
    line, _p, _a, _s = _everything(conference_a, commune_a_officer)
    _login(client, viewer_a)
    body = client.get(reverse("proceedings:budget", args=[conference_a.pk])).content.decode()
    assert "Hội trường" in body and 'data-testid="line-form"' not in body
    response = client.post(
        reverse("proceedings:actual-record", args=[line.pk]), {"actual_amount": "1"}
    )
    assert response.status_code == 403
    line.refresh_from_db()
    assert line.actual_amount is None


def test_the_conference_page_links_the_proceedings(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    body = client.get(reverse("conferences:conference-detail", args=[conference_a.pk])).content
    assert reverse("proceedings:budget", args=[conference_a.pk]).encode() in body


@pytest.mark.parametrize("name", ["budget", "presentations", "activities", "report", "results"])
def test_pages_run_a_constant_number_of_queries(client, conference_a, commune_a_officer, name):
    _login(client, commune_a_officer)
    url = reverse(f"proceedings:{name}", args=[conference_a.pk])
    item = conference_a.agenda_items.get(position=3)
    giay_khen = AwardForm.objects.get(code="giay-khen")
    sections = list(OutlineSection.objects.order_by("order"))

    def grow(n):
        for _ in range(n):
            index = BudgetLine.objects.count()
            _line(
                conference_a, commune_a_officer, category=("venue", "printing", "other")[index % 3]
            )
            services.add_bonus_line(
                conference_a,
                by=commune_a_officer,
                award_form=giay_khen,
                collective=False,
                quantity=1,
            )
            delegate = guest(conference_a, commune_a_officer)
            check_in(delegate)
            services.add_presentation(
                conference_a,
                by=commune_a_officer,
                agenda_item=item,
                delegate=delegate,
                title="Tham luận",
                minutes=3,
            )
            services.add_side_activity(
                conference_a,
                by=commune_a_officer,
                kind="media",
                title="Giao lưu",
                held_on=conference_a.held_on,
            )
            services.save_report_section(
                conference_a, sections[index % len(sections)], by=commune_a_officer, text="x"
            )

    assert_constant_queries(lambda: client.get(url), grow)


def _api(client, user):
    _login(client, user)
    return client


def test_api_budget_presentations_and_activities(
    client, conference_a, commune_a_officer, commune_b_officer
):
    api = _api(client, commune_a_officer)
    url = f"/api/v1/conferences/{conference_a.pk}/budget/"
    response = api.post(
        url,
        {
            "category": "printing",
            "description": "In giấy mời",
            "quantity": 100,
            "unit_price": 3_000,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    response = api.post(
        url + "bonuses/",
        {"award_form": "giay-khen", "collective": True, "quantity": 2},
        content_type="application/json",
    )
    body = response.json()
    assert body["totals"] == {
        "planned": 3_120_000,
        "actual": 0,
        "variance": -3_120_000,
        "in_words": "Ba triệu một trăm hai mươi nghìn đồng",
    }
    line = body["lines"][0]["id"]
    response = api.patch(
        f"/api/v1/budget-lines/{line}/",
        {"actual_amount": 280_000},
        content_type="application/json",
    )
    assert response.json()["variance"] == -20_000
    response = api.post(
        url,
        {"category": "bonuses", "description": "x", "quantity": 1, "unit_price": 1},
        content_type="application/json",
    )
    assert response.status_code == 400
    delegate = guest(conference_a, commune_a_officer)
    item = conference_a.agenda_items.get(position=3)
    response = api.post(
        f"/api/v1/conferences/{conference_a.pk}/presentations/",
        {"agenda_item": item.pk, "delegate": delegate.pk, "title": "Tham luận", "minutes": 7},
        content_type="application/json",
    )
    assert response.status_code == 201
    response = api.post(
        f"/api/v1/conferences/{conference_a.pk}/side-activities/",
        {"kind": "media", "title": "Giao lưu trên Đài", "held_on": "2025-02-19"},
        content_type="application/json",
    )
    assert response.status_code == 201
    api.logout()
    other = _api(client, commune_b_officer)
    for path in ("budget/", "presentations/", "side-activities/"):
        assert other.get(f"/api/v1/conferences/{conference_a.pk}/{path}").status_code == 404
    response = other.patch(
        f"/api/v1/budget-lines/{line}/", {"actual_amount": 1}, content_type="application/json"
    )
    assert response.status_code == 404
    assert BudgetLine.objects.get(pk=line).actual_amount == 280_000


def test_api_checks_the_role_before_reading_the_body(
    client, conference_a, commune_a_officer, viewer_a
):
    """A viewer of A is refused (403) whatever the body: the role is checked before the body
    is validated (the authorization matrix found 400 here), and nothing is written."""
    line = _line(conference_a, commune_a_officer)
    api = _api(client, viewer_a)
    base = f"/api/v1/conferences/{conference_a.pk}/"
    for path in ("budget/", "budget/bonuses/", "presentations/", "side-activities/"):
        for body in ({}, {"category": "venue", "description": "x", "quantity": 1}):
            response = api.post(base + path, body, content_type="application/json")
            assert response.status_code == 403, path
    response = api.patch(f"/api/v1/budget-lines/{line.pk}/", {}, content_type="application/json")
    assert response.status_code == 403
    assert BudgetLine.objects.filter(conference=conference_a).count() == 1


def test_api_refuses_amounts_beyond_what_a_line_stores(client, conference_a, commune_a_officer):
    """quantity × unit price must fit the amount column: beyond the bounds it is a 400, not a
    database error (the schema fuzzer found a 500)."""
    api = _api(client, commune_a_officer)
    url = f"/api/v1/conferences/{conference_a.pk}/budget/"
    body = {"category": "venue", "description": "x", "quantity": 2**40, "unit_price": 2**40}
    assert api.post(url, body, content_type="application/json").status_code == 400
    assert not BudgetLine.objects.filter(conference=conference_a).exists()
