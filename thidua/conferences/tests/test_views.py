"""The pages: set-up, agenda, the live checker (htmx) on exact boundaries, approval with and
without the written reason, proposals; leak tests and query counts."""

from __future__ import annotations

import re

from django.urls import reverse

from conftest import PASSWORD
from thidua.conferences import services
from thidua.conferences.models import Conference, Delegate
from thidua.conferences.tests.conftest import COMMUNE_DAY, add_women_rule, guest, honoree
from thidua.core.models import AuditEntry
from thidua.core.testing import assert_constant_queries

HTMX = {"HTTP_HX_REQUEST": "true"}


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _rules(html):
    """(label, passed) of every rule row of the checker."""
    return re.findall(r'data-testid="rule-row" data-label="([^"]+)" data-passed="(\w+)"', html)


def test_list_offers_the_setups_and_create_reads_the_rules(client, campaign, commune_b_officer):
    _login(client, commune_b_officer)
    body = client.get(reverse("conferences:conference-list")).content.decode()
    assert body.count('data-testid="setup"') == 1
    assert "Xã Tây Sơn" in body and "Xã Đông Hòa" not in body
    url = reverse("conferences:conference-create")
    unit = campaign.assignments.get(unit__code="B1", kind="hold_conference").unit_id
    query = f"?campaign={campaign.pk}&unit={unit}"
    page = client.get(url + query).content.decode()
    assert "Hội nghị đại biểu" in page
    assert "Quý I năm 2025 (từ ngày 01/01/2025 đến ngày 31/03/2025)" in page
    response = client.post(
        url + query, {"held_on": "2025-04-01", "session": "morning", "venue": "Hội trường"}
    )
    assert response.status_code == 400
    assert "nằm ngoài thời gian quy định" in response.content.decode()
    assert not Conference.objects.exists()
    response = client.post(
        url + query, {"held_on": "2025-03-31", "session": "morning", "venue": "Hội trường"}
    )
    conference = Conference.objects.get()
    assert response.url == reverse("conferences:conference-detail", args=[conference.pk])
    assert conference.format == "delegate"


def test_detail_shows_proposal_and_decision(client, conference_b, commune_b_officer, council_d):
    services.propose_cap(conference_b, by=council_d, proposed=190, reference="03/TTr")
    _login(client, commune_b_officer)
    url = reverse("conferences:cap-decide", args=[conference_b.pk])
    response = client.post(url, {"cap": 201})
    assert response.status_code == 400
    assert "không quá 200 đại biểu" in response.content.decode()
    client.post(url, {"cap": 180})
    body = client.get(reverse("conferences:conference-detail", args=[conference_b.pk]))
    html = body.content.decode()
    assert re.search(r'data-testid="council-proposal">190 \(03/TTr\)', html)
    assert re.search(r'data-testid="cap-decision">180 ', html)
    assert 'data-testid="effective-cap">180<' in html


