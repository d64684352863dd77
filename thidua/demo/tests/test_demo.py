"""The demo world: the seed's Kim Bảng of 2024, loaded idempotently."""

import pytest
from django.contrib.auth import get_user_model

from thidua.awards.models import BlankLayout, Decision, Proposal, Submission
from thidua.conferences.models import Conference, Delegate, DelegateProposal
from thidua.core.models import AuditEntry
from thidua.demo import world as seed
from thidua.demo.loader import load_demo
from thidua.documents.models import DocumentBatch, GeneratedDocument
from thidua.units import access
from thidua.units.models import Unit

COMMUNES = [
    "Thị trấn Quế",
    "Thị trấn Ba Sao",
    "Xã Đại Cương",
    "Xã Đồng Hóa",
    "Xã Hoàng Tây",
    "Xã Khả Phong",
    "Xã Lê Hồ",
    "Xã Liên Sơn",
    "Xã Ngọc Sơn",
    "Xã Nguyễn Úy",
    "Xã Nhật Tân",
    "Xã Nhật Tựu",
    "Xã Tân Sơn",
    "Xã Thanh Sơn",
    "Xã Thi Sơn",
    "Xã Thụy Lôi",
    "Xã Tượng Lĩnh",
    "Xã Văn Xá",
]


def quiet(_message):
    pass


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # generated documents: not the project's var/media
    load_demo(log=quiet)


@pytest.mark.django_db
def test_kim_bang_2024_has_its_18_communes_and_the_district_bodies(demo):
    district = Unit.objects.get(source="local", code="350")
    assert (district.name, district.parent.name) == ("Huyện Kim Bảng", "Tỉnh Hà Nam")
    communes = district.children.filter(level="commune")
    assert sorted(communes.values_list("name", flat=True)) == sorted(COMMUNES)
    bodies = set(district.children.exclude(level="commune").values_list("name", flat=True))
    assert {
        "Phòng Nội vụ",
        "Phòng Văn hóa - Thông tin",
        "Trung tâm Văn hóa, Thông tin và Thể thao",
        "Ủy ban MTTQ Việt Nam huyện",
    } <= bodies
    assert all(str(u.valid_to) == "2024-12-31" for u in district.children.all())


@pytest.mark.django_db
def test_staff_counts_cover_the_300_boundary(demo):
    counts = dict(
        Unit.objects.filter(source="local", level="commune").values_list("name", "staff_count")
    )
    assert counts["Thị trấn Quế"] > 300
    assert counts["Thị trấn Ba Sao"] == 300
    assert sum(1 for n in counts.values() if n < 300) == 16


@pytest.mark.django_db
def test_2024_units_link_to_their_2025_and_post_reform_successors(demo):
    nhat_tan = Unit.objects.get(source="local", name="Xã Nhật Tân")
    nhat_tuu = Unit.objects.get(source="local", name="Xã Nhật Tựu")
    tan_tuu = Unit.objects.get(source="legacy", code="13402")
    assert tan_tuu.name == "Phường Tân Tựu"
    assert list(nhat_tan.successors.all()) == [tan_tuu] == list(nhat_tuu.successors.all())
    ba_sao_2024 = Unit.objects.get(source="local", code="13429")
    ba_sao_2025 = ba_sao_2024.successors.get()
    assert (ba_sao_2024.name, ba_sao_2025.name) == ("Thị trấn Ba Sao", "Phường Ba Sao")
    assert str(ba_sao_2025.valid_from) == "2025-01-01"
    assert ba_sao_2025.successors.get().source == "current"
    district = Unit.objects.get(source="local", code="350")
    assert district.successors.get().name == "Thị xã Kim Bảng"


@pytest.mark.django_db
def test_second_load_changes_nothing(demo):
    def state():
        return (
            sorted(Unit.objects.values_list("source", "code", "name", "path", "valid_from")),
            get_user_model().objects.count(),
            AuditEntry.objects.count(),
            sorted(GeneratedDocument.objects.values_list("symbol", "version", "checksum")),
            sorted(DocumentBatch.objects.values_list("title", "status", "checksum")),
            sorted(Conference.objects.values_list("unit__code", "format", "cap", "status")),
            sorted(Delegate.objects.values_list("conference__unit__code", "name", "status")),
            DelegateProposal.objects.count(),
            sorted(Proposal.objects.values_list("title", "status")),
            sorted(Decision.objects.values_list("symbol", "unit__name")),
            sorted(Submission.objects.values_list("document__symbol", "status")),
            sorted(BlankLayout.objects.values_list("issuer__unit__name", "award_form__code")),
        )

    before = state()
    load_demo(log=quiet)
    assert state() == before


