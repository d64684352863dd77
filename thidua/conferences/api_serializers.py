"""Serializers of the conferences API (read shapes, and the inputs the services accept)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.conferences.enums import (
    MANUAL_CATEGORY_CHOICES,
    ConferenceFormat,
    PoolSource,
    Session,
)
from thidua.conferences.models import Conference, Delegate, DelegateProposal
from thidua.honorees.enums import Gender

CONFERENCE_FIELDS = [
    "id",
    "campaign",
    "unit",
    "assignment",
    "level",
    "name",
    "held_on",
    "session",
    "start_time",
    "session_minutes",
    "venue",
    "status",
    "staff_count",
    "format_by_rule",
    "format",
    "format_chosen_at",
    "format_choice_reason",
    "council_proposed_cap",
    "council_proposal_reference",
    "council_proposed_at",
    "cap",
    "cap_decided_at",
    "agenda_accepted_at",
    "list_approved_at",
    "list_override_reason",
    "list_override_failures",
]


class ConferenceSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    effective_cap = serializers.SerializerMethodField(
        help_text=_("Số đại biểu tối đa áp dụng: quyết định của đơn vị, nếu không thì quy định.")
    )

    class Meta:
        model = Conference
        fields = [*CONFERENCE_FIELDS, "unit_name", "effective_cap"]
        read_only_fields = fields

    def get_effective_cap(self, conference: Conference) -> int | None:
        from thidua.conferences import selectors

        return selectors.effective_cap(conference)


class ConferenceCreateSerializer(serializers.Serializer):
    campaign = serializers.IntegerField(help_text=_("Mã số kế hoạch"))
    unit = serializers.IntegerField(help_text=_("Mã số đơn vị tổ chức"))
    held_on = serializers.DateField()
    session = serializers.ChoiceField(choices=Session.choices)
    venue = serializers.CharField(max_length=300)
    start_time = serializers.TimeField(required=False, allow_null=True)
    chosen_format = serializers.ChoiceField(
        choices=ConferenceFormat.choices, required=False, allow_blank=True
    )
    choice_reason = serializers.CharField(required=False, allow_blank=True)


class ConferenceUpdateSerializer(serializers.Serializer):
    held_on = serializers.DateField(required=False)
    session = serializers.ChoiceField(choices=Session.choices, required=False)
    start_time = serializers.TimeField(required=False)
    venue = serializers.CharField(max_length=300, required=False)


class FormatChoiceSerializer(serializers.Serializer):
    chosen_format = serializers.ChoiceField(choices=ConferenceFormat.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CapProposalSerializer(serializers.Serializer):
    proposed = serializers.IntegerField()
    reference = serializers.CharField(required=False, allow_blank=True, default="")


class CapSerializer(serializers.Serializer):
    cap = serializers.IntegerField()


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.id")
    order = serializers.IntegerField(source="item.order")
    kind = serializers.CharField(source="item.kind")
    position = serializers.IntegerField(source="item.position", allow_null=True)
    title = serializers.CharField(source="item.title")
    duration_minutes = serializers.IntegerField(source="item.duration_minutes")
    presenter = serializers.CharField(source="item.presenter")
    starts = serializers.TimeField()
    ends = serializers.TimeField()


class AgendaSerializer(serializers.Serializer):
    items = AgendaItemSerializer(many=True)
    total_minutes = serializers.IntegerField()
    session_minutes = serializers.IntegerField()
    overrun = serializers.IntegerField(help_text=_("Số phút vượt một buổi (0: vừa)."))
    fits = serializers.BooleanField()


class AgendaItemInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500)
    duration_minutes = serializers.IntegerField()
    presenter = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    position = serializers.IntegerField(required=False, allow_null=True)


class AgendaItemUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False)
    duration_minutes = serializers.IntegerField(required=False)
    presenter = serializers.CharField(max_length=200, required=False, allow_blank=True)


class MoveSerializer(serializers.Serializer):
    position = serializers.IntegerField()


DELEGATE_FIELDS = [
    "id",
    "conference",
    "category",
    "origin",
    "honoree",
    "origin_delegate",
    "status",
    "required",
    "name",
    "representative",
    "position",
    "organization",
    "gender",
    "direct_producer",
    "economic_sector",
    "field",
    "component",
    "sub_unit",
    "titles",
    "merit",
    "proposal",
    "phone",
    "email",
    "invited_at",
    "responded_at",
    "badge_number",
    "checked_in_at",
    "certified_upward_at",
    "certified_upward_note",
]


class DelegateSerializer(serializers.ModelSerializer):
    # Declared: a read-only model field would lose "may be blank" in the schema.
    gender = serializers.ChoiceField(choices=Gender.choices, allow_blank=True, read_only=True)
    email = serializers.CharField(read_only=True)

    class Meta:
        model = Delegate
        fields = DELEGATE_FIELDS
        read_only_fields = fields


class DelegateInputSerializer(serializers.Serializer):
    """Either ``honoree`` (an honoree of the pool), or a guest / leader entered by hand."""

    honoree = serializers.IntegerField(required=False)
    category = serializers.ChoiceField(choices=MANUAL_CATEGORY_CHOICES, required=False)
    name = serializers.CharField(max_length=200, required=False)
    position = serializers.CharField(max_length=200, required=False, allow_blank=True)
    organization = serializers.CharField(max_length=300, required=False, allow_blank=True)
    representative = serializers.CharField(max_length=200, required=False, allow_blank=True)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, allow_blank=True)
    direct_producer = serializers.BooleanField(required=False)
    economic_sector = serializers.CharField(max_length=64, required=False, allow_blank=True)
    field = serializers.CharField(max_length=64, required=False, allow_blank=True)
    component = serializers.CharField(max_length=64, required=False, allow_blank=True)
    sub_unit = serializers.IntegerField(required=False, allow_null=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    required = serializers.BooleanField(required=False)  # type: ignore[assignment]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "honoree" not in attrs and not (attrs.get("category") and attrs.get("name")):
            raise serializers.ValidationError(
                _("Cần honoree, hoặc category và name của khách mời, lãnh đạo.")
            )
        return attrs


class DelegateUpdateSerializer(DelegateInputSerializer):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return attrs


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ApproveSerializer(serializers.Serializer):
    override_reason = serializers.CharField(required=False, allow_blank=True, default="")


class ProposalInputSerializer(serializers.Serializer):
    size = serializers.IntegerField()
    seed = serializers.IntegerField(required=False, allow_null=True)
    required = serializers.ListField(  # type: ignore[assignment]
        child=serializers.CharField(max_length=24),
        required=False,
        default=list,
        help_text=_("Mã ứng viên bắt buộc có mặt: h<mã điển hình>, d<mã đại biểu nhập tay>."),
    )
    weights = serializers.DictField(required=False, allow_null=True)
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=PoolSource.choices, required=False, default="honorees"
    )


class ProposalSerializer(serializers.ModelSerializer):
    class Meta:
        model = DelegateProposal
        fields = [
            "id",
            "conference",
            "source",
            "size",
            "seed",
            "weights",
            "required",
            "rules",
            "status",
            "objective",
            "selected",
            "pool",
            "report",
            "conflicts",
            "relaxation",
            "message",
            "created_at",
            "applied_at",
        ]
        read_only_fields = fields


class ApplySerializer(serializers.Serializer):
    added = serializers.IntegerField()
    kept = serializers.IntegerField()
    removed = serializers.IntegerField()
    reserved = serializers.IntegerField()


class CheckSerializer(serializers.Serializer):
    passed = serializers.BooleanField()
    total = serializers.IntegerField()
    rules = serializers.ListField(child=serializers.DictField())
    emphases = serializers.ListField(child=serializers.CharField())
