"""Template filters for Vietnamese formats: vn_date, vn_short_date, vn_datetime, vn_number."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from thidua.core import vietnamese

register = template.Library()


def _as_local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


@register.filter
def vn_date(value: dt.date | dt.datetime | None) -> str:
    return "" if value is None else vietnamese.long_date(_as_local_date(value))


@register.filter
def vn_short_date(value: dt.date | dt.datetime | None) -> str:
    return "" if value is None else vietnamese.short_date(_as_local_date(value))


@register.filter
def vn_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M} {vietnamese.short_date(local.date())}"


@register.filter
def vn_number(value: int | None) -> str:
    return "" if value is None else vietnamese.group_thousands(int(value))


@register.filter
def audit_action(action: str) -> str:
    from thidua.core.audit_labels import action_label

    return action_label(action)
