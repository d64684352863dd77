"""Setting a conference up from the campaign's rules: name, window, session, venue, format and
cap (Plan §II.2.1 communes, §II.2.2 district). Every value read comes from the campaign's rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from thidua.campaigns import rules as campaign_rules
from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import Assignment, Campaign, LevelRule
from thidua.conferences import rules, selectors
from thidua.conferences.enums import ConferenceFormat, Session
from thidua.conferences.models import AgendaItem, Conference
from thidua.conferences.services.common import (
    actor,
    cap_text,
    clock,
    format_text,
    locked,
    refuse_if_approved,
    require,
    window_text,
)
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.units.models import Unit


def _rule_and_assignment(campaign: Campaign, unit: Unit) -> tuple[LevelRule, Assignment | None]:
    status = Campaign.objects.filter(pk=campaign.pk).values_list("status", flat=True).first()
    if status != CampaignStatus.ISSUED:  # read now: the instance passed in may be stale
        raise ConflictError(
            "conferences.campaign_not_issued",
            _("Kế hoạch chưa ban hành hoặc đã kết thúc: chưa thể tổ chức hội nghị."),
        )
    rule = selectors.rule_for(campaign, unit)
    if rule is None:
        raise DomainError(
            "conferences.no_level_rule",
            _("Kế hoạch không quy định hội nghị cho cấp của đơn vị này."),
        )
    assignment = Assignment.objects.filter(
        campaign=campaign, unit=unit, kind=AssignmentKind.HOLD_CONFERENCE
    ).first()
    if assignment is None and unit.pk != campaign.issuer_id:
        raise DomainError(
            "conferences.not_assigned",
            _("Đơn vị không có nhiệm vụ tổ chức hội nghị theo kế hoạch này."),
        )
    return rule, assignment


def check_day(rule: LevelRule, held_on: dt.date) -> None:
    """Refuse a day outside the level's window, with the rule's own text."""
    if not rules.in_window(held_on, rule.window_start, rule.window_end):
        raise DomainError(
            "conferences.outside_window",
            _("Ngày tổ chức %(day)s nằm ngoài thời gian quy định. %(rule)s")
            % {"day": held_on.strftime("%d/%m/%Y"), "rule": window_text(rule)},
        )


def _check_session(session: str) -> None:
    if session not in Session.values:
        raise DomainError("conferences.bad_session", _("Buổi tổ chức phải là sáng hoặc chiều."))


def _text(value: str, code: str, message: str) -> str:
    cleaned = normalize_text(value or "").strip()
    if not cleaned:
        raise DomainError(code, message)
    return cleaned


@transaction.atomic
def create_conference(
    campaign: Campaign,
    unit: Unit,
    *,
    by: Any,
    held_on: dt.date,
    session: str,
    venue: str,
    start_time: dt.time | None = None,
    chosen_format: str = "",
    choice_reason: str = "",
    now: dt.datetime | None = None,
) -> Conference:
    """Set up ``unit``'s conference in ``campaign``, from the rule of the unit's level: its
    name, the window (the day must lie in it), one session, the format from the staff count
    (plenary under the threshold, delegate over it; exactly at it the organizer must choose:
    ``chosen_format`` records the choice with who and when, or the choice stays pending), and
    the agenda from the template (the plan's nine items, timed).

    The unit must hold a "hold conference" assignment of the campaign, or be its issuer.
    Refusals: ``conferences.campaign_not_issued``, ``conferences.no_level_rule``,
    ``conferences.not_assigned``, ``conferences.already_exists``,
    ``conferences.outside_window``, ``conferences.bad_session``, ``conferences.venue_missing``,
    ``conferences.format_fixed_by_rule``, ``conferences.bad_format``.
    """
    require(by, "conferences.manage", unit)
    now = clock(now)
    rule, assignment = _rule_and_assignment(campaign, unit)
    if Conference.objects.filter(campaign=campaign, unit=unit).exists():
        raise ConflictError(
            "conferences.already_exists", _("Đơn vị đã có hội nghị trong kế hoạch này.")
        )
    check_day(rule, held_on)
    _check_session(session)
    venue = _text(venue, "conferences.venue_missing", _("Cần ghi địa điểm tổ chức."))
    template = selectors.agenda_template_for(campaign)
    by_rule = rule.conference_format(unit.staff_count)
    conference = Conference(
        campaign=campaign,
        unit=unit,
        assignment=assignment,
        level=unit.level,
        name=rule.conference_name,
        held_on=held_on,
        session=session,
        start_time=start_time or template.start_of(session),
        session_minutes=template.session_minutes,
        venue=venue,
        staff_count=unit.staff_count,
        format_by_rule=by_rule,
        format="" if by_rule == campaign_rules.ORGANIZER_CHOICE else by_rule,
        created_by=actor(by),
    )
    if chosen_format:
        _record_choice(conference, rule, chosen_format, choice_reason, by, now)
    try:
        with transaction.atomic():
            conference.save()
    except IntegrityError:
        raise ConflictError(
            "conferences.already_exists", _("Đơn vị đã có hội nghị trong kế hoạch này.")
        ) from None
    rows = rules.build_agenda(
        [selectors.filled(campaign, line) for line in campaign.agenda or []],
        [item.as_row() for item in template.items.all()],
        template.default_item_minutes,
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            conference=conference,
            order=order,
            kind=row.kind,
            position=row.position,
            title=selectors.filled(campaign, row.title),
            duration_minutes=row.minutes,
            presenter=row.presenter,
        )
        for order, row in enumerate(rows, start=1)
    )
    record_audit(
        "conferences.conference.created",
        by=by,
        unit=unit,
        target=conference,
        data={
            "held_on": held_on.isoformat(),
            "session": session,
            "staff_count": unit.staff_count,
            "format_by_rule": by_rule,
            "format": conference.format,
            "agenda_items": len(rows),
        },
    )
    return conference


def _record_choice(
    conference: Conference,
    rule: LevelRule,
    chosen: str,
    reason: str,
    by: Any,
    now: dt.datetime,
) -> None:
    if conference.format_by_rule != campaign_rules.ORGANIZER_CHOICE:
        raise DomainError(
            "conferences.format_fixed_by_rule",
            _("Hình thức hội nghị đã do quy định xác định: %(format)s. %(rule)s")
            % {
                "format": ConferenceFormat(conference.format_by_rule).label,
                "rule": format_text(rule),
            },
        )
    if chosen not in ConferenceFormat.values:
        raise DomainError(
            "conferences.bad_format", _("Hình thức phải là Hội nghị toàn thể hoặc đại biểu.")
        )
    conference.format = chosen
    conference.format_chosen_by = actor(by)
    conference.format_chosen_at = now
    conference.format_choice_reason = normalize_text(reason or "").strip()


@transaction.atomic
def choose_format(
    conference: Conference,
    *,
    by: Any,
    chosen_format: str,
    reason: str = "",
    now: dt.datetime | None = None,
) -> Conference:
    """The organizer's choice where the rule does not decide (exactly at the threshold),
    recorded with who and when. A new choice replaces the earlier one (the audit log keeps
    both); changing the format clears a cap decided for the other one.

    Refusals: ``conferences.format_fixed_by_rule`` (with the rule's text),
    ``conferences.bad_format``, ``conferences.list_approved``."""
    require(by, "conferences.manage", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    before = conference.format
    _record_choice(conference, selectors.level_rule(conference), chosen_format, reason, by, now)
    fields = ["format", "format_chosen_by", "format_chosen_at", "format_choice_reason"]
    if before and before != conference.format:
        conference.cap = conference.council_proposed_cap = None
        conference.cap_decided_by = conference.council_proposed_by = None
        conference.cap_decided_at = conference.council_proposed_at = None
        conference.council_proposal_reference = ""
        fields += [
            "cap",
            "cap_decided_by",
            "cap_decided_at",
            "council_proposed_cap",
            "council_proposed_by",
            "council_proposed_at",
            "council_proposal_reference",
        ]
    conference.save(update_fields=[*fields, "updated_at"])
    record_audit(
        "conferences.conference.format_chosen",
        by=by,
        unit=conference.unit,
        target=conference,
        data={
            "format": conference.format,
            "previous": before,
            "staff_count": conference.staff_count,
            "reason": conference.format_choice_reason,
        },
    )
    return conference


def _check_cap(conference: Conference, number: int) -> None:
    if not conference.format:
        raise DomainError(
            "conferences.format_not_chosen",
            _("Đơn vị tổ chức cần lựa chọn hình thức hội nghị trước."),
        )
    rule = selectors.level_rule(conference)
    limit = rule.cap(conference.format)
    if not rules.cap_allowed(number, limit):
        if number < 1:
            raise DomainError("conferences.cap_too_small", _("Số đại biểu phải từ 1 trở lên."))
        raise DomainError(
            "conferences.cap_above_rule",
            _("Số đại biểu %(number)s vượt quy định. %(rule)s")
            % {"number": number, "rule": cap_text(rule, conference.format)},
        )


@transaction.atomic
def propose_cap(
    conference: Conference,
    *,
    by: Any,
    proposed: int,
    reference: str = "",
    now: dt.datetime | None = None,
) -> Conference:
    """Record the council's proposed number of delegates for a delegate conference (Plan
    §II.2.1: "do đơn vị tổ chức quyết định trên cơ sở đề xuất của Thường trực Hội đồng Thi
    đua - Khen thưởng"), with the proposing document's reference.

    Refusals: ``conferences.format_not_chosen``, ``conferences.proposal_not_needed`` (not a
    delegate conference), ``conferences.cap_too_small``, ``conferences.cap_above_rule``,
    ``conferences.list_approved``."""
    require(by, "conferences.propose_cap", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    _check_cap(conference, proposed)
    if conference.format != ConferenceFormat.DELEGATE:
        raise DomainError(
            "conferences.proposal_not_needed",
            _("Chỉ Hội nghị đại biểu cần đề xuất số lượng đại biểu của Hội đồng TĐKT."),
        )
    conference.council_proposed_cap = proposed
    conference.council_proposal_reference = normalize_text(reference or "").strip()
    conference.council_proposed_by = actor(by)
    conference.council_proposed_at = now
    conference.save(
        update_fields=[
            "council_proposed_cap",
            "council_proposal_reference",
            "council_proposed_by",
            "council_proposed_at",
            "updated_at",
        ]
    )
    record_audit(
        "conferences.conference.cap_proposed",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"proposed": proposed, "reference": conference.council_proposal_reference},
    )
    return conference


@transaction.atomic
def decide_cap(
    conference: Conference, *, by: Any, cap: int, now: dt.datetime | None = None
) -> Conference:
    """The organizer sets the most delegates: at most the rule's limit for the format (200
    for a commune delegate conference, 300 for the district); a delegate conference needs the
    council's proposal first. The decision and the proposal are both kept.

    Refusals: ``conferences.format_not_chosen``, ``conferences.cap_needs_proposal``,
    ``conferences.cap_too_small``, ``conferences.cap_above_rule`` (with the rule's text),
    ``conferences.list_approved``."""
    require(by, "conferences.manage", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    _check_cap(conference, cap)
    if conference.format == ConferenceFormat.DELEGATE and conference.council_proposed_cap is None:
        raise DomainError(
            "conferences.cap_needs_proposal",
            _(
                "Hội nghị đại biểu: cần ghi nhận đề xuất số lượng của Thường trực Hội đồng Thi "
                "đua - Khen thưởng trước khi quyết định."
            ),
        )
    conference.cap = cap
    conference.cap_decided_by = actor(by)
    conference.cap_decided_at = now
    conference.save(update_fields=["cap", "cap_decided_by", "cap_decided_at", "updated_at"])
    record_audit(
        "conferences.conference.cap_decided",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"cap": cap, "proposed": conference.council_proposed_cap},
    )
    return conference


EDITABLE = ("held_on", "session", "start_time", "venue")


@transaction.atomic
def update_conference(conference: Conference, *, by: Any, **changes: Any) -> Conference:
    """Change the day, session, start time or venue (the day stays inside the window).

    Refusals: ``conferences.outside_window``, ``conferences.bad_session``,
    ``conferences.venue_missing``, ``conferences.unknown_field``."""
    require(by, "conferences.manage", conference.unit)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise DomainError(
            "conferences.unknown_field",
            _("Không sửa được: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
        )
    conference = locked(conference)
    rule = selectors.level_rule(conference)
    if "held_on" in changes:
        check_day(rule, changes["held_on"])
    if "session" in changes:
        _check_session(changes["session"])
        if "start_time" not in changes and changes["session"] != conference.session:
            template = selectors.agenda_template_for(conference.campaign)
            changes["start_time"] = template.start_of(changes["session"])
    if "venue" in changes:
        changes["venue"] = _text(
            changes["venue"], "conferences.venue_missing", _("Cần ghi địa điểm tổ chức.")
        )
    diff = {
        name: [str(getattr(conference, name)), str(value)]
        for name, value in changes.items()
        if getattr(conference, name) != value
    }
    if not diff:
        return conference
    for name in diff:
        setattr(conference, name, changes[name])
    conference.save(update_fields=[*diff, "updated_at"])
    record_audit(
        "conferences.conference.updated",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"changes": diff},
    )
    return conference
