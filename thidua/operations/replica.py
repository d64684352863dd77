"""Reads that may go to the read replica, and the router that sends them there.

A read replica (PostgreSQL hot standby, ``DATABASE_REPLICA_URL``) lags the primary by a moment,
so nothing reads from it unless the code says so, for reads that tolerate that lag (dashboards,
reports, exports):

    with read_replica():                 # every query of the block that the router allows
        figures = dashboard_figures(scope, unit)

    @replica_view                         # a whole read-only view (function or DRF APIView)
    def province_dashboard(request, pk): ...

    Unit.objects.using(replica_alias())  # one queryset, explicitly

Inside the block the router still answers "default" for writes, for reads inside a transaction
on the primary (read your own writes; ``select_for_update`` is a write), and for the models of
``settings.DATABASE_REPLICA_PRIMARY_ONLY`` (sessions, accounts, memberships, tasks, cache),
which must be current. Without a replica configured everything goes to the primary, so code
that opts in works unchanged on one machine and on SQLite. A queryset is routed when it runs:
one built in the block but evaluated after it reads from the primary.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

_reading: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "thidua_read_replica", default=False
)


@contextmanager
def read_replica() -> Iterator[None]:
    """Let the reads of this block go to the replica (when one is configured)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def replica_view[F: Callable[..., Any]](view: F) -> F:
    """Decorator for a read-only view: its reads (and its template's) may use the replica."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with read_replica():
            response = view(*args, **kwargs)
            render = getattr(response, "render", None)
            if callable(render) and not getattr(response, "is_rendered", True):
                render()  # a TemplateResponse renders (and queries) after the view returns
            return response

    return wrapper  # type: ignore[return-value]


def replica_alias() -> str:
    """The alias for an explicit ``.using(...)``: the replica when configured, else default."""
    return getattr(settings, "DATABASE_REPLICA_ALIAS", None) or DEFAULT_DB_ALIAS


def reading_from_replica() -> bool:
    """True inside ``read_replica()`` (whether or not a replica is configured)."""
    return _reading.get()


def _primary_only(model: type[Any]) -> bool:
    listed = set(getattr(settings, "DATABASE_REPLICA_PRIMARY_ONLY", ()))
    meta = model._meta
    return meta.app_label in listed or meta.label_lower in listed


class ReplicaRouter:
    """settings.DATABASE_ROUTERS: replica reads only where ``read_replica()`` asked for them."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        alias = getattr(settings, "DATABASE_REPLICA_ALIAS", None)
        if not alias or not _reading.get():
            return None  # Django's default: the instance's database, else default
        if _primary_only(model) or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return alias

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows as the primary: an object read from one may point at
        # an object read from the other.
        known = {DEFAULT_DB_ALIAS, getattr(settings, "DATABASE_REPLICA_ALIAS", None)}
        if obj1._state.db in known and obj2._state.db in known:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if db == getattr(settings, "DATABASE_REPLICA_ALIAS", None):
            return False  # a standby receives the primary's schema by replication
        return None
