"""Browser journey (Playwright + Debian chromium): the organizer opens an electronic poll, two
delegates vote from their "phones" (separate browser contexts, no login) with the tokens of
their slips, the organizer closes, the chair certifies, and the district sees the names in its
conference's pool."""

import re

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from thidua.elections.tests.conftest import nominate, seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


def _watch(page, errors):
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(  # CSP refusals and script errors (the browser's own favicon probe is not one)
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)


def test_open_vote_from_two_phones_close_certify_see_the_pool(
    page, browser, live_server, login, world, campaign, conference_a, conference_d,
    commune_a_officer, leader_a, district_officer, issuer_a,
):  # fmt: skip
    errors = []
    _watch(page, errors)
    people = seat(conference_a, commune_a_officer, 3)
    nominate(conference_a, commune_a_officer, people[:2])
    first, second = people[0].name, people[1].name

    login("commune_a")
    page.goto(f"{live_server.url}/bau-dai-bieu/")
    page.get_by_role("link", name=conference_a.name).first.click()
    expect(page.get_by_test_id("nominee")).to_have_count(2)
    page.get_by_label("Hình thức", exact=True).select_option("electronic")
    page.get_by_label("Số người được cử (để trống: theo phân bổ)").fill("2")
    page.get_by_test_id("create-poll").click()
    expect(page.get_by_test_id("poll-status")).to_have_attribute("data-status", "draft")
    page.get_by_test_id("open-poll").click()
    expect(page.get_by_test_id("slip")).to_have_count(3)
    links = page.get_by_test_id("slip-link").all_inner_texts()
    poll_url = page.get_by_role("link", name="Về trang biểu quyết").get_attribute("href")

    receipts = []
    for link, choices in ((links[0], (first, second)), (links[1], (first,))):
        phone = browser.new_context(viewport={"width": 390, "height": 844})
        screen = phone.new_page()
        _watch(screen, errors)
        screen.goto(link)
        for name in choices:
            screen.get_by_label(name).check()
        screen.get_by_test_id("cast").click()
        expect(screen.get_by_test_id("vote-done")).to_be_visible()
        receipts.append(screen.get_by_test_id("receipt-code").inner_text())
        screen.goto(link)  # the same token again: refused
        expect(screen.get_by_test_id("vote-used")).to_be_visible()
        phone.close()
    assert all(re.fullmatch(r"[A-Z2-7]+", r) for r in receipts)

    page.goto(f"{live_server.url}{poll_url}")
    expect(page.get_by_test_id("ballot-count")).to_contain_text("2")
    page.get_by_test_id("close-poll").click()
    expect(page.get_by_test_id("poll-status")).to_have_attribute("data-status", "closed")
    expect(page.get_by_test_id("rule-text")).to_contain_text("quá một nửa")

    chair = browser.new_context().new_page()
    _watch(chair, errors)
    _sign_in(chair, live_server, "leader_a")
    chair.goto(f"{live_server.url}{poll_url}")
    chair.get_by_test_id("certify-poll").click()
    expect(chair.get_by_test_id("poll-status")).to_have_attribute("data-status", "certified")
    expect(chair.get_by_test_id("certified-names")).to_contain_text(first)

    voter = browser.new_context().new_page()
    voter.goto(f"{live_server.url}/bau-dai-bieu/bien-nhan/?ma={receipts[1]}")
    expect(voter.get_by_test_id("receipt-result")).to_contain_text("đã được đếm")

    district = browser.new_context().new_page()
    _watch(district, errors)
    _sign_in(district, live_server, "district")
    district.goto(f"{live_server.url}/bau-dai-bieu/hoi-nghi/{conference_d.pk}/phan-bo/")
    pool = district.get_by_test_id("upper-pool")
    # 3 present: more than half of 2 valid ballots is 2 -> only the first is elected.
    expect(pool).to_contain_text(first)
    expect(pool).not_to_contain_text(second)
    assert errors == []
