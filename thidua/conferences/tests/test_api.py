"""The conferences API: the same services behind /api/v1/, scoped, with coded refusals."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from thidua.conferences import services
from thidua.conferences.models import Delegate
from thidua.conferences.tests.conftest import COMMUNE_DAY, guest, honoree
from thidua.core.models import AuditEntry
from thidua.core.testing import assert_constant_queries


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_create_and_read_a_conference(campaign, world, commune_b_officer):
    api = _api(commune_b_officer)
    refused = api.post(
        "/api/v1/conferences/",
        {
            "campaign": campaign.pk,
            "unit": world.commune_b.pk,
            "held_on": "2025-04-01",
            "session": "morning",
            "venue": "Hội trường",
        },
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "conferences.outside_window"
    response = api.post(
        "/api/v1/conferences/",
        {
            "campaign": campaign.pk,
            "unit": world.commune_b.pk,
            "held_on": "2025-03-14",
            "session": "morning",
            "venue": "Hội trường",
        },
        format="json",
    )
    body = response.json()
    assert response.status_code == 201
    assert (body["format"], body["format_by_rule"], body["effective_cap"]) == (
        "delegate",
        "delegate",
        200,
    )
    pk = body["id"]
    refused = api.post(f"/api/v1/conferences/{pk}/cap/", {"cap": 180}, format="json")
    assert refused.json()["code"] == "conferences.cap_needs_proposal"
    api.post(f"/api/v1/conferences/{pk}/cap-proposal/", {"proposed": 190}, format="json")
    decided = api.post(f"/api/v1/conferences/{pk}/cap/", {"cap": 180}, format="json").json()
    assert (decided["council_proposed_cap"], decided["cap"], decided["effective_cap"]) == (
        190,
        180,
        180,
    )


def test_agenda_endpoints(conference_a, commune_a_officer):
    api = _api(commune_a_officer)
    base = f"/api/v1/conferences/{conference_a.pk}/agenda/"
    agenda = api.get(base).json()
    assert [i["starts"] for i in agenda["items"][:2]] == ["07:30:00", "07:45:00"]
    assert (agenda["total_minutes"], agenda["fits"]) == (180, True)
    added = api.post(
        base, {"title": "Chương trình văn nghệ", "duration_minutes": 40}, format="json"
    ).json()
    assert (added["total_minutes"], added["overrun"], added["fits"]) == (220, 10, False)
    extra = next(i for i in added["items"] if i["kind"] == "extra")
    moved = api.post(f"/api/v1/agenda-items/{extra['id']}/move/", {"position": 1}, format="json")
    assert moved.json()["items"][0]["title"] == "Chương trình văn nghệ"
    plan_item = added["items"][1]
    refused = api.delete(f"/api/v1/agenda-items/{plan_item['id']}/")
    assert refused.json()["code"] == "conferences.plan_item_required"
    assert api.delete(f"/api/v1/agenda-items/{extra['id']}/").status_code == 204
    accepted = api.post(f"{base}accept/")
    assert accepted.status_code == 200
    conference_a.refresh_from_db()
    assert conference_a.agenda_accepted_by == commune_a_officer


def test_delegates_check_approve_and_proposals(conference_a, commune_a_officer, world):
    api = _api(commune_a_officer)
    base = f"/api/v1/conferences/{conference_a.pk}/"
    people = [honoree(world.commune_a, g, records=[("ldtt", 2023)]) for g in ["female"] * 8]
    for person in people[:7]:
        response = api.post(f"{base}delegates/", {"honoree": person.pk}, format="json")
        assert response.status_code == 201
    leader = api.post(
        f"{base}delegates/",
        {"category": "leader", "name": "Lê Chủ Tịch", "gender": "male", "required": True},
        format="json",
    ).json()
    check = api.get(f"{base}check/").json()
    assert (check["passed"], check["total"]) == (False, 8)
    assert [r["passed"] for r in check["rules"]] == [False, False]
    refused = api.post(f"{base}approve/", {}, format="json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "conferences.rules_failing"
    for _ in range(2):
        guest(conference_a, commune_a_officer)
    assert api.get(f"{base}check/").json()["passed"] is True
    proposal = api.post(
        f"{base}proposals/",
        {"size": 10, "seed": 3, "required": [f"d{leader['id']}"]},
        format="json",
    ).json()
    assert proposal["status"] == "optimal"
    assert f"d{leader['id']}" in proposal["selected"]
    counts = api.post(f"/api/v1/proposals/{proposal['id']}/apply/").json()
    assert counts["kept"] + counts["added"] == 10
    listed = api.get(f"{base}delegates/?status=on_list").json()
    assert listed["count"] == 10
    removed = api.delete(f"/api/v1/delegates/{leader['id']}/")
    assert (removed.status_code, removed.json()["status"]) == (200, "reserve")
    approved = api.post(f"{base}approve/", {"override_reason": "Lãnh đạo bận"}, format="json")
    assert approved.json()["list_override_reason"] == "Lãnh đạo bận"
    entry = AuditEntry.objects.get(action="conferences.delegate_list.approved")
    assert entry.data["override"] is True


def test_api_leaks_nothing_of_a_to_b(conference_a, commune_a_officer, commune_b_officer, world):
    seat = services.add_honoree_delegate(
        conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a).pk
    )
    proposal = services.propose_delegates(conference_a, by=commune_a_officer, size=1, seed=1)
    item = conference_a.agenda_items.first()
    api = _api(commune_b_officer)
    assert api.get("/api/v1/conferences/").json()["count"] == 0
    for url in [
        f"/api/v1/conferences/{conference_a.pk}/",
        f"/api/v1/conferences/{conference_a.pk}/agenda/",
        f"/api/v1/conferences/{conference_a.pk}/delegates/",
        f"/api/v1/conferences/{conference_a.pk}/check/",
        f"/api/v1/conferences/{conference_a.pk}/proposals/",
        f"/api/v1/delegates/{seat.pk}/",
        f"/api/v1/proposals/{proposal.pk}/",
    ]:
        response = api.get(url)
        assert (response.status_code, response.json()["code"]) == (404, "not_found"), url
    assert api.delete(f"/api/v1/delegates/{seat.pk}/").status_code == 404
    assert api.delete(f"/api/v1/agenda-items/{item.pk}/").status_code == 404
    assert api.post(f"/api/v1/proposals/{proposal.pk}/apply/").status_code == 404
    other = honoree(world.commune_b)
    response = _api(commune_a_officer).post(
        f"/api/v1/conferences/{conference_a.pk}/delegates/", {"honoree": other.pk}, format="json"
    )
    assert response.status_code == 404
    assert Delegate.objects.filter(conference=conference_a).count() == 1


def test_district_sees_both_communes(conference_a, conference_b, district_officer):
    body = _api(district_officer).get("/api/v1/conferences/").json()
    assert sorted(r["unit_name"] for r in body["results"]) == ["Xã Tây Sơn", "Xã Đông Hòa"]


@pytest.mark.parametrize("path", ["conferences", "delegates"])
def test_api_lists_have_constant_queries(path, campaign, world, district_officer, conference_a):
    from thidua.campaigns.models import Assignment
    from thidua.units import services as unit_services

    api = _api(district_officer)
    counter = [0]

    def grow(n):
        for _ in range(n):
            counter[0] += 1
            if path == "delegates":
                guest(conference_a, district_officer)
                continue
            unit = unit_services.create_unit(
                by=None,
                code=f"Q{counter[0]}",
                name=f"Xã Q{counter[0]}",
                kind="commune",
                parent=world.district,
            )
            Assignment.objects.create(
                campaign=campaign,
                unit=unit,
                kind="hold_conference",
                level="commune",
                late_from=campaign.assignments.first().late_from,
            )
            services.create_conference(
                campaign, unit, by=None, held_on=COMMUNE_DAY, session="morning", venue="HT"
            )

    url = (
        "/api/v1/conferences/"
        if path == "conferences"
        else f"/api/v1/conferences/{conference_a.pk}/delegates/"
    )
    assert_constant_queries(lambda: api.get(url), grow)
