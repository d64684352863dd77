"""The REST API: bearer tokens, scoped unit lists, 404 outside the scope, the schema."""

import pytest
from django.test import override_settings

from conftest import PASSWORD, make_user
from thidua.accounts.models import ApiToken
from thidua.core.testing import assert_constant_queries
from thidua.units import services


def token_for(client, username, password=PASSWORD):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": username, "password": password},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.django_db
def test_token_is_issued_and_stored_only_as_a_digest(client, commune_a_officer):
    token = token_for(client, "commune_a")
    stored = ApiToken.objects.get(user=commune_a_officer)
    assert stored.digest != token and len(stored.digest) == 64
    assert stored.prefix == token[:8]
    response = client.get("/api/v1/units/", **bearer(token))
    assert response.status_code == 200


@pytest.mark.django_db
def test_wrong_credentials_and_bad_tokens_are_refused(client, commune_a_officer):
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "commune_a", "password": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "accounts.invalid_credentials"
    response = client.get("/api/v1/units/", **bearer("forged"))
    assert response.status_code == 401
    assert client.get("/api/v1/units/").status_code in (401, 403)


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=2)
def test_token_endpoint_shares_the_login_lockout(client, commune_a_officer):
    for _ in range(2):
        client.post(
            "/api/v1/auth/token/",
            {"username": "commune_a", "password": "x"},
            content_type="application/json",
        )
    response = client.post(
        "/api/v1/auth/token/",
        {"username": "commune_a", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.json()["code"] == "accounts.locked_out"


@pytest.mark.django_db
def test_revoked_token_no_longer_works(client, commune_a_officer):
    from thidua.accounts.services import revoke_api_token

    token = token_for(client, "commune_a")
    revoke_api_token(ApiToken.objects.get(user=commune_a_officer), by=commune_a_officer)
    assert client.get("/api/v1/units/", **bearer(token)).status_code == 401


@pytest.mark.django_db
def test_unit_list_holds_exactly_commune_a_subtree(client, world, commune_a_officer):
    token = token_for(client, "commune_a")
    body = client.get("/api/v1/units/", **bearer(token)).json()
    assert body["count"] == 2
    assert [u["code"] for u in body["results"]] == ["A1", "A1-TH"]
    first = body["results"][0]
    assert {
        k: first[k]
        for k in (
            "code",
            "name",
            "kind",
            "level",
            "parent_code",
            "staff_count",
            "valid_from",
            "valid_to",
        )
    } == {
        "code": "A1",
        "name": "Xã Đông Hòa",
        "kind": "commune",
        "level": "commune",
        "parent_code": "D1",
        "staff_count": 150,
        "valid_from": None,
        "valid_to": None,
    }


@pytest.mark.django_db
def test_unit_detail_is_404_outside_the_scope(client, world, commune_a_officer):
    token = token_for(client, "commune_a")
    assert client.get("/api/v1/units/A1/", **bearer(token)).json()["name"] == "Xã Đông Hòa"
    for code in ("B1", "D1", "P1", "nope"):
        response = client.get(f"/api/v1/units/{code}/", **bearer(token))
        assert response.status_code == 404
        assert response.json() == {"code": "not_found", "detail": "Không tìm thấy."}


@pytest.mark.django_db
def test_session_auth_works_too(client, world, district_officer):
    client.force_login(district_officer)
    body = client.get("/api/v1/units/", {"parent": "D1"}).json()
    assert [u["code"] for u in body["results"]] == ["A1", "B1"]


@pytest.mark.django_db
def test_filters_level_parent_and_query(client, world, district_officer):
    client.force_login(district_officer)

    def codes(**params):
        return [u["code"] for u in client.get("/api/v1/units/", params).json()["results"]]

    assert codes(level="commune") == ["A1", "A1-TH", "B1"]
    assert codes(q="tay son") == ["B1"]
    assert codes(q="Đông Hòa") == ["A1", "A1-TH"]
    assert codes(parent="A1") == ["A1-TH"]
    assert client.get("/api/v1/units/", {"on": "not-a-date"}).status_code == 400


@pytest.mark.django_db
def test_code_shared_by_a_2024_unit_and_its_successor_resolves_by_date(client, world, admin_user):
    import datetime as dt

    old = services.create_unit(
        by=None,
        code="777",
        name="Xã Cũ",
        kind="commune",
        parent=world.district,
        valid_to=dt.date(2024, 12, 31),
    )
    new = services.create_unit(
        by=None,
        code="777",
        name="Phường Mới",
        kind="ward",
        parent=world.district,
        valid_from=dt.date(2025, 1, 1),
        source="legacy",
    )
    services.link_successor(old, new, by=None)
    client.force_login(admin_user)
    assert client.get("/api/v1/units/777/").json()["name"] == "Phường Mới"
    body = client.get("/api/v1/units/777/", {"on": "2024-06-01"}).json()
    assert (body["name"], body["successor_codes"]) == ("Xã Cũ", ["777"])


@pytest.mark.django_db
def test_unit_list_uses_a_fixed_number_of_queries(client, world, district_officer):
    client.force_login(district_officer)
    made = []

    def grow(count):
        for _ in range(count):
            made.append(
                services.create_unit(
                    by=None,
                    code=f"Q{len(made)}",
                    name="Xã Q",
                    kind="commune",
                    parent=world.district,
                )
            )

    assert_constant_queries(lambda: client.get("/api/v1/units/"), grow)


@pytest.mark.django_db
def test_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/auth/token/", "/api/v1/units/", "/api/v1/units/{code}/"} <= set(
        document["paths"]
    )
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()
    assert b"cdn" not in docs.content.lower()


@pytest.mark.django_db
def test_inactive_user_token_is_refused(client, world):
    user = make_user("gone", world.commune_a)
    token = token_for(client, "gone")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get("/api/v1/units/", **bearer(token)).status_code == 401
