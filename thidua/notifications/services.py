"""Writing notifications. ``notify`` is what other apps call; it is idempotent per ``key``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.notifications.models import Notification


def notify(
    recipients: Iterable[Any],
    *,
    title: str,
    body: str = "",
    link: str = "",
    unit: Any = None,
    key: str = "",
) -> list[Notification]:
    """Create one notification per recipient. With a ``key``, a recipient who already has a
    notification with that key gets no second one (unique constraint, so also under races).
    Returns the notifications created."""
    created = []
    for user in recipients:
        if key and Notification.objects.filter(recipient=user, key=key).exists():
            continue
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        recipient=user, title=title[:300], body=body, link=link, unit=unit, key=key
                    )
                )
        except IntegrityError:
            continue  # a concurrent sender created it first
    return created


def mark_read(notification: Notification) -> Notification:
    """Reading one's own notification is not audited: it changes nothing of the domain."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notify_many(
    rows: Iterable[tuple[Any, int | None]],
    *,
    title: str,
    body: str = "",
    link: str = "",
    key: str = "",
) -> int:
    """The same notification to many (recipient, unit id) pairs in one bulk insert; with a
    ``key``, pairs whose recipient already has it are skipped (the unique constraint)."""
    objects = [
        Notification(
            recipient=user, unit_id=unit_id, title=title[:300], body=body, link=link, key=key
        )
        for user, unit_id in rows
    ]
    Notification.objects.bulk_create(objects, batch_size=2000, ignore_conflicts=bool(key))
    return len(objects)
