from typing import Any

from django import template

register = template.Library()


@register.filter
def lookup(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)
