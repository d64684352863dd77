"""Browser journey (Playwright + Debian chromium): the district issues the campaign, a commune
submits late, the board shows it late, the district returns it, the commune resubmits."""

import re

import pytest
from playwright.sync_api import expect

from thidua.campaigns.tests.conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}


def test_issue_submit_late_board_return_resubmit(
    page, live_server, login, world, district_officer, commune_a_officer, preset
):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # The district creates the campaign from the seed's preset and issues it.
    login("district")
    page.get_by_role("link", name="Kế hoạch", exact=True).first.click()
    page.get_by_role("link", name="Tạo kế hoạch từ mẫu").click()
    page.get_by_label("Mẫu").select_option(label="Kim Bảng 2024 (3 cấp)")
    page.get_by_role("button", name="Tạo kế hoạch").click()
    expect(page.get_by_test_id("plan-deadline")).to_contain_text("trước ngày 16/12/2024")
    page.get_by_test_id("issue-campaign").click()
    expect(page.get_by_test_id("campaign-status")).to_have_text("Đã ban hành")
    campaign_url = page.url
    page.context.clear_cookies()

    # Commune A sends its plan: the real clock is long past 16/12/2024, so it is late.
    login("commune_a")
    page.get_by_role("link", name="Gửi kế hoạch").first.click()
    expect(page.get_by_test_id("assignment-kind")).to_have_text("Gửi kế hoạch")
    page.get_by_label("Tệp kế hoạch (PDF hoặc DOCX)").set_input_files(pdf("ke-hoach-dong-hoa.pdf"))
    page.get_by_label("Số văn bản").fill("12/KH-UBND")
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("late-badge")).to_be_visible()
    expect(page.get_by_test_id("history")).to_contain_text("ke-hoach-dong-hoa.pdf")
    assignment_url = page.url
    page.context.clear_cookies()

    # The district's board shows A late; B missing; the late filter keeps both.
    login("district")
    page.goto(campaign_url)
    page.get_by_role("link", name="Bảng tiến độ").click()
    row = page.locator('tr[data-unit="Xã Đông Hòa"]')
    expect(row.locator("[data-status]").first).to_have_text("Gửi trễ hạn")
    expect(page.locator('tr[data-unit="Xã Tây Sơn"] [data-status]').first).to_have_text(
        "Quá hạn, chưa gửi"
    )
    expect(page.get_by_test_id("late-units")).to_have_text("2")
    expect(page.locator("#board-chart")).to_be_visible()
    page.get_by_test_id("late-only").click()
    expect(page.locator("tr[data-unit]")).to_have_count(2)
    # It returns the plan with a reason.
    row.get_by_role("link", name="Gửi trễ hạn").click()
    page.get_by_label("Lý do trả lại").fill("Bổ sung dự toán kinh phí hội nghị.")
    page.get_by_test_id("return").click()
    expect(page.get_by_test_id("return-reason")).to_contain_text("Bổ sung dự toán kinh phí")
    page.context.clear_cookies()

    # The commune sees the reason and sends the corrected plan.
    login("commune_a")
    page.goto(assignment_url)
    expect(page.get_by_test_id("return-reason")).to_be_visible()
    page.get_by_label("Tệp kế hoạch (PDF hoặc DOCX)").set_input_files(pdf("ke-hoach-bo-sung.pdf"))
    page.get_by_test_id("submit").click()
    history = page.get_by_test_id("history")
    expect(history.locator("li[data-version]")).to_have_count(2)
    expect(history.locator('li[data-version="2"]')).to_contain_text("ke-hoach-bo-sung.pdf")
    expect(history.locator('li[data-version="1"]')).to_contain_text("Trả lại")
    # The bell shows the return notice.
    expect(page.get_by_test_id("notification-count")).to_have_text(re.compile(r"[1-9]"))
    assert not [e for e in errors if "Content Security Policy" in e], errors
