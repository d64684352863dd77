"""The authority table (who may decide which form, when) and the criteria rules: data.

An administrator edits both in the admin (every change audited); the pure modules
``thidua/awards/authority.py`` and ``criteria.py`` answer from the rows in force on a date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards import authority as pure
from thidua.awards import criteria
from thidua.awards.enums import Severity


class ValidityQuerySet(models.QuerySet[Any]):
    def valid_on(self, day: dt.date) -> Any:
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


def _validity_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True)
        | Q(valid_from__isnull=True)
        | Q(valid_from__lte=models.F("valid_to")),
        name=name,
    )


class Office(models.Model):
    """A decision-maker of Law Art. 80 (Chủ tịch UBND cấp xã, ...) and the units whose head
    holds it: ``unit_kinds`` (UnitKind values) and, optionally, ``unit_levels``."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("chức danh có thẩm quyền"), max_length=200)
    unit_kinds = models.JSONField(
        _("loại đơn vị"), default=list, help_text=_("Danh sách mã loại đơn vị (UnitKind).")
    )
    unit_levels = models.JSONField(
        _("cấp đơn vị"), default=list, blank=True, help_text=_("Để trống: mọi cấp.")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, default="CHỦ TỊCH")
    signing_body = models.CharField(
        _("tập thể lãnh đạo (TM.)"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: ỦY BAN NHÂN DÂN; để trống nếu thủ trưởng ký trực tiếp."),
    )
    issuer_abbreviation = models.CharField(
        _("cơ quan ban hành quyết định"),
        max_length=32,
        default="UBND",
        help_text=_("Chữ viết tắt của cơ quan ban hành (Issuer) của đơn vị."),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("chức danh có thẩm quyền khen thưởng")
        verbose_name_plural = _("chức danh có thẩm quyền khen thưởng")
        ordering = ["order", "code"]
        constraints = [_validity_constraint("office_validity_ordered")]

    def __str__(self) -> str:
        return self.name

    def row(self) -> pure.OfficeRow:
        return pure.OfficeRow(
            code=self.code,
            unit_kinds=frozenset(self.unit_kinds or ()),
            unit_levels=frozenset(self.unit_levels or ()),
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )


class AuthorityRule(models.Model):
    """One line of the authority table: ``office`` may decide ``award_form`` between the two
    dates (inclusive). The district chair's lines end on 30/6/2025."""

    office = models.ForeignKey(
        Office, verbose_name=_("chức danh"), on_delete=models.PROTECT, related_name="rules"
    )
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("danh hiệu / hình thức"),
        on_delete=models.PROTECT,
        related_name="authority_rules",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(
        _("căn cứ"), max_length=300, default="Điều 80, Luật Thi đua, khen thưởng số 06/2022/QH15"
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("thẩm quyền khen thưởng")
        verbose_name_plural = _("bảng thẩm quyền khen thưởng")
        ordering = ["office__order", "-award_form__rank"]
        constraints = [
            _validity_constraint("authority_validity_ordered"),
            models.UniqueConstraint(
                fields=["office", "award_form", "valid_from"], name="authority_rule_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} → {self.award_form}"


class CriterionRule(models.Model):
    """A criterion check (a function of thidua/awards/criteria.py, named by ``code``) with its
    severity, parameters and the legal text it quotes."""

    code = models.SlugField(
        _("mã"),
        max_length=60,
        unique=True,
        help_text=_("Tên hàm kiểm tra trong thidua/awards/criteria.py."),
    )
    name = models.CharField(_("tên tiêu chí"), max_length=200)
    legal_basis = models.TextField(_("căn cứ pháp lý (trích dẫn)"))
    severity = models.CharField(
        _("mức độ"), max_length=16, choices=Severity.choices, default=Severity.WARNING
    )
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí kiểm tra")
        verbose_name_plural = _("tiêu chí kiểm tra")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    def rule(self) -> criteria.Rule:
        return criteria.Rule(
            code=self.code,
            severity=self.severity,
            legal_basis=self.legal_basis,
            params=dict(self.params or {}),
        )
