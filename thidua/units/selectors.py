"""Reads of the unit tree. Callers pass a Scope from ``access.scope_for`` (never a raw queryset)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from thidua.core.models import AuditEntry
from thidua.core.text import fold
from thidua.units.access import Scope
from thidua.units.models import Unit


def with_child_counts(queryset: QuerySet[Unit]) -> QuerySet[Unit]:
    return queryset.annotate(child_count=Count("children", distinct=True))


def scope_roots(scope: Scope) -> QuerySet[Unit]:
    """The top units of a scope: the provinces for an administrator, else the membership units."""
    if scope.is_admin:
        roots = Unit.objects.filter(parent__isnull=True)
    else:
        roots = Unit.objects.filter(path__in=scope.root_paths())
    return with_child_counts(roots).order_by("-valid_to", "search_name")


def children_of(unit: Unit) -> QuerySet[Unit]:
    return with_child_counts(unit.children.all()).order_by("level", "search_name")


def search_units(scope: Scope, query: str) -> QuerySet[Unit]:
    """Units in scope whose name contains every word of ``query`` (with or without diacritics),
    or whose code is ``query``."""
    words = fold(query).split()
    queryset = scope.units().select_related("parent")
    if not words:
        return queryset.none()
    by_words = Q()
    for word in words:
        by_words &= Q(search_name__contains=word)
    return queryset.filter(by_words | Q(code=query.strip())).order_by("depth", "search_name")


def ancestors_of(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__in=unit.ancestor_paths).order_by("depth")


def audit_entries_for(unit: Unit) -> QuerySet[AuditEntry]:
    """Audit entries about the unit and everything below it, newest first."""
    return AuditEntry.objects.filter(unit__path__startswith=unit.path).select_related("unit")
