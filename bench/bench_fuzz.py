"""Schemathesis, longer than CI: every operation of the API schema, positive and negative cases,
as the district organizer of the Kim Bảng 2024 demo (data in scope), on a scratch database.

Reports the cases tried, the failures (a 5xx or a response outside the schema: target zero),
the answers by status code and the time. The baseline is the CI run (`test_schema_fuzz.py`,
4 cases per operation and mode), measured here in the same run.

FUZZ_EXAMPLES (default 25) sets the cases per operation and mode; FUZZ_RANDOM=1 explores new
cases (not derandomized).
"""

from __future__ import annotations

import os
import tempfile

from django.contrib.auth import get_user_model
from django.test.utils import override_settings

from bench.database import scratch_database
from bench.harness import Report
from thidua.accounts.services import issue_api_token
from thidua.api.tests.schema_fuzz import fuzz, load_schema
from thidua.demo.loader import load_demo

CI_EXAMPLES = 4


def run(report: Report) -> None:
    examples = int(os.environ.get("FUZZ_EXAMPLES", "25"))
    derandomize = os.environ.get("FUZZ_RANDOM", "") != "1"
    with (
        scratch_database(),
        tempfile.TemporaryDirectory() as media,
        override_settings(DEBUG=False, MEDIA_ROOT=media, ALLOWED_HOSTS=["*"]),
    ):
        load_demo(log=lambda _message: None)
        user = get_user_model().objects.get(username="nv.kimbang")
        _, secret = issue_api_token(by=user)
        headers = {"Authorization": f"Bearer {secret}"}
        schema = load_schema()
        rows = []
        for label, count in (("CI bound (baseline)", CI_EXAMPLES), ("long run", examples)):
            result = fuzz(schema, headers, max_examples=count, derandomize=derandomize)
            statuses = ", ".join(f"{k}: {v}" for k, v in sorted(result.statuses.items()))
            rows.append(
                [
                    label,
                    count,
                    result.operations,
                    result.cases,
                    len(result.failures),
                    statuses,
                    f"{result.seconds:.1f}",
                ]
            )
            for operation, error in result.failures:
                print(f"  FAIL {operation}: {error[:400]}")
    report.add(
        "API fuzzing (schemathesis, all operations, positive + negative)",
        ["run", "cases/op/mode", "operations", "cases tried", "failures", "statuses", "s"],
        rows,
        note="Failures: a 5xx, or a response whose body or content type breaks the schema.",
    )
