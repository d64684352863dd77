"""Issue 11: two clerks at once on one register (threads on PostgreSQL): award decisions and
other decisions typed in the documents engine draw from the same "QĐ" series of the same
issuing body; nobody gets a number twice and no number is skipped."""

from __future__ import annotations

import pytest

from thidua.awards import services
from thidua.awards.tests.conftest import ON, reviewed_proposal
from thidua.awards.tests.test_concurrency import _race
from thidua.documents import services as documents
from thidua.documents.models import GeneratedDocument, NumberSeries
from thidua.documents.tests.test_services import short

pytestmark = pytest.mark.django_db(transaction=True)


def test_award_decisions_and_typed_decisions_share_one_series_without_duplicates(
    postgres_only, awards_world
):
    w = awards_world
    issuer = w.issuers["a"]
    prepared = []
    for key in ("lan", "minh", "hoa"):
        proposal, items = reviewed_proposal(w, [(key, "giay-khen")])
        prepared.append((proposal, items[key]))
    award_jobs = [
        (
            lambda p=p, i=i: (
                services.decide(p, by=w.leader_a, items=[i], decided_on=ON).document.serial
            )
        )
        for p, i in prepared
    ]
    typed_jobs = [
        (
            lambda n=n: (
                documents.issue_document(
                    by=w.leader_a,
                    issuer=issuer,
                    spec=short("QĐ", f"Quyết định thành lập tổ công tác số {n}"),
                    date=ON,
                ).serial
            )
        )
        for n in range(3)
    ]
    serials, errors = _race([*award_jobs, *typed_jobs])
    assert errors == []
    assert sorted(serials) == [1, 2, 3, 4, 5, 6]
    documents_issued = GeneratedDocument.objects.filter(issuer=issuer, kind="QĐ")
    assert sorted(documents_issued.values_list("serial", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert NumberSeries.objects.get(issuer=issuer, type_code="QĐ", year=ON.year).last_serial == 6
