"""The progress board: statuses, counts, the late filter, a fixed number of queries, .xlsx."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.campaigns import selectors, services
from thidua.campaigns.tests.conftest import ISSUED_AT, LATE, ON_TIME, assignment_of, pdf_upload, vn
from thidua.core.testing import assert_constant_queries
from thidua.units import access
from thidua.units import services as unit_services

NOW = vn(2024, 12, 20, 9, 0)


@pytest.fixture
def progressed(issued, world, commune_a_officer, district_officer):
    """A sent late (awaiting review) and raised a difficulty; B sent nothing."""
    services.submit_plan(
        assignment_of(issued, world.commune_a), by=commune_a_officer, upload=pdf_upload(), now=LATE
    )
    services.raise_feedback(
        issued, unit=world.commune_a, by=commune_a_officer, subject="Hỏi", body="x"
    )
    return issued


@pytest.mark.django_db
def test_board_counts_late_units_and_rows(progressed, world, district_officer):
    board = selectors.board(progressed, access.scope_for(district_officer), now=NOW)
    assert board.counts == {
        "submit_plan": {"late": 1, "missing": 1},
        "hold_conference": {"not_started": 2},
        "report_results": {"not_started": 2},
    }
    assert (board.unit_total, board.late_units, board.open_feedback) == (2, 2, 1)
    rows = {
        r.unit.name: ({k: c.status for k, c in r.cells.items()}, r.open_feedback, r.is_late)
        for r in board.rows
    }
    assert rows == {
        "Xã Đông Hòa": (
            {
                "submit_plan": "late",
                "hold_conference": "not_started",
                "report_results": "not_started",
            },
            1,
            True,
        ),
        "Xã Tây Sơn": (
            {
                "submit_plan": "missing",
                "hold_conference": "not_started",
                "report_results": "not_started",
            },
            0,
            True,
        ),
    }
    assert board.count_table()[0] == ("submit_plan", "Gửi kế hoạch", [0, 0, 1, 0, 0, 1], 2)


@pytest.mark.django_db
def test_late_filter_keeps_only_late_units(issued, world, commune_a_officer, district_officer):
    services.submit_plan(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        upload=pdf_upload(),
        now=ON_TIME,
    )
    scope = access.scope_for(district_officer)
    before = selectors.board(issued, scope, now=vn(2024, 12, 12), late_only=True)
    assert before.rows == [] and before.late_units == 0
    after = selectors.board(issued, scope, now=NOW, late_only=True)
    assert [r.unit.name for r in after.rows] == ["Xã Tây Sơn"]


def grower(world, district_officer, campaign_holder):
    """Adds communes, then (re)issues a fresh campaign reaching all of them."""
    made = []

    def grow(count):
        for _ in range(count):
            index = len(made)
            made.append(
                unit_services.create_unit(
                    by=None,
                    code=f"G{index}",
                    name=f"Xã Mẫu {index}",
                    kind="commune",
                    parent=world.district,
                )
            )
        campaign = campaign_holder["campaign"]
        from thidua.campaigns.models import Assignment

        Assignment.objects.filter(campaign=campaign).delete()
        campaign.status = "draft"
        campaign.save(update_fields=["status"])
        services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
        unit = made[-1]
        plan = assignment_of(campaign, unit)
        services.submit_plan(plan, by=district_officer, upload=pdf_upload(), now=LATE)
        services.raise_feedback(campaign, unit=unit, by=district_officer, subject="Hỏi", body="x")

    return grow


@pytest.mark.django_db
def test_the_board_reads_in_a_fixed_number_of_queries(campaign, world, district_officer, client):
    grow = grower(world, district_officer, {"campaign": campaign})
    scope = access.scope_for(district_officer)

    def read():
        board = selectors.board(campaign, scope, now=NOW)
        return [(r.unit.name, sorted(r.cells), r.open_feedback) for r in board.rows]

    queries = assert_constant_queries(read, grow)
    assert queries == 7  # counts, late units, open feedback, page count, page, others, feedback
    assert len(read()) == 5  # A, B and three new communes


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["campaigns:board", "campaigns:board-export"])
def test_the_board_page_and_export_use_a_fixed_number_of_queries(
    campaign, world, district_officer, client, url_name
):
    grow = grower(world, district_officer, {"campaign": campaign})
    client.force_login(district_officer)
    url = reverse(url_name, args=[campaign.pk])
    assert_constant_queries(lambda: client.get(url), grow)


@pytest.mark.django_db
def test_export_holds_every_unit_with_its_statuses(progressed, world, district_officer, client):
    client.force_login(district_officer)
    response = client.get(reverse("campaigns:board-export", args=[progressed.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Mã", "Đơn vị", "Gửi kế hoạch", "Hạn cuối", "Gửi lúc"]
    body = {row[1]: row for row in rows[1:]}
    assert sorted(body) == ["Xã Tây Sơn", "Xã Đông Hòa"]
    assert body["Xã Đông Hòa"][2:5] == ["Gửi trễ hạn", "15/12/2024", "18/12/2024 10:00"]
    assert body["Xã Tây Sơn"][2] == "Quá hạn, chưa gửi"  # the real clock is past 16/12/2024
    assert body["Xã Đông Hòa"][-2:] == ["có", 1]


@pytest.mark.django_db
def test_board_html_shows_counts_chart_data_and_rows(progressed, world, district_officer, client):
    client.force_login(district_officer)
    html = client.get(reverse("campaigns:board", args=[progressed.pk])).content.decode()
    assert 'data-testid="unit-total">2<' in html
    assert 'data-testid="late-units">2<' in html
    assert 'id="board-chart-data" type="application/json"' in html
    assert '<tr data-unit="Xã Đông Hòa">' in html and '<tr data-unit="Xã Tây Sơn">' in html
    assert "<script>" not in html  # no inline script (CSP)
    late = client.get(reverse("campaigns:board", args=[progressed.pk]), {"tre-han": "1"})
    assert late.content.decode().count("<tr data-unit=") == 2
