"""The budget figures (planned against actual) on the built world (see conftest.py): commune A
reported 10.000.000 planned, 9.000.000 spent; commune B reported nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from thidua.dashboards import selectors
from thidua.dashboards.tests.conftest import (
    COMMUNE_DAY,
    NOW,
    VN,
    assignment,
    results_figures,
)


@pytest.mark.django_db
def test_planned_and_actual_by_level_and_in_total(built):
    budget = selectors.dashboard(built.world.district, built.campaign, now=NOW).budget
    [commune] = budget.levels
    assert (commune.level, commune.reports, commune.planned, commune.actual) == (
        "commune",
        1,
        10_000_000,
        9_000_000,
    )
    assert commune.variance == -1_000_000
    assert (budget.reports, budget.planned, budget.actual, budget.variance) == (
        1,
        10_000_000,
        9_000_000,
        -1_000_000,
    )


@pytest.mark.django_db
def test_the_child_rows_carry_their_budget(built):
    dash = selectors.dashboard(built.world.district, built.campaign, now=NOW)
    rows = {r.name: r for r in dash.children}
    a, b = rows["Xã Đông Hòa"], rows["Xã Tây Sơn"]
    assert (a.budget_planned, a.budget_actual, a.budget_variance) == (
        10_000_000,
        9_000_000,
        -1_000_000,
    )
    assert (b.budget_planned, b.budget_actual) == (0, 0)
    assert dash.own_row is not None
    assert (dash.own_row.budget_planned, dash.own_row.budget_actual) == (0, 0)
    assert sum(r.budget_actual for r in dash.children) == dash.budget.actual


@pytest.mark.django_db
def test_commune_b_sees_none_of_commune_a_budget(built):
    b = selectors.dashboard(built.world.commune_b, built.campaign, now=NOW).budget
    assert (b.levels, b.planned, b.actual) == ([], 0, 0)
    a = selectors.dashboard(built.world.commune_a, built.campaign, now=NOW).budget
    assert (a.planned, a.actual) == (10_000_000, 9_000_000)


@pytest.mark.django_db
def test_a_scope_narrows_the_budget(built, commune_b_officer):
    from thidua.units import access

    scope = access.scope_for(commune_b_officer)
    dash = selectors.dashboard(built.world.district, built.campaign, now=NOW, scope=scope)
    assert (dash.budget.planned, dash.budget.actual) == (0, 0)


@pytest.mark.django_db
def test_only_the_current_submission_counts(built, district_officer, commune_a_officer):
    """Returned: not reported, so not counted; sent again with other figures: counted once,
    with the new figures (the returned version's report stays in the database)."""
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import ResultsReport

    task = assignment(built.campaign, built.world.commune_a, "report_results")
    first = task.submissions.get()
    campaigns.return_submission(
        first, by=district_officer, reason="Sai số liệu.", now=dt.datetime(2025, 3, 1, tzinfo=VN)
    )
    budget = selectors.dashboard(built.world.district, built.campaign, now=NOW).budget
    assert (budget.levels, budget.planned) == ([], 0)
    corrected = dataclasses.replace(
        results_figures(COMMUNE_DAY), planned_budget=8_000_000, actual_cost=8_500_000
    )
    second = campaigns.submit_results(
        task, by=commune_a_officer, figures=corrected, now=dt.datetime(2025, 3, 2, tzinfo=VN)
    )
    assert ResultsReport.objects.filter(submission__assignment=task).count() == 2
    budget = selectors.dashboard(built.world.district, built.campaign, now=NOW).budget
    assert (budget.reports, budget.planned, budget.actual, budget.variance) == (
        1,
        8_000_000,
        8_500_000,
        500_000,
    )
    campaigns.accept_submission(second, by=district_officer, now=dt.datetime(2025, 3, 3, tzinfo=VN))
    budget = selectors.dashboard(built.world.district, built.campaign, now=NOW).budget
    assert (budget.reports, budget.planned, budget.actual) == (1, 8_000_000, 8_500_000)


@pytest.mark.django_db
def test_without_a_campaign_no_budget(built):
    dash = selectors.dashboard(built.world.district, None, now=NOW)
    assert (dash.budget.levels, dash.budget.planned) == ([], 0)
