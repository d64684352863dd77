"""REST endpoints of campaigns: the same selectors (scoped) and services as the HTML views.

Outside the caller's scope every id answers 404; a refusal of a service answers
``{"code", "detail"}`` with 400 or 409.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.api.serializers import ErrorSerializer
from thidua.campaigns import plan_document, selectors, services
from thidua.campaigns.api_serializers import (
    AssignmentSerializer,
    BoardSerializer,
    CampaignCreateSerializer,
    CampaignDetailSerializer,
    CampaignSerializer,
    CampaignUpdateSerializer,
    FeedbackCreateSerializer,
    FeedbackSerializer,
    MessageSerializer,
    PlanDocumentSerializer,
    PlanIssueSerializer,
    PlanReissueSerializer,
    ResultsSerializer,
    ReturnSerializer,
    SubmissionSerializer,
    SubmitSerializer,
)
from thidua.campaigns.enums import AssignmentKind
from thidua.campaigns.models import Assignment, Campaign, CampaignPreset, ResultsReport
from thidua.units import access

TAGS = ["campaigns"]
CAMPAIGN_FILTER = OpenApiParameter("campaign", OpenApiTypes.INT, description="Mã số kế hoạch")


def _campaign(request: Request, pk: Any) -> Campaign:
    return selectors.get_campaign_for(request.user, pk)


@extend_schema(tags=TAGS)
class CampaignListView(generics.ListCreateAPIView):
    """Campaigns the caller sees: issued by a unit in scope, or issued to one."""

    serializer_class = CampaignSerializer

    def get_queryset(self) -> QuerySet[Campaign]:
        return selectors.visible_campaigns(access.scope_for(self.request.user)).order_by("-pk")

    @extend_schema(
        request=CampaignCreateSerializer,
        responses={201: CampaignDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        summary="Tạo kế hoạch từ mẫu",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = CampaignCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        issuer = access.get_unit_for(request.user, data.validated_data["issuer"])
        preset = get_object_or_404(CampaignPreset, code=data.validated_data["preset"])
        campaign = services.create_campaign(
            preset=preset,
            issuer=issuer,
            by=request.user,
            name=data.validated_data.get("name") or None,
        )
        body = CampaignDetailSerializer(selectors.campaign_with_rules(campaign)).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class CampaignDetailView(APIView):
    @extend_schema(
        responses={200: CampaignDetailSerializer, 404: ErrorSerializer},
        summary="Một kế hoạch với các quy định",
    )
    def get(self, request: Request, pk: int) -> Response:
        campaign = selectors.campaign_with_rules(_campaign(request, pk))
        return Response(CampaignDetailSerializer(campaign).data)

    @extend_schema(
        request=CampaignUpdateSerializer,
        responses={200: CampaignDetailSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        summary="Sửa giá trị của kế hoạch (có ghi nhật ký)",
    )
    def patch(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        data = CampaignUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.update_campaign(campaign, by=request.user, **data.validated_data)
        return Response(CampaignDetailSerializer(selectors.campaign_with_rules(campaign)).data)


@extend_schema(tags=TAGS)
class CampaignIssueView(APIView):
    @extend_schema(
        request=None,
        responses={200: CampaignSerializer, 409: ErrorSerializer},
        summary="Ban hành kế hoạch (giao nhiệm vụ cho các đơn vị)",
    )
    def post(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        services.issue_campaign(campaign, by=request.user)
        return Response(CampaignSerializer(_campaign(request, pk)).data)


@extend_schema(tags=TAGS)
class CampaignPlanView(APIView):
    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        summary="Nội dung có cấu trúc của văn bản kế hoạch (KH)",
    )
    def get(self, request: Request, pk: int) -> Response:
        campaign = selectors.campaign_with_rules(_campaign(request, pk))
        return Response(dataclasses.asdict(plan_document.plan_content(campaign)))


@extend_schema(tags=TAGS)
class CampaignPlanIssueView(APIView):
    @extend_schema(
        request=PlanIssueSerializer,
        responses={
            201: PlanDocumentSerializer,
            400: ErrorSerializer,
            403: ErrorSerializer,
            404: ErrorSerializer,
            409: ErrorSerializer,
        },
        summary="Phát hành văn bản kế hoạch (KH có số của cơ quan ban hành)",
    )
    def post(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        data = PlanIssueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = services.issue_plan(
            campaign, by=request.user, date=data.validated_data.get("date")
        )
        return Response(PlanDocumentSerializer(document).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class CampaignPlanReissueView(APIView):
    @extend_schema(
        request=PlanReissueSerializer,
        responses={201: PlanDocumentSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        summary="Phát hành lại văn bản kế hoạch (phiên bản mới, giữ nguyên số)",
    )
    def post(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        data = PlanReissueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = services.reissue_plan(
            campaign, by=request.user, note=data.validated_data.get("note", "")
        )
        return Response(PlanDocumentSerializer(document).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class CampaignPlanVersionsView(APIView):
    @extend_schema(
        responses={200: PlanDocumentSerializer(many=True), 404: ErrorSerializer},
        summary="Các phiên bản đã phát hành của văn bản kế hoạch",
    )
    def get(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        versions = selectors.plan_documents(campaign)
        return Response(PlanDocumentSerializer(versions, many=True).data)


@extend_schema(tags=TAGS)
class BoardView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("late", OpenApiTypes.BOOL, description="Chỉ đơn vị trễ hạn"),
            OpenApiParameter("page", OpenApiTypes.INT),
        ],
        responses={200: BoardSerializer, 403: ErrorSerializer, 404: ErrorSerializer},
        summary="Bảng tiến độ của kế hoạch",
    )
    def get(self, request: Request, pk: int) -> Response:
        campaign = _campaign(request, pk)
        access.require(request.user, "campaigns.view_board", campaign.issuer)
        board = selectors.board(
            campaign,
            access.scope_for(request.user),
            now=timezone.now(),
            late_only=request.query_params.get("late") in {"1", "true"},
            page_number=request.query_params.get("page"),
        )
        rows = [
            {
                "unit_code": row.unit.code,
                "unit_name": row.unit.name,
                "statuses": {kind: cell.status for kind, cell in row.cells.items()},
                "late": row.is_late,
                "open_feedback": row.open_feedback,
            }
            for row in board.rows
        ]
        return Response(
            {
                "counts": board.counts,
                "unit_total": board.unit_total,
                "late_units": board.late_units,
                "open_feedback": board.open_feedback,
                "page": board.page.number,
                "pages": board.page.paginator.num_pages,
                "rows": rows,
            }
        )


@extend_schema(tags=TAGS, parameters=[CAMPAIGN_FILTER])
class AssignmentListView(generics.ListAPIView):
    """Assignments of the units in the caller's scope."""

    serializer_class = AssignmentSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "now": timezone.now()}

    def get_queryset(self) -> QuerySet[Assignment]:
        campaign = None
        if raw := self.request.query_params.get("campaign"):
            campaign = _campaign(self.request, raw)
        return selectors.assignments_in_scope(
            access.scope_for(self.request.user), campaign=campaign
        )


