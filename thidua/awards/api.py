"""REST endpoints of the awards app: scoped through thidua/units/access.py like the pages and
writing through the same services."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.api.serializers import ErrorSerializer
from thidua.awards import selectors, services
from thidua.awards.api_serializers import (
    AuthorityRuleSerializer,
    AwardFormSerializer,
    AwardProposalSerializer,
    AwardSubmissionSerializer,
    CandidateWriteSerializer,
    DecideWriteSerializer,
    DecisionSerializer,
    EntrySerializer,
    OpinionWriteSerializer,
    PrintWriteSerializer,
    ProposalWriteSerializer,
    ReasonWriteSerializer,
    ReviewWriteSerializer,
    StatisticsSerializer,
)
from thidua.awards.models import (
    AwardForm,
    Decision,
    DecisionEntry,
    Evidence,
    Proposal,
    ProposalItem,
    Submission,
)
from thidua.honorees import selectors as honoree_selectors
from thidua.units import access

TAG = ["awards"]
ERRORS = {400: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer}


def _data(serializer_class: Any, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _proposals() -> QuerySet[Proposal]:
    return Proposal.objects.select_related("unit", "minutes").prefetch_related(
        Prefetch(
            "items",
            queryset=ProposalItem.objects.select_related("honoree", "award_form").prefetch_related(
                Prefetch(
                    "evidence", queryset=Evidence.objects.only("id", "item_id", "original_name")
                )
            ),
        )
    )


def _proposal(request: Request, pk: int, action: str = "awards.view") -> Proposal:
    proposal = access.get_for(request.user, _proposals(), pk=pk)
    access.require(request.user, action, proposal.unit)
    return proposal


def _items(proposal: Proposal, ids: list[int] | None) -> list[ProposalItem]:
    return list(proposal.items.filter(pk__in=ids or []))


def _proposal_response(proposal: Proposal, code: int = status.HTTP_200_OK) -> Response:
    fresh = _proposals().get(pk=proposal.pk)
    return Response(AwardProposalSerializer(fresh).data, status=code)


@extend_schema(tags=TAG, summary="Danh mục danh hiệu, hình thức khen thưởng")
class AwardFormListView(generics.ListAPIView):
    serializer_class = AwardFormSerializer
    queryset = AwardForm.objects.all()


class AuthorityView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Bảng thẩm quyền có hiệu lực vào một ngày",
        parameters=[OpenApiParameter("on", OpenApiTypes.DATE, description="Mặc định: hôm nay")],
        responses={200: AuthorityRuleSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        try:
            on = dt.date.fromisoformat(request.query_params["on"])
        except (KeyError, ValueError):
            on = timezone.localdate()
        rows = selectors.authority_rows_on(on)
        return Response(AuthorityRuleSerializer(rows, many=True).data)


class ProposalListCreateView(generics.ListAPIView):
    serializer_class = AwardProposalSerializer

    def get_queryset(self) -> QuerySet[Proposal]:
        scope = access.scope_for(self.request.user)
        return scope.restrict(_proposals(), "unit").order_by("-created_at", "-id")

    @extend_schema(tags=TAG, summary="Đề nghị khen thưởng trong phạm vi")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAG,
        summary="Lập đề nghị",
        request=ProposalWriteSerializer,
        responses={201: AwardProposalSerializer, **ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = _data(ProposalWriteSerializer, request)
        unit = access.get_unit_for(request.user, data.pop("unit_id"))
        access.require(request.user, "awards.propose", unit)
        movement_id = data.pop("movement_id", None)
        movement = None
        if movement_id:
            scope = access.scope_for(request.user)
            movement = get_object_or_404(honoree_selectors.movements_visible(scope), pk=movement_id)
        proposal = services.create_proposal(by=request.user, unit=unit, movement=movement, **data)
        return _proposal_response(proposal, status.HTTP_201_CREATED)


class ProposalDetailView(APIView):
    @extend_schema(tags=TAG, responses={200: AwardProposalSerializer, 404: ErrorSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(AwardProposalSerializer(_proposal(request, pk)).data)


class CandidateView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Thêm người, tập thể vào đề nghị (kiểm tra tiêu chí ngay)",
        request=CandidateWriteSerializer,
        responses={201: AwardProposalSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.propose")
        data = _data(CandidateWriteSerializer, request)
        scope = access.scope_for(request.user)
        honoree = get_object_or_404(
            scope.restrict(honoree_selectors.Honoree.objects.select_related("unit"), "unit"),
            pk=data.pop("honoree_id"),
        )
        form = get_object_or_404(AwardForm, code=data.pop("award_form"))
        services.add_candidate(proposal, by=request.user, honoree=honoree, award_form=form, **data)
        return _proposal_response(proposal, status.HTTP_201_CREATED)


class SubmitForReviewView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Gửi Hội đồng xét",
        request=None,
        responses={200: AwardProposalSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.assemble")
        services.submit_for_review(proposal, by=request.user)
        return _proposal_response(proposal)


class OpinionView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Ý kiến của thành viên Hội đồng",
        request=OpinionWriteSerializer,
        responses={200: AwardProposalSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.review")
        data = _data(OpinionWriteSerializer, request)
        item = get_object_or_404(proposal.items.select_related("proposal"), pk=data.pop("item"))
        services.record_opinion(item, by=request.user, **data)
        return _proposal_response(proposal)


class ReviewView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Biểu quyết của Hội đồng và biên bản",
        request=ReviewWriteSerializer,
        responses={200: AwardProposalSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.review")
        data = _data(ReviewWriteSerializer, request)
        votes = None
        if data.get("votes"):
            votes = {
                v["item"]: (v["votes_for"], v["votes_against"], v["abstentions"])
                for v in data["votes"]
            }
        services.close_review(
            proposal,
            by=request.user,
            held_on=data["held_on"],
            members_present=data["members_present"],
            votes=votes,
        )
        return _proposal_response(proposal)


class DecideView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Quyết định khen thưởng trong thẩm quyền",
        description="Hình thức vượt thẩm quyền: 400 awards.beyond_authority (dùng /escalate/).",
        request=DecideWriteSerializer,
        responses={201: DecisionSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.decide")
        data = _data(DecideWriteSerializer, request)
        decision = services.decide(
            proposal, by=request.user, items=_items(proposal, data.pop("items", None)), **data
        )
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class EscalateView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Tờ trình lên cấp trên",
        request=DecideWriteSerializer,
        responses={201: AwardSubmissionSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = _proposal(request, pk, "awards.submit")
        data = _data(DecideWriteSerializer, request)
        submission = services.escalate(
            proposal,
            by=request.user,
            items=_items(proposal, data.get("items")),
            submitted_on=data.get("decided_on"),
            signer_name=data.get("signer_name", ""),
        )
        return Response(AwardSubmissionSerializer(submission).data, status=status.HTTP_201_CREATED)


def _submissions() -> QuerySet[Submission]:
    return Submission.objects.select_related("document", "decision").prefetch_related(
        Prefetch(
            "items",
            queryset=ProposalItem.objects.select_related("honoree", "award_form").prefetch_related(
                "evidence"
            ),
        )
    )


class SubmissionListView(generics.ListAPIView):
    serializer_class = AwardSubmissionSerializer

    def get_queryset(self) -> QuerySet[Submission]:
        scope = access.scope_for(self.request.user)
        queryset = scope.restrict(_submissions(), "from_unit")
        params = self.request.query_params
        if params.get("unit"):
            unit = access.get_unit_for(self.request.user, params["unit"])
            field = "to_unit" if params.get("box") == "inbox" else "from_unit"
            queryset = queryset.filter(**{field: unit})
        if params.get("status"):
            queryset = queryset.filter(status=params["status"])
        return queryset.order_by("-created_at", "-id")

    @extend_schema(
        tags=TAG,
        summary="Tờ trình trong phạm vi (hộp đến / đã trình của một đơn vị)",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.INT),
            OpenApiParameter("box", OpenApiTypes.STR, description="inbox | outbox"),
            OpenApiParameter("status", OpenApiTypes.STR),
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


def _submission(request: Request, pk: int) -> Submission:
    submission = access.get_for(request.user, _submissions(), unit_field="from_unit", pk=pk)
    access.require(request.user, "awards.view", submission.from_unit)
    return submission


class SubmissionDetailView(APIView):
    @extend_schema(tags=TAG, responses={200: AwardSubmissionSerializer, 404: ErrorSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(AwardSubmissionSerializer(_submission(request, pk)).data)


class SubmissionActionView(APIView):
    """POST …/submissions/<pk>/<action>/ with action decide | forward | return."""

    @extend_schema(
        tags=TAG,
        summary="Cấp trên xử lý tờ trình: decide | forward | return",
        request=DecideWriteSerializer,
        responses={200: AwardSubmissionSerializer, 201: DecisionSerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int, action: str) -> Response:
        submission = _submission(request, pk)
        access.require(request.user, "awards.decide", submission.to_unit)
        if action == "decide":
            data = _data(DecideWriteSerializer, request)
            data.pop("items", None)
            decision = services.decide_submission(submission, by=request.user, **data)
            return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)
        if action == "forward":
            data = _data(DecideWriteSerializer, request)
            upward = services.forward(
                submission,
                by=request.user,
                on=data.get("decided_on"),
                signer_name=data.get("signer_name", ""),
            )
            return Response(
                AwardSubmissionSerializer(_submissions().get(pk=upward.pk)).data,
                status=status.HTTP_201_CREATED,
            )
        if action == "return":
            data = _data(ReasonWriteSerializer, request)
            services.return_submission(submission, by=request.user, reason=data["reason"])
            return Response(AwardSubmissionSerializer(_submissions().get(pk=submission.pk)).data)
        return Response({"code": "not_found", "detail": "Không tìm thấy."}, status=404)


def _decisions() -> QuerySet[Decision]:
    return Decision.objects.select_related("office").prefetch_related(
        Prefetch(
            "entries",
            queryset=DecisionEntry.objects.select_related(
                "honoree", "unit", "award_form", "decision", "revocation"
            ),
        )
    )


class DecisionListView(generics.ListAPIView):
    serializer_class = DecisionSerializer

    def get_queryset(self) -> QuerySet[Decision]:
        return access.restrict(self.request.user, _decisions()).order_by("-decided_on", "-id")

    @extend_schema(tags=TAG, summary="Quyết định khen thưởng trong phạm vi")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class DecisionDetailView(APIView):
    @extend_schema(tags=TAG, responses={200: DecisionSerializer, 404: ErrorSerializer})
    def get(self, request: Request, pk: int) -> Response:
        decision = access.get_for(request.user, _decisions(), pk=pk)
        return Response(DecisionSerializer(decision).data)


class PrintView(APIView):
    @extend_schema(
        tags=TAG,
        summary="In giấy khen (lô nền; xem /documents/batches/<id>/)",
        request=PrintWriteSerializer,
        responses={202: OpenApiTypes.OBJECT, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        decision = access.get_for(
            request.user,
            Decision.objects.select_related("unit", "office", "document__issuer"),
            pk=pk,
        )
        access.require(request.user, "awards.print", decision.unit)
        data = _data(PrintWriteSerializer, request)
        batch = services.print_certificates(decision, by=request.user, mode=data["mode"])
        return Response({"batch": batch.pk, "total": batch.total}, status=status.HTTP_202_ACCEPTED)


REGISTER_FILTERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Tên (có hoặc không dấu)"),
    OpenApiParameter("unit", OpenApiTypes.INT, description="Đơn vị và cấp dưới"),
    OpenApiParameter("form", OpenApiTypes.STR, description="Mã hình thức"),
    OpenApiParameter("year", OpenApiTypes.INT),
    OpenApiParameter("status", OpenApiTypes.STR, description="granted | revoked"),
]


class RegisterView(generics.ListAPIView):
    serializer_class = EntrySerializer

    def get_queryset(self) -> QuerySet[DecisionEntry]:
        params = self.request.query_params
        unit = (
            access.get_unit_for(self.request.user, params["unit"]) if params.get("unit") else None
        )
        year = params.get("year", "")
        filters = selectors.RegisterFilters(
            q=params.get("q", "")[:100],
            unit=unit,
            form=params.get("form", ""),
            year=int(year) if year.isdigit() else None,
            status=params.get("status", ""),
        )
        return selectors.entries_in(access.scope_for(self.request.user), filters)

    @extend_schema(tags=TAG, summary="Sổ khen thưởng", parameters=REGISTER_FILTERS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RevokeView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Thu hồi khen thưởng",
        request=ReasonWriteSerializer,
        responses={200: EntrySerializer, **ERRORS},
    )
    def post(self, request: Request, pk: int) -> Response:
        entry = access.get_for(
            request.user,
            DecisionEntry.objects.select_related("decision__unit"),
            unit_field="decision__unit",
            pk=pk,
        )
        access.require(request.user, "awards.decide", entry.decision.unit)
        data = _data(ReasonWriteSerializer, request)
        services.revoke_entry(
            entry, by=request.user, reason=data["reason"], revoked_on=data.get("revoked_on")
        )
        fresh = DecisionEntry.objects.select_related(
            "honoree", "unit", "award_form", "decision", "revocation"
        ).get(pk=entry.pk)
        return Response(EntrySerializer(fresh).data)


class StatisticsView(APIView):
    @extend_schema(
        tags=TAG,
        summary="Cơ cấu khen thưởng của một đơn vị (R10, R14)",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.INT, required=True),
            OpenApiParameter("from", OpenApiTypes.INT),
            OpenApiParameter("to", OpenApiTypes.INT),
        ],
        responses={200: StatisticsSerializer, 404: ErrorSerializer},
    )
    def get(self, request: Request) -> Response:
        unit = access.get_unit_for(request.user, request.query_params.get("unit"))
        start, end = request.query_params.get("from", ""), request.query_params.get("to", "")
        years = (int(start), int(end)) if start.isdigit() and end.isdigit() else None
        summary = selectors.award_statistics(access.scope_for(request.user), unit, years=years)
        return Response(
            StatisticsSerializer(
                dataclasses.asdict(summary)
                | {
                    "direct_workers": _share(summary.direct_workers),
                    "workers_farmers": _share(summary.workers_farmers),
                    "women": _share(summary.women),
                    "small_collectives": _share(summary.small_collectives),
                }
            ).data
        )


def _share(share: Any) -> dict[str, Any]:
    return {"count": share.count, "total": share.total, "percent": share.percent}
