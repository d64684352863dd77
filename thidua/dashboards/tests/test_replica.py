"""The dashboard reads from the replica when one is configured (thidua.operations.replica)."""

from __future__ import annotations

import pytest

from thidua.dashboards import selectors, views
from thidua.dashboards.tests.conftest import NOW
from thidua.honorees.models import Honoree
from thidua.operations.replica import ReplicaRouter, reading_from_replica


@pytest.mark.django_db
def test_the_dashboards_queries_run_inside_read_replica(built, monkeypatch, settings):
    settings.DATABASE_REPLICA_ALIAS = "replica"
    seen = []
    real = selectors.vocabularies

    def spy(*args, **kwargs):
        # Outside a transaction on the primary, the router would send this read to the replica.
        seen.append((reading_from_replica(), ReplicaRouter().db_for_read(Honoree)))
        return real(*args, **kwargs)

    monkeypatch.setattr(selectors, "vocabularies", spy)
    selectors.dashboard(built.world.district, built.campaign, now=NOW)
    # Inside the test's transaction the router keeps reads on the primary (read your writes).
    assert seen == [(True, "default")]
    assert not reading_from_replica()


@pytest.mark.django_db
def test_the_pages_and_exports_render_inside_read_replica(
    built, district_officer, client, monkeypatch
):
    from django.urls import reverse

    seen = []
    real_page, real_export = views._page, views._export

    def page(*args):
        seen.append(("page", reading_from_replica()))
        return real_page(*args)

    def export(*args):
        seen.append(("export", reading_from_replica()))
        return real_export(*args)

    monkeypatch.setattr(views, "_page", page)
    monkeypatch.setattr(views, "_export", export)
    client.force_login(district_officer)
    pk = built.world.district.pk
    assert client.get(reverse("dashboards:unit", args=[pk])).status_code == 200
    assert client.get(reverse("dashboards:unit-export", args=[pk])).status_code == 200
    assert seen == [("page", True), ("export", True)]
