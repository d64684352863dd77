"""Vocabularies of the honoree registry that are fixed by the domain (not extendable).

Extendable vocabularies (social components, economic sectors, fields, ethnicities) are rows:
see models/vocabularies.py.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HonoreeKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Stage(models.TextChoices):
    """Plan §II.2: phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến."""

    DISCOVERED = "discovered", _("Phát hiện")
    FOSTERED = "fostered", _("Bồi dưỡng")
    REPLICATED = "replicated", _("Nhân rộng")


class LaunchedBy(models.TextChoices):
    PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện")
    COMMUNE = "commune", _("Xã")


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đã đăng")
    WITHDRAWN = "withdrawn", _("Đã gỡ")
