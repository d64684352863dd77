"""The stateless selection endpoints: check, optimize, apportion; errors; the schema."""

import pytest

from conftest import make_user
from thidua.selection.optimizer import lottery_number
from thidua.units.tests.test_api import bearer, token_for

CHECK = "/api/v1/selection/check/"
OPTIMIZE = "/api/v1/selection/optimize/"
APPORTION = "/api/v1/selection/apportion/"
WOMEN = {
    "feature": "gender",
    "value": "female",
    "min": 0.4,
    "unit": "share",
    "label": "đại biểu nữ",
}


@pytest.fixture
def api(client, db):
    make_user("analyst")
    token = token_for(client, "analyst")

    def post(url, body, **extra):
        return client.post(url, body, content_type="application/json", **bearer(token), **extra)

    return post


def test_endpoints_need_authentication(client, db):
    for url in (CHECK, OPTIMIZE, APPORTION):
        response = client.post(url, {}, content_type="application/json")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


def test_check_reports_rule_by_rule(api):
    delegates = [
        {
            "id": i,
            "attributes": {
                "gender": "female" if i < 7 else "male",
                "category": "guest" if i < 10 else "honoree",
            },
        }
        for i in range(20)
    ]
    rules = [
        WOMEN,
        {
            "feature": "category",
            "value": ["guest", "leader"],
            "max": "30%",
            "unit": "share",
            "label": "khách mời",
        },
    ]
    body = api(CHECK, {"rules": rules, "delegates": delegates}).json()
    assert body["passed"] is False and body["total"] == 20
    women, guests = body["report"]
    assert (women["count"], women["min"], women["actual"], women["passed"]) == (
        7,
        "2/5",
        "35% (7/20)",
        False,
    )
    assert women["change"] == {"direction": "too_few", "replace": 1, "add": 2, "remove": 3}
    assert guests["message"].startswith("Khách mời vượt 4 người")


def test_optimize_returns_the_best_list_and_keeps_the_seed(api):
    candidates = [
        {"id": "A", "merit": 9, "attributes": {"gender": "female", "category": "honoree"}},
        {"id": "B", "merit": 8, "attributes": {"gender": "male", "category": "honoree"}},
        {"id": "C", "merit": 1, "attributes": {"gender": "male", "category": "leader"}},
        {"id": "D", "merit": 5, "attributes": {"gender": "female", "category": "guest"}},
        {"id": "E", "merit": 5, "attributes": {"gender": "female", "category": "guest"}},
    ]
    body = api(
        OPTIMIZE,
        {"rules": [WOMEN], "candidates": candidates, "size": 3, "required": ["C"], "seed": 11},
    ).json()
    # 40% of 3 is 1.2: two women are needed, so B (8) gives way to D or E (5, equal merit).
    winner = min("DE", key=lambda ident: lottery_number(11, ident))
    assert body["status"] == "optimal"
    assert body["selected"] == ["A", winner, "C"] and body["objective"] == 15
    assert body["seed"] == 11 and body["relaxation"] == [] and body["report"][0]["passed"]
    assert body["lottery"] == {i: lottery_number(11, i) for i in "DE"}
    again = api(
        OPTIMIZE,
        {
            "rules": [WOMEN],
            "candidates": candidates[::-1],
            "size": 3,
            "required": ["C"],
            "seed": 11,
        },
    ).json()
    assert again["selected"] == body["selected"]


def test_optimize_explains_an_infeasible_request(api):
    candidates = [
        {"id": i, "merit": 1, "attributes": {"gender": "female" if i < 3 else "male"}}
        for i in range(10)
    ]
    body = api(OPTIMIZE, {"rules": [WOMEN], "candidates": candidates, "size": 10}).json()
    assert body["status"] == "infeasible" and body["selected"] == []
    assert body["conflicts"] == [0]
    assert body["relaxation"][0]["message"] == (
        "Cần hạ mức tối thiểu đại biểu nữ từ 40% xuống 30% (3/10 người), "
        "hoặc có thêm 1 ứng viên đại biểu nữ."
    )
    assert body["report"][0]["passed"] is False


