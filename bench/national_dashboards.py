"""The dashboards on the national data (part of bench_national): ``dashboards.selectors.
dashboard`` for the whole country and for one province, against ONE hand-written SQL statement
computing the same figures (asserted equal): assignments by kind, level and board status, the
late units and the first of them, conferences by level, delegates on the lists by level and
attribute, honorees by field, stage and kind, titles and awards of the review period by form and
level with the R10 counts, the conference budget planned against actual by level (the current
results report of each sent assignment), and the drill-down rows of the units directly below.
Target (issue 10): the dashboard at most 2x the SQL."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Report, timed
from thidua.campaigns.models import Campaign
from thidua.dashboards import figures as f
from thidua.dashboards import selectors
from thidua.dashboards.progress import LATE_SAMPLE
from thidua.honorees.rules import DEFAULT_SMALL_COLLECTIVE_MAX
from thidua.operations.national import NOW
from thidua.units.models import PATH_STEP, Unit

BOARD = """CASE WHEN state = 'accepted' THEN 'accepted' WHEN state = 'returned' THEN 'returned'
  WHEN state = 'submitted' AND submitted_late THEN 'late' WHEN state = 'submitted' THEN 'submitted'
  WHEN late_from <= %(now)s THEN 'missing' ELSE 'not_started' END"""
LATE = "(submitted_late OR (state = 'pending' AND late_from <= %(now)s))"

SQL = """
WITH a AS (
    SELECT a.unit_id, a.kind, a.level, a.state, a.submitted_late, a.late_from, u.path
    FROM campaigns_assignment a JOIN units_unit u ON u.id = a.unit_id
    WHERE a.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s
), late AS (
    SELECT DISTINCT unit_id FROM a WHERE {late}
), conf AS (
    SELECT c.level, c.assignment_id, c.held_on, c.list_approved_at, c.list_override_failures,
           u.path
    FROM conferences_conference c JOIN units_unit u ON u.id = c.unit_id
    WHERE c.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s
), hon AS (
    SELECT h.field_id, h.stage, h.kind, u.path
    FROM honorees_honoree h JOIN units_unit u ON u.id = h.unit_id WHERE u.path LIKE %(prefix)s
), rec AS (
    SELECT r.award_form_id, r.level, h.kind, h.works_directly, h.component_id, h.gender,
           h.collective_size, u.path
    FROM honorees_recognition r JOIN honorees_honoree h ON h.id = r.honoree_id
    JOIN units_unit u ON u.id = h.unit_id
    WHERE u.path LIKE %(prefix)s AND r.year >= %(y0)s AND r.year <= %(y1)s
), rep AS (
    SELECT a.level, r.planned_budget, r.actual_cost, u.path
    FROM campaigns_resultsreport r JOIN campaigns_submission s ON s.id = r.submission_id
    JOIN campaigns_assignment a ON a.id = s.assignment_id JOIN units_unit u ON u.id = a.unit_id
    WHERE a.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s AND a.kind = 'report_results'
      AND a.state IN ('submitted', 'accepted')
      AND NOT EXISTS (SELECT 1 FROM campaigns_submission n
                      WHERE n.assignment_id = s.assignment_id AND n.version > s.version)
)
SELECT 'a' AS s, kind AS k1, level AS k2, {board} AS k3, CAST(NULL AS text) AS k4,
       CAST(NULL AS text) AS k5, CAST(NULL AS text) AS k6, CAST(NULL AS text) AS k7,
       COUNT(*) AS n1, 0 AS n2, 0 AS n3, 0 AS n4, 0 AS n5, 0 AS n6
FROM a GROUP BY kind, level, {board}
UNION ALL SELECT 'late', NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), 0, 0, 0, 0, 0
FROM late
UNION ALL SELECT * FROM (
    SELECT 'ls', CAST(u.id AS text), u.name, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0
    FROM units_unit u WHERE u.id IN (SELECT unit_id FROM late)
    ORDER BY u.search_name, u.id LIMIT {sample}
) first_late
UNION ALL SELECT 'lk', CAST(unit_id AS text), kind, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0
FROM a WHERE {late} AND unit_id IN (
    SELECT u.id FROM units_unit u WHERE u.id IN (SELECT unit_id FROM late)
    ORDER BY u.search_name, u.id LIMIT {sample})
UNION ALL SELECT 'c', level, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*),
       COUNT(*) FILTER (WHERE assignment_id IS NULL AND held_on <= %(today)s),
       COUNT(*) FILTER (WHERE list_approved_at IS NOT NULL),
       COUNT(*) FILTER (WHERE list_approved_at IS NOT NULL AND {failing}), 0, 0
FROM conf GROUP BY level
UNION ALL SELECT 'd', c.level, d.category, d.gender, CAST(d.direct_producer AS text),
       d.component, d.economic_sector, d.field, COUNT(*), 0, 0, 0, 0, 0
