"""The demo's campaign: the seed plan of Kim Bảng, issued to its 18 communes, as seen today.

The plan deadline ("trước ngày 16/12/2024") is long past on the real clock, so the board shows
a campaign in progress: communes that sent their plan on time and were accepted (one at 23:40
on 15/12, the last minute that counts), some late, one returned and sent again, some missing;
conferences held in Q1/2025; results reported by a few; a couple of feedback threads. The
history is written through the services with the times it happened (their ``now=``), so the
lateness is computed by the same code as for a real user. Idempotent: a second run finds the
campaign and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.campaigns import services
from thidua.campaigns.models import Assignment, Campaign, CampaignPreset
from thidua.campaigns.results import AwardLine, ResultsFigures
from thidua.campaigns.services.presets import restore_presets
from thidua.units.enums import UnitSource
from thidua.units.models import Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DISTRICT_CODE = "350"
ISSUED_AT = dt.datetime(2024, 11, 25, 8, 0, tzinfo=VN)
# Demo officers get an address so reminders also show up as e-mail files under var/mail.
DEMO_EMAIL_DOMAIN = "demo.thidua.local"
EMAIL_USERS = ("nv.kimbang", "ubnd.que", "ubnd.basao", "sonv.hanam")


def at(moment: str | None) -> dt.datetime:
    """ "2024-12-15T23:40" in Vietnam's time."""
    if moment is None:
        raise ValueError("the story lacks a time")
    return dt.datetime.fromisoformat(moment).replace(tzinfo=VN)


@dataclass(frozen=True)
class PlanStory:
    """What one commune did with its plan: sent (when), reviewed (when, how)."""

    code: str
    sent: str | None  # ISO datetime in Vietnam's time; None: missing
    review: str | None = None  # "accept" / "return"
    reviewed: str | None = None
    resent: str | None = None  # after a return
    held_on: str | None = None  # conference date
    results: bool = False
    results_review: str | None = None


STORIES: tuple[PlanStory, ...] = (
    PlanStory(
        "13384",
        "2024-12-05T10:15",
        "accept",
        "2024-12-16T09:00",
        held_on="2025-03-14",
        results=True,
        results_review="accept",
    ),
    PlanStory(
        "13429",
        "2024-12-12T15:30",
        "return",
        "2024-12-17T10:00",
        resent="2024-12-20T16:45",
        held_on="2025-03-20",
    ),
    PlanStory(
        "13390",
        "2024-12-02T09:40",
        "accept",
        "2024-12-16T09:10",
        held_on="2025-02-27",
        results=True,
        results_review="accept",
    ),
    PlanStory("13405", "2024-12-09T14:00", "accept", "2024-12-16T09:20", held_on="2025-03-07"),
    PlanStory(
        "13408",
        "2024-12-10T08:30",
        "accept",
        "2024-12-16T09:30",
        held_on="2025-03-12",
        results=True,
    ),
    PlanStory(
        "13420",
        "2024-12-11T16:20",
        "accept",
        "2024-12-16T09:40",
        held_on="2025-03-25",
        results=True,
    ),
    PlanStory("13393", "2024-12-12T10:00", "accept", "2024-12-17T08:30", held_on="2025-03-18"),
    PlanStory("13432", "2024-12-13T11:10", "accept", "2024-12-17T08:40", held_on="2025-03-21"),
    PlanStory("13423", "2024-12-13T15:00", "accept", "2024-12-17T08:50", held_on="2025-03-26"),
    PlanStory("13387", "2024-12-13T16:30", "accept", "2024-12-17T09:00", held_on="2025-03-28"),
    PlanStory("13438", "2024-12-15T23:40", "accept", "2024-12-17T09:10", held_on="2025-03-27"),
    PlanStory("13402", "2024-12-17T08:15", "accept", "2024-12-18T10:00", held_on="2025-03-31"),
    PlanStory("13399", "2024-12-16T00:20"),
    PlanStory("13411", "2024-12-19T14:00"),
    PlanStory("13435", None),
    PlanStory("13414", None),
    PlanStory("13396", None),
    PlanStory("13417", None),
)

RETURN_REASON = (
    "Kế hoạch chưa nêu hình thức hội nghị (thị trấn có đúng 300 cán bộ, công chức, viên chức, "
    "người lao động) và chưa có dự toán kinh phí. Đề nghị bổ sung, gửi lại."
)


def _results_for(code: str, held_on: dt.date) -> ResultsFigures:
    """Illustrative figures: Quế (342 staff) held a delegate conference of 200."""
    if code == "13384":
        return ResultsFigures(
            held_on,
            140,
            42,
            18,
            86,
            114,
            92,
            6,
            12,
            45_000_000,
            41_350_000,
            (AwardLine("Giấy khen của Chủ tịch UBND thị trấn", 6, 24),),
        )
    return ResultsFigures(
        held_on,
        84,
        24,
        12,
        52,
        68,
        61,
        4,
        6,
        25_000_000,
        23_800_000,
        (AwardLine("Giấy khen của Chủ tịch UBND xã", 4, 15),),
    )


def ascii_text(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and ord(c) < 128)


def tiny_pdf(title: str) -> bytes:
    """A valid one-page PDF with one line of text (Times-Roman, ASCII): a stand-in for a
    commune's scanned plan."""
    line = ascii_text(title).replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 14 Tf 72 770 Td ({line}) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _upload(unit: Unit, version: int) -> SimpleUploadedFile:
    name = f"Ke hoach HNDHTT {ascii_text(unit.short_name or unit.name)} lan {version}.pdf"
    return SimpleUploadedFile(name, tiny_pdf(f"KE HOACH - {unit.name} - lan {version}"))


