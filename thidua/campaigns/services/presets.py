"""Creating a campaign: from a preset (the seed's values), or derived from the upper level's
campaign (R1: each level builds its own plan from the upper one)."""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from thidua.campaigns import rules
from thidua.campaigns.enums import AssignmentKind, CampaignStatus
from thidua.campaigns.models import (
    Assignment,
    Campaign,
    CampaignPreset,
    CampaignTask,
    CompositionRule,
    LevelRule,
)
from thidua.campaigns.services.common import require
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import normalize_text
from thidua.units.models import Unit

# The values a preset (and a campaign's payload) carries, by table.
CAMPAIGN_FIELDS = (
    "name",
    "summary",
    "basis_number",
    "basis_date",
    "basis_issuer",
    "basis_summary",
    "previous_period_start",
    "previous_period_end",
    "review_period_start",
    "review_period_end",
    "direction_period_start",
    "direction_period_end",
    "congress_name",
    "congress_ordinal",
    "national_congress_name",
    "national_congress_ordinal",
    "plan_deadline",
    "plan_deadline_mode",
    "plan_receiver",
    "reminder_days",
    "budget_source",
    "issuing_body",
    "superior_body",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
    "agenda",
    "narrative",
)
LEVEL_FIELDS = (
    "level",
    "order",
    "holds_conference",
    "unit_kinds",
    "conference_name",
    "window_start",
    "window_end",
    "window_label",
    "sessions",
    "composition_text",
    "staff_threshold",
    "at_threshold",
    "delegate_cap",
    "max_delegates",
    "quota_from_above",
    "report_due_days",
    "legal_basis",
)
COMPOSITION_FIELDS = (
    "level",
    "order",
    "feature",
    "value",
    "min_value",
    "max_value",
    "unit",
    "tolerance",
    "label",
    "legal_basis",
)
TASK_FIELDS = ("order", "body", "items")
DATE_FIELDS = frozenset({"basis_date", "plan_deadline", "window_start", "window_end"})
DECIMAL_FIELDS = frozenset({"min_value", "max_value", "tolerance"})


