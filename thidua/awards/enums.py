"""Vocabularies of the award catalogue (Law on Emulation and Commendation 06/2022/QH15).

Stored values are lowercase English; labels are Vietnamese.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardSubject(models.TextChoices):
    """Who may receive it (Law Art. 20 and the articles of each form)."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL_OR_COLLECTIVE = "individual_or_collective", _("Cá nhân và tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class AwardKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class AwardLevel(models.TextChoices):
    """The level whose authority the form belongs to (Law Art. 80), low to high."""

    GRASSROOTS = "grassroots", _("Cơ sở")
    DISTRICT = "district", _("Cấp huyện")
    PROVINCE = "province", _("Bộ, ban, ngành, tỉnh")
    GOVERNMENT = "government", _("Chính phủ, Thủ tướng Chính phủ")
    STATE = "state", _("Nhà nước (Chủ tịch nước)")
