"""Retention after N days: old readings and ended observations go, people who left with nothing left are
anonymised, what was removed is recorded, consent records and recent data stay; only a manager runs it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from checklist.ledger import HalfDay
from storage import ledger, roster
from storage.db import open_database
from storage.errors import InvalidInputError, PermissionDeniedError
from storage.ledger_models import RetentionRun
from storage.ledger_retention import run_retention
from tests.ledger.helpers import accounts, people


def test_retention_after_n_days(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    accounts(db)
    ids = people(db)
    old, recent = dt.date(2026, 9, 1), dt.date(2026, 11, 25)
    for day in (old, recent):
        entries = [ledger.ReadingEntry(ids["张三"], "36.5"), ledger.ReadingEntry(ids["孙七"], "36.6")]
        ledger.enter_readings(db, "officer", day, HalfDay.MORNING, entries, now_local=dt.datetime(2026, 11, 30, 9))
    roster.record_consent(db, "officer", ids["张三"], dt.date(2026, 8, 1), "1.0")
    ended = ledger.start_observation(db, "officer", ids["王五"], "home", dt.date(2026, 8, 10), "返京")
    ledger.end_observation(db, "officer", ended, dt.date(2026, 8, 23))
    with pytest.raises(InvalidInputError, match="no retention"):
        run_retention(db, "boss", dt.date(2026, 11, 30))
    with pytest.raises(PermissionDeniedError):
        ledger.set_retention(db, "officer", 30, None)
    ledger.set_retention(db, "boss", 30, None)
    with pytest.raises(PermissionDeniedError):
        run_retention(db, "officer", dt.date(2026, 11, 30))
    report = run_retention(db, "boss", dt.date(2026, 11, 30))
    assert (report.reason, report.cutoff, report.readings, report.observations) == ("days", dt.date(2026, 10, 31), 2, 1)
    assert report.anonymised == 0  # 孙七 left but still has a reading of 11-25
    assert ledger.day_grid(db, old).rows[0].morning is None
    assert ledger.day_grid(db, recent).rows[0].morning is not None
    assert roster.get_employee(db, ids["张三"]).consent_version == "1.0"
    with db.session() as session:
        run = session.scalars(select(RetentionRun)).one()
    assert run.removed["reading_days"] == ["2026-09-01", "2026-09-01"] and run.by == "boss"
    later = run_retention(db, "boss", dt.date(2026, 12, 30))
    assert later.readings == 2 and later.anonymised == 1
    assert roster.get_employee(db, ids["孙七"]).name == f"已匿名 #{ids['孙七']}"
    assert roster.get_employee(db, ids["张三"]).name == "张三"  # still on the roster, still working
    db.close()