def _from_json(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in DATE_FIELDS:
        return dt.date.fromisoformat(value)
    if name in DECIMAL_FIELDS:
        return Decimal(str(value))
    return value


def _to_json(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in DATE_FIELDS:
        return value.isoformat()
    if name in DECIMAL_FIELDS:
        return str(Decimal(value).normalize())
    return value


def _pick(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: _from_json(name, data[name]) for name in names if name in data}


def campaign_payload(campaign: Campaign) -> dict[str, Any]:
    """A campaign's values in the preset format (JSON-ready): what a derived campaign copies."""
    payload = {name: _to_json(name, getattr(campaign, name)) for name in CAMPAIGN_FIELDS}
    payload["level_rules"] = [
        {name: _to_json(name, getattr(rule, name)) for name in LEVEL_FIELDS}
        for rule in campaign.level_rules.all()
    ]
    payload["composition_rules"] = [
        {name: _to_json(name, getattr(rule, name)) for name in COMPOSITION_FIELDS}
        for rule in campaign.composition_rules.all()
    ]
    payload["tasks"] = [
        {name: getattr(task, name) for name in TASK_FIELDS} for task in campaign.tasks.all()
    ]
    return payload


def _default_issuing_body(unit: Unit) -> str:
    """Decree 30: the issuing body in capitals, "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG"."""
    if unit.is_territorial:
        return f"ỦY BAN NHÂN DÂN {unit.name.upper()}"
    return unit.name.upper()


def _basis_issuer(unit: Unit) -> str:
    """How a plan names the upper body it implements: "Ủy ban nhân dân tỉnh" (the seed's form)."""
    if unit.is_territorial:
        with translation.override("vi"):  # document text is Vietnamese whatever the UI language
            return f"Ủy ban nhân dân {str(unit.get_kind_display()).lower()}"
    return unit.name


def _build(
    payload: dict[str, Any],
    *,
    issuer: Unit,
    by: Any,
    preset: CampaignPreset | None = None,
    parent: Campaign | None = None,
    overrides: dict[str, Any] | None = None,
) -> Campaign:
    values = _pick(payload, CAMPAIGN_FIELDS)
    values.update(overrides or {})
    values["issuing_body"] = values.get("issuing_body") or _default_issuing_body(issuer)
    values["place"] = values.get("place") or issuer.short_name or issuer.name
    if not normalize_text(values.get("name", "")):
        raise DomainError("campaigns.name_required", _("Tên kế hoạch không được để trống."))
    campaign = Campaign.objects.create(
        issuer=issuer,
        parent=parent,
        preset=preset,
        status=CampaignStatus.DRAFT,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        **values,
    )
    LevelRule.objects.bulk_create(
        LevelRule(campaign=campaign, **_pick(row, LEVEL_FIELDS))
        for row in payload.get("level_rules", [])
    )
    CompositionRule.objects.bulk_create(
        CompositionRule(campaign=campaign, **_pick(row, COMPOSITION_FIELDS))
        for row in payload.get("composition_rules", [])
    )
    CampaignTask.objects.bulk_create(
        CampaignTask(campaign=campaign, **_pick(row, TASK_FIELDS))
        for row in payload.get("tasks", [])
    )
    return campaign


@transaction.atomic
def create_campaign(
    *, preset: CampaignPreset, issuer: Unit, by: Any, name: str | None = None
) -> Campaign:
    """A draft campaign of ``issuer`` holding a copy of every value of ``preset``.

    Refusals: ``campaigns.name_required``; 404/403 when ``by`` may not manage ``issuer``.
    """
    require(by, "campaigns.manage", issuer)
    overrides: dict[str, Any] = {"name": normalize_text(name)} if name else {}
    campaign = _build(preset.payload, issuer=issuer, by=by, preset=preset, overrides=overrides)
    record_audit(
        "campaigns.campaign.created",
        by=by,
        unit=issuer,
        target=campaign,
        data={"preset": preset.code},
    )
    return campaign


@transaction.atomic
def derive_campaign(parent: Campaign, *, unit: Unit, by: Any) -> Campaign:
    """The plan of ``unit`` built from the upper plan it must implement (R1): same rules,
    its basis is the upper plan. The unit must have a "submit your plan" assignment in
    ``parent``; it gets one derived plan (calling again returns it).

    Refusals: ``campaigns.not_assigned``.
    """
    require(by, "campaigns.submit", unit)
    if not Assignment.objects.filter(
        campaign=parent, unit=unit, kind=AssignmentKind.SUBMIT_PLAN
    ).exists():
        raise DomainError(
            "campaigns.not_assigned", _("Đơn vị không được giao xây dựng kế hoạch này.")
        )
    existing = Campaign.objects.filter(parent=parent, issuer=unit).first()
    if existing is not None:
        return existing
    parent = Campaign.objects.select_related("issuer").get(pk=parent.pk)
    summary = rules.fill(parent.summary, {"congress": parent.congress_title})
    payload = campaign_payload(parent)
    overrides: dict[str, Any] = {
        "name": f"{parent.name} — {unit.name}",
        "basis_number": parent.plan_number,
        "basis_date": parent.plan_date,
        "basis_issuer": _basis_issuer(parent.issuer),
        "basis_summary": f"về {summary[:1].lower()}{summary[1:]}" if summary else "",
        "issuing_body": "",
        "place": "",
        "signer_name": "",
        "recipients": [],
    }
    campaign = _build(payload, issuer=unit, by=by, parent=parent, overrides=overrides)
    record_audit(
        "campaigns.campaign.derived",
        by=by,
        unit=unit,
        target=campaign,
        data={"parent": parent.pk},
    )
    return campaign


PRESET_CODES = ("kim-bang-2024", "two-levels-2025")


def restore_presets() -> int:
    """Put back the presets of migration 0002 where they are missing (a database flushed by a
    transactional test, or restored without them). Returns how many were missing."""
    missing = len(PRESET_CODES) - CampaignPreset.objects.filter(code__in=PRESET_CODES).count()
    if missing:
        module = importlib.import_module("thidua.campaigns.migrations.0002_presets")
        module.add_presets(django_apps, None)
    return missing
