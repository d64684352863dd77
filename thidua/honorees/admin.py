"""Admin pages: the vocabularies and the lifecycle transitions are data an administrator
extends here (every change is audited by AuditedAdminMixin)."""

from django.contrib import admin

from thidua.core.admin import AuditedAdminMixin
from thidua.honorees.models import (
    EconomicSector,
    Ethnicity,
    Field,
    Movement,
    SocialComponent,
    StageTransition,
)


class VocabularyAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "code"]


@admin.register(SocialComponent)
class SocialComponentAdmin(VocabularyAdmin):
    list_display = [*VocabularyAdmin.list_display, "counts_as_direct_worker"]


admin.site.register(EconomicSector, VocabularyAdmin)
admin.site.register(Field, VocabularyAdmin)
admin.site.register(Ethnicity, VocabularyAdmin)


@admin.register(StageTransition)
class StageTransitionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["from_stage", "to_stage", "is_active"]
    list_editable = ["is_active"]


@admin.register(Movement)
class MovementAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "launched_by", "unit", "start_year", "end_year", "field", "is_active"]
    list_filter = ["launched_by", "is_active"]
    search_fields = ["name", "search_name"]
    raw_id_fields = ["unit"]
