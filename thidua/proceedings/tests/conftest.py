"""Fixtures of the proceedings tests: the conference fixtures of thidua/conferences (the persona
world, the seed's campaign issued by district D, conferences of communes A and B) and helpers
that build delegates, check-ins and budget lines through the services."""

from __future__ import annotations

import importlib

import pytest
from django.utils import timezone

from thidua.conferences.tests.conftest import (  # noqa: F401  (fixtures)
    COMMUNE_DAY,
    ISSUED_AT,
    campaign,
    conference_a,
    conference_b,
    guest,
    leader_a,
    media_root,
    preset,
    viewer_a,
)


@pytest.fixture(autouse=True)
def proceedings_seed(request):
    """The base salaries and the outline (migration 0002), put back after a flush; tests
    without the database (the pure modules) are left alone."""
    from django.apps import apps

    uses_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
    } & set(request.fixturenames)
    if not uses_db:
        return
    request.getfixturevalue("db")
    importlib.import_module("thidua.proceedings.migrations.0002_seed_base_salary_outline").seed(
        apps, None
    )


def check_in(delegate, at=None):
    """Mark a delegate present (the check-in itself is issue 7's other half; the field is the
    source of truth the results read)."""
    from thidua.conferences.models import Delegate

    Delegate.objects.filter(pk=delegate.pk).update(checked_in_at=at or timezone.now())
