"""A person's data (issue 11): export (JSON, xlsx) and anonymisation when the law allows."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from conftest import make_user
from thidua.awards.models import AwardForm
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.honorees import services
from thidua.honorees.models import Honoree, Photo, Story
from thidua.honorees.services import personal_data
from thidua.honorees.tests.factories import make_honoree, publish, recognize

pytestmark = pytest.mark.django_db

NATIONAL_ID = "001185012345"


@pytest.fixture
def person(world, catalogues, settings, tmp_path):
    from thidua.core.tests.authz_world import png

    settings.MEDIA_ROOT = tmp_path / "media"
    honoree = make_honoree(
        world.commune_a,
        "Nguyễn Thị Lan",
        national_id=NATIONAL_ID,
        birth_year=1979,
        position='=HYPERLINK("http://x")',
    )
    recognize(honoree, "cstdcs", 2022, 2023, 2024)
    services.add_photo(honoree, by=None, upload=png())
    publish(honoree)
    return honoree


def test_export_holds_everything_and_is_audited_without_personal_data(
    client, person, commune_a_officer
):
    client.force_login(commune_a_officer)
    response = client.get(f"/dien-hinh/{person.pk}/du-lieu-ca-nhan.json")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["honoree"]["national_id"] == NATIONAL_ID
    assert data["honoree"]["birth_year"] == 1979
    assert [r["year"] for r in data["recognitions"]] == [2022, 2023, 2024]
    entry = AuditEntry.objects.get(action="honorees.personal_data.exported")
    assert entry.data == {"honoree": person.pk, "format": "json"}
    assert NATIONAL_ID not in json.dumps(entry.data) + entry.object_repr

    sheet = client.get(f"/dien-hinh/{person.pk}/du-lieu-ca-nhan.xlsx")
    workbook = load_workbook(io.BytesIO(sheet.content))
    values = {row[0]: row[1] for row in workbook["Hồ sơ"].iter_rows(values_only=True)}
    assert values["position"].startswith("'=")  # no formula runs in the person's spreadsheet


def test_export_is_gated(client, person, world, commune_b_officer):
    client.force_login(commune_b_officer)
    assert client.get(f"/dien-hinh/{person.pk}/du-lieu-ca-nhan.json").status_code == 404
    client.force_login(make_user("viewer_a", world.commune_a, "viewer"))
    assert client.get(f"/dien-hinh/{person.pk}/du-lieu-ca-nhan.json").status_code == 403
    assert not AuditEntry.objects.filter(action="honorees.personal_data.exported").exists()


def test_anonymisation_keeps_the_award_history_and_removes_identity(
    client, person, commune_a_officer, django_capture_on_commit_callbacks
):
    photo_name = person.photos.get().file.name
    storage = person.photos.get().file.storage
    client.force_login(commune_a_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/dien-hinh/{person.pk}/an-danh/", {"reason": "Yêu cầu của người"})
    assert response.status_code == 302
    h = Honoree.objects.get(pk=person.pk)
    assert h.name == f"Đã ẩn danh #{h.pk}"
    assert (h.national_id, h.birth_year, h.position, h.publication_consent) == (
        None,
        None,
        "",
        False,
    )
    assert h.recognitions.count() == 3  # the counts the statistics rely on
    assert not Photo.objects.filter(honoree=h).exists()
    assert not Story.objects.filter(honoree=h).exists()
    assert not storage.exists(photo_name)  # the file goes once the change is committed
    entry = AuditEntry.objects.get(action="honorees.honoree.anonymised")
    assert entry.data == {"reason": "Yêu cầu của người", "recognitions_kept": 3}
    assert "Nguyễn Thị Lan" not in client.get("/vinh-danh/").content.decode()
    with pytest.raises(DomainError) as again:
        personal_data.anonymise_honoree(h, by=commune_a_officer, reason="lần nữa")
    assert again.value.code == "honorees.anonymised"


def test_anonymisation_waits_for_open_proposals_and_needs_a_reason(
    person, world, commune_a_officer
):
    from thidua.awards import services as awards

    with pytest.raises(DomainError) as refused:
        personal_data.anonymise_honoree(person, by=commune_a_officer, reason=" ")
    assert refused.value.code == "honorees.anonymise_reason"
    proposal = awards.create_proposal(
        by=commune_a_officer,
        unit=world.commune_a,
        title="Đề nghị",
        period_start=2020,
        period_end=2025,
    )
    awards.add_candidate(
        proposal,
        by=commune_a_officer,
        honoree=person,
        award_form=AwardForm.objects.get(code="giay-khen"),
        achievement="Thành tích",
    )
    with pytest.raises(DomainError) as refused:
        personal_data.anonymise_honoree(person, by=commune_a_officer, reason="Yêu cầu")
    assert refused.value.code == "honorees.anonymise_blocked"
    assert Honoree.objects.get(pk=person.pk).national_id == NATIONAL_ID  # nothing written
    assert not AuditEntry.objects.filter(action="honorees.honoree.anonymised").exists()


def test_anonymisation_is_gated(client, person, world, commune_b_officer):
    client.force_login(commune_b_officer)
    assert client.post(f"/dien-hinh/{person.pk}/an-danh/", {"reason": "x"}).status_code == 404
    client.force_login(make_user("front_a", world.commune_a, "front"))
    assert client.post(f"/dien-hinh/{person.pk}/an-danh/", {"reason": "x"}).status_code == 403
    assert Honoree.objects.get(pk=person.pk).name == "Nguyễn Thị Lan"


def test_lists_mask_the_national_id_even_for_organizers(client, person, commune_a_officer):
    client.force_login(commune_a_officer)
    listed = client.get("/api/v1/honorees/").json()["results"]
    assert [h["national_id"] for h in listed if h["id"] == person.pk] == ["*********345"]
    assert client.get(f"/api/v1/honorees/{person.pk}/").json()["national_id"] == NATIONAL_ID
    page = client.get("/dien-hinh/").content.decode()
    assert NATIONAL_ID not in page


def test_public_pages_show_no_id_number_and_no_birth_year(client, person, world):
    story = Story.objects.get(honoree=person)
    for url in (
        "/vinh-danh/",
        f"/vinh-danh/don-vi/{world.commune_a.pk}/",
        f"/vinh-danh/bai/{story.token}/",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert "Nguyễn Thị Lan" in text  # published with consent
        assert NATIONAL_ID not in text and "*********345" not in text and "1979" not in text, url
