from django.contrib import admin

from thidua.core.admin import AuditedAdminMixin
from thidua.units.models import Membership, Unit


@admin.register(Unit)
class UnitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "kind",
        "level",
        "source",
        "staff_count",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["level", "kind", "source"]
    search_fields = ["code", "name", "search_name"]
    readonly_fields = ["code", "source", "kind", "level", "parent", "path", "depth"]
    fields = [
        "code",
        "is_official_code",
        "source",
        "name",
        "short_name",
        "kind",
        "level",
        "parent",
        "staff_count",
        "valid_from",
        "valid_to",
        "successors",
        "path",
        "depth",
    ]
    filter_horizontal = ["successors"]

    def has_add_permission(self, request, obj=None):  # units are created by services/imports
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        from thidua.core.text import fold

        obj.search_name = fold(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(Membership)
class MembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "unit", "role", "title", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__username", "user__full_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]
