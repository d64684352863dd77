"""The read-replica router: which database each read and write goes to."""

from __future__ import annotations

import threading

import pytest
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from thidua.accounts.models import ApiToken, User
from thidua.core.models import AuditEntry
from thidua.operations.replica import (
    ReplicaRouter,
    read_replica,
    reading_from_replica,
    replica_alias,
    replica_view,
)
from thidua.units.models import Membership, Unit

router = ReplicaRouter()


@pytest.fixture
def with_replica(settings):
    settings.DATABASE_REPLICA_ALIAS = "replica"
    return settings


def test_router_is_installed_whatever_the_environment(settings):
    assert settings.DATABASE_ROUTERS == ["thidua.operations.replica.ReplicaRouter"]


def test_without_a_replica_every_read_goes_to_default(settings):
    settings.DATABASE_REPLICA_ALIAS = None
    with read_replica():
        assert router.db_for_read(Unit) is None
        assert Unit.objects.all().db == "default"
    assert replica_alias() == "default"


def test_reads_outside_the_block_stay_on_default(with_replica):
    assert router.db_for_read(Unit) is None
    assert Unit.objects.all().db == "default"
    assert AuditEntry.objects.all().db == "default"


def test_reads_inside_the_block_go_to_the_replica(with_replica):
    with read_replica():
        assert Unit.objects.all().db == "replica"
        assert AuditEntry.objects.filter(action="x").db == "replica"
    assert Unit.objects.all().db == "default"
    assert replica_alias() == "replica"


@pytest.mark.parametrize("model", [Session, User, ApiToken, Membership, DBTaskResult])
def test_models_that_must_be_current_never_read_from_the_replica(with_replica, model):
    with read_replica():
        assert router.db_for_read(model) == "default"
        assert model.objects.all().db == "default"


def test_the_cache_table_never_reads_from_the_replica(with_replica):
    from django.core.cache.backends.db import DatabaseCache

    cache = DatabaseCache("thidua_cache", {})
    with read_replica():
        assert router.db_for_read(cache.cache_model_class) == "default"


def test_writes_always_go_to_default(with_replica):
    with read_replica():
        assert router.db_for_write(Unit) == "default"
        assert Unit.objects.select_for_update().db == "default"
        assert Unit.objects.all()._clone().db == "replica"


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_stay_on_the_primary(with_replica):
    with read_replica():
        assert Unit.objects.all().db == "replica"
        with transaction.atomic():
            assert Unit.objects.all().db == "default"  # read your own writes
        assert Unit.objects.all().db == "replica"


def test_the_flag_is_reset_after_an_error_and_nests(with_replica):
    with pytest.raises(RuntimeError), read_replica():
        with read_replica():
            assert reading_from_replica()
        assert reading_from_replica()
        raise RuntimeError
    assert not reading_from_replica()
    assert Unit.objects.all().db == "default"


def test_the_flag_belongs_to_its_thread(with_replica):
    seen = []
    with read_replica():
        thread = threading.Thread(target=lambda: seen.append(Unit.objects.all().db))
        thread.start()
        thread.join()
        assert Unit.objects.all().db == "replica"
    assert seen == ["default"]


def test_replica_view_routes_the_view_and_its_template(with_replica):
    seen = {}

    @replica_view
    def view(request):
        seen["view"] = Unit.objects.all().db
        template = engines["django"].from_string("{{ probe }}")

        class Probe:
            def __str__(self):
                seen["template"] = Unit.objects.all().db
                return "ok"

        return TemplateResponse(request, template, {"probe": Probe()})

    response = view(RequestFactory().get("/"))
    assert seen == {"view": "replica", "template": "replica"}
    assert response.content == b"ok"
    assert Unit.objects.all().db == "default"


def test_replica_view_keeps_plain_responses(with_replica):
    @replica_view
    def view(request):
        return HttpResponse(Unit.objects.all().db)

    assert view(RequestFactory().get("/")).content == b"replica"


def test_the_replica_is_never_migrated(with_replica):
    assert router.allow_migrate("replica", "units") is False
    assert router.allow_migrate("default", "units") is None


def test_objects_of_either_database_may_be_related(with_replica):
    on_replica, on_default = Unit(), Unit()
    on_replica._state.db, on_default._state.db = "replica", "default"
    assert router.allow_relation(on_replica, on_default) is True
    elsewhere = Unit()
    elsewhere._state.db = "archive"
    assert router.allow_relation(on_replica, elsewhere) is None


@pytest.fixture
def read_only_replica(postgres_only, settings):
    """A second connection to the test database that refuses writes, as a hot standby does."""
    from django.db import connections

    primary = connections["default"].settings_dict
    options = {**primary["OPTIONS"], "options": "-c default_transaction_read_only=on"}
    connections.settings["replica"] = {**primary, "OPTIONS": options}
    replica = connections["replica"]  # the handler keeps this connection for the thread
    # ... and without the settings entry Django's test case treats it as a connection made at
    # run time, which it allows (it refuses declared aliases the test did not ask for).
    del connections.settings["replica"]
    settings.DATABASE_REPLICA_ALIAS = "replica"
    yield replica
    replica.close()
    del connections["replica"]


@pytest.mark.django_db(transaction=True)
def test_opted_in_reads_run_on_the_read_only_replica_and_writes_on_the_primary(
    read_only_replica, world
):
    from django.db import DatabaseError

    from thidua.units import services

    with read_replica():
        codes = sorted(Unit.objects.values_list("code", flat=True))
        with read_only_replica.cursor() as cursor:
            cursor.execute("SHOW transaction_read_only")
            assert cursor.fetchone() == ("on",)
        created = services.create_unit(
            by=None, code="C1", name="Xã Mới", kind="commune", parent=world.district
        )
        assert created._state.db == "default"
        assert Unit.objects.get(pk=created.pk)._state.db == "replica"
    assert codes == ["A1", "A1-TH", "B1", "D1", "P1"]
    assert AuditEntry.objects.filter(action="units.unit.created").count() == 6
    with pytest.raises(DatabaseError, match="read-only transaction"):
        Unit.objects.using("replica").filter(pk=created.pk).update(name="x")
