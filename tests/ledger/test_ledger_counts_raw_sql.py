"""The per-day counts the database keeps (``reading_day_counts``, schema 0016) after readings written by hand in
SQL — every form of write each database has that can add, replace, move or remove a reading, not only the ones
the services use — equal a plain recount of the readings; and the services that trust them
(:func:`storage.ledger.daily_summary`, :func:`storage.ledger.missing_readings`, :func:`storage.ledger.summary_view`,
what the 每日汇总 page shows) give the recount's figures and names, on SQLite and PostgreSQL.

SQLite's ``INSERT OR REPLACE`` (and ``REPLACE``, ``UPDATE OR REPLACE``) deletes the row it replaces without firing
the delete trigger unless ``recursive_triggers`` is on: before ``storage.db`` turned it on for every connection,
replacing 张三's morning reading counted it twice and hid a missing person from the count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from storage import ledger
from storage.db import Database, open_database
from tests.ledger.helpers import DAY, bare_employees

pytestmark = pytest.mark.postgres

COLUMNS = "(day, employee_id, half, temperature, symptoms, flagged, late, entered_by, entered_at)"


def _values(person: int, half: int, day: str = ":d") -> str:
    return f"({day}, {person}, {half}, 366, 0, {{false}}, {{false}}, 0, 1796000000)"


# every statement starts from 1: both readings, 2: the morning, 3: none, 4: both (on the roster, 4 people)
COMMON = {
    "insert several": f"INSERT INTO health_readings {COLUMNS} VALUES {_values(2, 1)}, {_values(3, 0)}, {_values(3, 1)}",
    "insert … select": f"INSERT INTO health_readings {COLUMNS} SELECT day, 3, half, temperature, symptoms, flagged, "
    "late, entered_by, entered_at FROM health_readings WHERE employee_id = 1",
    "upsert of an existing reading": f"INSERT INTO health_readings {COLUMNS} VALUES {_values(1, 0)} "
    "ON CONFLICT (day, employee_id, half) DO UPDATE SET temperature = 371",
    "upsert moving the key": f"INSERT INTO health_readings {COLUMNS} VALUES {_values(2, 0)} "
    "ON CONFLICT (day, employee_id, half) DO UPDATE SET half = 1",
    "a reading moved to another day": "UPDATE health_readings SET day = day - 1 WHERE employee_id = 4 AND half = 1",
    "a reading given to someone else": "UPDATE health_readings SET employee_id = 3 WHERE employee_id = 1 AND half = 0",
    "delete by day": "DELETE FROM health_readings WHERE day = :d AND half = 0",
    "delete everything": "DELETE FROM health_readings",
}
SQLITE_ONLY = {
    "insert or replace of an existing reading": f"INSERT OR REPLACE INTO health_readings {COLUMNS} VALUES "
    f"{_values(1, 0)}, {_values(2, 0)}, {_values(3, 1)}",
    "replace into": f"REPLACE INTO health_readings {COLUMNS} VALUES {_values(4, 1)}",
    "update or replace onto an existing key": "UPDATE OR REPLACE health_readings SET half = 0 "
    "WHERE employee_id = 1 AND half = 1",
    "insert or ignore of an existing reading": f"INSERT OR IGNORE INTO health_readings {COLUMNS} VALUES "
    f"{_values(1, 0)}, {_values(3, 0)}",
}
POSTGRESQL_ONLY = {
    "merge inserting": f"MERGE INTO health_readings t USING (SELECT 3 AS e) s ON t.day = :d AND t.employee_id = s.e "
    f"WHEN NOT MATCHED THEN INSERT {COLUMNS} VALUES {_values(3, 0)}",
    "merge deleting": "MERGE INTO health_readings t USING (SELECT 1 AS e) s ON t.employee_id = s.e "
    "WHEN MATCHED THEN DELETE",
    "truncate": "TRUNCATE health_readings",
    "insert … on conflict do nothing": f"INSERT INTO health_readings {COLUMNS} VALUES {_values(1, 0)}, "
    f"{_values(3, 0)} ON CONFLICT DO NOTHING",
}


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    bare_employees(database, (1, 2, 3, 4), status="on_site")
    yield database
    database.close()


def _recount(db: Database, day: dt.date) -> tuple[tuple[int, int, int], list[int]]:
    """((上午, 下午, people with both), who on the roster lacks a reading) counted from the readings, in Python."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT employee_id, half FROM health_readings WHERE day = :d"), {"d": day.toordinal()}
        ).all()
    halves: dict[int, set[int]] = {}
    for person, half in rows:
        halves.setdefault(person, set()).add(half)
    counts = (
        sum(0 in h for h in halves.values()),
        sum(1 in h for h in halves.values()),
        sum(len(h) == 2 for h in halves.values()),
    )
    return counts, [p for p in (1, 2, 3, 4) if len(halves.get(p, set())) < 2]


def _kept(db: Database, day: dt.date) -> tuple[int, int, int]:
    with db.session() as session:
        return ledger.kept_day_counts(session, day)


def _write(db: Database, statement: str) -> None:
    false = "0" if db.is_sqlite else "false"
    with db.engine.begin() as connection:
        connection.execute(text(statement.replace("{false}", false)), {"d": DAY.toordinal()})


def _start(db: Database) -> None:
    """Back to the start: 1 both readings, 2 the morning, 3 none, 4 both."""
    rows = ", ".join(_values(p, h) for p, h in ((1, 0), (1, 1), (2, 0), (4, 0), (4, 1)))
    _write(db, "DELETE FROM health_readings")
    _write(db, f"INSERT INTO health_readings {COLUMNS} VALUES {rows}")


def test_every_kind_of_raw_sql_write_leaves_the_counts_and_the_summary_equal_to_a_recount(db: Database) -> None:
    statements = {**COMMON, **(SQLITE_ONLY if db.is_sqlite else POSTGRESQL_ONLY)}
    assert len(statements) == 12
    for name, statement in statements.items():
        _start(db)
        assert _recount(db, DAY) == ((3, 2, 2), [2, 3])
        _write(db, statement)
        (morning, afternoon, complete), missing = _recount(db, DAY)
        assert _kept(db, DAY) == (morning, afternoon, complete), name
        summary = ledger.daily_summary(db, DAY)
        assert (summary.checked_morning, summary.checked_afternoon) == (morning, afternoon), name
        assert summary.missing_count == len(missing), name
        assert [m.employee_id for m in summary.missing] == missing, name
        page = ledger.missing_readings(db, DAY, limit=1)
        assert page.total == len(missing) and [m.employee_id for m in page.rows] == missing[:1], name
        view = ledger.summary_view(db, DAY, page=1)
        assert view.summary is not None and view.summary.missing_count == len(missing), name
        assert [m.employee_id for m in view.summary.missing] == missing[:1], name
