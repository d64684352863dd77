"""Admin: the agenda templates are editable by a system administrator (audited); conferences and
delegates are read-only here, since every change goes through the audited services and pages."""

from __future__ import annotations

from django.contrib import admin

from thidua.campaigns.admin import ReadOnlyAdmin
from thidua.conferences.models import (
    AgendaTemplate,
    AgendaTemplateItem,
    CheckIn,
    Conference,
    Delegate,
    DelegateProposal,
)
from thidua.core.admin import AuditedAdminMixin


class AgendaTemplateItemInline(admin.TabularInline):
    model = AgendaTemplateItem
    extra = 0
    fields = ["order", "kind", "position", "title", "duration_minutes", "presenter"]


@admin.register(AgendaTemplate)
class AgendaTemplateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "campaign", "session_minutes"]
    inlines = [AgendaTemplateItemInline]


@admin.register(Conference)
class ConferenceAdmin(ReadOnlyAdmin):
    list_display = ["unit", "name", "held_on", "session", "format", "cap", "status"]
    list_filter = ["status", "format", "level"]
    list_select_related = ["unit"]


@admin.register(Delegate)
class DelegateAdmin(ReadOnlyAdmin):
    list_display = ["name", "conference", "category", "origin", "status"]
    list_filter = ["category", "origin", "status"]
    list_select_related = ["conference__unit"]
    search_fields = ["name"]


@admin.register(DelegateProposal)
class DelegateProposalAdmin(ReadOnlyAdmin):
    list_display = ["conference", "size", "seed", "status", "created_at", "applied_at"]
    list_select_related = ["conference__unit"]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["at", "conference", "delegate", "gate", "outcome", "reason", "by"]
    list_filter = ["outcome", "reason"]
    list_select_related = ["conference__unit", "delegate", "by"]
