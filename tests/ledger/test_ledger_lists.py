"""The ledger's set-based lists and summary give exactly what a plain-Python reading of the same random ledger
gives: who is missing a reading (and which), the fevers, the observations running, the people back today or
back before their observation ends (BJTG 三), the counts of the summary and of the checklist evidence — for
days that are empty, partial and complete, on both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from checklist.ledger import MISSING_NAMES_SHOWN, Missing
from storage import ledger
from storage.db import Database, open_database
from storage.ledger_models import Employee, HealthReading, Observation

DAY = dt.date(2026, 11, 30)
STATUSES = ("on_site", "home_observation", "central_observation", "left")
HEADCOUNT = STATUSES[:3]


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@dataclass(frozen=True)
class Person:
    status: str
    anonymised: bool
    readings: tuple[tuple[int, int, bool], ...]  # (day offset 0 / -1, half, flagged)
    observation: tuple[int, int, bool] | None  # (start offset, length, active)
    returned: int | None  # the day offset of the return date


PERSON = st.builds(
    Person,
    status=st.sampled_from(STATUSES),
    anonymised=st.booleans(),
    readings=st.dictionaries(st.tuples(st.sampled_from((0, -1)), st.sampled_from((0, 1))), st.booleans()).map(
        lambda found: tuple((d, h, flagged) for (d, h), flagged in sorted(found.items()))
    ),
    observation=st.none() | st.tuples(st.integers(-20, 2), st.integers(1, 20), st.booleans()),
    returned=st.sampled_from((None, 0, -1)),
)


def _store(db: Database, people: list[Person]) -> None:
    with db.engine.begin() as connection:
        for table in (HealthReading, Observation, Employee):
            connection.execute(delete(table))
        employees = [
            {
                "id": i,
                "name": f"员工{i}",
                "status": p.status,
                "anonymised_at": dt.datetime(2026, 11, 1) if p.anonymised else None,
                "return_date": None if p.returned is None else DAY + dt.timedelta(days=p.returned),
                "created_at": dt.datetime(2026, 11, 1),
            }
            for i, p in enumerate(people, start=1)
        ]
        if employees:
            connection.execute(insert(Employee), employees)
        readings = [
            {
                "day": DAY + dt.timedelta(days=offset),
                "employee_id": i,
                "half": half,
                "temperature": 380 if flagged else 365,
                "symptoms": 0,
                "flagged": flagged,
                "late": False,
                "entered_by": 0,
                "entered_at": dt.datetime(2026, 11, 30, 1),
            }
            for i, p in enumerate(people, start=1)
            for offset, half, flagged in p.readings
        ]
        if readings:
            connection.execute(insert(HealthReading), readings)
        observations = [
            {
                "employee_id": i,
                "kind": "home",
                "start": DAY + dt.timedelta(days=p.observation[0]),
                "end": DAY + dt.timedelta(days=p.observation[0] + p.observation[1] - 1),
                "reason": "",
                "active": p.observation[2],
                "created_at": dt.datetime(2026, 11, 1),
            }
            for i, p in enumerate(people, start=1)
            if p.observation is not None
        ]
        if observations:
            connection.execute(insert(Observation), observations)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(PERSON, max_size=30), offset=st.sampled_from((0, -1, -2)), page=st.integers(1, 7))
def test_lists_and_summary_match_a_plain_reading_of_the_ledger(
    db: Database, people: list[Person], offset: int, page: int
) -> None:
    _store(db, people)
    day = DAY + dt.timedelta(days=offset)
    on_roster = [i for i, p in enumerate(people, start=1) if p.status in HEADCOUNT and not p.anonymised]
    halves = {i: {h for d, h, _ in p.readings if d == offset} for i, p in enumerate(people, start=1)}
    missing = [Missing(i, f"员工{i}", 0 not in halves[i], 1 not in halves[i]) for i in on_roster if len(halves[i]) < 2]
    fevers = [
        (i, h)
        for i, p in enumerate(people, start=1)
        for d, h, flagged in sorted(p.readings, key=lambda r: r[1])
        if d == offset and flagged
    ]
    back_today = [f"员工{i}" for i, p in enumerate(people, start=1) if p.returned == offset and not p.anonymised]
    running = sorted(
        (
            (DAY + dt.timedelta(days=p.observation[0] + p.observation[1] - 1), i)
            for i, p in enumerate(people, start=1)
            if p.observation is not None
            and p.observation[2]
            and DAY + dt.timedelta(days=p.observation[0])
            <= day
            <= DAY + dt.timedelta(days=p.observation[0] + p.observation[1] - 1)
        ),
    )

    pages = [ledger.missing_readings(db, day, offset=o, limit=page) for o in range(0, len(missing) + page, page)]
    assert all(p.total == len(missing) for p in pages)
    assert [m for p in pages for m in p.rows] == missing
    assert [(r.employee_id, int(r.half)) for r in ledger.flagged_readings(db, day, limit=1000).rows] == fevers
    observed = ledger.observation_list(db, day, limit=1000)
    assert observed.total == len(running) and [o.employee_id for o in observed.rows] == [i for _, i in running]

    summary = ledger.daily_summary(db, day, names_limit=page)
    assert summary.headcount == len(on_roster)
    assert summary.missing_count == len(missing) and summary.missing == missing[:page]
    assert [(r.employee_id, r.name, int(r.half), r.temperature_c) for r in summary.flagged] == [
        (i, f"员工{i}", h, 38.0) for i, h in fevers[:page]
    ]
    assert summary.under_observation_count == len(running)
    assert [(o.employee_id, o.name, o.end) for o in summary.under_observation] == [
        (i, f"员工{i}", end) for end, i in running[:page]
    ]
    # BJTG 三: everyone 在岗 whose observation runs, whatever the page (read with the observations when they fit)
    early = sorted((i, end) for end, i in running if people[i - 1].status == "on_site")
    assert [(f.employee_id, f.name, f.observation_end) for f in summary.early_returns] == [
        (i, f"员工{i}", end) for i, end in early
    ]
    assert [(f.employee_id, f.observation_end) for f in ledger.early_returns(db, day)] == early
    on_site = sum(people[i - 1].status == "on_site" for i in on_roster)
    assert summary.on_site == on_site - len(early)
    assert list(summary.returned_today) == back_today[:page]
    readings_of_day = [h for p in people for d, h, _ in p.readings if d == offset]
    assert (summary.checked_morning, summary.checked_afternoon) == (readings_of_day.count(0), readings_of_day.count(1))

    with db.session() as session:
        coverage = ledger._coverage(session, day, [])
    assert (coverage.total, coverage.complete) == (len(on_roster), len(on_roster) - len(missing))
    assert (coverage.morning, coverage.afternoon) == (
        sum(0 in halves[i] for i in on_roster),
        sum(1 in halves[i] for i in on_roster),
    )
    assert list(coverage.missing_names) == [m.name for m in missing[:MISSING_NAMES_SHOWN]]
    assert coverage.min_checks == min((len(halves[i]) for i in on_roster), default=0)
