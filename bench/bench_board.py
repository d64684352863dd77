"""The progress board on the whole legacy country (10,051 communes), against one hand-written SQL
aggregate that computes the same figures, measured in the same run.

Set-up, in a throw-away database: ``load_units legacy`` (63 provinces, 696 districts, 10,051
communes); a "Trung ương" root above the provinces (one UPDATE of the paths), so that a single
campaign issued at the centre reaches every commune; the "2 levels" preset issued there (30,153
assignments); a seeded spread of progress (sent on time / late / returned / accepted / missing)
and 1,000 feedback threads.

Figures: the board selector (counts per assignment kind and status, late units, open feedback,
one page of 50 units), the same with the late-only filter, the whole HTML page, the .xlsx export
of every unit; the SQL baseline; and the number of queries of the board (constant).
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.db import connection, reset_queries
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.database import scratch_database
from bench.harness import Report, timed
from thidua.campaigns import selectors, services, workflow
from thidua.campaigns.models import Assignment, Campaign, CampaignPreset, Feedback
from thidua.campaigns.services.presets import restore_presets
from thidua.units.access import Scope
from thidua.units.loader import load_units
from thidua.units.models import Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ISSUED = dt.datetime(2025, 6, 1, 8, 0, tzinfo=VN)  # the legacy units are valid until 30/6/2025
NOW = dt.datetime(2025, 7, 20, 9, 0, tzinfo=VN)  # after the plan deadline, inside the window
SEED = 20241216
REPEAT = 5

BASELINE_SQL = """
WITH scoped AS (
    SELECT a.unit_id, a.kind, a.state, a.submitted_late, a.late_from
    FROM campaigns_assignment a JOIN units_unit u ON u.id = a.unit_id
    WHERE a.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s
)
SELECT kind,
       CASE WHEN state = 'accepted' THEN 'accepted'
            WHEN state = 'returned' THEN 'returned'
            WHEN state = 'submitted' AND submitted_late THEN 'late'
            WHEN state = 'submitted' THEN 'submitted'
            WHEN late_from <= %(now)s THEN 'missing'
            ELSE 'not_started' END AS status,
       COUNT(*)
FROM scoped GROUP BY 1, 2
UNION ALL
SELECT '~late_units', '', COUNT(DISTINCT unit_id) FROM scoped
WHERE submitted_late OR (state = 'pending' AND late_from <= %(now)s)
UNION ALL
SELECT '~open_feedback', '', COUNT(*)
FROM campaigns_feedback f JOIN units_unit u ON u.id = f.unit_id
WHERE f.campaign_id = %(campaign)s AND u.path LIKE %(prefix)s
  AND f.status IN ('open', 'answered')
