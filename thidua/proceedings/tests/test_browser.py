"""Browser journey (Playwright + Debian chromium): from the conference page to the budget, add
two expenses and the bonuses of twelve Giấy khen, record an actual amount (htmx, no reload),
watch the totals, the variance and the amount in words change, print the estimate."""

import subprocess

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_budget_lines_totals_variance_and_the_printed_estimate(
    page, live_server, login, conference_a
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    login("commune_a")
    page.goto(f"{live_server.url}/hoi-nghi/{conference_a.pk}/")
    page.get_by_test_id("link-budget").click()
    expect(page.get_by_test_id("total-planned")).to_have_text("0")

    form = page.get_by_test_id("line-form")
    form.get_by_label("Khoản mục").select_option("venue")
    form.get_by_label("Nội dung chi").fill("Thuê hội trường, âm thanh")
    form.get_by_label("Số lượng").fill("1")
    form.get_by_label("Đơn giá (đồng)").fill("3000000")
    page.get_by_test_id("add-line").click()
    expect(page.get_by_test_id("total-planned")).to_have_text("3.000.000")

    form = page.get_by_test_id("line-form")
    form.get_by_label("Khoản mục").select_option("refreshments")
    form.get_by_label("Nội dung chi").fill("Nước uống đại biểu")
    form.get_by_label("Số lượng").fill("120")
    form.get_by_label("Đơn giá (đồng)").fill("15000")
    page.get_by_test_id("add-line").click()
    expect(page.get_by_test_id("total-planned")).to_have_text("4.800.000")

    bonus = page.get_by_test_id("bonus-form")
    bonus.get_by_label("Hình thức khen thưởng").select_option(label="Giấy khen")
    bonus.get_by_label("Đối tượng").select_option("0")
    bonus.get_by_label("Số lượng").fill("12")
    page.get_by_test_id("add-bonus").click()
    # 12 × (0,3 × 2.340.000 = 702.000, rounded up to 710.000) = 8.520.000
    expect(page.get_by_test_id("total-planned")).to_have_text("13.320.000")
    expect(page.get_by_test_id("in-words")).to_contain_text(
        "Mười ba triệu ba trăm hai mươi nghìn đồng"
    )

    # The actual amount of the hall, recorded in place (htmx swaps the table).
    first = page.get_by_test_id("budget-line").first
    first.get_by_test_id("actual-input").fill("2750000")
    first.get_by_test_id("actual-save").click()
    expect(page.get_by_test_id("total-actual")).to_have_text("2.750.000")
    expect(page.get_by_test_id("total-variance")).to_have_text("-10.570.000 (-79,4%)")
    venue = page.locator('[data-testid="category"][data-category="venue"]')
    expect(venue.get_by_test_id("category-actual")).to_have_text("2.750.000")

    # The printed estimate: a PDF from the documents engine with the total in words.
    href = page.get_by_test_id("print-estimate").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.headers["content-type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.body(), capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    assert "DỰ TOÁN KINH PHÍ" in flat
    assert "Bằng chữ: Mười ba triệu ba trăm hai mươi nghìn đồng." in flat
    assert errors == []
