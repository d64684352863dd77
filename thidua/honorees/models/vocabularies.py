"""Extendable vocabularies: an administrator adds rows (admin pages); migration 0002 seeds the
defaults. Honorees reference them by foreign key; the importer matches their names."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.Model):
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class SocialComponent(Vocabulary):
    """Thành phần xã hội: công nhân, nông dân, trí thức, ..."""

    counts_as_direct_worker = models.BooleanField(
        _("thuộc nhóm trực tiếp lao động, sản xuất"), default=False
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("thành phần")
        verbose_name_plural = _("thành phần")


class EconomicSector(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("khu vực kinh tế")
        verbose_name_plural = _("khu vực kinh tế")


class Field(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")


class Ethnicity(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("dân tộc")
        verbose_name_plural = _("dân tộc")
