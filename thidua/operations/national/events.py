"""The national campaign of the synthetic country, its commune conferences, their delegates
(with check-ins) and what the communes sent back (plans, results reports with budgets and
award tallies).

The campaign is created and issued by the real services (the preset's rules, deadlines and
assignments); the progress that follows is written in bulk, consistent with it: a conference
held before ``NOW`` has its "hold conference" assignment accepted, its delegates checked in, and
perhaps its results reported.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from thidua.campaigns import rules as campaign_rules
from thidua.campaigns import services as campaign_services
from thidua.campaigns.models import (
    Assignment,
    AwardTally,
    Campaign,
    CampaignPreset,
    Feedback,
    ResultsReport,
    Submission,
)
from thidua.campaigns.services.presets import restore_presets
from thidua.conferences.models import AgendaTemplate, Conference, Delegate
from thidua.operations.national import distributions as dist
from thidua.operations.national.names import person_name
from thidua.operations.national.people import People, Place
from thidua.operations.national.writer import Progress, RowWriter, next_id, reset_sequences
from thidua.units.models import Unit

GENERATOR_USER = "du-lieu-mau-quoc-gia"
COMMUNE_KINDS = ["commune", "ward", "township"]


def generator_user():
    """The (inactive) account the synthetic submissions are sent by."""
    user, _ = get_user_model().objects.get_or_create(
        username=GENERATOR_USER, defaults={"is_active": False, "first_name": "Dữ liệu mẫu"}
    )
    return user


def national_campaign(root: Unit) -> Campaign:
    """The two-level preset issued by the centre to every commune (the province level holds
    its congress later and gets no assignment in this campaign)."""
    restore_presets()
    campaign = campaign_services.create_campaign(
        preset=CampaignPreset.objects.get(code=dist.PRESET),
        issuer=root,
        by=None,
        name="Hội nghị điển hình tiên tiến cấp xã năm 2025 (dữ liệu mẫu toàn quốc)",
    )
    campaign_services.update_level_rule(
        campaign.level_rules.get(level="province"), by=None, holds_conference=False
    )
    campaign_services.update_level_rule(
        campaign.level_rules.get(level="commune"), by=None, unit_kinds=COMMUNE_KINDS
    )
    campaign_services.issue_campaign(campaign, by=None, now=dist.ISSUED)
    return Campaign.objects.get(pk=campaign.pk)


@dataclass
class Held:
    """One generated conference, as later steps need it."""

    conference_id: int
    unit_id: int
    held_on: dt.date
    held: bool
    approved: bool
    delegates: int = 0
    # Check-in tallies for the results report: honorees, guests, leaders, women, men, direct.
    present: tuple[int, int, int, int, int, int] = (0, 0, 0, 0, 0, 0)


def generate_conferences(
    campaign: Campaign, places_: list[Place], wanted: int, rng: random.Random, progress: Progress
) -> list[Held]:
    rule = campaign.level_rules.get(level="commune")
    template = AgendaTemplate.objects.filter(code="default").first()
    start = template.morning_start if template else dt.time(7, 30)
    minutes = template.session_minutes if template else 210
    by_unit = {p.id: p for p in places_}
    assignments = list(
        Assignment.objects.filter(campaign=campaign, kind="hold_conference", unit_id__in=by_unit)
        .order_by("unit__path")
        .values_list("pk", "unit_id")
    )
    if wanted < len(assignments):
        assignments = sorted(rng.sample(assignments, wanted), key=lambda a: by_unit[a[1]].path)
    today = dist.NOW.date()
    window_start = rule.window_start or today - dt.timedelta(days=30)
    window_end = rule.window_end or today + dt.timedelta(days=10)
    held_days = max(1, (today - window_start).days)
    later_days = max(1, (window_end - today).days)
    columns = [
        "id",
        "campaign_id",
        "unit_id",
        "assignment_id",
        "level",
        "name",
        "held_on",
        "session",
        "start_time",
        "session_minutes",
        "venue",
        "status",
        "staff_count",
        "format_by_rule",
        "format",
        "format_choice_reason",
        "council_proposed_cap",
        "council_proposal_reference",
        "cap",
        "cap_decided_at",
        "agenda_accepted_at",
        "list_approved_at",
        "list_override_reason",
        "list_override_failures",
        "created_at",
        "updated_at",
    ]
    result: list[Held] = []
    pk = next_id(Conference)
    progress.start("conferences", len(assignments))
    with RowWriter(Conference, columns, progress) as out:
        for assignment_id, unit_id in assignments:
            place = by_unit[unit_id]
            held = rng.random() < dist.HELD_SHARE
            if held:
                held_on = window_start + dt.timedelta(days=rng.randrange(held_days))
            else:
                held_on = today + dt.timedelta(days=1 + rng.randrange(later_days))
            approved = held or rng.random() < dist.APPROVED_SHARE_NOT_HELD
            staff = int(rng.triangular(40, 420, 150))
            by_rule = campaign_rules.conference_format(
                staff, rule.staff_threshold, rule.at_threshold
            )
            chosen = by_rule if by_rule != campaign_rules.ORGANIZER_CHOICE else "delegate"
            cap = campaign_rules.delegate_cap(chosen, rule.delegate_cap, rule.max_delegates)
            decided = _at(held_on - dt.timedelta(days=20), dt.time(9))
            approved_at = _at(held_on - dt.timedelta(days=7), dt.time(15)) if approved else None
            out.write(
                (
                    pk,
                    campaign.pk,
                    unit_id,
                    assignment_id,
                    place.level,
                    rule.conference_name,
                    held_on,
                    "morning",
                    start,
                    minutes,
                    f"Hội trường Ủy ban nhân dân {place.name}",
                    "list_approved" if approved else "preparing",
                    staff,
                    by_rule,
                    chosen,
                    "Đơn vị lựa chọn hội nghị đại biểu." if by_rule != chosen else "",
                    cap,
                    "",
                    cap,
                    decided,
                    decided,
                    approved_at,
                    "",
                    "[]",
                    dist.GENERATED_AT,
                    dist.GENERATED_AT,
                )
            )
            result.append(Held(pk, unit_id, held_on, held, approved))
            pk += 1
    progress.finish()
    reset_sequences(Conference)
    return result


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=dist.VN)


def generate_delegates(
    conferences: list[Held],
    people: People,
    places_: list[Place],
    total: int,
    checkins: int,
    rng: random.Random,
    progress: Progress,
) -> int:
    """Delegates of every conference; exactly ``checkins`` of those on the list of a held
    conference are checked in (selection sampling), or all of them if fewer. Returns the
    number checked in."""
    sizes = dist.apportion(total, [rng.uniform(0.8, 1.2) for _ in conferences], rng)
    for conference, size in zip(conferences, sizes, strict=True):
        conference.delegates = size
    eligible = sum(c.delegates for c in conferences if c.held)
    remaining = min(checkins, eligible)
    by_unit = {p.id: p for p in places_}
    columns = [
        "conference_id",
        "category",
        "origin",
        "honoree_id",
        "status",
        "required",
        "name",
        "representative",
        "position",
        "organization",
        "gender",
        "direct_producer",
        "economic_sector",
        "field",
        "component",
        "titles",
        "merit",
        "phone",
        "email",
        "token",
        "invited_at",
        "responded_at",
        "badge_number",
        "checked_in_at",
        "certified_upward_note",
        "created_at",
        "updated_at",
    ]
    leader_comp = _code_index(people.component_codes, "can-bo-cong-chuc-vien-chuc")
    state_sector = _code_index(people.sector_codes, "kinh-te-nha-nuoc")
    politics = _code_index(people.field_codes, "xay-dung-dang-va-he-thong-chinh-tri")
    checked = 0
    progress.start("delegates", total)
    with RowWriter(Delegate, columns, progress) as out:
        for conference in conferences:
            place = by_unit[conference.unit_id]
            first, available = people.ranges.get(conference.unit_id, (people.first, 0))
            size = conference.delegates
            honorees = min(round(size * dist.HONOREE_DELEGATE_SHARE), available)
            leaders = round((size - honorees) * dist.LEADER_SHARE_OF_OTHERS)
            chosen = rng.sample(range(first, first + available), honorees)
            invited = (
                _at(conference.held_on - dt.timedelta(days=6), dt.time(8))
                if conference.approved
                else None
            )
            tally = [0, 0, 0, 0, 0, 0]
            badge = 0
            for slot in range(size):
                row = _person(slot, honorees, leaders, chosen, people, rng, place)
                row_gender, row_direct = row[3], row[4]
                status, responded, checked_at = "listed", None, None
                if conference.held:
                    if rng.random() * eligible < remaining:
                        status = "checked_in"
                        minute = rng.randrange(45)
                        checked_at = _at(conference.held_on, dt.time(7, minute))
                        responded = invited + dt.timedelta(days=1) if invited else None
                        remaining -= 1
                        checked += 1
                        tally[{"honoree": 0, "guest": 1, "leader": 2}[row[0]]] += 1
                        if row_gender == "female":
                            tally[3] += 1
                        elif row_gender == "male":
                            tally[4] += 1
                        tally[5] += bool(row_direct)
                    else:
                        status = _absent(rng)
                    eligible -= 1
                elif conference.approved:
                    status = rng.choices(
                        ("invited", "confirmed", "declined", "reserve"), (40, 52, 5, 3)
                    )[0]
                elif rng.random() < dist.RESERVE_SHARE:
                    status = "reserve"
                if status in ("confirmed", "declined") and invited:
                    responded = invited + dt.timedelta(days=rng.randint(1, 4))
                on_paper = status not in ("listed", "reserve")
                if on_paper:
                    badge += 1
                category, origin, honoree_id, gender, direct, name, position, extra = row
                out.write(
                    (
                        conference.conference_id,
                        category,
                        origin,
                        honoree_id,
                        status,
                        False,
                        name,
                        extra["representative"],
                        position,
                        extra["organization"],
                        gender,
                        direct,
                        extra.get("sector", people.sector_codes[state_sector]),
                        extra.get("field", people.field_codes[politics]),
                        extra.get("component", people.component_codes[leader_comp]),
                        json.dumps(extra.get("titles", [])),
                        extra.get("merit", Decimal("0.00")),
                        "",
                        "",
                        None,
                        invited if on_paper else None,
                        responded,
                        badge if on_paper else None,
                        checked_at,
                        "",
                        dist.GENERATED_AT,
                        dist.GENERATED_AT,
                    )
                )
            conference.present = (tally[0], tally[1], tally[2], tally[3], tally[4], tally[5])
    progress.finish()
    reset_sequences(Delegate)
    return checked


def _code_index(codes: tuple[str, ...], code: str) -> int:
    return codes.index(code) if code in codes else 0


def _absent(rng: random.Random) -> str:
    draw = rng.random()
    if draw < dist.RESERVE_SHARE:
        return "reserve"
    if draw < dist.RESERVE_SHARE + dist.DECLINED_SHARE:
        return "declined"
    return "confirmed"  # confirmed, did not come


def _person(
    slot: int,
    honorees: int,
    leaders: int,
    chosen: list[int],
    people: People,
    rng: random.Random,
    place: Place,
) -> tuple:
    """(category, origin, honoree id, gender, direct producer, name, position, extra)."""
    if slot < honorees:
        pk = chosen[slot]
        i = pk - people.first
        gender = ("", "male", "female")[people.gender[i]]
        best = people.best_form[i] if len(people.best_form) > i else -1
        received = people.received[i] if len(people.received) > i else 0
        merit = Decimal(received) + Decimal(dist.STAGE_MERIT[tuple(dist.STAGES)[people.stage[i]]])
        extra = {
            "representative": person_name(rng, rng.choice(("male", "female")))
            if people.collective[i]
            else "",
            "organization": place.name,
            "sector": people.sector_codes[people.sector[i]],
            "field": people.field_codes[people.field[i]],
            "component": people.component_codes[people.component[i]],
            "titles": [people.form_codes[best]] if best >= 0 else [],
            "merit": merit.quantize(Decimal("0.01")),
        }
        return ("honoree", "honoree_pool", pk, gender, bool(people.direct[i]),
                people.names[i], "", extra)  # fmt: skip
    gender = "female" if rng.random() < 0.4 else "male"
    if slot < honorees + leaders:
        category, position = "leader", rng.choice(dist.LEADER_POSITIONS)
    else:
        category, position = "guest", rng.choice(dist.GUEST_POSITIONS)
    extra = {"representative": "", "organization": f"{place.name}, {place.district}"}
    return (category, "manual", None, gender, False, person_name(rng, gender), position, extra)


def spread_progress(
    campaign: Campaign, conferences: list[Held], feedback: int, rng: random.Random
) -> dict[str, int]:
    """Assignment states consistent with the conferences, submissions for what was sent, a
    results report (budget, figures from the check-ins, award tallies) per reported conference,
    and ``feedback`` open or answered questions. Returns counts per (kind, state)."""
    user = generator_user()
    held = {c.unit_id: c for c in conferences}
    rows = list(
        Assignment.objects.filter(campaign=campaign)
        .order_by("pk")
        .values_list("pk", "unit_id", "kind", "late_from")
    )
    changes: dict[tuple, list[int]] = defaultdict(list)
    sent: list[tuple[int, dt.datetime, bool, str, Held | None]] = []
    plan_states = [(s, late) for s, late, _ in dist.PLAN_STATES]
    plan_weights = [w for *_, w in dist.PLAN_STATES]
    for pk, unit_id, kind, late_from in rows:
        conference = held.get(unit_id)
        done = conference is not None and conference.held
        if kind == "submit_plan":
            state, late = rng.choices(
                plan_states, [*plan_weights[:-1], 0 if done else plan_weights[-1]]
            )[0]
            if state == "pending":
                continue
            at = late_from + dt.timedelta(days=2) if late else late_from - dt.timedelta(days=5)
        elif kind == "hold_conference":
            if not done:
                continue
            state, late, at = "accepted", False, _at(conference.held_on, dt.time(11))  # type: ignore[union-attr]
        else:
            if not done or rng.random() >= dist.REPORT_SHARE:
                continue
            assert conference is not None
            delay = rng.randint(1, 12)
            at = _at(conference.held_on + dt.timedelta(days=delay), dt.time(16))
            at = min(at, dist.NOW - dt.timedelta(hours=1))
            late = at >= late_from
            state = "accepted" if rng.random() < 0.6 else "submitted"
        accepted = at + dt.timedelta(days=1) if state == "accepted" else None
        if kind == "hold_conference":  # not reviewed: done once recorded
            accepted = at
        elif accepted is not None and accepted > dist.NOW:
            state, accepted = "submitted", None
        changes[(state, at, late, accepted)].append(pk)
        if kind != "hold_conference":
            sent.append((pk, at, late, state, conference if kind == "report_results" else None))
    counts: dict[str, int] = defaultdict(int)
    with transaction.atomic():
        for (state, at, late, accepted), ids in changes.items():
            for start in range(0, len(ids), 5000):
                Assignment.objects.filter(pk__in=ids[start : start + 5000]).update(
                    state=state,
                    first_submitted_at=at,
                    last_submitted_at=at,
                    submitted_late=late,
                    accepted_at=accepted,
                )
            counts[state] += len(ids)
        _submissions(sent, user, rng)
        units = sorted(held)
        Feedback.objects.bulk_create(
            [
                Feedback(
                    campaign=campaign,
                    unit_id=unit_id,
                    subject="Vướng mắc về cơ cấu đại biểu",
                    created_by=user,
                    status=rng.choice(["open", "answered", "closed"]),
                )
                for unit_id in rng.sample(units, min(feedback, len(units)))
            ],
            batch_size=2000,
        )
    return dict(counts)


BUDGET_PER_DELEGATE = (150_000, 400_000)  # đồng
TALLY_FORMS = (
    ("Giấy khen của Chủ tịch Ủy ban nhân dân xã", 1, 12),
    ("Danh hiệu Lao động tiên tiến", 0, 20),
    ("Danh hiệu Tập thể lao động tiên tiến", 3, 0),
)


def _submissions(
    sent: list[tuple[int, dt.datetime, bool, str, Held | None]], user: object, rng: random.Random
) -> None:
    first = next_id(Submission)
    submission_columns = [
        "id",
        "assignment_id",
        "version",
        "status",
        "submitted_at",
        "submitted_by_id",
        "is_late",
        "note",
        "document_number",
        "document_date",
        "file",
        "file_name",
        "file_type",
        "file_sha256",
        "held_on",
        "reviewed_at",
        "review_reason",
    ]
    reports: list[tuple[int, Held]] = []
    with RowWriter(Submission, submission_columns) as out:
        for offset, (assignment_id, at, late, state, conference) in enumerate(sent):
            status = {"accepted": "accepted", "returned": "returned"}.get(state, "submitted")
            reviewed = at + dt.timedelta(days=1) if status != "submitted" else None
            out.write(
                (
                    first + offset,
                    assignment_id,
                    1,
                    status,
                    at,
                    user.pk,  # type: ignore[attr-defined]
                    late,
                    "",
                    f"{rng.randint(1, 300)}/KH-UBND"
                    if conference is None
                    else f"{rng.randint(1, 300)}/BC-UBND",
                    at.date(),
                    "",
                    "",
                    "",
                    "",
                    conference.held_on if conference else None,
                    reviewed,
                    "Đề nghị bổ sung cơ cấu đại biểu." if status == "returned" else "",
                )
            )
            if conference is not None:
                reports.append((first + offset, conference))
    reset_sequences(Submission)
    report_first = next_id(ResultsReport)
    report_columns = [
        "id",
        "submission_id",
        "held_on",
        "honorees_present",
        "guests_present",
        "leaders_present",
        "women_present",
        "men_present",
        "direct_producers_present",
        "presentations_given",
        "delegates_sent_upward",
        "planned_budget",
        "actual_cost",
    ]
    with RowWriter(ResultsReport, report_columns) as out:
        for offset, (submission_id, conference) in enumerate(reports):
            honorees, guests, leaders, women, men, direct = conference.present
            planned = conference.delegates * rng.randrange(*BUDGET_PER_DELEGATE, 10_000)
            actual = int(planned * rng.uniform(0.8, 1.08)) // 1000 * 1000
            out.write(
                (
                    report_first + offset,
                    submission_id,
                    conference.held_on,
                    honorees,
                    guests,
                    leaders,
                    women,
                    men,
                    direct,
                    rng.randint(3, 8),
                    rng.randint(2, 6),
                    planned,
                    actual,
                )
            )
    reset_sequences(ResultsReport)
    with RowWriter(AwardTally, ["report_id", "form", "collectives", "individuals"]) as out:
        for offset in range(len(reports)):
            for form, collectives, individuals in TALLY_FORMS:
                out.write(
                    (
                        report_first + offset,
                        form,
                        rng.randint(0, collectives * 2),
                        rng.randint(0, individuals * 2),
                    )
                )
