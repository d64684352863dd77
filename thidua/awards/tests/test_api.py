"""The API runs the same workflow with the same refusals (codes) and scope."""

from __future__ import annotations

import pytest

from thidua.awards.models import Decision, Submission

pytestmark = pytest.mark.django_db


def test_the_workflow_through_the_api(awards_world, client):
    w = awards_world
    client.force_login(w.front_a)
    created = client.post(
        "/api/v1/awards/proposals/",
        {
            "unit_id": w.world.commune_a.pk,
            "title": "Đề nghị qua API",
            "period_start": 2020,
            "period_end": 2025,
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    for key, code in (("lan", "giay-khen"), ("hoa", "bang-khen-tinh"), ("group", "cstdcs")):
        body = client.post(
            f"/api/v1/awards/proposals/{pk}/candidates/",
            {
                "honoree_id": w.honorees[key].pk,
                "award_form": code,
                "achievement": "Xuất sắc",
                "rating": "excellent",
            },
            content_type="application/json",
        ).json()
    findings = {i["honoree_name"]: i["has_block"] for i in body["items"]}
    assert findings == {"Nguyễn Thị Lan": False, "Lê Thị Hoa": False, "Tổ sản xuất số 1": True}
    # The Front proposes; only the organizer sends to the council.
    assert client.post(f"/api/v1/awards/proposals/{pk}/submit/").status_code == 403
    client.force_login(w.organizer_a)
    assert client.post(f"/api/v1/awards/proposals/{pk}/submit/").json()["status"] == "in_review"
    client.force_login(w.council_a)
    items = {i["honoree_name"]: i["id"] for i in body["items"]}
    reviewed = client.post(
        f"/api/v1/awards/proposals/{pk}/review/",
        {
            "held_on": "2025-03-20",
            "members_present": 5,
            "votes": [
                {"item": i, "votes_for": 5, "votes_against": 0, "abstentions": 0}
                for i in items.values()
            ],
        },
        content_type="application/json",
    ).json()
    assert reviewed["minutes"] == "01/BB-HĐTĐKT"
    assert {i["honoree_name"]: i["status"] for i in reviewed["items"]} == {
        "Nguyễn Thị Lan": "approved",
        "Lê Thị Hoa": "approved",
        "Tổ sản xuất số 1": "rejected",
    }
    client.force_login(w.leader_a)
    refused = client.post(
        f"/api/v1/awards/proposals/{pk}/decide/",
        {"items": [items["Lê Thị Hoa"]], "decided_on": "2025-03-20"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "awards.beyond_authority"
    assert refused.json()["errors"] == {"items": [items["Lê Thị Hoa"]]}
    decision = client.post(
        f"/api/v1/awards/proposals/{pk}/decide/",
        {"items": [items["Nguyễn Thị Lan"]], "decided_on": "2025-03-20"},
        content_type="application/json",
    ).json()
    assert (
        decision["symbol"] == "01/QĐ-UBND"
        and decision["entries"][0]["honoree_name"] == "Nguyễn Thị Lan"
    )
    submission = client.post(
        f"/api/v1/awards/proposals/{pk}/escalate/",
        {"items": [items["Lê Thị Hoa"]], "decided_on": "2025-03-21"},
        content_type="application/json",
    ).json()
    assert submission["symbol"] == "01/TTr-UBND" and submission["status"] == "pending"
    client.force_login(w.leader_district)
    forwarded = client.post(
        f"/api/v1/awards/submissions/{submission['id']}/forward/",
        {"decided_on": "2025-03-25"},
        content_type="application/json",
    ).json()
    assert forwarded["to_unit"] == w.world.province.pk
    client.force_login(w.leader_province)
    decided = client.post(
        f"/api/v1/awards/submissions/{forwarded['id']}/decide/",
        {"decided_on": "2025-04-02"},
        content_type="application/json",
    )
    assert decided.status_code == 201
    assert Decision.objects.get(unit=w.world.province).entries.get().honoree == w.honorees["hoa"]
    assert set(Submission.objects.values_list("status", flat=True)) == {"decided"}
    entry_id = decision["entries"][0]["id"]
    client.force_login(w.leader_a)
    revoked = client.post(
        f"/api/v1/awards/entries/{entry_id}/revoke/",
        {"reason": "Sai sót hồ sơ"},
        content_type="application/json",
    ).json()
    assert (revoked["status"], revoked["revocation_reason"]) == ("revoked", "Sai sót hồ sơ")


def test_catalogue_and_authority_read_endpoints(awards_world, client):
    client.force_login(awards_world.organizer_b)
    forms = {
        f["code"]: f for f in client.get("/api/v1/awards/forms/?page_size=100").json()["results"]
    }
    assert forms["cstdcs"]["legal_basis"].startswith("Điều 21")
    before = client.get("/api/v1/awards/authority/?on=2025-06-30").json()
    after = client.get("/api/v1/awards/authority/?on=2025-07-01").json()
    assert {r["office"] for r in before} - {r["office"] for r in after} == {"district-chair"}


def test_the_schema_lists_the_awards_endpoints(client, admin_user):
    client.force_login(admin_user)
    schema = client.get("/api/v1/schema/?format=json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/awards/forms/",
        "/api/v1/awards/proposals/",
        "/api/v1/awards/proposals/{id}/review/",
        "/api/v1/awards/proposals/{id}/decide/",
        "/api/v1/awards/register/",
        "/api/v1/awards/submissions/{id}/{action}/",
    } <= paths


def test_validation_errors_are_coded(awards_world, client):
    client.force_login(awards_world.organizer_a)
    response = client.post(
        "/api/v1/awards/proposals/", {"title": "x"}, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (400, "invalid")
    outside = client.post(
        "/api/v1/awards/proposals/",
        {
            "unit_id": awards_world.world.commune_b.pk,
            "title": "x",
            "period_start": 2020,
            "period_end": 2025,
        },
        content_type="application/json",
    )
    assert outside.json()["code"] == "not_found"
