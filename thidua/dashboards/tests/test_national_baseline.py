"""The national benchmark's hand-written SQL (bench/national_dashboards.py) computes the same
figures as the dashboard: checked here on the built world (the benchmark asserts it on the
national data set, too slow for the test suite), budget included."""

from __future__ import annotations

import pytest

from bench.national_dashboards import assert_same, from_sql, sql_figures
from thidua.dashboards import selectors
from thidua.operations.national import NOW


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["district", "commune_a", "country"])
def test_the_benchmark_sql_equals_the_dashboard(built, where):
    unit = None if where == "country" else getattr(built.world, where)
    vocab = selectors.vocabularies()
    board = selectors.dashboard(unit, built.campaign, now=NOW)
    for materialized in (True, False):
        sql = from_sql(sql_figures(unit, built.campaign, vocab, materialized=materialized))
        assert_same(board, sql)
    assert sql["budget"] == {"commune": (1, 10_000_000, 9_000_000)}  # commune A's report
    assert (board.budget.planned, board.budget.actual) == (10_000_000, 9_000_000)
