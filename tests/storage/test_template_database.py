"""The test suite's shortcut for new SQLite databases (tests/conftest.py copies one migrated database instead of
migrating each from scratch) gives exactly what migrating gives: the same schema, revision, settings and rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy.engine import Engine

from checklist.evaluation import Answer, Result
from storage.actions import add_action
from storage.audit import verify_chain
from storage.db import SCHEMA_HEAD, open_database
from storage.inspections import answers_of, load_inspection, save_answer
from tests import conftest
from tests.storage import helpers

TODAY = dt.date(2026, 11, 30)


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


def _pg_shape(url: str) -> dict[str, object]:
    from sqlalchemy import create_engine, text

    queries = {
        "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default, ordinal_position "
        "FROM information_schema.columns WHERE table_schema = 'public'",
        "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = 'public'::regnamespace",
        "triggers": "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
        "functions": "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
        "sequences": "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'",
    }
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            shape: dict[str, object] = {
                key: sorted(tuple(row) for row in connection.execute(text(sql))) for key, sql in queries.items()
            }
            tables = [
                row[0]
                for row in connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
            ]
            has_revision = connection.execute(text("SELECT to_regclass('alembic_version')")).scalar() is not None
            shape["revision"] = (
                [tuple(row) for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
                if has_revision
                else []
            )
            shape["rows"] = {
                table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
                for table in tables
                if table != "alembic_version"
            }
            return shape
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_postgres_database_copied_from_the_template_is_a_migrated_one(
    pg_url: str, pg_available: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pg_url`` is a copy of the process's migrated template; one migrated for real here has the same shape."""
    from alembic import command

    migrated_for_real: list[str] = []
    real = command.upgrade

    def counting(config: object, revision: str, **kwargs: object) -> None:
        migrated_for_real.append(revision)
        real(config, revision, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "upgrade", counting)
    open_database(pg_url).close()
    assert migrated_for_real == [], "the copied database was migrated again"

    empty = conftest.fresh_pg_database(copy_of_the_migrated_template=False)
    migrated_url = next(empty)
    try:
        assert _pg_shape(migrated_url)["columns"] == [], "not an empty database"
        open_database(migrated_url).close()
        assert len(migrated_for_real) == 1
        copied, migrated = _pg_shape(pg_url), _pg_shape(migrated_url)
    finally:
        empty.close()  # dropped
    assert copied == migrated
    assert copied["revision"] == [(SCHEMA_HEAD,)] and len(copied["columns"]) > 50  # type: ignore[arg-type]
    rows = copied["rows"]
    assert isinstance(rows, dict) and rows["inspections"] == rows["companies"] == rows["users"] == 0


@pytest.mark.postgres
@pytest.mark.real_migrations
def test_a_test_marked_real_migrations_gets_an_empty_postgres_database(pg_url: str) -> None:
    assert _pg_shape(pg_url) == {
        key: [] for key in ("columns", "indexes", "constraints", "triggers", "functions", "sequences")
    } | {"revision": [], "rows": {}}


@pytest.mark.postgres
def test_each_postgres_copy_made_ahead_is_a_new_database(pg_url: str) -> None:
    """The copies the conftest makes ahead of the tests (``_PgDatabaseRoom``) are each a database of their own: a
    table written in this test's copy is not in the next one; commits there do not wait for the server's disk."""
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE written_here (i int)"))
        assert connection.execute(text("SHOW synchronous_commit")).scalar() == "off"
    engine.dispose()
    following = conftest.fresh_pg_database(copy_of_the_migrated_template=True)
    next_url = next(following)
    try:
        assert next_url != pg_url
        engine = create_engine(next_url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT to_regclass('written_here')")).scalar() is None
            assert connection.execute(text("SELECT count(*) FROM inspections")).scalar() == 0
        engine.dispose()
    finally:
        following.close()


@pytest.fixture
def three_new_pg_databases(pg_available: bool) -> Iterator[list[str]]:
    with contextlib.ExitStack() as stack:
        urls = []
        for _ in range(3):
            database = conftest.fresh_pg_database(copy_of_the_migrated_template=True)
            urls.append(next(database))
            stack.callback(database.close)  # the database is dropped behind the tests
        yield urls


@pytest.mark.postgres
def test_an_answered_postgres_record_copied_is_the_one_built(
    three_new_pg_databases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/storage/helpers.answered builds the answered record once per process on PostgreSQL and copies its
    rows into later new databases: the copy holds what a build holds, and works on as the build does."""
    built, first, copied = (open_database(url) for url in three_new_pg_databases)
    try:
        built_ids = helpers._answer(built, ("GN", "BJHQ"))
        assert helpers.answered(first) == built_ids  # built there, or copied if this process built it before
        builds: list[object] = []
        real_answer = helpers._answer
        monkeypatch.setattr(helpers, "_answer", lambda *args: builds.append(args) or real_answer(*args))
        assert helpers.answered(copied) == built_ids
        assert builds == [], "the record was built again, not copied"
        assert not helpers._pg_is_new(copied.url)
        shapes = [_pg_shape(url) for url in three_new_pg_databases]
        inspection_id, version = built_ids
        responses = len(load_inspection(built, inspection_id).responses)
        assert shapes[0] == shapes[2] and cast(dict[str, int], shapes[2]["rows"])["item_responses"] == responses > 20
        assert answers_of(load_inspection(copied, inspection_id)) == answers_of(load_inspection(built, inspection_id))
        for db in (built, copied):  # the next write takes the next ids and extends an unbroken chain
            save_answer(db, "officer", inspection_id, version, "GN-02", Answer(Result.FAIL))
            _, action_version = add_action(db, "officer", inspection_id, version + 1, "GN-02", "整改", "李四", TODAY)
            with db.session() as session:
                report = verify_chain(session)
            assert report.ok and action_version == version + 2, report.reason
        assert _pg_shape(three_new_pg_databases[0])["sequences"] == _pg_shape(three_new_pg_databases[2])["sequences"]
    finally:
        for db in (built, first, copied):
            db.close()
