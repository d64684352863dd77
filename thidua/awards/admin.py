from django.contrib import admin

from thidua.awards.models import AwardForm
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
        "bonus_multiple",
        "valid_from",
        "valid_to",
        "is_active",
    ]
    list_filter = ["kind", "subject", "level", "is_active"]
    search_fields = ["name", "code", "short_name"]
    ordering = ["-rank", "name"]
