"""Pages: the journey through the client, leaks (commune B sees nothing of A: 404), constant
query counts, the phone's ballot and receipt, and the schema with no voter-to-choice link."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.urls import reverse

from conftest import PASSWORD
from thidua.core.errors import DomainError
from thidua.core.testing import assert_constant_queries
from thidua.elections import services
from thidua.elections.models import Ballot, Elector, Poll
from thidua.elections.tests.conftest import OPENING, nominate, seat

pytestmark = pytest.mark.django_db


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _electronic_poll(conference, by, people, seats=1):
    nominate(conference, by, people)
    poll = services.create_poll(conference, by=by, procedure="electronic", seats=seats)
    return poll, services.open_poll(poll, by=by, now=OPENING)


def test_commune_b_sees_nothing_of_commune_a(
    client, conference_a, electorate, commune_a_officer, commune_b_officer, world
):
    poll, _tokens = _electronic_poll(conference_a, commune_a_officer, electorate[:2])
    _login(client, commune_b_officer)
    for name in ("elections:conference", "elections:allocation"):
        assert client.get(reverse(name, args=[conference_a.pk])).status_code == 404
    for name in ("elections:poll", "elections:poll-ballots"):
        assert client.get(reverse(name, args=[poll.pk])).status_code == 404
    for name in ("elections:poll-close", "elections:poll-certify", "elections:poll-hands"):
        assert client.post(reverse(name, args=[poll.pk])).status_code == 404
    assert client.post(reverse("elections:nominate", args=[conference_a.pk])).status_code == 404
    index = client.get(reverse("elections:index")).content.decode()
    assert world.commune_a.name not in index
    api = client.get("/api/v1/elections/polls/").json()
    assert api["count"] == 0
    assert client.get(f"/api/v1/elections/polls/{poll.pk}/").status_code == 404
    poll.refresh_from_db()
    assert poll.is_open


def test_electronic_journey_through_pages(
    client, conference_a, electorate, commune_a_officer, leader_a, issuer_a, conference_d,
    district_officer,
):  # fmt: skip
    nominate(conference_a, commune_a_officer, electorate[:3])
    _login(client, commune_a_officer)
    page = client.get(reverse("elections:conference", args=[conference_a.pk]))
    assert page.status_code == 200 and "Danh sách giới thiệu" in page.content.decode()
    response = client.post(
        reverse("elections:poll-create", args=[conference_a.pk]),
        {"procedure": "electronic", "scope": "per_candidate", "seats": "2"},
    )
    poll = Poll.objects.get()
    assert response.url == reverse("elections:poll", args=[poll.pk])
    slips = client.post(reverse("elections:poll-open", args=[poll.pk])).content.decode()
    links = re.findall(r'data-testid="slip-link">([^<]+)<', slips)
    assert len(links) == 9 and "data:image/svg+xml" in slips
    phone = client_class()
    candidates = list(poll.candidates.all())
    ballot = phone.get(links[0])
    assert ballot.status_code == 200 and candidates[0].name in ballot.content.decode()
    done = phone.post(links[0], {"choice": [str(candidates[0].pk)]}).content.decode()
    receipt = re.search(r'data-testid="receipt-code">([A-Z0-9]+)<', done).group(1)
    again = phone.post(links[0], {"choice": [str(candidates[1].pk)]}).content.decode()
    assert "đã được dùng" in again
    for link in links[1:6]:
        phone.post(link, {"choice": [str(candidates[0].pk), str(candidates[1].pk)]})
    check = phone.get(reverse("elections:receipt"), {"ma": receipt}).content.decode()
    assert "sẽ được đếm" in check
    client.post(reverse("elections:poll-close", args=[poll.pk]))
    poll.refresh_from_db()
    assert poll.result["votes"][str(candidates[0].pk)] == 6
    assert (
        "đã được đếm" in phone.get(reverse("elections:receipt"), {"ma": receipt}).content.decode()
    )
    client.logout()
    _login(client, leader_a)
    client.post(reverse("elections:poll-certify", args=[poll.pk]))
    poll.refresh_from_db()
    assert poll.is_certified
    page = client.get(reverse("elections:poll", args=[poll.pk])).content.decode()
    assert "Biên bản kiểm phiếu" in page and "quá một nửa" in page
    client.logout()
    _login(client, district_officer)
    upper = client.get(reverse("elections:allocation", args=[conference_d.pk])).content.decode()
    assert candidates[0].name in upper and candidates[1].name in upper


def client_class():
    from django.test import Client

    return Client()


def test_no_voter_to_choice_link_in_the_database(conference_a, electorate, commune_a_officer):
    """The ballot table has no column that could name a voter or order ballots in time; the
    elector table has nothing about the choice or the time; rows match only by count."""
    poll, tokens = _electronic_poll(conference_a, commune_a_officer, electorate[:2])
    a = str(poll.candidates.first().pk)
    for _delegate, token in tokens[:4]:
        services.cast_ballot(token, [a])
    describe = connection.introspection.get_table_description
    with connection.cursor() as cursor:
        ballot_columns = {c.name for c in describe(cursor, Ballot._meta.db_table)}
        elector_columns = {c.name for c in describe(cursor, Elector._meta.db_table)}
    assert ballot_columns == {"id", "poll_id", "receipt_hash", "approved"}
    assert elector_columns == {"id", "poll_id", "delegate_id", "token_hash", "used"}
    relations = {f.related_model for f in Ballot._meta.get_fields() if f.is_relation}
    assert relations == {Poll}
    # Ballot ids are random UUIDs: their order says nothing of the voting order.
    ids = list(Ballot.objects.order_by("id").values_list("id", flat=True))
    assert all(i.version == 4 for i in ids)
    # The receipt is stored hashed only; the token is stored hashed only.
    assert not any(len(b.receipt_hash) != 64 for b in Ballot.objects.all())
    stored = set(Elector.objects.values_list("token_hash", flat=True))
    assert not {t for _d, t in tokens} & stored


def test_poll_and_allocation_pages_queries_are_constant(
    client, campaign, world, conference_a, commune_a_officer, district_officer, conference_d
):
    services.allocate(campaign, world.district, by=district_officer, seats=6,
                      method="dhondt", weight_source="staff", min_per_unit=1)  # fmt: skip
    _login(client, commune_a_officer)
    people = []

    def grow(n):
        new = seat(conference_a, commune_a_officer, n, prefix=f"Người {len(people)}")
        people.extend(new)
        nominate(conference_a, commune_a_officer, new)

    assert_constant_queries(
        lambda: client.get(reverse("elections:conference", args=[conference_a.pk])), grow
    )
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=1)
    url = reverse("elections:poll", args=[poll.pk])
    assert client.get(url).status_code == 200
    client.logout()
    _login(client, district_officer)
    from conftest import make_user

    def more_communes(n):
        from thidua.units import services as unit_services

        for i in range(n):
            unit = unit_services.create_unit(by=None, code=f"X{len(people)}{i}", name=f"Xã {i}",
                                             kind="commune", parent=world.district,
                                             staff_count=50 + i)  # fmt: skip
            people.append(unit)
        services.allocate(campaign, world.district, by=district_officer, seats=20,
                          method="dhondt", weight_source="staff", min_per_unit=1)  # fmt: skip

    assert make_user  # the district officer is the one reading
    assert_constant_queries(
        lambda: client.get(reverse("elections:allocation", args=[conference_d.pk])), more_communes
    )


def test_unknown_token_and_receipt(client):
    assert client.get(reverse("elections:vote", args=["NOPE"])).status_code == 404
    assert (
        "Không tìm thấy" in client.get(reverse("elections:receipt"), {"ma": "X"}).content.decode()
    )


def test_paper_ballots_print_and_double_entry_through_the_page(
    client, conference_a, electorate, commune_a_officer, council_a
):
    nominate(conference_a, commune_a_officer, electorate[:2])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="paper", seats=1)
    _login(client, commune_a_officer)
    early = client.get(reverse("elections:poll-ballots", args=[poll.pk]))
    assert early.status_code == 302  # printed once the present are known
    client.post(reverse("elections:poll-open", args=[poll.pk]))
    pdf = client.get(reverse("elections:poll-ballots", args=[poll.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    a, b = (str(c.pk) for c in poll.candidates.all())
    url = reverse("elections:poll-box", args=[poll.pk])
    client.post(url, {"box": "1", "entry": "1", "cast": "9", "invalid": "0",
                      f"approve_{a}": "6", f"approve_{b}": "3"})  # fmt: skip
    client.logout()
    _login(client, council_a)
    page = client.post(url, {"box": "1", "entry": "2", "cast": "9", "invalid": "0",
                             f"approve_{a}": "5", f"approve_{b}": "3"}, follow=True)  # fmt: skip
    assert "không khớp" in page.content.decode()
    assert poll.box_entries.count() == 1
    client.post(url, {"box": "1", "entry": "2", "cast": "9", "invalid": "0",
                      f"approve_{a}": "6", f"approve_{b}": "3"})  # fmt: skip
    assert poll.box_entries.count() == 2


def test_api_lists_are_scoped_and_constant(
    client, campaign, world, conference_a, commune_a_officer, district_officer
):
    services.allocate(campaign, world.district, by=district_officer, seats=4,
                      method="sainte-lague", weight_source="staff", min_per_unit=1)  # fmt: skip
    _login(client, district_officer)
    allocations = client.get("/api/v1/elections/allocations/").json()
    assert allocations["count"] == 1 and sum(allocations["results"][0]["result"].values()) == 4
    people = seat(conference_a, commune_a_officer, 3)
    nominate(conference_a, commune_a_officer, people)

    def grow(n):
        for _ in range(n):
            services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=1)

    assert_constant_queries(lambda: client.get("/api/v1/elections/polls/"), grow)
    client.logout()
    _login(client, commune_a_officer)
    assert client.get("/api/v1/elections/allocations/").json()["count"] == 0  # the district's


def test_home_page_summary_for_the_district(client, campaign, world, district_officer):
    services.allocate(campaign, world.district, by=district_officer, seats=4,
                      method="hamilton", weight_source="staff", min_per_unit=1)  # fmt: skip
    _login(client, district_officer)
    page = client.get("/").content.decode()
    assert "Đã phân bổ 4 đại biểu; 2 đơn vị chưa gửi danh sách." in page


def test_the_issuer_sets_the_campaign_voting_rules(
    client, campaign, conference_d, district_officer, commune_a_officer
):
    from thidua.elections import selectors

    url = reverse("elections:rules-edit", args=[conference_d.pk])
    data = {"quorum": "0.5", "quorum_strict": "on", "threshold": "0.6667",
            "threshold_base": "present", "paper_reserve": "5"}  # fmt: skip
    _login(client, commune_a_officer)
    assert client.post(url, data).status_code == 404
    client.logout()
    _login(client, district_officer)
    page = client.get(reverse("elections:allocation", args=[conference_d.pk])).content.decode()
    assert "Quy định riêng của kế hoạch" in page and "Có mặt tối thiểu: 50%" in page
    client.post(url, data)
    rules = selectors.voting_rules(campaign)
    assert rules.campaign == campaign and rules.paper_reserve == 5
    assert (str(rules.threshold), rules.threshold_strict, rules.threshold_base) == (
        "0.6667", False, "present")  # fmt: skip


def test_an_honoree_of_the_pool_is_nominated_and_joins_the_list(
    client, conference_a, commune_a_officer, world
):
    from thidua.conferences.tests.conftest import honoree

    person = honoree(world.agency_a1, name="Điển hình Mới")
    _login(client, commune_a_officer)
    page = client.get(reverse("elections:conference", args=[conference_a.pk])).content.decode()
    assert "Điển hình Mới" in page
    client.post(reverse("elections:nominate-honoree", args=[conference_a.pk]),
                {"honoree": str(person.pk)})  # fmt: skip
    nominee = conference_a.nominees.get()
    assert nominee.delegate.honoree_id == person.pk and nominee.delegate.on_list
    other = honoree(world.commune_b, name="Điển hình B")
    client.post(reverse("elections:nominate-honoree", args=[conference_a.pk]),
                {"honoree": str(other.pk)})  # outside A's pool: refused  # fmt: skip
    assert conference_a.nominees.count() == 1


def test_a_lost_slip_is_reissued_and_the_old_token_stops_working(
    client, conference_a, electorate, commune_a_officer
):
    poll, tokens = _electronic_poll(conference_a, commune_a_officer, electorate[:2])
    (lost_delegate, lost_token), (voter, token) = tokens[0], tokens[1]
    a = str(poll.candidates.first().pk)
    services.cast_ballot(token, [a])
    _login(client, commune_a_officer)
    page = client.get(reverse("elections:poll", args=[poll.pk])).content.decode()
    assert lost_delegate.name in page and f'value="{voter.pk}"' not in page  # only unused
    slips = client.post(reverse("elections:poll-reissue", args=[poll.pk]),
                        {"delegate": str(lost_delegate.pk)}).content.decode()  # fmt: skip
    new = re.search(r'data-testid="slip-token">([A-Z0-9]+)<', slips).group(1)
    assert new != lost_token
    with pytest.raises(DomainError):
        services.cast_ballot(lost_token, [a])
    services.cast_ballot(new, [a])
    again = client.post(reverse("elections:poll-reissue", args=[poll.pk]),
                        {"delegate": str(voter.pk)}, follow=True)  # fmt: skip
    assert "đã được dùng" in again.content.decode()
    assert poll.ballots.count() == 2


def test_the_role_is_checked_before_the_form_or_the_state(
    client, conference_a, electorate, commune_a_officer, viewer_a
):
    """A viewer of A posting to the conduct pages is refused (403) whatever the body and the
    poll's state, and nothing is written (the authorization matrix found redirects instead)."""
    from thidua.core.models import AuditEntry

    poll, _tokens = _electronic_poll(conference_a, commune_a_officer, electorate[:2])
    before = AuditEntry.objects.count()
    _login(client, viewer_a)
    for name, pk in (
        ("elections:allocation", conference_a.pk),
        ("elections:nominate-honoree", conference_a.pk),
        ("elections:withdraw", conference_a.pk),
        ("elections:poll-create", conference_a.pk),
        ("elections:poll-reissue", poll.pk),
        ("elections:poll-runoff", poll.pk),
    ):
        assert client.post(reverse(name, args=[pk]), {}).status_code == 403, name
    assert (
        client.post(reverse("elections:rules-edit", args=[conference_a.pk]), {}).status_code == 404
    )
    assert AuditEntry.objects.count() == before
