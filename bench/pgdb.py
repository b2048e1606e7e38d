"""A PostgreSQL database of a benchmark's own on the tests' server (``FUGONG_TEST_PG_URL``), made fresh and
dropped afterwards."""

from __future__ import annotations

import os

from sqlalchemy import create_engine, text

PG_URL = os.environ.get("FUGONG_TEST_PG_URL", "postgresql+psycopg://fugong:fugong@127.0.0.1:5432/fugong_test")
SERVER = PG_URL.rsplit("/", 1)[0]


def _admin(*statements: str) -> None:
    admin = create_engine(SERVER + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    admin.dispose()


def pg_database(name: str) -> str:
    """A new, empty database ``name`` (an old one of that name dropped first); its URL."""
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return SERVER + "/" + name


def pg_exists(name: str) -> bool:
    """Whether the server has a database ``name``."""
    admin = create_engine(SERVER + "/postgres")
    try:
        with admin.connect() as connection:
            found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
    finally:
        admin.dispose()
    return found is not None


def drop_pg(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
