"""The demo's conferences in the Kim Bảng 2024 campaign (thidua/demo/loader.ensure_conferences).

* Thị trấn Quế (342 staff): a delegate conference; the council proposed 180 delegates and the
  organizer set the cap at 180 (at most 200 by the plan).
* Thị trấn Ba Sao (exactly 300): the plan does not decide; the organizer chose a plenary
  conference, recorded with who, when and why.
* Xã Đại Cương and Xã Đồng Hóa (under 300): plenary conferences.
* Huyện Kim Bảng (Q2/2025, at most 300): the agenda with two extras, accepted, and its
  programme issued (CTr); leaders and guests entered by hand; the list proposed by the
  optimizer from the district's honorees (seeded lottery), applied, and approved.

Dates follow the campaign's windows and the campaign demo's story (the days communes recorded
their conferences). Everything goes through the services; a second load finds each conference
and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from thidua.campaigns.models import Campaign
from thidua.conferences import checkin, services
from thidua.conferences.enums import DelegateCategory
from thidua.conferences.models import Conference, Delegate
from thidua.units.enums import UnitSource
from thidua.units.models import Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DISTRICT_CODE = "350"
DISTRICT_DAY = dt.date(2025, 5, 20)
DISTRICT_SIZE = 40
DISTRICT_SEED = 20250520


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)


@dataclass(frozen=True)
class CommuneConference:
    code: str
    officer: str
    held_on: dt.date
    session: str
    venue: str
    set_up: str  # when the organizer set it up (Vietnam's time)
    choice: str = ""  # the organizer's format choice, exactly at the threshold
    choice_reason: str = ""
    council_proposal: int | None = None
    council_reference: str = ""
    cap: int | None = None


COMMUNES: tuple[CommuneConference, ...] = (
    CommuneConference(
        "13384",
        "ubnd.que",
        dt.date(2025, 3, 14),
        "morning",
        "Hội trường Ủy ban nhân dân thị trấn Quế",
        "2025-02-10T09:00",
        council_proposal=180,
        council_reference="Tờ trình số 02/TTr-HĐTĐKT ngày 12/02/2025 của Hội đồng Thi đua - "
        "Khen thưởng thị trấn",
        cap=180,
    ),
    CommuneConference(
        "13429",
        "ubnd.basao",
        dt.date(2025, 3, 20),
        "afternoon",
        "Hội trường Ủy ban nhân dân thị trấn Ba Sao",
        "2025-02-14T14:00",
        choice="plenary",
        choice_reason="Thị trấn có đúng 300 cán bộ, công chức, viên chức, người lao động; hội "
        "trường đủ 320 chỗ, tổ chức Hội nghị toàn thể theo ý kiến của Phòng Nội vụ.",
    ),
    CommuneConference(
        "13390",
        "nv.kimbang",
        dt.date(2025, 2, 27),
        "morning",
        "Nhà văn hóa trung tâm xã Đại Cương",
        "2025-02-03T08:30",
    ),
    CommuneConference(
        "13405",
        "nv.kimbang",
        dt.date(2025, 3, 7),
        "morning",
        "Hội trường Ủy ban nhân dân xã Đồng Hóa",
        "2025-02-05T10:00",
    ),
)

# People entered by hand at the district conference: (category, name, position, gender,
# required). Leaders must attend; the lottery picks among the guests.
DISTRICT_PEOPLE: tuple[tuple[str, str, str, str, bool], ...] = (
    ("leader", "Nguyễn Thành Thăng", "Chủ tịch UBND huyện", "male", True),
    ("leader", "Trần Thị Thu Hương", "Phó Chủ tịch UBND huyện", "female", True),
    ("leader", "Lê Minh Đức", "Phó Bí thư Thường trực Huyện ủy", "male", True),
    ("leader", "Phạm Thị Lan", "Chủ tịch Ủy ban MTTQ Việt Nam huyện", "female", True),
    ("guest", "Đỗ Văn Hải", "Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", "male", False),
    ("guest", "Vũ Thị Ngọc Anh", "Chuyên viên Ban Thi đua - Khen thưởng tỉnh", "female", False),
    ("guest", "Hoàng Văn Tùng", "Trưởng phòng Nội vụ huyện", "male", False),
    ("guest", "Nguyễn Thị Hồng", "Chủ tịch Hội Liên hiệp Phụ nữ huyện", "female", False),
    ("guest", "Bùi Quang Vinh", "Chủ tịch Hội Nông dân huyện", "male", False),
    ("guest", "Trịnh Văn Sơn", "Chủ tịch Hội Cựu chiến binh huyện", "male", False),
    ("guest", "Lưu Thị Mai", "Bí thư Huyện đoàn", "female", False),
    ("guest", "Đặng Văn Long", "Chủ tịch Liên đoàn Lao động huyện", "male", False),
    ("guest", "Ngô Thị Hạnh", "Trưởng phòng Văn hóa - Thông tin huyện", "female", False),
    ("guest", "Phan Văn Kiên", "Giám đốc Trung tâm Văn hóa, Thông tin và Thể thao", "male", False),
)
DISTRICT_EXTRAS = (
    ("Chương trình văn nghệ chào mừng.", 15, "Đội văn nghệ Trung tâm Văn hóa huyện", 1),
    ("Trình chiếu phóng sự về các điển hình tiên tiến.", 10, "Phòng Văn hóa - Thông tin", 4),
)


def _campaign() -> Campaign | None:
    district = Unit.objects.filter(source=UnitSource.LOCAL, code=DISTRICT_CODE).first()
    return Campaign.objects.filter(issuer=district, preset__code="kim-bang-2024").first()


def ensure_conferences() -> int:
    """Set up the demo's conferences that are missing; returns how many were created."""
    campaign = _campaign()
    if campaign is None:
        return 0
    users = {u.username: u for u in get_user_model().objects.all()}
    units = {u.code: u for u in Unit.objects.filter(source=UnitSource.LOCAL)}
    created = 0
    for story in COMMUNES:
        if not Conference.objects.filter(campaign=campaign, unit=units[story.code]).exists():
            _commune(campaign, units[story.code], story, users[story.officer])
            created += 1
    if not Conference.objects.filter(campaign=campaign, unit=campaign.issuer).exists():
        _district(campaign, users["nv.kimbang"])
        created += 1
    return created


