"""Presets hold the seed's values; creating a campaign copies one; every value stays editable
and every change is audited."""

import datetime as dt
from decimal import Decimal

import pytest

from thidua.campaigns import services
from thidua.campaigns.models import Assignment, Campaign, CampaignPreset
from thidua.campaigns.tests.conftest import LATE, ON_TIME, assignment_of, pdf_upload, vn
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry

SEED_AGENDA = [
    "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
    "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm qua, phương hướng, "
    "nhiệm vụ công tác thi đua, khen thưởng 5 năm tới.",
    "Báo cáo tham luận của các điển hình tiên tiến (Chú trọng lựa chọn điển hình thật sự tiêu "
    "biểu có sức lan tỏa, để lại ấn tượng tại Hội nghị).",
    "Tổ chức các hoạt động giao lưu với các điển hình tiên tiến.",
    "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến.",
    "Phát động phong trào thi đua giai đoạn 2025-2030.",
    "Phát biểu hưởng ứng phát động phong trào thi đua.",
    "Thông qua danh sách đại biểu đi dự Đại hội cấp trên.",
    "Tổng kết và bế mạc.",
]
SEED_RECIPIENTS = [
    "Sở Nội vụ;",
    "TTHU, HĐND huyện,",
    "Lãnh đạo UBND huyện;",
    "Các cơ quan Đảng, các hội, đoàn thể;",
    "Các cơ quan, đơn vị thuộc huyện;",
    "Các cơ quan ngành tỉnh quản lý;",
    "Các doanh nghiệp nhà nước;",
    "UBND các xã, thị trấn;",
    "Lưu: VT, NV.",
]


def level(campaign, name):
    return campaign.level_rules.get(level=name)


def composition(campaign, name):
    return [
        (r.feature, r.value, r.min_value, r.max_value, r.unit, r.tolerance)
        for r in campaign.composition_rules.filter(level=name).order_by("order")
    ]


@pytest.mark.django_db
def test_kim_bang_preset_holds_exactly_the_seeds_values(campaign):
    c = campaign
    assert (c.basis_number, c.basis_date, c.basis_issuer) == (
        "2056/KH-UBND",
        dt.date(2024, 10, 10),
        "Ủy ban nhân dân tỉnh",
    )
    assert (c.previous_period, c.review_period, c.direction_period) == (
        "2015-2020",
        "2021-2025",
        "2025-2030",
    )
    assert c.congress_title == "Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII"
    assert c.national_congress_title == "Đại hội Thi đua yêu nước toàn quốc lần thứ XI"
    assert (c.plan_deadline, c.plan_deadline_mode) == (dt.date(2024, 12, 16), "before")
    assert c.plan_receiver == "Ủy ban nhân dân huyện (qua Phòng Nội vụ)"
    assert c.budget_source == "Do ngân sách địa phương đảm bảo."
    assert (c.issuing_body, c.place) == ("ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG", "Kim Bảng")
    assert (c.signer_authority, c.signer_title, c.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Thành Thăng",
    )
    assert c.recipients == SEED_RECIPIENTS
    assert [line.replace("{direction_period}", c.direction_period) for line in c.agenda] == (
        SEED_AGENDA
    )
    assert [t.body for t in c.tasks.all()] == [
        "Ủy ban nhân dân các xã, thị trấn",
        "Phòng Nội vụ",
        "Đề nghị Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội",
        "Phòng Văn hóa- thông tin, Trung tâm Văn hóa, thông tin và thể thao",
    ]
    assert c.status == "draft" and c.preset.code == "kim-bang-2024"


@pytest.mark.django_db
def test_kim_bang_level_rules_are_the_seeds(campaign):
    commune, district = level(campaign, "commune"), level(campaign, "district")
    assert [r.level for r in campaign.level_rules.all()] == ["commune", "district"]
    assert (
        commune.holds_conference,
        commune.conference_name,
        commune.window_start,
        commune.window_end,
        commune.window_label,
        commune.sessions,
        commune.staff_threshold,
        commune.at_threshold,
        commune.delegate_cap,
        commune.max_delegates,
    ) == (
        True,
        "Hội nghị tuyên dương điển hình tiên tiến",
        dt.date(2025, 1, 1),
        dt.date(2025, 3, 31),
        "Quý I năm 2025",
        1,
        300,
        "organizer_choice",
        200,
        None,
    )
    assert (
        district.conference_name,
        district.window_start,
        district.window_end,
        district.window_label,
        district.sessions,
        district.staff_threshold,
        district.max_delegates,
        district.quota_from_above,
    ) == (
        "Hội nghị điển hình tiên tiến",
        dt.date(2025, 4, 1),
        dt.date(2025, 6, 30),
        "Quý II năm 2025",
        1,
        None,
        300,
        True,
    )
    assert [commune.conference_format(n) for n in (299, 300, 301)] == [
        "plenary",
        "organizer_choice",
        "delegate",
    ]


