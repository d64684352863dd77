"""Fixtures of the awards tests: the persona world with issuers, roles and honorees."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

import pytest
from django.apps import apps

from conftest import make_user

SEEDS = (
    "thidua.awards.migrations.0002_seed_award_forms",
    "thidua.awards.migrations.0004_seed_authority_and_criteria",
    "thidua.honorees.migrations.0002_seed_vocabularies_movements",
)
# Before the district level was abolished (1/7/2025): the seed's world.
ON = dt.date(2025, 3, 20)


@pytest.fixture
def catalogues(db):
    """The rows the data migrations seed (transactional tests lose them to the flush of
    another test; the seeds are idempotent)."""
    for name in SEEDS:
        importlib.import_module(name).seed(apps, None)


@dataclass
class AwardWorld:
    world: object
    organizer_a: object
    front_a: object
    council_a: object
    council_a2: object
    council_a3: object
    leader_a: object
    leader_district: object
    organizer_district: object
    organizer_b: object
    leader_province: object
    honorees: dict
    honoree_b: object
    issuers: dict


def _issuer(unit, abbreviation, lines, place, full_name):
    from thidua.documents import services

    return services.create_issuer(
        by=None,
        unit=unit,
        abbreviation=abbreviation,
        name_lines=lines,
        place=place,
        full_name=full_name,
    )


@pytest.fixture
def awards_world(world, catalogues, settings, tmp_path):
    from thidua.awards.models import AwardForm
    from thidua.honorees import services as honorees
    from thidua.honorees.models import SocialComponent

    settings.MEDIA_ROOT = tmp_path / "media"
    issuers = {
        "a": _issuer(
            world.commune_a,
            "UBND",
            ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"],
            "Đông Hòa",
            "Ủy ban nhân dân xã Đông Hòa",
        ),
        "a_council": _issuer(
            world.commune_a,
            "HĐTĐKT",
            ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"],
            "Đông Hòa",
            "Hội đồng Thi đua - Khen thưởng xã Đông Hòa",
        ),
        "b": _issuer(
            world.commune_b,
            "UBND",
            ["ỦY BAN NHÂN DÂN", "XÃ TÂY SƠN"],
            "Tây Sơn",
            "Ủy ban nhân dân xã Tây Sơn",
        ),
        "district": _issuer(
            world.district,
            "UBND",
            ["ỦY BAN NHÂN DÂN", "HUYỆN THỬ NGHIỆM"],
            "Thử Nghiệm",
            "Ủy ban nhân dân huyện Thử Nghiệm",
        ),
        "province": _issuer(
            world.province,
            "UBND",
            ["ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM"],
            "Thử Nghiệm",
            "Ủy ban nhân dân tỉnh Thử Nghiệm",
        ),
    }
    worker = SocialComponent.objects.get(code="cong-nhan")
    farmer = SocialComponent.objects.get(code="nong-dan")
    people = {}
    for key, name, gender, component, direct in (
        ("lan", "Nguyễn Thị Lan", "female", worker, True),
        ("minh", "Trần Văn Minh", "male", farmer, True),
        ("hoa", "Lê Thị Hoa", "female", None, False),
    ):
        people[key] = honorees.create_honoree(
            by=None,
            unit=world.commune_a,
            kind="individual",
            name=name,
            gender=gender,
            birth_year=1980,
            component=component,
            works_directly=direct,
            position="Cán bộ",
        )
    people["group"] = honorees.create_honoree(
        by=None,
        unit=world.commune_a,
        kind="collective",
        name="Tổ sản xuất số 1",
        collective_size=12,
    )
    cstdcs = AwardForm.objects.get(code="cstdcs")
    for year in (2023, 2024):
        honorees.add_recognition(people["hoa"], by=None, award_form=cstdcs, year=year)
    honoree_b = honorees.create_honoree(
        by=None,
        unit=world.commune_b,
        kind="individual",
        name="Phạm Văn Bình",
        gender="male",
        birth_year=1975,
    )
    return AwardWorld(
        world=world,
        organizer_a=make_user("org_a", world.commune_a, "organizer"),
        front_a=make_user("front_a", world.commune_a, "front"),
        council_a=make_user("council_a", world.commune_a, "council"),
        council_a2=make_user("council_a2", world.commune_a, "council"),
        council_a3=make_user("council_a3", world.commune_a, "council"),
        leader_a=make_user("leader_a", world.commune_a, "leader"),
        leader_district=make_user("leader_d", world.district, "leader"),
        organizer_district=make_user("org_d", world.district, "organizer"),
        organizer_b=make_user("org_b", world.commune_b, "organizer"),
        leader_province=make_user("leader_p", world.province, "leader"),
        honorees=people,
        honoree_b=honoree_b,
        issuers=issuers,
    )


def form(code):
    from thidua.awards.models import AwardForm

    return AwardForm.objects.get(code=code)


def reviewed_proposal(w, plan, *, held_on=ON, approve=None):
    """A proposal of commune A with ``plan`` = [(honoree key, form code)], sent to the council
    and voted (3 of 3 for each, except keys in ``approve`` = False)."""
    from thidua.awards import services

    proposal = services.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Khen thưởng phong trào 2020-2025",
        period_start=2020,
        period_end=2025 if held_on.year >= 2025 else held_on.year,
        origin="Ủy ban MTTQ xã",
    )
    items = {}
    for key, code in plan:
        items[key] = services.add_candidate(
            proposal,
            by=w.organizer_a,
            honoree=w.honorees[key],
            award_form=form(code),
            achievement="Đã có thành tích xuất sắc trong phong trào thi đua",
            rating="excellent",
        )
    services.submit_for_review(proposal, by=w.organizer_a)
    rejected = set(approve or ())
    votes = {item.pk: ((0, 3, 0) if key in rejected else (3, 0, 0)) for key, item in items.items()}
    services.close_review(proposal, by=w.council_a, held_on=held_on, members_present=3, votes=votes)
    for item in items.values():
        item.refresh_from_db()
    proposal.refresh_from_db()
    return proposal, items
