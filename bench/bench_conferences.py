"""A district conference at scale: 3,000 honorees in 30 communes, 100 guests and leaders by
hand, a list of 300 (70/30, women >= 40%, every economic sector present, the cap).

Figures, each beside its baseline measured in the same run:
* ``propose_delegates`` (the whole service: the pool read through the access gate with merits
  over the review period, the rules from the campaign's rows, HiGHS, the explanation of every
  choice, the proposal stored) against ``optimize`` alone on the same candidates and rules;
* ``apply_proposal`` (300 seats written) against one ``bulk_create`` of the same 300 rows;
* the delegate page (list, checker, pool of 2,800) against ``check_list`` alone, and its
  number of queries.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.database import scratch_database
from bench.harness import Report, timed
from thidua.awards.models import AwardForm
from thidua.campaigns import services as campaign_services
from thidua.campaigns.models import CampaignPreset
from thidua.campaigns.services.presets import restore_presets
from thidua.conferences import selectors, services
from thidua.conferences.models import Delegate
from thidua.honorees.models import EconomicSector, Honoree, Recognition
from thidua.selection.optimizer import optimize
from thidua.selection.rules import make_candidate, parse_rules
from thidua.units import services as unit_services

SEED = 20250520
COMMUNES = 30
PER_COMMUNE = 100
SIZE = 300
REPEAT = 3
PASSWORD = "Bench@12345"  # noqa: S105  (a throw-away database)


def _world() -> tuple[object, object]:
    rng = random.Random(SEED)
    province = unit_services.create_unit(by=None, code="BP", name="Tỉnh Đo", kind="province")
    district = unit_services.create_unit(
        by=None, code="BD", name="Huyện Đo", kind="rural_district", parent=province
    )
    sectors = list(EconomicSector.objects.all())
    forms = {f.code: f for f in AwardForm.objects.filter(code__in=["ldtt", "cstdcs", "giay-khen"])}
    honorees, records = [], []
    for c in range(COMMUNES):
        commune = unit_services.create_unit(
            by=None, code=f"BX{c}", name=f"Xã Đo {c}", kind="commune", parent=district
        )
        for i in range(PER_COMMUNE):
            honorees.append(
                Honoree(
                    unit=commune,
                    kind="individual",
                    name=f"Người {c}-{i}",
                    search_name=f"nguoi {c}-{i}",
                    gender=rng.choice(["female", "male", "male"]),
                    sector=rng.choice(sectors),
                    works_directly=rng.random() < 0.5,
                )
            )
    Honoree.objects.bulk_create(honorees)
    for h in honorees:
        for year in rng.sample(range(2021, 2026), rng.randint(0, 3)):
            code = rng.choice(list(forms))
            records.append(Recognition(honoree=h, award_form=forms[code], year=year))
    Recognition.objects.bulk_create(records, ignore_conflicts=True)
    officer = get_user_model().objects.create_user(username="bench", password=PASSWORD)
    unit_services.grant_membership(officer, district, "organizer", by=None)
    return district, officer


def _conference(district: object, officer: object) -> object:
    restore_presets()
    campaign = campaign_services.create_campaign(
        preset=CampaignPreset.objects.get(code="kim-bang-2024"), issuer=district, by=officer
    )
    campaign_services.issue_campaign(
        campaign, by=officer, now=dt.datetime(2024, 11, 20, tzinfo=dt.UTC)
    )
    for rule in campaign.composition_rules.filter(level="district"):
        if rule.feature == "gender":
            campaign_services.update_composition_rule(rule, by=None, min_value=Decimal("0.4"))
        if rule.feature == "economic_sector":
            campaign_services.update_composition_rule(rule, by=None, min_value=Decimal("1"))
    conference = services.create_conference(
        campaign,
        district,
        by=officer,
        held_on=dt.date(2025, 5, 20),
        session="morning",
        venue="Hội trường",
    )
    rng = random.Random(SEED)
    for n in range(100):
        services.add_manual_delegate(
            conference,
            by=officer,
            category="leader" if n < 10 else "guest",
            name=f"Khách {n}",
            gender=rng.choice(["female", "male"]),
            required=n < 10,
        )
    return conference


def run(report: Report) -> None:
    with scratch_database():
        district, officer = _world()
        conference = _conference(district, officer)
        required = [f"d{d.pk}" for d in conference.delegates.filter(required=True)]
        service_seconds, proposal = timed(
            lambda: services.propose_delegates(
                conference, by=officer, size=SIZE, seed=SEED, required=required
            ),
            repeat=REPEAT,
        )
        assert proposal.status == "optimal", proposal.message
        from thidua.units.access import scope_for

        pool = selectors.honoree_pool(scope_for(officer), conference)
        pool += selectors.manual_candidates(conference)
        candidates = [make_candidate(c.key, c.attributes, c.merit) for c in pool]
        rules = parse_rules(selectors.checker_rules(conference))
        solver_seconds, result = timed(
            lambda: optimize(candidates, rules, SIZE, required=required, seed=SEED),
            repeat=REPEAT,
        )
        assert list(result.selected) == proposal.selected, "service and solver disagree"
        apply_seconds, _ = timed(lambda: services.apply_proposal(proposal, by=officer))
        assert selectors.check_list(conference).passed
        rows = [
            Delegate(conference=conference, category="honoree", origin="manual", name=f"x{i}")
            for i in range(SIZE)
        ]
        bulk_seconds, _ = timed(lambda: Delegate.objects.bulk_create(rows))
        Delegate.objects.filter(name__startswith="x", origin="manual").delete()
        client = Client(HTTP_HOST="127.0.0.1")
        client.login(username="bench", password=PASSWORD)
        url = f"/hoi-nghi/{conference.pk}/dai-bieu/"
        page_seconds, page = timed(lambda: client.get(url), repeat=REPEAT)
        assert page.status_code == 200 and page.content.count(b'data-testid="delegate-row"') == SIZE
        check_seconds, _ = timed(lambda: selectors.check_list(conference), repeat=REPEAT)
        from django.db import connection

        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rules_count = len(proposal.report)
        table = [
            ["propose_delegates (service)", f"{service_seconds:.3f}", "optimize() alone",
             f"{solver_seconds:.3f}", f"{service_seconds / solver_seconds:.1f}x"],
            ["apply_proposal (300 seats)", f"{apply_seconds:.3f}", "one bulk_create of 300",
             f"{bulk_seconds:.3f}", f"{apply_seconds / bulk_seconds:.1f}x"],
            ["delegate page (list 300, pool, checker)", f"{page_seconds:.3f}",
             "check_list() alone", f"{check_seconds:.3f}",
             f"{page_seconds / check_seconds:.1f}x; {len(queries)} queries"],
        ]  # fmt: skip
        report.add(
            f"Conference at scale (issue 6): {COMMUNES * PER_COMMUNE:,} honorees + 100 by hand, "
            f"{SIZE} seats, {rules_count} rules",
            ["what", "median s", "baseline", "baseline s", "ratio"],
            table,
            note="The service reads the pool through the access gate (merit over the review "
            "period), explains every choice and stores the proposal; the solver baseline gets "
            "the same candidates ready-made. Same seed, same list.",
        )
