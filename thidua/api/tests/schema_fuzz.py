"""Fuzz every operation of the OpenAPI schema through the WSGI app (schemathesis).

Shared by the bounded CI test (`test_schema_fuzz.py`) and the longer run in
`bench/bench_fuzz.py`. The checks are the promise of issue 11: no server error (5xx) and no
response that breaks the schema (body, content type). Refusals with 4xx are the expected
answer to most generated input and are not failures.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
SCHEMA_PATH = "/api/v1/schema/"


@dataclass
class FuzzResult:
    operations: int = 0
    cases: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (operation, error)

    def summary(self) -> str:
        lines = [f"{self.cases} cases on {self.operations} operations, {self.seconds:.1f} s"]
        lines += [f"- {label}: {error}" for label, error in self.failures]
        return "\n".join(lines)


def load_schema() -> Any:
    from django.core.wsgi import get_wsgi_application

    with connections_kept_open():
        return schemathesis.openapi.from_wsgi(SCHEMA_PATH, get_wsgi_application())


def known_ids(schema: Any, headers: dict[str, str]) -> dict[str, list[int]]:
    """Ids of the rows in scope, by the path prefix that addresses one of them: the top-level
    lists (``/api/v1/conferences/`` -> conferences), and the lists nested under their first
    rows (``/api/v1/conferences/{id}/delegates/`` -> ``/api/v1/delegates/``)."""
    # werkzeug's client, like schemathesis: Django's test client would re-attach the
    # connection-closing signal handlers that connections_kept_open() detaches.
    from django.core.wsgi import get_wsgi_application
    from werkzeug.test import Client

    client = Client(get_wsgi_application())
    found: dict[str, list[int]] = {}

    def collect(url: str, key: str) -> None:
        response = client.get(url, headers=headers)
        if response.status_code != 200 or "json" not in response.headers.get("Content-Type", ""):
            return
        body = response.json
        rows = body.get("results", body) if isinstance(body, dict) else body
        if isinstance(rows, list):
            ids = [r["id"] for r in rows if isinstance(r, dict) and isinstance(r.get("id"), int)]
            found.setdefault(key, []).extend(i for i in ids if i not in found.get(key, []))

    gets = [
        op.ok().path
        for op in schema.get_all_operations()
        if op.ok().method.upper() == "GET" and op.ok().path.endswith("/")
    ]
    for path in (p for p in gets if "{" not in p):
        collect(path, path)
    for path in (p for p in gets if p.count("{") == 1 and not p.endswith("}/")):
        parent, rest = path.split("{", 1)
        key = "/api/v1/" + rest.split("/", 1)[1].rstrip("/").rsplit("/", 1)[-1] + "/"
        for parent_id in found.get(parent, [])[:3]:
            collect(path.replace("{" + rest.split("}", 1)[0] + "}", str(parent_id)), key)
    return found


def _in_scope(value: Any, choices: list[int]) -> Any:
    """Small generated ids land on rows that exist (data in scope); large or negative ones stay
    as they are (404, or an overflow the app must survive)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10_000:
        return choices[value % len(choices)]
    return value


def fuzz(
    schema: Any,
    headers: dict[str, str],
    *,
    max_examples: int,
    derandomize: bool = True,
    modes: Iterable[GenerationMode] = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
    skip: Iterable[str] = (),
) -> FuzzResult:
    """Run ``max_examples`` cases per operation and mode; collect failures instead of raising."""
    result = FuzzResult()
    skipped = set(skip)
    fallback = list(range(1, 31))
    start = time.perf_counter()
    with connections_kept_open():
        in_scope = known_ids(schema, headers)
        for item in schema.get_all_operations():
            operation = item.ok()
            if operation.label in skipped:
                continue
            result.operations += 1
            ids = in_scope.get(operation.path.split("{", 1)[0]) or fallback
            for mode in modes:
                _fuzz_operation(operation, mode, headers, max_examples, derandomize, ids, result)
    result.seconds = time.perf_counter() - start
    return result


@contextlib.contextmanager
def connections_kept_open() -> Iterator[None]:
    """The WSGI app closes the database connection after each request (request_finished);
    inside a test's transaction on PostgreSQL that would close the test's own connection.
    Django's test client detaches the same handler for the same reason."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _fuzz_operation(
    operation: Any,
    mode: GenerationMode,
    headers: dict[str, str],
    max_examples: int,
    derandomize: bool,
    ids: list[int],
    result: FuzzResult,
) -> None:
    @hypothesis_settings(
        max_examples=max_examples,
        derandomize=derandomize,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        print_blob=False,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        result.cases += 1
        if case.path_parameters:
            for name, value in list(case.path_parameters.items()):
                case.path_parameters[name] = _in_scope(value, ids)
        response = case.call(headers=headers)
        result.statuses[response.status_code] = result.statuses.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # every failure is reported, the run goes on
        result.failures.append((f"{operation.label} [{mode.value}]", _describe(error)))


def _describe(error: BaseException) -> str:
    parts = error.exceptions if isinstance(error, BaseExceptionGroup) else (error,)
    described = []
    for part in parts:
        lines = [line.strip() for line in str(part).strip().splitlines() if line.strip()]
        described.append(" ".join(lines[:8])[:600])
    notes = [n for n in getattr(error, "__notes__", []) if "curl" in n]
    return " | ".join(described) + (f" ({notes[-1].strip()})" if notes else "")
