"""Admin changes are state changes too: they are written to the audit log like any service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from thidua.core.audit import record_audit
from thidua.core.models import AuditEntry


def _unit_of(obj: models.Model) -> Any:
    if obj._meta.label_lower == "units.unit":
        return obj
    return getattr(obj, "unit", None)


admin.site.site_header = _("Quản trị ThiĐua")
admin.site.site_title = _("Quản trị ThiĐua")
admin.site.index_title = _("Quản trị hệ thống")


class AuditedAdminMixin:
    """Records "<app>.<model>.admin_created/changed/deleted" for every save and delete."""

    def save_model(self, request: Any, obj: models.Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        action = "admin_changed" if change else "admin_created"
        record_audit(
            f"{obj._meta.label_lower}.{action}",
            by=request.user,
            unit=_unit_of(obj),
            target=obj,
            data={"fields": sorted(form.changed_data)},
        )

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)  # type: ignore[misc]
        for obj in formset.new_objects:
            record_audit(
                f"{obj._meta.label_lower}.admin_created",
                by=request.user,
                unit=_unit_of(obj),
                target=obj,
            )
        for obj, fields in formset.changed_objects:
            record_audit(
                f"{obj._meta.label_lower}.admin_changed",
                by=request.user,
                unit=_unit_of(obj),
                target=obj,
                data={"fields": sorted(fields)},
            )
        for obj in formset.deleted_objects:
            record_audit(
                f"{obj._meta.label_lower}.admin_deleted",
                by=request.user,
                unit=_unit_of(obj),
                data={"object": str(obj)},
            )

    def delete_model(self, request: Any, obj: models.Model) -> None:
        snapshot = {k: str(v) for k, v in model_to_dict(obj).items()}
        unit = _unit_of(obj)
        record_audit(
            f"{obj._meta.label_lower}.admin_deleted",
            by=request.user,
            unit=unit,
            target=obj,
            data=snapshot,
        )
        super().delete_model(request, obj)  # type: ignore[misc]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_display", "action", "unit", "object_repr", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor_display", "action", "object_repr"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
