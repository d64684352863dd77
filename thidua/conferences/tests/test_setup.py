"""Setting a conference up from the campaign's rows: name, window, session, format, cap."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from thidua.campaigns import services as campaign_services
from thidua.conferences import selectors, services
from thidua.conferences.models import AgendaItem, Conference
from thidua.conferences.tests.conftest import COMMUNE_DAY, DISTRICT_DAY
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.units import services as unit_services


def _create(campaign, unit, by, **extra):
    values = {"held_on": COMMUNE_DAY, "session": "morning", "venue": "Hội trường"} | extra
    return services.create_conference(campaign, unit, by=by, **values)


def _set_staff(unit, staff):
    return unit_services.update_unit(unit, by=None, staff_count=staff)


def test_create_reads_name_format_window_and_agenda_from_the_rules(
    campaign, world, commune_a_officer
):
    conference = _create(campaign, world.commune_a, commune_a_officer, session="afternoon")
    assert (conference.name, conference.level, conference.staff_count) == (
        "Hội nghị tuyên dương điển hình tiên tiến",
        "commune",
        150,
    )
    assert (conference.format_by_rule, conference.format) == ("plenary", "plenary")
    assert conference.assignment.kind == "hold_conference"
    assert (conference.start_time, conference.session_minutes) == (dt.time(13, 30), 210)
    titles = list(AgendaItem.objects.filter(conference=conference).values_list("title", flat=True))
    assert len(titles) == 9
    assert titles[0] == "Tuyên bố lý do, giới thiệu đại biểu và khai mạc."
    assert titles[5] == "Phát động phong trào thi đua giai đoạn 2025-2030."
    entry = AuditEntry.objects.get(action="conferences.conference.created")
    assert entry.data["format_by_rule"] == "plenary"
    assert entry.data["agenda_items"] == 9


@pytest.mark.parametrize(
    ("staff", "format_by_rule", "format_"),
    [(299, "plenary", "plenary"), (300, "organizer_choice", ""), (301, "delegate", "delegate")],
)
def test_format_truth_table_from_the_unit_staff(
    campaign, world, commune_b_officer, staff, format_by_rule, format_
):
    _set_staff(world.commune_b, staff)
    world.commune_b.refresh_from_db()
    conference = _create(campaign, world.commune_b, commune_b_officer)
    assert (conference.format_by_rule, conference.format) == (format_by_rule, format_)
    limit = selectors.rule_limit(conference)
    assert limit == {"plenary": None, "": None, "delegate": 200}[format_]


def test_the_rule_values_are_data_not_literals(campaign, world, commune_b_officer):
    rule = campaign.level_rules.get(level="commune")
    campaign_services.update_level_rule(rule, by=None, staff_threshold=400, delegate_cap=150)
    conference = _create(campaign, world.commune_b, commune_b_officer)  # 320 staff < 400
    assert conference.format == "plenary"
    _set_staff(world.commune_b, 401)
    world.commune_b.refresh_from_db()
    conference.delete()
    conference = _create(campaign, world.commune_b, commune_b_officer)
    assert (conference.format, selectors.rule_limit(conference)) == ("delegate", 150)


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (dt.date(2024, 12, 31), False),
        (dt.date(2025, 1, 1), True),
        (dt.date(2025, 3, 31), True),
        (dt.date(2025, 4, 1), False),
    ],
)
def test_window_boundaries(campaign, world, commune_a_officer, day, accepted):
    if accepted:
        conference = _create(campaign, world.commune_a, commune_a_officer, held_on=day)
        assert conference.held_on == day
        return
    with pytest.raises(DomainError) as refused:
        _create(campaign, world.commune_a, commune_a_officer, held_on=day)
    assert refused.value.code == "conferences.outside_window"
    assert refused.value.message == (
        f"Ngày tổ chức {day:%d/%m/%Y} nằm ngoài thời gian quy định. Theo Kế hoạch, mục II.2.1 "
        "(cấp xã), Hội nghị tuyên dương điển hình tiên tiến tổ chức 01 buổi trong Quý I năm 2025 "
        "(từ ngày 01/01/2025 đến ngày 31/03/2025)."
    )
    assert not Conference.objects.exists()


def test_district_conference_is_the_issuers_own_in_q2(campaign, world, district_officer):
    conference = _create(campaign, world.district, district_officer, held_on=DISTRICT_DAY)
    assert conference.assignment is None
    assert (conference.name, conference.format, selectors.effective_cap(conference)) == (
        "Hội nghị điển hình tiên tiến",
        "plenary",
        300,
    )
    with pytest.raises(DomainError) as refused:
        _create(campaign, world.district, district_officer, held_on=dt.date(2025, 3, 31))
    assert refused.value.code == "conferences.already_exists"


def test_district_window_refuses_q1(campaign, world, district_officer):
    with pytest.raises(DomainError) as refused:
        _create(campaign, world.district, district_officer, held_on=dt.date(2025, 3, 31))
    assert refused.value.code == "conferences.outside_window"
    assert "Quý II năm 2025" in refused.value.message


@pytest.mark.parametrize(("cap", "accepted"), [(300, True), (301, False)])
def test_district_cap_at_most_300(campaign, world, district_officer, cap, accepted):
    conference = _create(campaign, world.district, district_officer, held_on=DISTRICT_DAY)
    if accepted:
        conference = services.decide_cap(conference, by=district_officer, cap=cap)
        assert conference.cap == 300
        return
    with pytest.raises(DomainError) as refused:
        services.decide_cap(conference, by=district_officer, cap=cap)
    assert refused.value.code == "conferences.cap_above_rule"
    assert refused.value.message == (
        "Số đại biểu 301 vượt quy định. Theo Kế hoạch, mục II.2.2 (cấp huyện), Hội nghị điển "
        "hình tiên tiến có tối đa 300 đại biểu."
    )
    conference.refresh_from_db()
    assert conference.cap is None


def test_unit_without_assignment_or_rule_is_refused(campaign, world, district_officer, admin_user):
    with pytest.raises(DomainError) as refused:
        _create(campaign, world.agency_a1, district_officer)  # a commune-level agency
    assert refused.value.code == "conferences.not_assigned"
    with pytest.raises(DomainError) as refused:
        _create(campaign, world.province, admin_user)  # no rule for the province level
    assert refused.value.code == "conferences.no_level_rule"
    assert not Conference.objects.exists()


def test_draft_campaign_is_refused(world, district_officer, preset, commune_a_officer):
    draft = campaign_services.create_campaign(
        preset=preset, issuer=world.district, by=district_officer
    )
    with pytest.raises(DomainError) as refused:
        _create(draft, world.commune_a, commune_a_officer)
    assert refused.value.code == "conferences.campaign_not_issued"


def test_other_commune_cannot_create_mine(campaign, world, commune_b_officer, viewer_a):
    with pytest.raises(Http404):
        _create(campaign, world.commune_a, commune_b_officer)
    with pytest.raises(PermissionDenied):
        _create(campaign, world.commune_a, viewer_a)
    assert not Conference.objects.exists()


# --- Delegate conference: the council proposes, the organizer decides ---------------------------


def test_delegate_cap_needs_the_councils_proposal(conference_b, commune_b_officer, council_d):
    with pytest.raises(DomainError) as refused:
        services.decide_cap(conference_b, by=commune_b_officer, cap=180)
    assert refused.value.code == "conferences.cap_needs_proposal"
    services.propose_cap(conference_b, by=council_d, proposed=190, reference="03/TTr-HĐTĐKT")
    decided = services.decide_cap(conference_b, by=commune_b_officer, cap=180)
    assert (decided.council_proposed_cap, decided.cap, decided.council_proposed_by) == (
        190,
        180,
        council_d,
    )
    assert decided.cap_decided_by == commune_b_officer
    assert selectors.effective_cap(decided) == 180
    actions = list(
        AuditEntry.objects.filter(action__startswith="conferences.conference.cap")
        .order_by("pk")
        .values_list("action", "data")
    )
    assert actions == [
        ("conferences.conference.cap_proposed", {"proposed": 190, "reference": "03/TTr-HĐTĐKT"}),
        ("conferences.conference.cap_decided", {"cap": 180, "proposed": 190}),
    ]


@pytest.mark.parametrize(("cap", "accepted"), [(200, True), (201, False)])
def test_delegate_cap_at_most_200(conference_b, commune_b_officer, cap, accepted):
    if accepted:
        services.propose_cap(conference_b, by=commune_b_officer, proposed=cap)
        assert services.decide_cap(conference_b, by=commune_b_officer, cap=cap).cap == 200
        return
    with pytest.raises(DomainError) as refused:
        services.propose_cap(conference_b, by=commune_b_officer, proposed=cap)
    assert refused.value.code == "conferences.cap_above_rule"
    assert refused.value.message == (
        "Số đại biểu 201 vượt quy định. Theo Kế hoạch, mục II.2.1 (cấp xã), đơn vị có trên 300 "
        "cán bộ, công chức, viên chức, người lao động tổ chức Hội nghị đại biểu với số lượng "
        "không quá 200 đại biểu, do đơn vị tổ chức quyết định trên cơ sở đề xuất của Thường trực "
        "Hội đồng Thi đua - Khen thưởng."
    )


def test_plenary_needs_no_council_proposal(conference_a, commune_a_officer):
    with pytest.raises(DomainError) as refused:
        services.propose_cap(conference_a, by=commune_a_officer, proposed=120)
    assert refused.value.code == "conferences.proposal_not_needed"


# --- Exactly 300: the organizer must choose ---------------------------------------------------


def test_exactly_300_records_the_organizers_choice(campaign, world, commune_b_officer):
    _set_staff(world.commune_b, 300)
    world.commune_b.refresh_from_db()
    conference = _create(campaign, world.commune_b, commune_b_officer)
    assert conference.format_pending
    with pytest.raises(DomainError) as refused:
        services.decide_cap(conference, by=commune_b_officer, cap=150)
    assert refused.value.code == "conferences.format_not_chosen"
    chosen = services.choose_format(
        conference, by=commune_b_officer, chosen_format="delegate", reason="Hội trường 200 chỗ"
    )
    assert (chosen.format, chosen.format_chosen_by, chosen.format_choice_reason) == (
        "delegate",
        commune_b_officer,
        "Hội trường 200 chỗ",
    )
    assert chosen.format_chosen_at is not None
    entry = AuditEntry.objects.get(action="conferences.conference.format_chosen")
    assert entry.data == {
        "format": "delegate",
        "previous": "",
        "staff_count": 300,
        "reason": "Hội trường 200 chỗ",
    }
    assert selectors.rule_limit(chosen) == 200


def test_choice_at_creation(campaign, world, commune_b_officer):
    _set_staff(world.commune_b, 300)
    world.commune_b.refresh_from_db()
    conference = _create(
        campaign, world.commune_b, commune_b_officer, chosen_format="plenary", choice_reason="đủ"
    )
    assert (conference.format, conference.format_chosen_by) == ("plenary", commune_b_officer)


def test_choice_refused_where_the_rule_decides(conference_b, commune_b_officer):
    with pytest.raises(DomainError) as refused:
        services.choose_format(conference_b, by=commune_b_officer, chosen_format="plenary")
    assert refused.value.code == "conferences.format_fixed_by_rule"
    assert "trường hợp đúng 300 người, đơn vị tổ chức lựa chọn hình thức" in refused.value.message
    conference_b.refresh_from_db()
    assert conference_b.format == "delegate"


def test_update_keeps_the_day_in_the_window(conference_a, commune_a_officer):
    with pytest.raises(DomainError) as refused:
        services.update_conference(conference_a, by=commune_a_officer, held_on=dt.date(2025, 4, 1))
    assert refused.value.code == "conferences.outside_window"
    updated = services.update_conference(
        conference_a, by=commune_a_officer, held_on=dt.date(2025, 3, 31), session="afternoon"
    )
    assert (updated.held_on, updated.start_time) == (dt.date(2025, 3, 31), dt.time(13, 30))
    entry = AuditEntry.objects.get(action="conferences.conference.updated")
    assert entry.data["changes"]["held_on"] == ["2025-02-20", "2025-03-31"]
