"""Issuing a campaign: every unit below that must act receives its assignments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns import deadlines
from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import Assignment, Campaign, LevelRule
from thidua.campaigns.services.common import clock, organizers_by_unit, require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.notifications.services import notify_many
from thidua.units.enums import UnitLevel
from thidua.units.models import Unit

# Top to bottom. The level that acts for a campaign is the first level below its issuer that
# holds a conference under the campaign's rules: a province's 3-level campaign reaches the
# districts (each then derives its own plan for its communes, R1); a 2-level one, the communes.
LEVEL_ORDER = (UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)


def acting_rule(campaign: Campaign, rules: list[LevelRule] | None = None) -> LevelRule | None:
    """The level rule of the units that receive this campaign's assignments, if any."""
    rules = list(campaign.level_rules.all()) if rules is None else rules
    issuer_rank = LEVEL_ORDER.index(campaign.issuer.level)
    below = [r for r in rules if r.holds_conference and LEVEL_ORDER.index(r.level) > issuer_rank]
    return min(below, key=lambda r: LEVEL_ORDER.index(r.level), default=None)


def deadline_for(kind: str, campaign: Campaign, rule: LevelRule) -> dt.datetime:
    """The first late instant of an assignment of ``kind`` (deadlines.py does the arithmetic).

    * plan: the campaign's plan deadline ("trước ngày 16/12/2024": late from 16/12 00:00);
    * conference: the day after the level's window (Q1/2025: late from 01/4/2025 00:00);
    * results: ``report_due_days`` days after the window, inclusive.
    """
    if kind == AssignmentKind.SUBMIT_PLAN:
        return deadlines.late_from(campaign.plan_deadline, campaign.plan_deadline_mode)
    if rule.window_end is None:
        raise DomainError(
            "campaigns.window_missing",
            _("Chưa xác định thời gian tổ chức hội nghị của %(level)s.")
            % {"level": rule.get_level_display()},
        )
    if kind == AssignmentKind.HOLD_CONFERENCE:
        return deadlines.window_late_from(rule.window_end)
    return deadlines.results_late_from(rule.window_end, rule.report_due_days)


def target_units(campaign: Campaign, rule: LevelRule, on: dt.date) -> list[Unit]:
    """The units below the issuer, at the acting level and of the rule's kinds, valid on ``on``."""
    units = (
        Unit.objects.subtree_of(campaign.issuer)
        .exclude(pk=campaign.issuer_id)
        .filter(level=rule.level)
        .valid_on(on)
    )
    if rule.unit_kinds:
        units = units.filter(kind__in=rule.unit_kinds)
    return list(units.only("pk", "path", "name"))


@transaction.atomic
def issue_campaign(campaign: Campaign, *, by: Any, now: dt.datetime | None = None) -> int:
    """Issue a draft campaign: for every unit that must act, three assignments (submit the
    plan by the deadline, hold the conference within the window, report the results after
    it), and a notification to each unit's organizers. Returns the number of units reached.

    Units are those valid on the day of issue (a 2024 plan reaches the 2024 communes).
    Refusals: ``campaigns.already_issued``, ``campaigns.no_acting_level``,
    ``campaigns.window_missing``, ``campaigns.no_units``.
    """
    require(by, "campaigns.manage", campaign.issuer)
    now = clock(now)
    campaign = Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)
    if campaign.status != CampaignStatus.DRAFT:
        raise ConflictError("campaigns.already_issued", _("Kế hoạch này đã được ban hành."))
    rule = acting_rule(campaign)
    if rule is None:
        raise DomainError(
            "campaigns.no_acting_level",
            _("Quy định của kế hoạch không có cấp nào dưới đơn vị ban hành tổ chức hội nghị."),
        )
    late = {kind: deadline_for(kind, campaign, rule) for kind in AssignmentKind.values}
    units = target_units(campaign, rule, timezone.localdate(now))
    if not units:
        raise DomainError(
            "campaigns.no_units", _("Không có đơn vị nào thuộc cấp phải thực hiện kế hoạch.")
        )
    Assignment.objects.bulk_create(
        [
            Assignment(
                campaign=campaign,
                unit=unit,
                kind=kind,
                level=rule.level,
                late_from=late[kind],
                window_start=rule.window_start if kind != AssignmentKind.SUBMIT_PLAN else None,
                window_end=rule.window_end if kind != AssignmentKind.SUBMIT_PLAN else None,
            )
            for unit in units
            for kind in AssignmentKind.values
        ],
        batch_size=2000,
    )
    campaign.status = CampaignStatus.ISSUED
    campaign.issued_at = now
    campaign.issued_by = by if getattr(by, "is_authenticated", False) else None
    campaign.save(update_fields=["status", "issued_at", "issued_by", "updated_at"])
    record_audit(
        "campaigns.campaign.issued",
        by=by,
        unit=campaign.issuer,
        target=campaign,
        data={"units": len(units), "level": rule.level},
    )
    _tell_units(campaign, [u.pk for u in units])
    return len(units)


def _tell_units(campaign: Campaign, unit_ids: list[int]) -> None:
    link = reverse("campaigns:assignment-list") + f"?campaign={campaign.pk}"
    title = _("Kế hoạch mới: %(name)s") % {"name": campaign.name}
    body = _(
        "%(issuer)s giao nhiệm vụ: gửi kế hoạch %(deadline)s, tổ chức hội nghị, báo cáo kết quả."
    ) % {
        "issuer": campaign.issuer.name,
        "deadline": deadlines.deadline_phrase(campaign.plan_deadline, campaign.plan_deadline_mode),
    }
    rows = [
        (user, unit_id) for unit_id, users in organizers_by_unit(unit_ids).items() for user in users
    ]
    notify_many(rows, title=title, body=body, link=link, key=f"campaigns.issued:{campaign.pk}")
