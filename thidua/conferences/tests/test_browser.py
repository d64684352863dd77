"""Browser journey (Playwright + Debian chromium): create the conference from the campaign's
rules, accept the agenda, let the optimizer propose and apply it, remove a woman delegate, see
the women rule turn red on the live checker, fix it from the pool."""

import pytest
from playwright.sync_api import expect

from thidua.conferences.tests.conftest import add_women_rule, honoree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rule(page, label):
    return page.locator(f'[data-testid="rule-row"][data-label="{label}"]')


def test_create_accept_propose_remove_a_woman_and_fix(
    page, live_server, login, world, campaign, commune_a_officer
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(  # CSP refusals and script errors; a refused form's 400 is expected, not an error
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    add_women_rule(campaign)  # women >= 40% of the list
    for _ in range(6):  # men with the stronger records
        honoree(world.commune_a, "male", records=[("cstdcs", 2022), ("cstdcs", 2023)])
    for _ in range(5):  # women with weaker ones: the optimizer takes only as many as needed
        honoree(world.commune_a, "female", records=[("ldtt", 2023)])

    # Set-up: the commune has 150 staff, so the rule makes it a plenary conference.
    login("commune_a")
    page.get_by_role("link", name="Hội nghị", exact=True).first.click()
    page.get_by_role("link", name="Tổ chức hội nghị").click()
    expect(page.get_by_test_id("format-by-rule")).to_contain_text("Hội nghị toàn thể")
    page.get_by_label("Ngày tổ chức").fill("2025-04-02")  # outside Q1: refused with the rule
    page.get_by_label("Buổi").select_option("morning")
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã Đông Hòa")
    page.get_by_test_id("create-conference").click()
    expect(page.get_by_test_id("form-error")).to_contain_text("Quý I năm 2025")
    page.get_by_label("Ngày tổ chức").fill("2025-03-18")
    page.get_by_test_id("create-conference").click()
    expect(page.get_by_test_id("format")).to_have_text("Hội nghị toàn thể")

    # Agenda: the plan's nine items, timed; accept.
    page.get_by_test_id("tab-agenda").click()
    expect(page.get_by_test_id("agenda-row")).to_have_count(9)
    page.get_by_test_id("accept-agenda").click()
    expect(page.get_by_test_id("agenda-accepted")).to_be_visible()

    # Guests by hand (30% of a list of 10): one woman, two men.
    page.get_by_test_id("tab-delegates").click()
    for name, gender in (("Trần Thị Khách", "female"), ("Lê Văn Khách", "male"),
                         ("Phạm Văn Khách", "male")):  # fmt: skip
        page.get_by_label("Họ và tên", exact=True).fill(name)
        page.get_by_label("Giới tính").select_option(gender)
        page.get_by_test_id("add-manual").click()
        expect(page.locator(f'[data-testid="delegate-row"][data-name="{name}"]')).to_be_visible()

    # The optimizer proposes 10; apply it.
    page.get_by_test_id("tab-proposals").click()
    page.get_by_label("Số đại biểu").fill("10")
    page.get_by_label("Số gốc bốc thăm").fill("7")
    page.get_by_test_id("run-optimizer").click()
    expect(page.get_by_test_id("proposal-status")).to_have_attribute("data-status", "optimal")
    expect(page.get_by_test_id("chosen-row")).to_have_count(10)
    page.get_by_test_id("apply-proposal").click()
    expect(page.get_by_test_id("delegate-row")).to_have_count(10)
    expect(page.get_by_test_id("checker")).to_have_attribute("data-passed", "true")
    expect(rule(page, "đại biểu nữ")).to_have_attribute("data-passed", "true")

    # Remove a woman honoree: the women rule turns red at once (htmx, no reload).
    woman = page.locator(
        '[data-testid="delegate-row"][data-gender="female"][data-category="honoree"]'
    ).first
    woman.get_by_test_id("remove-delegate").click()
    expect(rule(page, "đại biểu nữ")).to_have_attribute("data-passed", "false")
    expect(page.get_by_test_id("rule-message").first).to_be_visible()
    expect(page.get_by_test_id("checker")).to_contain_text("Thiếu 1 đại biểu nữ")
    expect(page.get_by_test_id("delegate-row")).to_have_count(9)

    # Fix it: add a woman from the pool; every rule is green again.
    page.locator('[data-testid="pool-row"][data-gender="female"]').first.get_by_test_id(
        "add-delegate"
    ).click()
    expect(rule(page, "đại biểu nữ")).to_have_attribute("data-passed", "true")
    expect(page.get_by_test_id("checker")).to_have_attribute("data-passed", "true")
    expect(page.get_by_test_id("delegate-row")).to_have_count(10)
    page.get_by_test_id("approve-list").click()
    expect(page.get_by_test_id("list-status")).to_have_text("Đã duyệt danh sách đại biểu")
    assert errors == []
