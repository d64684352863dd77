"""The catalogue of emulation titles and commendation forms (AwardForm).

This is data, not code: every title or form the system knows is a row, with its legal basis
and validity dates, so that a change of the law is an edit by an administrator (or a data
migration), never a code change. The seed (migration 0002) follows the Law on Emulation and
Commendation No. 06/2022/QH15 and Decrees 98/2023 and 86/2023.

Later parts of the awards app (authority table, proposals, decisions) reference AwardForm by
foreign key and by its stable ``code``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import AwardKind, AwardLevel, AwardSubject


class AwardFormQuerySet(models.QuerySet["AwardForm"]):
    def valid_on(self, day: dt.date) -> AwardFormQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def for_subject(self, subject: str) -> AwardFormQuerySet:
        """Forms an individual / a collective / a household may receive."""
        both = AwardSubject.INDIVIDUAL_OR_COLLECTIVE
        if subject in (AwardSubject.INDIVIDUAL, AwardSubject.COLLECTIVE):
            return self.filter(subject__in=[subject, both])
        return self.filter(subject=subject)


class AwardForm(models.Model):
    """One emulation title (danh hiệu thi đua) or commendation form (hình thức khen thưởng)."""

    code = models.SlugField(
        _("mã"),
        max_length=40,
        unique=True,
        help_text=_("Mã ổn định, không đổi (ví dụ: cstdcs, bang-khen-tinh)."),
    )
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=40, blank=True)
    subject = models.CharField(_("đối tượng"), max_length=32, choices=AwardSubject.choices)
    kind = models.CharField(_("loại"), max_length=16, choices=AwardKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=AwardLevel.choices)
    rank = models.PositiveSmallIntegerField(
        _("thứ bậc"),
        default=0,
        help_text=_("Số lớn hơn là hình thức cao hơn; dùng để sắp xếp."),
    )
    legal_instrument = models.CharField(
        _("văn bản căn cứ"), max_length=200, default="Luật Thi đua, khen thưởng số 06/2022/QH15"
    )
    legal_article = models.CharField(_("điều, khoản"), max_length=100, blank=True)
    legal_note = models.TextField(_("ghi chú pháp lý"), blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    bonus_multiple = models.DecimalField(
        _("tiền thưởng (lần mức lương cơ sở)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Cho cá nhân (hoặc đối tượng chính); để trống nếu không có tiền thưởng."),
    )
    bonus_multiple_collective = models.DecimalField(
        _("tiền thưởng cho tập thể (lần mức lương cơ sở)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    has_certificate = models.BooleanField(_("giấy chứng nhận / bằng"), default=True)
    has_frame = models.BooleanField(_("khung"), default=True)
    has_badge = models.BooleanField(_("huy hiệu / huân, huy chương"), default=False)
    has_flag = models.BooleanField(_("cờ"), default=False)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    objects = AwardFormQuerySet.as_manager()

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["-rank", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="award_form_validity_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def legal_basis(self) -> str:
        """ "Điều 23, Luật Thi đua, khen thưởng số 06/2022/QH15"."""
        return ", ".join(part for part in (self.legal_article, self.legal_instrument) if part)

    @property
    def artefacts(self) -> list[str]:
        names = [
            (self.has_certificate, _("bằng / giấy chứng nhận")),
            (self.has_frame, _("khung")),
            (self.has_badge, _("huy hiệu / huân, huy chương")),
            (self.has_flag, _("cờ")),
        ]
        return [str(label) for present, label in names if present]

    def bonus_for(self, *, collective: bool) -> Decimal | None:
        """Bonus as a multiple of the base salary (Decree 98/2023), for this kind of subject."""
        if collective and self.bonus_multiple_collective is not None:
            return self.bonus_multiple_collective
        return self.bonus_multiple

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
