"""Pages and the API: the workflow through HTTP, leaks (commune B sees nothing of A in HTML,
API, exports, search), downloads through access, query counts of every list."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from conftest import make_user
from thidua.awards import services
from thidua.awards.models import Decision, Proposal, Submission
from thidua.awards.tests.conftest import ON, form, reviewed_proposal
from thidua.core.testing import assert_constant_queries

pytestmark = pytest.mark.django_db


def _decided(w, keys=("lan",)):
    proposal, items = reviewed_proposal(w, [(k, "giay-khen") for k in keys])
    decision = services.decide(proposal, by=w.leader_a, items=list(items.values()), decided_on=ON)
    return proposal, decision


def test_the_workflow_through_the_pages(awards_world, client):
    w = awards_world
    client.force_login(w.organizer_a)
    response = client.post(
        f"/khen-thuong/don-vi/{w.world.commune_a.pk}/de-nghi/moi/",
        {
            "title": "Khen thưởng hội nghị",
            "origin": "UBMTTQ",
            "period_start": 2020,
            "period_end": 2025,
        },
    )
    proposal = Proposal.objects.get(title="Khen thưởng hội nghị")
    assert response.headers["Location"] == f"/khen-thuong/de-nghi/{proposal.pk}/"
    for key, code in (("lan", "giay-khen"), ("hoa", "bang-khen-tinh")):
        client.post(
            f"/khen-thuong/de-nghi/{proposal.pk}/them/",
            {
                "honoree": w.honorees[key].pk,
                "award_form": form(code).pk,
                "achievement": "Xuất sắc",
                "rating": "excellent",
            },
        )
    item = proposal.items.get(honoree=w.honorees["lan"])
    upload = io.BytesIO(b"%PDF-1.7 bao cao")
    upload.name = "bao-cao.pdf"
    client.post(f"/khen-thuong/de-nghi/{proposal.pk}/minh-chung/{item.pk}/", {"file": upload})
    evidence = item.evidence.get()
    download = client.get(f"/khen-thuong/minh-chung/{evidence.token}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 bao cao"
    client.post(f"/khen-thuong/de-nghi/{proposal.pk}/gui-hoi-dong/")
    client.force_login(w.council_a)
    page = client.get(f"/khen-thuong/de-nghi/{proposal.pk}/").content.decode()
    assert 'data-testid="close-review"' in page
    response = client.post(
        f"/khen-thuong/de-nghi/{proposal.pk}/bieu-quyet/",
        {
            "held_on": "2025-03-20",
            "members_present": 3,
            **{f"for_{i.pk}": 3 for i in proposal.items.all()},
        },
    )
    proposal.refresh_from_db()
    assert proposal.status == "reviewed" and proposal.minutes is not None
    client.force_login(w.leader_a)
    hoa = proposal.items.get(honoree=w.honorees["hoa"])
    response = client.post(
        f"/khen-thuong/de-nghi/{proposal.pk}/quyet-dinh/",
        {"items": [item.pk, hoa.pk], "decided_on": "2025-03-20"},
        follow=True,
    )
    assert "vượt thẩm quyền" in response.content.decode()
    assert Decision.objects.count() == 0
    response = client.post(
        f"/khen-thuong/de-nghi/{proposal.pk}/quyet-dinh/",
        {"items": [item.pk], "decided_on": "2025-03-20"},
    )
    decision = Decision.objects.get()
    assert response.headers["Location"] == f"/khen-thuong/quyet-dinh/{decision.pk}/"
    response = client.post(
        f"/khen-thuong/de-nghi/{proposal.pk}/to-trinh/",
        {"items": [hoa.pk], "decided_on": "2025-03-21"},
    )
    submission = Submission.objects.get()
    assert response.headers["Location"] == f"/khen-thuong/to-trinh/{submission.pk}/"
    client.force_login(w.leader_district)
    inbox = client.get(f"/khen-thuong/don-vi/{w.world.district.pk}/").content.decode()
    assert "01/TTr-UBND" in inbox and "Lê Thị Hoa" in inbox
    client.post(f"/khen-thuong/to-trinh/{submission.pk}/tra-lai/", {"reason": "Bổ sung hồ sơ"})
    client.force_login(w.organizer_a)
    outbox = client.get(f"/khen-thuong/don-vi/{w.world.commune_a.pk}/").content.decode()
    assert "Trả lại: Bổ sung hồ sơ" in outbox


def test_roles_without_permission_get_403_and_outsiders_404(awards_world, client):
    w = awards_world
    proposal, decision = _decided(w)
    client.force_login(w.front_a)
    response = client.post(
        f"/khen-thuong/de-nghi/{proposal.pk}/quyet-dinh/", {"items": [], "decided_on": "2025-03-20"}
    )
    assert response.status_code == 403
    assert Decision.objects.count() == 1
    client.force_login(w.organizer_b)
    for url in (
        f"/khen-thuong/de-nghi/{proposal.pk}/",
        f"/khen-thuong/quyet-dinh/{decision.pk}/",
        f"/khen-thuong/don-vi/{w.world.commune_a.pk}/",
        f"/khen-thuong/don-vi/{w.world.commune_a.pk}/quyet-dinh/",
    ):
        assert client.get(url).status_code == 404, url
    entry = decision.entries.get()
    response = client.post(
        f"/khen-thuong/quyet-dinh/{decision.pk}/thu-hoi/{entry.pk}/",
        {"reason": "x", "revoked_on": "2025-03-20"},
    )
    assert response.status_code == 404
    assert (
        client.post(f"/api/v1/awards/entries/{entry.pk}/revoke/", {"reason": "x"}).json()["code"]
        == "not_found"
    )
    entry.refresh_from_db()
    assert entry.status == "granted"


def test_leak_register_html_api_and_export(awards_world, client):
    w = awards_world
    _decided(w, ("lan", "minh"))
    # Commune B's own decision.
    from thidua.documents import services as documents

    documents.create_issuer(
        by=None,
        unit=w.world.commune_b,
        abbreviation="HĐTĐKT",
        name_lines=["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"],
        place="Tây Sơn",
    )
    leader_b = make_user("leader_b", w.world.commune_b, "leader")
    council_b = make_user("council_b", w.world.commune_b, "council")
    proposal_b = services.create_proposal(
        by=w.organizer_b, unit=w.world.commune_b, title="B", period_start=2020, period_end=2025
    )
    item_b = services.add_candidate(
        proposal_b,
        by=w.organizer_b,
        honoree=w.honoree_b,
        award_form=form("giay-khen"),
        achievement="x",
    )
    services.submit_for_review(proposal_b, by=w.organizer_b)
    services.close_review(
        proposal_b, by=council_b, held_on=ON, members_present=1, votes={item_b.pk: (1, 0, 0)}
    )
    services.decide(proposal_b, by=leader_b, items=[item_b], decided_on=ON)

    client.force_login(w.organizer_b)
    html = client.get("/khen-thuong/so-khen-thuong/").content.decode()
    assert html.count('data-testid="register-row"') == 1 and "Phạm Văn Bình" in html
    assert "Nguyễn Thị Lan" not in html
    search = client.get("/khen-thuong/so-khen-thuong/?q=lan").content.decode()
    assert 'data-testid="register-row"' not in search
    api = client.get("/api/v1/awards/register/").json()
    assert [row["honoree_name"] for row in api["results"]] == ["Phạm Văn Bình"]
    assert [p["title"] for p in client.get("/api/v1/awards/proposals/").json()["results"]] == ["B"]
    assert len(client.get("/api/v1/awards/decisions/").json()["results"]) == 1
    workbook = load_workbook(io.BytesIO(client.get("/khen-thuong/so-khen-thuong/xlsx/").content))
    names = [row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert names == ["Phạm Văn Bình"]
    # The district sees both communes.
    client.force_login(w.organizer_district)
    api = client.get("/api/v1/awards/register/").json()
    assert sorted(row["honoree_name"] for row in api["results"]) == [
        "Nguyễn Thị Lan",
        "Phạm Văn Bình",
        "Trần Văn Minh",
    ]


def test_export_is_formula_safe(awards_world, client):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("lan", "giay-khen")])
    items["lan"].achievement = '=HYPERLINK("http://evil")'
    items["lan"].save(update_fields=["achievement"])
    services.decide(proposal, by=w.leader_a, items=[items["lan"]], decided_on=ON)
    client.force_login(w.organizer_a)
    workbook = load_workbook(io.BytesIO(client.get("/khen-thuong/so-khen-thuong/xlsx/").content))
    row = next(workbook.active.iter_rows(min_row=2, values_only=True))
    assert row[8] == '\'=HYPERLINK("http://evil")'


def test_evidence_and_submission_leaks(awards_world, client):
    w = awards_world
    proposal, items = reviewed_proposal(w, [("hoa", "bang-khen-tinh")])
    evidence = services.attach_evidence(
        items["hoa"], by=w.organizer_a, name="a.pdf", data=b"%PDF-1.7"
    )
    submission = services.escalate(proposal, by=w.leader_a, items=[items["hoa"]], submitted_on=ON)
    client.force_login(w.organizer_b)
    assert client.get(f"/khen-thuong/minh-chung/{evidence.token}/").status_code == 404
    assert client.get(f"/khen-thuong/to-trinh/{submission.pk}/").status_code == 404
    assert client.get(f"/api/v1/awards/submissions/{submission.pk}/").json()["code"] == "not_found"
    assert client.get("/api/v1/awards/submissions/").json()["results"] == []
    client.force_login(w.leader_district)
    assert client.get(f"/khen-thuong/to-trinh/{submission.pk}/").status_code == 200
    inbox = client.get(f"/api/v1/awards/submissions/?unit={w.world.district.pk}&box=inbox").json()
    assert [s["symbol"] for s in inbox["results"]] == ["01/TTr-UBND"]


def test_unit_page_shows_the_statistics(awards_world, client):
    w = awards_world
    _decided(w, ("lan", "minh", "group"))
    client.force_login(w.organizer_district)
    html = client.get(f"/don-vi/{w.world.commune_a.pk}/").content.decode()
    assert 'data-testid="award-summary"' in html
    # 2 CSTĐCS of Hoa + 3 Giấy khen: individuals 4 (Lan, Minh, Hoa x2), direct workers Lan+Minh.
    assert "50.0%" in html or "50,0%" in html
    stats = client.get(f"/api/v1/awards/statistics/?unit={w.world.commune_a.pk}").json()
    assert (stats["total"], stats["individuals"], stats["collectives"]) == (5, 4, 1)
    assert stats["direct_workers"] == {"count": 2, "total": 4, "percent": 50.0}
    assert stats["workers_farmers"]["count"] == 2
    assert stats["women"]["count"] == 3
    assert stats["small_collectives"] == {"count": 1, "total": 1, "percent": 100.0}


# --- Query counts (1 vs 3 items) -------------------------------------------------------------


def test_register_queries_do_not_grow(awards_world, client):
    w = awards_world
    client.force_login(w.organizer_district)
    keys = iter(["lan", "minh", "hoa"])

    def grow(n):
        for _ in range(n):
            _decided(w, (next(keys),))

    assert_constant_queries(lambda: client.get("/khen-thuong/so-khen-thuong/"), grow)


def test_unit_awards_page_queries_do_not_grow(awards_world, client):
    w = awards_world
    client.force_login(w.leader_district)
    keys = iter(["lan", "minh", "hoa"])

    def grow(n):
        for _ in range(n):
            proposal, items = reviewed_proposal(w, [(next(keys), "bang-khen-tinh")])
            services.escalate(proposal, by=w.leader_a, items=list(items.values()), submitted_on=ON)

    assert_constant_queries(lambda: client.get(f"/khen-thuong/don-vi/{w.world.district.pk}/"), grow)


def test_proposal_page_queries_do_not_grow(awards_world, client):
    w = awards_world
    proposal = services.create_proposal(
        by=w.organizer_a, unit=w.world.commune_a, title="x", period_start=2020, period_end=2025
    )
    client.force_login(w.organizer_a)
    keys = iter(["lan", "minh", "hoa"])

    def grow(n):
        for _ in range(n):
            item = services.add_candidate(
                proposal,
                by=w.organizer_a,
                honoree=w.honorees[next(keys)],
                award_form=form("giay-khen"),
                achievement="x",
            )
            services.attach_evidence(item, by=w.organizer_a, name="a.pdf", data=b"%PDF-1.7")

    assert_constant_queries(lambda: client.get(f"/khen-thuong/de-nghi/{proposal.pk}/"), grow)


@pytest.mark.parametrize(
    "url", ["/api/v1/awards/register/", "/api/v1/awards/decisions/", "/api/v1/awards/proposals/"]
)
def test_api_lists_queries_do_not_grow(awards_world, client, url):
    w = awards_world
    client.force_login(w.organizer_district)
    keys = iter(["lan", "minh", "hoa"])

    def grow(n):
        for _ in range(n):
            _decided(w, (next(keys),))

    assert_constant_queries(lambda: client.get(url), grow)


def test_submission_api_list_queries_do_not_grow(awards_world, client):
    w = awards_world
    client.force_login(w.leader_district)
    keys = iter(["lan", "minh", "hoa"])

    def grow(n):
        for _ in range(n):
            proposal, items = reviewed_proposal(w, [(next(keys), "bang-khen-tinh")])
            services.escalate(proposal, by=w.leader_a, items=list(items.values()), submitted_on=ON)

    assert_constant_queries(lambda: client.get("/api/v1/awards/submissions/"), grow)
