"""Issuing a campaign: every unit that must act receives its three assignments."""

import datetime as dt

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Assignment
from thidua.campaigns.tests.conftest import ISSUED_AT, vn
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.notifications.models import Notification
from thidua.units import services as unit_services


@pytest.mark.django_db
def test_issue_gives_each_commune_three_assignments_with_the_seeds_deadlines(
    campaign, world, district_officer
):
    reached = services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    assert reached == 2
    rows = sorted(
        Assignment.objects.filter(campaign=campaign).values_list(
            "unit__name", "kind", "level", "late_from", "window_start", "window_end", "state"
        )
    )
    deadlines = {
        "submit_plan": (vn(2024, 12, 16), None, None),
        "hold_conference": (vn(2025, 4, 1), dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
        "report_results": (vn(2025, 4, 16), dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    }
    assert rows == sorted(
        (unit, kind, "commune", *deadlines[kind], "pending")
        for unit in ("Xã Đông Hòa", "Xã Tây Sơn")
        for kind in deadlines
    )
    campaign.refresh_from_db()
    assert (campaign.status, campaign.issued_at, campaign.issued_by) == (
        "issued",
        ISSUED_AT,
        district_officer,
    )
    entry = AuditEntry.objects.get(action="campaigns.campaign.issued")
    assert entry.data == {"units": 2, "level": "commune"}


@pytest.mark.django_db
def test_issue_notifies_every_communes_organizers(
    campaign, world, district_officer, commune_a_officer, commune_b_officer
):
    services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    assert sorted(Notification.objects.values_list("recipient__username", "unit__name")) == [
        ("commune_a", "Xã Đông Hòa"),
        ("commune_b", "Xã Tây Sơn"),
    ]


@pytest.mark.django_db
def test_issue_skips_agencies_and_units_not_valid_on_the_day(campaign, world, district_officer):
    unit_services.create_unit(
        by=None,
        code="OLD",
        name="Xã Đã Sáp Nhập",
        kind="commune",
        parent=world.district,
        valid_to=dt.date(2024, 6, 30),
    )
    unit_services.create_unit(
        by=None,
        code="NEW",
        name="Xã Mới Lập",
        kind="commune",
        parent=world.district,
        valid_from=dt.date(2025, 1, 1),
    )
    services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    units = set(Assignment.objects.filter(campaign=campaign).values_list("unit__name", flat=True))
    assert units == {"Xã Đông Hòa", "Xã Tây Sơn"}


@pytest.mark.django_db
def test_a_province_issuing_the_three_level_preset_reaches_the_districts(world, preset):
    from conftest import make_user

    officer = make_user("province", world.province)
    campaign = services.create_campaign(preset=preset, issuer=world.province, by=officer)
    services.issue_campaign(campaign, by=officer, now=ISSUED_AT)
    rows = set(Assignment.objects.filter(campaign=campaign).values_list("unit__name", "level"))
    assert rows == {("Huyện Thử Nghiệm", "district")}
    conference = Assignment.objects.get(campaign=campaign, kind="hold_conference")
    assert conference.late_from == vn(2025, 7, 1)  # Q2/2025 for the district level


@pytest.mark.django_db
def test_issue_refusals(campaign, issued, world, district_officer, commune_a_officer):
    with pytest.raises(DomainError) as refused:
        services.issue_campaign(issued, by=district_officer, now=ISSUED_AT)
    assert refused.value.code == "campaigns.already_issued"
    assert Assignment.objects.filter(campaign=issued).count() == 6


@pytest.mark.django_db
def test_issue_needs_an_acting_level_and_its_window(world, district_officer, preset):
    campaign = services.create_campaign(preset=preset, issuer=world.district, by=district_officer)
    rule = campaign.level_rules.get(level="commune")
    services.update_level_rule(rule, by=district_officer, window_start=None, window_end=None)
    with pytest.raises(DomainError) as refused:
        services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    assert refused.value.code == "campaigns.window_missing"
    services.update_level_rule(rule, by=district_officer, holds_conference=False)
    with pytest.raises(DomainError) as refused:
        services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    assert refused.value.code == "campaigns.no_acting_level"
    assert not Assignment.objects.exists()
    campaign.refresh_from_db()
    assert campaign.status == "draft"


@pytest.mark.django_db
def test_only_an_organizer_of_the_issuer_may_issue(campaign, world, commune_a_officer):
    from django.http import Http404

    with pytest.raises(Http404):
        services.issue_campaign(campaign, by=commune_a_officer, now=ISSUED_AT)
    assert not Assignment.objects.exists()
