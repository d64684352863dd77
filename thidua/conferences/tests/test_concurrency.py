"""Concurrency on PostgreSQL: two set-ups of one conference make one; the same honoree added
twice at once makes one seat; a proposal applied twice at once is applied once; approval and
an addition racing never leave an approved list that changed after the check."""

import pytest

from thidua.campaigns.tests.test_concurrency import run_together
from thidua.conferences import services
from thidua.conferences.models import Conference, Delegate
from thidua.conferences.tests.conftest import COMMUNE_DAY, guest, honoree
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_setups_make_one_conference(postgres_only, campaign, world, commune_a_officer):
    def create():
        return services.create_conference(
            campaign,
            world.commune_a,
            by=commune_a_officer,
            held_on=COMMUNE_DAY,
            session="morning",
            venue="Hội trường",
        )

    results = run_together(create, create)
    assert sorted(type(r).__name__ for r in results) == ["Conference", "ConflictError"]
    assert [r.code for r in results if isinstance(r, DomainError)] == ["conferences.already_exists"]
    conference = Conference.objects.get()
    assert conference.agenda_items.count() == 9
    assert AuditEntry.objects.filter(action="conferences.conference.created").count() == 1


def test_the_same_honoree_added_twice_at_once_takes_one_seat(
    postgres_only, conference_a, commune_a_officer, world
):
    person = honoree(world.commune_a)

    def add():
        return services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=person.pk
        )

    results = run_together(add, add)
    assert [r.code for r in results if isinstance(r, DomainError)] == ["conferences.already_listed"]
    assert Delegate.objects.filter(conference=conference_a, honoree=person).count() == 1


def test_a_proposal_applied_twice_at_once_is_applied_once(
    postgres_only, conference_a, commune_a_officer, world
):
    for _ in range(7):
        honoree(world.commune_a, records=[("ldtt", 2023)])
    for _ in range(3):
        guest(conference_a, commune_a_officer)
    proposal = services.propose_delegates(conference_a, by=commune_a_officer, size=10, seed=5)

    def apply():
        return services.apply_proposal(proposal, by=commune_a_officer)

    results = run_together(apply, apply)
    assert [r.code for r in results if isinstance(r, DomainError)] == [
        "conferences.proposal_applied"
    ]
    assert Delegate.objects.filter(conference=conference_a, status="listed").count() == 10
    assert AuditEntry.objects.filter(action="conferences.proposal.applied").count() == 1


def test_approval_and_an_addition_are_serialised(
    postgres_only, conference_a, commune_a_officer, world
):
    for _ in range(7):
        services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a).pk
        )
    for _ in range(3):
        guest(conference_a, commune_a_officer)
    extra = honoree(world.commune_a)
    results = run_together(
        lambda: services.approve_delegate_list(conference_a, by=commune_a_officer),
        lambda: services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=extra.pk
        ),
    )
    conference_a.refresh_from_db()
    added = isinstance(results[1], Delegate)
    approved = isinstance(results[0], Conference)
    if approved and not added:  # approval first: the addition was refused
        assert results[1].code == "conferences.list_approved"
        assert conference_a.status == "list_approved"
    else:  # the addition first: 8/11 honorees fails 70/30, so the approval was refused
        assert added
        assert results[0].code == "conferences.rules_failing"
        assert conference_a.status == "preparing"
