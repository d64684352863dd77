"""Emulation movements (phong trào thi đua): a catalogue. National ones have no unit; a
province's, district's or commune's belongs to the unit that launched it."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.text import fold
from thidua.honorees.enums import LaunchedBy


class Movement(models.Model):
    name = models.CharField(_("tên phong trào"), max_length=300)
    search_name = models.CharField(max_length=300, db_index=True, editable=False)
    slug = models.SlugField(
        _("đường dẫn công khai"),
        max_length=80,
        unique=True,
        help_text=_("Dùng trong trang vinh danh."),
    )
    launched_by = models.CharField(_("cấp phát động"), max_length=16, choices=LaunchedBy.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị phát động"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="movements",
        help_text=_("Để trống với phong trào do Thủ tướng Chính phủ phát động."),
    )
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    field = models.ForeignKey(
        "honorees.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    basis = models.CharField(_("văn bản phát động"), max_length=300, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(_("đang diễn ra"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["launched_by", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(start_year__lte=models.F("end_year")),
                name="movement_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def period(self) -> str:
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")
