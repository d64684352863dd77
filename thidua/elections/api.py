"""REST endpoints of the elections app (read-only here): polls and allocations in the caller's
scope, through the same selectors as the pages. Outside the scope every id answers 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from thidua.elections import selectors
from thidua.elections.models import Allocation, Poll
from thidua.units import access

TAGS = ["elections"]


class PollSerializer(serializers.ModelSerializer[Poll]):
    unit = serializers.CharField(source="conference.unit.name", read_only=True)
    conference = serializers.IntegerField(source="conference_id", read_only=True)

    class Meta:
        model = Poll
        fields = [
            "id", "conference", "unit", "procedure", "scope", "seats", "status", "entitled",
            "present", "result", "rule_text", "opened_at", "closed_at",
        ]  # fmt: skip
        read_only_fields = fields


class AllocationSerializer(serializers.ModelSerializer[Allocation]):
    unit = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Allocation
        fields = ["id", "campaign", "unit", "seats", "method", "weight_source", "min_per_unit",
                  "caps", "weights", "result", "ties", "categories", "updated_at"]  # fmt: skip
        read_only_fields = fields


@extend_schema(tags=TAGS)
class PollListView(generics.ListAPIView):
    """Polls of conferences in the caller's scope (with their tally and the rule applied)."""

    serializer_class = PollSerializer

    def get_queryset(self) -> QuerySet[Poll]:
        return selectors.polls_in(access.scope_for(self.request.user))


@extend_schema(tags=TAGS)
class PollDetailView(generics.RetrieveAPIView):
    serializer_class = PollSerializer

    def get_object(self) -> Any:
        return selectors.get_poll_for(self.request.user, self.kwargs["pk"])


@extend_schema(tags=TAGS)
class AllocationListView(generics.ListAPIView):
    """Seat allocations of units in the caller's scope."""

    serializer_class = AllocationSerializer

    def get_queryset(self) -> QuerySet[Allocation]:
        return selectors.allocations_in(access.scope_for(self.request.user))
