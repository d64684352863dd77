"""HTML pages: leak tests (commune B's honorees invisible to commune A everywhere), query
counts, permissions (404 outside the scope, 403 without the role), Excel export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_user
from thidua.core.models import AuditEntry
from thidua.core.testing import assert_constant_queries
from thidua.honorees.models import Honoree
from thidua.honorees.tests.factories import make_honoree, publish, recognize

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_communes(world):
    a = make_honoree(world.commune_a, "Nguyễn Thị Ánh", national_id="001185000111")
    a1 = make_honoree(world.agency_a1, "Trần Văn Đức")
    b = make_honoree(world.commune_b, "Lê Thị Bích", national_id="001185000222")
    recognize(b, "cstdcs", 2023, 2024)
    return a, a1, b


def test_list_and_search_show_exactly_commune_a_subtree(client, two_communes, commune_a_officer):
    client.force_login(commune_a_officer)
    page = client.get(reverse("honorees:honoree-list")).content.decode()
    assert "Nguyễn Thị Ánh" in page and "Trần Văn Đức" in page and "Lê Thị Bích" not in page
    for query in ("bich", "Lê Thị Bích", "thi bich"):
        results = client.get(
            reverse("honorees:honoree-list"), {"q": query}, HTTP_HX_REQUEST="true"
        ).content.decode()  # the htmx partial: results only, not the echoed query
        assert "Lê Thị Bích" not in results and "0 điển hình" in results
    page = client.get(reverse("honorees:honoree-list"), {"award_form": "cstdcs"}).content.decode()
    assert "Lê Thị Bích" not in page and "Không tìm thấy điển hình nào." in page


def test_search_folds_diacritics_and_filters(client, two_communes, district_officer):
    client.force_login(district_officer)
    page = client.get(reverse("honorees:honoree-list"), {"q": "anh nguyen"}).content.decode()
    assert "Nguyễn Thị Ánh" in page and "Lê Thị Bích" not in page
    page = client.get(reverse("honorees:honoree-list"), {"award_form": "cstdcs"}).content.decode()
    assert "Lê Thị Bích" in page and "Nguyễn Thị Ánh" not in page


def test_unit_filter_of_another_commune_is_404(client, world, two_communes, commune_a_officer):
    client.force_login(commune_a_officer)
    response = client.get(reverse("honorees:honoree-list"), {"unit": world.commune_b.pk})
    assert response.status_code == 404
    page = client.get(
        reverse("honorees:honoree-list"), {"unit": world.agency_a1.pk}
    ).content.decode()
    assert "Trần Văn Đức" in page and "Nguyễn Thị Ánh" not in page


def test_detail_of_b_is_404_for_a_and_every_write_too(client, two_communes, commune_a_officer):
    _, _, b = two_communes
    client.force_login(commune_a_officer)
    assert client.get(reverse("honorees:honoree-detail", args=[b.pk])).status_code == 404
    for name in ("honoree-edit", "recognition-add", "stage-move", "consent-set", "story-save"):
        response = client.post(reverse(f"honorees:{name}", args=[b.pk]), {"to_stage": "fostered"})
        assert response.status_code == 404, name
    b.refresh_from_db()
    assert b.stage == "discovered" and not b.publication_consent


def test_export_holds_only_the_scope_masks_ids_and_escapes_formulas(
    client, world, two_communes, commune_a_officer
):
    make_honoree(world.commune_a, '=HYPERLINK("http://evil")', birth_year=1990)
    client.force_login(commune_a_officer)
    response = client.get(reverse("honorees:export"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    names = sorted(row[3] for row in rows)
    assert names == ['\'=HYPERLINK("http://evil")', "Nguyễn Thị Ánh", "Trần Văn Đức"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    ids = [row[13] for row in rows if row[13]]
    assert ids == ["*********111"]
    filtered = client.get(reverse("honorees:export"), {"q": "duc"})
    rows = list(
        load_workbook(io.BytesIO(filtered.content)).active.iter_rows(min_row=2, values_only=True)
    )
    assert [row[3] for row in rows] == ["Trần Văn Đức"]


def test_viewer_may_not_export(client, world, two_communes):
    viewer = make_user("viewer_a", world.commune_a, role="viewer")
    client.force_login(viewer)
    assert client.get(reverse("honorees:export")).status_code == 403
    assert "Nguyễn Thị Ánh" in client.get(reverse("honorees:honoree-list")).content.decode()


def test_national_id_is_masked_for_roles_without_personal_access(client, world, two_communes):
    front = make_user("front_a", world.commune_a, role="front")
    organizer = make_user("org_a", world.commune_a, role="organizer")
    a = two_communes[0]
    url = reverse("honorees:honoree-detail", args=[a.pk])
    client.force_login(front)
    page = client.get(url).content.decode()
    assert "*********111" in page and "001185000111" not in page
    assert (
        "001185000111"
        not in client.get(reverse("honorees:honoree-edit", args=[a.pk])).content.decode()
    )
    client.force_login(organizer)
    assert "001185000111" in client.get(url).content.decode()


def test_only_propaganda_may_publish(client, world, two_communes):
    a = two_communes[0]
    organizer = make_user("org_a", world.commune_a, role="organizer")
    propaganda = make_user("vh_a", world.commune_a, role="propaganda")
    client.force_login(organizer)
    client.post(reverse("honorees:consent-set", args=[a.pk]), {"consent": "1"})
    client.post(reverse("honorees:story-save", args=[a.pk]), {"title": "Gương sáng", "body": "Bài"})
    response = client.post(reverse("honorees:story-publish", args=[a.pk]), {"action": "publish"})
    assert response.status_code == 403
    client.force_login(propaganda)
    client.post(reverse("honorees:story-publish", args=[a.pk]), {"action": "publish"})
    a.refresh_from_db()
    assert a.story.status == "published" and a.story.published_by == propaganda
    assert (
        AuditEntry.objects.filter(action="honorees.story.published", actor=propaganda).count() == 1
    )


def test_create_and_edit_through_the_pages(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    response = client.post(
        reverse("honorees:honoree-create"),
        {
            "unit": world.commune_a.pk,
            "kind": "individual",
            "name": "Phan Văn Mới",
            "gender": "male",
            "birth_year": 1988,
        },
    )
    honoree = Honoree.objects.get(name="Phan Văn Mới")
    assert response.url == reverse("honorees:honoree-detail", args=[honoree.pk])
    response = client.post(
        reverse("honorees:honoree-create"),
        {"unit": world.commune_b.pk, "kind": "individual", "name": "Lẻn Sang B"},
    )
    assert "Lẻn Sang B" not in Honoree.objects.values_list("name", flat=True)
    response = client.post(
        reverse("honorees:honoree-create"),
        {"unit": world.commune_a.pk, "kind": "individual", "name": "Già", "birth_year": 1800},
    )
    assert "Năm sinh phải trong khoảng" in response.content.decode()
    client.post(reverse("honorees:stage-move", args=[honoree.pk]), {"to_stage": "fostered"})
    honoree.refresh_from_db()
    assert honoree.stage == "fostered" and honoree.stage_changed_by == commune_a_officer


def test_list_query_count_is_constant(client, world, district_officer):
    client.force_login(district_officer)
    units = [world.commune_a, world.commune_b, world.agency_a1]

    def grow(n):
        for _ in range(n):
            honoree = make_honoree(units[Honoree.objects.count() % 3])
            recognize(honoree, "ldtt", 2023, 2024)

    assert_constant_queries(lambda: client.get(reverse("honorees:honoree-list")), grow)
    assert_constant_queries(lambda: client.get(reverse("honorees:export")), grow)


def test_unit_page_and_home_link_to_the_registry(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    page = client.get(reverse("units:unit-detail", args=[world.commune_a.pk])).content.decode()
    assert f"{reverse('honorees:honoree-list')}?unit={world.commune_a.pk}" in page
    assert reverse("honorees:honoree-list") in client.get("/").content.decode()


def test_movement_page_lists_national_and_own_movements_and_creates(
    client, world, commune_a_officer, commune_b_officer
):
    from thidua.honorees import services

    services.create_movement(
        by=None, name="Phong trào riêng của B", launched_by="commune", unit=world.commune_b
    )
    client.force_login(commune_a_officer)
    page = client.get(reverse("honorees:movement-list")).content.decode()
    assert "Cả nước chung sức xây dựng nông thôn mới" in page and "riêng của B" not in page
    client.post(
        reverse("honorees:movement-list"),
        {"name": "Đông Hòa sáng - xanh", "launched_by": "commune"},
    )
    client.force_login(commune_b_officer)
    page = client.get(reverse("honorees:movement-list")).content.decode()
    assert "riêng của B" in page and "Đông Hòa sáng - xanh" not in page
    assert publish is not None