def _commune(campaign: Campaign, unit: Unit, story: CommuneConference, officer: object) -> None:
    now = at(story.set_up)
    conference = services.create_conference(
        campaign,
        unit,
        by=officer,
        held_on=story.held_on,
        session=story.session,
        venue=story.venue,
        chosen_format=story.choice,
        choice_reason=story.choice_reason,
        now=now,
    )
    if story.council_proposal is not None:
        services.propose_cap(
            conference,
            by=officer,
            proposed=story.council_proposal,
            reference=story.council_reference,
            now=now + dt.timedelta(days=2),
        )
    if story.cap is not None:
        services.decide_cap(conference, by=officer, cap=story.cap, now=now + dt.timedelta(days=3))
    services.accept_agenda(conference, by=officer, now=now + dt.timedelta(days=3))


def _district(campaign: Campaign, officer: object) -> None:
    conference = services.create_conference(
        campaign,
        campaign.issuer,
        by=officer,
        held_on=DISTRICT_DAY,
        session="morning",
        venue="Hội trường Trung tâm Văn hóa, Thông tin và Thể thao huyện Kim Bảng",
        now=at("2025-04-15T09:00"),
    )
    for title, minutes, presenter, position in DISTRICT_EXTRAS:
        services.add_agenda_item(
            conference,
            by=officer,
            title=title,
            duration_minutes=minutes,
            presenter=presenter,
            position=position,
        )
    services.accept_agenda(conference, by=officer, now=at("2025-04-18T15:00"))
    services.issue_programme(conference, by=officer, date=dt.date(2025, 5, 5))
    people = [
        services.add_manual_delegate(
            conference,
            by=officer,
            category=category,
            name=name,
            position=position,
            organization="Huyện Kim Bảng" if category == "leader" else "",
            gender=gender,
            required=required,
        )
        for category, name, position, gender, required in DISTRICT_PEOPLE
    ]
    proposal = services.propose_delegates(
        conference,
        by=officer,
        size=DISTRICT_SIZE,
        seed=DISTRICT_SEED,
        required=[f"d{p.pk}" for p in people if p.required],
    )
    services.apply_proposal(proposal, by=officer, now=at("2025-04-25T10:00"))
    services.approve_delegate_list(conference, by=officer, now=at("2025-04-28T16:00"))


# The district conference's day (issue 7): invitations issued on 08/05 (one GM for the list,
# the personal copies with their QR codes in a batch PDF), confirmations from the links (no
# one declines: a declined delegate leaves the list the checker reads), the first
# arrivals checked in at the door on the morning of 20/05 and one walk-in guest.
DEMO_SITE = "http://127.0.0.1:8000/"
INVITED_ON = dt.date(2025, 5, 8)
CONFIRMING = 14  # the first delegates of the list (by badge number) confirm
ARRIVING = 9  # the first arrivals, checked in from 07:05, two minutes apart
WALK_IN = ("Nguyễn Văn Bình", "Phóng viên Báo Hà Nam", "Báo Hà Nam")


def ensure_day() -> str:
    """Invitations, answers, check-ins and a walk-in at the district conference. A second load
    finds them done: the answers repeat the same choice, the scans and the walk-in carry fixed
    nonces and are answered with their first answer (nothing new is written)."""
    campaign = _campaign()
    if campaign is None:
        return ""
    conference = Conference.objects.filter(campaign=campaign, unit=campaign.issuer).first()
    if conference is None:
        return ""
    officer = get_user_model().objects.get(username="nv.kimbang")
    if not conference.delegates.filter(invitation__isnull=False).exists():
        services.issue_invitations(
            conference,
            by=officer,
            base_url=DEMO_SITE,
            date=INVITED_ON,
            now=at("2025-05-08T09:00"),
        )
    people = list(
        Delegate.objects.filter(conference=conference, invitation__isnull=False).order_by(
            "badge_number"
        )
    )
    for index, delegate in enumerate(people[:CONFIRMING]):
        if delegate.checked_in_at is None and delegate.token:
            services.respond(
                delegate.token,
                attending=True,
                now=at("2025-05-12T08:00") + dt.timedelta(minutes=17 * index),
            )
    arriving = [d for d in people[:CONFIRMING] if d.category != DelegateCategory.LEADER]
    for index, delegate in enumerate(arriving[:ARRIVING]):
        checkin.check_in(
            conference,
            by=officer,
            nonce=f"demo-{conference.pk}-{delegate.pk}",
            token=delegate.token or "",
            gate="Cửa chính",
            now=at("2025-05-20T07:05") + dt.timedelta(minutes=2 * index),
        )
    name, position, organization = WALK_IN
    checkin.add_walk_in(
        conference,
        by=officer,
        nonce=f"demo-{conference.pk}-walk-in",
        name=name,
        gender="male",
        position=position,
        organization=organization,
        gate="Cửa chính",
        now=at("2025-05-20T07:31"),
    )
    figures = checkin.attendance(conference)
    return f"{figures.present}/{figures.expected} đại biểu có mặt"
