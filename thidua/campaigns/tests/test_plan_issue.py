"""The campaign's plan through the documents engine (services/plan.py): the draft without a
number, the numbered KH, its re-issues; a commune's own plan built from the district's, issued
and sent as its plan submission; who may do what (leak tests), the pages and the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from docx import Document

from conftest import make_user
from thidua.campaigns import services
from thidua.campaigns.models import Campaign, Submission
from thidua.campaigns.tests.conftest import ON_TIME, assignment_of, pdf_upload, vn
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents import codec
from thidua.documents import services as document_services
from thidua.documents import spec as doc
from thidua.documents.models import GeneratedDocument, Issuer

DISTRICT_PLAN_DAY = dt.date(2024, 11, 20)


def pdf_text(data: bytes) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(out.split())


def stored_text(document: GeneratedDocument) -> str:
    with document.pdf.open("rb") as stored:
        return pdf_text(stored.read())


def actions(prefix: str = "") -> list[str]:
    return list(
        AuditEntry.objects.filter(action__startswith=prefix)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def written() -> tuple[int, int, int]:
    return (GeneratedDocument.objects.count(), Issuer.objects.count(), AuditEntry.objects.count())


@pytest.fixture
def district_plan(issued, district_officer):
    return services.issue_plan(issued, by=district_officer, date=DISTRICT_PLAN_DAY)


@pytest.fixture
def own_plan(issued, world, commune_a_officer, district_plan):
    """Commune A's plan, built from the district's (after the district issued it)."""
    own = services.derive_campaign(issued, unit=world.commune_a, by=commune_a_officer)
    return services.update_campaign(
        own, by=commune_a_officer, signer_name="Lê Văn Hòa", recipients=["UBND huyện;", "Lưu: VT."]
    )


# --- the district's plan ---------------------------------------------------------------------


@pytest.mark.django_db
def test_issuing_numbers_stores_and_audits_the_plan(issued, district_officer):
    before = AuditEntry.objects.count()
    document = services.issue_plan(issued, by=district_officer, date=DISTRICT_PLAN_DAY)
    issued.refresh_from_db()
    issuer = Issuer.objects.get(unit=issued.issuer)  # created on first use, from the campaign
    assert (issuer.abbreviation, issuer.name_lines, issuer.place, issuer.full_name) == (
        "UBND",
        "ỦY BAN NHÂN DÂN\nHUYỆN KIM BẢNG",
        "Kim Bảng",
        "Ủy ban nhân dân huyện Thử Nghiệm",
    )
    assert (document.symbol, document.version, document.document_date, document.kind) == (
        "01/KH-UBND",
        1,
        DISTRICT_PLAN_DAY,
        "KH",
    )
    assert (document.source, document.unit, document.issuer) == (issued, issued.issuer, issuer)
    assert (issued.plan_number, issued.plan_date) == ("01/KH-UBND", DISTRICT_PLAN_DAY)
    assert actions()[before - AuditEntry.objects.count() :] == [
        "documents.issuer.created",
        "documents.document.issued",
        "campaigns.campaign.plan_issued",
    ]
    entry = AuditEntry.objects.get(action="campaigns.campaign.plan_issued")
    assert entry.data == {
        "document": document.pk,
        "symbol": "01/KH-UBND",
        "version": 1,
        "date": "2024-11-20",
    }
    # What was stored is exactly the draft of the campaign, plus its number.
    assert codec.spec_from_data(document.spec) == dataclasses.replace(
        services.draft_spec(issued), number=doc.DocumentNumber(1, 2024)
    )
    text = stored_text(document)
    assert "Số: 01/KH-UBND" in text and "Kim Bảng, ngày 20 tháng 11 năm 2024" in text


@pytest.mark.django_db
def test_issuing_uses_the_units_issuer_and_continues_its_series(issued, district_officer, world):
    issuer = document_services.create_issuer(
        by=None,
        unit=world.district,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", "HUYỆN THỬ NGHIỆM"],
        place="Thử Nghiệm",
    )
    document_services.create_issuer(
        by=None, unit=world.district, abbreviation="HĐTĐKT", name_lines=["HỘI ĐỒNG"], place="X"
    )
    document_services.set_series_start(
        by=None, issuer=issuer, type_code="KH", year=2024, last_serial=14
    )
    document = services.issue_plan(issued, by=district_officer, date=dt.date(2024, 10, 28))
    assert (document.symbol, document.issuer, Issuer.objects.count()) == ("15/KH-UBND", issuer, 2)
    # The issuer's own heading is the one on paper.
    assert "HUYỆN THỬ NGHIỆM" in stored_text(document)


@pytest.mark.django_db
def test_a_leader_issues_a_viewer_and_a_commune_cannot(issued, world, district_officer):
    viewer = make_user("viewer", world.district, "viewer")
    council = make_user("council", world.district, "council")
    outsider = make_user("outsider", world.commune_a)
    before = written()
    for user, error in (
        (viewer, PermissionDenied),
        (council, PermissionDenied),
        (outsider, Http404),
    ):
        with pytest.raises(error):
            services.issue_plan(issued, by=user)
    assert written() == before
    leader = make_user("leader", world.district, "leader")
    assert services.issue_plan(issued, by=leader, date=DISTRICT_PLAN_DAY).issued_by == leader


@pytest.mark.django_db
def test_issuing_refusals_write_nothing(issued, world, district_officer):
    services.update_campaign(issued, by=district_officer, signer_authority="THAY MẶT ỦY BAN")
    before = written()
    with pytest.raises(DomainError) as refused:
        services.issue_plan(issued, by=district_officer, date=DISTRICT_PLAN_DAY)
    assert refused.value.code == "documents.bad_capacity"
    assert written() == before  # not even the issuer it would have created
    services.update_campaign(
        issued, by=district_officer, signer_authority="TM. ỦY BAN NHÂN DÂN", issuing_body="PHÒNG"
    )
    before = written()
    with pytest.raises(DomainError) as refused:
        services.issue_plan(issued, by=district_officer)
    assert refused.value.code == "campaigns.plan_issuer_missing"
    assert written() == before
    issued.refresh_from_db()
    assert (issued.plan_number, issued.plan_date) == ("", None)


@pytest.mark.django_db
def test_a_plan_is_issued_once_then_reissued(issued, district_officer, district_plan):
    with pytest.raises(DomainError) as refused:
        services.issue_plan(issued, by=district_officer)
    assert refused.value.code == "campaigns.plan_already_issued"
    services.update_campaign(
        issued, by=district_officer, recipients=[*issued.recipients[:-1], "Lưu: VT, NV, TĐKT."]
    )
    second = services.reissue_plan(issued, by=district_officer, note="Bổ sung nơi nhận")
    assert (second.symbol, second.version, second.document_date, second.lineage) == (
        "01/KH-UBND",
        2,
        DISTRICT_PLAN_DAY,
        district_plan.lineage,
    )
    assert "Lưu: VT, NV, TĐKT." in stored_text(second)
    assert "Lưu: VT, NV, TĐKT." not in stored_text(district_plan)  # v1 is kept as it was
    assert second.checksum != district_plan.checksum and second.note == "Bổ sung nơi nhận"
    assert actions("campaigns.campaign.plan") == [
        "campaigns.campaign.plan_issued",
        "campaigns.campaign.plan_reissued",
    ]
    assert actions("documents.document") == [
        "documents.document.issued",
        "documents.document.reissued",
    ]


@pytest.mark.django_db
def test_reissue_needs_an_issued_plan(issued, district_officer):
    before = written()
    with pytest.raises(DomainError) as refused:
        services.reissue_plan(issued, by=district_officer)
    assert refused.value.code == "campaigns.plan_not_issued"
    assert written() == before


@pytest.mark.django_db
def test_the_number_of_an_issued_plan_comes_from_the_registry(issued, district_officer):
    services.update_campaign(issued, by=district_officer, plan_number="07/KH-UBND")  # on paper
    services.update_campaign(issued, by=district_officer, plan_number="")
    services.issue_plan(issued, by=district_officer, date=DISTRICT_PLAN_DAY)
    for change in ({"plan_number": "99/KH-UBND"}, {"plan_date": dt.date(2024, 11, 21)}):
        with pytest.raises(DomainError) as refused:
            services.update_campaign(issued, by=district_officer, **change)
        assert refused.value.code == "campaigns.plan_number_registered"
    issued.refresh_from_db()
    assert (issued.plan_number, issued.plan_date) == ("01/KH-UBND", DISTRICT_PLAN_DAY)


@pytest.mark.django_db
def test_the_draft_has_no_number_and_writes_nothing(issued):
    before = written()
    text = pdf_text(services.render_draft(issued, "pdf"))
    assert "Số: /KH-UBND" in text and "Kim Bảng, ngày ... tháng ... năm 2024" in text
    assert "Số: 01" not in text
    docx = Document(io.BytesIO(services.render_draft(issued, "docx")))
    level1 = [p.text for p in docx.paragraphs if p.style.name == "NĐ30 Đề mục 1"]
    assert level1 == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    assert written() == before
    with pytest.raises(ValueError):
        services.render_draft(issued, "odt")


# --- a commune's own plan, from the same generator -------------------------------------------


@pytest.mark.django_db
def test_a_commune_issues_its_own_plan_and_sends_it(
    issued, world, commune_a_officer, own_plan, district_plan
):
    document = services.issue_plan(own_plan, by=commune_a_officer, date=dt.date(2024, 12, 2))
    issuer = Issuer.objects.get(unit=world.commune_a)
    assert (issuer.name_lines, issuer.full_name) == (
        "ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HÒA",
        "Ủy ban nhân dân xã Đông Hòa",
    )
    assert (document.symbol, document.unit) == ("01/KH-UBND", world.commune_a)  # its own series
    text = stored_text(document)
    assert (
        "Căn cứ Kế hoạch số 01/KH-UBND ngày 20/11/2024 của Ủy ban nhân dân huyện về tổ chức Hội "
        "nghị điển hình tiên tiến các cấp" in text
    )
    assert text.startswith("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM XÃ ĐÔNG HÒA")
    assert "Số: 01/KH-UBND Xã Đông Hòa, ngày 02 tháng 12 năm 2024" in text
    assert text.endswith("- Lưu: VT. Lê Văn Hòa")
    submission = services.submit_for_kind(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        use_built_plan=True,
        now=ON_TIME,
    )
    assert (submission.built_campaign, submission.document) == (own_plan, document)
    assert (submission.document_number, submission.document_date) == (
        "01/KH-UBND",
        dt.date(2024, 12, 2),
    )
    assert (submission.file_name, submission.file_type, submission.file_sha256) == (
        "01-KH-UBND-v1.pdf",
        "pdf",
        document.checksum,
    )
    assert not submission.file and submission.attachment == document.pdf
    assert (submission.status, submission.is_late) == ("submitted", False)


@pytest.mark.django_db
def test_review_return_reissue_resubmit_accept_with_a_generated_plan(
    client, issued, world, commune_a_officer, district_officer, own_plan
):
    plan = assignment_of(issued, world.commune_a)
    first_doc = services.issue_plan(own_plan, by=commune_a_officer, date=dt.date(2024, 12, 2))
    first = services.submit_plan(plan, by=commune_a_officer, built_campaign=own_plan, now=ON_TIME)
    # The district downloads what the commune sent: the issued PDF, byte for byte.
    client.force_login(district_officer)
    response = client.get(reverse("campaigns:submission-download", args=[first.pk]))
    with first_doc.pdf.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    services.return_submission(
        first, by=district_officer, reason="Ghi rõ kinh phí.", now=vn(2024, 12, 11)
    )
    services.update_campaign(own_plan, by=commune_a_officer, budget_source="Ngân sách xã.")
    second_doc = services.reissue_plan(own_plan, by=commune_a_officer, note="Ghi rõ kinh phí")
    second = services.submit_plan(
        plan, by=commune_a_officer, built_campaign=own_plan, now=vn(2024, 12, 12)
    )
    services.accept_submission(second, by=district_officer, now=vn(2024, 12, 13))
    rows = Submission.objects.filter(assignment=plan).order_by("version")
    assert [(s.version, s.status, s.document.version) for s in rows] == [
        (1, "returned", 1),
        (2, "accepted", 2),
    ]
    assert second.document == second_doc and "Ngân sách xã." in stored_text(second_doc)
    assert "Ngân sách xã." not in stored_text(first_doc)
    plan.refresh_from_db()
    assert plan.state == "accepted"


@pytest.mark.django_db
def test_sending_a_built_plan_needs_it_built_issued_and_alone(
    issued, world, commune_a_officer, own_plan
):
    plan = assignment_of(issued, world.commune_a)
    commune_b_officer = make_user("b_officer", world.commune_b)
    before = (Submission.objects.count(), AuditEntry.objects.count())
    with pytest.raises(DomainError) as refused:
        services.submit_plan(plan, by=commune_a_officer, built_campaign=own_plan, now=ON_TIME)
    assert refused.value.code == "campaigns.built_plan_not_issued"
    assert (Submission.objects.count(), AuditEntry.objects.count()) == before
    services.issue_plan(own_plan, by=commune_a_officer)
    before = (Submission.objects.count(), AuditEntry.objects.count())
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            plan,
            by=commune_a_officer,
            built_campaign=own_plan,
            upload=pdf_upload(),
            now=ON_TIME,
        )
    assert refused.value.code == "campaigns.file_and_built_plan"
    b_plan = assignment_of(issued, world.commune_b)
    with pytest.raises(DomainError) as refused:
        services.submit_for_kind(b_plan, by=commune_b_officer, use_built_plan=True, now=ON_TIME)
    assert refused.value.code == "campaigns.built_plan_missing"
    assert (Submission.objects.count(), AuditEntry.objects.count()) == before


# --- who sees what ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_commune_b_cannot_preview_or_download_commune_as_plan(
    client, issued, world, commune_a_officer, commune_b_officer, own_plan
):
    document = services.issue_plan(own_plan, by=commune_a_officer, date=dt.date(2024, 12, 2))
    submission = services.submit_plan(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        built_campaign=own_plan,
        now=ON_TIME,
    )
    client.force_login(commune_b_officer)
    before = written()
    for url in (
        reverse("campaigns:campaign-detail", args=[own_plan.pk]),
        reverse("campaigns:campaign-plan", args=[own_plan.pk]),
        reverse("campaigns:plan-draft", args=[own_plan.pk, "pdf"]),
        reverse("campaigns:plan-draft", args=[own_plan.pk, "docx"]),
        reverse("campaigns:plan-download", args=[own_plan.pk, "pdf"]),
        reverse("campaigns:plan-download", args=[own_plan.pk, "docx"]),
        reverse("documents:document-detail", args=[document.pk]),
        reverse("documents:document-download", args=[document.pk, "pdf"]),
        reverse("campaigns:submission-download", args=[submission.pk]),
        f"/api/v1/campaigns/{own_plan.pk}/plan/",
        f"/api/v1/campaigns/{own_plan.pk}/plan/documents/",
        f"/api/v1/documents/{document.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"%PDF" not in response.content and "Đông Hòa" not in response.content.decode(
            errors="ignore"
        ), url
    for url in (
        reverse("campaigns:plan-issue", args=[own_plan.pk]),
        reverse("campaigns:plan-reissue", args=[own_plan.pk]),
        f"/api/v1/campaigns/{own_plan.pk}/plan/reissue/",
    ):
        assert client.post(url).status_code == 404, url
    assert written() == before
    listed = [c["id"] for c in client.get("/api/v1/campaigns/").json()["results"]]
    assert listed == [issued.pk]  # the district's plan, sent to B too; not A's own


@pytest.mark.django_db
def test_a_commune_reads_the_issued_district_plan_but_not_its_draft(
    client, issued, commune_a_officer, district_plan
):
    client.force_login(commune_a_officer)
    page = client.get(reverse("campaigns:campaign-detail", args=[issued.pk])).content.decode()
    assert 'data-testid="plan-symbol">01/KH-UBND<' in page
    assert 'data-testid="issue-plan"' not in page and 'data-testid="draft-pdf"' not in page
    response = client.get(reverse("campaigns:plan-download", args=[issued.pk, "pdf"]))
    with district_plan.pdf.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert response["Content-Disposition"] == 'attachment; filename="01-KH-UBND-v1.pdf"'
    assert client.get(reverse("campaigns:plan-draft", args=[issued.pk, "pdf"])).status_code == 404
    # The district's register is the district's: the commune reads the plan on the campaign.
    detail = reverse("documents:document-detail", args=[district_plan.pk])
    assert client.get(detail).status_code == 404


# --- pages and API ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_district_previews_issues_and_reissues_on_the_campaign_page(
    client, issued, world, district_officer
):
    client.force_login(district_officer)
    url = reverse("campaigns:campaign-detail", args=[issued.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="plan-unissued"' in page and 'data-testid="issue-plan"' in page
    draft = client.get(reverse("campaigns:plan-draft", args=[issued.pk, "pdf"]))
    assert draft.content.startswith(b"%PDF") and "Số: /KH-UBND" in pdf_text(draft.content)
    docx = client.get(reverse("campaigns:plan-draft", args=[issued.pk, "docx"]))
    assert (
        docx["Content-Disposition"] == f'attachment; filename="du-thao-ke-hoach-{issued.pk}.docx"'
    )
    response = client.post(
        reverse("campaigns:plan-issue", args=[issued.pk]), {"date": "2024-11-20"}, follow=True
    )
    page = response.content.decode()
    assert "Đã phát hành kế hoạch số 01/KH-UBND." in page
    assert 'data-testid="plan-symbol">01/KH-UBND<' in page and 'data-testid="reissue-plan"' in page
    response = client.post(
        reverse("campaigns:plan-reissue", args=[issued.pk]), {"note": "Sửa lỗi"}, follow=True
    )
    assert "Đã phát hành lại 01/KH-UBND, phiên bản 2." in response.content.decode()
    document = GeneratedDocument.objects.get(version=2)
    assert (document.note, document.issued_by) == ("Sửa lỗi", district_officer)
    # The documents register links the plan back to its campaign.
    detail = client.get(reverse("documents:document-detail", args=[document.pk])).content.decode()
    assert f'href="{url}" data-testid="document-source">{issued.name}<' in detail


@pytest.mark.django_db
def test_a_viewer_sees_the_plan_but_cannot_issue_it(client, issued, world):
    viewer = make_user("viewer", world.district, "viewer")
    client.force_login(viewer)
    page = client.get(reverse("campaigns:campaign-detail", args=[issued.pk])).content.decode()
    assert 'data-testid="draft-pdf"' in page and 'data-testid="issue-plan"' not in page
    response = client.post(reverse("campaigns:plan-issue", args=[issued.pk]))
    assert response.status_code == 403 and GeneratedDocument.objects.count() == 0


@pytest.mark.django_db
def test_issue_and_reissue_through_the_api(client, issued, district_officer):
    client.force_login(district_officer)
    base = f"/api/v1/campaigns/{issued.pk}/plan"
    created = client.post(f"{base}/issue/", {"date": "2024-11-20"}, content_type="application/json")
    body = created.json()
    assert created.status_code == 201
    assert (body["symbol"], body["version"], body["document_date"], body["issuer"]) == (
        "01/KH-UBND",
        1,
        "2024-11-20",
        "UBND",
    )
    assert body["pdf_url"] == reverse("campaigns:plan-download", args=[issued.pk, "pdf"]) + "?v=1"
    assert (body["lineage"], body["unit_code"], body["kind"]) == (
        str(GeneratedDocument.objects.get().lineage),
        "D1",
        "KH",
    )
    again = client.post(f"{base}/issue/", {}, content_type="application/json")
    assert (again.status_code, again.json()["code"]) == (409, "campaigns.plan_already_issued")
    reissued = client.post(f"{base}/reissue/", {"note": "v2"}, content_type="application/json")
    assert (reissued.status_code, reissued.json()["version"]) == (201, 2)
    versions = client.get(f"{base}/documents/").json()
    assert [(v["symbol"], v["version"]) for v in versions] == [("01/KH-UBND", 2), ("01/KH-UBND", 1)]
    # Each version's file, through the campaign: the first one is kept as it was.
    first = client.get(versions[1]["pdf_url"])
    with GeneratedDocument.objects.get(version=1).pdf.open("rb") as stored:
        assert b"".join(first.streaming_content) == stored.read()
    assert (
        client.get(reverse("campaigns:plan-download", args=[issued.pk, "pdf"]) + "?v=9").status_code
        == 404
    )
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert {
        "/api/v1/campaigns/{id}/plan/issue/",
        "/api/v1/campaigns/{id}/plan/reissue/",
        "/api/v1/campaigns/{id}/plan/documents/",
    } <= set(schema["paths"])


@pytest.mark.django_db
def test_the_submission_api_shows_the_sent_document(
    client, issued, world, commune_a_officer, own_plan
):
    document = services.issue_plan(own_plan, by=commune_a_officer, date=dt.date(2024, 12, 2))
    client.force_login(commune_a_officer)
    plan = assignment_of(issued, world.commune_a)
    response = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"use_built_plan": True},
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 201
    assert (body["document"], body["document_number"], body["file_sha256"]) == (
        document.pk,
        "01/KH-UBND",
        document.checksum,
    )
    assert body["download_url"] == reverse("campaigns:submission-download", args=[body["id"]])
    assert Campaign.objects.get(pk=own_plan.pk).plan_number == "01/KH-UBND"