FROM conferences_delegate d JOIN conferences_conference c ON c.id = d.conference_id
JOIN units_unit u ON u.id = c.unit_id
WHERE c.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s
  AND d.status IN ('listed', 'invited', 'confirmed', 'checked_in')
GROUP BY c.level, d.category, d.gender, d.direct_producer, d.component, d.economic_sector,
         d.field
UNION ALL SELECT 'rule', level, feature, value, NULL, NULL, NULL, NULL, COUNT(*), 0, 0, 0, 0, 0
FROM campaigns_compositionrule WHERE campaign_id = %(campaign)s GROUP BY level, feature, value
UNION ALL SELECT 'h', CAST(field_id AS text), stage, kind, NULL, NULL, NULL, NULL, COUNT(*),
       0, 0, 0, 0, 0
FROM hon GROUP BY field_id, stage, kind
UNION ALL SELECT 'r', CAST(award_form_id AS text), level, NULL, NULL, NULL, NULL, NULL,
       COUNT(*) FILTER (WHERE kind <> 'collective'),
       COUNT(*) FILTER (WHERE kind = 'collective'),
       COUNT(*) FILTER (WHERE kind <> 'collective'
                        AND (works_directly OR component_id IN ({direct}))),
       COUNT(*) FILTER (WHERE kind <> 'collective' AND component_id IN ({workers})),
       COUNT(*) FILTER (WHERE kind <> 'collective' AND gender = 'female'),
       COUNT(*) FILTER (WHERE kind = 'collective' AND collective_size > 0
                        AND collective_size <= %(small)s)
FROM rec GROUP BY award_form_id, level
UNION ALL SELECT 'b', level, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*),
       CAST(SUM(planned_budget) AS bigint), CAST(SUM(actual_cost) AS bigint), 0, 0, 0
FROM rep GROUP BY level
UNION ALL SELECT 'u', CAST(id AS text), name, level, path, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0
FROM units_unit WHERE {children}
UNION ALL SELECT 'xa', SUBSTR(path, 1, %(length)s), NULL, NULL, NULL, NULL, NULL, NULL,
       COUNT(DISTINCT unit_id) FILTER (WHERE kind = 'submit_plan'),
       COUNT(DISTINCT unit_id) FILTER (WHERE {late}),
       COUNT(*) FILTER (WHERE kind = 'hold_conference' AND state IN ('submitted', 'accepted')),
       0, 0, 0
FROM a GROUP BY SUBSTR(path, 1, %(length)s)
UNION ALL SELECT 'xc', SUBSTR(path, 1, %(length)s), NULL, NULL, NULL, NULL, NULL, NULL,
       COUNT(*), COUNT(*) FILTER (WHERE assignment_id IS NULL AND held_on <= %(today)s),
       0, 0, 0, 0
FROM conf GROUP BY SUBSTR(path, 1, %(length)s)
UNION ALL SELECT 'xh', SUBSTR(path, 1, %(length)s), NULL, NULL, NULL, NULL, NULL, NULL,
       COUNT(*), 0, 0, 0, 0, 0
FROM hon GROUP BY SUBSTR(path, 1, %(length)s)
UNION ALL SELECT 'xr', SUBSTR(path, 1, %(length)s), NULL, NULL, NULL, NULL, NULL, NULL,
       COUNT(*), 0, 0, 0, 0, 0
FROM rec GROUP BY SUBSTR(path, 1, %(length)s)
UNION ALL SELECT 'xb', SUBSTR(path, 1, %(length)s), NULL, NULL, NULL, NULL, NULL, NULL,
       CAST(SUM(planned_budget) AS bigint), CAST(SUM(actual_cost) AS bigint), 0, 0, 0, 0
