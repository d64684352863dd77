"""Vocabularies of the documents app. Stored values are lowercase English."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang dựng")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")
