"""Admin pages of the awards data an administrator maintains: the catalogue, the authority
table (offices and their lines, with validity dates), the criteria rules and the positions of
the fields printed onto pre-printed blanks. Every change is audited (AuditedAdminMixin)."""

from typing import Any

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import (
    AuthorityRule,
    AwardForm,
    BlankField,
    BlankLayout,
    CriterionRule,
    Office,
)
from thidua.core.admin import AuditedAdminMixin


@admin.register(AwardForm)
class AwardFormAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "subject",
        "kind",
        "level",
        "rank",
        "legal_article",
        "bonus_multiple",
        "valid_from",
        "valid_to",
        "is_active",
    ]
    list_filter = ["kind", "subject", "level", "is_active"]
    search_fields = ["name", "code", "short_name"]
    ordering = ["-rank", "name"]


class AuthorityRuleInline(admin.TabularInline):
    model = AuthorityRule
    extra = 0
    autocomplete_fields = ["award_form"]
    fields = ["award_form", "valid_from", "valid_to", "legal_basis", "note"]


@admin.register(Office)
class OfficeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "unit_kinds", "unit_levels", "valid_from", "valid_to", "order"]
    search_fields = ["name", "code"]
    inlines = [AuthorityRuleInline]


@admin.register(AuthorityRule)
class AuthorityRuleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["office", "award_form", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["office"]
    search_fields = ["award_form__name", "office__name"]
    autocomplete_fields = ["award_form", "office"]


@admin.register(CriterionRule)
class CriterionRuleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "severity", "is_active", "order"]
    list_filter = ["severity", "is_active"]
    list_editable = ["severity", "is_active"]


class BlankFieldInline(admin.TabularInline):
    model = BlankField
    extra = 0
    fields = [
        "field",
        "x_mm",
        "y_mm",
        "width_mm",
        "font_size",
        "bold",
        "italic",
        "align",
        "max_lines",
    ]


@admin.register(BlankLayout)
class BlankLayoutAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["award_form", "issuer", "page_width_mm", "page_height_mm", "calibration"]
    autocomplete_fields = ["award_form"]
    raw_id_fields = ["issuer"]
    inlines = [BlankFieldInline]

    @admin.display(description=_("tờ căn chỉnh"))
    def calibration(self, obj: Any) -> str:
        url = reverse("awards:blank-calibration", args=[obj.pk])
        return format_html('<a href="{}">PDF</a>', url)