def test_apportion_allocates_and_reports_ties(api):
    body = api(
        APPORTION, {"method": "hamilton", "seats": 11, "weights": {"A": 6, "B": 6, "C": 2}}
    ).json()
    assert body["seats"] == {"A": 5, "B": 5, "C": 1} and body["ties"] == []
    body = api(
        APPORTION,
        {
            "method": "dhondt",
            "seats": 3,
            "weights": {"A": 5, "B": 5, "C": 10},
            "min_per_unit": 0,
            "max_per_unit": {"C": 5},
            "threshold": 0.01,
        },
    ).json()
    assert body["seats"] == {"A": 1, "B": 0, "C": 2}
    assert body["ties"] == [{"units": ["C", "A", "B"], "winners": ["C", "A"], "seats": 2}]


@pytest.mark.parametrize(
    ("url", "body", "code"),
    [
        (CHECK, [], "selection.invalid_body"),
        (CHECK, {"rules": "x", "delegates": []}, "selection.invalid_body"),
        (
            CHECK,
            {"rules": [{"feature": "g", "value": "f", "min": 40, "unit": "share"}]},
            "selection.share_out_of_range",
        ),
        (CHECK, {"rules": [], "delegates": [{"id": 1}, {"id": 1}]}, "selection.duplicate_id"),
        (CHECK, {"rules": [], "delegates": [{"id": {"x": 1}}]}, "selection.invalid_id"),
        (
            CHECK,
            {"rules": [{"feature": "g", "value": "f", "min": "abc"}]},
            "selection.invalid_number",
        ),
        (
            CHECK,
            {"rules": [{"feature": "f", "each": True, "min": 1}]},
            "selection.group_values_required",
        ),
        (
            CHECK,
            {"rules": [], "delegates": [{"id": i} for i in range(5001)]},
            "selection.too_large",
        ),
        (OPTIMIZE, {"rules": [], "candidates": [], "size": -1}, "selection.invalid_integer"),
        (OPTIMIZE, {"rules": [], "candidates": [], "size": "3"}, "selection.invalid_integer"),
        (
            OPTIMIZE,
            {"rules": [], "candidates": [{"id": 1}], "size": 1, "required": [2]},
            "selection.unknown_required",
        ),
        (
            OPTIMIZE,
            {"rules": [], "candidates": [{"id": 1, "merit": "NaN"}], "size": 1},
            "selection.invalid_number",
        ),
        (
            OPTIMIZE,
            {"rules": [], "candidates": [{"id": 1}], "size": 1, "weights": [1]},
            "selection.invalid_weights",
        ),
        (APPORTION, {"seats": 3, "weights": {}}, "selection.invalid_weights"),
        (
            APPORTION,
            {"seats": 3, "weights": {"a": 1}, "method": "adams"},
            "selection.invalid_method",
        ),
        (
            APPORTION,
            {"seats": 3, "weights": {"a": 1, "b": 1}, "min_per_unit": 2},
            "selection.minimum_exceeds_seats",
        ),
        (APPORTION, {"seats": 3, "weights": {"a": -1}}, "selection.negative_weight"),
        (
            APPORTION,
            {"seats": 3, "weights": {"a": 1}, "threshold": "x"},
            "selection.invalid_number",
        ),
        (
            APPORTION,
            {"seats": 3, "weights": {"a": 1}, "max_per_unit": "x"},
            "selection.invalid_caps",
        ),
        (APPORTION, {"seats": 10**9, "weights": {"a": 1}}, "selection.invalid_integer"),
    ],
)
def test_bad_input_is_a_400_with_a_code_and_a_vietnamese_message(api, url, body, code):
    response = api(url, body)
    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == code
    assert payload["detail"] and payload["detail"][-1] == "."


def test_malformed_json_is_a_400(api):
    response = api(CHECK, "{not json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_schema_documents_the_three_endpoints_with_examples(client, db):
    make_user("reader")
    token = token_for(client, "reader")
    schema = client.get("/api/v1/schema/?format=json", **bearer(token)).json()
    for path, example in (
        ("/api/v1/selection/check/", "Ba đại biểu, ba quy tắc"),
        ("/api/v1/selection/optimize/", "Ba chỗ, một người bắt buộc"),
        ("/api/v1/selection/apportion/", "20 ghế cho 4 đơn vị"),
    ):
        operation = schema["paths"][path]["post"]
        examples = operation["requestBody"]["content"]["application/json"]["examples"]
        assert [e["summary"] for e in examples.values()] == [example]
        assert set(operation["responses"]) == {"200", "400"}