FROM rep GROUP BY SUBSTR(path, 1, %(length)s)
"""


def _ids(values: tuple[int, ...]) -> str:
    return ", ".join(str(int(v)) for v in values) or "NULL"


def sql_figures(
    unit: Unit | None, campaign: Campaign, vocab: Any, *, materialized: bool = True
) -> list[tuple]:  # type: ignore[type-arg]
    """The SQL baseline. ``materialized``: the registry's two row sets (honorees, recognitions
    of the period) are computed once and read twice (figures and drill-down); otherwise each
    reading scans again (PostgreSQL picks per reading). Which is faster depends on the size
    of the subtree: the benchmark times both and compares with the faster."""
    postgres = connection.vendor == "postgresql"
    sql = SQL
    if not materialized:
        sql = sql.replace("), hon AS (", "), hon AS NOT MATERIALIZED (")
        sql = sql.replace("), rec AS (", "), rec AS NOT MATERIALIZED (")
    query = sql.format(
        board=BOARD,
        late=LATE,
        sample=LATE_SAMPLE,
        failing="list_override_failures <> '[]'::jsonb"
        if postgres
        else "list_override_failures <> '[]'",
        direct=_ids(vocab.direct_component_ids),
        workers=_ids(vocab.worker_farmer_ids),
        children=f"parent_id = {int(unit.pk)}" if unit is not None else "parent_id IS NULL",
    )
    params = {
        "campaign": campaign.pk,
        "prefix": (unit.path if unit is not None else "") + "%",
        "now": connection.ops.adapt_datetimefield_value(NOW),
        "today": NOW.date(),
        "y0": campaign.review_period_start,
        "y1": campaign.review_period_end,
        "small": DEFAULT_SMALL_COLLECTIVE_MAX,
        "length": (unit.depth + 1) * PATH_STEP if unit is not None else PATH_STEP,
    }
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _truth(value: object) -> str:
    return "true" if str(value).lower() in ("true", "1", "t") else "false"


def from_sql(rows: list[tuple]) -> dict[str, Any]:  # type: ignore[type-arg]
    """The SQL rows as the figures the comparison reads."""
    out: dict[str, Any] = {
        "counts": defaultdict(lambda: defaultdict(int)),
        "by_level": defaultdict(lambda: defaultdict(lambda: defaultdict(int))),
        "late": 0,
        "sample": [],
        "conf": {},
        "delegates": defaultdict(lambda: defaultdict(lambda: defaultdict(int))),
        "hon": defaultdict(lambda: defaultdict(int)),
        "awards": defaultdict(int),
        "form": defaultdict(int),
        "alevel": defaultdict(int),
        "budget": {},
        "units": [],
        "child": defaultdict(lambda: defaultdict(int)),
    }
    features = ("category", "gender", "direct_producer", "component", "economic_sector", "field")
    for s, k1, k2, k3, k4, k5, k6, k7, n1, n2, n3, n4, n5, n6 in rows:
        if s == "a":
            out["counts"][k1][k3] += n1
            out["by_level"][k2][k1][k3] += n1
        elif s == "late":
            out["late"] = n1
        elif s == "ls":
            out["sample"].append(int(k1))
        elif s == "c":
            out["conf"][k1] = (n1, n2, n3, n4)
        elif s == "d":
            values = (k2, k3 or "", _truth(k4), k5 or "", k6 or "", k7 or "")
            for feature, value in zip(features, values, strict=True):
                out["delegates"][k1][feature][value] += n1
            out["delegates"][k1]["~total"][""] += n1
        elif s == "h":
            out["hon"]["field"][k1 or ""] += n1
            out["hon"]["stage"][k2] += n1
            out["hon"]["kind"][k3] += n1
        elif s == "r":
            for key, value in zip(
                ("individuals", "collectives", "direct", "workers_farmers", "women", "small"),
                (n1, n2, n3, n4, n5, n6),
                strict=True,
            ):
                out["awards"][key] += value
            out["form"][k1] += n1 + n2
            out["alevel"][k2 or ""] += n1 + n2
        elif s == "b":
            out["budget"][k1] = (int(n1), int(n2), int(n3))
        elif s == "u":
            out["units"].append((int(k1), k4))
        elif s in ("xa", "xc", "xh", "xr", "xb"):
            child = out["child"][k1]
            if s == "xa":
                child.update(units_assigned=n1, late_units=n2)
                child["conferences_held"] += n3
            elif s == "xc":
                child["conferences_planned"] += n1
                child["conferences_held"] += n2
            elif s == "xh":
                child["honorees"] += n1
            elif s == "xb":
                child["budget_planned"] += int(n1)
                child["budget_actual"] += int(n2)
            else:
                child["awards"] += n1
    out["units"].sort()
    return out


def _nonzero(tallies: list[f.Tally]) -> dict[str, int]:
    return {t.key: t.count for t in tallies if t.count}


def _plain(mapping: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in mapping.items() if v}


def assert_same(board: f.Dashboard, sql: dict[str, Any]) -> None:
    """Every figure of the dashboard equals the SQL's."""
    assignments = board.assignments
    assert {k: _plain(v) for k, v in assignments.counts.items()} == {
        k: _plain(v) for k, v in sql["counts"].items()
    }
    assert assignments.late_units == sql["late"]
    assert [u.pk for u in assignments.late_sample] == sql["sample"]
    for row in board.conferences:
        hold = sql["by_level"].get(row.level, {}).get("hold_conference", {})
        report = sql["by_level"].get(row.level, {}).get("report_results", {})
        planned, held_own, approved, failing = sql["conf"].get(row.level, (0, 0, 0, 0))
        sent = ("submitted", "late", "accepted")
        assert (row.due, row.planned, row.approved, row.approved_with_failures) == (
            sum(hold.values()),
            planned,
            approved,
            failing,
        )
        assert row.held == sum(hold.get(s, 0) for s in sent) + held_own
        assert row.reported == sum(report.get(s, 0) for s in sent)
    for level in board.delegates.levels:
        found = sql["delegates"][level.level]
        assert level.total == found["~total"][""]
        for feature, tallies in level.by_feature.items():
            assert _nonzero(tallies) == _plain(found[feature]), (level.level, feature)
    honorees = board.honorees
    assert _nonzero(honorees.by_field) == _plain(sql["hon"]["field"])
    assert _nonzero(honorees.by_stage) == _plain(sql["hon"]["stage"])
    assert (honorees.individuals, honorees.collectives) == (
        sql["hon"]["kind"]["individual"],
        sql["hon"]["kind"]["collective"],
    )
    awards, totals = board.awards, sql["awards"]
    assert (awards.individuals, awards.collectives) == (
        totals["individuals"],
        totals["collectives"],
    )
    assert (
        awards.direct_workers.count,
        awards.workers_farmers.count,
        awards.women.count,
        awards.small_collectives.count,
    ) == (totals["direct"], totals["workers_farmers"], totals["women"], totals["small"])
    assert _nonzero(awards.by_form) == _plain(sql["form"])
    assert _nonzero(awards.by_level) == _plain(sql["alevel"])
    budget = board.budget
    assert {lv.level: (lv.reports, lv.planned, lv.actual) for lv in budget.levels} == sql["budget"]
    assert (budget.planned, budget.actual) == (
        sum(planned for _n, planned, _a in sql["budget"].values()),
        sum(actual for _n, _p, actual in sql["budget"].values()),
    )
    paths = dict(sql["units"])
    assert sorted(row.pk for row in board.children) == sorted(paths)
    for row in board.children:
        child = sql["child"].get(paths[row.pk], {})
        assert (
            row.units_assigned,
            row.late_units,
            row.conferences_planned,
            row.conferences_held,
            row.honorees,
            row.awards,
            row.budget_planned,
            row.budget_actual,
        ) == tuple(
            child.get(key, 0)
            for key in (
                "units_assigned",
                "late_units",
                "conferences_planned",
                "conferences_held",
                "honorees",
                "awards",
                "budget_planned",
                "budget_actual",
            )
        ), row


