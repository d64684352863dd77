"""A throw-away database for a benchmark: the real schema, none of the working data."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection
from django.test.utils import setup_databases, teardown_databases


@contextlib.contextmanager
def scratch_database() -> Iterator[None]:
    """Create a test database (migrated), run the block in it, drop it afterwards."""
    old = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(old, verbosity=0)
        connection.close()
