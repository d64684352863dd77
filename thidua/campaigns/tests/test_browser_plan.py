"""Browser journey (Playwright + Debian chromium): the district issues its plan as a numbered KH,
a commune builds its own plan from it, issues it, sends it; the district reviews the real
numbered plan and accepts it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_district_issues_its_plan_commune_builds_issues_and_sends_its_own(
    page, live_server, login, world, district_officer, commune_a_officer, preset
):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # The district creates the campaign from the seed's preset, issues it to the communes and
    # issues its plan as a numbered KH.
    login("district")
    page.goto(f"{live_server.url}/ke-hoach/tao/")
    page.get_by_label("Mẫu").select_option(label="Kim Bảng 2024 (3 cấp)")
    page.get_by_role("button", name="Tạo kế hoạch").click()
    expect(page.get_by_test_id("plan-unissued")).to_be_visible()
    with page.expect_download() as draft:
        page.get_by_test_id("draft-pdf").click()
    assert draft.value.suggested_filename.startswith("du-thao-ke-hoach-")
    page.get_by_test_id("issue-campaign").click()
    expect(page.get_by_test_id("campaign-status")).to_have_text("Đã ban hành")
    page.get_by_label("Ngày ký ban hành").fill("2024-11-20")
    page.get_by_test_id("issue-plan").click()
    expect(page.get_by_test_id("plan-symbol")).to_have_text("01/KH-UBND")
    with page.expect_download() as issued:
        page.get_by_test_id("plan-pdf").click()
    assert issued.value.suggested_filename == "01-KH-UBND-v1.pdf"
    with open(issued.value.path(), "rb") as stored:
        assert stored.read(5) == b"%PDF-"
    page.context.clear_cookies()

    # Commune A reads the district's plan, builds its own from it, issues and sends it.
    login("commune_a")
    page.get_by_role("link", name="Gửi kế hoạch").first.click()
    assignment_url = page.url
    page.get_by_role("button", name="Lập kế hoạch của đơn vị từ kế hoạch này").click()
    expect(page.get_by_test_id("campaign-name")).to_contain_text("Xã Đông Hòa")
    page.get_by_test_id("issue-plan").click()
    expect(page.get_by_test_id("plan-symbol")).to_have_text("01/KH-UBND")
    page.get_by_test_id("send-plan").click()
    assert page.url == assignment_url
    expect(page.get_by_test_id("built-document")).to_contain_text("01/KH-UBND")
    page.get_by_label("Gửi kế hoạch đã lập và phát hành trên hệ thống (thay cho tệp)").check()
    page.get_by_test_id("submit").click()
    history = page.get_by_test_id("history")
    expect(history.locator('li[data-version="1"]')).to_contain_text("01/KH-UBND")
    expect(history.get_by_test_id("download")).to_have_text("01-KH-UBND-v1.pdf")
    page.context.clear_cookies()

    # The district reviews the numbered plan the commune sent, downloads it, and accepts it.
    login("district")
    page.goto(assignment_url)
    expect(page.get_by_test_id("built-plan")).to_contain_text("01/KH-UBND (phiên bản 1)")
    with page.expect_download() as sent:
        page.get_by_test_id("download").click()
    with open(sent.value.path(), "rb") as stored:
        assert stored.read(5) == b"%PDF-"
    page.get_by_test_id("accept").click()
    expect(page.get_by_test_id("history").locator('li[data-version="1"]')).to_contain_text(
        "Đã chấp nhận"
    )
    assert not [e for e in errors if "Content Security Policy" in e], errors
