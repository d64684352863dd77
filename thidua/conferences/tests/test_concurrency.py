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


def _ready_for_the_door(conference, officer, unit):
    from thidua.conferences.tests.day import BASE, approved, issuer

    issuer(unit)
    approved(conference, officer, unit)
    services.issue_invitations(conference, by=officer, base_url=BASE)
    return list(Delegate.objects.filter(conference=conference).order_by("pk"))


def test_two_gates_scanning_one_badge_at_once_check_in_once(
    postgres_only, conference_a, commune_a_officer, world
):
    """Issue 7: the same badge at two gates at the same moment (different nonces): one
    check-in, the other answered "already"; the same request retried at once (same nonce):
    one row."""
    from thidua.conferences import checkin
    from thidua.conferences.models import CheckIn
    from thidua.conferences.tests.day import nonce

    people = _ready_for_the_door(conference_a, commune_a_officer, world.commune_a)
    badge = people[0]

    def scan(key, gate):
        return lambda: checkin.check_in(
            conference_a, by=commune_a_officer, nonce=key, token=badge.token, gate=gate
        )

    results = run_together(*(scan(nonce(), f"Cửa {i}") for i in range(4)))
    assert sorted(r.outcome for r in results) == ["already", "already", "already", "checked_in"]
    assert Delegate.objects.filter(checked_in_at__isnull=False).count() == 1
    assert AuditEntry.objects.filter(action="conferences.delegate.checked_in").count() == 1
    assert CheckIn.objects.filter(outcome="checked_in").count() == 1

    key = nonce()
    second = people[1]
    same = run_together(
        *(
            lambda: checkin.check_in(
                conference_a, by=commune_a_officer, nonce=key, token=second.token
            )
            for _ in range(3)
        )
    )
    assert {r.outcome for r in same} == {"checked_in"}
    assert sum(not r.replayed for r in same) == 1
    assert CheckIn.objects.filter(nonce=key).count() == 1
    assert AuditEntry.objects.filter(action="conferences.delegate.checked_in").count() == 2
