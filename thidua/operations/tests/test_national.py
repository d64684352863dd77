"""generate_national at tiny scale (one province): counts, referential integrity, the shape of
the data, determinism, refusal on a non-empty database, and access scoping on the result.
Runs on SQLite (bulk_create) and, via the ``postgres_only`` fixture, on PostgreSQL (COPY)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import Http404

from conftest import make_user
from thidua.campaigns.models import Assignment, ResultsReport, Submission
from thidua.conferences.models import Conference, Delegate
from thidua.core.text import fold
from thidua.honorees import selectors
from thidua.honorees.models import Honoree, Recognition
from thidua.operations.national import NotEmptyError, Sizes, generate, is_empty
from thidua.operations.national import distributions as dist
from thidua.operations.national.names import person_name
from thidua.operations.national.writer import RowWriter
from thidua.units import access
from thidua.units.models import Unit

TINY = Sizes(
    honorees=1200, recognitions=2500, conferences=25, delegates=1500, checkins=800, feedback=5
)
INDEXES = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
    "('honorees_honoree', 'honorees_recognition', 'conferences_delegate') ORDER BY indexname"
)
PROVINCE = "35"  # Hà Nam: 6 districts, 116 communes


def _generate(**extra: object):  # type: ignore[no-untyped-def]
    return generate(TINY, seed=7, province=PROVINCE, **extra)  # type: ignore[arg-type]


def _check_country(report) -> None:  # type: ignore[no-untyped-def]
    # Counts: exactly the sizes asked for (conferences: one per commune at most).
    assert Honoree.objects.count() == report.honorees == TINY.honorees
    assert Recognition.objects.count() == report.recognitions == TINY.recognitions
    assert Conference.objects.count() == report.conferences == TINY.conferences
    assert Delegate.objects.count() == report.delegates == TINY.delegates
    checked = Delegate.objects.filter(checked_in_at__isnull=False)
    assert checked.count() == report.checkins == TINY.checkins
    assert set(checked.values_list("status", flat=True)) == {"checked_in"}
    assert not Delegate.objects.filter(status="checked_in", checked_in_at__isnull=True).exists()

    # Referential integrity: every foreign key points at a row (both engines check).
    connection.check_constraints()
    province = Unit.objects.get(source="legacy", code=PROVINCE)
    assert province.parent_id == report.root_id
    assert not Honoree.objects.exclude(unit__path__startswith=province.path).exists()
    # An honoree delegate belongs to the commune of its conference; checked in only at a
    # conference held before NOW.
    for unit_id, conference_unit in Delegate.objects.filter(honoree__isnull=False).values_list(
        "honoree__unit_id", "conference__unit_id"
    ):
        assert unit_id == conference_unit
    assert not checked.filter(conference__held_on__gte=dist.NOW.date()).exists()
    held = Conference.objects.filter(held_on__lt=dist.NOW.date())
    assert (
        Assignment.objects.filter(kind="hold_conference", state="accepted").count() == held.count()
    )

    # Shape: names with diacritics and their folded search form, ~50/50 genders, direct
    # producers about a third, every assignment state including late and missing plans.
    individuals = Honoree.objects.filter(kind="individual")
    genders = Counter(individuals.values_list("gender", flat=True))
    assert 0.4 < genders["female"] / sum(genders.values()) < 0.6
    assert set(genders) == {"male", "female"}
    direct = individuals.filter(works_directly=True).count() / individuals.count()
    assert 0.25 < direct < 0.5
    sample = list(Honoree.objects.values_list("name", "search_name")[:200])
    assert all(search == fold(name) for name, search in sample)
    assert sum(name != search for name, search in sample) > 150
    plans = Counter(
        Assignment.objects.filter(kind="submit_plan").values_list("state", "submitted_late")
    )
    assert {("accepted", False), ("submitted", False), ("submitted", True)} <= set(plans)
    assert ("returned", False) in plans and ("pending", False) in plans
    reports = ResultsReport.objects.select_related("submission__assignment")
    assert reports.exists()
    for report_row in reports:
        assert report_row.submission.assignment.kind == "report_results"
        assert report_row.total_present > 0
    assert Submission.objects.filter(assignment__kind="submit_plan").count() == sum(
        n for (state, _), n in plans.items() if state != "pending"
    )


@pytest.mark.django_db
def test_tiny_country_counts_integrity_and_shape():
    assert is_empty()
    report = _generate()
    _check_country(report)


@pytest.mark.django_db
def test_scoping_holds_on_the_generated_country():
    _generate()
    communes = list(
        Unit.objects.filter(conferences__isnull=False, honorees__isnull=False)
        .distinct()
        .order_by("path")[:2]
    )
    commune_a, commune_b = communes
    user = make_user("xa_a", commune_a)
    scope = access.scope_for(user)
    found = selectors.search_honorees(scope, selectors.HonoreeFilters())
    assert found.count() == Honoree.objects.filter(unit=commune_a).count() > 0
    other = Honoree.objects.filter(unit=commune_b).first()
    with pytest.raises(Http404):
        selectors.get_honoree_for(user, other.pk)
    # Name search without diacritics, inside the scope only.
    mine = Honoree.objects.filter(unit=commune_a).first()
    word = fold(mine.name).split()[-1]
    hits = selectors.search_honorees(scope, selectors.HonoreeFilters(q=word))
    assert mine in hits
    assert not hits.exclude(unit=commune_a).exists()
    delegates = access.restrict(user, Delegate.objects.all(), "conference__unit")
    assert set(delegates.values_list("conference__unit_id", flat=True)) == {commune_a.pk}


@pytest.mark.django_db
def test_refuses_a_non_empty_database_unless_forced():
    Unit.objects.create(code="X", name="Xã X", kind="commune", level="commune", path="x", depth=1)
    with pytest.raises(NotEmptyError):
        _generate()
    with pytest.raises(CommandError):
        call_command("generate_national", "--province", PROVINCE, "--scale", "0.0001")


@pytest.mark.django_db
def test_same_seed_same_rows():
    """A second run with the same seed (forced, on top) writes the same honorees again."""

    def rows(first: int, last: int) -> list[tuple[object, ...]]:
        return list(
            Honoree.objects.filter(pk__range=(first, last))
            .order_by("pk")
            .values_list("unit_id", "name", "gender", "birth_year", "stage", "kind")
        )

    _generate()
    first = rows(0, 10**9)
    _generate(force=True)
    second = Honoree.objects.order_by("pk").values_list("pk", flat=True)[TINY.honorees]
    assert rows(second, 10**9) == first
    assert Delegate.objects.count() == 2 * TINY.delegates


def test_person_names_are_repeatable_nfc_and_vietnamese():
    import random
    import unicodedata

    names = [person_name(random.Random(3), "female") for _ in range(3)]
    assert len(set(names)) == 1
    many = [person_name(random.Random(i), "male") for i in range(300)]
    assert all(unicodedata.is_normalized("NFC", n) for n in many)
    assert sum(n.startswith("Nguyễn ") for n in many) > 60  # about 38%


def test_apportion_sums_exactly():
    import random

    parts = dist.apportion(1000, [1.0, 3.0, 0.5, 2.2], random.Random(1))
    assert sum(parts) == 1000 and parts[1] > parts[0] > parts[2]
    assert dist.Sizes().scaled(0.001).honorees == 1000


@pytest.mark.django_db
def test_on_postgresql_rows_go_through_copy(postgres_only):
    writer = RowWriter(Honoree, ["id"])
    assert writer.copying
    with connection.cursor() as cursor:
        cursor.execute(INDEXES)
        before = cursor.fetchall()
    report = _generate()
    _check_country(report)
    # The secondary indexes dropped for the load are all back, the same.
    with connection.cursor() as cursor:
        cursor.execute(INDEXES)
        assert cursor.fetchall() == before
    assert ("honoree_search_name_trgm",) in [(name,) for name, _d in before]
    # The id sequences were moved past the copied rows: a new honoree gets a fresh id.
    commune = Unit.objects.get(pk=Honoree.objects.first().unit_id)
    new = Honoree.objects.create(unit=commune, kind="individual", name="Mới", search_name="moi")
    assert new.pk > max(Honoree.objects.exclude(pk=new.pk).values_list("pk", flat=True))
