"""API shapes of honorees and movements. Writes are validated by the same services as the
HTML forms (the serializers only parse types)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from thidua.honorees.enums import Gender, HonoreeKind, LaunchedBy
from thidua.honorees.models import (
    EconomicSector,
    Ethnicity,
    Field,
    Honoree,
    Movement,
    Recognition,
    SocialComponent,
)
from thidua.units import access


class RecognitionSerializer(serializers.ModelSerializer):
    award_form = serializers.CharField(source="award_form.code", read_only=True)
    award_form_name = serializers.CharField(source="award_form.name", read_only=True)

    class Meta:
        model = Recognition
        fields = [
            "award_form",
            "award_form_name",
            "year",
            "level",
            "decision_number",
            "decision_date",
            "issuer",
        ]
        read_only_fields = fields


def _code(field_name: str) -> serializers.CharField:
    return serializers.CharField(
        source=f"{field_name}.code", default=None, read_only=True, allow_null=True
    )


class HonoreeSerializer(serializers.ModelSerializer):
    unit_id = serializers.IntegerField(read_only=True)
    unit_code = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    ethnicity = _code("ethnicity")
    gender = serializers.ChoiceField(choices=Gender.choices, allow_blank=True, read_only=True)
    component = _code("component")
    sector = _code("sector")
    field = _code("field")
    national_id = serializers.SerializerMethodField(
        help_text="Đầy đủ với người có quyền xem dữ liệu cá nhân (một hồ sơ); che (***) trong "
        "danh sách và với người khác."
    )
    recognitions = RecognitionSerializer(many=True, read_only=True)
    movements: Any = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Honoree
        fields = [
            "id",
            "unit_id",
            "unit_code",
            "unit_name",
            "kind",
            "name",
            "collective_size",
            "gender",
            "birth_year",
            "ethnicity",
            "position",
            "component",
            "sector",
            "field",
            "works_directly",
            "national_id",
            "good_deeds",
            "acclaimed",
            "summary",
            "stage",
            "publication_consent",
            "recognitions",
            "movements",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_national_id(self, honoree: Honoree) -> str:
        request = self.context.get("request")
        if self.context.get("in_list"):
            return honoree.masked_national_id
        if request is not None and access.can(request.user, "honorees.view_personal", honoree.unit):
            return honoree.national_id or ""
        return honoree.masked_national_id


class CodeField(serializers.SlugRelatedField):
    """A vocabulary code. NUL is refused before the lookup: PostgreSQL text cannot hold it and
    the query would fail with a server error (found by schemathesis)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


def _vocabulary(model: Any) -> serializers.SlugRelatedField:
    return CodeField(
        slug_field="code", queryset=model.objects.all(), required=False, allow_null=True
    )


class HonoreeWriteSerializer(serializers.Serializer):
    """Create (``unit_id``, ``kind`` and ``name`` required) or update (any subset)."""

    unit_id = serializers.IntegerField(required=False)
    kind = serializers.ChoiceField(choices=HonoreeKind.choices, required=False)
    name = serializers.CharField(max_length=200, required=False)
    collective_size = serializers.IntegerField(required=False, allow_null=True)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, allow_blank=True)
    birth_year = serializers.IntegerField(required=False, allow_null=True)
    ethnicity = _vocabulary(Ethnicity)
    position = serializers.CharField(max_length=200, required=False, allow_blank=True)
    component = _vocabulary(SocialComponent)
    sector = _vocabulary(EconomicSector)
    field = _vocabulary(Field)
    works_directly = serializers.BooleanField(required=False)
    national_id = serializers.CharField(
        max_length=12, required=False, allow_blank=True, allow_null=True, write_only=True
    )
    good_deeds = serializers.BooleanField(required=False)
    acclaimed = serializers.BooleanField(required=False)
    summary = serializers.CharField(required=False, allow_blank=True)


class MovementSerializer(serializers.ModelSerializer):
    unit_id = serializers.IntegerField(required=False, allow_null=True)
    unit_code = serializers.CharField(
        source="unit.code", default=None, read_only=True, allow_null=True
    )
    field = CodeField(
        slug_field="code", queryset=Field.objects.all(), required=False, allow_null=True
    )
    launched_by = serializers.ChoiceField(choices=LaunchedBy.choices)

    class Meta:
        model = Movement
        fields = [
            "id",
            "name",
            "slug",
            "launched_by",
            "unit_id",
            "unit_code",
            "start_year",
            "end_year",
            "field",
            "basis",
            "description",
            "is_active",
        ]
        read_only_fields = ["id", "slug", "unit_code"]
