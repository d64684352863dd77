"""Pages and API: scoped lists (leak tests), downloads only through access, batch progress."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_user
from thidua.core.models import AuditEntry
from thidua.core.testing import assert_constant_queries
from thidua.documents import batches, services
from thidua.documents import spec as s
from thidua.documents.models import DocumentBatch, GeneratedDocument

pytestmark = pytest.mark.django_db


def notice(summary: str) -> s.DocumentSpec:
    return s.DocumentSpec(
        type_code="TB",
        issuer=None,
        summary=(summary,),
        blocks=(s.Paragraph("Nội dung thông báo."),),
        signature=s.Signature("CHỦ TỊCH", "Lê Văn An", (s.Authority("TM", "ỦY BAN NHÂN DÂN"),)),
    )


def issuer_of(unit, place):
    return services.create_issuer(
        by=None,
        unit=unit,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", unit.name.upper()],
        place=place,
    )


@pytest.fixture
def issued(world):
    """One document of commune A and one of commune B (the one that must not leak)."""
    a = services.issue_document(
        by=None,
        issuer=issuer_of(world.commune_a, "Đông Hòa"),
        spec=notice("Thông báo của xã Đông Hòa"),
        date=dt.date(2025, 3, 1),
    )
    b = services.issue_document(
        by=None,
        issuer=issuer_of(world.commune_b, "Tây Sơn"),
        spec=notice("Thông báo bí mật của xã Tây Sơn"),
        date=dt.date(2025, 3, 1),
    )
    return a, b


def test_unit_page_lists_documents_in_scope_only(client, issued, world, commune_a_officer):
    a, b = issued
    client.force_login(commune_a_officer)
    page = client.get(reverse("documents:unit-documents", args=[world.commune_a.pk]))
    body = page.content.decode()
    assert "Thông báo của xã Đông Hòa" in body and "01/TB-UBND" in body
    assert "Tây Sơn" not in body
    assert reverse("documents:document-download", args=[a.pk, "pdf"]) in body
    # commune B's page, document, files: 404 for commune A's officer
    for url in (
        reverse("documents:unit-documents", args=[world.commune_b.pk]),
        reverse("documents:document-detail", args=[b.pk]),
        reverse("documents:document-download", args=[b.pk, "pdf"]),
        reverse("documents:document-download", args=[b.pk, "docx"]),
    ):
        assert client.get(url).status_code == 404, url


def test_district_sees_both_communes(client, issued, world, district_officer):
    client.force_login(district_officer)
    body = client.get(reverse("documents:unit-documents", args=[world.district.pk])).content
    assert body.decode().count('data-testid="document-row"') == 2


def test_api_lists_only_documents_in_scope(client, issued, commune_a_officer):
    a, b = issued
    client.force_login(commune_a_officer)
    data = client.get("/api/v1/documents/").json()
    assert [row["id"] for row in data["results"]] == [a.pk]
    assert data["results"][0]["symbol"] == "01/TB-UBND"
    missing = client.get(f"/api/v1/documents/{b.pk}/")
    assert missing.status_code == 404 and missing.json()["code"]


def test_download_streams_the_stored_file(client, issued, commune_a_officer):
    a, _ = issued
    client.force_login(commune_a_officer)
    response = client.get(reverse("documents:document-download", args=[a.pk, "pdf"]))
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF") and services.sha256(content) == a.checksum
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    docx = client.get(reverse("documents:document-download", args=[a.pk, "docx"]))
    assert b"".join(docx.streaming_content)[:2] == b"PK"
    assert client.get(reverse("documents:document-download", args=[a.pk, "exe"])).status_code == 404


def test_media_is_not_served_publicly(client, issued, commune_a_officer):
    a, _ = issued
    client.force_login(commune_a_officer)
    assert client.get(f"/media/{a.pdf.name}").status_code == 404


def test_anonymous_is_sent_to_login(client, issued):
    a, _ = issued
    response = client.get(reverse("documents:document-download", args=[a.pk, "pdf"]))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_reissue_from_the_page_needs_the_role(client, issued, world):
    a, _ = issued
    viewer = make_user("viewer_a", world.commune_a, role="viewer")
    client.force_login(viewer)
    url = reverse("documents:document-reissue", args=[a.pk])
    assert client.post(url, {"note": "x"}).status_code == 403
    assert GeneratedDocument.objects.filter(lineage=a.lineage).count() == 1
    organizer = make_user("org_a", world.commune_a)
    client.force_login(organizer)
    response = client.post(url, {"note": "Sửa lỗi chính tả"}, follow=True)
    body = response.content.decode()
    assert "Đã phát hành lại 01/TB-UBND, phiên bản 2." in body
    versions = list(
        GeneratedDocument.objects.filter(lineage=a.lineage).values_list("version", "note")
    )
    assert sorted(versions) == [(1, ""), (2, "Sửa lỗi chính tả")]
    assert AuditEntry.objects.filter(action="documents.document.reissued", actor=organizer).exists()
    old = client.get(reverse("documents:document-detail", args=[a.pk])).content.decode()
    assert "phiên bản cũ" in old


def test_unit_list_queries_do_not_grow_with_documents(client, world, district_officer):
    issuer = issuer_of(world.commune_a, "Đông Hòa")
    client.force_login(district_officer)
    url = reverse("documents:unit-documents", args=[world.district.pk])
    made = []

    def grow(n):
        for _ in range(n):
            document = services.issue_document(
                by=None, issuer=issuer, spec=notice("Thông báo"), date=dt.date(2025, 3, 1)
            )
            if len(made) % 2 == 0:  # every other one gets a second version
                services.reissue_document(by=None, document=document)
            made.append(document)

    assert_constant_queries(lambda: client.get(url), grow)


def test_api_list_queries_do_not_grow(client, world, district_officer):
    issuer = issuer_of(world.commune_a, "Đông Hòa")
    client.force_login(district_officer)

    def grow(n):
        for _ in range(n):
            services.issue_document(
                by=None, issuer=issuer, spec=notice("Thông báo"), date=dt.date(2025, 3, 1)
            )

    assert_constant_queries(lambda: client.get("/api/v1/documents/"), grow)


@pytest.fixture
def batch(world):
    spec = notice("Giấy mời")
    spec = s.DocumentSpec(
        **{**spec.__dict__, "issuer": s.IssuingBody(("UBND",), "UBND", "Đông Hòa")}
    )
    return services.start_batch(by=None, unit=world.commune_a, title="Lô thử", specs=[spec] * 3)


def test_batch_page_polls_while_queued_and_offers_the_file_when_done(
    client, batch, commune_a_officer, commune_b_officer
):
    client.force_login(commune_a_officer)
    url = reverse("documents:batch-detail", args=[batch.pk])
    body = client.get(url).content.decode()
    progress = reverse("documents:batch-progress", args=[batch.pk])
    assert f'hx-get="{progress}"' in body and 'hx-trigger="every 1s"' in body
    assert 'max="3" value="0"' in body and "Đang chờ" in body
    batches.run_batch(batch.pk, str(batch.run_token))
    partial = client.get(progress).content.decode()
    assert "hx-get" not in partial  # finished: polling stops
    assert 'value="3"' in partial and "Hoàn thành" in partial
    download = reverse("documents:batch-download", args=[batch.pk])
    assert download in partial
    content = b"".join(client.get(download).streaming_content)
    assert content.startswith(b"%PDF")
    client.force_login(commune_b_officer)
    for other in (url, progress, download, f"/api/v1/document-batches/{batch.pk}/"):
        assert client.get(other).status_code == 404


def test_failed_batch_shows_the_reason_and_can_be_retried(client, batch, commune_a_officer):
    DocumentBatch.objects.filter(pk=batch.pk).update(
        status="failed", error="Lỗi thử nghiệm", done=0
    )
    client.force_login(commune_a_officer)
    body = client.get(reverse("documents:batch-detail", args=[batch.pk])).content.decode()
    assert "Lỗi thử nghiệm" in body and 'data-testid="batch-retry"' in body
    client.post(reverse("documents:batch-retry", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("queued", "")
    assert AuditEntry.objects.filter(
        action="documents.batch.retried", actor=commune_a_officer
    ).exists()
    api = client.get(f"/api/v1/document-batches/{batch.pk}/").json()
    assert (api["status"], api["total"], api["pdf_url"]) == ("queued", 3, None)


def test_menu_and_unit_page_link_to_documents(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    home = client.get("/").content.decode()
    assert reverse("documents:index") in home
    response = client.get(reverse("documents:index"))
    assert response["Location"] == reverse("documents:unit-documents", args=[world.commune_a.pk])
    unit_page = client.get(reverse("units:unit-detail", args=[world.commune_a.pk])).content
    assert reverse("documents:unit-documents", args=[world.commune_a.pk]) in unit_page.decode()
