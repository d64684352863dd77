"""The figures of the dashboard on the built world (see conftest.py)."""

from __future__ import annotations

import pytest

from thidua.awards import selectors as award_selectors
from thidua.dashboards import selectors
from thidua.dashboards.tests.conftest import NOW
from thidua.units import access


def tally(tallies):
    return {t.key: t.count for t in tallies if t.count}


@pytest.mark.django_db
def test_assignments_by_status_and_the_late_units(built):
    board = selectors.dashboard(built.world.district, built.campaign, now=NOW).assignments
    assert board.unit_total == 2
    assert board.counts["submit_plan"] == {"accepted": 1, "missing": 1}
    assert board.counts["hold_conference"] == {"accepted": 1, "missing": 1}  # done once recorded
    assert board.counts["report_results"] == {"submitted": 1, "missing": 1}
    assert board.late_units == 1
    [late] = board.late_sample
    assert late.name == "Xã Tây Sơn"
    assert late.kinds == ("Gửi kế hoạch", "Tổ chức hội nghị", "Báo cáo kết quả")
    # The table under the chart: statuses in the board's order, then the total.
    assert board.table()[0] == ("Gửi kế hoạch", [0, 0, 0, 0, 1, 1], 2)


@pytest.mark.django_db
def test_before_the_deadline_nobody_is_late(built):
    import datetime as dt

    early = dt.datetime(2024, 12, 1, tzinfo=NOW.tzinfo)
    board = selectors.dashboard(built.world.district, built.campaign, now=early).assignments
    assert board.late_units == 0
    assert board.counts["submit_plan"]["not_started"] == 1


@pytest.mark.django_db
def test_conferences_planned_held_reported_by_level(built):
    rows = selectors.dashboard(built.world.district, built.campaign, now=NOW).conferences
    found = {
        r.level: (r.due, r.planned, r.held, r.reported, r.approved, r.approved_with_failures)
        for r in rows
    }
    # District: its own conference, set up, held on 20/5 (before NOW); communes: 2 due, A's set
    # up, held (recorded with its results) and reported, its list approved with 70/30 unmet.
    assert found == {"district": (0, 1, 1, 0, 0, 0), "commune": (2, 1, 1, 1, 1, 1)}
    assert [r.level for r in rows] == ["district", "commune"]


@pytest.mark.django_db
def test_delegates_by_attribute_and_against_the_rules(built):
    delegates = selectors.dashboard(built.world.district, built.campaign, now=NOW).delegates
    assert delegates.total == 3
    [commune] = delegates.levels
    assert commune.level == "commune"
    assert tally(commune.by_feature["category"]) == {"honoree": 2, "guest": 1}
    assert tally(commune.by_feature["gender"]) == {"female": 2, "male": 1}
    assert tally(commune.by_feature["direct_producer"]) == {"true": 1, "false": 2}
    labels = {t.key: t.label for t in commune.by_feature["field"]}
    assert tally(commune.by_feature["field"]) == {next(iter(labels)): 3}
    assert labels[next(iter(labels))] == "Kinh tế"
    # The seed's 70/30 rules: 2/3 honorees (66.7%) and 1/3 guests fail exactly-70%/30%.
    checks = {c.label: (c.actual, c.passed) for c in commune.checks}
    assert checks["đại biểu điển hình tiên tiến"][1] is False
    assert checks["đại biểu khách mời và lãnh đạo các cấp, các ngành"][1] is False
    assert "2/3" in checks["đại biểu điển hình tiên tiến"][0]


@pytest.mark.django_db
def test_honorees_by_field_and_lifecycle(built):
    honorees = selectors.dashboard(built.world.district, built.campaign, now=NOW).honorees
    assert (honorees.total, honorees.individuals, honorees.collectives) == (4, 3, 1)
    assert tally(honorees.by_stage) == {"discovered": 4}
    fields = {t.label: t.count for t in honorees.by_field}
    assert fields["Kinh tế"] == 2
    assert fields["Chưa phân loại"] == 2


@pytest.mark.django_db
def test_awards_by_form_level_and_the_r10_shares(built):
    awards = selectors.dashboard(built.world.district, built.campaign, now=NOW).awards
    # In 2021-2025: A's farmer LĐTT 2023 + CSTĐCS 2024, A's collective TTLĐTT 2024, B's man
    # Giấy khen 2022; the 2019 LĐTT is outside the review period.
    assert (awards.total, awards.individuals, awards.collectives) == (4, 3, 1)
    assert (awards.women.count, awards.women.total) == (2, 3)
    assert (awards.direct_workers.count, awards.workers_farmers.count) == (2, 2)
    assert (awards.small_collectives.count, awards.small_collectives.total) == (1, 1)
    assert awards.small_collectives.percent == 100.0
    forms = {t.label: t.count for t in awards.by_form}
    assert forms == {
        "Lao động tiên tiến": 1,
        "Chiến sĩ thi đua cơ sở": 1,
        "Tập thể lao động tiên tiến": 1,
        "Giấy khen": 1,
    }
    assert awards.years == (2021, 2025)


