"""Fixtures of the conference tests: the persona world of the root conftest (district D with
communes A, 150 staff, and B, 320 staff), the seed's campaign issued by D to its communes,
honorees in A and B, and helpers that build conferences and lists through the services."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ISSUED_AT = dt.datetime(2024, 11, 20, 9, 0, tzinfo=VN)
COMMUNE_DAY = dt.date(2025, 2, 20)  # inside Q1/2025, the communes' window
DISTRICT_DAY = dt.date(2025, 5, 20)  # inside Q2/2025, the district's window

_names = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


SEEDS = (
    "thidua.awards.migrations.0002_seed_award_forms",
    "thidua.honorees.migrations.0002_seed_vocabularies_movements",
)


@pytest.fixture
def preset(db):
    """The seed's preset; with the rows every data migration seeds put back first: the flush
    that ends a transactional test (browser, concurrency) empties those tables, and the seeds
    are idempotent."""
    import importlib

    from django.apps import apps

    from thidua.campaigns.models import CampaignPreset
    from thidua.campaigns.services.presets import restore_presets
    from thidua.conferences.services.agenda import restore_default_template

    for name in SEEDS:
        importlib.import_module(name).seed(apps, None)
    restore_presets()
    restore_default_template()
    return CampaignPreset.objects.get(code="kim-bang-2024")


@pytest.fixture
def campaign(world, district_officer, preset):
    from thidua.campaigns import services

    campaign = services.create_campaign(preset=preset, issuer=world.district, by=district_officer)
    services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    campaign.refresh_from_db()
    return campaign


@pytest.fixture
def council_d(world):
    from conftest import make_user

    return make_user("council_d", world.district, role="council")


@pytest.fixture
def leader_a(world):
    from conftest import make_user

    return make_user("leader_a", world.commune_a, role="leader")


@pytest.fixture
def viewer_a(world):
    from conftest import make_user

    return make_user("viewer_a", world.commune_a, role="viewer")


@pytest.fixture
def conference_a(campaign, world, commune_a_officer):
    """Commune A (150 staff): a plenary conference."""
    from thidua.conferences import services

    return services.create_conference(
        campaign,
        world.commune_a,
        by=commune_a_officer,
        held_on=COMMUNE_DAY,
        session="morning",
        venue="Hội trường UBND xã Đông Hòa",
    )


@pytest.fixture
def conference_b(campaign, world, commune_b_officer):
    """Commune B (320 staff): a delegate conference."""
    from thidua.conferences import services

    return services.create_conference(
        campaign,
        world.commune_b,
        by=commune_b_officer,
        held_on=COMMUNE_DAY,
        session="afternoon",
        venue="Hội trường UBND xã Tây Sơn",
    )


def add_women_rule(campaign, level="commune", share="0.4"):
    """Give the campaign a "women at least 40%" rule for the level (an organizer's figure for
    the plan's emphasis)."""
    from thidua.campaigns import services

    return services.add_composition_rule(
        campaign,
        by=None,
        level=level,
        feature="gender",
        value="female",
        min_value=Decimal(share),
        unit="share",
        label="đại biểu nữ",
        order=10,
    )


def honoree(unit, gender="female", *, records=(), name=None, **values):
    """An honoree through the services, with recognitions (code, year)."""
    from thidua.honorees.tests.factories import make_honoree, recognize

    person = make_honoree(unit, name or f"Điển hình {next(_names)}", gender=gender, **values)
    for code, year in records:
        recognize(person, code, year)
    return person


def guest(conference, by, name=None, gender="male", category="guest", **values):
    from thidua.conferences import services

    return services.add_manual_delegate(
        conference,
        by=by,
        category=category,
        name=name or f"Khách {next(_names)}",
        gender=gender,
        **values,
    )
