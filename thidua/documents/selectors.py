"""Reads of the documents app. Callers pass a Scope from ``access.scope_for``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from thidua.documents.models import DocumentBatch, GeneratedDocument
from thidua.units.access import Scope
from thidua.units.models import Unit


def latest_documents(scope: Scope, unit: Unit) -> QuerySet[GeneratedDocument]:
    """The latest version of each document issued in ``unit`` and below, within the scope."""
    newer = GeneratedDocument.objects.filter(
        lineage=OuterRef("lineage"), version__gt=OuterRef("version")
    )
    queryset = GeneratedDocument.objects.filter(unit__path__startswith=unit.path).exclude(
        Exists(newer)
    )
    return (
        scope.restrict(queryset, "unit")
        .select_related("unit", "issuer", "issued_by")
        .order_by("-issued_at", "-id")
    )


def earlier_versions(documents: list[GeneratedDocument]) -> dict[Any, list[GeneratedDocument]]:
    """Earlier versions of each listed document (one query), newest first, by lineage."""
    found: dict[Any, list[GeneratedDocument]] = defaultdict(list)
    if not documents:
        return found
    rows = GeneratedDocument.objects.filter(
        lineage__in=[d.lineage for d in documents]
    ).select_related("issued_by")
    latest = {d.lineage: d.version for d in documents}
    for row in rows.order_by("-version"):
        if row.version < latest[row.lineage]:
            found[row.lineage].append(row)
    return found


def versions_of(document: GeneratedDocument) -> QuerySet[GeneratedDocument]:
    return (
        GeneratedDocument.objects.filter(lineage=document.lineage)
        .select_related("issued_by")
        .order_by("-version")
    )


def batches_in(scope: Scope, unit: Unit) -> QuerySet[DocumentBatch]:
    queryset = DocumentBatch.objects.filter(unit__path__startswith=unit.path).defer("specs")
    return scope.restrict(queryset, "unit").select_related("unit", "created_by")
