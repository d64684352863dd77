"""What the conference services share: the clock, the access gate, the rules' own words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import LevelRule
from thidua.conferences.enums import ConferenceFormat
from thidua.conferences.models import Conference
from thidua.core.errors import ConflictError
from thidua.units import access
from thidua.units.access import Scope
from thidua.units.models import Unit


def clock(now: dt.datetime | None) -> dt.datetime:
    """``now`` if given (tests, the demo's history), else the real time. Always aware."""
    if now is None:
        return timezone.now()
    if timezone.is_naive(now):
        raise ValueError("now must be an aware datetime")
    return now


def require(by: Any, action: str, unit: Unit) -> None:
    """404 outside the actor's scope, 403 without the role. ``by=None`` is the system itself
    (the demo loader): not checked."""
    if by is None:
        return
    access.require(by, action, unit)


def scope_of(by: Any) -> Scope:
    """The actor's scope (the system sees everything)."""
    return Scope((), is_admin=True) if by is None else access.scope_for(by)


def actor(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def basis(rule: LevelRule) -> str:
    return rule.legal_basis or _("quy định của kế hoạch")


def window_text(rule: LevelRule) -> str:
    """The window rule in its own words, from the campaign's row."""
    span = ""
    if rule.window_start and rule.window_end:
        span = _("từ ngày %(start)s đến ngày %(end)s") % {
            "start": rule.window_start.strftime("%d/%m/%Y"),
            "end": rule.window_end.strftime("%d/%m/%Y"),
        }
    elif rule.window_start:
        span = _("từ ngày %(start)s") % {"start": rule.window_start.strftime("%d/%m/%Y")}
    elif rule.window_end:
        span = _("đến hết ngày %(end)s") % {"end": rule.window_end.strftime("%d/%m/%Y")}
    label = rule.window_label or span
    if rule.window_label and span:
        label = f"{rule.window_label} ({span})"
    return _("Theo %(basis)s, %(name)s tổ chức %(sessions)02d buổi trong %(window)s.") % {
        "basis": basis(rule),
        "name": rule.conference_name,
        "sessions": rule.sessions,
        "window": label,
    }


def cap_text(rule: LevelRule, conference_format: str) -> str:
    """The cap rule in its own words (Plan §II.2.1 / §II.2.2), from the campaign's row."""
    limit = rule.cap(conference_format)
    if conference_format == ConferenceFormat.DELEGATE and rule.staff_threshold:
        return _(
            "Theo %(basis)s, đơn vị có trên %(threshold)s cán bộ, công chức, viên chức, người "
            "lao động tổ chức Hội nghị đại biểu với số lượng không quá %(cap)s đại biểu, do đơn "
            "vị tổ chức quyết định trên cơ sở đề xuất của Thường trực Hội đồng Thi đua - Khen "
            "thưởng."
        ) % {"basis": basis(rule), "threshold": rule.staff_threshold, "cap": limit}
    return _("Theo %(basis)s, %(name)s có tối đa %(cap)s đại biểu.") % {
        "basis": basis(rule),
        "name": rule.conference_name,
        "cap": limit,
    }


def format_text(rule: LevelRule) -> str:
    """Plan §II.2.1 on the format, from the row: under / over the threshold, and exactly at it."""
    if not rule.staff_threshold:
        return _("Theo %(basis)s, %(name)s không phân biệt hình thức theo số người.") % {
            "basis": basis(rule),
            "name": rule.conference_name,
        }
    return _(
        "Theo %(basis)s, đơn vị có dưới %(threshold)s cán bộ, công chức, viên chức, người lao "
        "động tổ chức Hội nghị toàn thể, trên %(threshold)s người tổ chức Hội nghị đại biểu; "
        "trường hợp đúng %(threshold)s người, đơn vị tổ chức lựa chọn hình thức."
    ) % {"basis": basis(rule), "threshold": rule.staff_threshold}


def refuse_if_approved(conference: Conference) -> None:
    if conference.is_list_approved:
        raise ConflictError(
            "conferences.list_approved",
            _("Danh sách đại biểu đã được duyệt; mở lại danh sách trước khi thay đổi."),
        )


def locked(conference: Conference) -> Conference:
    """The conference row, locked for the rest of the transaction."""
    return (
        Conference.objects.select_for_update()
        .select_related("unit", "campaign")
        .get(pk=conference.pk)
    )