@pytest.mark.django_db
def test_kim_bang_composition_rules_are_70_30_plus_the_districts_emphasis(campaign):
    seventy = ("category", "honoree", Decimal("0.7"), Decimal("0.7"), "share", Decimal(0))
    thirty = ("category", "guest|leader", Decimal("0.3"), Decimal("0.3"), "share", Decimal(0))
    assert composition(campaign, "commune") == [seventy, thirty]
    assert composition(campaign, "district") == [
        seventy,
        thirty,
        ("direct_producer", "true", None, None, "share", Decimal(0)),
        ("gender", "female", None, None, "share", Decimal(0)),
        ("economic_sector", "*", None, None, "count", Decimal(0)),
    ]
    commune = campaign.level_rules.get(level="commune")
    assert commune.selection_rules("delegate") == [
        {
            "feature": "category",
            "unit": "share",
            "value": "honoree",
            "min": "0.7",
            "max": "0.7",
            "label": "đại biểu điển hình tiên tiến",
        },
        {
            "feature": "category",
            "unit": "share",
            "value": ["guest", "leader"],
            "min": "0.3",
            "max": "0.3",
            "label": "đại biểu khách mời và lãnh đạo các cấp, các ngành",
        },
        {"feature": "*", "unit": "count", "max": "200", "label": "tổng số"},
    ]
    assert commune.selection_rules("plenary")[-1]["feature"] == "category"  # no cap
    district = campaign.level_rules.get(level="district")
    # The emphasis rows carry no figure in the seed: not checkable until one is set.
    assert [r.get("feature") for r in district.selection_rules("plenary")] == [
        "category",
        "category",
        "*",
    ]


@pytest.mark.django_db
def test_the_campaigns_rules_are_what_the_selection_checker_reads(campaign, district_officer):
    selection = pytest.importorskip("thidua.selection.rules")  # merged from issue 6
    checker = pytest.importorskip("thidua.selection.checker")
    women = campaign.composition_rules.get(level="district", feature="gender")
    services.update_composition_rule(women, by=district_officer, min_value=Decimal("0.4"))
    rules = selection.parse_rules(
        campaign.level_rules.get(level="district").selection_rules("plenary")
    )
    people = [
        selection.make_candidate(
            i,
            {"category": "honoree" if i < 7 else "guest", "gender": "female" if i < 3 else "male"},
        )
        for i in range(10)
    ]
    report = checker.check(people, rules)
    # 70% honorees, 30% guests, 30% women against 40%, 10 people under the cap of 300.
    assert [result.passed for result in report.results] == [True, True, False, True]


@pytest.mark.django_db
def test_two_level_preset_reaches_communes_straight_from_the_province(world, make_officer, preset):
    preset = CampaignPreset.objects.get(code="two-levels-2025")
    officer = make_officer("province", world.province)
    campaign = services.create_campaign(preset=preset, issuer=world.province, by=officer)
    assert [r.level for r in campaign.level_rules.all()] == ["commune", "province"]
    assert campaign.congress_ordinal == 1 and campaign.congress_title.endswith("lần thứ I")
    assert campaign.issuing_body == "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"
    assert campaign.plan_receiver == "Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"
    services.issue_campaign(campaign, by=officer, now=vn(2025, 7, 2))
    units = set(Assignment.objects.filter(campaign=campaign).values_list("unit__name", flat=True))
    assert units == {"Xã Đông Hòa", "Xã Tây Sơn"}  # the district level does not act


@pytest.fixture
def make_officer(db):
    from conftest import make_user

    return make_user


