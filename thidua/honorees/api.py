"""REST endpoints of the registry: scoped through thidua/units/access.py and writing through
the same services as the HTML views."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.serializers import ErrorSerializer
from thidua.honorees import selectors, services
from thidua.honorees.api_serializers import (
    HonoreeSerializer,
    HonoreeWriteSerializer,
    MovementSerializer,
)
from thidua.honorees.enums import LaunchedBy
from thidua.honorees.models import Honoree, Movement, Recognition
from thidua.honorees.services.movements import LAUNCHER_LEVEL
from thidua.units import access

HONOREE_FILTERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Tên (có hoặc không dấu)"),
    OpenApiParameter("unit", OpenApiTypes.INT, description="Id đơn vị: đơn vị và cấp dưới"),
    OpenApiParameter("kind", OpenApiTypes.STR, description="individual | collective"),
    OpenApiParameter("field", OpenApiTypes.STR, description="Mã lĩnh vực"),
    OpenApiParameter("component", OpenApiTypes.STR, description="Mã thành phần"),
    OpenApiParameter("gender", OpenApiTypes.STR, description="male | female"),
    OpenApiParameter("award_form", OpenApiTypes.STR, description="Mã danh hiệu đã nhận"),
    OpenApiParameter("stage", OpenApiTypes.STR, description="discovered | fostered | replicated"),
]


def _detail_queryset(queryset: QuerySet[Honoree]) -> QuerySet[Honoree]:
    return queryset.prefetch_related(
        Prefetch("recognitions", queryset=Recognition.objects.select_related("award_form")),
        "movements",
    )


def _write_data(request: Request) -> dict[str, Any]:
    serializer = HonoreeWriteSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class HonoreeListCreateView(generics.ListCreateAPIView):
    serializer_class = HonoreeSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        # Lists mask national ID numbers for everyone (issue 11); one honoree's record shows it
        # in full to those who may see personal data.
        return {**super().get_serializer_context(), "in_list": self.request.method == "GET"}

    def get_queryset(self) -> QuerySet[Honoree]:
        params = self.request.query_params
        unit = None
        if params.get("unit"):
            unit = access.get_unit_for(self.request.user, params["unit"])
        filters = selectors.HonoreeFilters(
            q=params.get("q", "")[:100],
            unit=unit,
            **{
                key: params.get(key, "")
                for key in ("kind", "field", "component", "gender", "award_form", "stage")
            },
        )
        scope = access.scope_for(self.request.user)
        return _detail_queryset(selectors.search_honorees(scope, filters))

    @extend_schema(tags=["honorees"], summary="Điển hình trong phạm vi", parameters=HONOREE_FILTERS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["honorees"],
        summary="Thêm điển hình",
        request=HonoreeWriteSerializer,
        responses={201: HonoreeSerializer, 400: ErrorSerializer, 409: ErrorSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = _write_data(request)
        missing = [key for key in ("unit_id", "kind", "name") if not data.get(key)]
        if missing:
            raise ValidationError({key: ["Trường này là bắt buộc."] for key in missing})
        unit = access.get_unit_for(request.user, data.pop("unit_id"))
        access.require(request.user, "honorees.edit", unit)
        honoree = services.create_honoree(by=request.user, unit=unit, **data)
        honoree = _detail_queryset(Honoree.objects.select_related("unit")).get(pk=honoree.pk)
        body = HonoreeSerializer(honoree, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class HonoreeDetailView(generics.GenericAPIView):
    serializer_class = HonoreeSerializer

    def get_object(self) -> Honoree:
        return access.get_for(
            self.request.user,
            _detail_queryset(Honoree.objects.for_list()),
            pk=self.kwargs["pk"],
        )

    @extend_schema(tags=["honorees"], responses={200: HonoreeSerializer, 404: ErrorSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        tags=["honorees"],
        request=HonoreeWriteSerializer,
        responses={200: HonoreeSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def patch(self, request: Request, pk: int) -> Response:
        honoree = self.get_object()
        access.require(request.user, "honorees.edit", honoree.unit)
        data = _write_data(request)
        if "unit_id" in data:
            raise ValidationError({"unit_id": ["Không đổi đơn vị qua API."]})
        if "national_id" in data and not access.can(
            request.user, "honorees.view_personal", honoree.unit
        ):
            raise PermissionDenied
        services.update_honoree(honoree, by=request.user, **data)
        return Response(self.get_serializer(self.get_object()).data)


class MovementListCreateView(generics.ListCreateAPIView):
    serializer_class = MovementSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Movement]:
        return selectors.movements_visible(access.scope_for(self.request.user)).order_by(
            "launched_by", "name"
        )

    @extend_schema(tags=["movements"], summary="Phong trào thi đua")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["movements"],
        summary="Thêm phong trào",
        responses={201: MovementSerializer, 400: ErrorSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = MovementSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        unit_id = data.pop("unit_id", None)
        data.pop("is_active", None)
        unit = None
        if LAUNCHER_LEVEL.get(LaunchedBy(data["launched_by"])) is None:
            if not request.user.is_superuser:  # national movements: administrators only
                raise PermissionDenied
        else:
            if unit_id is None:
                raise ValidationError({"unit_id": ["Trường này là bắt buộc."]})
            unit = access.get_unit_for(request.user, unit_id)
            access.require(request.user, "honorees.manage_movements", unit)
        movement = services.create_movement(by=request.user, unit=unit, **data)
        return Response(MovementSerializer(movement).data, status=status.HTTP_201_CREATED)


class MovementDetailView(generics.GenericAPIView):
    serializer_class = MovementSerializer

    def get_object(self) -> Movement:
        return selectors.get_movement_for(self.request.user, self.kwargs["pk"])

    @extend_schema(tags=["movements"], responses={200: MovementSerializer, 404: ErrorSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        tags=["movements"],
        responses={200: MovementSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def patch(self, request: Request, pk: int) -> Response:
        movement = self.get_object()
        if movement.unit is None:
            if not request.user.is_superuser:
                raise PermissionDenied
        elif not access.can(request.user, "honorees.manage_movements", movement.unit):
            # The movement is visible (it may be launched above the user's scope): 403.
            raise PermissionDenied
        serializer = MovementSerializer(movement, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = {
            key: value
            for key, value in serializer.validated_data.items()
            if key in services.movements.EDITABLE
        }
        movement = services.update_movement(movement, by=request.user, **changes)
        return Response(MovementSerializer(movement).data)
