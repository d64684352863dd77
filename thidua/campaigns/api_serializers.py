"""Serializers of the campaigns API (read shapes, and the inputs the services accept)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.campaigns.enums import BoardStatus, DeadlineMode
from thidua.campaigns.models import (
    Assignment,
    AwardTally,
    Campaign,
    CampaignTask,
    CompositionRule,
    Feedback,
    FeedbackMessage,
    LevelRule,
    ResultsReport,
    Submission,
)
from thidua.campaigns.results import FIGURE_FIELDS, AwardLine, ResultsFigures
from thidua.campaigns.services.presets import COMPOSITION_FIELDS, LEVEL_FIELDS
from thidua.documents.api_serializers import GeneratedDocumentSerializer
from thidua.documents.models import GeneratedDocument


class LevelRuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = LevelRule
        fields = ["id", *LEVEL_FIELDS]
        read_only_fields = fields


class CompositionRuleSerializer(serializers.ModelSerializer):
    selection_rule = serializers.SerializerMethodField(
        help_text=_(
            "Quy định ở dạng bộ kiểm tra cơ cấu (thidua.selection) đọc; rỗng nếu chỉ là chú trọng."
        )
    )

    class Meta:
        model = CompositionRule
        fields = ["id", *COMPOSITION_FIELDS, "selection_rule"]
        read_only_fields = fields

    def get_selection_rule(self, rule: CompositionRule) -> dict[str, Any] | None:
        return rule.as_selection_rule()


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignTask
        fields = ["id", "order", "body", "items"]
        read_only_fields = fields


CAMPAIGN_FIELDS = [
    "id",
    "name",
    "status",
    "issuer_code",
    "issuer_name",
    "parent",
    "summary",
    "plan_number",
    "plan_date",
    "basis_number",
    "basis_date",
    "basis_issuer",
    "basis_summary",
    "previous_period_start",
    "previous_period_end",
    "review_period_start",
    "review_period_end",
    "direction_period_start",
    "direction_period_end",
    "congress_name",
    "congress_ordinal",
    "congress_title",
    "national_congress_name",
    "national_congress_ordinal",
    "plan_deadline",
    "plan_deadline_mode",
    "plan_late_from",
    "plan_receiver",
    "reminder_days",
    "budget_source",
    "issued_at",
]


class CampaignSerializer(serializers.ModelSerializer):
    issuer_code = serializers.CharField(source="issuer.code", read_only=True)
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    congress_title = serializers.CharField(read_only=True)
    plan_late_from = serializers.SerializerMethodField(
        help_text=_("Thời điểm đầu tiên bị tính là trễ hạn (giờ Việt Nam).")
    )

    class Meta:
        model = Campaign
        fields = CAMPAIGN_FIELDS
        read_only_fields = fields

    def get_plan_late_from(self, campaign: Campaign) -> str:
        from thidua.campaigns import deadlines

        return deadlines.late_from(campaign.plan_deadline, campaign.plan_deadline_mode).isoformat()


class CampaignDetailSerializer(CampaignSerializer):
    level_rules = LevelRuleSerializer(many=True, read_only=True)
    composition_rules = CompositionRuleSerializer(many=True, read_only=True)
    tasks = TaskSerializer(many=True, read_only=True)

    class Meta(CampaignSerializer.Meta):
        fields = [
            *CAMPAIGN_FIELDS,
            "agenda",
            "recipients",
            "level_rules",
            "composition_rules",
            "tasks",
        ]
        read_only_fields = fields


class CampaignCreateSerializer(serializers.Serializer):
    preset = serializers.SlugField(help_text=_("Mã mẫu: kim-bang-2024 hoặc two-levels-2025."))
    issuer = serializers.IntegerField(help_text=_("Mã số (id) của đơn vị ban hành."))
    name = serializers.CharField(max_length=300, required=False, allow_blank=True)


class CampaignUpdateSerializer(serializers.Serializer):
    """The campaign values that can be changed through the API (any subset)."""

    name = serializers.CharField(max_length=300, required=False)
    summary = serializers.CharField(max_length=500, required=False)
    plan_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
    plan_date = serializers.DateField(required=False, allow_null=True)
    review_period_start = serializers.IntegerField(required=False)
    review_period_end = serializers.IntegerField(required=False)
    direction_period_start = serializers.IntegerField(required=False)
    direction_period_end = serializers.IntegerField(required=False)
    congress_name = serializers.CharField(max_length=200, required=False)
    congress_ordinal = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    plan_deadline = serializers.DateField(required=False)
    plan_deadline_mode = serializers.ChoiceField(choices=DeadlineMode.choices, required=False)
    reminder_days = serializers.ListField(child=serializers.IntegerField(), required=False)


class AssignmentSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    board_status = serializers.SerializerMethodField(help_text=_("Trạng thái trên bảng tiến độ."))

    class Meta:
        model = Assignment
        fields = [
            "id",
            "campaign",
            "unit",
            "unit_code",
            "unit_name",
            "kind",
            "level",
            "late_from",
            "window_start",
            "window_end",
            "state",
            "board_status",
            "first_submitted_at",
            "last_submitted_at",
            "submitted_late",
            "accepted_at",
        ]
        read_only_fields = fields

    def get_board_status(self, assignment: Assignment) -> str:
        from thidua.campaigns import workflow

        now = self.context["now"]
        return workflow.board_status(
            assignment.state, assignment.submitted_late, assignment.late_from, now
        )


class AwardTallySerializer(serializers.ModelSerializer):
    class Meta:
        model = AwardTally
        fields = ["form", "collectives", "individuals"]


class ResultsSerializer(serializers.ModelSerializer):
    awards = AwardTallySerializer(many=True, read_only=True)
    total_present = serializers.IntegerField(read_only=True)
    unit_code = serializers.CharField(source="submission.assignment.unit.code", read_only=True)
    status = serializers.CharField(source="submission.status", read_only=True)

    class Meta:
        model = ResultsReport
        fields = [
            "id",
            "submission",
            "unit_code",
            "status",
            "total_present",
            *FIGURE_FIELDS,
            "awards",
        ]
        read_only_fields = fields


class SubmissionSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()
    results = ResultsSerializer(read_only=True, allow_null=True)
    submitted_by = serializers.CharField(source="submitted_by.username", read_only=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "assignment",
            "version",
            "status",
            "submitted_at",
            "submitted_by",
            "is_late",
            "note",
            "document_number",
            "document_date",
            "file_name",
            "file_type",
            "file_size",
            "file_sha256",
            "download_url",
            "built_campaign",
            "document",
            "held_on",
            "reviewed_at",
            "review_reason",
            "results",
        ]
        read_only_fields = fields

    def get_download_url(self, submission: Submission) -> str | None:
        if submission.attachment is None:
            return None
        return reverse("campaigns:submission-download", args=[submission.pk])


class AwardLineSerializer(serializers.Serializer):
    form = serializers.CharField(max_length=200)
    collectives = serializers.IntegerField(min_value=0, default=0)
    individuals = serializers.IntegerField(min_value=0, default=0)


class SubmitSerializer(serializers.Serializer):
    """One body for the three kinds: a plan (``file`` as multipart, or ``use_built_plan``),
    a conference (``held_on``), results (``held_on`` and the figures)."""

    note = serializers.CharField(required=False, allow_blank=True, default="")
    file = serializers.FileField(required=False)
    use_built_plan = serializers.BooleanField(required=False, default=False)
    document_number = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default=""
    )
    document_date = serializers.DateField(required=False, allow_null=True, default=None)
    held_on = serializers.DateField(required=False)
    honorees_present = serializers.IntegerField(min_value=0, required=False)
    guests_present = serializers.IntegerField(min_value=0, required=False)
    leaders_present = serializers.IntegerField(min_value=0, required=False)
    women_present = serializers.IntegerField(min_value=0, required=False)
    men_present = serializers.IntegerField(min_value=0, required=False)
    direct_producers_present = serializers.IntegerField(min_value=0, required=False)
    presentations_given = serializers.IntegerField(min_value=0, required=False)
    delegates_sent_upward = serializers.IntegerField(min_value=0, required=False)
    planned_budget = serializers.IntegerField(min_value=0, required=False)
    actual_cost = serializers.IntegerField(min_value=0, required=False)
    awards = AwardLineSerializer(many=True, required=False)

    FIGURES = FIGURE_FIELDS

    def figures(self) -> ResultsFigures:
        data = self.validated_data
        missing = [name for name in self.FIGURES if name not in data]
        if missing:
            raise serializers.ValidationError({name: [_("Bắt buộc.")] for name in missing})
        return ResultsFigures(
            **{name: data[name] for name in self.FIGURES},
            awards=tuple(AwardLine(**line) for line in data.get("awards", [])),
        )


class PlanDocumentSerializer(GeneratedDocumentSerializer):
    """An issued version of a campaign's plan (KH). The files come through the campaign's
    download, readable by everyone who reads the campaign (the units it was sent to as well)."""

    def _url(self, document: GeneratedDocument, fmt: str) -> str:
        url = reverse("campaigns:plan-download", args=[int(document.source_id), fmt])
        return f"{url}?v={document.version}"

    def get_pdf_url(self, obj: GeneratedDocument) -> str:
        return self._url(obj, "pdf")

    def get_docx_url(self, obj: GeneratedDocument) -> str:
        return self._url(obj, "docx")


class PlanIssueSerializer(serializers.Serializer):
    date = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Mặc định: hôm nay")
    )


class PlanReissueSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField()


class FeedbackMessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = FeedbackMessage
        fields = ["id", "author", "from_issuer", "body", "created_at"]
        read_only_fields = fields


class FeedbackSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    messages = FeedbackMessageSerializer(many=True, read_only=True)

    class Meta:
        model = Feedback
        fields = [
            "id",
            "campaign",
            "unit",
            "unit_code",
            "subject",
            "status",
            "created_at",
            "updated_at",
            "closed_at",
            "messages",
        ]
        read_only_fields = fields


class FeedbackCreateSerializer(serializers.Serializer):
    campaign = serializers.IntegerField()
    unit = serializers.IntegerField()
    subject = serializers.CharField(max_length=300)
    body = serializers.CharField()


class MessageSerializer(serializers.Serializer):
    body = serializers.CharField()


class BoardRowSerializer(serializers.Serializer):
    unit_code = serializers.CharField()
    unit_name = serializers.CharField()
    statuses = serializers.DictField(child=serializers.ChoiceField(choices=BoardStatus.values))
    late = serializers.BooleanField()
    open_feedback = serializers.IntegerField()


class BoardSerializer(serializers.Serializer):
    counts = serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()))
    unit_total = serializers.IntegerField()
    late_units = serializers.IntegerField()
    open_feedback = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    rows = BoardRowSerializer(many=True)