@pytest.mark.django_db
def test_creating_from_a_preset_is_audited_and_names_can_be_given(world, district_officer, preset):
    campaign = services.create_campaign(
        preset=preset, issuer=world.district, by=district_officer, name="  Kế hoạch   thử  "
    )
    assert campaign.name == "Kế hoạch thử"
    entry = AuditEntry.objects.get(action="campaigns.campaign.created")
    assert (entry.actor, entry.unit, entry.data) == (
        district_officer,
        world.district,
        {"preset": "kim-bang-2024"},
    )


@pytest.mark.django_db
def test_a_commune_officer_cannot_create_a_campaign_for_the_district(
    world, commune_a_officer, preset
):
    from django.http import Http404

    with pytest.raises(Http404):
        services.create_campaign(preset=preset, issuer=world.district, by=commune_a_officer)
    assert Campaign.objects.count() == 0


@pytest.mark.django_db
def test_every_value_is_editable_and_each_change_is_audited(campaign, district_officer):
    services.update_campaign(
        campaign,
        by=district_officer,
        review_period_start=2020,
        congress_ordinal=1,
        reminder_days=[10, 3],
    )
    campaign.refresh_from_db()
    assert (campaign.review_period, campaign.congress_title[-9:], campaign.reminder_days) == (
        "2020-2025",
        "lần thứ I",
        [10, 3],
    )
    entry = AuditEntry.objects.get(action="campaigns.campaign.updated")
    assert entry.data == {
        "review_period_start": [2021, 2020],
        "congress_ordinal": [12, 1],
        "reminder_days": [[7, 1], [10, 3]],
    }
    rule = campaign.level_rules.get(level="commune")
    services.update_level_rule(rule, by=district_officer, delegate_cap=180, at_threshold="plenary")
    entry = AuditEntry.objects.get(action="campaigns.level_rule.updated")
    assert entry.data == {
        "level": "commune",
        "delegate_cap": [200, 180],
        "at_threshold": ["organizer_choice", "plenary"],
    }
    women = campaign.composition_rules.get(level="district", feature="gender")
    services.update_composition_rule(women, by=district_officer, min_value="0.35")
    women.refresh_from_db()
    assert women.min_value == Decimal("0.35")
    assert AuditEntry.objects.get(action="campaigns.composition_rule.updated").data == {
        "min_value": [None, "0.35"]
    }
    # Nothing changed: nothing written.
    services.update_campaign(campaign, by=district_officer, review_period_start=2020)
    assert AuditEntry.objects.filter(action="campaigns.campaign.updated").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"review_period_start": 2026}, "campaigns.bad_period"),
        ({"plan_deadline_mode": "soon"}, "campaigns.bad_deadline_mode"),
        ({"reminder_days": [0]}, "campaigns.bad_reminder_days"),
        ({"reminder_days": "7"}, "campaigns.bad_reminder_days"),
        ({"name": "   "}, "campaigns.name_required"),
        ({"issuer": 1}, "campaigns.field_not_editable"),
    ],
)
def test_campaign_refusals_write_nothing(campaign, district_officer, changes, code):
    before = AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        services.update_campaign(campaign, by=district_officer, **changes)
    assert refused.value.code == code
    assert AuditEntry.objects.count() == before
    campaign.refresh_from_db()
    assert campaign.review_period == "2021-2025"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"min_value": "1.5"}, "campaigns.bad_bounds"),
        ({"min_value": "0.8", "max_value": "0.6"}, "campaigns.bad_bounds"),
        ({"min_value": "-1"}, "campaigns.bad_bounds"),
        ({"tolerance": "0.9"}, "campaigns.bad_tolerance"),
        ({"feature": "height"}, "campaigns.bad_feature"),
        ({"level": "province"}, "campaigns.unknown_level"),
        ({"min_value": "abc"}, "campaigns.bad_number"),
    ],
)
def test_composition_rule_refusals(campaign, district_officer, changes, code):
    rule = campaign.composition_rules.get(level="district", feature="gender")
    with pytest.raises(DomainError) as refused:
        services.update_composition_rule(rule, by=district_officer, **changes)
    assert refused.value.code == code
    rule.refresh_from_db()
    assert rule.min_value is None


