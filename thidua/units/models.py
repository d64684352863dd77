"""The unit tree (materialized path) and memberships (a role on a unit and its subtree)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.units.enums import Role, UnitKind, UnitLevel, UnitSource

PATH_STEP = 6  # base-36 characters per level: 2.1 billion ids fit one step
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def path_step(pk: int) -> str:
    """Fixed-width base-36 step of the materialized path for a unit id."""
    if pk <= 0:
        raise ValueError("unit ids are positive")
    out = ""
    while pk:
        pk, rem = divmod(pk, 36)
        out = _DIGITS[rem] + out
    if len(out) > PATH_STEP:
        raise ValueError("unit id too large for one path step")
    return out.rjust(PATH_STEP, "0")


class UnitQuerySet(models.QuerySet["Unit"]):
    def subtree_of(self, unit: Unit) -> UnitQuerySet:
        """The unit and everything below it: one indexed prefix filter."""
        return self.filter(path__startswith=unit.path)

    def valid_on(self, day: dt.date) -> UnitQuerySet:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class Unit(models.Model):
    code = models.CharField(
        _("mã"),
        max_length=32,
        help_text=_("Mã đơn vị hành chính (Tổng cục Thống kê) nếu có, hoặc mã nội bộ."),
    )
    is_official_code = models.BooleanField(_("mã chính thức"), default=False)
    source = models.CharField(
        _("nguồn"), max_length=16, choices=UnitSource.choices, default=UnitSource.LOCAL
    )
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(
        _("tên ngắn"), max_length=200, blank=True, help_text=_("Tên không kèm loại: “Thụy Lôi”.")
    )
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(editable=False)
    staff_count = models.PositiveIntegerField(
        _("số cán bộ, công chức, viên chức, người lao động"), null=True, blank=True
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["source", "code"], name="unit_code_unique_per_source"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="unit_validity_ordered",
            ),
        ]
        indexes = [models.Index(fields=["parent", "name"], name="unit_children")]

    def __str__(self) -> str:
        return self.name

    @property
    def ancestor_paths(self) -> list[str]:
        return [self.path[: PATH_STEP * i] for i in range(1, self.depth)]

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def is_territorial(self) -> bool:
        return self.kind in UnitKind.territorial()


class Membership(models.Model):
    """A role on a unit. It grants that role on the unit and on its whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    title = models.CharField(
        _("chức vụ"), max_length=200, blank=True, help_text=_("Ví dụ: Chuyên viên Phòng Nội vụ.")
    )
    is_active = models.BooleanField(_("đang hiệu lực"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        ordering = ["unit__path", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"
