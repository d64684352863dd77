"""The honoree (an individual or a collective of a unit) and what it has done and received."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.honorees import rules
from thidua.honorees.enums import Gender, HonoreeKind, Stage
from thidua.units.enums import UnitLevel


def _vocabulary(model: str, label: Any) -> Any:
    """An optional reference to an extendable vocabulary (models/vocabularies.py)."""
    return models.ForeignKey(
        f"honorees.{model}",
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class ImportBatch(models.Model):
    """One accepted Excel import: who, when, which file, how many rows (all or nothing)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("tệp"), max_length=255)
    row_count = models.PositiveIntegerField(_("số dòng"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("lần nhập Excel")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.row_count})"


class HonoreeQuerySet(models.QuerySet["Honoree"]):
    def for_list(self) -> HonoreeQuerySet:
        return self.select_related("unit", "component", "sector", "field", "ethnicity")


class Honoree(models.Model):
    """An advanced model (điển hình tiên tiến): an individual or a collective of a unit.

    Personal data: ``national_id`` is never written to logs, audit entries or public pages and
    is masked in lists and exports (rules.mask_national_id).
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="honorees"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=HonoreeKind.choices)
    name = models.CharField(_("họ và tên / tên tập thể"), max_length=200)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    collective_size = models.PositiveIntegerField(_("số thành viên"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = _vocabulary("Ethnicity", _("dân tộc"))
    position = models.CharField(_("chức vụ, nghề nghiệp"), max_length=200, blank=True)
    component = _vocabulary("SocialComponent", _("thành phần"))
    sector = _vocabulary("EconomicSector", _("khu vực kinh tế"))
    field = _vocabulary("Field", _("lĩnh vực"))
    works_directly = models.BooleanField(_("trực tiếp lao động, sản xuất"), default=False)
    national_id = models.CharField(
        _("số CCCD/CMND"), max_length=12, null=True, blank=True, editable=False
    )
    good_deeds = models.BooleanField(_("người tốt, việc tốt"), default=False)
    acclaimed = models.BooleanField(_("được quần chúng suy tôn"), default=False)
    summary = models.TextField(_("thành tích tiêu biểu"), blank=True)
    stage = models.CharField(
        _("giai đoạn"), max_length=16, choices=Stage.choices, default=Stage.DISCOVERED
    )
    stage_changed_at = models.DateTimeField(_("chuyển giai đoạn lúc"), null=True, blank=True)
    stage_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chuyển giai đoạn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    publication_consent = models.BooleanField(_("đồng ý công khai"), default=False)
    movements = models.ManyToManyField(
        "honorees.Movement",
        verbose_name=_("phong trào tham gia"),
        through="honorees.Participation",
        related_name="honorees",
        blank=True,
    )
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="honorees"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HonoreeQuerySet.as_manager()

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["search_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id"],
                condition=Q(national_id__isnull=False),
                name="honoree_national_id_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "search_name"], name="honoree_unit_name"),
            models.Index(fields=["unit", "birth_year"], name="honoree_unit_birth"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_collective(self) -> bool:
        return self.kind == HonoreeKind.COLLECTIVE

    @property
    def is_small_collective(self) -> bool:
        return self.is_collective and rules.is_small_collective(self.collective_size)

    @property
    def masked_national_id(self) -> str:
        return rules.mask_national_id(self.national_id)


class Recognition(models.Model):
    """A title or form the honoree received (from the awards catalogue)."""

    honoree = models.ForeignKey(Honoree, on_delete=models.CASCADE, related_name="recognitions")
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("danh hiệu / hình thức"),
        on_delete=models.PROTECT,
        related_name="recognitions",
    )
    level = models.CharField(
        _("cấp quyết định"), max_length=16, choices=UnitLevel.choices, blank=True
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan, người quyết định"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("danh hiệu, khen thưởng đã nhận")
        verbose_name_plural = _("danh hiệu, khen thưởng đã nhận")
        ordering = ["-year", "-award_form__rank"]
        indexes = [models.Index(fields=["award_form", "year"], name="recognition_form_year")]

    def __str__(self) -> str:
        return f"{self.award_form} ({self.year})"


class Initiative(models.Model):
    """Sáng kiến (Law Art. 3.4): recognised on a date by a competent level."""

    honoree = models.ForeignKey(Honoree, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("tên sáng kiến"), max_length=300)
    recognized_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    level = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=16, choices=UnitLevel.choices, blank=True
    )
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-recognized_on", "title"]

    def __str__(self) -> str:
        return self.title


class Achievement(models.Model):
    honoree = models.ForeignKey(Honoree, on_delete=models.CASCADE, related_name="achievements")
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    description = models.TextField(_("thành tích"))

    class Meta:
        verbose_name = _("thành tích")
        verbose_name_plural = _("thành tích")
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return self.description[:80]


class Participation(models.Model):
    honoree = models.ForeignKey(Honoree, on_delete=models.CASCADE, related_name="participations")
    movement = models.ForeignKey(
        "honorees.Movement", on_delete=models.PROTECT, related_name="participations"
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tham gia phong trào")
        verbose_name_plural = _("tham gia phong trào")
        constraints = [
            models.UniqueConstraint(fields=["honoree", "movement"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.honoree} — {self.movement}"
