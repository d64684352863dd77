from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from thidua.documents.models import DocumentBatch, GeneratedDocument


class GeneratedDocumentSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    issuer = serializers.CharField(source="issuer.abbreviation", read_only=True)
    pdf_url = serializers.SerializerMethodField()
    docx_url = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedDocument
        fields = [
            "id",
            "lineage",
            "version",
            "symbol",
            "kind",
            "year",
            "serial",
            "document_date",
            "title",
            "unit_code",
            "issuer",
            "pages",
            "checksum",
            "issued_at",
            "pdf_url",
            "docx_url",
        ]

    def get_pdf_url(self, obj: GeneratedDocument) -> str:
        return reverse("documents:document-download", args=[obj.pk, "pdf"])

    def get_docx_url(self, obj: GeneratedDocument) -> str:
        return reverse("documents:document-download", args=[obj.pk, "docx"])


class DocumentBatchSerializer(serializers.ModelSerializer):
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentBatch
        fields = ["id", "title", "status", "total", "done", "pages", "error", "checksum", "pdf_url"]

    def get_pdf_url(self, obj: DocumentBatch) -> str | None:
        return reverse("documents:batch-download", args=[obj.pk]) if obj.pdf else None
