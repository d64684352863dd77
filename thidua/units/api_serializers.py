from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.units.models import Unit


class UnitSerializer(serializers.ModelSerializer):
    parent_code = serializers.CharField(source="parent.code", default=None, read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    level_display = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "is_official_code",
            "source",
            "name",
            "short_name",
            "kind",
            "kind_display",
            "level",
            "level_display",
            "parent_code",
            "depth",
            "staff_count",
            "valid_from",
            "valid_to",
        ]
        read_only_fields = fields


class UnitDetailSerializer(UnitSerializer):
    successor_codes = serializers.SerializerMethodField(help_text=_("Mã các đơn vị kế thừa."))
    predecessor_codes = serializers.SerializerMethodField(help_text=_("Mã các đơn vị tiền thân."))

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "successor_codes", "predecessor_codes"]
        read_only_fields = fields

    def get_successor_codes(self, unit: Unit) -> list[str]:
        return [u.code for u in unit.successors.all()]

    def get_predecessor_codes(self, unit: Unit) -> list[str]:
        return [u.code for u in unit.predecessors.all()]
