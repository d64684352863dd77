"""Every value of a campaign stays editable, and every change is audited (before -> after).

A change of the plan deadline or of a level's window after issue moves the deadlines of the
assignments already given, and re-decides which submissions were late.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.campaigns import deadlines, selectors
from thidua.campaigns.enums import (
    AssignmentKind,
    AtThreshold,
    CampaignStatus,
    CompositionFeature,
    DeadlineMode,
    RuleUnit,
)
from thidua.campaigns.models import (
    Assignment,
    Campaign,
    CampaignTask,
    CompositionRule,
    LevelRule,
    Submission,
)
from thidua.campaigns.services.common import require
from thidua.campaigns.services.issuing import deadline_for
from thidua.campaigns.services.presets import CAMPAIGN_FIELDS, COMPOSITION_FIELDS, LEVEL_FIELDS
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import normalize_text

# Which levels act and which unit kinds they include decide who got assignments: fixed at issue.
LOCKED_AFTER_ISSUE = frozenset({"holds_conference", "unit_kinds", "level"})
MAX_REMINDER_DAYS = 90


def _shown(value: Any) -> Any:
    """An audit-friendly rendering of a value (JSON-serialisable, short)."""
    if value is None or isinstance(value, bool | int | str):
        return value if not isinstance(value, str) else value[:200]
    if isinstance(value, list | dict):
        return "…" if len(str(value)) > 200 else value
    return str(value)


def _diff(obj: Any, changes: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [_shown(getattr(obj, name)), _shown(value)]
        for name, value in changes.items()
        if getattr(obj, name) != value
    }


def _bad(code: str, message: str) -> DomainError:
    return DomainError(code, message)


# --- the campaign itself -------------------------------------------------------------------------


YEAR_FIELDS = (
    "review_period_start",
    "review_period_end",
    "direction_period_start",
    "direction_period_end",
    "previous_period_start",
    "previous_period_end",
)


def _check_years(values: dict[str, Any]) -> None:
    """Years and dates inside CAMPAIGNS_YEAR_RANGE: a deadline in year 204 (schemathesis sent
    one) would be stored, then shown with the 1906 local-mean-time offset (+07:06:30), and a
    year past 32767 would not fit the column."""
    low, high = settings.CAMPAIGNS_YEAR_RANGE
    years = [values.get(name) for name in YEAR_FIELDS]
    years += [getattr(values.get(name), "year", None) for name in ("plan_deadline", "plan_date")]
    if any(year is not None and not low <= year <= high for year in years):
        raise _bad(
            "campaigns.bad_year",
            _("Năm phải trong khoảng %(low)s–%(high)s.") % {"low": low, "high": high},
        )


def _check_campaign(values: dict[str, Any]) -> None:
    _check_years(values)
    for start, end in (
        ("review_period_start", "review_period_end"),
        ("direction_period_start", "direction_period_end"),
        ("previous_period_start", "previous_period_end"),
    ):
        low, high = values.get(start), values.get(end)
        if low is not None and high is not None and low > high:
            raise _bad("campaigns.bad_period", _("Năm bắt đầu giai đoạn phải trước năm kết thúc."))
    if values.get("plan_deadline_mode") not in DeadlineMode.values:
        raise _bad("campaigns.bad_deadline_mode", _("Cách tính hạn không hợp lệ."))
    if values.get("plan_deadline") is None:
        raise _bad("campaigns.deadline_required", _("Cần có hạn gửi kế hoạch."))
    days = values.get("reminder_days") or []
    if not isinstance(days, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and 0 < d <= MAX_REMINDER_DAYS for d in days
    ):
        raise _bad(
            "campaigns.bad_reminder_days",
            _("Số ngày nhắc trước hạn phải là các số nguyên từ 1 đến %(max)s.")
            % {"max": MAX_REMINDER_DAYS},
        )
    for name in ("recipients", "agenda"):
        if not isinstance(values.get(name), list) or not all(
            isinstance(line, str) for line in values[name]
        ):
            raise _bad("campaigns.bad_list", _("Danh sách không hợp lệ."))
    narrative = values.get("narrative")
    if not isinstance(narrative, dict):
        raise _bad("campaigns.bad_narrative", _("Nội dung văn bản không hợp lệ."))
    if not normalize_text(values.get("name") or ""):
        raise _bad("campaigns.name_required", _("Tên kế hoạch không được để trống."))
    if values.get("congress_ordinal") == 0:
        raise _bad("campaigns.bad_ordinal", _("Lần thứ của đại hội phải từ 1 trở lên."))


@transaction.atomic
def update_campaign(campaign: Campaign, *, by: Any, **changes: Any) -> Campaign:
    """Change any of the campaign's values (the fields of a preset, plus the plan's number
    and date). After issue, a new deadline moves the plan assignments' deadlines.

    Refusals: ``campaigns.field_not_editable``, ``campaigns.bad_period``,
    ``campaigns.bad_deadline_mode``, ``campaigns.deadline_required``,
    ``campaigns.bad_reminder_days``, ``campaigns.bad_list``, ``campaigns.bad_narrative``,
    ``campaigns.name_required``, ``campaigns.bad_ordinal``, ``campaigns.plan_number_registered``
    (the number and date of a plan issued on the system come from the number registry).
    """
    require(by, "campaigns.manage", campaign.issuer)
    editable = {*CAMPAIGN_FIELDS, "plan_number", "plan_date"}
    if set(changes) - editable:
        raise _bad("campaigns.field_not_editable", _("Không thể sửa trường này."))
    campaign = Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)
    for name in ("name", "summary", "congress_name"):
        if name in changes:
            changes[name] = normalize_text(changes[name] or "")
    merged = {name: getattr(campaign, name) for name in editable} | changes
    _check_campaign(merged)
    diff = _diff(campaign, changes)
    if not diff:
        return campaign
    if {"plan_number", "plan_date"} & set(diff) and selectors.latest_plan_document(campaign):
        raise _bad(
            "campaigns.plan_number_registered",
            _("Kế hoạch đã phát hành trên hệ thống: số và ngày do sổ đăng ký văn bản cấp."),
        )
    for name in diff:
        setattr(campaign, name, changes[name])
    campaign.save(update_fields=[*diff, "updated_at"])
    record_audit(
        "campaigns.campaign.updated", by=by, unit=campaign.issuer, target=campaign, data=diff
    )
    if campaign.status != CampaignStatus.DRAFT and {"plan_deadline", "plan_deadline_mode"} & set(
        diff
    ):
        refresh_deadlines(campaign)
    return campaign


# --- level rules ----------------------------------------------------------------------------------


def _check_level_rule(rule: LevelRule) -> None:
    if rule.window_start and rule.window_end and rule.window_start > rule.window_end:
        raise _bad("campaigns.bad_window", _("Ngày bắt đầu phải trước ngày kết thúc."))
    if rule.sessions < 1:
        raise _bad("campaigns.bad_sessions", _("Hội nghị có ít nhất 01 buổi."))
    if rule.at_threshold not in AtThreshold.values:
        raise _bad("campaigns.bad_choice", _("Lựa chọn không hợp lệ."))
    if (
        rule.delegate_cap is not None
        and rule.max_delegates is not None
        and rule.delegate_cap > rule.max_delegates
    ):
        raise _bad(
            "campaigns.bad_cap",
            _("Số đại biểu của Hội nghị đại biểu không được vượt số đại biểu tối đa."),
        )
    if not normalize_text(rule.conference_name):
        raise _bad("campaigns.conference_name_required", _("Cần ghi hình thức hội nghị."))


@transaction.atomic
def update_level_rule(rule: LevelRule, *, by: Any, **changes: Any) -> LevelRule:
    """Change a level's rules. After issue, which levels act is fixed
    (``campaigns.locked_after_issue``); a new window or results delay moves the deadlines."""
    campaign = rule.campaign
    require(by, "campaigns.manage", campaign.issuer)
    if set(changes) - set(LEVEL_FIELDS) or "level" in changes:
        raise _bad("campaigns.field_not_editable", _("Không thể sửa trường này."))
    rule = LevelRule.objects.select_for_update().select_related("campaign").get(pk=rule.pk)
    issued = rule.campaign.status != CampaignStatus.DRAFT
    kinds = changes.get("unit_kinds")
    if kinds is not None and sorted(kinds) == sorted(rule.unit_kinds):
        changes["unit_kinds"] = rule.unit_kinds  # the same kinds in another order: no change
    diff = _diff(rule, changes)
    if issued and LOCKED_AFTER_ISSUE & set(diff):
        raise _bad(
            "campaigns.locked_after_issue",
            _("Kế hoạch đã ban hành: không thể đổi cấp, loại đơn vị thực hiện."),
        )
    if not diff:
        return rule
    for name in diff:
        setattr(rule, name, changes[name])
    _check_level_rule(rule)
    rule.save(update_fields=list(diff))
    record_audit(
        "campaigns.level_rule.updated",
        by=by,
        unit=rule.campaign.issuer,
        target=rule,
        data={"level": rule.level, **diff},
    )
    if issued and {"window_start", "window_end", "report_due_days"} & set(diff):
        refresh_deadlines(rule.campaign)
    return rule


# --- composition rules ----------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise _bad("campaigns.bad_number", _("Giá trị số không hợp lệ.")) from exc


def _check_composition(rule: CompositionRule) -> None:
    if rule.feature not in CompositionFeature.values:
        raise _bad("campaigns.bad_feature", _("Tiêu chí không hợp lệ."))
    if rule.unit not in RuleUnit.values:
        raise _bad("campaigns.bad_unit", _("Đơn vị tính không hợp lệ."))
    if not rule.campaign.level_rules.filter(level=rule.level).exists():
        raise _bad("campaigns.unknown_level", _("Kế hoạch không có quy định cho cấp này."))
    if not normalize_text(rule.value):
        raise _bad("campaigns.value_required", _("Cần ghi giá trị của tiêu chí."))
    bounds = [b for b in (rule.min_value, rule.max_value) if b is not None]
    if any(b < 0 for b in bounds):
        raise _bad("campaigns.bad_bounds", _("Giới hạn không được âm."))
    if rule.unit == RuleUnit.SHARE and any(b > 1 for b in bounds):
        raise _bad("campaigns.bad_bounds", _("Tỷ lệ phải trong khoảng 0 đến 100%."))
    if rule.unit == RuleUnit.COUNT and any(b != b.to_integral_value() for b in bounds):
        raise _bad("campaigns.bad_bounds", _("Số người phải là số nguyên."))
    if len(bounds) == 2 and rule.min_value > rule.max_value:  # type: ignore[operator]
        raise _bad("campaigns.bad_bounds", _("Mức tối thiểu không được lớn hơn mức tối đa."))
    if rule.tolerance < 0 or rule.tolerance > Decimal("0.5"):
        raise _bad("campaigns.bad_tolerance", _("Sai số cho phép phải từ 0 đến 50%."))
    if rule.tolerance and rule.unit != RuleUnit.SHARE:
        raise _bad("campaigns.bad_tolerance", _("Sai số chỉ áp dụng cho quy định theo tỷ lệ."))


def _composition_values(changes: dict[str, Any]) -> dict[str, Any]:
    for name in ("min_value", "max_value"):
        if name in changes:
            changes[name] = _decimal(changes[name])
    if "tolerance" in changes:
        changes["tolerance"] = _decimal(changes["tolerance"]) or Decimal(0)
    for name in ("value", "label", "legal_basis"):
        if name in changes:
            changes[name] = normalize_text(changes[name] or "")
    return changes


@transaction.atomic
def add_composition_rule(campaign: Campaign, *, by: Any, **fields: Any) -> CompositionRule:
    require(by, "campaigns.manage", campaign.issuer)
    if set(fields) - set(COMPOSITION_FIELDS):
        raise _bad("campaigns.field_not_editable", _("Không thể sửa trường này."))
    fields = _composition_values(fields)
    fields.setdefault("tolerance", Decimal(0))
    rule = CompositionRule(campaign=campaign, **fields)
    _check_composition(rule)
    rule.save()
    record_audit(
        "campaigns.composition_rule.added",
        by=by,
        unit=campaign.issuer,
        target=rule,
        data={name: _shown(getattr(rule, name)) for name in COMPOSITION_FIELDS},
    )
    return rule


@transaction.atomic
def update_composition_rule(rule: CompositionRule, *, by: Any, **changes: Any) -> CompositionRule:
    """Refusals: ``campaigns.bad_feature``, ``campaigns.bad_unit``, ``campaigns.unknown_level``,
    ``campaigns.value_required``, ``campaigns.bad_bounds``, ``campaigns.bad_tolerance``,
    ``campaigns.bad_number``."""
    require(by, "campaigns.manage", rule.campaign.issuer)
    if set(changes) - set(COMPOSITION_FIELDS):
        raise _bad("campaigns.field_not_editable", _("Không thể sửa trường này."))
    rule = CompositionRule.objects.select_for_update().select_related("campaign").get(pk=rule.pk)
    diff = _diff(rule, _composition_values(changes))
    if not diff:
        return rule
    for name in diff:
        setattr(rule, name, changes[name])
    _check_composition(rule)
    rule.save(update_fields=list(diff))
    record_audit(
        "campaigns.composition_rule.updated",
        by=by,
        unit=rule.campaign.issuer,
        target=rule,
        data=diff,
    )
    return rule


@transaction.atomic
def remove_composition_rule(rule: CompositionRule, *, by: Any) -> None:
    campaign = rule.campaign
    require(by, "campaigns.manage", campaign.issuer)
    snapshot = {name: _shown(getattr(rule, name)) for name in COMPOSITION_FIELDS}
    record_audit(
        "campaigns.composition_rule.removed",
        by=by,
        unit=campaign.issuer,
        target=rule,
        data=snapshot,
    )
    rule.delete()


# --- tasks per body (Part III) --------------------------------------------------------------------


@transaction.atomic
def update_task(task: CampaignTask, *, by: Any, body: str, items: list[str]) -> CampaignTask:
    require(by, "campaigns.manage", task.campaign.issuer)
    body = normalize_text(body)
    items = [normalize_text(i) for i in items if normalize_text(i)]
    if not body:
        raise _bad("campaigns.body_required", _("Cần ghi tên cơ quan, đơn vị."))
    diff = _diff(task, {"body": body, "items": items})
    if not diff:
        return task
    task.body, task.items = body, items
    task.save(update_fields=["body", "items"])
    record_audit("campaigns.task.updated", by=by, unit=task.campaign.issuer, target=task, data=diff)
    return task


# --- deadlines after a change ---------------------------------------------------------------------


def refresh_deadlines(campaign: Campaign) -> int:
    """Recompute every assignment's first late instant from the campaign's current rules, and
    which first submissions were late. Returns the number of assignments changed."""
    rules = {r.level: r for r in campaign.level_rules.all()}
    assignments = list(Assignment.objects.filter(campaign=campaign))
    held = dict(
        Submission.objects.filter(
            assignment__campaign=campaign,
            assignment__kind=AssignmentKind.HOLD_CONFERENCE,
            version=1,
        ).values_list("assignment_id", "held_on")
    )
    changed = []
    for assignment in assignments:
        rule = rules[assignment.level]
        late = deadline_for(assignment.kind, campaign, rule)
        window = (
            (None, None)
            if assignment.kind == AssignmentKind.SUBMIT_PLAN
            else (rule.window_start, rule.window_end)
        )
        if assignment.kind == AssignmentKind.HOLD_CONFERENCE:
            day = held.get(assignment.pk)
            was_late = bool(day and rule.window_end and day > rule.window_end)
        else:
            first = assignment.first_submitted_at
            was_late = bool(first and deadlines.is_late(first, late))
        if (assignment.late_from, assignment.submitted_late) != (late, was_late) or (
            assignment.window_start,
            assignment.window_end,
        ) != window:
            assignment.late_from, assignment.submitted_late = late, was_late
            assignment.window_start, assignment.window_end = window
            changed.append(assignment)
    Assignment.objects.bulk_update(
        changed, ["late_from", "submitted_late", "window_start", "window_end"], batch_size=2000
    )
    return len(changed)
