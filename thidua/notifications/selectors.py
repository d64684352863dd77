from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from thidua.notifications.models import Notification


def notifications_of(user: Any) -> QuerySet[Notification]:
    """A person's own notifications: nobody reads another's."""
    return Notification.objects.filter(recipient=user).select_related("unit")


def unread_count(user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
