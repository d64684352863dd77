"""Helpers for the test suites of every app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(action: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context.captured_queries)


def assert_constant_queries(
    action: Callable[[], Any], grow: Callable[[int], Any], sizes: tuple[int, int] = (1, 3)
) -> int:
    """Run ``action`` with ``sizes[0]`` items, then ``sizes[1]``; the query counts must match.

    ``grow(n)`` adds n more items. Returns the constant number of queries.
    """
    small, large = sizes
    grow(small)
    first = count_queries(action)
    grow(large - small)
    second = count_queries(action)
    assert first == second, f"{first} queries with {small} items, {second} with {large}"
    return second
