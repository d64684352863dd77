"""The national scale (issue 10), on the synthetic country of ``generate_national``: honoree
search over the whole registry, the progress board of a province, and the dashboards, each
against a hand-written SQL baseline computing the same result, measured in the same run.

Size: ``NATIONAL_SCALE`` (default 1: 1,000,000 honorees, 2,000,000 recognitions, 10,051
conferences, 1,500,000 delegates, 1,000,000 check-ins). Meant for PostgreSQL (``make bench``
selects it); on SQLite it runs at the scale given, without the trigram comparison.
"""

from __future__ import annotations

import os
import sys

from django.db import connection

from bench.database import scratch_database
from bench.harness import Report, timed
from bench.national_search import search_figures
from thidua.operations.national import NOW, Sizes, generate
from thidua.operations.national.writer import Progress
from thidua.units.models import Unit

REPEAT = 5
PROVINCE = "01"  # Hà Nội: 30 districts, 579 communes, the largest legacy province


def scale() -> float:
    return float(os.environ.get("NATIONAL_SCALE", "1"))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}" if seconds < 0.1 else f"{seconds * 1000:.0f}"


def ratio(seconds: float, baseline: float) -> str:
    return f"{seconds / baseline:.2f}x" if baseline else "n/a"


def run(report: Report) -> None:
    factor = scale()
    sizes = Sizes().scaled(factor)
    with scratch_database():
        vendor = connection.vendor
        generated = generate(sizes, seed=2025, progress=Progress(sys.stderr))
        province = Unit.objects.get(source="legacy", code=PROVINCE)
        report.add(
            f"National data set ({vendor}, scale {factor:g}): generate_national",
            ["step", "seconds"],
            [[name, f"{seconds:.1f}"] for name, seconds in generated.seconds.items()]
            + [["total", f"{generated.total_seconds:.1f}"]],
            note=(
                f"{generated.units:,} units, {generated.honorees:,} honorees, "
                f"{generated.recognitions:,} recognitions, {generated.conferences:,} "
                f"conferences, {generated.delegates:,} delegates, {generated.checkins:,} "
                "check-ins, one national campaign (assignment states as of "
                f"{NOW:%d/%m/%Y}). COPY on PostgreSQL, bulk_create on SQLite."
            ),
        )
        search_figures(report, province, REPEAT)
        board_figures(report, generated.campaign_id, province)
        dashboards = _dashboards()
        if dashboards is not None:
            dashboards(report, generated.campaign_id, generated.root_id, province, REPEAT)


def _dashboards():  # type: ignore[no-untyped-def]
    """The dashboards part, once thidua.dashboards exists on this branch."""
    try:
        from bench.national_dashboards import dashboard_figures
    except ImportError:
        return None
    return dashboard_figures


def board_figures(report: Report, campaign_id: int, province: Unit) -> None:
    """The progress board of one province and of the whole country against the SQL aggregate
    of bench_board (same figures, asserted)."""
    from bench.bench_board import baseline
    from bench.bench_board import board_figures as figures_of
    from thidua.campaigns import selectors
    from thidua.campaigns.models import Campaign
    from thidua.units.access import Grant, Scope

    campaign = Campaign.objects.get(pk=campaign_id)
    root = Unit.objects.get(pk=campaign.issuer_id)
    rows = []
    for label, unit, scope in (
        (
            f"province {province.name}",
            province,
            Scope([Grant(province.pk, province.path, "organizer")]),
        ),
        ("whole country", root, Scope((), is_admin=True)),
    ):
        sql_time, sql = timed(lambda unit=unit: baseline(campaign, unit, now=NOW), repeat=REPEAT)
        board_time, board = timed(
            lambda scope=scope: selectors.board(campaign, scope, now=NOW), repeat=REPEAT
        )
        assert figures_of(board) == sql, (figures_of(board), sql)
        communes = sum(board.counts.get("submit_plan", {}).values())
        rows.append([f"{label}: SQL aggregate (baseline)", communes, ms(sql_time), "1.00x"])
        rows.append(
            [f"{label}: board selector (figures + first page)", communes, ms(board_time),
             ratio(board_time, sql_time)]
        )  # fmt: skip
    report.add(
        "Progress board on the national data",
        ["what", "communes", "ms (median of 5)", "vs SQL"],
        rows,
        note="Same figures as the SQL aggregate (asserted); the scope of a province organizer "
        "is the province's subtree (thidua/units/access.py).",
    )
