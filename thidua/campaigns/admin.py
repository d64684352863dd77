"""Admin: presets are editable by a system administrator (audited); the rest is read-only here,
since every change of a campaign goes through its audited services and pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from thidua.campaigns.models import Assignment, Campaign, CampaignPreset, Submission
from thidua.core.admin import AuditedAdminMixin


@admin.register(CampaignPreset)
class CampaignPresetAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "order"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ["name", "issuer", "status", "plan_deadline", "issued_at"]
    list_filter = ["status"]
    search_fields = ["name"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["unit", "kind", "state", "late_from", "submitted_late"]
    list_filter = ["kind", "state"]
    list_select_related = ["unit"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["assignment", "version", "status", "submitted_at", "is_late"]
    list_select_related = ["assignment__unit"]