@extend_schema(tags=TAGS)
class AssignmentDetailView(generics.RetrieveAPIView):
    serializer_class = AssignmentSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "now": timezone.now()}

    def get_object(self) -> Assignment:
        return selectors.get_assignment_for(self.request.user, self.kwargs["pk"])


@extend_schema(tags=TAGS)
class AssignmentSubmissionsView(APIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        responses={200: SubmissionSerializer(many=True), 404: ErrorSerializer},
        summary="Lịch sử gửi của một nhiệm vụ",
    )
    def get(self, request: Request, pk: int) -> Response:
        assignment = selectors.get_assignment_for(request.user, pk)
        return Response(SubmissionSerializer(selectors.submissions_of(assignment), many=True).data)

    @extend_schema(
        request={"multipart/form-data": SubmitSerializer, "application/json": SubmitSerializer},
        responses={201: SubmissionSerializer, 400: ErrorSerializer, 409: ErrorSerializer},
        summary="Gửi kế hoạch / ghi nhận hội nghị / báo cáo kết quả",
    )
    def post(self, request: Request, pk: int) -> Response:
        assignment = selectors.get_assignment_for(request.user, pk)
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        figures = data.figures() if assignment.kind == AssignmentKind.REPORT_RESULTS else None
        submission = services.submit_for_kind(
            assignment,
            by=request.user,
            note=values.get("note", ""),
            upload=values.get("file"),
            document_number=values.get("document_number", ""),
            document_date=values.get("document_date"),
            use_built_plan=values.get("use_built_plan", False),
            held_on=values.get("held_on"),
            figures=figures,
        )
        body = SubmissionSerializer(selectors.submissions_of(assignment).get(pk=submission.pk))
        return Response(body.data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class SubmissionDetailView(generics.RetrieveAPIView):
    serializer_class = SubmissionSerializer

    def get_object(self) -> Any:
        return selectors.get_submission_for(self.request.user, self.kwargs["pk"])


@extend_schema(tags=TAGS)
class SubmissionAcceptView(APIView):
    @extend_schema(
        request=None,
        responses={200: SubmissionSerializer, 409: ErrorSerializer},
        summary="Chấp nhận lần gửi mới nhất",
    )
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.get_submission_for(request.user, pk)
        return Response(
            SubmissionSerializer(services.accept_submission(submission, by=request.user)).data
        )


@extend_schema(tags=TAGS)
class SubmissionReturnView(APIView):
    @extend_schema(
        request=ReturnSerializer,
        responses={200: SubmissionSerializer, 400: ErrorSerializer},
        summary="Trả lại lần gửi mới nhất, có lý do",
    )
    def post(self, request: Request, pk: int) -> Response:
        submission = selectors.get_submission_for(request.user, pk)
        # Refused before the body is read (an empty body must not tell an outsider more).
        access.require(request.user, "campaigns.review", submission.assignment.campaign.issuer)
        data = ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        returned = services.return_submission(
            submission, by=request.user, reason=data.validated_data["reason"]
        )
        return Response(SubmissionSerializer(returned).data)


@extend_schema(tags=TAGS, parameters=[CAMPAIGN_FILTER])
class ResultsListView(generics.ListAPIView):
    """Results reports of the units in scope (every version, newest first)."""

    serializer_class = ResultsSerializer

    def get_queryset(self) -> QuerySet[ResultsReport]:
        rows = access.scope_for(self.request.user).restrict(
            ResultsReport.objects.all(), "submission__assignment__unit"
        )
        if raw := self.request.query_params.get("campaign"):
            rows = rows.filter(submission__assignment__campaign=_campaign(self.request, raw))
        return (
            rows.select_related("submission__assignment__unit")
            .prefetch_related("awards")
            .order_by("-submission__submitted_at", "-pk")
        )


@extend_schema(tags=TAGS, parameters=[CAMPAIGN_FILTER])
class FeedbackListView(generics.ListCreateAPIView):
    serializer_class = FeedbackSerializer

    def get_queryset(self) -> QuerySet[Any]:
        campaign = None
        if raw := self.request.query_params.get("campaign"):
            campaign = _campaign(self.request, raw)
        return selectors.feedback_in_scope(
            access.scope_for(self.request.user), campaign=campaign
        ).prefetch_related("messages__author")

    @extend_schema(
        request=FeedbackCreateSerializer,
        responses={201: FeedbackSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        summary="Báo vướng mắc",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = FeedbackCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        campaign = _campaign(request, data.validated_data["campaign"])
        unit = access.get_unit_for(request.user, data.validated_data["unit"])
        feedback = services.raise_feedback(
            campaign,
            unit=unit,
            by=request.user,
            subject=data.validated_data["subject"],
            body=data.validated_data["body"],
        )
        body = FeedbackSerializer(selectors.get_feedback_for(request.user, feedback.pk)).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class FeedbackDetailView(generics.RetrieveAPIView):
    serializer_class = FeedbackSerializer

    def get_object(self) -> Any:
        return selectors.get_feedback_for(self.request.user, self.kwargs["pk"])


@extend_schema(tags=TAGS)
class FeedbackMessageView(APIView):
    @extend_schema(
        request=MessageSerializer,
        responses={201: FeedbackSerializer, 409: ErrorSerializer},
        summary="Trả lời trong một vướng mắc",
    )
    def post(self, request: Request, pk: int) -> Response:
        feedback = selectors.get_feedback_for(request.user, pk)
        access.require(request.user, "campaigns.feedback", feedback.unit)  # before the body
        data = MessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.reply_feedback(feedback, by=request.user, body=data.validated_data["body"])
        body = FeedbackSerializer(selectors.get_feedback_for(request.user, pk)).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class FeedbackCloseView(APIView):
    @extend_schema(
        request=None,
        responses={200: FeedbackSerializer, 409: ErrorSerializer},
        summary="Đánh dấu vướng mắc đã giải quyết",
    )
    def post(self, request: Request, pk: int) -> Response:
        feedback = selectors.get_feedback_for(request.user, pk)
        services.close_feedback(feedback, by=request.user)
        return Response(FeedbackSerializer(selectors.get_feedback_for(request.user, pk)).data)