@pytest.mark.django_db
def test_every_persona_can_log_in_with_the_demo_password(demo):
    from django.contrib.auth import authenticate

    for persona in seed.PERSONAS:
        assert authenticate(username=persona.username, password=seed.DEMO_PASSWORD), persona


@pytest.mark.django_db
def test_commune_organizers_see_only_their_own_commune(demo):
    user_model = get_user_model()
    que = user_model.objects.get(username="ubnd.que")
    names = set(access.units_for(que).values_list("name", flat=True))
    assert names == {"Thị trấn Quế"}
    district = user_model.objects.get(username="nv.kimbang")
    assert access.units_for(district).filter(level="commune").count() == 18


@pytest.mark.django_db
def test_readme_login_table_matches_the_demo(demo):
    """The README is checked from outside: its logins must be exactly the demo's."""
    from pathlib import Path

    from thidua.demo.loader import demo_login_rows

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    table = [
        tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        for line in readme.splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    assert table == demo_login_rows()


@pytest.mark.django_db
def test_demo_honorees_cover_the_registry(demo):
    from thidua.honorees import selectors
    from thidua.honorees.models import Honoree, Recognition, Story

    honorees = Honoree.objects.all()
    assert honorees.count() == 36
    assert set(honorees.values_list("kind", flat=True)) == {"individual", "collective"}
    assert set(honorees.exclude(gender="").values_list("gender", flat=True)) == {"male", "female"}
    assert honorees.values("component").distinct().count() >= 6
    assert honorees.values("field").distinct().count() >= 6
    assert set(honorees.values_list("stage", flat=True)) == {"discovered", "fostered", "replicated"}
    years = set(Recognition.objects.values_list("year", flat=True))
    assert years == {2020, 2021, 2022, 2023, 2024, 2025}  # 2025: the awards demo's decisions
    assert set(Recognition.objects.filter(year=2025).values_list("decision_number", flat=True)) == {
        "01/QĐ-UBND"
    }
    # Some have 2 consecutive CSTĐCS (one route to Bằng khen tỉnh, Law Art. 74).
    district = Unit.objects.get(source="local", code="350")
    officer = get_user_model().objects.get(username="nv.kimbang")
    pool = selectors.candidates(access.scope_for(officer), district, period=(2021, 2025))
    assert len(pool) == 36
    assert sum(1 for c in pool if c.streaks["cstdcs"] >= 2) >= 5
    assert Story.objects.filter(status="published", honoree__publication_consent=True).count() == 4
    que = get_user_model().objects.get(username="ubnd.que")
    assert set(
        selectors.honorees_in(access.scope_for(que)).values_list("unit__name", flat=True)
    ) == {"Thị trấn Quế"}


@pytest.mark.django_db
def test_second_load_adds_no_honoree(demo):
    from thidua.honorees.models import Honoree, Recognition

    before = (Honoree.objects.count(), Recognition.objects.count(), AuditEntry.objects.count())
    load_demo(log=quiet)
    assert (
        Honoree.objects.count(),
        Recognition.objects.count(),
        AuditEntry.objects.count(),
    ) == before


def test_seed_plan_is_issued_from_the_campaign_as_15_kh_ubnd_with_a_batch_of_invitations(demo):
    from thidua.campaigns import selectors as campaign_selectors
    from thidua.campaigns.models import Campaign

    campaign = Campaign.objects.get(parent__isnull=True)
    # ONE plan of the district, generated from the campaign (no hand-written copy beside it).
    plan = GeneratedDocument.objects.get(kind="KH", unit__code="350")
    assert (plan.symbol, str(plan.document_date), plan.version) == ("15/KH-UBND", "2024-10-28", 1)
    assert plan.unit.name == "Huyện Kim Bảng" and plan.issued_by.username == "nv.kimbang"
    assert plan.pdf.read().startswith(b"%PDF") and plan.pages >= 5
    assert plan.source == campaign and campaign_selectors.latest_plan_document(campaign) == plan
    assert (campaign.plan_number, str(campaign.plan_date)) == ("15/KH-UBND", "2024-10-28")
    assert plan.spec["blocks"][0]["text"].startswith("Căn cứ Kế hoạch số 2056/KH-UBND")
    batch = DocumentBatch.objects.get(title=seed.DEMO_BATCH_TITLE)
    assert (batch.status, batch.total, batch.done, batch.pages) == ("done", 18, 18, 18)
    issuers = set(plan.unit.issuers.values_list("abbreviation", flat=True))
    assert issuers == {"UBND", "HĐTĐKT"}
    assert (
        Unit.objects.filter(source="local", level="commune", issuers__abbreviation="UBND").count()
        == 18
    )


# --- The campaign (thidua/campaigns/demo.py) ------------------------------------------------------


def campaign_state():
    from thidua.campaigns.models import Assignment, Campaign, Feedback, ReminderDispatch, Submission
    from thidua.notifications.models import Notification

    return (
        Campaign.objects.count(),
        sorted(Assignment.objects.values_list("unit__code", "kind", "state", "submitted_late")),
        Submission.objects.count(),
        sorted(Feedback.objects.values_list("subject", "status")),
        ReminderDispatch.objects.count(),
        Notification.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.django_db
def test_the_seed_campaign_is_issued_to_the_18_communes_and_in_progress(demo):
    from thidua.campaigns.models import Assignment, Campaign

    campaign = Campaign.objects.get(parent__isnull=True)
    assert (campaign.issuer.name, campaign.status, campaign.preset.code) == (
        "Huyện Kim Bảng",
        "issued",
        "kim-bang-2024",
    )
    plans = {
        a.unit.name: (a.state, a.submitted_late)
        for a in Assignment.objects.filter(kind="submit_plan").select_related("unit")
    }
    assert len(plans) == 18
    assert plans["Xã Thanh Sơn"] == ("accepted", False)  # sent at 23:40 on 15/12/2024
    assert plans["Xã Nhật Tựu"] == ("submitted", True)  # sent at 00:20 on 16/12/2024
    assert plans["Xã Nhật Tân"] == ("accepted", True)
    assert plans["Thị trấn Ba Sao"] == ("submitted", False)  # returned, then sent again
    assert sum(1 for state, _late in plans.values() if state == "pending") == 4
    ba_sao = Assignment.objects.get(kind="submit_plan", unit__name="Thị trấn Ba Sao")
    assert list(ba_sao.submissions.order_by("version").values_list("status", flat=True)) == [
        "returned",
        "submitted",
    ]
    reported = Assignment.objects.filter(kind="report_results").exclude(state="pending")
    assert reported.count() == 4


@pytest.mark.django_db
def test_que_sent_the_plan_it_built_and_issued_on_the_system(demo):
    from thidua.campaigns.models import Campaign, Submission

    own = Campaign.objects.get(parent__isnull=False)
    assert (own.issuer.name, own.parent.plan_number, own.plan_number) == (
        "Thị trấn Quế",
        "15/KH-UBND",
        "01/KH-UBND",
    )
    submission = Submission.objects.get(assignment__unit=own.issuer, assignment__kind="submit_plan")
    assert (submission.status, submission.built_campaign, submission.document.source) == (
        "accepted",
        own,
        own,
    )
    assert (submission.document.issuer.unit, submission.document_number) == (
        own.issuer,
        "01/KH-UBND",
    )
    assert submission.document.spec["blocks"][0]["text"].startswith(
        "Căn cứ Kế hoạch số 15/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân huyện"
    )


@pytest.mark.django_db
def test_demo_board_and_feedback_as_the_district_sees_them(demo):
    from django.utils import timezone

    from thidua.campaigns import selectors
    from thidua.campaigns.models import Campaign

    officer = get_user_model().objects.get(username="nv.kimbang")
    campaign = Campaign.objects.get(parent__isnull=True)
    board = selectors.board(campaign, access.scope_for(officer), now=timezone.now())
    assert board.counts["submit_plan"] == {"accepted": 11, "late": 2, "missing": 4, "submitted": 1}
    assert (board.unit_total, board.open_feedback) == (18, 2)
    province = get_user_model().objects.get(username="sonv.hanam")  # the province above it
    assert access.can(province, "campaigns.view_board", campaign.issuer)
    seen = selectors.board(campaign, access.scope_for(province), now=timezone.now())
    assert seen.counts == board.counts
    que = get_user_model().objects.get(username="ubnd.que")
    assert access.scope_for(que).restrict(campaign.feedback.all(), "unit").count() == 1


@pytest.mark.django_db
def test_second_load_changes_nothing_in_the_campaign(demo):
    before = campaign_state()
    load_demo(log=quiet)
    assert campaign_state() == before


@pytest.mark.django_db
def test_conferences_follow_the_rules_of_the_campaign(demo):
    from thidua.conferences import selectors
    from thidua.conferences.models import Conference

    found = {c.unit.name: c for c in Conference.objects.select_related("unit", "format_chosen_by")}
    assert sorted(found) == [
        "Huyện Kim Bảng",
        "Thị trấn Ba Sao",
        "Thị trấn Quế",
        "Xã Đại Cương",
        "Xã Đồng Hóa",
    ]
    que = found["Thị trấn Quế"]
    assert (que.staff_count, que.format, que.council_proposed_cap, que.cap) == (
        342,
        "delegate",
        180,
        180,
    )
    assert selectors.rule_limit(que) == 200
    ba_sao = found["Thị trấn Ba Sao"]
    assert (ba_sao.format_by_rule, ba_sao.format, ba_sao.format_chosen_by.username) == (
        "organizer_choice",
        "plenary",
        "ubnd.basao",
    )
    assert found["Xã Đại Cương"].format == found["Xã Đồng Hóa"].format == "plenary"
    district = found["Huyện Kim Bảng"]
    assert (district.held_on.isoformat(), district.status) == ("2025-05-20", "list_approved")
    assert selectors.effective_cap(district) == 300
    report = selectors.check_list(district)
    assert (report.passed, report.total) == (True, 40)
    assert district.list_override_reason == ""
    on_list = list(selectors.delegates_on_list(district))
    assert sum(d.category == "honoree" for d in on_list) == 28
    assert {d.name for d in on_list if d.category == "leader"} == {
        "Nguyễn Thành Thăng",
        "Trần Thị Thu Hương",
        "Lê Minh Đức",
        "Phạm Thị Lan",
    }
    proposal = district.proposals.get()
    assert (proposal.status, proposal.seed, proposal.applied_by.username) == (
        "optimal",
        20250520,
        "nv.kimbang",
    )
    programme = GeneratedDocument.objects.get(kind="CTr")
    assert (programme.symbol, programme.source_id) == ("01/CTr-UBND", str(district.pk))


@pytest.mark.django_db
def test_demo_awards_at_que_and_the_district(demo):
    from thidua.awards import selectors

    que = Unit.objects.get(source="local", code="13384")
    district = Unit.objects.get(source="local", code="350")
    decision = Decision.objects.get(unit=que)
    assert (decision.symbol, str(decision.decided_on), decision.signer_name) == (
        "01/QĐ-UBND",
        "2025-03-20",
        "Bùi Đức Long",
    )
    assert sorted(decision.entries.values_list("honoree__name", flat=True)) == [
        "Phạm Thị Ngọc",
        "Trần Văn Khải",
        "Tổ dân phố Quế Sơn",
    ]
    proposal = decision.proposal
    assert proposal.minutes.symbol == "01/BB-HĐTĐKT"
    batches = DocumentBatch.objects.filter(unit=que).order_by("id")
    assert [(b.status, b.total) for b in batches] == [("done", 3), ("done", 3)]
    chair = get_user_model().objects.get(username="ct.kimbang")
    inbox = list(selectors.inbox(access.scope_for(chair), district))
    assert [s.document.symbol for s in inbox] == ["01/TTr-UBND"]
    assert [i.honoree.name for i in inbox[0].items.all()] == ["Nguyễn Thị Thu Hằng"]
    district_decision = Decision.objects.get(unit=district)
    assert district_decision.entries.count() == 3
    assert district_decision.office.code == "district-chair"


@pytest.mark.django_db
def test_a_commune_certified_its_delegates_into_the_district_pool(demo):
    """Issue 8: Kim Bảng allocated its seats; Xã Đại Cương voted by show of hands, the chair
    certified (minutes BB), and the elected are in the district conference's pool."""
    from thidua.conferences import selectors as conference_selectors
    from thidua.elections.models import Allocation, Certification

    district = Unit.objects.get(source="local", code="350")
    allocation = Allocation.objects.get(unit=district)
    assert sum(allocation.result.values()) == allocation.seats == 30
    assert all(n >= 1 for n in allocation.result.values())
    certification = Certification.objects.get()
    assert certification.document.symbol.endswith("/BB-UBND")
    upper = Conference.objects.get(unit=district)
    pool = list(conference_selectors.certified_pool(upper))
    assert [d.name for d in pool] == sorted(e["name"] for e in certification.elected)
    assert {d.conference.unit.name for d in pool} == {"Xã Đại Cương"}
    assert "quá một nửa" in certification.rule_text


def test_demo_dashboards_have_figures_at_every_level(demo, client):
    """make run shows non-empty dashboards: the province, Kim Bảng and a commune (issue 10)."""
    from django.urls import reverse

    from thidua.campaigns.models import Campaign
    from thidua.dashboards import selectors

    district = Unit.objects.get(source="local", code="350")
    campaign = Campaign.objects.get(issuer=district)
    board = selectors.dashboard(district, campaign)
    assert board.assignments.unit_total == 18
    assert board.assignments.late_units > 0
    assert {row.level for row in board.conferences} >= {"commune"}
    assert sum(row.held for row in board.conferences) > 0
    assert board.delegates.total > 0
    assert board.honorees.total > 0 and board.honorees.by_field
    assert board.awards.total > 0 and board.awards.women.total > 0
    assert len([row for row in board.children if row.level == "commune"]) == 18
    # The communes' results reports carry their budgets: planned against actual.
    assert {row.level for row in board.budget.levels} >= {"commune"}
    assert board.budget.planned > 0 and board.budget.actual > 0
    rows = [*board.children, *([board.own_row] if board.own_row else [])]
    assert sum(row.budget_actual for row in rows) == board.budget.actual
    assert any(row.budget_planned for row in board.children)
    province = selectors.dashboard(district.parent, campaign)
    assert province.assignments.unit_total == 18
    assert any(row.name == "Huyện Kim Bảng" and row.honorees for row in province.children)
    # The district's organizer opens it from the menu.
    organizer = next(p for p in seed.PERSONAS if p.unit_code == "350" and p.role == "organizer")
    client.force_login(get_user_model().objects.get(username=organizer.username))
    response = client.get(reverse("dashboards:unit", args=[district.pk]))
    assert response.status_code == 200
    assert response.context["campaign"] == campaign
    assert 'data-testid="budget"' in response.content.decode()


def test_the_district_conference_day(demo):
    """Issue 7: invitations issued (one GM), answers, nine arrivals and one walk-in."""
    from thidua.conferences import checkin
    from thidua.conferences.models import CheckIn

    district = Conference.objects.get(unit__code="350")
    people = Delegate.objects.filter(conference=district)
    assert people.filter(invitation__isnull=False).count() == 40
    assert people.filter(status__in=["invited", "confirmed", "checked_in"], token=None).count() == 0
    assert GeneratedDocument.objects.filter(kind="GM").count() == 1
    assert people.filter(status="confirmed").count() == 14 - 9  # nine of them arrived
    assert people.filter(status="checked_in").exclude(origin="walk_in").count() == 9
    figures = checkin.attendance(district)
    assert (figures.present, figures.expected, figures.walk_ins) == (10, 40, 1)
    walker = people.get(origin="walk_in")
    assert walker.name == "Nguyễn Văn Bình" and walker.checked_in_at is not None
    assert CheckIn.objects.filter(conference=district).count() == 10


def test_demo_proceedings_of_the_district_conference(demo):
    from thidua.proceedings import selectors

    district = Conference.objects.get(unit__code="350")
    summary = selectors.summarise(selectors.budget_lines_of(district))
    assert summary.total.planned == 59_750_000  # 31.450.000 + 20 × 710.000 + 10 × 1.410.000
    assert summary.total.actual == 56_680_000
    assert not summary.total.complete  # "chi khác" not settled yet
    assert district.presentations.count() == 3
    assert sorted(district.side_activities.values_list("kind", flat=True)) == [
        "dialogue",
        "performance",
    ]
    rows = selectors.outline_of(district)
    assert [r.outline.code for r in rows if r.filled] == ["movements", "leadership"]
