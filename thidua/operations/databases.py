"""The database half of a backup: a consistent copy, its table digests, and loading it back.

PostgreSQL: ``pg_dump --format=custom`` inside an exported snapshot, and the digests computed in
that same snapshot, so the manifest describes exactly what the dump holds even while the app
servers keep writing. Restore: ``pg_restore --single-transaction`` into an empty database.

SQLite: the online backup API copies the live database page by page into a file (readers and the
worker may go on); the digests are computed on that copy. Restore: the backup API again, from
the archive's copy into the configured file.

A table digest is (row count, the sum modulo 2**256 of the SHA-256 of each row's text): it does
not depend on row order or collation, so it can be computed without sorting millions of rows,
and any added, lost or changed row changes it. PostgreSQL sequences are digested too (their
value and whether it was used), so restored ids continue where the original stopped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections, transaction

MODULUS = 2**256
# Session settings that fix how PostgreSQL writes a row as text, whoever connects.
PG_TEXT_SETTINGS = (
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 3",
    "SET LOCAL bytea_output = 'hex'",
)


class DatabaseToolError(RuntimeError):
    """pg_dump / pg_restore failed or is missing; the message carries their error output."""


@dataclass(frozen=True)
class TableDigest:
    rows: int
    digest: str

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "digest": self.digest}


def combine(row_texts: Iterable[bytes]) -> TableDigest:
    rows, total = 0, 0
    for text in row_texts:
        rows += 1
        total = (total + int.from_bytes(hashlib.sha256(text).digest(), "big")) % MODULUS
    return TableDigest(rows, f"{total:064x}")


# --- PostgreSQL ---------------------------------------------------------------------------------


def postgres_digests(raw_connection: Any) -> dict[str, TableDigest]:
    """Digest of every table and sequence visible in the search path. Must run inside a
    transaction on ``raw_connection`` (a psycopg connection), e.g. the backup's snapshot."""
    with raw_connection.cursor() as cursor:
        for statement in PG_TEXT_SETTINGS:
            cursor.execute(statement)
        cursor.execute(
            "SELECT c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'S') AND n.nspname = ANY (current_schemas(false)) "
            "ORDER BY c.relname"
        )
        relations = cursor.fetchall()
    digests: dict[str, TableDigest] = {}
    for name, kind in relations:
        quoted = _quote(name)
        if kind == "S":
            query = f"SELECT last_value::text || ',' || is_called::text FROM {quoted}"  # noqa: S608
            key = f"sequence:{name}"
        else:
            query = f"SELECT t::text FROM {quoted} AS t"  # noqa: S608
            key = name
        digests[key] = combine(_server_side_rows(raw_connection, query))
    return digests


def _server_side_rows(raw_connection: Any, query: str) -> Iterator[bytes]:
    with raw_connection.cursor(name="thidua_digest") as cursor:
        cursor.itersize = 5000
        cursor.execute(query)
        for (text,) in cursor:
            yield text.encode()


def pg_environment(alias: str) -> dict[str, str]:
    """libpq's environment for the database of ``alias`` (the password never goes on a command
    line, where `ps` would show it)."""
    config = connections[alias].settings_dict
    environment = dict(os.environ)
    values = {
        "PGDATABASE": config.get("NAME"),
        "PGUSER": config.get("USER"),
        "PGPASSWORD": config.get("PASSWORD"),
        "PGHOST": config.get("HOST"),
        "PGPORT": str(config.get("PORT") or ""),
        "PGSSLMODE": (config.get("OPTIONS") or {}).get("sslmode"),
    }
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment


def pg_tool(name: str) -> str:
    """The path of pg_dump / pg_restore: PG_BIN_DIR when set, else the PATH."""
    folder = getattr(settings, "PG_BIN_DIR", "")
    path = str(Path(folder) / name) if folder else shutil.which(name)
    if not path or not Path(path).exists():
        raise DatabaseToolError(
            f"{name} not found: install postgresql-client (same major version as the server, or "
            "newer) or set PG_BIN_DIR"
        )
    return path


