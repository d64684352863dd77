"""Printing onto pre-printed blanks (phôi): per issuer and form, the positions of the variable
fields in millimetres, set by an administrator against a calibration sheet."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import CertificateField


class BlankLayout(models.Model):
    issuer = models.ForeignKey(
        "documents.Issuer",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    award_form = models.ForeignKey(
        "awards.AwardForm", verbose_name=_("hình thức"), on_delete=models.PROTECT, related_name="+"
    )
    page_width_mm = models.DecimalField(
        _("khổ giấy: rộng (mm)"), max_digits=6, decimal_places=1, default=Decimal("297")
    )
    page_height_mm = models.DecimalField(
        _("khổ giấy: cao (mm)"), max_digits=6, decimal_places=1, default=Decimal("210")
    )
    offset_x_mm = models.DecimalField(
        _("dịch ngang cả trang (mm)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        help_text=_("Bù lệch của máy in: dương sang phải."),
    )
    offset_y_mm = models.DecimalField(
        _("dịch dọc cả trang (mm)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        help_text=_("Bù lệch của máy in: dương xuống dưới."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mẫu in lên phôi")
        verbose_name_plural = _("mẫu in lên phôi")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "award_form"], name="blank_layout_unique")
        ]

    def __str__(self) -> str:
        return f"{self.award_form} — {self.issuer.abbreviation} ({self.issuer.unit})"

    @property
    def unit(self):
        return self.issuer.unit


class BlankField(models.Model):
    """Where one variable field is printed: the top-left corner of its box, in millimetres
    from the top-left corner of the sheet."""

    layout = models.ForeignKey(BlankLayout, on_delete=models.CASCADE, related_name="fields")
    field = models.CharField(_("trường"), max_length=16, choices=CertificateField.choices)
    x_mm = models.DecimalField(_("cách lề trái (mm)"), max_digits=6, decimal_places=1)
    y_mm = models.DecimalField(_("cách mép trên (mm)"), max_digits=6, decimal_places=1)
    width_mm = models.DecimalField(_("rộng (mm)"), max_digits=6, decimal_places=1)
    font_size = models.DecimalField(
        _("cỡ chữ (pt)"), max_digits=4, decimal_places=1, default=Decimal("14")
    )
    bold = models.BooleanField(_("đậm"), default=False)
    italic = models.BooleanField(_("nghiêng"), default=False)
    align = models.CharField(
        _("căn lề"),
        max_length=8,
        choices=[("left", _("trái")), ("center", _("giữa")), ("right", _("phải"))],
        default="center",
    )
    max_lines = models.PositiveSmallIntegerField(_("số dòng tối đa"), default=1)

    class Meta:
        verbose_name = _("vị trí trường in")
        verbose_name_plural = _("vị trí các trường in")
        ordering = ["layout", "y_mm", "x_mm"]
        constraints = [models.UniqueConstraint(fields=["layout", "field"], name="blank_field_once")]

    def __str__(self) -> str:
        return self.get_field_display()
