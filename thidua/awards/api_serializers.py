"""API shapes of the awards app. Writes are validated by the same services as the pages (the
serializers only parse types)."""

from __future__ import annotations

from rest_framework import serializers

from thidua.awards.enums import CompletionRating, Opinion, PrintMode
from thidua.awards.models import (
    AuthorityRule,
    AwardForm,
    Decision,
    DecisionEntry,
    Proposal,
    ProposalItem,
    Submission,
)


class AwardFormSerializer(serializers.ModelSerializer):
    legal_basis = serializers.CharField(read_only=True)

    class Meta:
        model = AwardForm
        fields = [
            "code",
            "name",
            "short_name",
            "subject",
            "kind",
            "level",
            "rank",
            "legal_basis",
            "valid_from",
            "valid_to",
            "bonus_multiple",
            "bonus_multiple_collective",
            "has_certificate",
            "has_frame",
            "has_badge",
            "has_flag",
            "is_active",
        ]
        read_only_fields = fields


class AuthorityRuleSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code")
    office_name = serializers.CharField(source="office.name")
    award_form = serializers.CharField(source="award_form.code")

    class Meta:
        model = AuthorityRule
        fields = ["office", "office_name", "award_form", "valid_from", "valid_to", "legal_basis"]
        read_only_fields = fields


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    passed = serializers.BooleanField()
    legal_basis = serializers.CharField()
    message = serializers.CharField()
    params = serializers.DictField()


class ItemSerializer(serializers.ModelSerializer):
    honoree_name = serializers.CharField(source="honoree.name", read_only=True)
    award_form = serializers.CharField(source="award_form.code", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)
    evidence = serializers.SerializerMethodField()
    rating = serializers.ChoiceField(
        choices=CompletionRating.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = ProposalItem
        fields = [
            "id",
            "honoree",
            "honoree_name",
            "award_form",
            "achievement",
            "rating",
            "research_accepted",
            "excellent_years",
            "status",
            "findings",
            "has_block",
            "has_warning",
            "votes_for",
            "votes_against",
            "abstentions",
            "return_reason",
            "evidence",
        ]
        read_only_fields = fields

    def get_evidence(self, item: ProposalItem) -> list[str]:
        return [e.original_name for e in item.evidence.all()]


class AwardProposalSerializer(serializers.ModelSerializer):
    unit_id = serializers.IntegerField(read_only=True)
    minutes = serializers.CharField(source="minutes.symbol", read_only=True, default=None)
    items = ItemSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "unit_id",
            "title",
            "origin",
            "period_start",
            "period_end",
            "movement",
            "status",
            "review_date",
            "members_present",
            "minutes",
            "items",
            "created_at",
        ]
        read_only_fields = fields


class ProposalWriteSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField()
    title = serializers.CharField(max_length=300)
    origin = serializers.CharField(max_length=200, required=False, allow_blank=True)
    period_start = serializers.IntegerField()
    period_end = serializers.IntegerField()
    movement_id = serializers.IntegerField(required=False, allow_null=True)


class CandidateWriteSerializer(serializers.Serializer):
    honoree_id = serializers.IntegerField()
    award_form = serializers.SlugField()
    achievement = serializers.CharField()
    rating = serializers.ChoiceField(
        choices=CompletionRating.choices, required=False, allow_blank=True
    )
    research_accepted = serializers.BooleanField(required=False, default=False)
    excellent_years = serializers.IntegerField(required=False, default=0, min_value=0, max_value=50)


class OpinionWriteSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    opinion = serializers.ChoiceField(choices=Opinion.choices)
    comment = serializers.CharField(required=False, allow_blank=True, max_length=500)


class VoteSerializer(serializers.Serializer):
    item = serializers.IntegerField()
    votes_for = serializers.IntegerField(min_value=0)
    votes_against = serializers.IntegerField(min_value=0)
    abstentions = serializers.IntegerField(min_value=0)


class ReviewWriteSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    members_present = serializers.IntegerField(min_value=1, max_value=200)
    votes = VoteSerializer(many=True, required=False)


class DecideWriteSerializer(serializers.Serializer):
    items = serializers.ListField(child=serializers.IntegerField(), required=False)
    decided_on = serializers.DateField(required=False)
    signer_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    deputy = serializers.BooleanField(required=False, default=False)


class ReasonWriteSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    revoked_on = serializers.DateField(required=False)


class PrintWriteSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=PrintMode.choices)


class AwardSubmissionSerializer(serializers.ModelSerializer):
    symbol = serializers.CharField(source="document.symbol", read_only=True)
    items = ItemSerializer(many=True, read_only=True)
    decision = serializers.CharField(
        source="decision.symbol", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = Submission
        fields = [
            "id",
            "symbol",
            "from_unit",
            "to_unit",
            "holder_unit",
            "proposal",
            "parent",
            "submitted_on",
            "status",
            "outcome_note",
            "decision",
            "items",
        ]
        read_only_fields = fields


class EntrySerializer(serializers.ModelSerializer):
    honoree_name = serializers.CharField(source="honoree.name", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    award_form = serializers.CharField(source="award_form.code", read_only=True)
    decision_symbol = serializers.CharField(source="decision.symbol", read_only=True)
    decided_on = serializers.DateField(source="decision.decided_on", read_only=True)
    revocation_reason = serializers.SerializerMethodField()

    class Meta:
        model = DecisionEntry
        fields = [
            "id",
            "honoree",
            "honoree_name",
            "unit",
            "unit_name",
            "award_form",
            "year",
            "achievement",
            "position",
            "status",
            "decision",
            "decision_symbol",
            "decided_on",
            "revocation_reason",
        ]
        read_only_fields = fields

    def get_revocation_reason(self, entry: DecisionEntry) -> str:
        revocation = getattr(entry, "revocation", None) if entry.status == "revoked" else None
        return revocation.reason if revocation else ""


class DecisionSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.code", read_only=True)
    entries = EntrySerializer(many=True, read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "unit",
            "office",
            "symbol",
            "decided_on",
            "signer_name",
            "signer_title",
            "proposal",
            "submission",
            "document",
            "entries",
        ]
        read_only_fields = fields


class ShareSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.FloatField()


class StatisticsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    individuals = serializers.IntegerField()
    collectives = serializers.IntegerField()
    direct_workers = ShareSerializer()
    workers_farmers = ShareSerializer()
    women = ShareSerializer()
    small_collectives = ShareSerializer()
    by_form = serializers.ListField(child=serializers.ListField())
    by_level = serializers.ListField(child=serializers.ListField())
