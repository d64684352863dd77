"""REST endpoints of the documents app: scoped through thidua/units/access.py like the pages.
Files are downloaded through the same access-checked views as in the browser."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from thidua.documents.api_serializers import DocumentBatchSerializer, GeneratedDocumentSerializer
from thidua.documents.models import DocumentBatch, GeneratedDocument
from thidua.units import access


@extend_schema(tags=["documents"], summary="Văn bản đã phát hành trong phạm vi (mọi phiên bản)")
class DocumentListView(generics.ListAPIView):
    serializer_class = GeneratedDocumentSerializer

    def get_queryset(self) -> QuerySet[GeneratedDocument]:
        queryset = GeneratedDocument.objects.select_related("unit", "issuer").order_by(
            "-issued_at", "-id"
        )
        return access.restrict(self.request.user, queryset)


@extend_schema(tags=["documents"], summary="Một văn bản đã phát hành")
class DocumentDetailView(generics.RetrieveAPIView):
    serializer_class = GeneratedDocumentSerializer

    def get_object(self) -> GeneratedDocument:
        return access.get_for(
            self.request.user,
            GeneratedDocument.objects.select_related("unit", "issuer"),
            pk=self.kwargs["pk"],
        )


@extend_schema(tags=["documents"], summary="Tiến độ một lô văn bản")
class BatchDetailView(generics.RetrieveAPIView):
    serializer_class = DocumentBatchSerializer

    def get_object(self) -> DocumentBatch:
        return access.get_for(
            self.request.user, DocumentBatch.objects.defer("specs"), pk=self.kwargs["pk"]
        )
