"""Ids and tokens in URLs cannot be used to find other units' data (issue 11).

Commune B's organizer (and an anonymous visitor) sweeps the ids around each of commune A's
objects on every page and API read that takes an id: every answer is 404 (the same as for an id
that does not exist) or a page of B's own scope that shows nothing of A; never 403, which
would confirm that the id exists. Tokens (evidence, photos, public stories) carry at least 128
random bits, and a token one character off is a 404.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.test import Client

from thidua.core.tests import authz_harness as harness
from thidua.core.tests.authz_world import PRIVATE_NAME, PRIVATE_NATIONAL_ID, build

pytestmark = pytest.mark.django_db

# Text only commune A's own people can be shown (the published honoree is public by design).
A_PRIVATE = (PRIVATE_NAME, PRIVATE_NATIONAL_ID, "Lê Thị Hoa", "Tổ sản xuất số 1")
AROUND = range(-3, 4)  # the ids swept around each of A's objects


def _int_kwarg(route: harness.Route) -> str | None:
    names = [k for k in route.kwargs if k in ("pk", "unit_pk")]
    return names[0] if names else None


def _kwargs_of(w, route: harness.Route) -> dict:
    """The route's keyword values (pk, item_pk, fmt...), as the matrix fills them."""
    from django.urls import resolve

    return dict(resolve(harness.page_url(w, route).split("?")[0]).kwargs)


def _targets(w) -> list[tuple[str, int]]:
    """(URL with "{id}" in place of the swept id, the id of A's object there)."""
    from django.urls import reverse

    targets = []
    for route in harness.all_routes():
        kwarg = _int_kwarg(route)
        if kwarg is None or route.name.startswith(("api:", "admin:")):
            continue
        values = _kwargs_of(w, route)
        template = reverse(route.name, kwargs={**values, kwarg: 987654321})
        targets.append((template.replace("987654321", "{id}"), int(values[kwarg])))
    for method, path in harness.api_operations():
        if method == "GET" and "{id}" in path and path.count("{") == 1:
            real = harness.api_url(w, path)
            targets.append((path, int(re.search(r"/(\d+)/", real).group(1))))
    return targets


def _sweep(w, client: Client, persona: str) -> tuple[int, list[str]]:
    sent, problems = 0, []
    for template, base in _targets(w):
        for delta in AROUND:
            url = template.replace("{id}", str(max(1, base + delta)))
            response, _ = harness.send(client, "GET", url, api=url.startswith("/api/"))
            sent += 1
            status = response.status_code
            body = response.body_bytes.decode("utf-8", "replace")
            if status == 403:
                problems.append(f"{persona} GET {url}: 403 confirms the id exists")
            if status >= 500:
                problems.append(f"{persona} GET {url}: server error")
            if 200 <= status < 300 and any(text in body for text in A_PRIVATE):
                problems.append(f"{persona} GET {url}: shows commune A's data")
    return sent, problems


def test_sequential_ids_around_commune_a_reveal_nothing(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    w = build(world)
    total, problems = 0, []
    for persona in ("org_b", "anon"):
        client = Client()
        if w.users[persona] is not None:
            client.force_login(w.users[persona])
        sent, found = _sweep(w, client, persona)
        total += sent
        problems += found
    print(f"enumeration: {total} requests with ids around commune A's objects")
    assert total > 500
    assert not problems, "\n".join(problems)


def test_tokens_are_unguessable_and_exact(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    w = build(world)
    tokens = [w.objects[k].token for k in ("evidence", "photo", "public_photo", "story")]
    assert len(set(tokens)) == len(tokens)
    for token in tokens:
        assert len(token) >= 22  # secrets.token_urlsafe(16): 128 random bits
        assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    # Every model with a token field uses a random default of at least 128 bits, or is issued
    # one by its service (null until then): none is derived from the id.
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "token"), None)
        if field is not None:
            assert field.unique, model
            if field.has_default():
                assert len(field.get_default()) >= 22, model

    anonymous = Client()
    story = w.objects["story"].token
    assert anonymous.get(f"/vinh-danh/bai/{story}/").status_code == 200
    flipped = story[:-1] + ("A" if story[-1] != "A" else "B")
    assert anonymous.get(f"/vinh-danh/bai/{flipped}/").status_code == 404
    photo = w.objects["photo"].token  # a private photo: not public even with its token
    assert anonymous.get(f"/vinh-danh/anh/{photo}/").status_code == 404
    outsider = Client()
    outsider.force_login(w.users["org_b"])
    assert outsider.get(f"/dien-hinh/anh/{photo}/").status_code == 404
    evidence = w.objects["evidence"].token
    assert outsider.get(f"/khen-thuong/minh-chung/{evidence}/").status_code == 404