@pytest.mark.django_db
def test_award_shares_equal_the_awards_apps_own_statistics(built, district_officer):
    """The aggregate in SQL counts what awards.selectors.award_statistics counts in Python."""
    mine = selectors.award_figures(built.world.district, built.campaign)
    theirs = award_selectors.award_statistics(
        access.scope_for(district_officer), built.world.district, years=(2021, 2025)
    )
    assert (mine.total, mine.individuals, mine.collectives) == (
        theirs.total,
        theirs.individuals,
        theirs.collectives,
    )
    for name in ("direct_workers", "workers_farmers", "women", "small_collectives"):
        mine_share, their_share = getattr(mine, name), getattr(theirs, name)
        assert (mine_share.count, mine_share.total) == (their_share.count, their_share.total)
    assert sorted((t.label, t.count) for t in mine.by_form) == sorted(theirs.by_form)


@pytest.mark.django_db
def test_a_commune_sees_only_its_own_subtree(built):
    dash = selectors.dashboard(built.world.commune_b, built.campaign, now=NOW)
    assert dash.assignments.unit_total == 1
    assert dash.assignments.late_units == 1
    assert dash.conferences[0].planned == 0
    assert dash.delegates.total == 0
    assert dash.honorees.total == 1
    assert dash.awards.total == 1


@pytest.mark.django_db
def test_children_rows_carry_the_key_figures_of_their_subtrees(built):
    dash = selectors.dashboard(built.world.district, built.campaign, now=NOW)
    rows = {r.name: r for r in dash.children}
    a, b = rows["Xã Đông Hòa"], rows["Xã Tây Sơn"]
    assert (a.units_assigned, a.late_units, a.conferences_planned, a.conferences_held) == (
        1,
        0,
        1,
        1,
    )
    assert (a.honorees, a.awards, a.has_children) == (3, 3, True)
    assert (b.units_assigned, b.late_units, b.conferences_planned, b.honorees, b.awards) == (
        1,
        1,
        0,
        1,
        1,
    )
    assert b.has_children is False
    # The district's own conference is on its own row, not on a child's.
    assert dash.own_row is not None
    assert (dash.own_row.conferences_planned, dash.own_row.conferences_held) == (1, 1)


@pytest.mark.django_db
def test_the_province_sees_its_district_as_one_child(built):
    dash = selectors.dashboard(built.world.province, built.campaign, now=NOW)
    [district] = dash.children
    assert (district.units_assigned, district.late_units, district.honorees) == (2, 1, 4)
    assert district.conferences_planned == 2


@pytest.mark.django_db
def test_without_a_campaign_only_the_registry_figures(built):
    dash = selectors.dashboard(built.world.district, None, now=NOW)
    assert dash.assignments.unit_total == 0 and dash.conferences == []
    assert dash.delegates.levels == []
    assert dash.honorees.total == 4
    assert dash.awards.total == 5  # every year counts without a campaign's period
    assert dash.awards.years is None


@pytest.mark.django_db
def test_a_province_campaign_counts_the_plans_derived_from_it(world, preset, district_officer):
    """R1: the province's plan reaches the district, which implements it with its own plan
    issued to the communes; the province's dashboard for its plan sees every level."""
    from conftest import make_user
    from thidua.campaigns import services
    from thidua.dashboards.tests.conftest import ISSUED_AT

    officer = make_user("province", world.province)
    province_plan = services.create_campaign(preset=preset, issuer=world.province, by=officer)
    services.issue_campaign(province_plan, by=officer, now=ISSUED_AT)
    district_plan = services.derive_campaign(
        province_plan, unit=world.district, by=district_officer
    )
    services.issue_campaign(district_plan, by=district_officer, now=ISSUED_AT)

    dash = selectors.dashboard(world.province, province_plan, now=NOW)
    assert dash.assignments.unit_total == 3  # the district, and its two communes
    due = {row.level: row.due for row in dash.conferences}
    assert due == {"district": 1, "commune": 2}
    [district] = dash.children
    assert (district.units_assigned, district.late_units) == (3, 3)
    # The district's own plan alone: only its communes.
    assert selectors.dashboard(world.province, district_plan, now=NOW).assignments.unit_total == 2
