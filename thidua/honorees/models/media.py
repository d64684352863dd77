"""Photos (uploaded, checked, served only through an access-checked view or on a published
story) and video links."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Photo(models.Model):
    honoree = models.ForeignKey("honorees.Honoree", on_delete=models.CASCADE, related_name="photos")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    file = models.FileField(_("tệp ảnh"), upload_to="honorees/photos/")
    content_type = models.CharField(max_length=32)
    size = models.PositiveIntegerField()
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.token


class VideoLink(models.Model):
    honoree = models.ForeignKey("honorees.Honoree", on_delete=models.CASCADE, related_name="videos")
    url = models.URLField(_("đường dẫn video"), max_length=500)
    title = models.CharField(_("tiêu đề"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("video")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title or self.url
