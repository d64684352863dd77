"""Concurrency on PostgreSQL: one token used from two phones at the same moment makes one
ballot; a poll closed twice at once is tallied once."""

import pytest

from thidua.campaigns.tests.test_concurrency import run_together
from thidua.core.errors import DomainError
from thidua.elections import services
from thidua.elections.models import Ballot, Elector
from thidua.elections.tests.conftest import OPENING, nominate

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_token_from_two_phones_at_once_casts_one_ballot(
    postgres_only, conference_a, electorate, commune_a_officer
):
    nominate(conference_a, commune_a_officer, electorate[:2])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="electronic", seats=1)
    tokens = services.open_poll(poll, by=commune_a_officer, now=OPENING)
    token = tokens[0][1]
    a, b = (str(c.pk) for c in poll.candidates.all())

    results = run_together(lambda: services.cast_ballot(token, [a]),
                           lambda: services.cast_ballot(token, [b]))  # fmt: skip
    assert [r.code for r in results if isinstance(r, DomainError)] == ["elections.already_voted"]
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert Elector.objects.filter(poll=poll, used=True).count() == 1


def test_a_poll_closed_twice_at_once_is_tallied_once(
    postgres_only, conference_a, electorate, commune_a_officer
):
    nominate(conference_a, commune_a_officer, electorate[:1])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=1)
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    key = str(poll.candidates.get().pk)
    services.record_hands(poll, by=commune_a_officer, counts={key: (9, 0, 0)})

    def close():
        return services.close_poll(poll, by=commune_a_officer)

    results = run_together(close, close)
    assert [r.code for r in results if isinstance(r, DomainError)] == ["elections.not_open"]