def ensure_campaign() -> Campaign:
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["nv.kimbang", "ubnd.que", "ubnd.basao", "sonv.hanam", "admin"]
        )
    }
    for username in EMAIL_USERS:
        user = users.get(username)
        if user is not None and not user.email:
            user.email = f"{username}@{DEMO_EMAIL_DOMAIN}"
            user.save(update_fields=["email"])
    district = Unit.objects.get(source=UnitSource.LOCAL, code=DISTRICT_CODE)
    existing = Campaign.objects.filter(issuer=district, preset__code="kim-bang-2024").first()
    if existing is not None:
        return existing
    officer = users["nv.kimbang"]
    restore_presets()
    campaign = services.create_campaign(
        preset=CampaignPreset.objects.get(code="kim-bang-2024"), issuer=district, by=officer
    )
    services.issue_campaign(campaign, by=officer, now=ISSUED_AT)
    campaign.refresh_from_db()
    units = {u.code: u for u in Unit.objects.filter(source=UnitSource.LOCAL, parent=district)}
    # A commune's own officer acts where the demo has one; elsewhere the district's officer
    # records on the commune's behalf (a role on the district covers its communes).
    actors = {"13384": users["ubnd.que"], "13429": users["ubnd.basao"]}
    for story in STORIES:
        _play(campaign, units[story.code], story, actors.get(story.code, officer), officer)
    _feedback(campaign, units, users)
    return campaign


def _assignment(campaign: Campaign, unit: Unit, kind: str) -> Assignment:
    return Assignment.objects.get(campaign=campaign, unit=unit, kind=kind)


def _play(
    campaign: Campaign, unit: Unit, story: PlanStory, actor: object, reviewer: object
) -> None:
    if story.sent is None:
        return
    plan = _assignment(campaign, unit, "submit_plan")
    sent = at(story.sent)
    submission = services.submit_plan(
        plan,
        by=actor,
        upload=_upload(unit, 1),
        document_number=f"{story.code[-2:]}/KH-UBND",
        document_date=sent.date(),
        now=sent,
    )
    if story.review == "accept":
        services.accept_submission(submission, by=reviewer, now=at(story.reviewed))
    elif story.review == "return":
        services.return_submission(
            submission, by=reviewer, reason=RETURN_REASON, now=at(story.reviewed)
        )
        resent = at(story.resent)
        services.submit_plan(
            plan,
            by=actor,
            upload=_upload(unit, 2),
            document_number=f"{story.code[-2:]}/KH-UBND",
            document_date=resent.date(),
            note="Đã bổ sung hình thức hội nghị và dự toán kinh phí.",
            now=resent,
        )
    if story.held_on is None:
        return
    held = dt.date.fromisoformat(story.held_on)
    if story.results:
        reported = at(f"{held + dt.timedelta(days=5)}T15:00")
        results = services.submit_results(
            _assignment(campaign, unit, "report_results"),
            by=actor,
            figures=_results_for(story.code, held),
            now=reported,
        )
        if story.results_review == "accept":
            services.accept_submission(results, by=reviewer, now=reported + dt.timedelta(days=3))
    else:
        services.record_conference(
            _assignment(campaign, unit, "hold_conference"),
            by=actor,
            held_on=held,
            now=at(f"{held}T17:00"),
        )


def _feedback(campaign: Campaign, units: dict[str, Unit], users: Mapping[str, Any]) -> None:
    ba_sao = services.raise_feedback(
        campaign,
        unit=units["13429"],
        by=users["ubnd.basao"],
        subject="Thị trấn có đúng 300 CB, CC, VC, NLĐ: tổ chức hội nghị theo hình thức nào?",
        body="Kế hoạch quy định dưới 300 người tổ chức Hội nghị toàn thể, trên 300 người tổ chức "
        "Hội nghị đại biểu. Thị trấn Ba Sao có đúng 300 người thì áp dụng hình thức nào?",
    )
    services.reply_feedback(
        ba_sao,
        by=users["nv.kimbang"],
        body="Kế hoạch không quy định trường hợp đúng 300 người. Đề nghị UBND thị trấn lựa chọn "
        "hình thức phù hợp với điều kiện hội trường, ghi rõ trong kế hoạch và báo cáo về Phòng "
        "Nội vụ.",
    )
    que = services.raise_feedback(
        campaign,
        unit=units["13384"],
        by=users["ubnd.que"],
        subject="Nguồn kinh phí khen thưởng tại hội nghị",
        body="Tiền thưởng kèm Giấy khen tại hội nghị được chi từ quỹ thi đua, khen thưởng của "
        "thị trấn hay từ kinh phí tổ chức hội nghị?",
    )
    services.reply_feedback(
        que,
        by=users["nv.kimbang"],
        body="Tiền thưởng chi từ quỹ thi đua, khen thưởng theo Nghị định 98/2023/NĐ-CP; kinh phí "
        "tổ chức hội nghị do ngân sách địa phương bảo đảm, thực hiện tiết kiệm.",
    )
    services.close_feedback(que, by=users["nv.kimbang"])
    services.raise_feedback(
        campaign,
        unit=units["13429"],
        by=users["ubnd.basao"],
        subject="Mẫu báo cáo kết quả hội nghị",
        body="Đề nghị Phòng Nội vụ hướng dẫn mẫu báo cáo kết quả tổ chức hội nghị.",
    )
