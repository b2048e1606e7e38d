"""The test suite's shortcut for new SQLite databases (tests/conftest.py copies one migrated database instead of
migrating each from scratch) gives exactly what migrating gives: the same schema, revision, settings and rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from storage.db import SCHEMA_HEAD, open_database
from tests import conftest


def _shape(path: Path) -> tuple[list[tuple[str, ...]], dict[str, int], list[object], list[str]]:
    connection = sqlite3.connect(path)
    try:
        schema = sorted(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
        rows = {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for (kind, table, _, _) in schema
            if kind == "table" and table != "alembic_version"
        }
        settings = [
            connection.execute(f"PRAGMA {name}").fetchone()
            for name in ("journal_mode", "page_size", "user_version", "application_id", "auto_vacuum", "encoding")
        ]
        revision = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        return schema, rows, settings, revision
    finally:
        connection.close()


def test_a_copied_database_is_a_migrated_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conftest._migrated_template()  # made once per test process, by migrating for real
    migrated_for_real: list[Engine] = []
    real = conftest._REAL_MIGRATE[0]

    def counting(engine: Engine) -> None:
        migrated_for_real.append(engine)
        real(engine)

    monkeypatch.setattr(conftest, "_REAL_MIGRATE", [counting])
    copied = tmp_path / "copied.sqlite3"
    open_database(f"sqlite:///{copied}").close()
    assert migrated_for_real == [], "the new database was migrated, not copied"

    monkeypatch.setattr(conftest, "_copy_the_migrated_template", False)
    migrated = tmp_path / "migrated.sqlite3"
    open_database(f"sqlite:///{migrated}").close()
    assert len(migrated_for_real) == 1

    assert _shape(copied) == _shape(migrated)
    schema, rows, _, revision = _shape(copied)
    assert revision == [SCHEMA_HEAD] and len(schema) > 10
    assert rows["inspections"] == rows["companies"] == rows["users"] == 0
