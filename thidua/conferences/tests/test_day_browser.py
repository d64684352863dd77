"""Browser journey of the day (issue 7): the organizer issues the invitations (one numbered GM,
the personal copies in a batch PDF) and prints the badges; the projector is open on a second
screen; at the door two badges are scanned through the check-in page (the code typed, as a
reader without a camera does), one of them twice: the repeat is answered with the time of the
first scan; the projector's counter goes from 0 to 2 by itself; the invitations list shows it."""

import pytest
from playwright.sync_api import expect

from thidua.conferences.models import Delegate
from thidua.conferences.tests.day import approved, issuer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invite_scan_two_badges_one_twice_and_watch_the_projector(
    page, live_server, login, world, conference_a, commune_a_officer
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(  # script errors and CSP refusals; the browser's own favicon probe is not one
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    issuer(world.commune_a)
    approved(conference_a, commune_a_officer, world.commune_a)

    # Print the invitations and the badges.
    login("commune_a")
    page.goto(f"{live_server.url}/hoi-nghi/{conference_a.pk}/")
    page.get_by_test_id("tab-day").click()
    expect(page.get_by_test_id("invitation-row")).to_have_count(10)
    page.get_by_test_id("issue-invitations").click()
    expect(page.get_by_test_id("invitation-batch")).to_be_visible()
    expect(page.get_by_test_id("invitation-row").first).to_contain_text("01/GM-UBND")
    badges = page.request.get(f"{live_server.url}/hoi-nghi/{conference_a.pk}/the-dai-bieu.pdf")
    assert badges.ok and badges.body().startswith(b"%PDF")
    first, second = Delegate.objects.filter(conference=conference_a).order_by("badge_number")[:2]

    # The projector on a second screen: nobody there yet.
    projector = page.context.new_page()
    projector.on("pageerror", lambda error: errors.append(str(error)))
    projector.goto(f"{live_server.url}/hoi-nghi/{conference_a.pk}/man-chieu/")
    expect(projector.get_by_test_id("projector-backdrop")).to_contain_text("Giai đoạn 2021-2025")
    expect(projector.get_by_test_id("projector-present")).to_have_text("0")
    expect(projector.get_by_test_id("projector-connection")).to_have_attribute(
        "data-state", "online"
    )

    # The door: two badges, the first one twice.
    page.get_by_test_id("go-checkin").click()
    result = page.get_by_test_id("scan-result")
    for token, outcome in ((first.token, "checked_in"), (first.token, "already"),
                           (second.token, "checked_in")):  # fmt: skip
        page.get_by_test_id("token-input").fill(token)
        page.get_by_test_id("token-submit").click()
        expect(result).to_have_attribute("data-outcome", outcome)
        if outcome == "already":
            expect(result).to_contain_text("đã điểm danh lúc")
    expect(page.get_by_test_id("attendance-present")).to_have_text("2")

    # The projector follows by itself (polling), without a reload.
    expect(projector.get_by_test_id("projector-present")).to_have_text("2", timeout=10_000)
    assert Delegate.objects.filter(checked_in_at__isnull=False).count() == 2

    page.goto(f"{live_server.url}/hoi-nghi/{conference_a.pk}/giay-moi/")
    expect(page.locator('[data-testid="invitation-row"][data-status="checked_in"]')).to_have_count(
        2
    )
    assert errors == []
