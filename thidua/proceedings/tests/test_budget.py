"""Budget services: lines, bonus lines from the award forms' multiples and the base salary
rows in force on the conference's day, actual amounts, refusals that write nothing, the
audit, and budget_totals in one query."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.awards.models import AwardForm
from thidua.conferences.models import Conference
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.proceedings import selectors, services
from thidua.proceedings.models import BaseSalary, BudgetLine


def test_planned_lines_totals_and_actuals(conference_a, commune_a_officer):
    venue = services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="venue",
        description="Thuê âm thanh, ánh sáng",
        quantity=1,
        unit_price=3_000_000,
    )
    water = services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="refreshments",
        description="Nước uống đại biểu",
        quantity=120,
        unit_price=15_000,
        unit_name="suất",
    )
    assert water.planned_amount == 1_800_000
    services.record_actual(water, by=commune_a_officer, actual_amount=1_650_000)
    summary = selectors.summarise(selectors.budget_lines_of(conference_a))
    assert (summary.total.planned, summary.total.actual) == (4_800_000, 1_650_000)
    services.record_actual(venue, by=commune_a_officer, actual_amount=3_200_000)
    summary = selectors.summarise(selectors.budget_lines_of(conference_a))
    assert summary.total.actual == 4_850_000
    assert summary.total.variance == 50_000
    assert summary.total.complete
    entry = AuditEntry.objects.filter(action="proceedings.budget_line.actual_recorded").latest("id")
    assert entry.data == {"before": None, "actual": 3_200_000, "planned": 3_000_000}
    assert entry.unit_id == conference_a.unit_id


def test_bonus_line_uses_the_multiple_and_the_base_salary_of_the_day(
    conference_a, commune_a_officer
):
    giay_khen = AwardForm.objects.get(code="giay-khen")
    line = services.add_bonus_line(
        conference_a, by=commune_a_officer, award_form=giay_khen, collective=False, quantity=12
    )
    # 0,3 × 2.340.000 = 702.000, rounded up to 710.000 (conference on 20/02/2025)
    assert (line.unit_price, line.planned_amount) == (710_000, 8_520_000)
    assert (line.multiple, line.base_salary) == (Decimal("0.30"), 2_340_000)
    assert line.category == "bonuses"
    collective = services.add_bonus_line(
        conference_a, by=commune_a_officer, award_form=giay_khen, collective=True, quantity=3
    )
    assert (collective.unit_price, collective.planned_amount) == (1_410_000, 4_230_000)
    # The base salary is data: the row in force on the conference's day decides.
    Conference.objects.filter(pk=conference_a.pk).update(held_on=dt.date(2024, 3, 1))
    conference_a.refresh_from_db()
    earlier = services.add_bonus_line(
        conference_a, by=commune_a_officer, award_form=giay_khen, collective=False, quantity=1
    )
    assert (earlier.base_salary, earlier.unit_price) == (1_800_000, 540_000)
    BaseSalary.objects.filter(amount=1_800_000).update(amount=1_900_000, bonus_round_to=1)
    again = services.add_bonus_line(
        conference_a, by=commune_a_officer, award_form=giay_khen, collective=False, quantity=1
    )
    assert again.unit_price == 570_000


def test_refusals_write_nothing(conference_a, commune_a_officer):
    giay_khen = AwardForm.objects.get(code="giay-khen")
    BaseSalary.objects.all().delete()
    with pytest.raises(DomainError) as refused:
        services.add_bonus_line(
            conference_a, by=commune_a_officer, award_form=giay_khen, collective=False, quantity=2
        )
    assert refused.value.code == "proceedings.no_base_salary"
    for fields, code in (
        ({"category": "bonuses", "description": "x"}, "proceedings.use_bonus_line"),
        ({"category": "venue", "description": "  "}, "proceedings.description_required"),
        ({"category": "nope", "description": "x"}, "proceedings.bad_category"),
        (
            {"category": "venue", "description": "x", "unit_price": -1},
            "proceedings.negative_amount",
        ),
    ):
        with pytest.raises(DomainError) as refused:
            services.add_budget_line(
                conference_a,
                by=commune_a_officer,
                **({"quantity": 1, "unit_price": 1} | fields),
            )
        assert refused.value.code == code
    assert not BudgetLine.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="proceedings.").exists()


def test_form_without_bonus_is_refused(conference_a, commune_a_officer):
    form = AwardForm.objects.filter(bonus_multiple__isnull=True).first()
    assert form is not None
    with pytest.raises(DomainError) as refused:
        services.add_bonus_line(
            conference_a, by=commune_a_officer, award_form=form, collective=False, quantity=1
        )
    assert refused.value.code == "proceedings.no_bonus"


def test_another_commune_cannot_touch_the_budget(conference_a, commune_b_officer, viewer_a):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    with pytest.raises(Http404):
        services.add_budget_line(
            conference_a,
            by=commune_b_officer,
            category="venue",
            description="x",
            quantity=1,
            unit_price=1,
        )
    with pytest.raises(PermissionDenied):
        services.add_budget_line(
            conference_a, by=viewer_a, category="venue", description="x", quantity=1, unit_price=1
        )
    assert not BudgetLine.objects.exists()


def test_budget_totals_in_one_query(
    conference_a, conference_b, commune_a_officer, commune_b_officer
):
    line = services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="venue",
        description="Hội trường",
        quantity=1,
        unit_price=2_000_000,
    )
    services.record_actual(line, by=commune_a_officer, actual_amount=1_900_000)
    services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="printing",
        description="In tài liệu",
        quantity=100,
        unit_price=5_000,
    )
    services.add_budget_line(
        conference_b,
        by=commune_b_officer,
        category="venue",
        description="Hội trường",
        quantity=1,
        unit_price=4_000_000,
    )
    with CaptureQueriesContext(connection) as queries:
        totals = selectors.budget_totals([conference_a.pk, conference_b.pk, 999_999])
    assert len(queries) == 1
    assert totals == {
        conference_a.pk: (2_500_000, 1_900_000),
        conference_b.pk: (4_000_000, 0),
        999_999: (0, 0),
    }


def test_remove_line_is_audited(conference_a, commune_a_officer):
    line = services.add_budget_line(
        conference_a,
        by=commune_a_officer,
        category="other",
        description="Hoa tươi",
        quantity=2,
        unit_price=300_000,
    )
    services.remove_budget_line(line, by=commune_a_officer)
    assert not BudgetLine.objects.exists()
    entry = AuditEntry.objects.get(action="proceedings.budget_line.removed")
    assert entry.data == {"description": "Hoa tươi", "planned": 600_000}
