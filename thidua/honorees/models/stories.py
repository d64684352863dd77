"""The public story of an honoree: written, then approved (published) by a propaganda-role user,
withdrawable. Public URLs carry the unguessable ``token``, never an id."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.honorees.enums import StoryStatus
from thidua.honorees.models.media import new_token


class Story(models.Model):
    honoree = models.OneToOneField(
        "honorees.Honoree", on_delete=models.CASCADE, related_name="story"
    )
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    title = models.CharField(_("tiêu đề"), max_length=300)
    lead = models.CharField(_("tóm tắt"), max_length=500, blank=True)
    body = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    published_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bài viết vinh danh")
        verbose_name_plural = _("bài viết vinh danh")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title
