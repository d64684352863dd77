"""A built world for the dashboards: the persona world of the root conftest (P → D → A (A1), B),
the seed's campaign issued by D to its communes, and what each unit did, all through the
services of the apps the dashboards read:

* commune A: plan sent on time and accepted; conference set up on 20/2/2025 with 3 delegates
  on the list (2 honorees: women; 1 guest: a man), the list approved although the 70/30 rule
  fails (with the reason), the conference recorded held; results reported;
  honorees: 2 women (field "Kinh tế", one a farmer working directly), 1 collective of 12;
* commune B: nothing sent (late on every assignment by 30/6/2025); one honoree (a man);
* district D: its own conference set up on 20/5/2025 (no delegates).

Recognitions in the review period (2021-2025) and one outside it (2019, not counted).
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ISSUED_AT = dt.datetime(2024, 11, 20, 9, 0, tzinfo=VN)
NOW = dt.datetime(2025, 6, 30, 12, 0, tzinfo=VN)
COMMUNE_DAY = dt.date(2025, 2, 20)
DISTRICT_DAY = dt.date(2025, 5, 20)

SEEDS = (
    "thidua.awards.migrations.0002_seed_award_forms",
    "thidua.honorees.migrations.0002_seed_vocabularies_movements",
)

_names = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def preset(db):
    """The seed rows put back first (a transactional test's flush empties them)."""
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


def vocab(model_name: str, name: str):
    from django.apps import apps

    return apps.get_model("honorees", model_name).objects.get(name=name)


def honoree(unit, *, kind="individual", gender="female", records=(), **values):
    from thidua.honorees.tests.factories import make_honoree, recognize

    name = f"Điển hình {next(_names)}"
    if kind == "collective":
        person = make_honoree(unit, f"Tập thể {name}", kind="collective", **values)
    else:
        person = make_honoree(unit, name, gender=gender, **values)
    for code, year in records:
        recognize(person, code, year)
    return person


def assignment(campaign, unit, kind):
    from thidua.campaigns.models import Assignment

    return Assignment.objects.get(campaign=campaign, unit=unit, kind=kind)


def results_figures(held_on):
    from thidua.campaigns.results import AwardLine, ResultsFigures

    return ResultsFigures(
        held_on=held_on,
        honorees_present=2,
        guests_present=1,
        leaders_present=0,
        women_present=2,
        men_present=1,
        direct_producers_present=1,
        presentations_given=1,
        delegates_sent_upward=1,
        planned_budget=10_000_000,
        actual_cost=9_000_000,
        awards=(AwardLine("Giấy khen của Chủ tịch UBND xã", 1, 2),),
    )


@dataclass
class Built:
    world: object
    campaign: object
    conference_a: object
    conference_d: object


def commune_story(campaign, unit, officer, reviewer, *, accept=True):
    """A commune that did everything: plan on time (accepted), conference with 3 delegates,
    results reported."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua.campaigns import services as campaigns
    from thidua.conferences import services as conferences

    plan = campaigns.submit_plan(
        assignment(campaign, unit, "submit_plan"),
        by=officer,
        upload=SimpleUploadedFile(
            "kh.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"
        ),
        document_number="1/KH-UBND",
        document_date=dt.date(2024, 12, 10),
        now=dt.datetime(2024, 12, 10, 10, 0, tzinfo=VN),
    )
    if accept:
        campaigns.accept_submission(plan, by=reviewer, now=dt.datetime(2024, 12, 11, tzinfo=VN))
    conference = conferences.create_conference(
        campaign,
        unit,
        by=officer,
        held_on=COMMUNE_DAY,
        session="morning",
        venue="Hội trường UBND",
    )
    economy = vocab("Field", "Kinh tế").code
    farmer = vocab("SocialComponent", "Nông dân")
    first = honoree(
        unit,
        works_directly=True,
        component=farmer,
        field=vocab("Field", "Kinh tế"),
        records=[("ldtt", 2023), ("cstdcs", 2024)],
    )
    second = honoree(unit, field=vocab("Field", "Kinh tế"), records=[("ldtt", 2019)])
    honoree(unit, kind="collective", collective_size=12, records=[("ttldtt", 2024)])
    for person in (first, second):
        conferences.add_honoree_delegate(conference, by=officer, honoree_id=person.pk)
    conferences.add_manual_delegate(
        conference, by=officer, category="guest", name="Khách mời", gender="male", field=economy
    )
    # The seed's 70/30 rule fails (2 honorees, 1 guest): approved anyway, with the reason.
    conferences.approve_delegate_list(
        conference, by=officer, override_reason="Xã nhỏ, đủ thành phần tiêu biểu."
    )
    campaigns.submit_results(
        assignment(campaign, unit, "report_results"),
        by=officer,
        figures=results_figures(COMMUNE_DAY),
        now=dt.datetime(2025, 2, 25, 10, 0, tzinfo=VN),
    )
    return conference


@pytest.fixture
def built(world, campaign, district_officer, commune_a_officer):
    from thidua.conferences import services as conferences

    conference_a = commune_story(campaign, world.commune_a, commune_a_officer, district_officer)
    honoree(world.commune_b, gender="male", records=[("giay-khen", 2022)])
    conference_d = conferences.create_conference(
        campaign,
        world.district,
        by=district_officer,
        held_on=DISTRICT_DAY,
        session="morning",
        venue="Hội trường huyện",
    )
    return Built(world, campaign, conference_a, conference_d)