"""


def central_root() -> Unit:
    """A "Trung ương" unit above the 63 legacy provinces: one UPDATE prefixes every path."""
    from thidua.units import services as unit_services

    root = unit_services.create_unit(
        by=None, code="VN", name="Trung ương", kind="agency", level="central"
    )
    legacy = Unit.objects.filter(source="legacy")
    legacy.update(path=Concat(Value(root.path), F("path")), depth=F("depth") + 1)
    legacy.filter(parent__isnull=True).update(parent=root)
    return root


def national_campaign(root: Unit) -> Campaign:
    restore_presets()
    campaign = services.create_campaign(
        preset=CampaignPreset.objects.get(code="two-levels-2025"), issuer=root, by=None
    )
    services.update_level_rule(
        campaign.level_rules.get(level="province"), by=None, holds_conference=False
    )
    services.update_level_rule(
        campaign.level_rules.get(level="commune"),
        by=None,
        unit_kinds=["commune", "ward", "township"],
    )
    services.issue_campaign(campaign, by=None, now=ISSUED)
    return Campaign.objects.get(pk=campaign.pk)


def spread_progress(campaign: Campaign) -> None:
    """Seeded statuses: plans mostly in (some late, returned, accepted), conferences partly
    held, results trickling in; 1,000 feedback threads."""
    rng = random.Random(SEED)
    rows = list(Assignment.objects.filter(campaign=campaign).order_by("pk"))
    sent_on_time = dt.datetime(2025, 7, 10, 10, tzinfo=VN)
    sent_late = dt.datetime(2025, 7, 18, 10, tzinfo=VN)
    for row in rows:
        draw = rng.random()
        if row.kind == "submit_plan":
            if draw < 0.55:
                row.state, row.first_submitted_at = "accepted", sent_on_time
            elif draw < 0.70:
                row.state, row.first_submitted_at = "submitted", sent_on_time
            elif draw < 0.82:
                row.state, row.first_submitted_at, row.submitted_late = "submitted", sent_late, True
            elif draw < 0.88:
                row.state, row.first_submitted_at = "returned", sent_on_time
        elif row.kind == "hold_conference" and draw < 0.3:
            row.state, row.first_submitted_at = "accepted", sent_on_time
        elif row.kind == "report_results" and draw < 0.1:
            row.state, row.first_submitted_at = "submitted", sent_late
        row.last_submitted_at = row.first_submitted_at
    Assignment.objects.bulk_update(
        rows,
        ["state", "first_submitted_at", "last_submitted_at", "submitted_late"],
        batch_size=5000,
    )
    communes = list(
        Assignment.objects.filter(campaign=campaign, kind="submit_plan").values_list(
            "unit_id", flat=True
        )
    )
    admin = _admin()
    Feedback.objects.bulk_create(
        Feedback(
            campaign=campaign,
            unit_id=unit_id,
            subject="Vướng mắc",
            created_by=admin,
            status=rng.choice(["open", "answered", "closed"]),
        )
        for unit_id in rng.sample(communes, 1000)
    )


def _admin():  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    return user


def baseline(campaign: Campaign, root: Unit, now: dt.datetime = NOW) -> dict[str, dict[str, int]]:
    params = {
        "campaign": campaign.pk,
        "prefix": root.path + "%",
        "now": connection.ops.adapt_datetimefield_value(now),
    }
    figures: dict[str, dict[str, int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(BASELINE_SQL, params)
        for kind, status, number in cursor.fetchall():
            figures.setdefault(kind, {})[status] = number
    return figures


def board_figures(board: selectors.Board) -> dict[str, dict[str, int]]:
    figures = {kind: dict(statuses) for kind, statuses in board.counts.items()}
    figures["~late_units"] = {"": board.late_units}
    figures["~open_feedback"] = {"": board.open_feedback}
    return figures


def run(report: Report) -> None:
    with scratch_database():
        load_units("legacy")
        root = central_root()
        campaign = national_campaign(root)
        spread_progress(campaign)
        scope = Scope((), is_admin=True)
        units = Assignment.objects.filter(campaign=campaign, kind="submit_plan").count()
        assignments = Assignment.objects.filter(campaign=campaign).count()

        sql_time, sql_figures = timed(lambda: baseline(campaign, root), repeat=REPEAT)
        board_time, board = timed(lambda: selectors.board(campaign, scope, now=NOW), repeat=REPEAT)
        late_time, late_board = timed(
            lambda: selectors.board(campaign, scope, now=NOW, late_only=True), repeat=REPEAT
        )
        assert board_figures(board) == sql_figures, (board_figures(board), sql_figures)
        reset_queries()  # DEBUG keeps the last 9,000 queries; a full log hides new ones
        with CaptureQueriesContext(connection) as queries:
            selectors.board(campaign, scope, now=NOW, page_number=7)
        query_count = len(queries.captured_queries)
        # The same figures, computed in Python row by row from every assignment (the naive way).
        naive_time, naive = timed(lambda: _naive(campaign), repeat=1)
        assert naive == board.counts

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(_admin())
        page_time, page = timed(
            lambda: client.get(f"/ke-hoach/{campaign.pk}/tien-do/"), repeat=REPEAT
        )
        assert page.status_code == 200
        export_time, export = timed(
            lambda: client.get(f"/ke-hoach/{campaign.pk}/tien-do.xlsx"), repeat=1
        )
        assert export.status_code == 200
        vendor = connection.vendor

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f}"

    report.add(
        f"Progress board, whole legacy country ({vendor}): {units:,} communes, "
        f"{assignments:,} assignments",
        ["what", "ms (median of 5)", "vs the SQL aggregate"],
        [
            ["baseline: one hand-written SQL aggregate (same figures)", ms(sql_time), "1.0x"],
            [
                "board selector: figures + one page of 50 units",
                ms(board_time),
                f"{board_time / sql_time:.1f}x",
            ],
            ["board selector, late units only", ms(late_time), f"{late_time / sql_time:.1f}x"],
            [
                "whole HTML page (selector + template + chart data)",
                ms(page_time),
                f"{page_time / sql_time:.1f}x",
            ],
            [
                "naive: every assignment loaded, statuses in Python",
                ms(naive_time),
                f"{naive_time / sql_time:.1f}x",
            ],
            [
                f".xlsx export of all {units:,} units ({len(export.content) // 1024} KiB)",
                ms(export_time),
                "",
            ],
        ],
        note=(
            f"The board reads in {query_count} queries whatever the number of "
            f"units (late units: {late_board.late_units:,}; open feedback: "
            f"{board.open_feedback:,}); its figures equal the SQL aggregate's (asserted)."
        ),
    )


def _naive(campaign: Campaign) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in Assignment.objects.filter(campaign=campaign):
        status = workflow.board_status(row.state, row.submitted_late, row.late_from, NOW)
        counts.setdefault(row.kind, {}).setdefault(status, 0)
        counts[row.kind][status] += 1
    return counts
