"""The world of the authorization matrix (issue 11): one object of each kind in commune A,
made through the services, and the ten personas that try every URL on them.

Commune A (of the root conftest's world) holds: honorees (one private, with a national ID
number; one with a published story and photo), a decided award proposal with its decision,
entries and decision document, an escalated proposal with its submission to the district, a
draft proposal with a candidate and evidence, a blank layout, a certificate batch, the
campaign's assignment to A with A's submitted plan and a feedback thread, a conference with
agenda items, a delegate and an optimizer proposal, three checked-in delegates nominated and
an open electronic poll on them (a voter's token, a cast ballot's receipt), the conference's
proceedings (a budget line, a presentation, a side activity, a report section with its file), a
second campaign's conference with its list approved and one delegate invited (the invitation's
token), and a notification.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from PIL import Image

from conftest import make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ISSUED_AT = dt.datetime(2024, 11, 20, 9, 0, tzinfo=VN)
PLAN_SENT_AT = dt.datetime(2024, 12, 10, 10, 0, tzinfo=VN)
COMMUNE_DAY = dt.date(2025, 2, 20)
DECIDED_ON = dt.date(2025, 3, 20)

# Personas, in the order of the matrix's columns.
PERSONAS = (
    "anon",
    "viewer",
    "front",
    "propaganda",
    "organizer",
    "council",
    "leader",
    "org_b",
    "district",
    "admin",
)

# Personal data of A's private honoree: must never show outside the roles that may see it.
PRIVATE_NAME = "Nguyễn Thị Lan"
PRIVATE_NATIONAL_ID = "001185012345"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

SEEDS = (
    "thidua.awards.migrations.0002_seed_award_forms",
    "thidua.awards.migrations.0004_seed_authority_and_criteria",
    "thidua.honorees.migrations.0002_seed_vocabularies_movements",
    "thidua.proceedings.migrations.0002_seed_base_salary_outline",
)


@dataclass
class AuthzWorld:
    world: Any
    users: dict[str, Any]
    objects: dict[str, Any] = field(default_factory=dict)


def png(name: str = "anh.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _issuer(unit: Any, abbreviation: str, lines: list[str], place: str) -> Any:
    from thidua.documents import services

    return services.create_issuer(
        by=None, unit=unit, abbreviation=abbreviation, name_lines=lines, place=place
    )


def build(world: Any) -> AuthzWorld:
    from thidua.awards import services as awards
    from thidua.awards.models import AwardForm, BlankLayout
    from thidua.campaigns import services as campaigns
    from thidua.campaigns.models import Assignment, CampaignPreset
    from thidua.campaigns.services.presets import restore_presets
    from thidua.conferences import services as conferences
    from thidua.conferences.services.agenda import restore_default_template
    from thidua.honorees import services as honorees
    from thidua.honorees.models import Movement
    from thidua.notifications import services as notifications

    for name in SEEDS:
        importlib.import_module(name).seed(apps, None)
    restore_presets()
    restore_default_template()

    a = world.commune_a
    users: dict[str, Any] = {"anon": None}
    for persona in ("viewer", "front", "propaganda", "organizer", "council", "leader"):
        users[persona] = make_user(f"{persona}_a", a, persona)
    users["org_b"] = make_user("organizer_b", world.commune_b, "organizer")
    users["district"] = make_user("organizer_d", world.district, "organizer")
    users["leader_d"] = make_user("leader_d", world.district, "leader")
    users["admin"] = make_user("root", None, is_staff=True, is_superuser=True)
    org = users["organizer"]
    w = AuthzWorld(world=world, users=users)
    o = w.objects

    _issuer(a, "UBND", ["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"], "Đông Hòa")
    _issuer(a, "HĐTĐKT", ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"], "Đông Hòa")
    _issuer(world.commune_b, "UBND", ["ỦY BAN NHÂN DÂN", "XÃ TÂY SƠN"], "Tây Sơn")
    _issuer(world.district, "UBND", ["ỦY BAN NHÂN DÂN", "HUYỆN THỬ NGHIỆM"], "Thử Nghiệm")
    _issuer(world.province, "UBND", ["ỦY BAN NHÂN DÂN", "TỈNH THỬ NGHIỆM"], "Thử Nghiệm")

    # --- Honorees -----------------------------------------------------------------------------
    def person(name: str, **values: Any) -> Any:
        values.setdefault("gender", "female")
        values.setdefault("birth_year", 1980)
        return honorees.create_honoree(
            by=None, unit=a, kind="individual", name=name, position="Cán bộ", **values
        )

    o["honoree"] = lan = person(PRIVATE_NAME, national_id=PRIVATE_NATIONAL_ID)
    o["honoree_public"] = minh = person("Trần Văn Minh", gender="male")
    hoa = person("Lê Thị Hoa")
    group = honorees.create_honoree(
        by=None, unit=a, kind="collective", name="Tổ sản xuất số 1", collective_size=12
    )
    o["honoree_b"] = honorees.create_honoree(
        by=None, unit=world.commune_b, kind="individual", name="Phạm Văn Bình", gender="male"
    )
    cstdcs = AwardForm.objects.get(code="cstdcs")
    for year in (2023, 2024):
        honorees.add_recognition(hoa, by=None, award_form=cstdcs, year=year)
    o["photo"] = honorees.add_photo(lan, by=org, upload=png())
    o["public_photo"] = honorees.add_photo(minh, by=org, upload=png("minh.png"))
    honorees.set_publication_consent(minh, by=org, consent=True)
    story = honorees.save_story(minh, by=org, title="Gương sáng", body="Nội dung bài viết.")
    o["story"] = honorees.publish_story(story, by=users["propaganda"])
    o["movement"] = Movement.objects.order_by("pk").first()
    honorees.set_movements(minh, [o["movement"]], by=org)

    # --- Awards ---------------------------------------------------------------------------------
    giay_khen = AwardForm.objects.get(code="giay-khen")

    def reviewed(plan: list[tuple[Any, Any]]) -> tuple[Any, list[Any]]:
        proposal = awards.create_proposal(
            by=org, unit=a, title="Khen thưởng phong trào", period_start=2020, period_end=2025
        )
        items = [
            awards.add_candidate(
                proposal,
                by=org,
                honoree=honoree,
                award_form=form,
                achievement="Đã có thành tích xuất sắc trong phong trào thi đua",
                rating="excellent",
            )
            for honoree, form in plan
        ]
        awards.submit_for_review(proposal, by=org)
        awards.close_review(
            proposal,
            by=users["council"],
            held_on=DECIDED_ON,
            members_present=3,
            votes={item.pk: (3, 0, 0) for item in items},
        )
        for item in items:
            item.refresh_from_db()
        proposal.refresh_from_db()
        return proposal, items

    decided, items = reviewed([(lan, giay_khen), (minh, giay_khen)])
    o["decision"] = decision = awards.decide(
        decided, by=users["leader"], items=items, decided_on=DECIDED_ON
    )
    o["entry"] = decision.entries.order_by("position").first()
    o["document"] = decision.document
    escalated, items = reviewed([(hoa, AwardForm.objects.get(code="bang-khen-tinh"))])
    o["award_submission"] = awards.escalate(
        escalated, by=users["leader"], items=items, submitted_on=DECIDED_ON
    )
    o["proposal"] = draft = awards.create_proposal(
        by=org, unit=a, title="Đề nghị đang soạn", period_start=2020, period_end=2025
    )
    o["item"] = item = awards.add_candidate(
        draft, by=org, honoree=group, award_form=giay_khen, achievement="Thành tích tập thể"
    )
    o["evidence"] = awards.attach_evidence(item, by=org, name="bao-cao.pdf", data=PDF_BYTES)
    o["layout"] = BlankLayout.objects.create(issuer=decision.document.issuer, award_form=giay_khen)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the batch is rendered: downloadable
        o["batch"] = awards.print_certificates(decision, by=org, mode="full")

    # --- Campaign (issued by the district to A and B), A's plan and feedback -------------------
    preset = CampaignPreset.objects.get(code="kim-bang-2024")
    o["campaign"] = campaign = campaigns.create_campaign(
        preset=preset, issuer=world.district, by=users["district"]
    )
    campaigns.issue_campaign(campaign, by=users["district"], now=ISSUED_AT)
    campaigns.issue_plan(campaign, by=users["district"])  # the district's numbered KH
    campaign.refresh_from_db()
    o["level_rule"] = campaign.level_rules.order_by("pk").first()
    o["composition_rule"] = campaign.composition_rules.order_by("pk").first()
    o["task"] = campaign.tasks.order_by("pk").first()
    o["assignment"] = assignment = Assignment.objects.get(
        campaign=campaign, unit=a, kind="submit_plan"
    )
    upload = SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES, content_type="application/pdf")
    o["campaign_submission"] = campaigns.submit_plan(
        assignment, by=org, upload=upload, now=PLAN_SENT_AT
    )
    o["feedback"] = campaigns.raise_feedback(
        campaign, unit=a, by=org, subject="Vướng mắc", body="Cần hướng dẫn thêm."
    )

    # --- Conference of A ----------------------------------------------------------------------
    o["conference"] = conference = conferences.create_conference(
        campaign, a, by=org, held_on=COMMUNE_DAY, session="morning", venue="Hội trường xã"
    )
    o["agenda_item"] = conference.agenda_items.order_by("position").first()
    o["delegate"] = conferences.add_manual_delegate(
        conference, by=org, category="guest", name="Khách mời", gender="male"
    )
    o["delegate_proposal"] = conferences.propose_delegates(conference, by=org, size=1, seed=1)

    # --- Elections in A's conference: three delegates checked in and nominated, an electronic
    # poll opened (one voter's token kept for the public ballot page), and a cast ballot's
    # receipt -----------------------------------------------------------------------------------
    from types import SimpleNamespace

    from thidua.conferences.models import Delegate
    from thidua.elections import services as elections

    elections.restore_default_rules()
    voters = [
        conferences.add_manual_delegate(
            conference, by=org, category="guest", name=f"Đại biểu {i}", gender="female"
        )
        for i in (1, 2, 3)
    ]
    checked_in = dt.datetime(2025, 2, 20, 7, 45, tzinfo=VN)
    Delegate.objects.filter(pk__in=[v.pk for v in voters]).update(checked_in_at=checked_in)
    elections.nominate(conference, by=org, delegate_ids=[v.pk for v in voters])
    o["poll"] = poll = elections.create_poll(conference, by=org, procedure="electronic", seats=2)
    (_first, token), (_second, cast), *_rest = elections.open_poll(
        poll, by=org, now=dt.datetime(2025, 2, 20, 10, 0, tzinfo=VN)
    )
    o["vote_token"] = SimpleNamespace(token=token, pk=None)
    receipt = elections.cast_ballot(cast, [])
    o["receipt"] = SimpleNamespace(token=receipt, pk=receipt)  # ?ma=<the receipt code>

    # --- Proceedings of A's conference: a budget line, a presentation, a side activity and a
    # section of the summary report with its attached file ----------------------------------------
    from thidua.proceedings import services as proceedings
    from thidua.proceedings.models import OutlineSection

    o["budget_line"] = proceedings.add_budget_line(
        conference, by=org, category="venue", description="Thuê hội trường", quantity=1,
        unit_price=2_000_000,
    )  # fmt: skip
    o["presentation"] = proceedings.add_presentation(
        conference, by=org, agenda_item=o["agenda_item"], delegate=voters[0],
        title="Kinh nghiệm làm kinh tế giỏi", minutes=5,
    )  # fmt: skip
    o["side_activity"] = proceedings.add_side_activity(
        conference, by=org, kind="dialogue", title="Đối thoại với điển hình", held_on=COMMUNE_DAY
    )
    o["outline"] = outline = OutlineSection.objects.filter(is_active=True).order_by("order").first()
    upload = SimpleUploadedFile("phu-luc.pdf", PDF_BYTES, content_type="application/pdf")
    o["report_section"] = proceedings.save_report_section(
        conference, outline, by=org, text="Kết quả phong trào.", upload=upload
    )

    # --- The day (issue 7): a second campaign's conference of A, its list approved and one
    # delegate invited (their invitation's token opens the public answer page) ---------------------
    second = campaigns.create_campaign(preset=preset, issuer=world.district, by=users["district"])
    campaigns.issue_campaign(second, by=users["district"], now=ISSUED_AT)
    o["conference_day"] = day = conferences.create_conference(
        second, a, by=org, held_on=COMMUNE_DAY, session="afternoon", venue="Hội trường xã"
    )
    invited = conferences.add_manual_delegate(
        day, by=org, category="guest", name="Khách được mời", gender="female"
    )
    conferences.approve_delegate_list(day, by=org, override_reason="Chỉ có khách mời")
    conferences.issue_invitation(invited, by=org, base_url="http://testserver/")
    invited.refresh_from_db()
    o["invited"] = invited

    # --- A notification for A's organizer -----------------------------------------------------
    (o["notification"],) = notifications.notify([org], title="Thông báo thử", unit=a)
    return w


def value_of(obj: Any, kwarg: str) -> Any:
    """The URL value of ``obj`` for a keyword named ``kwarg``."""
    if kwarg == "token":
        return obj.token
    if kwarg == "slug":
        return obj.slug
    if kwarg == "code":
        return obj.code
    return obj.pk
