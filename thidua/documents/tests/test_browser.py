"""Browser journeys (Playwright + Debian chromium): find an issued document, download it,
re-issue it; watch a batch finish and download its PDF; a failed batch is retried."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from thidua.documents import batches, services
from thidua.documents import spec as s
from thidua.documents.models import DocumentBatch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def notice(n: int) -> s.DocumentSpec:
    return s.DocumentSpec(
        type_code="TB",
        issuer=s.IssuingBody(("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND", "Đông Hòa"),
        summary=(f"Thông báo số {n} về Hội nghị tuyên dương",),
        blocks=(s.Paragraph("Nội dung."),),
    )


def test_officer_finds_downloads_and_reissues_a_document(
    page, live_server, login, world, commune_a_officer
):
    issuer = services.create_issuer(
        by=None,
        unit=world.commune_a,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"],
        place="Đông Hòa",
    )
    services.issue_document(by=None, issuer=issuer, spec=notice(1), date=dt.date(2025, 2, 5))
    login("commune_a")
    page.get_by_role("link", name="Văn bản", exact=True).first.click()
    table = page.get_by_test_id("documents-table")
    expect(table).to_contain_text("01/TB-UBND")
    expect(table).to_contain_text("05/02/2025")
    with page.expect_download() as download:
        table.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == "01-TB-UBND-v1.pdf"
    table.get_by_role("link", name="01/TB-UBND").click()
    page.get_by_label("Lý do phát hành lại").fill("Sửa lỗi trình bày")
    page.get_by_role("button", name="Phát hành lại (giữ nguyên số)").click()
    expect(page.locator(".alert-success")).to_contain_text("phiên bản 2")
    expect(page.get_by_test_id("versions-table")).to_contain_text("Sửa lỗi trình bày")
    expect(page.get_by_test_id("versions-table").locator("tbody tr")).to_have_count(2)


def test_batch_page_shows_progress_then_the_download(
    page, live_server, login, world, commune_a_officer, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    batch = services.start_batch(
        by=None, unit=world.commune_a, title="Giấy mời thử", specs=[notice(1), notice(2)]
    )
    login("commune_a")
    page.goto(f"{live_server.url}/van-ban/lo/{batch.pk}/")
    expect(page.get_by_test_id("batch-status")).to_have_text("Đang chờ")
    batches.run_batch(batch.pk, str(batch.run_token))  # the worker, while the page polls
    expect(page.get_by_test_id("batch-status")).to_have_text("Hoàn thành", timeout=10_000)
    expect(page.get_by_test_id("batch-download")).to_be_visible()
    DocumentBatch.objects.filter(pk=batch.pk).update(status="failed", error="Lỗi thử")
    page.reload()
    expect(page.get_by_test_id("batch-error")).to_contain_text("Lỗi thử")
    page.get_by_test_id("batch-retry").click()
    expect(page.get_by_test_id("batch-status")).to_have_text("Đang chờ")
