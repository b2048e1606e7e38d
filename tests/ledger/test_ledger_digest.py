"""The seal's digest of a day's readings (``storage.ledger.day_readings``) is byte for byte what it always was —
a summary signed earlier must still verify — whatever the readings (no temperature, late or not, entered by
anyone at any time, several people, both half-days), on both databases; and its counts are a plain count."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from storage import ledger
from storage.db import Database, open_database
from storage.ledger_models import HealthReading
from tests.ledger.helpers import bare_employees

DAY = dt.date(2026, 11, 30)
READING = st.tuples(
    st.none() | st.integers(340, 430),  # temperature, tenths
    st.integers(0, 127),  # symptoms
    st.booleans(),  # late
    st.integers(0, 3),  # entered by
    st.sampled_from((0, 1, 3600, 7 * 3600 + 59)),  # seconds after 01:00 (a shift shares one time)
)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    bare_employees(database, range(1, 7))
    yield database
    database.close()


def _as_always(db: Database, day: dt.date) -> tuple[int, str]:
    """The digest as it was first written: every reading loaded through the ORM, its time as a datetime."""
    digest = hashlib.sha256()
    count = 0
    with db.session() as session:
        for r in session.scalars(
            select(HealthReading)
            .where(HealthReading.day == day)
            .order_by(HealthReading.employee_id, HealthReading.half)
        ):
            count += 1
            line = f"{r.employee_id}|{r.half}|{r.temperature}|{r.symptoms}|{int(bool(r.late))}|{r.entered_by}|"
            digest.update(f"{line}{r.entered_at.isoformat()}\n".encode())
    return count, digest.hexdigest()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(readings=st.dictionaries(st.tuples(st.integers(1, 6), st.sampled_from((0, 1))), READING, max_size=12))
def test_the_digest_is_what_it_always_was(
    db: Database, readings: dict[tuple[int, int], tuple[int | None, int, bool, int, int]]
) -> None:
    with db.engine.begin() as connection:
        connection.execute(delete(HealthReading))
        rows = [
            {
                "day": day,
                "employee_id": person,
                "half": half,
                "temperature": temperature,
                "symptoms": symptoms,
                "flagged": False,
                "late": late,
                "entered_by": by,
                "entered_at": dt.datetime(2026, 11, 30, 1) + dt.timedelta(seconds=seconds),
            }
            for (person, half), (temperature, symptoms, late, by, seconds) in readings.items()
            for day in (DAY, DAY - dt.timedelta(days=1))  # the day before too: it must stay out
        ]
        if rows:
            connection.execute(insert(HealthReading), rows)
    with db.session() as session:
        found = ledger.day_readings(session, DAY)
    assert (found.count, found.sha256) == _as_always(db, DAY)
    people = {person for person, _ in readings}
    assert found.counted == (
        sum(half == 0 for _, half in readings),
        sum(half == 1 for _, half in readings),
        sum((p, 0) in readings and (p, 1) in readings for p in people),
    )
    assert found.halves == {p: ((p, 0) in readings) + 2 * ((p, 1) in readings) for p in people}
