"""Fixtures of the election tests: the conference fixtures (world: district D, communes A and
B, the seed's campaign), a district conference, and helpers that seat delegates, check them in
(``Delegate.checked_in_at``, the presence the check-in app records), nominate them."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.conferences.tests.conftest import (  # noqa: F401  (fixtures)
    COMMUNE_DAY,
    DISTRICT_DAY,
    VN,
    campaign,
    conference_a,
    conference_b,
    guest,
    leader_a,
    media_root,
    preset,
    viewer_a,
)

CHECK_IN = dt.datetime(2025, 2, 20, 7, 45, tzinfo=VN)
OPENING = dt.datetime(2025, 2, 20, 10, 0, tzinfo=VN)


@pytest.fixture(autouse=True)
def voting_rules(db):
    from thidua.elections.services import restore_default_rules

    restore_default_rules()


@pytest.fixture
def issuer_a(world):
    from thidua.documents import services

    return services.create_issuer(
        by=None,
        unit=world.commune_a,
        abbreviation="UBND",
        name_lines=("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"),
        place="Đông Hòa",
    )


@pytest.fixture
def conference_d(campaign, world, district_officer):  # noqa: F811
    from thidua.conferences import services

    return services.create_conference(
        campaign,
        world.district,
        by=district_officer,
        held_on=DISTRICT_DAY,
        session="morning",
        venue="Hội trường Huyện ủy",
    )


def seat(conference, by, count, *, checked_in=None, prefix="Đại biểu", gender="female"):
    """``count`` delegates on the list; the first ``checked_in`` (default all) checked in."""
    from thidua.conferences.models import Delegate

    people = [
        guest(conference, by, name=f"{prefix} {i:02d}", gender=gender) for i in range(1, count + 1)
    ]
    present = count if checked_in is None else checked_in
    Delegate.objects.filter(pk__in=[p.pk for p in people[:present]]).update(checked_in_at=CHECK_IN)
    return people


@pytest.fixture
def electorate(conference_a, commune_a_officer):  # noqa: F811
    """Commune A: 9 delegates on the list, all checked in."""
    return seat(conference_a, commune_a_officer, 9)


def nominate(conference, by, people):
    from thidua.elections import services

    return services.nominate(conference, by=by, delegate_ids=[p.pk for p in people])


@pytest.fixture
def council_a(world):
    from conftest import make_user

    return make_user("council_a", world.commune_a, role="council")
