"""Fixtures of the honoree tests."""

import importlib

import pytest
from django.apps import apps

SEEDS = (
    "thidua.awards.migrations.0002_seed_award_forms",
    "thidua.honorees.migrations.0002_seed_vocabularies_movements",
)


@pytest.fixture
def catalogues(db):
    """The rows the data migrations seed. Transactional tests (browser, concurrency) need this:
    the flush that ends another transactional test empties those tables. The seeds are
    idempotent (get_or_create / update_or_create), so this changes nothing when they are there."""
    for name in SEEDS:
        importlib.import_module(name).seed(apps, None)
