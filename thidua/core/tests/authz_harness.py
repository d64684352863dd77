"""Machinery of the authorization matrix: enumerate every URL and API operation, fill their
arguments from the world, send one request as a persona and classify the answer.

Answer codes (one character per cell of the table in test_authz_matrix.py):
    2  2xx                     3  a redirect elsewhere (a refusal message, a form's next page)
    L  a redirect to a login   V  400 (the empty body refused by validation)
    U  401                     F  403 (in scope, role missing)
    N  404 (out of scope, or no such object)
    M  405 (method not allowed) C  409
A 5xx is never an acceptable answer.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from thidua.core.tests.authz_world import AuthzWorld, value_of

# URL keyword -> world object, per URL name (then per keyword name: the defaults below).
PAGE_KWARGS: dict[str, dict[str, str]] = {
    "awards:candidate-remove": {"pk": "proposal", "item_pk": "item"},
    "awards:evidence-add": {"pk": "proposal", "item_pk": "item"},
    "awards:opinion-record": {"pk": "proposal", "item_pk": "item"},
    "awards:evidence-download": {"token": "evidence"},
    "awards:entry-revoke": {"pk": "decision", "entry_pk": "entry"},
    "awards:blank-calibration": {"pk": "layout"},
    "campaigns:level-rule-edit": {"pk": "campaign", "rule_pk": "level_rule"},
    "campaigns:composition-rule-edit": {"pk": "campaign", "rule_pk": "composition_rule"},
    "campaigns:composition-rule-delete": {"pk": "campaign", "rule_pk": "composition_rule"},
    "campaigns:task-edit": {"pk": "campaign", "task_pk": "task"},
    "conferences:rsvp": {"token": "invited"},
    "elections:vote": {"token": "vote_token"},
    "proceedings:section-save": {"outline": "outline"},
    "honorees:photo-file": {"token": "photo"},
    "honorees:public-photo": {"token": "public_photo"},
    "honorees:story": {"token": "story"},
    "honorees:roll-unit": {"pk": "commune_a"},
    "honorees:roll-movement": {"slug": "movement"},
    "units:unit-detail": {"pk": "commune_a"},
    "units:unit-children": {"pk": "commune_a"},
    "units:unit-audit": {"pk": "commune_a"},
}
# The object a URL's "pk" names, by the URL name's prefix (the first match wins).
PK_BY_PREFIX: tuple[tuple[str, str], ...] = (
    ("awards:submission-", "award_submission"),
    ("awards:decision-", "decision"),
    ("awards:", "proposal"),
    ("campaigns:assignment-", "assignment"),
    ("campaigns:submission-", "campaign_submission"),
    ("campaigns:feedback-", "feedback"),
    ("campaigns:", "campaign"),
    ("conferences:agenda-item-", "agenda_item"),
    ("conferences:delegate-remove", "delegate"),
    ("conferences:delegate-restore", "delegate"),
    ("conferences:proposal-detail", "delegate_proposal"),
    ("conferences:proposal-apply", "delegate_proposal"),
    ("conferences:invitation-issue", "invited"),
    ("conferences:badge-", "invited"),
    ("conferences:", "conference"),
    ("dashboards:", "commune_a"),
    ("documents:batch-", "batch"),
    ("documents:", "document"),
    ("elections:poll-create", "conference"),  # a conference's URL, not a poll's
    ("elections:poll", "poll"),
    ("elections:", "conference"),
    ("honorees:", "honoree"),
    ("notifications:", "notification"),
    ("proceedings:actual-record", "budget_line"),
    ("proceedings:line-delete", "budget_line"),
    ("proceedings:presentation-delete", "presentation"),
    ("proceedings:activity-delete", "side_activity"),
    ("proceedings:attachment", "report_section"),
    ("proceedings:", "conference"),
)
FORMATS = {"fmt": "pdf"}
# Query strings some pages and operations need (parameter -> world object).
QUERIES: dict[str, dict[str, str]] = {
    "campaigns:feedback-create": {"campaign": "campaign"},
    "conferences:conference-create": {"campaign": "campaign", "unit": "commune_a"},
    "/api/v1/awards/statistics/": {"unit": "commune_a"},
    "elections:receipt": {"ma": "receipt"},
}


def _query(w: AuthzWorld, key: str) -> str:
    params = QUERIES.get(key)
    if not params:
        return ""
    return "?" + "&".join(f"{name}={_object(w, obj).pk}" for name, obj in params.items())


# API path parameter -> world object, by the path's first segment(s).
API_OBJECTS: tuple[tuple[str, str], ...] = (
    ("/api/v1/awards/proposals/", "proposal"),
    ("/api/v1/awards/submissions/", "award_submission"),
    ("/api/v1/awards/decisions/", "decision"),
    ("/api/v1/awards/entries/", "entry"),
    ("/api/v1/honorees/", "honoree"),
    ("/api/v1/movements/", "movement"),
    ("/api/v1/units/", "commune_a"),
    ("/api/v1/documents/", "document"),
    ("/api/v1/document-batches/", "batch"),
    ("/api/v1/campaigns/", "campaign"),
    ("/api/v1/assignments/", "assignment"),
    ("/api/v1/submissions/", "campaign_submission"),
    ("/api/v1/feedback/", "feedback"),
    ("/api/v1/conferences/", "conference"),
    ("/api/v1/agenda-items/", "agenda_item"),
    ("/api/v1/delegates/", "delegate"),
    ("/api/v1/proposals/", "delegate_proposal"),
    ("/api/v1/elections/polls/", "poll"),
    ("/api/v1/budget-lines/", "budget_line"),
)


@dataclass(frozen=True)
class Route:
    name: str  # "app:url-name"
    route: str  # the pattern, for messages
    kwargs: tuple[str, ...]


def _walk(patterns: list[Any], namespace: str, prefix: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            route = prefix + str(entry.pattern)
            yield Route(name, route, tuple(entry.pattern.regex.groupindex))


def all_routes() -> list[Route]:
    """Every named URL pattern of the project (config.urls, walked recursively)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "", "/"):
        seen.setdefault(route.name, route)
    return sorted(seen.values(), key=lambda r: r.name)