def _run(command: list[str], alias: str) -> str:
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments built here
        command, env=pg_environment(alias), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise DatabaseToolError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")
    return result.stdout


def tool_version(name: str) -> str:
    return subprocess.run(  # noqa: S603
        [pg_tool(name), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def postgres_dump(alias: str, target: Path) -> dict[str, TableDigest]:
    """Dump the database of ``alias`` to ``target`` (custom format) and digest the same
    snapshot."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        connection.ensure_connection()
        raw = connection.connection
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        _run(
            [pg_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            alias,
        )
        return postgres_digests(raw)


def postgres_is_empty(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        return not connections[alias].introspection.table_names(cursor)


def postgres_wipe(alias: str) -> None:
    """Drop everything in the public schema (restore --force)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connections[alias].close()


def postgres_load(alias: str, dump: Path) -> dict[str, TableDigest]:
    connections[alias].close()  # pg_restore works through its own connection
    _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connections[alias].settings_dict['NAME']}",
            str(dump),
        ],
        alias,
    )
    with transaction.atomic(using=alias):
        connections[alias].ensure_connection()
        return postgres_digests(connections[alias].connection)


# --- SQLite ------------------------------------------------------------------------------------


def sqlite_digests(raw_connection: sqlite3.Connection) -> dict[str, TableDigest]:
    names = [
        row[0]
        for row in raw_connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    digests = {}
    for name in names:
        quoted = _quote(name)
        columns = [row[1] for row in raw_connection.execute(f"PRAGMA table_info({quoted})")]
        # quote() gives each value's SQL literal as text: the same whatever converters the
        # connection has registered (Django's turns "datetime" columns into datetime objects).
        values = " || ',' || ".join(f"quote({_quote(column)})" for column in columns)
        rows = raw_connection.execute(f"SELECT {values} FROM {quoted}")  # noqa: S608
        digests[name] = combine(row[0].encode() for row in rows)
    return digests


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_dump(alias: str, target: Path) -> dict[str, TableDigest]:
    connection = connections[alias]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        return sqlite_digests(destination)
    finally:
        destination.close()


def sqlite_is_empty(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        return not connections[alias].introspection.table_names(cursor)


def sqlite_load(alias: str, copy: Path) -> dict[str, TableDigest]:
    """Replace the database of ``alias`` with ``copy`` (the backup API writes every page)."""
    connection = connections[alias]
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()
    connection.ensure_connection()
    return sqlite_digests(connection.connection)


# --- Dispatch ----------------------------------------------------------------------------------


def vendor(alias: str) -> str:
    return connections[alias].vendor


def dump(alias: str, target: Path) -> dict[str, TableDigest]:
    if vendor(alias) == "postgresql":
        return postgres_dump(alias, target)
    return sqlite_dump(alias, target)


def is_empty(alias: str) -> bool:
    return postgres_is_empty(alias) if vendor(alias) == "postgresql" else sqlite_is_empty(alias)


def load(alias: str, copy: Path, *, wipe: bool) -> dict[str, TableDigest]:
    if vendor(alias) == "postgresql":
        if wipe:
            postgres_wipe(alias)
        return postgres_load(alias, copy)
    return sqlite_load(alias, copy)  # the backup API replaces the whole file anyway


def digests(alias: str) -> dict[str, TableDigest]:
    """The digests of the database of ``alias`` as it is now (for checks and tests)."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            return postgres_digests(connection.connection)
        return sqlite_digests(connection.connection)


def describe(alias: str) -> dict[str, str]:
    connection = connections[alias]
    connection.ensure_connection()
    info = {"engine": connection.vendor}
    if connection.vendor == "postgresql":
        info["server_version"] = str(getattr(connection, "pg_version", ""))
        info["tool"] = tool_version("pg_dump")
    else:
        info["server_version"] = sqlite3.sqlite_version
        info["tool"] = "sqlite3 backup API"
    return info
