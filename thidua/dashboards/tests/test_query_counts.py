"""A fixed number of queries whatever the number of units: the dashboard, each figure group,
and the pages, with 1 and then 3 more communes (each with assignments, a conference with a
delegate, an honoree and a recognition)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse

from thidua.core.testing import assert_constant_queries
from thidua.dashboards import selectors
from thidua.dashboards.tests.conftest import COMMUNE_DAY, NOW, VN, honoree, results_figures

REPORTED_AT = dt.datetime(2025, 2, 25, 10, 0, tzinfo=VN)

_codes = itertools.count(1)


def grower(campaign, district, officer):
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Assignment
    from thidua.conferences import services as conferences
    from thidua.units import services as units

    template = list(Assignment.objects.filter(campaign=campaign, unit__parent=district))

    def grow(n: int) -> None:
        for _ in range(n):
            number = next(_codes)
            commune = units.create_unit(
                by=None,
                code=f"X{number}",
                name=f"Xã Mới {number}",
                kind="commune",
                parent=district,
                staff_count=100,
            )
            # The commune existed when the campaign was issued: the same three assignments
            # issuing gives every commune of the level.
            Assignment.objects.bulk_create(
                Assignment(
                    campaign=campaign,
                    unit=commune,
                    kind=a.kind,
                    level=a.level,
                    late_from=a.late_from,
                    window_start=a.window_start,
                    window_end=a.window_end,
                )
                for a in template
                if a.unit_id == template[0].unit_id
            )
            conference = conferences.create_conference(
                campaign,
                commune,
                by=officer,
                held_on=COMMUNE_DAY,
                session="morning",
                venue="Hội trường",
            )
            person = honoree(commune, records=[("ldtt", 2024)])
            conferences.add_honoree_delegate(conference, by=officer, honoree_id=person.pk)
            campaigns.submit_results(  # a results report with its budget
                Assignment.objects.get(campaign=campaign, unit=commune, kind="report_results"),
                by=officer,
                figures=results_figures(COMMUNE_DAY),
                now=REPORTED_AT,
            )

    return grow


@pytest.mark.django_db
def test_the_dashboard_takes_a_fixed_number_of_queries(built, district_officer):
    grow = grower(built.campaign, built.world.district, district_officer)
    queries = assert_constant_queries(
        lambda: selectors.dashboard(built.world.district, built.campaign, now=NOW), grow
    )
    assert queries == 15


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("assignment_figures", 4),
        ("conference_figures", 5),
        ("delegate_figures", 5),
        ("honoree_figures", 4),
        ("award_figures", 5),
        ("budget_figures", 1),
    ],
)
def test_each_figure_group_takes_a_fixed_number_of_queries(built, district_officer, name, expected):
    function = getattr(selectors, name)
    grow = grower(built.campaign, built.world.district, district_officer)
    if name == "honoree_figures":
        action = lambda: function(built.world.district)  # noqa: E731
    elif name in ("assignment_figures", "conference_figures", "child_rows"):
        action = lambda: function(built.world.district, built.campaign, now=NOW)  # noqa: E731
    else:
        action = lambda: function(built.world.district, built.campaign)  # noqa: E731
    assert assert_constant_queries(action, grow) == expected


@pytest.mark.django_db
def test_the_pages_take_a_fixed_number_of_queries(built, district_officer, client):
    client.force_login(district_officer)
    grow = grower(built.campaign, built.world.district, district_officer)
    pk = built.world.district.pk
    query = f"?ke-hoach={built.campaign.pk}"
    page = reverse("dashboards:unit", args=[pk]) + query
    export = reverse("dashboards:unit-export", args=[pk]) + query
    client.get(page)  # warm the per-process caches (content types, sessions)

    def both():
        assert client.get(page).status_code == 200
        assert client.get(export).status_code == 200

    assert_constant_queries(both, grow)


@pytest.mark.django_db
def test_the_home_summary_selector_takes_five_queries(built, district_officer):
    from thidua.units import access

    scope = access.scope_for(district_officer)
    grow = grower(built.campaign, built.world.district, district_officer)
    action = lambda: selectors.summary(scope, built.world.district, now=NOW)  # noqa: E731
    assert assert_constant_queries(action, grow) == 5
    figures = selectors.summary(scope, built.world.district, now=NOW)
    assert (figures.campaign, figures.late_units) == (built.campaign, 1 + 3)  # 3 grown, late
    # Commune A's report and the 3 grown communes' (the same figures each).
    assert (figures.budget_planned, figures.budget_actual) == (4 * 10_000_000, 4 * 9_000_000)
