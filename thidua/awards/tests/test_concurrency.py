"""Races on PostgreSQL (threads): decision numbers never repeat, and one achievement cannot be
decided twice by two leaders at once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from thidua.awards import services
from thidua.awards.models import Decision, DecisionEntry
from thidua.awards.tests.conftest import ON, form, reviewed_proposal
from thidua.core.errors import DomainError

pytestmark = pytest.mark.django_db(transaction=True)


def _race(jobs):
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def run(job):
        try:
            barrier.wait()
            results.append(job())
        except Exception as exc:  # reported by the caller
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_concurrent_decisions_get_distinct_consecutive_numbers(postgres_only, awards_world):
    w = awards_world
    prepared = []
    for key in ("lan", "minh", "hoa", "group"):
        proposal, items = reviewed_proposal(w, [(key, "giay-khen")])
        prepared.append((proposal, items[key]))
    jobs = [
        (lambda p=p, i=i: services.decide(p, by=w.leader_a, items=[i], decided_on=ON).symbol)
        for p, i in prepared
    ]
    symbols, errors = _race(jobs)
    assert errors == []
    assert sorted(symbols) == ["01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND", "04/QĐ-UBND"]
    assert sorted(Decision.objects.values_list("document__serial", flat=True)) == [1, 2, 3, 4]


def test_one_achievement_cannot_be_decided_twice_at_once(postgres_only, awards_world):
    w = awards_world
    first, items_a = reviewed_proposal(w, [("lan", "giay-khen")])
    # A second list proposing the same person for the same period (drawn up elsewhere at the
    # same time; the candidate is swapped in afterwards). At the decision only decided awards
    # count, so both leaders could pass the check: the lock on the honoree serialises them.
    second, items_b = reviewed_proposal(w, [("minh", "giay-khen")])
    item_b = items_b["minh"]
    item_b.honoree = w.honorees["lan"]
    item_b.save(update_fields=["honoree"])
    jobs = [
        lambda: services.decide(first, by=w.leader_a, items=[items_a["lan"]], decided_on=ON).symbol,
        lambda: services.decide(second, by=w.leader_a, items=[item_b], decided_on=ON).symbol,
    ]
    symbols, errors = _race(jobs)
    assert len(symbols) == 1 and len(errors) == 1
    assert isinstance(errors[0], DomainError)
    assert errors[0].code == "awards.criteria_block"
    assert DecisionEntry.objects.filter(honoree=w.honorees["lan"]).count() == 1
    assert form("giay-khen").entries.count() == 1
