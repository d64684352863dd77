"""The day's pages (issue 7): invitations list with answers, the public answer page, the
check-in page and its JSON endpoints, badges and backdrop PDFs, the projector and its remote;
leak tests (commune B's organizer gets 404 on all of A's) and query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PASSWORD
from thidua.campaigns.models import Campaign
from thidua.conferences import checkin, projector, services
from thidua.conferences.models import Delegate
from thidua.conferences.tests.conftest import guest
from thidua.conferences.tests.day import BASE, approved, issuer, nonce
from thidua.core.testing import assert_constant_queries, count_queries


@pytest.fixture
def ready_a(conference_a, commune_a_officer, world):
    issuer(world.commune_a)
    conference = approved(conference_a, commune_a_officer, world.commune_a)
    services.issue_invitations(conference, by=commune_a_officer, base_url=BASE)
    return conference


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _first(conference):
    return Delegate.objects.filter(conference=conference).order_by("pk").first()


def test_invitations_page_lists_answers(client, ready_a, commune_a_officer):
    people = list(Delegate.objects.filter(conference=ready_a).order_by("pk"))
    services.respond(people[0].token, attending=True)
    services.respond(people[1].token, attending=False)
    _login(client, commune_a_officer)
    body = client.get(reverse("conferences:invitations", args=[ready_a.pk])).content.decode()
    assert body.count('data-testid="invitation-row"') == 10
    assert body.count('data-status="confirmed"') == 1
    assert body.count('data-status="declined"') == 1
    assert "01/GM-UBND" in body
    assert 'data-testid="attendance"' in body


def test_the_public_page_shows_only_the_delegates_own_invitation(client, ready_a):
    people = list(Delegate.objects.filter(conference=ready_a).order_by("pk"))
    url = reverse("conferences:rsvp", args=[people[0].token])
    body = client.get(url).content.decode()
    assert people[0].name in body and people[1].name not in body
    response = client.post(url, {"answer": "yes"})
    assert response.status_code == 302
    people[0].refresh_from_db()
    assert people[0].status == "confirmed" and people[0].responded_at is not None
    client.post(url, {"answer": "no"})
    people[0].refresh_from_db()
    assert people[0].status == "declined"
    assert client.get(reverse("conferences:rsvp", args=["guess"])).status_code == 404
    assert client.get(reverse("conferences:rsvp", args=[str(people[0].pk)])).status_code == 404


def test_scan_endpoint_answers_json(client, ready_a, commune_a_officer):
    delegate = _first(ready_a)
    _login(client, commune_a_officer)
    url = reverse("conferences:checkin-scan", args=[ready_a.pk])
    key = nonce()
    first = client.post(url, {"token": delegate.token, "nonce": key, "gate": "Cửa 1"}).json()
    assert first["outcome"] == "checked_in" and first["delegate"]["name"] == delegate.name
    retry = client.post(url, {"token": delegate.token, "nonce": key}).json()
    assert retry["outcome"] == "checked_in" and retry["replayed"]
    again = client.post(url, {"token": delegate.token, "nonce": nonce()}).json()
    assert again["outcome"] == "already" and "đã điểm danh lúc" in again["message"]
    bad = client.post(url, {"token": delegate.token})
    assert bad.status_code == 400
    walk = client.post(
        reverse("conferences:checkin-walk-in", args=[ready_a.pk]),
        {"name": "Đỗ Khách Lạ", "category": "guest", "nonce": nonce()},
    ).json()
    assert walk["outcome"] == "walk_in" and walk["delegate"]["walk_in"]
    page = client.get(reverse("conferences:checkin", args=[ready_a.pk])).content.decode()
    assert 'data-testid="attendance-present">2<' in page
    found = client.get(reverse("conferences:checkin-search", args=[ready_a.pk]), {"q": "le thi"})
    assert "Lê Thị Hồng" in found.content.decode()


def test_badges_and_backdrop_pdfs(client, ready_a, commune_a_officer):
    _login(client, commune_a_officer)
    badges = client.get(reverse("conferences:badges-pdf", args=[ready_a.pk]))
    assert badges.status_code == 200 and badges["Content-Type"] == "application/pdf"
    assert badges.content.startswith(b"%PDF")
    backdrop = client.get(reverse("conferences:backdrop-pdf", args=[ready_a.pk]))
    assert backdrop.status_code == 200 and backdrop.content.startswith(b"%PDF")


def test_backdrop_lines_come_from_the_campaign(ready_a):
    lines = projector.backdrop(ready_a)
    assert lines[0] == ready_a.unit.parent.name.upper()
    assert lines[1] == "XÃ ĐÔNG HÒA"
    assert lines[2] == ready_a.name.upper()
    assert lines[3] == "Giai đoạn 2021-2025"
    assert lines[4] == "Đông Hòa, ngày 20 tháng 02 năm 2025"
    # The period is the campaign's, not a literal.
    Campaign.objects.filter(pk=ready_a.campaign_id).update(
        review_period_start=2020, review_period_end=2025
    )
    ready_a.campaign.refresh_from_db()
    assert projector.backdrop(ready_a)[3] == "Giai đoạn 2020-2025"


def test_projector_follows_the_agenda_and_names_the_honoured(
    client, ready_a, commune_a_officer, leader_a
):
    start = dt.datetime(2025, 2, 20, 0, 30, tzinfo=dt.UTC)
    state = projector.state(ready_a, now=start)
    assert state["current"] is None and state["attendance"]["expected"] == 10
    item = projector.advance(ready_a, by=leader_a, now=start)
    ready_a.refresh_from_db()
    state = projector.state(ready_a, now=start + dt.timedelta(minutes=3))
    assert state["current"]["title"] == item.title
    assert state["current"]["remaining_seconds"] == (item.duration_minutes - 3) * 60
    assert state["honoured"] == []
    for _ in range(4):  # to the plan's item 5, the awards
        projector.advance(ready_a, by=commune_a_officer, now=start)
    ready_a.refresh_from_db()
    state = projector.state(ready_a, now=start)
    assert state["current"]["is_award"]
    assert state["honoured_source"] == "invited"  # no award decision yet: the honorees invited
    assert len(state["honoured"]) == 7
    _login(client, leader_a)
    response = client.post(
        reverse("conferences:projector-advance", args=[ready_a.pk]),
        {"step": "previous"},
        HTTP_HX_REQUEST="true",
    )
    assert (
        response.status_code == 200 and 'data-testid="remote-current"' in response.content.decode()
    )
    data = client.get(reverse("conferences:projector-state", args=[ready_a.pk])).json()
    assert data["current"]["is_award"] is False
    assert data["backdrop"][3] == "Giai đoạn 2021-2025"


def test_commune_b_gets_404_on_everything_of_a(client, ready_a, commune_b_officer):
    delegate = _first(ready_a)
    _login(client, commune_b_officer)
    gets = [
        reverse("conferences:invitations", args=[ready_a.pk]),
        reverse("conferences:checkin", args=[ready_a.pk]),
        reverse("conferences:checkin-search", args=[ready_a.pk]) + "?q=le",
        reverse("conferences:attendance", args=[ready_a.pk]),
        reverse("conferences:projector", args=[ready_a.pk]),
        reverse("conferences:projector-state", args=[ready_a.pk]),
        reverse("conferences:projector-remote", args=[ready_a.pk]),
        reverse("conferences:badges-pdf", args=[ready_a.pk]),
        reverse("conferences:backdrop-pdf", args=[ready_a.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        (reverse("conferences:invitations-issue", args=[ready_a.pk]), {}),
        (reverse("conferences:invitation-issue", args=[delegate.pk]), {}),
        (reverse("conferences:badge-revoke", args=[delegate.pk]), {"reason": "x"}),
        (reverse("conferences:badge-renew", args=[delegate.pk]), {}),
        (reverse("conferences:checkin-scan", args=[ready_a.pk]),
         {"token": delegate.token, "nonce": nonce()}),
        (reverse("conferences:checkin-walk-in", args=[ready_a.pk]),
         {"name": "X", "nonce": nonce()}),
        (reverse("conferences:projector-advance", args=[ready_a.pk]), {"step": "next"}),
    ]  # fmt: skip
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    delegate.refresh_from_db()
    assert delegate.checked_in_at is None and delegate.token_revoked_at is None


def test_viewer_cannot_check_in_or_invite(client, ready_a, viewer_a):
    delegate = _first(ready_a)
    _login(client, viewer_a)
    assert client.get(reverse("conferences:checkin", args=[ready_a.pk])).status_code == 403
    scan = client.post(
        reverse("conferences:checkin-scan", args=[ready_a.pk]),
        {"token": delegate.token, "nonce": nonce()},
    )
    assert scan.status_code == 403
    assert client.get(reverse("conferences:projector", args=[ready_a.pk])).status_code == 200


def test_lists_run_a_constant_number_of_queries(client, ready_a, commune_a_officer):
    _login(client, commune_a_officer)

    def grow(n):
        for _ in range(n):
            person = guest(ready_a, None, name="Khách thêm")
            Delegate.objects.filter(pk=person.pk).update(status="invited", token=nonce())
            checkin.check_in(ready_a, by=None, nonce=nonce(), token=Delegate.objects.get(
                pk=person.pk).token)  # fmt: skip

    ready_a.status = "preparing"  # guests are added by hand while the list is open
    ready_a.save(update_fields=["status"])
    pages = [
        reverse("conferences:invitations", args=[ready_a.pk]),
        reverse("conferences:attendance", args=[ready_a.pk]),
        reverse("conferences:projector-state", args=[ready_a.pk]),
        reverse("conferences:checkin-search", args=[ready_a.pk]) + "?q=khach",
    ]
    for url in pages:
        assert_constant_queries(lambda url=url: client.get(url), grow)
    assert count_queries(lambda: client.get(pages[1])) <= 8