def test_agenda_page_adds_an_extra_and_accepts(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    url = reverse("conferences:agenda", args=[conference_a.pk])
    client.post(url, {"title": "Đại biểu thiếu nhi chào mừng Hội nghị.", "duration_minutes": 5})
    client.post(reverse("conferences:agenda-accept", args=[conference_a.pk]))
    html = client.get(url).content.decode()
    assert html.count('data-testid="agenda-row"') == 10
    assert 'data-testid="agenda-accepted"' in html
    assert "Tổng 185 phút / một buổi 210 phút" in html


def test_programme_preview_is_a_draft_pdf(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)
    response = client.get(reverse("conferences:programme-preview", args=[conference_a.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


# --- The live checker through the view (htmx) ------------------------------------------------


def test_live_checker_on_the_exact_boundaries(
    client, campaign, conference_a, commune_a_officer, world
):
    add_women_rule(campaign)
    women = [honoree(world.commune_a, "female") for _ in range(4)]
    men = [honoree(world.commune_a, "male") for _ in range(4)]
    for person in women[:3] + men[:4]:
        services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=person.pk)
    guests = [guest(conference_a, commune_a_officer, gender=g) for g in ("female", "male", "male")]
    _login(client, commune_a_officer)
    page = client.get(reverse("conferences:delegates", args=[conference_a.pk])).content.decode()
    # 7 honorees + 3 guests: 70.0% and 30.0% exactly; 4 women of 10: 40% exactly
    assert _rules(page) == [
        ("đại biểu điển hình tiên tiến", "true"),
        ("đại biểu khách mời và lãnh đạo các cấp, các ngành", "true"),
        ("đại biểu nữ", "true"),
    ]
    seat = Delegate.objects.get(honoree=women[0])
    response = client.post(reverse("conferences:delegate-remove", args=[seat.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # the workspace partial, checker included
    assert _rules(html) == [
        ("đại biểu điển hình tiên tiến", "false"),  # 6/9 = 66.7%
        ("đại biểu khách mời và lãnh đạo các cấp, các ngành", "false"),  # 3/9 = 33.3%
        ("đại biểu nữ", "false"),  # 3/9 = 33.3%
    ]
    assert "Thiếu 1 đại biểu nữ" in html
    response = client.post(
        reverse("conferences:delegate-add", args=[conference_a.pk]),
        {"honoree": women[3].pk},
        **HTMX,
    )
    assert _rules(response.content.decode()) == [
        ("đại biểu điển hình tiên tiến", "true"),
        ("đại biểu khách mời và lãnh đạo các cấp, các ngành", "true"),
        ("đại biểu nữ", "true"),
    ]
    response = client.post(reverse("conferences:delegate-remove", args=[guests[0].pk]), **HTMX)
    assert _rules(response.content.decode())[2] == ("đại biểu nữ", "false")  # 3/9 again
    assert 'data-testid="reserve-row"' in response.content.decode()


def test_approve_view_refused_without_reason_and_audited_with(
    client, campaign, conference_a, commune_a_officer, world
):
    add_women_rule(campaign)
    for _ in range(7):
        services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a, "male").pk
        )
    for _ in range(3):
        guest(conference_a, commune_a_officer)
    _login(client, commune_a_officer)
    url = reverse("conferences:list-approve", args=[conference_a.pk])
    response = client.post(url, {"override_reason": ""})
    assert response.status_code == 400
    assert "Danh sách chưa đạt cơ cấu: Thiếu 4 đại biểu nữ" in response.content.decode()
    conference_a.refresh_from_db()
    assert conference_a.status == "preparing"
    response = client.post(url, {"override_reason": "Đã mời nhưng nữ điển hình vắng."})
    conference_a.refresh_from_db()
    assert (conference_a.status, conference_a.list_override_reason) == (
        "list_approved",
        "Đã mời nhưng nữ điển hình vắng.",
    )
    entry = AuditEntry.objects.get(action="conferences.delegate_list.approved")
    assert (entry.actor, entry.data["override"], entry.data["reason"]) == (
        commune_a_officer,
        True,
        "Đã mời nhưng nữ điển hình vắng.",
    )


def test_proposal_pages_run_explain_and_apply(
    client, campaign, conference_a, commune_a_officer, world
):
    for gender in ("female", "male") * 5:
        honoree(world.commune_a, gender, records=[("cstdcs", 2023)])
    leader = guest(conference_a, commune_a_officer, "Chủ tịch xã", category="leader")
    for gender in ("female", "male", "female"):
        guest(conference_a, commune_a_officer, gender=gender)
    _login(client, commune_a_officer)
    url = reverse("conferences:proposal-create", args=[conference_a.pk])
    form = client.get(url).content.decode()
    assert f'value="d{leader.pk}"' in form and "checked" in form
    data = {
        "size": 10,
        "seed": 42,
        "source": "honorees",
        "required": [f"d{leader.pk}"],
        "initiative": 2,
        "good_deeds": 1,
        "acclaimed": 2,
        "works_directly": 1,
        "forms_text": "cstdcs = 3\nldtt = 1",
    }
    response = client.post(url, data)
    proposal = conference_a.proposals.get()
    assert response.url == reverse("conferences:proposal-detail", args=[proposal.pk])
    html = client.get(response.url).content.decode()
    assert 'data-status="optimal"' in html
    assert html.count('data-testid="chosen-row"') == 10
    assert "Bắt buộc có mặt (đơn vị tổ chức chọn)." in html
    assert ">42<" in html
    client.post(reverse("conferences:proposal-apply", args=[proposal.pk]))
    page = client.get(reverse("conferences:delegates", args=[conference_a.pk])).content.decode()
    assert all(passed == "true" for _label, passed in _rules(page))
    assert page.count('data-testid="delegate-row"') == 10


# --- Leaks: commune B sees nothing of A ------------------------------------------------------


def test_pages_of_a_are_404_for_b(
    client, conference_a, commune_a_officer, commune_b_officer, world
):
    seat = services.add_honoree_delegate(
        conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a).pk
    )
    item = conference_a.agenda_items.first()
    proposal = services.propose_delegates(conference_a, by=commune_a_officer, size=1, seed=1)
    _login(client, commune_b_officer)
    gets = [
        reverse("conferences:conference-detail", args=[conference_a.pk]),
        reverse("conferences:agenda", args=[conference_a.pk]),
        reverse("conferences:delegates", args=[conference_a.pk]),
        reverse("conferences:delegates-workspace", args=[conference_a.pk]),
        reverse("conferences:proposal-create", args=[conference_a.pk]),
        reverse("conferences:proposal-detail", args=[proposal.pk]),
        reverse("conferences:programme-preview", args=[conference_a.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        reverse("conferences:delegate-remove", args=[seat.pk]),
        reverse("conferences:agenda-item-delete", args=[item.pk]),
        reverse("conferences:proposal-apply", args=[proposal.pk]),
        reverse("conferences:cap-decide", args=[conference_a.pk]),
    ]
    for url in posts:
        assert client.post(url, {"cap": 5}).status_code == 404, url
    listing = client.get(reverse("conferences:conference-list")).content.decode()
    assert "Xã Đông Hòa" not in listing
    assert Delegate.objects.filter(pk=seat.pk).exists()


def test_the_pool_of_a_district_page_does_not_leak_into_a_commune(
    client, conference_a, commune_a_officer, world
):
    mine = honoree(world.commune_a, name="Người Đông Hòa")
    theirs = honoree(world.commune_b, name="Người Tây Sơn")
    _login(client, commune_a_officer)
    html = client.get(reverse("conferences:delegates", args=[conference_a.pk])).content.decode()
    assert re.findall(r'data-testid="pool-row" data-name="([^"]+)"', html) == [mine.name]
    assert theirs.name not in html


def test_viewer_sees_but_cannot_change(client, conference_a, viewer_a):
    _login(client, viewer_a)
    html = client.get(reverse("conferences:delegates", args=[conference_a.pk])).content.decode()
    assert 'data-testid="checker"' in html
    assert 'data-testid="add-manual"' not in html
    response = client.post(
        reverse("conferences:delegate-manual", args=[conference_a.pk]),
        {"category": "guest", "name": "Người lạ"},
    )
    assert response.status_code == 403
    assert not Delegate.objects.exists()


# --- Query counts ---------------------------------------------------------------------------


def test_conference_list_queries_are_constant(client, campaign, district_officer, world, preset):
    from thidua.units import services as unit_services

    _login(client, district_officer)
    made = []

    def grow(n):
        for _ in range(n):
            unit = unit_services.create_unit(
                by=None,
                code=f"C{len(made)}",
                name=f"Xã Thêm {len(made)}",
                kind="commune",
                parent=world.district,
                staff_count=100,
            )
            from thidua.campaigns.models import Assignment

            Assignment.objects.create(
                campaign=campaign,
                unit=unit,
                kind="hold_conference",
                level="commune",
                late_from=campaign.assignments.first().late_from,
            )
            made.append(
                services.create_conference(
                    campaign, unit, by=None, held_on=COMMUNE_DAY, session="morning", venue="HT"
                )
            )

    url = reverse("conferences:conference-list")
    assert_constant_queries(lambda: client.get(url), grow)


def test_delegate_page_queries_are_constant(client, conference_a, commune_a_officer, world):
    _login(client, commune_a_officer)

    def grow(n):
        for _ in range(n):
            person = honoree(world.agency_a1, records=[("ldtt", 2022)])
            services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=person.pk)
            honoree(world.commune_a)  # one more in the pool too
            guest(conference_a, commune_a_officer)

    url = reverse("conferences:delegates", args=[conference_a.pk])
    assert_constant_queries(lambda: client.get(url), grow)


def test_agenda_and_proposal_pages_queries_are_constant(client, conference_a, commune_a_officer):
    _login(client, commune_a_officer)

    def grow(n):
        for _ in range(n):
            services.add_agenda_item(
                conference_a, by=commune_a_officer, title="Văn nghệ", duration_minutes=5
            )
            guest(conference_a, commune_a_officer)

    agenda = reverse("conferences:agenda", args=[conference_a.pk])
    proposals = reverse("conferences:proposal-create", args=[conference_a.pk])
    client.get(agenda)  # warms the per-process content-type cache (the programme's lookup)
    assert_constant_queries(lambda: (client.get(agenda), client.get(proposals)), grow)


def test_exactly_300_asks_the_organizer_to_choose(client, campaign, world, commune_b_officer):
    from thidua.units import services as unit_services

    unit_services.update_unit(world.commune_b, by=None, staff_count=300)
    _login(client, commune_b_officer)
    url = reverse("conferences:conference-create") + (
        f"?campaign={campaign.pk}&unit={world.commune_b.pk}"
    )
    page = client.get(url).content.decode()
    assert "Đơn vị tổ chức lựa chọn (đúng bằng ngưỡng)" in page
    assert 'name="chosen_format"' in page
    client.post(
        url,
        {
            "held_on": "2025-03-20",
            "session": "afternoon",
            "venue": "Hội trường",
            "chosen_format": "plenary",
            "choice_reason": "Hội trường đủ chỗ",
        },
    )
    conference = Conference.objects.get()
    assert (conference.format_by_rule, conference.format, conference.format_chosen_by) == (
        "organizer_choice",
        "plenary",
        commune_b_officer,
    )
    html = client.get(reverse("conferences:conference-detail", args=[conference.pk])).content
    assert "Hội trường đủ chỗ" in html.decode()
