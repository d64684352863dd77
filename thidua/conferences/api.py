"""REST endpoints of conferences: the same selectors (scoped) and services as the HTML views.

Outside the caller's scope every id answers 404; a refusal of a service answers
``{"code", "detail"}`` with 400 or 409.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.api.serializers import ErrorSerializer
from thidua.campaigns import selectors as campaign_selectors
from thidua.conferences import rules, selectors, services
from thidua.conferences.api_serializers import (
    AgendaItemInputSerializer,
    AgendaItemUpdateSerializer,
    AgendaSerializer,
    ApplySerializer,
    ApproveSerializer,
    CapProposalSerializer,
    CapSerializer,
    CheckSerializer,
    ConferenceCreateSerializer,
    ConferenceSerializer,
    ConferenceUpdateSerializer,
    DelegateInputSerializer,
    DelegateSerializer,
    DelegateUpdateSerializer,
    FormatChoiceSerializer,
    MoveSerializer,
    ProposalInputSerializer,
    ProposalSerializer,
    ReasonSerializer,
)
from thidua.conferences.models import Conference, Delegate, DelegateProposal
from thidua.units import access

TAGS = ["conferences"]
ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer}


def _conference(request: Request, pk: Any) -> Conference:
    return selectors.get_conference_for(request.user, pk)


def _conference_to(request: Request, pk: Any, action: str) -> Conference:
    """The conference, refused before its body is read: 404 outside the scope, 403 without the
    role (an empty or invalid body from an outsider must not reveal that the id exists)."""
    conference = _conference(request, pk)
    access.require(request.user, action, conference.unit)
    return conference


def _data(serializer_class: Any, request: Request, partial: bool = False) -> dict[str, Any]:
    data = serializer_class(data=request.data, partial=partial)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


def _conference_body(request: Request, pk: Any) -> dict[str, Any]:
    return dict(ConferenceSerializer(_conference(request, pk)).data)


@extend_schema(tags=TAGS)
class ConferenceListView(generics.ListCreateAPIView):
    """Conferences of units in the caller's scope."""

    serializer_class = ConferenceSerializer

    def get_queryset(self) -> QuerySet[Conference]:
        return selectors.conferences_in(access.scope_for(self.request.user))

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        selectors.attach_level_rules(page or [])
        return page

    @extend_schema(
        request=ConferenceCreateSerializer,
        responses={201: ConferenceSerializer, **ERRORS},
        summary="Tổ chức hội nghị theo quy định của kế hoạch",
        examples=[
            OpenApiExample(
                "Thị trấn có 342 người: Hội nghị đại biểu",
                value={
                    "campaign": 1,
                    "unit": 12,
                    "held_on": "2025-03-14",
                    "session": "morning",
                    "venue": "Hội trường UBND thị trấn Quế",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = _data(ConferenceCreateSerializer, request)
        campaign = campaign_selectors.get_campaign_for(request.user, data.pop("campaign"))
        unit = access.get_unit_for(request.user, data.pop("unit"))
        conference = services.create_conference(campaign, unit, by=request.user, **data)
        return Response(_conference_body(request, conference.pk), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class ConferenceDetailView(APIView):
    @extend_schema(responses={200: ConferenceSerializer, 404: ErrorSerializer}, summary="Hội nghị")
    def get(self, request: Request, pk: int) -> Response:
        return Response(_conference_body(request, pk))

    @extend_schema(
        request=ConferenceUpdateSerializer,
        responses={200: ConferenceSerializer, **ERRORS},
        summary="Sửa ngày, buổi, giờ, địa điểm",
    )
    def patch(self, request: Request, pk: int) -> Response:
        data = _data(ConferenceUpdateSerializer, request, partial=True)
        services.update_conference(_conference(request, pk), by=request.user, **data)
        return Response(_conference_body(request, pk))


def _action(summary: str, request_serializer: Any) -> Any:
    return extend_schema(
        tags=TAGS,
        request=request_serializer,
        responses={200: ConferenceSerializer, **ERRORS},
        summary=summary,
    )


class FormatView(APIView):
    @_action("Đơn vị tổ chức lựa chọn hình thức (đúng bằng ngưỡng)", FormatChoiceSerializer)
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.manage")
        data = _data(FormatChoiceSerializer, request)
        services.choose_format(
            conference,
            by=request.user,
            chosen_format=data["chosen_format"],
            reason=data["reason"],
        )
        return Response(_conference_body(request, pk))


class CapProposalView(APIView):
    @_action("Ghi nhận số đại biểu Hội đồng TĐKT đề xuất", CapProposalSerializer)
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.propose_cap")
        data = _data(CapProposalSerializer, request)
        services.propose_cap(conference, by=request.user, **data)
        return Response(_conference_body(request, pk))


class CapView(APIView):
    @_action("Đơn vị tổ chức quyết định số đại biểu tối đa", CapSerializer)
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.manage")
        data = _data(CapSerializer, request)
        services.decide_cap(conference, by=request.user, cap=data["cap"])
        return Response(_conference_body(request, pk))


class ApproveView(APIView):
    @_action(
        "Duyệt danh sách để gửi giấy mời (khi chưa đạt cơ cấu: phải ghi lý do)", ApproveSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.approve_list")
        data = _data(ApproveSerializer, request)
        services.approve_delegate_list(
            conference, by=request.user, override_reason=data["override_reason"]
        )
        return Response(_conference_body(request, pk))


class ReopenView(APIView):
    @_action("Mở lại danh sách đã duyệt (trước khi gửi giấy mời)", ReasonSerializer)
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.approve_list")
        data = _data(ReasonSerializer, request)
        services.reopen_delegate_list(conference, by=request.user, reason=data["reason"])
        return Response(_conference_body(request, pk))


# --- Agenda --------------------------------------------------------------------------------------


@extend_schema(tags=TAGS)
class AgendaView(APIView):
    @extend_schema(
        responses={200: AgendaSerializer, 404: ErrorSerializer},
        summary="Chương trình hội nghị (giờ bắt đầu, kết thúc của từng nội dung)",
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(AgendaSerializer(selectors.agenda_of(_conference(request, pk))).data)

    @extend_schema(
        request=AgendaItemInputSerializer,
        responses={201: AgendaSerializer, **ERRORS},
        summary="Thêm nội dung (văn nghệ, thiếu nhi chào mừng, phim tư liệu, giao lưu...)",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = _conference_to(request, pk, "conferences.manage")
        data = _data(AgendaItemInputSerializer, request)
        services.add_agenda_item(conference, by=request.user, **data)
        body = AgendaSerializer(selectors.agenda_of(_conference(request, pk))).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class AgendaAcceptView(APIView):
    @extend_schema(
        request=None,
        responses={200: AgendaSerializer, **ERRORS},
        summary="Chấp nhận chương trình (vượt một buổi: vẫn chấp nhận, có cảnh báo overrun)",
    )
    def post(self, request: Request, pk: int) -> Response:
        services.accept_agenda(_conference(request, pk), by=request.user)
        return Response(AgendaSerializer(selectors.agenda_of(_conference(request, pk))).data)


@extend_schema(tags=TAGS)
class AgendaItemView(APIView):
    @extend_schema(
        request=AgendaItemUpdateSerializer,
        responses={200: AgendaSerializer, **ERRORS},
        summary="Sửa nội dung, thời lượng, người thực hiện",
    )
    def patch(self, request: Request, pk: int) -> Response:
        item = selectors.get_agenda_item_for(request.user, pk)
        _conference_to(request, item.conference_id, "conferences.manage")
        data = _data(AgendaItemUpdateSerializer, request, partial=True)
        services.update_agenda_item(item, by=request.user, **data)
        conference = _conference(request, item.conference_id)
        return Response(AgendaSerializer(selectors.agenda_of(conference)).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, summary="Xóa nội dung bổ sung")
    def delete(self, request: Request, pk: int) -> Response:
        item = selectors.get_agenda_item_for(request.user, pk)
        services.remove_agenda_item(item, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=TAGS)
class AgendaItemMoveView(APIView):
    @extend_schema(
        request=MoveSerializer,
        responses={200: AgendaSerializer, **ERRORS},
        summary="Chuyển nội dung đến vị trí (từ 1)",
    )
    def post(self, request: Request, pk: int) -> Response:
        item = selectors.get_agenda_item_for(request.user, pk)
        _conference_to(request, item.conference_id, "conferences.manage")
        data = _data(MoveSerializer, request)
        services.move_agenda_item(item, by=request.user, position=data["position"])
        conference = _conference(request, item.conference_id)
        return Response(AgendaSerializer(selectors.agenda_of(conference)).data)


# --- Delegates -----------------------------------------------------------------------------------


@extend_schema(tags=TAGS)
class DelegateListView(generics.ListCreateAPIView):
    """Delegates of a conference (``?status=listed`` etc.; default: everyone)."""

    serializer_class = DelegateSerializer

    def get_queryset(self) -> QuerySet[Delegate]:
        conference = _conference(self.request, self.kwargs["pk"])
        queryset = selectors.delegates_of(conference)
        wanted = self.request.query_params.get("status")
        if wanted == "on_list":
            return queryset.filter(status__in=rules.ON_LIST)
        return queryset.filter(status=wanted) if wanted else queryset

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                description="reserve, listed, invited, confirmed, declined, checked_in, on_list",
            )
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=DelegateInputSerializer,
        responses={201: DelegateSerializer, **ERRORS},
        summary="Thêm điển hình từ danh sách của đơn vị, hoặc khách mời, lãnh đạo",
        examples=[
            OpenApiExample("Điển hình", value={"honoree": 31}, request_only=True),
            OpenApiExample(
                "Lãnh đạo bắt buộc có mặt",
                value={
                    "category": "leader",
                    "name": "Nguyễn Thành Thăng",
                    "position": "Chủ tịch UBND huyện",
                    "gender": "male",
                    "required": True,
                },
                request_only=True,
            ),
        ],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        conference = _conference_to(request, kwargs["pk"], "conferences.manage")
        data = _data(DelegateInputSerializer, request)
        if "honoree" in data:
            delegate = services.add_honoree_delegate(
                conference, by=request.user, honoree_id=data["honoree"]
            )
        else:
            if data.get("sub_unit") is not None:
                data["sub_unit"] = access.get_unit_for(request.user, data["sub_unit"])
            delegate = services.add_manual_delegate(
                conference,
                by=request.user,
                category=data.pop("category"),
                name=data.pop("name"),
                **data,
            )
        return Response(DelegateSerializer(delegate).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class DelegateDetailView(APIView):
    @extend_schema(responses={200: DelegateSerializer, 404: ErrorSerializer}, summary="Đại biểu")
    def get(self, request: Request, pk: int) -> Response:
        return Response(DelegateSerializer(selectors.get_delegate_for(request.user, pk)).data)

    @extend_schema(
        request=DelegateUpdateSerializer,
        responses={200: DelegateSerializer, **ERRORS},
        summary="Sửa thông tin đại biểu",
    )
    def patch(self, request: Request, pk: int) -> Response:
        delegate = selectors.get_delegate_for(request.user, pk)
        _conference_to(request, delegate.conference_id, "conferences.manage")
        data = _data(DelegateUpdateSerializer, request, partial=True)
        data.pop("honoree", None)
        if data.get("sub_unit") is not None:
            data["sub_unit"] = access.get_unit_for(request.user, data["sub_unit"])
        updated = services.update_delegate(delegate, by=request.user, **data)
        return Response(DelegateSerializer(updated).data)

    @extend_schema(
        request=None,
        responses={200: DelegateSerializer, 204: None, **ERRORS},
        summary="Bỏ khỏi danh sách (nhập tay: chuyển dự bị, trả về 200; điển hình: xóa, 204)",
    )
    def delete(self, request: Request, pk: int) -> Response:
        delegate = selectors.get_delegate_for(request.user, pk)
        kept = services.remove_delegate(delegate, by=request.user)
        if kept is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(DelegateSerializer(kept).data)


@extend_schema(tags=TAGS)
class DelegateRestoreView(APIView):
    @extend_schema(
        request=None, responses={200: DelegateSerializer, **ERRORS}, summary="Đưa dự bị vào"
    )
    def post(self, request: Request, pk: int) -> Response:
        delegate = selectors.get_delegate_for(request.user, pk)
        return Response(
            DelegateSerializer(services.restore_delegate(delegate, by=request.user)).data
        )


@extend_schema(tags=TAGS)
class CheckView(APIView):
    @extend_schema(
        responses={200: CheckSerializer, 404: ErrorSerializer},
        summary="Kiểm tra cơ cấu danh sách hiện tại (từng quy định: yêu cầu, hiện có, đạt)",
    )
    def get(self, request: Request, pk: int) -> Response:
        conference = _conference(request, pk)
        report = selectors.check_list(conference)
        return Response(
            {
                "passed": report.passed,
                "total": report.total,
                "rules": report.as_list(),
                "emphases": selectors.emphases(conference),
            }
        )


# --- Proposals -----------------------------------------------------------------------------------


@extend_schema(tags=TAGS)
class ProposalListView(generics.ListCreateAPIView):
    serializer_class = ProposalSerializer

    def get_queryset(self) -> QuerySet[DelegateProposal]:
        return selectors.proposals_of(_conference(self.request, self.kwargs["pk"]))

    @extend_schema(
        request=ProposalInputSerializer,
        responses={201: ProposalSerializer, **ERRORS},
        summary="Đề xuất danh sách (tối đa điểm thành tích, đúng cơ cấu, bốc thăm có số gốc)",
        examples=[
            OpenApiExample(
                "30 đại biểu, lãnh đạo bắt buộc",
                value={"size": 30, "seed": 2025, "required": ["d12"], "source": "honorees"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        conference = _conference_to(request, kwargs["pk"], "conferences.manage")
        data = _data(ProposalInputSerializer, request)
        proposal = services.propose_delegates(
            conference,
            by=request.user,
            size=data["size"],
            seed=data.get("seed"),
            required=data["required"],
            weights=data.get("weights"),
            source=data["source"],
        )
        return Response(ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class ProposalDetailView(APIView):
    @extend_schema(
        responses={200: ProposalSerializer, 404: ErrorSerializer}, summary="Một lần đề xuất"
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(ProposalSerializer(selectors.get_proposal_for(request.user, pk)).data)


@extend_schema(tags=TAGS)
class ProposalApplyView(APIView):
    @extend_schema(
        request=None,
        responses={200: ApplySerializer, **ERRORS},
        summary="Áp dụng đề xuất vào danh sách",
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = selectors.get_proposal_for(request.user, pk)
        return Response(services.apply_proposal(proposal, by=request.user))
