"""The demo's delegates upward (thidua/demo/loader.py calls ``ensure_elections``).

* Huyện Kim Bảng allocates 30 seats of its conference among its communes in proportion to
  their staff counts (Hamilton, at least 1 each), with at least 30% women.
* Xã Đại Cương (plenary conference, 27/02/2025): its honorees and guests on the list, checked
  in at the door (the check-in app records ``checked_in_at``; set directly here), the quota's
  nominees put forward, a show of hands per candidate, closed and certified by the chair with
  the minutes (Biên bản kiểm phiếu): the elected appear in the district conference's pool.

Everything goes through the services (the system as actor); a second load changes nothing.
"""

from __future__ import annotations

import datetime as dt

from thidua.campaigns.models import Campaign
from thidua.conferences import services as conference_services
from thidua.conferences.demo import VN, _campaign
from thidua.conferences.models import Conference, Delegate
from thidua.elections import selectors, services
from thidua.elections.enums import PollStatus
from thidua.elections.models import Allocation, Poll
from thidua.honorees.models import Honoree
from thidua.units.enums import UnitSource
from thidua.units.models import Unit

COMMUNE_CODE = "13390"  # Xã Đại Cương
SEATS = 30
CHECK_IN = dt.datetime(2025, 2, 27, 7, 40, tzinfo=VN)
OPENING = dt.datetime(2025, 2, 27, 10, 15, tzinfo=VN)
CLOSING = dt.datetime(2025, 2, 27, 10, 30, tzinfo=VN)
CERTIFIED = dt.datetime(2025, 2, 27, 10, 45, tzinfo=VN)

# (category, name, position, gender, direct producer)
PEOPLE: tuple[tuple[str, str, str, str, bool], ...] = (
    ("guest", "Trần Thị Hoa", "Chi hội trưởng Phụ nữ thôn Thịnh Châu", "female", True),
    ("leader", "Nguyễn Văn Hùng", "Chủ tịch UBND xã", "male", False),
    ("leader", "Lê Thị Thanh", "Chủ tịch Ủy ban MTTQ Việt Nam xã", "female", False),
    ("guest", "Phạm Văn Toàn", "Trưởng thôn Đại Cương", "male", True),
    ("guest", "Đỗ Thị Nhung", "Giáo viên Trường Mầm non Đại Cương", "female", False),
    ("guest", "Vũ Văn Quang", "Chủ nhiệm HTX Nông nghiệp Đại Cương", "male", True),
    ("guest", "Hoàng Thị Yến", "Bí thư Đoàn xã", "female", False),
    ("guest", "Bùi Văn Nam", "Chủ tịch Hội Cựu chiến binh xã", "male", False),
)
ABSENT = 1  # the last person on the list did not come


def ensure_allocation(campaign: Campaign, district: Unit) -> Allocation:
    found = Allocation.objects.filter(campaign=campaign, unit=district).first()
    if found is not None:
        return found
    return services.allocate(
        campaign,
        district,
        by=None,
        seats=SEATS,
        method="hamilton",
        weight_source="staff",
        min_per_unit=1,
        categories=[
            {"feature": "gender", "value": "female", "share": "0.3", "label": "đại biểu nữ"}
        ],
        note="Theo đề nghị của Phòng Nội vụ huyện.",
    )


def _list(conference: Conference) -> list[Delegate]:
    for honoree in Honoree.objects.filter(unit__path__startswith=conference.unit.path).order_by(
        "pk"
    ):
        if not conference.delegates.filter(honoree=honoree).exists():
            conference_services.add_honoree_delegate(conference, by=None, honoree_id=honoree.pk)
    for category, name, position, gender, direct in PEOPLE:
        if not conference.delegates.filter(name=name).exists():
            conference_services.add_manual_delegate(
                conference,
                by=None,
                category=category,
                name=name,
                position=position,
                organization=conference.unit.name,
                gender=gender,
                direct_producer=direct,
            )
    people = list(conference.delegates.order_by("pk"))
    Delegate.objects.filter(pk__in=[p.pk for p in people[:-ABSENT]]).update(checked_in_at=CHECK_IN)
    return people


def ensure_elections() -> str:
    """Build what is missing; returns a line for the loader's log."""
    campaign = _campaign()
    if campaign is None:
        return "không có kế hoạch mẫu"
    allocation = ensure_allocation(campaign, campaign.issuer)
    commune = Unit.objects.get(source=UnitSource.LOCAL, code=COMMUNE_CODE)
    conference = Conference.objects.filter(campaign=campaign, unit=commune).first()
    if conference is None:
        return f"phân bổ {allocation.seats} đại biểu"
    if not Poll.objects.filter(conference=conference, status=PollStatus.CERTIFIED).exists():
        _vote(conference, allocation.seats_of(commune.pk) or 1)
    elected = Delegate.objects.filter(
        conference=conference, certified_upward_at__isnull=False
    ).count()
    return (
        f"phân bổ {allocation.seats} đại biểu; {commune.name} cử {elected} người "
        f"(biểu quyết giơ tay, đã chứng nhận)"
    )


def _vote(conference: Conference, quota: int) -> None:
    Poll.objects.filter(conference=conference).exclude(status=PollStatus.CERTIFIED).delete()
    people = _list(conference)
    wanted = [p for p in people if p.honoree_id and p.direct_producer][:1]
    wanted += [p for p in people if p.gender == "female" and p.direct_producer][: max(quota - 1, 0)]
    wanted += [p for p in people if p not in wanted][: max(quota + 1 - len(wanted), 0)]
    existing = set(selectors.nominees_of(conference).values_list("delegate_id", flat=True))
    fresh = [p.pk for p in wanted if p.pk not in existing]
    if fresh:
        services.nominate(conference, by=None, delegate_ids=fresh)
    poll = services.create_poll(conference, by=None, procedure="hands", seats=quota)
    services.open_poll(poll, by=None, now=OPENING)
    poll.refresh_from_db()
    present = poll.present or 0
    counts = {}
    for index, candidate in enumerate(poll.candidates.all()):
        yes = present - 1 - index if index < quota else present // 3
        counts[str(candidate.pk)] = (yes, present - yes, 0)
    services.record_hands(poll, by=None, counts=counts)
    services.close_poll(poll, by=None, now=CLOSING)
    services.certify(poll, by=None, now=CERTIFIED)
