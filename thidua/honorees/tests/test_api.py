"""/api/v1/honorees/ and /api/v1/movements/: scoped, same validation and services as HTML."""

import pytest

from conftest import make_user
from thidua.core.models import AuditEntry
from thidua.core.testing import assert_constant_queries
from thidua.honorees import services
from thidua.honorees.models import Honoree, Movement
from thidua.honorees.tests.factories import make_honoree, recognize

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def _as(user):
        client.force_login(user)
        return client

    return _as


def test_list_holds_exactly_the_scope_and_search_does_not_leak(api, world, commune_a_officer):
    make_honoree(world.commune_a, "Nguyễn Thị Ánh")
    b = make_honoree(world.commune_b, "Lê Thị Bích")
    client = api(commune_a_officer)
    body = client.get("/api/v1/honorees/").json()
    assert [h["name"] for h in body["results"]] == ["Nguyễn Thị Ánh"]
    assert client.get("/api/v1/honorees/", {"q": "bich"}).json()["count"] == 0
    assert client.get(f"/api/v1/honorees/{b.pk}/").json() == {
        "code": "not_found",
        "detail": "Không tìm thấy.",
    }
    assert client.get("/api/v1/honorees/", {"unit": world.commune_b.pk}).status_code == 404


def test_create_validates_like_the_services(api, world, commune_a_officer):
    client = api(commune_a_officer)
    payload = {
        "unit_id": world.commune_a.pk,
        "kind": "individual",
        "name": "Phan Văn API",
        "gender": "male",
        "birth_year": 1990,
        "component": "nong-dan",
        "field": "kinh-te",
        "national_id": "001090000555",
    }
    response = client.post("/api/v1/honorees/", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["name"], body["component"], body["national_id"]) == (
        "Phan Văn API",
        "nong-dan",
        "001090000555",
    )
    assert AuditEntry.objects.filter(action="honorees.honoree.created").count() == 1
    again = client.post("/api/v1/honorees/", payload, content_type="application/json")
    assert (again.status_code, again.json()["code"]) == (409, "honorees.duplicate_national_id")
    old = {**payload, "national_id": "", "name": "Cụ Già", "birth_year": 1800}
    response = client.post("/api/v1/honorees/", old, content_type="application/json")
    assert response.json()["code"] == "honorees.birth_year_out_of_range"
    into_b = {**payload, "unit_id": world.commune_b.pk, "national_id": "", "name": "Sang B"}
    assert (
        client.post("/api/v1/honorees/", into_b, content_type="application/json").status_code == 404
    )
    assert Honoree.objects.count() == 1


def test_update_needs_the_edit_role_and_masks_ids_for_others(api, world):
    honoree = make_honoree(world.commune_a, national_id="001185000999")
    viewer = make_user("viewer_a", world.commune_a, role="viewer")
    front = make_user("front_a", world.commune_a, role="front")
    client = api(viewer)
    assert client.get(f"/api/v1/honorees/{honoree.pk}/").json()["national_id"] == "*********999"
    response = client.patch(
        f"/api/v1/honorees/{honoree.pk}/", {"position": "X"}, content_type="application/json"
    )
    assert response.status_code == 403
    client = api(front)
    response = client.patch(
        f"/api/v1/honorees/{honoree.pk}/",
        {"position": "Chủ nhiệm HTX", "works_directly": True},
        content_type="application/json",
    )
    assert response.json()["position"] == "Chủ nhiệm HTX"
    response = client.patch(
        f"/api/v1/honorees/{honoree.pk}/",
        {"national_id": "001185000000"},
        content_type="application/json",
    )
    assert response.status_code == 403
    honoree.refresh_from_db()
    assert (honoree.works_directly, honoree.national_id) == (True, "001185000999")


def test_list_query_count_is_constant(api, world, district_officer):
    client = api(district_officer)

    def grow(n):
        for _ in range(n):
            recognize(make_honoree(world.commune_b), "ldtt", 2024)

    assert_constant_queries(lambda: client.get("/api/v1/honorees/"), grow)


def test_movements_are_scoped_and_created_by_the_launching_unit(
    api, world, commune_a_officer, commune_b_officer
):
    services.create_movement(
        by=None, name="Phong trào của B", launched_by="commune", unit=world.commune_b
    )
    district = services.create_movement(
        by=None, name="Phong trào của huyện", launched_by="district", unit=world.district
    )
    client = api(commune_a_officer)
    names = [m["name"] for m in client.get("/api/v1/movements/").json()]
    assert "Phong trào của huyện" in names and "Phong trào của B" not in names
    assert len([n for n in names if n.startswith("Cả nước")]) == 3
    response = client.post(
        "/api/v1/movements/",
        {"name": "Phong trào A", "launched_by": "commune", "unit_id": world.commune_a.pk},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["slug"] == "phong-trao-a"
    national = client.post(
        "/api/v1/movements/",
        {"name": "Quốc gia", "launched_by": "prime_minister"},
        content_type="application/json",
    )
    assert national.status_code == 403
    # A commune may read its district's movement but not edit it.
    response = client.patch(
        f"/api/v1/movements/{district.pk}/", {"name": "Đổi"}, content_type="application/json"
    )
    assert response.status_code == 403
    own = Movement.objects.get(name="Phong trào A")
    response = client.patch(
        f"/api/v1/movements/{own.pk}/", {"end_year": 2030}, content_type="application/json"
    )
    assert response.json()["end_year"] == 2030
    b_movement = Movement.objects.get(name="Phong trào của B")
    assert client.get(f"/api/v1/movements/{b_movement.pk}/").status_code == 404


def test_schema_documents_the_endpoints(client, commune_a_officer):
    client.force_login(commune_a_officer)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/honorees/", "/api/v1/honorees/{id}/", "/api/v1/movements/"):
        assert path in schema
