"""The pages: what each persona sees, 404 outside the scope, drill-down links, campaign
selector, the .xlsx export (content, formula-safe), the home page's summary and the menu."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conftest import make_user


def page(client, unit, campaign=None, name="dashboards:unit"):
    url = reverse(name, args=[unit.pk])
    return client.get(url + (f"?ke-hoach={campaign.pk}" if campaign else ""))


@pytest.mark.django_db
def test_the_district_dashboard_shows_figures_charts_and_tables(built, district_officer, client):
    client.force_login(district_officer)
    response = page(client, built.world.district)
    assert response.status_code == 200
    html = response.content.decode()
    # The newest campaign is chosen by default; its figures are on the page.
    assert response.context["campaign"] == built.campaign
    assert 'data-testid="late-units">1<' in html
    assert 'data-testid="honorees">4<' in html
    # Charts: a canvas reading a json_script block, and the numbers as a table next to it.
    for name in ("assignments", "conferences", "budget", "honorees", "stages", "awards", "shares"):
        assert f'data-chart="chart-{name}-data"' in html
        assert f'id="chart-{name}-data" type="application/json"' in html
    assert 'id="chart-assignments-table"' in html
    # The budget: planned against actual by level, with the total and the variance.
    budget = html.split('data-testid="budget"')[1].split("</table>")[0]
    assert '<tr data-level="commune">' in budget
    assert ">10.000.000<" in budget and ">9.000.000<" in budget and ">-1.000.000<" in budget
    children = html.split('data-testid="children"')[1].split("</table>")[0]
    assert '<td class="text-end" data-budget="planned">10.000.000</td>' in children
    # No inline script: only src= scripts and JSON data blocks.
    assert "<script>" not in html
    # Drill-down: each commune links to its own dashboard, keeping the campaign.
    for commune in (built.world.commune_a, built.world.commune_b):
        link = reverse("dashboards:unit", args=[commune.pk]) + f"?ke-hoach={built.campaign.pk}"
        assert link in html
    # The late unit is listed with its late assignments.
    assert "Xã Tây Sơn</a>: Gửi kế hoạch, Tổ chức hội nghị, Báo cáo kết quả" in html


@pytest.mark.django_db
def test_a_commune_sees_its_own_dashboard_and_nothing_of_its_neighbour(
    built, commune_a_officer, client
):
    client.force_login(commune_a_officer)
    response = page(client, built.world.commune_a)
    assert response.status_code == 200
    assert response.context["campaign"] == built.campaign  # issued to it by the district
    assert response.context["board"].honorees.total == 3
    # B, the district above and the province: 404 (not 403), pages and exports alike.
    for unit in (built.world.commune_b, built.world.district, built.world.province):
        assert page(client, unit).status_code == 404
        assert page(client, unit, name="dashboards:unit-export").status_code == 404
    # The whole country is for administrators only.
    assert client.get(reverse("dashboards:country")).status_code == 404
    # The breadcrumb does not show the units above the commune's scope.
    html = response.content.decode()
    assert "Huyện Thử Nghiệm" not in html.split('data-testid="trail"')[1].split("</ol>")[0]


@pytest.mark.django_db
def test_a_campaign_of_another_subtree_is_404(built, commune_a_officer, client, preset, world):
    from thidua.campaigns import services

    other_district = make_user("other", world.province)
    province_campaign = services.create_campaign(
        preset=preset, issuer=world.province, by=other_district
    )
    client.force_login(commune_a_officer)
    # A draft of the province is invisible to commune A: 404, not an empty dashboard.
    assert page(client, built.world.commune_a, province_campaign).status_code == 404
    response = client.get(
        reverse("dashboards:unit", args=[built.world.commune_a.pk]) + "?ke-hoach=abc"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_home_redirects_to_the_active_unit_and_admins_see_the_country(
    built, district_officer, admin_user, client
):
    client.force_login(district_officer)
    response = client.get(reverse("dashboards:home"))
    assert response.url == reverse("dashboards:unit", args=[built.world.district.pk])
    client.force_login(admin_user)
    assert client.get(reverse("dashboards:home")).url == reverse("dashboards:country")
    response = client.get(reverse("dashboards:country") + f"?ke-hoach={built.campaign.pk}")
    assert response.status_code == 200
    assert [row.name for row in response.context["board"].children] == ["Tỉnh Thử Nghiệm"]
    assert response.context["board"].assignments.late_units == 1


@pytest.mark.django_db
def test_the_export_holds_the_figures_of_the_page(built, district_officer, client):
    client.force_login(district_officer)
    response = page(client, built.world.district, built.campaign, "dashboards:unit-export")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Tổng quan",
        "Tiến độ",
        "Hội nghị",
        "Đại biểu",
        "Điển hình",
        "Khen thưởng",
        "Kinh phí",
        "Đơn vị trực thuộc",
    ]
    summary = {row[0]: row[1] for row in book["Tổng quan"].iter_rows(values_only=True) if row}
    assert summary["Đơn vị trễ hạn"] == 1
    assert summary["Điển hình tiên tiến"] == 4
    progress = list(book["Tiến độ"].iter_rows(values_only=True))
    assert progress[1] == ("Gửi kế hoạch", 0, 0, 0, 0, 1, 1, 2)
    late = ("Xã Tây Sơn", "Gửi kế hoạch, Tổ chức hội nghị, Báo cáo kết quả")
    assert late in [row[:2] for row in progress]
    shares = {r[0]: r[1:] for r in book["Khen thưởng"].iter_rows(values_only=True) if r and r[0]}
    assert shares["Nữ"][:3] == (2, 3, 66.7)
    children = list(book["Đơn vị trực thuộc"].iter_rows(values_only=True))
    assert ("Xã Tây Sơn", 1, 1, 0, 0, 1, 1, 0, 0) in children
    assert ("Xã Đông Hòa", 1, 0, 1, 1, 3, 3, 10_000_000, 9_000_000) in children
    assert summary["Kinh phí thực chi (đồng)"] == 9_000_000
    budget = list(book["Kinh phí"].iter_rows(values_only=True))
    assert budget[1] == ("Cấp xã", 1, 10_000_000, 9_000_000, -1_000_000)
    assert budget[-1] == ("Cộng", 1, 10_000_000, 9_000_000, -1_000_000)


@pytest.mark.django_db
def test_the_export_writes_formula_like_names_as_text(built, district_officer, client):
    from thidua.units import services

    services.create_unit(
        by=None,
        code="EVIL",
        name='=HYPERLINK("http://x","y")',
        kind="commune",
        parent=built.world.district,
    )
    client.force_login(district_officer)
    response = page(client, built.world.district, built.campaign, "dashboards:unit-export")
    book = load_workbook(io.BytesIO(response.content))
    names = [row[0] for row in book["Đơn vị trực thuộc"].iter_rows(values_only=True)]
    assert '\'=HYPERLINK("http://x","y")' in names
    assert not any(isinstance(n, str) and n.startswith("=") for n in names)


@pytest.mark.django_db
def test_the_home_page_has_the_summary_and_the_menu_links_the_dashboard(
    built, district_officer, client
):
    client.force_login(district_officer)
    html = client.get("/").content.decode()
    assert 'data-testid="dashboard-summary"' in html
    assert reverse("dashboards:home") in html
    summary = html.split('data-testid="dashboard-summary"')[1]
    assert 'data-testid="summary-late">1<' in summary


@pytest.mark.django_db
def test_a_communes_export_and_home_summary_hold_only_its_own_figures(
    built, commune_a_officer, client
):
    client.force_login(commune_a_officer)
    response = page(client, built.world.commune_a, built.campaign, "dashboards:unit-export")
    book = load_workbook(io.BytesIO(response.content))
    cells = {
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    assert "Xã Tây Sơn" not in cells and "Huyện Thử Nghiệm" not in cells
    summary = {row[0]: row[1] for row in book["Tổng quan"].iter_rows(values_only=True) if row}
    assert (summary["Đơn vị thực hiện"], summary["Đơn vị trễ hạn"]) == (1, 0)
    assert summary["Điển hình tiên tiến"] == 3
    assert summary["Kinh phí dự toán (đồng)"] == 10_000_000
    html = client.get("/").content.decode().split('data-testid="dashboard-summary"')[1]
    assert 'data-testid="summary-late">0<' in html
    assert 'data-testid="summary-honorees">3<' in html
    assert 'data-testid="summary-budget">9.000.000 <' in html


@pytest.mark.django_db
def test_the_home_summary_takes_a_fixed_number_of_queries(built, district_officer, client):
    from thidua.core.testing import assert_constant_queries
    from thidua.dashboards.tests.test_query_counts import grower

    client.force_login(district_officer)
    client.get("/")
    assert_constant_queries(
        lambda: client.get("/"), grower(built.campaign, built.world.district, district_officer)
    )


@pytest.mark.django_db
def test_a_unit_without_any_campaign_shows_its_registry_only(built, commune_a_officer, client):
    client.force_login(commune_a_officer)
    response = page(client, built.world.agency_a1)
    assert response.status_code == 200
    assert response.context["campaign"] is None
    html = response.content.decode()
    assert "Chưa có kế hoạch nào" in html
    assert 'id="chart-assignments"' not in html and 'id="chart-honorees"' in html
    export = page(client, built.world.agency_a1, name="dashboards:unit-export")
    assert load_workbook(io.BytesIO(export.content))["Tổng quan"]["B2"].value == "(chưa chọn)"
