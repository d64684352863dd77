from typing import Any

from django.contrib import admin

from thidua.core.admin import AuditedAdminMixin
from thidua.documents.models import DocumentBatch, GeneratedDocument, Issuer, NumberSeries


@admin.register(Issuer)
class IssuerAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["abbreviation", "__str__", "unit", "place", "numbering_per_type", "is_active"]
    list_filter = ["is_active", "numbering_per_type"]
    search_fields = ["abbreviation", "name_lines", "unit__name"]
    raw_id_fields = ["unit"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Numbers, issued documents and batches change only through their services."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(NumberSeries)
class NumberSeriesAdmin(ReadOnlyAdmin):
    list_display = ["issuer", "type_code", "year", "last_serial"]
    list_filter = ["year", "type_code"]


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(ReadOnlyAdmin):
    list_display = ["symbol", "version", "document_date", "title", "unit", "issued_by", "issued_at"]
    list_filter = ["kind", "year"]
    search_fields = ["symbol", "title"]
    exclude = ["spec"]


@admin.register(DocumentBatch)
class DocumentBatchAdmin(ReadOnlyAdmin):
    list_display = ["title", "unit", "status", "done", "total", "pages", "created_at"]
    list_filter = ["status"]
    exclude = ["specs"]
