"""The two databases the storage runs on, for the storage, keys, policy and multiprocess tests:
an SQLite file in a temporary folder, and a throwaway schema on the local PostgreSQL server
(127.0.0.1:5432, database `test`), skipped with a message only when no server answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

POSTGRES_USERS = ("root", "postgres")
POSTGRES_HOST = "127.0.0.1:5432"


def postgres_user() -> str | None:
    for user in POSTGRES_USERS:
        try:
            with psycopg.connect(f"postgresql://{user}@{POSTGRES_HOST}/test", connect_timeout=2):
                return user
        except psycopg.OperationalError:
            continue
    return None


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections live in a fresh schema, dropped afterwards; parallel runs never meet."""
    user = postgres_user()
    if user is None:
        pytest.skip(f"no PostgreSQL server answers on {POSTGRES_HOST} (database `test`)")
    base = f"postgresql://{user}@{POSTGRES_HOST}/test"
    schema = f"secondlook_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextmanager
def database_url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'secondlook.db'}"
    else:
        with postgres_schema_url() as url:
            yield url