def api_operations() -> list[tuple[str, str]]:
    """Every (METHOD, path template) of the OpenAPI schema (drf-spectacular's generator)."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema["paths"].items():
        for method in item:
            if method in {"get", "post", "put", "patch", "delete"}:
                operations.append((method.upper(), path))
    return sorted(operations, key=lambda op: (op[1], op[0]))


def _object(w: AuthzWorld, key: str) -> Any:
    if key == "commune_a":
        return w.world.commune_a
    return w.objects[key]


def page_url(w: AuthzWorld, route: Route) -> str:
    from django.urls import reverse

    values: dict[str, Any] = {}
    for kwarg in route.kwargs:
        if kwarg in FORMATS:
            values[kwarg] = "json" if route.name == "honorees:personal-export" else FORMATS[kwarg]
            continue
        key = PAGE_KWARGS.get(route.name, {}).get(kwarg)
        if key is None and kwarg == "unit_pk":
            key = "commune_a"
        if key is None and kwarg == "pk":
            key = next(k for prefix, k in PK_BY_PREFIX if route.name.startswith(prefix))
        if key is None:
            raise AssertionError(f"no value for <{kwarg}> of {route.name}: add it to PAGE_KWARGS")
        values[kwarg] = value_of(_object(w, key), kwarg)
    return reverse(route.name, kwargs=values) + _query(w, route.name)


def api_url(w: AuthzWorld, path: str) -> str:
    if "{" not in path:
        return path + _query(w, path)
    key = next((k for prefix, k in API_OBJECTS if path.startswith(prefix)), None)
    if key is None:
        raise AssertionError(f"no object for {path}: add its prefix to API_OBJECTS")
    obj = _object(w, key)
    result = path
    for name in ("pk", "id", "code", "token"):
        if "{" + name + "}" in result:
            result = result.replace("{" + name + "}", str(value_of(obj, name)))
    result = result.replace("{action}", "decide")  # awards/submissions/{id}/{action}/
    if "{" in result:
        raise AssertionError(f"unknown path parameter in {path}")
    return result


LOGIN_PREFIXES = ("/tai-khoan/dang-nhap/", "/quan-tri/login/")


# (A data block, <script type="application/json"> from json_script, is data and never runs.)
INLINE = re.compile(
    r"<script(?![^>]*\s(?:src=|type=.application/json))[^>]*>|\sstyle\s*=|\son[a-z]+\s*=\s*[\"']",
    re.I,
)


def inline_code(response: Any) -> str | None:
    """The first inline script, style attribute or on* handler of an HTML answer (the CSP
    forbids them: they would not run), or None."""
    if "text/html" not in response.get("Content-Type", ""):
        return None
    match = INLINE.search(response.body_bytes.decode("utf-8", "replace"))
    return match.group(0) if match else None


def classify(response: Any) -> str:
    status = response.status_code
    if 200 <= status < 300:
        return "2"
    if status in (301, 302, 303, 307, 308):
        location = response.get("Location", "")
        return "L" if location.startswith(LOGIN_PREFIXES) else "3"
    return {400: "V", 401: "U", 403: "F", 404: "N", 405: "M", 409: "C"}.get(status, str(status))


def send(client: Any, method: str, url: str, *, api: bool) -> tuple[Any, int]:
    """One request inside a savepoint that is rolled back (each cell sees the same world).
    Returns the response and the number of audit entries it wrote."""
    from thidua.core.models import AuditEntry

    cookies = copy.deepcopy(client.cookies)  # a logout or a language switch is undone too
    with transaction.atomic():
        before = AuditEntry.objects.count()
        if method == "GET":
            response = client.get(url)
        elif api:
            response = client.generic(method, url, json.dumps({}), "application/json")
        else:
            response = client.post(url, {})
        written = AuditEntry.objects.count() - before
        # Iterating a streamed response runs its close (the test client keeps the connection).
        body = b"".join(response) if response.streaming else response.content
        response.body_bytes = body
        transaction.set_rollback(True)
    client.cookies = cookies
    return response, written