@pytest.mark.django_db
def test_composition_rules_can_be_added_and_removed(campaign, district_officer):
    rule = services.add_composition_rule(
        campaign,
        by=district_officer,
        level="commune",
        feature="gender",
        value="female",
        min_value=Decimal("0.3"),
        unit="share",
        label="đại biểu nữ",
    )
    assert campaign.composition_rules.filter(level="commune", feature="gender").count() == 1
    services.remove_composition_rule(rule, by=district_officer)
    assert not campaign.composition_rules.filter(level="commune", feature="gender").exists()
    assert list(
        AuditEntry.objects.filter(action__startswith="campaigns.composition_rule").values_list(
            "action", flat=True
        )
    ) == ["campaigns.composition_rule.removed", "campaigns.composition_rule.added"]


@pytest.mark.django_db
def test_after_issue_who_acts_is_locked_but_windows_stay_editable(issued, district_officer):
    rule = issued.level_rules.get(level="commune")
    with pytest.raises(DomainError) as refused:
        services.update_level_rule(rule, by=district_officer, holds_conference=False)
    assert refused.value.code == "campaigns.locked_after_issue"
    services.update_level_rule(rule, by=district_officer, window_end=dt.date(2025, 4, 15))
    conference = Assignment.objects.filter(campaign=issued, kind="hold_conference").first()
    assert conference.late_from == vn(2025, 4, 16)
    results = Assignment.objects.filter(campaign=issued, kind="report_results").first()
    assert results.late_from == vn(2025, 5, 1)


@pytest.mark.django_db
def test_moving_the_deadline_after_issue_moves_assignments_and_redecides_lateness(
    issued, world, district_officer, commune_a_officer, commune_b_officer
):
    services.submit_plan(
        assignment_of(issued, world.commune_a), by=commune_a_officer, upload=pdf_upload(), now=LATE
    )
    services.submit_plan(
        assignment_of(issued, world.commune_b),
        by=commune_b_officer,
        upload=pdf_upload(),
        now=ON_TIME,
    )
    services.update_campaign(issued, by=district_officer, plan_deadline=dt.date(2024, 12, 20))
    a, b = assignment_of(issued, world.commune_a), assignment_of(issued, world.commune_b)
    assert (a.late_from, a.submitted_late, b.submitted_late) == (vn(2024, 12, 20), False, False)
    services.update_campaign(issued, by=district_officer, plan_deadline=dt.date(2024, 12, 1))
    a, b = assignment_of(issued, world.commune_a), assignment_of(issued, world.commune_b)
    assert (a.submitted_late, b.submitted_late) == (True, True)


@pytest.mark.django_db
def test_a_commune_builds_its_own_plan_from_the_district_one(issued, world, commune_a_officer):
    own = services.derive_campaign(issued, unit=world.commune_a, by=commune_a_officer)
    assert (own.parent, own.issuer, own.status) == (issued, world.commune_a, "draft")
    assert (own.basis_issuer, own.basis_summary) == (
        "Ủy ban nhân dân huyện",
        "về tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh "
        "Hà Nam lần thứ XII",
    )
    assert own.issuing_body == "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA"
    assert own.level_rules.count() == 2 and own.composition_rules.count() == 7
    assert services.derive_campaign(issued, unit=world.commune_a, by=commune_a_officer) == own
    submission = services.submit_plan(
        assignment_of(issued, world.commune_a),
        by=commune_a_officer,
        built_campaign=own,
        now=ON_TIME,
    )
    assert (submission.built_campaign, bool(submission.file)) == (own, False)


@pytest.mark.django_db
def test_deriving_needs_an_assignment_and_a_matching_plan(
    issued, world, district_officer, commune_b_officer, commune_a_officer
):
    with pytest.raises(DomainError) as refused:
        services.derive_campaign(issued, unit=world.agency_a1, by=district_officer)
    assert refused.value.code == "campaigns.not_assigned"
    other = services.derive_campaign(issued, unit=world.commune_b, by=commune_b_officer)
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            assignment_of(issued, world.commune_a),
            by=commune_a_officer,
            built_campaign=other,
            now=ON_TIME,
        )
    assert refused.value.code == "campaigns.built_plan_mismatch"


@pytest.mark.django_db
def test_payload_round_trip_keeps_every_value(campaign, preset):
    payload = services.campaign_payload(campaign)
    for key, value in preset.payload.items():
        assert payload[key] == value, key
