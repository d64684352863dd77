"""Template helpers of the conference pages: why the optimizer chose someone, merits."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.translation import gettext as _

from thidua.conferences import rules
from thidua.conferences.enums import DelegateCategory

register = template.Library()


@register.filter
def merit(value: Any) -> str:
    """ "12.50" -> "12,5" (Vietnamese decimal comma, trailing zeros dropped)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{number.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@register.filter
def category_label(value: str) -> str:
    try:
        return str(DelegateCategory(value).label)
    except ValueError:
        return value


@register.filter
def reason_text(entry: dict[str, Any]) -> str:
    """Why the optimizer chose this person or left them out, in a sentence."""
    values = {
        "merit": merit(entry.get("merit", "0")),
        "lottery": entry.get("lottery", ""),
        "rules": "; ".join(entry.get("rules") or []) or _("các quy định cơ cấu cùng lúc"),
    }
    texts = {
        rules.REQUIRED: _("Bắt buộc có mặt (đơn vị tổ chức chọn)."),
        rules.MERIT: _("Điểm thành tích %(merit)s: không ai cùng thành phần ngoài danh sách có "
                       "điểm cao hơn."),
        rules.LOTTERY_WON: _("Bằng điểm (%(merit)s) với người không được chọn; số bốc thăm "
                             "%(lottery)s nhỏ hơn nên được chọn."),
        rules.LOTTERY_LOST: _("Bằng điểm (%(merit)s) với người được chọn; số bốc thăm "
                              "%(lottery)s lớn hơn nên không được chọn."),
        rules.COMPOSITION_IN: _("Được chọn để bảo đảm cơ cấu: %(rules)s (có người điểm cao hơn "
                                "nhưng thay vào thì vi phạm quy định)."),
        rules.COMPOSITION_OUT: _("Không được chọn vì cơ cấu: %(rules)s (thay vào chỗ người "
                                 "điểm thấp hơn thì vi phạm quy định)."),
        rules.MERIT_LOW: _("Điểm thành tích %(merit)s thấp hơn những người cùng thành phần "
                           "được chọn."),
    }  # fmt: skip
    text = texts.get(entry.get("reason", ""))
    return "" if text is None else text % values


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.inclusion_tag("conferences/_unit_section.html")
def conferences_of_unit(unit: Any) -> dict[str, object]:
    """For a unit the page already shows (hence in scope): its own conferences. One query."""
    from thidua.conferences.models import Conference

    found = list(
        Conference.objects.filter(unit=unit).select_related("campaign").order_by("-held_on")[:5]
    )
    return {"unit_conferences": found, "unit": unit}
