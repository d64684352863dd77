"""REST endpoints of the unit tree: scoped through thidua/units/access.py like the HTML views."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import ErrorSerializer
from thidua.core.text import fold
from thidua.units import access
from thidua.units.api_serializers import UnitDetailSerializer, UnitSerializer
from thidua.units.enums import UnitLevel
from thidua.units.models import Unit, UnitQuerySet

UNIT_FILTERS = [
    OpenApiParameter("parent", OpenApiTypes.STR, description="Mã đơn vị cấp trên trực tiếp"),
    OpenApiParameter("level", OpenApiTypes.STR, enum=UnitLevel.values, description="Cấp"),
    OpenApiParameter("q", OpenApiTypes.STR, description="Tìm theo tên (có hoặc không dấu) hoặc mã"),
    OpenApiParameter("on", OpenApiTypes.DATE, description="Chỉ đơn vị còn hiệu lực vào ngày này"),
]


def _on_date(request: Request) -> dt.date | None:
    raw = request.query_params.get("on")
    if not raw:
        return None
    try:
        day = parse_date(raw)
    except ValueError:
        day = None
    if day is None:
        raise ValidationError({"on": _("Ngày không hợp lệ (YYYY-MM-DD).")})
    return day


@extend_schema(parameters=UNIT_FILTERS, tags=["units"], summary="Danh sách đơn vị trong phạm vi")
class UnitListView(generics.ListAPIView):
    serializer_class = UnitSerializer

    def get_queryset(self) -> QuerySet[Unit]:
        queryset: UnitQuerySet = access.units_for(self.request.user)  # type: ignore[assignment]
        queryset = queryset.select_related("parent").order_by("path")
        params = self.request.query_params
        if parent := params.get("parent"):
            queryset = queryset.filter(parent__code=parent)
        if level := params.get("level"):
            queryset = queryset.filter(level=level)
        if query := params.get("q", "").strip():
            for word in fold(query).split():
                queryset = queryset.filter(search_name__contains=word)
        if day := _on_date(self.request):
            queryset = queryset.valid_on(day)
        return queryset


@extend_schema(
    tags=["units"],
    summary="Một đơn vị theo mã",
    parameters=[UNIT_FILTERS[3]],
    responses={200: UnitDetailSerializer, 404: ErrorSerializer},
)
class UnitDetailView(generics.RetrieveAPIView):
    """A unit in scope by its code. The same official code can name a 2024 unit, its 2025
    renamed successor and a post-reform unit: the one valid on ``on`` (default: today) wins,
    else the most recent."""

    serializer_class = UnitDetailSerializer
    lookup_field = "code"

    def get_object(self) -> Unit:
        candidates = list(
            access.units_for(self.request.user)
            .filter(code=self.kwargs["code"])
            .select_related("parent")
            .prefetch_related("successors", "predecessors")
        )
        if not candidates:
            raise Http404
        day = _on_date(self.request) or timezone.localdate()
        valid = [u for u in candidates if u.is_valid_on(day)]
        pool = valid or candidates
        return max(pool, key=lambda u: (u.valid_to or dt.date.max, u.valid_from or dt.date.min))

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)
