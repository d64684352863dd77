"""Two writers racing for the same people on PostgreSQL: the unit lock and the re-check make
exactly one win; nothing is written twice."""

import io
import threading

import pytest
from django.db import connection

from thidua.core.errors import DomainError
from thidua.honorees.excel.importer import import_honorees
from thidua.honorees.models import Honoree
from thidua.honorees.tests.factories import good_row, workbook_bytes
from thidua.units import access

pytestmark = pytest.mark.django_db(transaction=True)


def _race(actions):
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(i, action):
        barrier.wait()
        try:
            results[i] = action()
        except DomainError as error:
            results[i] = error.code
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_two_imports_of_the_same_file_write_it_once(
    catalogues, postgres_only, world, commune_a_officer
):
    content = workbook_bytes(
        [good_row("A1", f"Người Số {i}", national_id=f"0011900000{i:02d}") for i in range(30)]
    )

    def one_import():
        result = import_honorees(
            io.BytesIO(content),
            size=len(content),
            file_name="ds.xlsx",
            by=commune_a_officer,
            scope=access.scope_for(commune_a_officer),
        )
        return "ok" if result.ok else sorted({p.code for p in result.problems})

    outcomes = _race([one_import, one_import])
    assert sorted(map(str, outcomes)) == sorted(
        ["ok", str(["import.duplicate_name", "import.duplicate_national_id"])]
    )
    assert Honoree.objects.count() == 30


def test_a_form_and_an_import_racing_for_one_person(
    catalogues, postgres_only, world, commune_a_officer
):
    from thidua.honorees import services

    content = workbook_bytes([good_row("A1", "Nguyễn Văn Đua", birth_year=1980)])

    def by_form():
        services.create_honoree(
            by=None,
            unit=world.commune_a,
            kind="individual",
            name="Nguyễn Văn Đua",
            birth_year=1980,
            gender="male",
        )
        return "ok"

    def by_import():
        result = import_honorees(
            io.BytesIO(content),
            size=len(content),
            file_name="ds.xlsx",
            by=commune_a_officer,
            scope=access.scope_for(commune_a_officer),
        )
        return "ok" if result.ok else result.problems[0].code

    outcomes = _race([by_form, by_import])
    assert sorted(outcomes) in (
        ["honorees.duplicate_name", "ok"],
        ["import.duplicate_name", "ok"],
    )
    assert Honoree.objects.filter(search_name="nguyen van dua").count() == 1
