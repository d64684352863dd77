"""Stateless selection endpoints: check a list, optimize a list, apportion seats.

Plain JSON in, plain JSON out; nothing is stored. The views only parse, bound the sizes and call
the pure core (thidua/selection); a refusal of the core (SelectionError) is answered 400
``{"code": "selection.<code>", "detail": <Vietnamese message>}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from thidua.api.serializers import ErrorSerializer
from thidua.core.errors import DomainError
from thidua.selection.apportionment import METHODS, apportion
from thidua.selection.checker import check
from thidua.selection.errors import SelectionError
from thidua.selection.exact import to_fraction
from thidua.selection.optimizer import OptimizeResult, optimize
from thidua.selection.rules import expand_rules, parse_candidates, parse_rules

# Bounds that keep one request cheap (well under a second of work on a 2-core machine).
MAX_RULES = 300
MAX_EXPANDED_RULES = 1000
MAX_DELEGATES = 5000
MAX_CANDIDATES = 3000
MAX_SIZE = 1000
MAX_UNITS = 20000
MAX_SEATS = 100000
SOLVE_SECONDS = 10.0
ANALYSIS_SECONDS = 5.0


def _refuse(code: str, message: str) -> DomainError:
    return DomainError(f"selection.{code}", message)


def _body(request: Request) -> Mapping[str, Any]:
    if not isinstance(request.data, Mapping):
        raise _refuse("invalid_body", _("Nội dung yêu cầu phải là một đối tượng JSON."))
    return request.data


def _list(body: Mapping[str, Any], key: str, limit: int) -> list[Any]:
    value = body.get(key, [])
    if not isinstance(value, list):
        raise _refuse("invalid_body", _("Trường %(key)s phải là một mảng.") % {"key": key})
    if len(value) > limit:
        raise _refuse(
            "too_large",
            _("Trường %(key)s có quá nhiều phần tử (tối đa %(limit)s).")
            % {"key": key, "limit": limit},
        )
    return value


def _integer(body: Mapping[str, Any], key: str, default: int | None, limit: int) -> int:
    value = body.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise _refuse(
            "invalid_integer",
            _("Trường %(key)s phải là số nguyên từ 0 đến %(limit)s.")
            % {"key": key, "limit": limit},
        )
    return value


def _number(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else float(value)


def _rules(body: Mapping[str, Any], pool: list[Any] | None = None) -> list[Any]:
    items = parse_rules(_list(body, "rules", MAX_RULES))
    if len(expand_rules(items, pool)) > MAX_EXPANDED_RULES:
        raise _refuse(
            "too_large",
            _("Các nhóm quy tắc mở rộng thành quá nhiều quy tắc (tối đa %(limit)s).")
            % {"limit": MAX_EXPANDED_RULES},
        )
    return items


# --- Documentation serializers (the views parse with the pure core, which keeps numbers exact) --
# Fields with common names (status, kind, ...) are documented as text, not enums, so that their
# choices do not collide with other apps' enums of the same name in the schema.


class RuleSerializer(serializers.Serializer):
    feature = serializers.CharField(help_text='Tên thuộc tính; "*" là tổng số người')
    value = serializers.JSONField(required=False, help_text="Một giá trị hoặc mảng giá trị")
    min = serializers.JSONField(required=False, help_text='Số người, hoặc tỷ lệ 0–1 / "40%"')
    max = serializers.JSONField(required=False)
    unit = serializers.ChoiceField(["count", "share"], default="count")
    tolerance = serializers.JSONField(required=False, help_text="Nới cả hai giới hạn (tuyệt đối)")
    label = serializers.CharField(required=False, help_text='Tên nhóm, ví dụ "đại biểu nữ"')  # type: ignore[assignment]  # a field named like a Field attribute
    each = serializers.JSONField(
        required=False, help_text="Nhóm: mỗi giá trị trong danh sách (hoặc true) đều phải đạt"
    )
    targets = serializers.DictField(required=False, help_text="Nhóm: chỉ tiêu theo từng giá trị")
    relative_tolerance = serializers.JSONField(required=False, help_text="Nhóm: ±x của chỉ tiêu")


class PersonSerializer(serializers.Serializer):
    id = serializers.JSONField()
    merit = serializers.JSONField(required=False)
    attributes = serializers.DictField()


class CheckRequestSerializer(serializers.Serializer):
    rules = RuleSerializer(many=True)
    delegates = PersonSerializer(many=True)


class ChangeSerializer(serializers.Serializer):
    direction = serializers.CharField(help_text="too_few | too_many")
    replace = serializers.IntegerField(allow_null=True)
    add = serializers.IntegerField(allow_null=True)
    remove = serializers.IntegerField(allow_null=True)


class RuleResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    feature = serializers.CharField()
    value = serializers.ListField(child=serializers.CharField())
    unit = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a Field attribute
    group = serializers.IntegerField(allow_null=True)
    min = serializers.CharField(allow_null=True, help_text="Giới hạn hiệu lực, phân số chính xác")
    max = serializers.CharField(allow_null=True)
    required = serializers.CharField()  # type: ignore[assignment]  # a field named like a Field attribute
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    actual = serializers.CharField()
    passed = serializers.BooleanField()
    change = ChangeSerializer(allow_null=True)
    message = serializers.CharField()


class CheckResponseSerializer(serializers.Serializer):
    passed = serializers.BooleanField()
    total = serializers.IntegerField()
    report = RuleResultSerializer(many=True)


class OptimizeRequestSerializer(serializers.Serializer):
    rules = RuleSerializer(many=True)
    candidates = PersonSerializer(many=True)
    size = serializers.IntegerField()
    required = serializers.ListField(child=serializers.JSONField(), required=False)  # type: ignore[assignment]  # a field named like a Field attribute
    seed = serializers.IntegerField(required=False, default=0)
    weights = serializers.DictField(required=False, help_text="Trọng số của các điểm (scores)")


class RelaxationSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="rule | size")
    rule_index = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a Field attribute
    bound = serializers.CharField(help_text="min | max | size")
    current_count = serializers.IntegerField()
    proposed_count = serializers.IntegerField()
    current = serializers.CharField()
    proposed = serializers.CharField()
    more_candidates = serializers.IntegerField(allow_null=True)
    alone = serializers.BooleanField()
    message = serializers.CharField()


class OptimizeResponseSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="optimal | infeasible | time_limit")
    selected = serializers.ListField(child=serializers.JSONField())
    objective = serializers.FloatField(allow_null=True)
    report = RuleResultSerializer(many=True)
    relaxation = RelaxationSerializer(many=True)
    conflicts = serializers.ListField(child=serializers.IntegerField())
    conflicts_minimal = serializers.BooleanField()
    seed = serializers.IntegerField()
    lottery = serializers.DictField(child=serializers.CharField())
    message = serializers.CharField()


class ApportionRequestSerializer(serializers.Serializer):
    method = serializers.ChoiceField(list(METHODS), default="sainte-lague")
    seats = serializers.IntegerField()
    weights = serializers.DictField()
    min_per_unit = serializers.IntegerField(required=False, default=0)
    max_per_unit = serializers.JSONField(required=False)
    threshold = serializers.JSONField(required=False)


class TieSerializer(serializers.Serializer):
    units = serializers.ListField(child=serializers.CharField())
    winners = serializers.ListField(child=serializers.CharField())
    seats = serializers.IntegerField()


class ApportionResponseSerializer(serializers.Serializer):
    method = serializers.CharField()
    seats = serializers.DictField(child=serializers.IntegerField())
    ties = TieSerializer(many=True)
    excluded = serializers.ListField(child=serializers.CharField())
    tie_rule = serializers.CharField()


WOMEN = {"feature": "gender", "value": "female", "min": 0.4, "unit": "share",
         "label": "đại biểu nữ"}  # fmt: skip
GUESTS = {"feature": "category", "value": ["guest", "leader"], "max": 0.3, "unit": "share",
          "label": "khách mời và lãnh đạo"}  # fmt: skip
CHECK_EXAMPLE = {
    "rules": [WOMEN, GUESTS, {"feature": "*", "max": 300, "unit": "count", "label": "đại biểu"}],
    "delegates": [
        {"id": 1, "attributes": {"gender": "female", "category": "honoree"}},
        {"id": 2, "attributes": {"gender": "male", "category": "guest"}},
        {"id": 3, "attributes": {"gender": "male", "category": "honoree"}},
    ],
}
OPTIMIZE_EXAMPLE = {
    "rules": [WOMEN, {"feature": "category", "value": "honoree", "min": 0.5, "unit": "share",
                      "label": "đại biểu điển hình"}],
    "candidates": [
        {"id": "A", "merit": 9, "attributes": {"gender": "female", "category": "honoree"}},
        {"id": "B", "merit": 8, "attributes": {"gender": "male", "category": "honoree"}},
        {"id": "C", "merit": 7, "attributes": {"gender": "male", "category": "leader"}},
        {"id": "D", "merit": 5, "attributes": {"gender": "female", "category": "guest"}},
    ],
    "size": 3,
    "required": ["C"],
    "seed": 2025,
}  # fmt: skip
APPORTION_EXAMPLE = {
    "method": "sainte-lague",
    "seats": 20,
    "weights": {"xa_nhat_tan": 310, "tt_que": 540, "tt_ba_sao": 280, "xa_tan_son": 95},
    "min_per_unit": 1,
    "max_per_unit": {"tt_que": 8},
}


def _optimize_json(result: OptimizeResult) -> dict[str, Any]:
    return {
        "status": result.status,
        "selected": list(result.selected),
        "objective": _number(result.objective),
        "report": result.report.as_list() if result.report else [],
        "relaxation": [r.as_dict() for r in result.relaxation],
        "conflicts": list(result.conflicts),
        "conflicts_minimal": result.conflicts_minimal,
        "seed": result.seed,
        "lottery": {str(k): v for k, v in result.lottery.items()},
        "message": result.message,
    }


class CheckView(APIView):
    """Check a delegate list against composition rules: rule by rule, what to change."""

    @extend_schema(
        request=CheckRequestSerializer,
        responses={200: CheckResponseSerializer, 400: ErrorSerializer},
        tags=["selection"],
        summary="Kiểm tra cơ cấu danh sách đại biểu",
        examples=[
            OpenApiExample("Ba đại biểu, ba quy tắc", value=CHECK_EXAMPLE, request_only=True),
            OpenApiExample(
                "Thiếu đại biểu nữ",
                response_only=True,
                value={
                    "passed": False,
                    "total": 3,
                    "report": [
                        {
                            "index": 0,
                            "feature": "gender",
                            "value": ["female"],
                            "unit": "share",
                            "label": "đại biểu nữ",
                            "group": None,
                            "min": "2/5",
                            "max": None,
                            "required": "≥ 40%",
                            "count": 1,
                            "total": 3,
                            "actual": "33,3% (1/3)",
                            "passed": False,
                            "change": {"direction": "too_few", "replace": 1, "add": 1, "remove": 1},
                            "message": "Thiếu 1 đại biểu nữ: cần ≥ 40%, hiện 33,3% (1/3). ...",
                        }
                    ],
                },
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        body = _body(request)
        try:
            rules = _rules(body)
            people = parse_candidates(_list(body, "delegates", MAX_DELEGATES))
            report = check(people, rules)
        except SelectionError as error:
            raise _refuse(error.code, error.message) from error
        return Response({"passed": report.passed, "total": report.total,
                         "report": report.as_list()})  # fmt: skip


class OptimizeView(APIView):
    """Propose the best list of ``size`` people that keeps every rule (HiGHS, proven optimal);
    or, when impossible, the conflicting rules and the smallest relaxation."""

    @extend_schema(
        request=OptimizeRequestSerializer,
        responses={200: OptimizeResponseSerializer, 400: ErrorSerializer},
        tags=["selection"],
        summary="Đề xuất danh sách đại biểu tối ưu",
        examples=[
            OpenApiExample("Ba chỗ, một người bắt buộc", value=OPTIMIZE_EXAMPLE, request_only=True),
            OpenApiExample(
                "Tối ưu",
                response_only=True,
                value={"status": "optimal", "selected": ["A", "B", "C"], "objective": 24,
                       "report": [], "relaxation": [], "conflicts": [],
                       "conflicts_minimal": True, "seed": 2025, "lottery": {}, "message": ""},
            ),
            OpenApiExample(
                "Không thể thỏa mãn",
                response_only=True,
                value={"status": "infeasible", "selected": [], "objective": None, "report": [],
                       "relaxation": [{
                           "kind": "rule", "rule_index": 0, "label": "đại biểu nữ",
                           "bound": "min", "current_count": 40, "proposed_count": 36,
                           "current": "40%", "proposed": "36% (36/100 người)",
                           "more_candidates": 4, "alone": True,
                           "message": "Cần hạ mức tối thiểu đại biểu nữ từ 40% xuống 36% "
                                      "(36/100 người), hoặc có thêm 4 ứng viên đại biểu nữ."}],
                       "conflicts": [0], "conflicts_minimal": True, "seed": 0, "lottery": {},
                       "message": "Không thể thỏa mãn đồng thời các quy tắc: đại biểu nữ. ..."},
            ),
        ],
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        body = _body(request)
        try:
            candidates = parse_candidates(_list(body, "candidates", MAX_CANDIDATES))
            rules = _rules(body, candidates)
            size = _integer(body, "size", None, MAX_SIZE)
            seed = _integer(body, "seed", 0, 2**63 - 1)
            required = _list(body, "required", MAX_SIZE)
            if any(isinstance(i, dict | list) for i in required):
                raise _refuse("invalid_required", _("required phải là danh sách id."))
            weights = body.get("weights")
            if weights is not None and not isinstance(weights, Mapping):
                raise _refuse(
                    "invalid_weights", _("weights phải là đối tượng {tên điểm: trọng số}.")
                )
            result = optimize(
                candidates, rules, size, required, seed,
                weights=None if weights is None else _fractions(weights),
                time_limit=SOLVE_SECONDS, analysis_seconds=ANALYSIS_SECONDS,
            )  # fmt: skip
        except SelectionError as error:
            raise _refuse(error.code, error.message) from error
        return Response(_optimize_json(result))


def _fractions(weights: Mapping[str, Any]) -> dict[str, Fraction]:
    if len(weights) > MAX_RULES:
        raise _refuse(
            "too_large", _("Quá nhiều trọng số (tối đa %(limit)s).") % {"limit": MAX_RULES}
        )
    return {str(k): to_fraction(v, str(k)) for k, v in weights.items()}


class ApportionView(APIView):
    """Allocate seats among units (Hamilton, D'Hondt, Sainte-Laguë, Huntington-Hill), exactly."""

    @extend_schema(
        request=ApportionRequestSerializer,
        responses={200: ApportionResponseSerializer, 400: ErrorSerializer},
        tags=["selection"],
        summary="Phân bổ số đại biểu cho các đơn vị",
        examples=[
            OpenApiExample("20 ghế cho 4 đơn vị", value=APPORTION_EXAMPLE, request_only=True),
            OpenApiExample(
                "Kết quả",
                response_only=True,
                value={"method": "sainte-lague",
                       "seats": {"tt_ba_sao": 5, "tt_que": 8, "xa_nhat_tan": 5, "xa_tan_son": 2},
                       "ties": [], "excluded": [],
                       "tie_rule": "Khi các đơn vị có quyền ưu tiên bằng nhau ..."},
            ),
        ],
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        body = _body(request)
        weights = body.get("weights")
        if not isinstance(weights, Mapping) or not weights:
            raise _refuse("invalid_weights", _("weights phải là đối tượng {đơn vị: trọng số}."))
        if len(weights) > MAX_UNITS:
            raise _refuse("too_large", _("Quá nhiều đơn vị (tối đa %(limit)s).") % {
                "limit": MAX_UNITS})  # fmt: skip
        caps = body.get("max_per_unit")
        if caps is not None and not isinstance(caps, Mapping | int):
            raise _refuse("invalid_caps", _("max_per_unit phải là số hoặc đối tượng."))
        try:
            result = apportion(
                {str(k): v for k, v in weights.items()},
                _integer(body, "seats", None, MAX_SEATS),
                body.get("method", "sainte-lague"),
                min_per_unit=_integer(body, "min_per_unit", 0, MAX_SEATS),
                max_per_unit=caps,
                threshold=body.get("threshold"),
            )
        except SelectionError as error:
            raise _refuse(error.code, error.message) from error
        return Response(result.as_dict())
