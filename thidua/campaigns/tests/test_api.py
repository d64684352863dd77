"""The API under /api/v1/: scoped like the pages (404 outside), same services, same codes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns.models import Submission
from thidua.campaigns.tests.conftest import PDF_BYTES, assignment_of
from thidua.campaigns.tests.test_views import b_data  # noqa: F401  (fixture)


def ids(rows, key="unit_code"):
    return sorted(row[key] for row in rows)


@pytest.mark.django_db
def test_commune_a_sees_only_its_own_rows_through_the_api(
    client,
    issued,
    world,
    b_data,  # noqa: F811
    commune_a_officer,
):
    client.force_login(commune_a_officer)
    assignments = client.get("/api/v1/assignments/").json()["results"]
    assert ids(assignments) == ["A1", "A1", "A1"]
    assert client.get("/api/v1/results/").json()["results"] == []
    assert client.get("/api/v1/feedback/").json()["results"] == []
    campaigns = client.get("/api/v1/campaigns/").json()["results"]
    assert [c["id"] for c in campaigns] == [issued.pk]
    for url in (
        f"/api/v1/assignments/{b_data['plan'].pk}/",
        f"/api/v1/assignments/{b_data['plan'].pk}/submissions/",
        f"/api/v1/submissions/{b_data['submission'].pk}/",
        f"/api/v1/feedback/{b_data['feedback'].pk}/",
        f"/api/v1/campaigns/{issued.pk}/board/",
    ):
        response = client.get(url)
        assert (response.status_code, response.json()) == (
            404,
            {"code": "not_found", "detail": "Không tìm thấy."},
        ), url
    response = client.post(f"/api/v1/submissions/{b_data['submission'].pk}/accept/")
    assert response.status_code == 404
    assert Submission.objects.get(pk=b_data["submission"].pk).status == "submitted"


@pytest.mark.django_db
def test_the_district_reads_results_feedback_and_the_board(
    client,
    issued,
    world,
    b_data,  # noqa: F811
    district_officer,
):
    client.force_login(district_officer)
    results = client.get("/api/v1/results/").json()["results"]
    assert [(r["unit_code"], r["total_present"], r["awards"]) for r in results] == [
        (
            "B1",
            200,
            [{"form": "Giấy khen của Chủ tịch UBND xã", "collectives": 6, "individuals": 24}],
        )
    ]
    assert ids(client.get("/api/v1/feedback/").json()["results"]) == ["B1"]
    board = client.get(f"/api/v1/campaigns/{issued.pk}/board/").json()
    assert (board["unit_total"], board["counts"]["submit_plan"]) == (2, {"late": 1, "missing": 1})
    assert [(r["unit_code"], r["statuses"]["submit_plan"]) for r in board["rows"]] == [
        ("A1", "missing"),
        ("B1", "late"),
    ]
    late = client.get(f"/api/v1/campaigns/{issued.pk}/board/?late=1").json()
    assert len(late["rows"]) == 2


@pytest.mark.django_db
def test_submit_and_review_through_the_api(
    client, issued, world, commune_a_officer, district_officer
):
    plan = assignment_of(issued, world.commune_a)
    client.force_login(commune_a_officer)
    response = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"file": SimpleUploadedFile("kh.pdf", PDF_BYTES), "document_number": "3/KH-UBND"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["version"], body["status"], body["file_type"], body["is_late"]) == (
        1,
        "submitted",
        "pdf",
        True,  # the real clock is past 16/12/2024
    )
    assert body["download_url"] == f"/ke-hoach/ho-so/{body['id']}/tep/"
    again = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"file": SimpleUploadedFile("kh.pdf", PDF_BYTES)},
    )
    assert (again.status_code, again.json()["code"]) == (409, "campaigns.awaiting_review")
    bad = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"file": SimpleUploadedFile("kh.pdf", b"nope")},
    )
    assert bad.status_code == 409  # the workflow refuses first: one submission awaits review
    client.force_login(district_officer)
    returned = client.post(
        f"/api/v1/submissions/{body['id']}/return/", {"reason": ""}, content_type="application/json"
    )
    assert (returned.status_code, returned.json()["code"]) == (400, "invalid")
    returned = client.post(
        f"/api/v1/submissions/{body['id']}/return/",
        {"reason": "Bổ sung"},
        content_type="application/json",
    )
    assert (returned.status_code, returned.json()["status"]) == (200, "returned")
    client.force_login(commune_a_officer)
    wrong = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"file": SimpleUploadedFile("kh.pdf", b"MZ not a pdf")},
    )
    assert (wrong.status_code, wrong.json()["code"]) == (400, "campaigns.file_type")


@pytest.mark.django_db
def test_results_and_feedback_through_the_api(
    client, issued, world, commune_a_officer, district_officer
):
    client.force_login(commune_a_officer)
    results = assignment_of(issued, world.commune_a, "report_results")
    figures = {
        "held_on": "2025-03-14",
        "honorees_present": 84,
        "guests_present": 24,
        "leaders_present": 12,
        "women_present": 50,
        "men_present": 68,
        "direct_producers_present": 61,
        "presentations_given": 4,
        "delegates_sent_upward": 6,
        "planned_budget": 25000000,
        "actual_cost": 23800000,
        "awards": [{"form": "Giấy khen", "collectives": 1, "individuals": 2}],
    }
    wrong = client.post(
        f"/api/v1/assignments/{results.pk}/submissions/", figures, content_type="application/json"
    )
    assert (wrong.status_code, wrong.json()["code"]) == (400, "campaigns.gender_total_mismatch")
    figures["women_present"] = 52
    ok = client.post(
        f"/api/v1/assignments/{results.pk}/submissions/", figures, content_type="application/json"
    )
    assert (ok.status_code, ok.json()["results"]["total_present"]) == (201, 120)
    raised = client.post(
        "/api/v1/feedback/",
        {"campaign": issued.pk, "unit": world.commune_a.pk, "subject": "Hỏi", "body": "Nội dung"},
        content_type="application/json",
    )
    assert raised.status_code == 201
    client.force_login(district_officer)
    reply = client.post(
        f"/api/v1/feedback/{raised.json()['id']}/messages/",
        {"body": "Trả lời"},
        content_type="application/json",
    )
    assert [m["from_issuer"] for m in reply.json()["messages"]] == [False, True]
    closed = client.post(f"/api/v1/feedback/{raised.json()['id']}/close/")
    assert closed.json()["status"] == "closed"


@pytest.mark.django_db
def test_create_edit_and_issue_through_the_api(client, world, district_officer, preset):
    client.force_login(district_officer)
    created = client.post(
        "/api/v1/campaigns/",
        {"preset": "kim-bang-2024", "issuer": world.district.pk},
        content_type="application/json",
    )
    assert created.status_code == 201
    campaign = created.json()
    assert [r["level"] for r in campaign["level_rules"]] == ["commune", "district"]
    honorees = campaign["composition_rules"][0]
    assert honorees["selection_rule"] == {
        "feature": "category",
        "value": "honoree",
        "min": "0.7",
        "max": "0.7",
        "unit": "share",
        "label": "đại biểu điển hình tiên tiến",
    }
    assert campaign["plan_late_from"] == "2024-12-16T00:00:00+07:00"
    edited = client.patch(
        f"/api/v1/campaigns/{campaign['id']}/",
        {"review_period_start": 2020},
        content_type="application/json",
    )
    assert edited.json()["review_period_start"] == 2020
    refused = client.patch(
        f"/api/v1/campaigns/{campaign['id']}/",
        {"review_period_start": 2030},
        content_type="application/json",
    )
    assert (refused.status_code, refused.json()["code"]) == (400, "campaigns.bad_period")
    issued = client.post(f"/api/v1/campaigns/{campaign['id']}/issue/")
    assert issued.json()["status"] == "issued"
    again = client.post(f"/api/v1/campaigns/{campaign['id']}/issue/")
    assert (again.status_code, again.json()["code"]) == (409, "campaigns.already_issued")
    plan = client.get(f"/api/v1/campaigns/{campaign['id']}/plan/").json()
    assert plan["summary"].endswith("lần thứ XII")


@pytest.mark.django_db
def test_the_schema_documents_the_campaign_endpoints(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{id}/",
        "/api/v1/campaigns/{id}/board/",
        "/api/v1/assignments/",
        "/api/v1/assignments/{id}/submissions/",
        "/api/v1/submissions/{id}/accept/",
        "/api/v1/results/",
        "/api/v1/feedback/",
    } <= paths


@pytest.mark.django_db
def test_recording_a_conference_through_the_api_needs_its_date(
    client, issued, world, commune_a_officer
):
    conference = assignment_of(issued, world.commune_a, "hold_conference")
    client.force_login(commune_a_officer)
    url = f"/api/v1/assignments/{conference.pk}/submissions/"
    missing = client.post(url, {}, content_type="application/json")
    assert (missing.status_code, missing.json()["code"]) == (400, "campaigns.date_required")
    held = client.post(url, {"held_on": "2025-03-14"}, content_type="application/json")
    assert (held.status_code, held.json()["status"], held.json()["held_on"]) == (
        201,
        "accepted",
        "2025-03-14",
    )
