"""Browser journey (Playwright + Debian chromium): download the template, import a file with
one bad row, read the error, fix it, import, find the honoree."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from thidua.honorees.tests.factories import good_row, workbook_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_with_a_bad_row_then_fix_and_find(
    catalogues, page, live_server, login, world, commune_a_officer, tmp_path
):
    login("commune_a")
    page.get_by_role("link", name="Điển hình", exact=True).first.click()
    page.get_by_role("link", name="Nhập từ Excel").click()
    with page.expect_download() as download_info:
        page.get_by_test_id("template-link").click()
    with open(download_info.value.path(), "rb") as downloaded:
        template = load_workbook(downloaded)
    assert template.active["C1"].value == "Loại (*)"
    assert template.active["B2"].value == "A1"  # the example row carries the user's unit code

    bad = tmp_path / "danh-sach.xlsx"
    bad.write_bytes(
        workbook_bytes(
            [
                good_row("A1", "Hoàng Thị Lụa", gender="Nữ", birth_year=1986),
                good_row("A1", "Vũ Văn Sai", birth_year=1890),
            ]
        )
    )
    page.get_by_label("Tệp Excel (.xlsx) theo mẫu").set_input_files(str(bad))
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("Năm sinh")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr td").first).to_have_text("3")
    expect(page.get_by_test_id("import-errors-summary")).to_contain_text("chưa ghi dòng nào")

    fixed = tmp_path / "danh-sach-da-sua.xlsx"
    fixed.write_bytes(
        workbook_bytes(
            [
                good_row("A1", "Hoàng Thị Lụa", gender="Nữ", birth_year=1986),
                good_row("A1", "Vũ Văn Sai", birth_year=1970),
            ]
        )
    )
    page.get_by_label("Tệp Excel (.xlsx) theo mẫu").set_input_files(str(fixed))
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã nhập 2 điển hình.")

    page.get_by_label("Tìm theo tên (có hoặc không dấu)").fill("hoang thi lua")
    table = page.get_by_test_id("honoree-table")
    expect(table).to_contain_text("Hoàng Thị Lụa")
    expect(table).not_to_contain_text("Vũ Văn Sai")
    table.get_by_role("link", name="Hoàng Thị Lụa").click()
    expect(page.get_by_test_id("honoree-name")).to_have_text("Hoàng Thị Lụa")


def test_public_story_on_a_phone(catalogues, browser, live_server, world):
    from thidua.honorees.tests.factories import make_honoree, publish

    story = publish(make_honoree(world.commune_a, "Nguyễn Văn Tiêu Biểu"), title="Tấm gương sáng")
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    errors = []
    phone.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    phone.goto(f"{live_server.url}/vinh-danh/bai/{story.token}/")
    expect(phone.get_by_test_id("story-title")).to_have_text("Tấm gương sáng")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # no horizontal scrolling on a phone
    assert errors == []
    context.close()
