"""Serializers of the proceedings' API (integer đồng; Vietnamese refusals come from the
services)."""

from __future__ import annotations

from rest_framework import serializers

from thidua.awards.models import AwardForm
from thidua.proceedings.enums import BudgetCategory, SideActivityKind
from thidua.proceedings.models import (
    MAX_AMOUNT,
    MAX_QUANTITY,
    BudgetLine,
    Presentation,
    SideActivity,
)


class BudgetLineSerializer(serializers.ModelSerializer):
    award_form = serializers.CharField(
        source="award_form.code", read_only=True, default=None, allow_null=True
    )
    variance = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "category",
            "description",
            "unit_name",
            "quantity",
            "unit_price",
            "planned_amount",
            "actual_amount",
            "variance",
            "award_form",
            "collective",
            "multiple",
            "base_salary",
        ]


class TotalsSerializer(serializers.Serializer):
    planned = serializers.IntegerField()
    actual = serializers.IntegerField()
    variance = serializers.IntegerField()
    in_words = serializers.CharField()


class BudgetSerializer(serializers.Serializer):
    lines = BudgetLineSerializer(many=True)
    totals = TotalsSerializer()


class BudgetLineInputSerializer(serializers.Serializer):
    category = serializers.ChoiceField(
        choices=[c for c in BudgetCategory.values if c != BudgetCategory.BONUSES]
    )
    description = serializers.CharField(max_length=300)
    unit_name = serializers.CharField(max_length=40, required=False, allow_blank=True)
    quantity = serializers.IntegerField(min_value=0, max_value=MAX_QUANTITY)
    unit_price = serializers.IntegerField(min_value=0, max_value=MAX_AMOUNT)


class BonusInputSerializer(serializers.Serializer):
    award_form = serializers.SlugRelatedField(slug_field="code", queryset=AwardForm.objects.all())
    collective = serializers.BooleanField(default=False)
    quantity = serializers.IntegerField(min_value=0, max_value=MAX_QUANTITY)


class ActualInputSerializer(serializers.Serializer):
    actual_amount = serializers.IntegerField(min_value=0, max_value=MAX_AMOUNT, allow_null=True)


class PresentationSerializer(serializers.ModelSerializer):
    delegate_name = serializers.CharField(source="delegate.name", read_only=True)

    class Meta:
        model = Presentation
        fields = ["id", "agenda_item", "delegate", "delegate_name", "title", "minutes", "order"]
        read_only_fields = ["order"]


class SideActivitySerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=SideActivityKind.choices)

    class Meta:
        model = SideActivity
        fields = ["id", "kind", "title", "held_on", "place", "participants", "note"]
