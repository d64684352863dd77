"""The journey in a real browser: a commune proposes three people, its council approves them,
the chair decides Giấy khen for two and prints their certificates, and the third, proposed for
a Bằng khen of the province, goes up as a Tờ trình that appears in the district's inbox."""

from __future__ import annotations

import pytest

from thidua.awards.models import Decision, Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_propose_review_decide_print_and_escalate(awards_world, page, live_server, login):
    w = awards_world
    base = live_server.url

    def as_user(username):
        page.context.clear_cookies()
        login(username)

    as_user("org_a")
    page.goto(f"{base}/khen-thuong/")
    page.get_by_test_id("new-proposal").click()
    page.get_by_label("Tên đề nghị").fill("Khen thưởng Hội nghị tuyên dương 2020-2025")
    page.get_by_label("Thành tích từ năm").fill("2020")
    page.get_by_label("Đến năm").fill("2025")
    page.get_by_role("button", name="Tạo đề nghị").click()
    for name, form_name in (
        ("Nguyễn Thị Lan", "Giấy khen"),
        ("Trần Văn Minh", "Giấy khen"),
        ("Lê Thị Hoa", "Bằng khen của Chủ tịch UBND tỉnh"),
    ):
        page.get_by_label("Cá nhân / tập thể").select_option(label=name)
        page.get_by_label("Hình thức đề nghị").select_option(label=form_name)
        page.get_by_label("Tóm tắt thành tích").fill("Thành tích xuất sắc trong phong trào thi đua")
        page.get_by_label("Xếp loại năm cuối").select_option("excellent")
        page.get_by_role("button", name="Thêm vào đề nghị").click()
    assert page.get_by_test_id("candidate-row").count() == 3
    page.get_by_test_id("submit-review").click()
    assert page.get_by_test_id("proposal-status").inner_text() == "Hội đồng đang xét"
    proposal_url = page.url

    as_user("council_a")
    page.goto(proposal_url)
    for name in ("Nguyễn Thị Lan", "Trần Văn Minh", "Lê Thị Hoa"):
        page.get_by_label(f"Số phiếu nhất trí: {name}").fill("3")
    page.get_by_label("Ngày họp").fill("2025-03-20")
    page.get_by_label("Số thành viên có mặt").fill("3")
    page.get_by_test_id("close-review").click()
    assert page.get_by_test_id("minutes-link").inner_text() == "01/BB-HĐTĐKT"

    as_user("leader_a")
    page.goto(proposal_url)
    page.get_by_label("Lê Thị Hoa", exact=True).uncheck()
    page.get_by_label("Ngày ký").fill("2025-03-20")
    page.get_by_test_id("decide").click()
    assert page.get_by_test_id("decision-symbol").inner_text() == "01/QĐ-UBND"
    assert page.get_by_test_id("entry-row").count() == 2
    page.get_by_label("Cách in").select_option("full")
    page.get_by_test_id("print-certificates").click()
    page.get_by_test_id("batch-download").wait_for()
    assert page.get_by_test_id("batch-status").inner_text() == "Hoàn thành"
    decision = Decision.objects.get()
    assert sorted(decision.entries.values_list("honoree__name", flat=True)) == [
        "Nguyễn Thị Lan",
        "Trần Văn Minh",
    ]

    page.goto(proposal_url)
    page.get_by_label("Ngày ký").fill("2025-03-21")
    page.get_by_test_id("escalate").click()
    assert page.get_by_test_id("submission-symbol").inner_text() == "01/TTr-UBND"
    assert Submission.objects.get().to_unit == w.world.district

    as_user("leader_d")
    page.goto(f"{base}/khen-thuong/")
    inbox = page.get_by_test_id("inbox-item")
    assert inbox.count() == 1
    assert "Lê Thị Hoa (Bằng khen của Chủ tịch UBND tỉnh)" in inbox.inner_text()
