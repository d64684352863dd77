"""Public stories: draft → published → withdrawn, approved by a propaganda-role user (the
caller checks ``honorees.publish``). Nothing is public without the honoree's consent."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.honorees.enums import StoryStatus
from thidua.honorees.models import Honoree, Story

# Which status each action may start from: data, read by the services and the templates.
PUBLISHABLE_FROM = frozenset({StoryStatus.DRAFT, StoryStatus.WITHDRAWN})
WITHDRAWABLE_FROM = frozenset({StoryStatus.PUBLISHED})


@transaction.atomic
def save_story(honoree: Honoree, *, by: Any, title: str, body: str, lead: str = "") -> Story:
    """Write or rewrite the story. Rewriting a published story takes it back to draft: the new
    text must be approved again."""
    title = normalize_text(title)
    body = body.strip()
    if not title or not body:
        raise DomainError("honorees.story_incomplete", _("Bài viết cần có tiêu đề và nội dung."))
    story = Story.objects.select_for_update().filter(honoree=honoree).first()
    created = story is None
    if story is None:
        story = Story(honoree=honoree)
    story.title, story.body, story.lead = title, body, normalize_text(lead)
    if story.status == StoryStatus.PUBLISHED:
        story.status = StoryStatus.DRAFT
    story.save()
    record_audit(
        "honorees.story.written",
        by=by,
        unit=honoree.unit,
        target=story,
        data={"created": created, "status": story.status},
    )
    return story


@transaction.atomic
def publish_story(story: Story, *, by: Any) -> Story:
    """Approve and publish.

    Refusals: ``honorees.no_consent``, ``honorees.story_not_publishable``.
    """
    story = Story.objects.select_for_update().select_related("honoree__unit").get(pk=story.pk)
    if not story.honoree.publication_consent:
        raise DomainError(
            "honorees.no_consent",
            _("Điển hình chưa đồng ý công khai thông tin; không thể đăng bài."),
        )
    if story.status not in PUBLISHABLE_FROM:
        raise ConflictError("honorees.story_not_publishable", _("Bài viết đã được đăng."))
    story.status = StoryStatus.PUBLISHED
    story.published_at = timezone.now()
    story.published_by = by if getattr(by, "is_authenticated", False) else None
    story.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    record_audit("honorees.story.published", by=by, unit=story.honoree.unit, target=story)
    return story


@transaction.atomic
def withdraw_story(story: Story, *, by: Any, reason: str = "") -> Story:
    """Take a published story off the public pages. Refusal: ``honorees.story_not_published``."""
    story = Story.objects.select_for_update().select_related("honoree__unit").get(pk=story.pk)
    if story.status not in WITHDRAWABLE_FROM:
        raise ConflictError("honorees.story_not_published", _("Bài viết chưa được đăng."))
    story.status = StoryStatus.WITHDRAWN
    story.save(update_fields=["status", "updated_at"])
    record_audit(
        "honorees.story.withdrawn",
        by=by,
        unit=story.honoree.unit,
        target=story,
        data={"reason": reason.strip()[:300]},
    )
    return story
