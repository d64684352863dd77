"""Browser journey (Playwright + Debian chromium): the district opens the dashboard from the
menu, the charts render (canvas drawn from the json_script data under the strict CSP), it
drills down from the province to the district to a commune, and changes the campaign."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_charts_render_and_drill_down(page, live_server, login, built, world):
    from conftest import make_user

    make_user("province", world.province)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(  # CSP refusals and script errors (the browser's own favicon.ico request aside)
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )

    login("province")
    # The home page's summary, then the menu entry.
    expect(page.get_by_test_id("dashboard-summary")).to_be_visible()
    page.get_by_role("link", name="Tổng quan", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan: Tỉnh Thử Nghiệm")
    # Every chart is drawn: Chart.js sets data-rendered once it has built the chart.
    for name in ("assignments", "conferences", "budget", "honorees", "stages", "awards", "shares"):
        canvas = page.locator(f"#chart-{name}")
        expect(canvas).to_be_visible()
        expect(canvas).to_have_attribute("data-rendered", re.compile(r"^\d+$"))
    assert page.locator("#chart-assignments").evaluate("c => c.width > 0 && c.height > 0")
    expect(page.get_by_test_id("late-units")).to_have_text("1")
    expect(page.locator('#chart-budget-table tr[data-level="commune"]')).to_contain_text(
        "9.000.000"
    )

    # Drill down: province -> district -> commune B (late on every assignment).
    page.get_by_test_id("children").get_by_role("link", name="Huyện Thử Nghiệm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan: Huyện Thử Nghiệm")
    expect(page.locator('tr[data-unit="Xã Tây Sơn"]')).to_contain_text("1")
    page.get_by_test_id("children").get_by_role("link", name="Xã Tây Sơn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan: Xã Tây Sơn")
    expect(page.get_by_test_id("late-units")).to_have_text("1")
    expect(page.get_by_test_id("honorees")).to_have_text("1")
    expect(page.locator("#chart-honorees")).to_have_attribute("data-rendered", re.compile(r"\d"))
    # Back up through the breadcrumb, keeping the campaign.
    page.get_by_test_id("trail").get_by_role("link", name="Huyện Thử Nghiệm").click()
    expect(page).to_have_url(re.compile(r"ke-hoach=\d+"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan: Huyện Thử Nghiệm")
    # The campaign selector reloads the page on change (the script, not an inline handler).
    page.goto(f"{live_server.url}/tong-quan/{world.district.pk}/")
    page.get_by_label("Kế hoạch", exact=True).select_option(str(built.campaign.pk))
    expect(page).to_have_url(re.compile(rf"\?ke-hoach={built.campaign.pk}$"))
    expect(page.get_by_test_id("unit-total")).to_have_text("2")
    assert errors == []
