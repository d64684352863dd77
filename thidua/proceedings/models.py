"""The proceedings of a conference: its budget, presentations, side activities and summary
report (R4, R9, R10, R11, R15). Rows hang on ``conferences.Conference`` (the conferences app
knows nothing of them).

* ``BaseSalary``: the base salary (mức lương cơ sở) with its effective date and legal basis,
  and the rounding of bonuses: data (migration 0002 seeds 2019, 2023, 2024), never a constant.
* ``BudgetLine``: one heading of the estimate with its planned amount (quantity × unit price)
  and, after the conference, its actual amount. A bonus line is computed from an award form's
  multiple of the base salary in force on the conference's day (both kept as a snapshot).
* ``Presentation``: a delegate's tham luận under an agenda item, with its title and minutes.
* ``SideActivity``: a dialogue, a media exchange, a performance: dated entries (R9).
* ``OutlineSection``: the summary report's outline (the plan's, seeded by migration 0002).
* ``ReportSection``: what the author wrote (or attached) for one section of one conference.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.proceedings.enums import BudgetCategory, SideActivityKind, StatisticsBlock


def _user() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class BaseSalary(models.Model):
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    amount = models.PositiveBigIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    bonus_round_to = models.PositiveIntegerField(
        _("làm tròn tiền thưởng lên (đồng)"),
        default=10_000,
        help_text=_("Tiền thưởng sau khi nhân hệ số được làm tròn lên hàng chục nghìn đồng."),
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=200)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})".replace(",", ".")


# Bounds of what a budget line can store (not a rule of the law): quantity × unit price must fit
# the 64-bit amount columns, the quantity its 32-bit column; larger input is refused as invalid.
MAX_QUANTITY = 1_000_000
MAX_AMOUNT = 1_000_000_000_000


class BudgetLine(models.Model):
    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="budget_lines"
    )
    category = models.CharField(_("khoản mục"), max_length=16, choices=BudgetCategory.choices)
    description = models.CharField(_("nội dung chi"), max_length=300)
    unit_name = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"), default=1)
    unit_price = models.PositiveBigIntegerField(_("đơn giá (đồng)"))
    planned_amount = models.PositiveBigIntegerField(_("dự toán (đồng)"))
    actual_amount = models.PositiveBigIntegerField(_("thực chi (đồng)"), null=True, blank=True)
    # A bonus line: the form, for collectives or individuals, and the snapshot of the rule.
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    collective = models.BooleanField(_("cho tập thể"), default=False)
    multiple = models.DecimalField(
        _("hệ số (lần mức lương cơ sở)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    base_salary = models.PositiveBigIntegerField(_("mức lương cơ sở áp dụng"), null=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dòng kinh phí")
        verbose_name_plural = _("dòng kinh phí")
        ordering = ["conference", "order", "id"]
        indexes = [models.Index(fields=["conference", "category"], name="budget_line_category")]

    def __str__(self) -> str:
        return self.description

    @property
    def variance(self) -> int | None:
        if self.actual_amount is None:
            return None
        return self.actual_amount - self.planned_amount


class Presentation(models.Model):
    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="presentations"
    )
    agenda_item = models.ForeignKey(
        "conferences.AgendaItem",
        verbose_name=_("nội dung chương trình"),
        on_delete=models.CASCADE,
        related_name="presentations",
    )
    delegate = models.ForeignKey(
        "conferences.Delegate",
        verbose_name=_("người trình bày"),
        on_delete=models.PROTECT,
        related_name="presentations",
    )
    title = models.CharField(_("tên tham luận"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tham luận")
        verbose_name_plural = _("tham luận")
        ordering = ["conference", "agenda_item__order", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "delegate"], name="presentation_once_per_item"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SideActivity(models.Model):
    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="side_activities"
    )
    kind = models.CharField(_("loại hoạt động"), max_length=16, choices=SideActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=300)
    held_on = models.DateField(_("ngày"))
    place = models.CharField(_("địa điểm, phương tiện"), max_length=300, blank=True)
    participants = models.PositiveIntegerField(_("số người tham gia"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hoạt động bên lề")
        verbose_name_plural = _("hoạt động bên lề")
        ordering = ["conference", "held_on", "id"]

    def __str__(self) -> str:
        return self.title


class OutlineSection(models.Model):
    """One heading of the summary report's outline (R10). ``{review}`` and ``{direction}`` in
    the title become the campaign's periods ("2021-2025", "2025-2030")."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("đề mục"), max_length=300)
    hint = models.TextField(_("gợi ý nội dung"), blank=True)
    statistics = models.CharField(
        _("số liệu hệ thống điền"),
        max_length=16,
        choices=StatisticsBlock.choices,
        blank=True,
        default="",
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("đề mục báo cáo tổng kết")
        verbose_name_plural = _("đề mục báo cáo tổng kết")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


def attachment_upload_to(instance: ReportSection, filename: str) -> str:
    return f"proceedings/{instance.conference_id}/{uuid.uuid4().hex}.{instance.file_type or 'bin'}"


class ReportSection(models.Model):
    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="report_sections"
    )
    outline = models.ForeignKey(OutlineSection, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nội dung"), blank=True)
    file = models.FileField(
        _("tệp đính kèm"), upload_to=attachment_upload_to, blank=True, max_length=255
    )
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file_type = models.CharField(_("loại tệp"), max_length=8, blank=True)
    file_size = models.PositiveIntegerField(_("dung lượng"), null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    updated_by = _user()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nội dung báo cáo tổng kết")
        verbose_name_plural = _("nội dung báo cáo tổng kết")
        ordering = ["conference", "outline__order"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "outline"], name="report_section_once"),
        ]

    def __str__(self) -> str:
        return str(self.outline)

    @property
    def is_filled(self) -> bool:
        return bool(self.text.strip() or self.file)
