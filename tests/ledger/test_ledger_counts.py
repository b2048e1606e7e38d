"""The per-day counts the database keeps with the readings (``reading_day_counts``, schema 0016) always equal a
recount of the readings, on SQLite and PostgreSQL, after any random sequence of what happens to a ledger:
readings entered and corrected through the service (on time and late), several people's two half-days written
in one statement, readings deleted (one, or every day before a cutoff, as retention does), a reading's key
changed by hand, people leaving, coming back or anonymised. The summary's and the missing list's counts, taken
from them, equal a plain-Python count of the same ledger."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from checklist.ledger import HalfDay
from storage import ledger
from storage.db import Database, open_database
from storage.errors import NotFoundError
from storage.ledger_models import Employee, HealthReading, ReadingDayCount
from tests.ledger.helpers import DAY, accounts

pytestmark = pytest.mark.postgres

PEOPLE = 6
DAYS = (-2, -1, 0)
STATUSES = ("on_site", "home_observation", "central_observation", "left")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    accounts(database)
    with database.engine.begin() as connection:
        connection.execute(
            insert(Employee),
            [
                {"id": i, "name": f"员工{i}", "status": "on_site", "created_at": dt.datetime(2026, 11, 1)}
                for i in range(1, PEOPLE + 1)
            ],
        )
    yield database
    database.close()


PERSON = st.integers(1, PEOPLE)
DAY_OFFSET = st.sampled_from(DAYS)
HALF = st.sampled_from((0, 1))
STEP = st.one_of(
    # entered or corrected through the service, a shift of one half-day; "late" types it the next day
    st.tuples(
        st.just("enter"),
        DAY_OFFSET,
        HALF,
        st.dictionaries(PERSON, st.sampled_from(("36.5", "36.8", "38.2")), min_size=1),
        st.booleans(),
    ),
    # both half-days of several people in one statement (PostgreSQL's statement trigger sees them together)
    st.tuples(st.just("both"), DAY_OFFSET, st.sets(PERSON, min_size=1)),
    st.tuples(st.just("delete"), DAY_OFFSET, PERSON, HALF),
    st.tuples(st.just("delete_before"), DAY_OFFSET),
    st.tuples(st.just("delete_person"), PERSON),
    st.tuples(st.just("move"), DAY_OFFSET, PERSON, HALF, DAY_OFFSET, PERSON, HALF),
    st.tuples(st.just("status"), PERSON, st.sampled_from(STATUSES), st.booleans()),
)


def _day(offset: int) -> dt.date:
    return DAY + dt.timedelta(days=offset)


def _reading(day: dt.date, person: int, half: int) -> dict[str, Any]:
    return {
        "day": day,
        "employee_id": person,
        "half": half,
        "temperature": 365,
        "symptoms": 0,
        "flagged": False,
        "late": False,
        "entered_by": 0,
        "entered_at": dt.datetime(2026, 11, 30, 1),
    }


def _apply(db: Database, step: tuple[Any, ...]) -> None:
    kind = step[0]
    if kind == "enter":
        _, offset, half, values, late = step
        day = _day(offset)
        when = dt.datetime.combine(day + dt.timedelta(days=1 if late else 0), dt.time(23, 0))
        entries = [ledger.ReadingEntry(person, value) for person, value in values.items()]
        with contextlib.suppress(NotFoundError):  # someone anonymised: refused whole, nothing stored
            ledger.enter_readings(db, "officer", day, HalfDay(half), entries, now_local=when)
        return
    with db.engine.begin() as connection:
        if kind == "both":
            _, offset, people = step
            day = _day(offset)
            taken = set(
                connection.execute(
                    select(HealthReading.employee_id, HealthReading.half).where(HealthReading.day == day)
                ).all()
            )
            rows = [_reading(day, p, h) for p in sorted(people) for h in (0, 1) if (p, h) not in taken]
            if rows:
                connection.execute(insert(HealthReading), rows)
        elif kind == "delete":
            _, offset, person, half = step
            connection.execute(
                delete(HealthReading).where(
                    HealthReading.day == _day(offset), HealthReading.employee_id == person, HealthReading.half == half
                )
            )
        elif kind == "delete_before":
            connection.execute(delete(HealthReading).where(HealthReading.day < _day(step[1])))
        elif kind == "delete_person":
            connection.execute(delete(HealthReading).where(HealthReading.employee_id == step[1]))
        elif kind == "move":
            _, offset, person, half, new_offset, new_person, new_half = step
            target = (_day(new_offset), new_person, new_half)
            if connection.execute(select(HealthReading.day).where(*_key(*target))).first() is None:
                connection.execute(
                    update(HealthReading)
                    .where(*_key(_day(offset), person, half))
                    .values(day=target[0], employee_id=new_person, half=new_half)
                )
        else:
            _, person, status, anonymised = step
            connection.execute(
                update(Employee)
                .where(Employee.id == person)
                .values(status=status, anonymised_at=dt.datetime(2026, 11, 1) if anonymised else None)
            )


def _key(day: dt.date, person: int, half: int) -> tuple[Any, ...]:
    return (HealthReading.day == day, HealthReading.employee_id == person, HealthReading.half == half)


def _recount(db: Database) -> dict[dt.date, tuple[int, int, int]]:
    with db.engine.connect() as connection:
        readings = connection.execute(select(HealthReading.day, HealthReading.employee_id, HealthReading.half)).all()
    halves: dict[tuple[dt.date, int], set[int]] = {}
    for day, person, half in readings:
        halves.setdefault((day, person), set()).add(half)
    counts: dict[dt.date, tuple[int, int, int]] = {}
    for (day, _), found in halves.items():
        morning, afternoon, complete = counts.get(day, (0, 0, 0))
        counts[day] = (morning + (0 in found), afternoon + (1 in found), complete + (len(found) == 2))
    return counts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=12))
def test_the_day_counts_always_equal_a_recount(db: Database, steps: list[tuple[Any, ...]]) -> None:
    with db.engine.begin() as connection:  # each example starts from no readings, everyone on site
        connection.execute(delete(HealthReading))
        connection.execute(update(Employee).values(status="on_site", anonymised_at=None))
    for step in steps:
        _apply(db, step)
        with db.engine.connect() as connection:
            kept = {
                day: (morning, afternoon, complete)
                for day, morning, afternoon, complete in connection.execute(
                    select(
                        ReadingDayCount.day,
                        ReadingDayCount.morning,
                        ReadingDayCount.afternoon,
                        ReadingDayCount.complete,
                    )
                )
                if (morning, afternoon, complete) != (0, 0, 0)  # a day whose readings all went stays at zero
            }
        assert kept == _recount(db), step

    with db.engine.connect() as connection:
        roster = dict(
            connection.execute(
                select(Employee.id, Employee.status).where(
                    Employee.anonymised_at.is_(None), Employee.status != "left", Employee.id <= PEOPLE
                )
            ).all()
        )
        readings = set(connection.execute(select(HealthReading.day, HealthReading.employee_id, HealthReading.half)))
    for offset in DAYS:
        day = _day(offset)
        missing = sorted(p for p in roster if not {(day, p, 0), (day, p, 1)} <= readings)
        summary = ledger.daily_summary(db, day, names_limit=PEOPLE)
        assert summary.headcount == len(roster) and summary.missing_count == len(missing)
        assert [m.employee_id for m in summary.missing] == missing
        assert (summary.checked_morning, summary.checked_afternoon) == (
            sum(1 for d, _, h in readings if d == day and h == 0),
            sum(1 for d, _, h in readings if d == day and h == 1),
        )
        page = ledger.missing_readings(db, day, limit=2)
        assert page.total == len(missing) and [m.employee_id for m in page.rows] == missing[:2]


def test_an_upgraded_ledger_is_counted_from_its_readings(tmp_path: Path) -> None:
    """Migration 0016 counts the readings a ledger already had (the triggers count only what comes after)."""
    from alembic import command

    from storage.db import alembic_config, make_engine, migrate

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0011")
    with engine.begin() as connection:
        connection.execute(
            insert(Employee),
            [
                {"id": i, "name": f"员工{i}", "status": "on_site", "created_at": dt.datetime(2026, 11, 1)}
                for i in (1, 2)
            ],
        )
        connection.execute(
            insert(HealthReading),
            [_reading(DAY, 1, 0), _reading(DAY, 1, 1), _reading(DAY, 2, 0), _reading(_day(-1), 2, 1)],
        )
    migrate(engine)
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as connection:
        kept = {
            r[0]: (r[1], r[2], r[3])
            for r in connection.execute(
                select(
                    ReadingDayCount.day, ReadingDayCount.morning, ReadingDayCount.afternoon, ReadingDayCount.complete
                )
            )
        }
    db.close()
    assert kept == {DAY: (2, 1, 1), _day(-1): (0, 1, 0)}


def test_postgresql_connections_compile_no_plan(pg_url: str) -> None:
    """JIT compilation is off: the missing list's plan on 20,000 people spent 100–140 ms compiling (bench)."""
    from sqlalchemy import text

    db = open_database(pg_url)
    with db.engine.connect() as connection:
        assert connection.execute(text("SHOW jit")).scalar() == "off"
    db.close()
