"""REST endpoints of the proceedings: the same selectors (scoped through the conference) and
services as the pages. Outside the caller's scope every id answers 404; a refusal answers
``{"code", "detail"}`` with 400 or 409."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.api.serializers import ErrorSerializer
from thidua.conferences import selectors as conference_selectors
from thidua.conferences.models import Conference
from thidua.proceedings import money, selectors, services
from thidua.proceedings.api_serializers import (
    ActualInputSerializer,
    BonusInputSerializer,
    BudgetLineInputSerializer,
    BudgetLineSerializer,
    BudgetSerializer,
    PresentationSerializer,
    SideActivitySerializer,
)
from thidua.units import access

TAGS = ["proceedings"]
ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer}


def _conference(request: Request, pk: Any) -> Conference:
    return conference_selectors.get_conference_for(request.user, pk)


def _conference_to_manage(request: Request, pk: Any) -> Conference:
    """The conference (404 outside the scope), then the role (403), before the body is read:
    a refusal never depends on what was sent."""
    conference = _conference(request, pk)
    access.require(request.user, "proceedings.manage", conference.unit)
    return conference


def _data(serializer_class: Any, request: Request) -> dict[str, Any]:
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


def _budget(conference: Conference) -> dict[str, Any]:
    lines = list(selectors.budget_lines_of(conference))
    totals = selectors.summarise(lines).total
    return dict(
        BudgetSerializer(
            {
                "lines": lines,
                "totals": {
                    "planned": totals.planned,
                    "actual": totals.actual,
                    "variance": totals.variance,
                    "in_words": money.money_in_words(totals.planned),
                },
            }
        ).data
    )


@extend_schema(tags=TAGS)
class BudgetView(APIView):
    @extend_schema(responses={200: BudgetSerializer, 404: ErrorSerializer}, summary="Kinh phí")
    def get(self, request: Request, pk: int) -> Response:
        return Response(_budget(_conference(request, pk)))

    @extend_schema(
        request=BudgetLineInputSerializer,
        responses={201: BudgetSerializer, **ERRORS},
        summary="Thêm khoản chi (dự toán = số lượng × đơn giá)",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to_manage(request, pk)
        services.add_budget_line(
            conference, by=request.user, **_data(BudgetLineInputSerializer, request)
        )
        return Response(_budget(conference), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class BonusView(APIView):
    @extend_schema(
        request=BonusInputSerializer,
        responses={201: BudgetSerializer, **ERRORS},
        summary="Thêm tiền thưởng (hệ số của hình thức × mức lương cơ sở ngày tổ chức)",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to_manage(request, pk)
        services.add_bonus_line(conference, by=request.user, **_data(BonusInputSerializer, request))
        return Response(_budget(conference), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class BudgetLineView(APIView):
    @extend_schema(
        request=ActualInputSerializer,
        responses={200: BudgetLineSerializer, **ERRORS},
        summary="Ghi thực chi của một dòng (null: chưa chi)",
    )
    def patch(self, request: Request, pk: int) -> Response:
        line = selectors.get_budget_line_for(request.user, pk)
        access.require(request.user, "proceedings.manage", line.conference.unit)
        line = services.record_actual(
            line, by=request.user, **_data(ActualInputSerializer, request)
        )
        return Response(BudgetLineSerializer(line).data)


@extend_schema(tags=TAGS)
class PresentationListView(APIView):
    @extend_schema(
        responses={200: PresentationSerializer(many=True), 404: ErrorSerializer},
        summary="Tham luận",
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = _conference(request, pk)
        rows = selectors.presentations_of(conference)
        return Response(PresentationSerializer(rows, many=True).data)

    @extend_schema(
        request=PresentationSerializer,
        responses={201: PresentationSerializer, **ERRORS},
        summary="Chọn tham luận (người trình bày trong danh sách đại biểu)",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to_manage(request, pk)
        data = PresentationSerializer(data=request.data)
        # ids resolve only among this conference's items and delegates: another unit's id is
        # answered as a nonexistent one
        data.fields["agenda_item"].queryset = conference.agenda_items.all()  # type: ignore[attr-defined]
        data.fields["delegate"].queryset = conference.delegates.all()  # type: ignore[attr-defined]
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        item, delegate = fields.pop("agenda_item"), fields.pop("delegate")
        presentation = services.add_presentation(
            conference, by=request.user, agenda_item=item, delegate=delegate, **fields
        )
        return Response(PresentationSerializer(presentation).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class SideActivityListView(APIView):
    @extend_schema(
        responses={200: SideActivitySerializer(many=True), 404: ErrorSerializer},
        summary="Hoạt động bên lề",
    )
    def get(self, request: Request, pk: int) -> Response:
        rows = selectors.side_activities_of(_conference(request, pk))
        return Response(SideActivitySerializer(rows, many=True).data)

    @extend_schema(
        request=SideActivitySerializer,
        responses={201: SideActivitySerializer, **ERRORS},
        summary="Ghi hoạt động bên lề",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to_manage(request, pk)
        activity = services.add_side_activity(
            conference, by=request.user, **_data(SideActivitySerializer, request)
        )
        return Response(SideActivitySerializer(activity).data, status=status.HTTP_201_CREATED)
