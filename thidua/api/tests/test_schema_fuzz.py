"""Issue 11: schemathesis against every operation of the API, as an organizer with data in
scope (the Kim Bảng 2024 demo): no server error, no response that breaks the schema.

Bounded for CI (a few derandomized cases per operation and generation mode, positive and
negative); `python -m bench fuzz` runs the same thing longer and reports the counts.
"""

from __future__ import annotations

import pytest

from thidua.accounts.services import issue_api_token
from thidua.api.tests.schema_fuzz import fuzz, load_schema
from thidua.demo.loader import load_demo

ORGANIZER = "nv.kimbang"  # district organizer of the demo: every commune's data is in scope


@pytest.fixture
def demo_token(db, settings, tmp_path):
    from django.contrib.auth import get_user_model

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo(log=lambda _message: None)
    _, secret = issue_api_token(by=get_user_model().objects.get(username=ORGANIZER))
    return secret


@pytest.mark.django_db
def test_every_operation_answers_without_server_error_and_within_the_schema(demo_token):
    schema = load_schema()
    result = fuzz(schema, {"Authorization": f"Bearer {demo_token}"}, max_examples=4)
    assert result.operations >= 80  # the whole schema was walked, not a filtered part
    assert result.cases >= result.operations * 2
    assert any(200 <= code < 300 for code in result.statuses)  # data in scope was reached
    print(result.summary(), result.statuses)  # the figures docs/security.md quotes
    assert not result.failures, result.summary()