def dashboard_figures(
    report: Report, campaign_id: int, root_id: int, province: Unit, repeat: int
) -> None:
    from bench.bench_national import ms, ratio

    campaign = Campaign.objects.get(pk=campaign_id)
    vocab = selectors.vocabularies()
    admin = _admin()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    rows = []
    for label, unit, url in (
        ("whole country", None, "/tong-quan/ca-nuoc/"),
        (f"province {province.name}", province, f"/tong-quan/{province.pk}/"),
    ):
        once, raw = timed(lambda unit=unit: sql_figures(unit, campaign, vocab), repeat=repeat)
        twice, raw_again = timed(
            lambda unit=unit: sql_figures(unit, campaign, vocab, materialized=False),
            repeat=repeat,
        )
        assert from_sql(raw_again) == from_sql(raw)
        sql_time = min(once, twice)
        app_time, board = timed(
            lambda unit=unit: selectors.dashboard(unit, campaign, now=NOW), repeat=repeat
        )
        assert_same(board, from_sql(raw))
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            selectors.dashboard(unit, campaign, now=NOW)
        page_time, page = timed(
            lambda url=url: client.get(url, {"ke-hoach": campaign.pk}), repeat=repeat
        )
        rows.append([f"{label}: one SQL statement, row sets read once", "1", ms(once),
                     ratio(once, sql_time), ""])  # fmt: skip
        rows.append([f"{label}: one SQL statement, row sets read twice", "1", ms(twice),
                     ratio(twice, sql_time), ""])  # fmt: skip
        rows.append(
            [f"{label}: dashboard selector", len(queries.captured_queries), ms(app_time),
             ratio(app_time, sql_time), "met" if app_time <= 2 * sql_time else "NOT met"]
        )  # fmt: skip
        rows.append(
            [f"{label}: whole HTML page (HTTP {page.status_code})", "", ms(page_time),
             ratio(page_time, sql_time), ""]
        )  # fmt: skip
    report.add(
        "Dashboards on the national data",
        ["what", "queries", "ms (median of 5)", "vs SQL", "target ≤ 2x"],
        rows,
        note=(
            "The SQL baseline (1.00x) is the faster of two forms of one statement (CTEs and "
            "UNION ALL) computing every figure of the dashboard: the honorees and recognitions "
            "of the subtree materialized once, or scanned again for the drill-down. The "
            "selector's figures equal it (asserted, figure by figure). The page adds the "
            "campaign list, charts and template."
        ),
    )


def _admin():  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    return user
