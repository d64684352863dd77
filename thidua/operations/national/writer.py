"""Bulk writing for the synthetic country: COPY on PostgreSQL (psycopg 3 ``cursor.copy``),
``bulk_create`` in big batches elsewhere (SQLite), and a progress bar on stderr.

Rows are plain tuples in the order of the given field names (attnames: ``unit_id``, not
``unit``), so the generator does not build a model instance per row on PostgreSQL. Ids are
given explicitly (the generator numbers rows itself so that later tables can point at them);
``reset_sequences`` moves the id sequences past them afterwards.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from typing import IO, Any

from django.core.management.color import no_style
from django.db import connection, models

SQLITE_BATCH = 5000


class Progress:
    """A one-line progress bar per step, redrawn at most a few times a second."""

    def __init__(self, stream: IO[str] | None = None, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.label = ""
        self.total = 0
        self.done = 0
        self.started = 0.0
        self.shown = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self.started = self.shown = time.perf_counter()
        self._draw()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.perf_counter()
        if now - self.shown >= 0.25:
            self.shown = now
            self._draw()

    def finish(self) -> float:
        self.done = max(self.done, self.total)
        self._draw()
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
        return time.perf_counter() - self.started

    def _draw(self) -> None:
        if self.stream is None:
            return
        share = self.done / self.total if self.total else 1.0
        filled = int(self.width * min(share, 1.0))
        elapsed = time.perf_counter() - self.started
        self.stream.write(
            f"\r  {self.label:<16} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{self.done:>10,}/{self.total:,}  {elapsed:6.1f} s"
        )
        self.stream.flush()


def stderr_progress() -> Progress:
    return Progress(sys.stderr)


class RowWriter:
    """``with RowWriter(Model, fields) as out: out.write(row)`` for many rows."""

    def __init__(
        self, model: type[models.Model], fields: list[str], progress: Progress | None = None
    ) -> None:
        self.model = model
        self.fields = fields
        self.progress = progress
        self.count = 0
        self._copy: Any = None
        self._copy_context: Any = None
        self._cursor: Any = None
        self._batch: list[models.Model] = []
        self.copying = connection.vendor == "postgresql"
        # COPY does not apply Django's defaults: a NOT NULL column the generator does not name
        # (one a later migration added) gets its model default, as bulk_create would give it.
        self.defaults = [
            (field.attname, field.get_default())
            for field in model._meta.concrete_fields
            if field.attname not in fields
            and not field.primary_key
            and not field.null
            and field.get_default() is not None  # a default, or "" for a blank text field
        ]
        self._default_values = tuple(
            json.dumps(value) if isinstance(value, dict | list) else value
            for _, value in self.defaults
        )

    def __enter__(self) -> RowWriter:
        if self.copying:
            meta = self.model._meta
            names = self.fields + [name for name, _ in self.defaults]
            columns = ", ".join(connection.ops.quote_name(_column(meta, name)) for name in names)
            table = connection.ops.quote_name(meta.db_table)
            self._cursor = connection.cursor()
            raw = self._cursor.cursor  # the psycopg cursor under Django's wrapper
            self._copy_context = raw.copy(f"COPY {table} ({columns}) FROM STDIN")
            self._copy = self._copy_context.__enter__()
        return self

    def write(self, row: tuple[Any, ...]) -> None:
        self.count += 1
        if self.copying:
            self._copy.write_row((*row, *self._default_values))
        else:
            self._batch.append(self.model(**dict(zip(self.fields, row, strict=True))))
            if len(self._batch) >= SQLITE_BATCH:
                self._flush()
        if self.progress is not None:
            self.progress.advance()

    def write_all(self, rows: Iterable[tuple[Any, ...]]) -> None:
        for row in rows:
            self.write(row)

    def _flush(self) -> None:
        self.model._default_manager.bulk_create(self._batch, batch_size=SQLITE_BATCH)
        self._batch = []

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self.copying:
            self._copy_context.__exit__(exc_type, exc, tb)
            self._cursor.close()
        elif exc_type is None and self._batch:
            self._flush()


def _column(meta: Any, attname: str) -> str:
    for field in meta.concrete_fields:
        if field.attname == attname:
            return str(field.column)
    raise ValueError(f"{meta.label} has no column {attname!r}")


def next_id(model: type[models.Model]) -> int:
    """The first id after every existing row (the generator numbers its rows from there)."""
    last = model._default_manager.aggregate(last=models.Max("pk"))["last"]
    return int(last or 0) + 1


def reset_sequences(*model_list: type[models.Model]) -> None:
    """Move the id sequences past explicitly numbered rows (PostgreSQL; nothing on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def drop_secondary_indexes(*model_list: type[models.Model]) -> Callable[[], None]:
    """PostgreSQL: drop the secondary indexes of these tables before a bulk load; returns the
    function that builds them again after it (one sort per index instead of millions of
    insertions: the trigram GIN index above all). Primary keys and unique constraints stay; a
    unique *index* (a partial unique constraint) is rebuilt too, which checks every row again.
    Call inside a transaction: a failure rolls the drops back. Elsewhere: nothing to do."""
    if connection.vendor != "postgresql":
        return lambda: None
    tables = [model._meta.db_table for model in model_list]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
            [tables],
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f"DROP INDEX {name}")

    def rebuild() -> None:
        with connection.cursor() as cursor:
            for _name, definition in found:
                cursor.execute(definition)

    return rebuild
