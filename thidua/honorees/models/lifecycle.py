"""Lifecycle of an advanced model: which moves are allowed is data (StageTransition rows,
seeded discovered → fostered → replicated); every move is kept (StageChange) and audited."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.honorees.enums import Stage


class StageTransition(models.Model):
    from_stage = models.CharField(_("từ giai đoạn"), max_length=16, choices=Stage.choices)
    to_stage = models.CharField(_("sang giai đoạn"), max_length=16, choices=Stage.choices)
    is_active = models.BooleanField(_("được phép"), default=True)

    class Meta:
        verbose_name = _("bước chuyển giai đoạn")
        verbose_name_plural = _("bước chuyển giai đoạn")
        constraints = [
            models.UniqueConstraint(fields=["from_stage", "to_stage"], name="stage_transition_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_from_stage_display()} → {self.get_to_stage_display()}"


class StageChange(models.Model):
    honoree = models.ForeignKey(
        "honorees.Honoree", on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=16, choices=Stage.choices)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.honoree}: {self.from_stage} → {self.to_stage}"
