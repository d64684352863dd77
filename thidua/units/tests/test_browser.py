"""Browser journey (Playwright + Debian chromium): a commune officer browses units and cannot
open the neighbouring commune."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_commune_officer_browses_units_and_cannot_open_the_neighbour(
    page, live_server, login, world, commune_a_officer
):
    login("commune_a")
    expect(page.locator("h1")).to_contain_text("Xin chào")
    page.get_by_role("link", name="Đơn vị", exact=True).first.click()
    tree = page.get_by_test_id("unit-tree")
    expect(tree).to_contain_text("Xã Đông Hòa")
    expect(tree).not_to_contain_text("Xã Tây Sơn")
    # Expanding the node loads its children with htmx.
    page.locator("summary").filter(has_text="Xã Đông Hòa").locator(".meta").click()
    expect(tree.get_by_role("link", name="Trường Tiểu học Đông Hòa")).to_be_visible()
    # Search without diacritics, live.
    page.get_by_label("Tìm đơn vị").fill("tieu hoc")
    results = page.get_by_test_id("unit-search-results")
    expect(results).to_contain_text("Trường Tiểu học Đông Hòa")
    page.get_by_label("Tìm đơn vị").fill("tay son")
    expect(page.locator("#unit-results")).to_contain_text("Không tìm thấy đơn vị nào.")
    # Open one's own unit.
    page.goto(f"{live_server.url}/don-vi/{world.commune_a.pk}/")
    expect(page.get_by_test_id("unit-name")).to_have_text("Xã Đông Hòa")
    expect(page.get_by_test_id("staff-count")).to_have_text("150")
    # The neighbour's page does not exist for this officer.
    response = page.goto(f"{live_server.url}/don-vi/{world.commune_b.pk}/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("Xã Tây Sơn")


def test_pages_carry_a_strict_content_security_policy(
    page, live_server, login, world, commune_a_officer
):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    login("commune_a")
    response = page.goto(f"{live_server.url}/don-vi/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    page.locator("summary").first.locator(".meta").click()
    expect(page.get_by_test_id("unit-tree")).to_contain_text("Trường Tiểu học")
    assert not [e for e in errors if re.search("Content Security Policy", e)], errors
