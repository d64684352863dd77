"""Build the demo world idempotently: a second run finds everything in place and writes nothing.

Each later feature adds its own step here (campaign, honorees, conferences, ...), so that
`make run` shows the whole cycle on the seed's world.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction

from thidua.campaigns import demo as campaign_demo
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import send_due_reminders
from thidua.campaigns.tasks import schedule_reminders
from thidua.demo import world
from thidua.documents import batches as document_batches
from thidua.documents import services as document_services
from thidua.documents import spec as doc
from thidua.documents.models import DocumentBatch, Issuer
from thidua.elections.demo import ensure_elections
from thidua.proceedings.demo import ensure_proceedings
from thidua.units import services as unit_services
from thidua.units.enums import UnitSource
from thidua.units.loader import load_units
from thidua.units.models import Unit

Log = Callable[[str], None]


def load_demo(log: Log = print) -> None:
    load_units(UnitSource.LEGACY, province_code=world.PROVINCE_CODE)
    load_units(UnitSource.CURRENT, province_code=world.SUCCESSOR_PROVINCE_CODE)
    with transaction.atomic():
        district = ensure_kim_bang_2024()
        log(f"Đơn vị: {district.name} và {district.children.count()} đơn vị trực thuộc")
        created = ensure_personas()
        log(f"Tài khoản mẫu: {len(world.PERSONAS)} ({created} mới)")
        log(f"Điển hình tiên tiến: {ensure_honorees()} mới")
        batch = ensure_documents()
        log(f"Văn bản: lô “{batch.title}” ({batch.pages} trang)")
        campaign = ensure_campaign()
        log(
            f"Kế hoạch: {campaign.name}, văn bản số {campaign.plan_number} "
            f"({campaign.assignments.count()} nhiệm vụ)"
        )
        log(f"Hội nghị: {ensure_conferences()} mới")
        log(f"Ngày hội nghị huyện: {ensure_conference_day()}")
        decisions, pending = ensure_awards()
        log(f"Khen thưởng: {decisions} quyết định; {pending} tờ trình chờ huyện xử lý")
        log(f"Bầu đại biểu dự cấp trên: {ensure_elections()}")
        log(f"Diễn biến hội nghị: {ensure_proceedings()} phần mới")


def _legacy(code: str) -> Unit:
    return Unit.objects.get(source=UnitSource.LEGACY, code=code)


def _ensure_unit(code: str, **fields: object) -> Unit:
    existing = Unit.objects.filter(source=UnitSource.LOCAL, code=code).first()
    if existing is not None:
        return existing
    return unit_services.create_unit(by=None, code=code, **fields)  # type: ignore[arg-type]


def ensure_kim_bang_2024() -> Unit:
    province = _legacy(world.PROVINCE_CODE)
    district = _ensure_unit(
        world.DISTRICT_CODE,
        name="Huyện Kim Bảng",
        short_name="Kim Bảng",
        kind="rural_district",
        parent=province,
        staff_count=world.DISTRICT_STAFF_2024,
        valid_to=world.VALID_TO_2024,
        is_official_code=True,
    )
    town = _legacy(world.DISTRICT_CODE)
    unit_services.link_successor(district, town, by=None)
    if town.valid_from is None:  # Thị xã Kim Bảng and its wards date from 1/1/2025
        Unit.objects.filter(path__startswith=town.path, valid_from__isnull=True).update(
            valid_from=world.VALID_FROM_2025
        )
    for commune in world.COMMUNES_2024:
        unit = _ensure_unit(
            commune.code,
            name=commune.name,
            short_name=commune.short_name,
            kind=commune.kind,
            parent=district,
            staff_count=commune.staff_count,
            valid_to=world.VALID_TO_2024,
            is_official_code=True,
        )
        unit_services.link_successor(unit, _legacy(commune.successor_code), by=None)
    for body in world.DISTRICT_BODIES:
        _ensure_unit(
            body.code,
            name=body.name,
            short_name=body.short_name,
            kind=body.kind,
            parent=district,
            level="district",
            staff_count=body.staff_count,
            valid_to=world.VALID_TO_2024,
        )
    return district


def ensure_personas() -> int:
    user_model = get_user_model()
    created = 0
    for persona in world.PERSONAS:
        user = user_model.objects.filter(username=persona.username).first()
        if user is None:
            user = user_model(username=persona.username, full_name=persona.full_name)
            user.set_password(world.DEMO_PASSWORD)
            if persona.role == "admin":
                user.is_staff = user.is_superuser = True
            user.save()
            created += 1
        if persona.unit_code is not None:
            unit = Unit.objects.get(source=persona.unit_source, code=persona.unit_code)
            unit_services.grant_membership(user, unit, persona.role, by=None, title=persona.title)
    return created


def ensure_honorees() -> int:
    """Honorees of the Kim Bảng 2024 communes and district (thidua/honorees/demo.py)."""
    from thidua.honorees.demo import build_demo_honorees

    return build_demo_honorees()


# The district's issuing bodies (Decree 30 heading). The People's Committee numbers the plan
# (15/KH-UBND, generated from the campaign) and the invitations; the Emulation-Commendation
# Council keeps its own series ("…/TB-HĐTĐKT").
KIM_BANG_PEOPLES_COMMITTEE = doc.IssuingBody(
    name=("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"),
    abbreviation="UBND",
    place="Kim Bảng",
    full_name="Ủy ban nhân dân huyện Kim Bảng",
)
KIM_BANG_COUNCIL = doc.IssuingBody(
    name=("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",),
    abbreviation="HĐTĐKT",
    place="Kim Bảng",
    superior=("UBND HUYỆN KIM BẢNG",),
    full_name="Hội đồng Thi đua - Khen thưởng huyện Kim Bảng",
)
# The signer of the district's documents (the plan's signer, as the seed names him).
KIM_BANG_CHAIR = doc.Signature(
    "CHỦ TỊCH", "Nguyễn Thành Thăng", authority=(doc.Authority("TM", "ỦY BAN NHÂN DÂN"),)
)


def _ensure_issuer(unit: Unit, body: doc.IssuingBody) -> Issuer:
    existing = Issuer.objects.filter(unit=unit, abbreviation=body.abbreviation).first()
    if existing is not None:
        return existing
    return document_services.create_issuer(
        by=None,
        unit=unit,
        abbreviation=body.abbreviation,
        name_lines=body.name,
        superior_lines=body.superior,
        place=body.place,
        full_name=body.full_name,
    )


def _commune_committee(unit: Unit) -> doc.IssuingBody:
    return doc.IssuingBody(
        name=("ỦY BAN NHÂN DÂN", unit.name.upper()),
        abbreviation="UBND",
        place=unit.short_name,
        full_name=f"Ủy ban nhân dân {unit.name[0].lower()}{unit.name[1:]}",
    )


def _invitation(commune: Unit) -> doc.DocumentSpec:
    return doc.DocumentSpec(
        type_code="GM",
        issuer=KIM_BANG_PEOPLES_COMMITTEE,
        summary=("Dự Hội nghị điển hình tiên tiến huyện Kim Bảng giai đoạn 2020-2025",),
        year=2025,
        addressees=(f"Chủ tịch Ủy ban nhân dân {commune.name[0].lower()}{commune.name[1:]}",),
        top_level=2,
        blocks=(
            doc.Paragraph(
                "Thực hiện Kế hoạch số "
                f"{world.SEED_PLAN_SERIAL:02d}/KH-UBND ngày {world.SEED_PLAN_DATE:%d/%m/%Y} của "
                "Ủy ban nhân dân huyện về tổ chức Hội nghị điển hình tiên tiến các cấp, Ủy ban "
                "nhân dân huyện trân trọng kính mời:"
            ),
            doc.Paragraph(
                doc.rich(
                    f"**Chủ tịch Ủy ban nhân dân {commune.name[0].lower()}{commune.name[1:]}**"
                ),
                align="center",
            ),
            doc.Section(
                "Thời gian, địa điểm",
                (
                    doc.Item("Thời gian: 01 buổi, ngày ... tháng ... năm 2025 (Quý II năm 2025)."),
                    doc.Item("Địa điểm: Hội trường Ủy ban nhân dân huyện Kim Bảng."),
                ),
            ),
            doc.Paragraph("Rất mong đồng chí sắp xếp thời gian đến dự Hội nghị đúng giờ./."),
        ),
        signature=KIM_BANG_CHAIR,
        recipients=("Như trên;", "Lưu: VT, NV."),
    )


def ensure_documents() -> DocumentBatch:
    """Issuers (the district's People's Committee and its Emulation-Commendation Council, each
    commune's People's Committee) and one batch of invitations to the 18 communes rendered into
    one PDF. The plan itself (15/KH-UBND) is generated from the campaign: ``ensure_campaign``."""
    district = Unit.objects.get(source=UnitSource.LOCAL, code=world.DISTRICT_CODE)
    _ensure_issuer(district, KIM_BANG_PEOPLES_COMMITTEE)
    _ensure_issuer(district, KIM_BANG_COUNCIL)
    communes = list(district.children.filter(level="commune").order_by("search_name"))
    for commune in communes:
        _ensure_issuer(commune, _commune_committee(commune))
    batch = DocumentBatch.objects.filter(unit=district, title=world.DEMO_BATCH_TITLE).first()
    if batch is None:
        batch = document_services.start_batch(
            by=None,
            unit=district,
            title=world.DEMO_BATCH_TITLE,
            specs=[_invitation(commune) for commune in communes],
        )
        document_batches.run_batch(batch.pk, str(batch.run_token))
        batch.refresh_from_db()
    return batch


def ensure_campaign() -> Campaign:
    """The seed's campaign (campaigns app): its plan generated and issued as 15/KH-UBND ngày
    28/10/2024, sent to the 18 communes, in progress as seen today (Thị trấn Quế sends the plan
    it built and issued on the system); then the reminders that are due, and the background
    task that keeps sending them."""
    campaign = campaign_demo.ensure_campaign()
    send_due_reminders()
    transaction.on_commit(schedule_reminders)
    return campaign


def ensure_conferences() -> int:
    """The Kim Bảng 2024 conferences: Quế's delegate conference (council's proposal, the
    organizer's cap), Ba Sao's recorded choice, two plenary communes, and the district's
    conference with its programme and an optimizer-proposed list (thidua/conferences/demo.py)."""
    from thidua.conferences.demo import ensure_conferences as build

    return build()


def ensure_conference_day() -> str:
    """The district conference's invitations, answers, check-ins and a walk-in (issue 7)."""
    from thidua.conferences.demo import ensure_day

    return ensure_day()


def ensure_awards() -> tuple[int, int]:
    """Proposals, council reviews, decisions, certificates and a Tờ trình upward
    (thidua/awards/demo.py)."""
    from thidua.awards.demo import ensure_awards as build

    return build()


def demo_login_rows() -> list[tuple[str, str, str, str]]:
    """username | password | role | unit, as the README's table shows them."""
    rows = [("username", "password", "role", "unit")]
    names = {
        (u.source, u.code): u.name
        for u in Unit.objects.filter(code__in=[p.unit_code for p in world.PERSONAS if p.unit_code])
    }
    for persona in world.PERSONAS:
        unit = (
            names.get((persona.unit_source, persona.unit_code), "—") if persona.unit_code else "—"
        )
        role = "system administrator" if persona.role == "admin" else persona.role
        rows.append((persona.username, world.DEMO_PASSWORD, role, unit))
    return rows
