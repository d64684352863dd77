"""Issue 11 (found by schemathesis on PostgreSQL): a NUL character in a query string is a 400
with a readable message, never a server error, on the API and on the pages."""

import pytest
from rest_framework.test import APIClient

from thidua.honorees.models import Honoree


@pytest.mark.django_db
def test_api_refuses_nul_in_query_parameters(commune_a_officer):
    client = APIClient()
    client.force_authenticate(commune_a_officer)
    response = client.get("/api/v1/honorees/", {"q": "Ng\x00uyễn"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["detail"] == "Yêu cầu chứa ký tự không hợp lệ."
    assert client.get("/api/v1/honorees/", {"q": "Nguyễn"}).status_code == 200


@pytest.mark.django_db
def test_pages_refuse_nul_in_query_parameters(commune_a_officer, client):
    client.force_login(commune_a_officer)
    response = client.get("/dien-hinh/", {"q\x00": "x"})
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
    assert Honoree.objects.count() == 0


@pytest.mark.django_db
def test_api_refuses_nul_in_a_vocabulary_code(world, commune_a_officer):
    client = APIClient()
    client.force_authenticate(commune_a_officer)
    response = client.post(
        "/api/v1/honorees/",
        {"unit_id": world.commune_a.pk, "kind": "individual", "name": "A", "ethnicity": "k\x00"},
        format="json",
    )
    assert response.status_code == 400
    assert "ethnicity" in response.json()["errors"]
    assert Honoree.objects.count() == 0
