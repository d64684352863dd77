"""The demo world: the seed's Kim Bảng of 2024, loaded idempotently."""

import pytest
from django.contrib.auth import get_user_model

from thidua.awards.models import BlankLayout, Decision, Proposal, Submission
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


def test_seed_plan_is_issued_as_15_kh_ubnd_with_a_batch_of_invitations(demo):
    plan = GeneratedDocument.objects.get(kind="KH", year=2024)
    assert (plan.symbol, str(plan.document_date), plan.version) == ("15/KH-UBND", "2024-10-28", 1)
    assert plan.unit.name == "Huyện Kim Bảng" and plan.issued_by.username == "nv.kimbang"
    assert plan.pdf.read().startswith(b"%PDF") and plan.pages >= 5
    batch = DocumentBatch.objects.get(title=seed.DEMO_BATCH_TITLE)
    assert (batch.status, batch.total, batch.done, batch.pages) == ("done", 18, 18, 18)
    issuers = set(plan.unit.issuers.values_list("abbreviation", flat=True))
    assert issuers == {"UBND", "HĐTĐKT"}
    assert (
        Unit.objects.filter(source="local", level="commune", issuers__abbreviation="UBND").count()
        == 18
    )


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
