"""Admin: the voting rules (default preset and campaigns' rows) are editable by a system
administrator (audited); allocations, polls and certified results are read-only here, since
every change goes through the audited services and pages (a certified result never changes)."""

from __future__ import annotations

from django.contrib import admin

from thidua.campaigns.admin import ReadOnlyAdmin
from thidua.core.admin import AuditedAdminMixin
from thidua.elections.models import Allocation, Certification, Poll, VotingRules


@admin.register(VotingRules)
class VotingRulesAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "campaign", "quorum", "threshold", "threshold_base"]


@admin.register(Allocation)
class AllocationAdmin(ReadOnlyAdmin):
    list_display = ["unit", "campaign", "seats", "method", "weight_source"]
    list_select_related = ["unit", "campaign"]


@admin.register(Poll)
class PollAdmin(ReadOnlyAdmin):
    list_display = ["conference", "procedure", "status", "entitled", "present"]
    list_select_related = ["conference__unit"]


@admin.register(Certification)
class CertificationAdmin(ReadOnlyAdmin):
    list_display = ["poll", "version", "certified_at"]
