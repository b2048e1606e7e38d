"""An attacker with the database file changes a day's kept counts (``reading_day_counts``, schema 0016) by raw SQL
so that a missing reading disappears: the summary that is shown, exported and signed is counted from the readings
themselves, GN-01's evidence reads the readings, a day signed over forged counts seals the true ones, and
verification reports the forged counts — before the signing (a summary signed by an earlier version, which read
them) or after — on both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from checklist.ledger import HalfDay
from export.ledger_reports import sign_day, summary_record, verify_day
from storage import ledger, roster
from storage.db import Database, open_database
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME, keepers

PASSWORD = "correct horse 1"
# the afternoon of 王五 made to look taken: one more afternoon reading, one more person with both
FORGE = "UPDATE reading_day_counts SET afternoon = afternoon + 1, complete = complete + 1 WHERE day = :d"
FORGE_COMPLETE_ONLY = "UPDATE reading_day_counts SET complete = complete + 1 WHERE day = :d"
RESTORE_COMPLETE = "UPDATE reading_day_counts SET complete = complete - 1 WHERE day = :d"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """张三 and 李四 checked twice, 王五 (dormitory) only in the morning: one reading missing."""
    database = open_database(db_url)
    keepers(database, PASSWORD)
    ids = [
        roster.add_employee(database, "张安全", {"name": name, "dormitory_room": "A101"})
        for name in ("张三", "李四", "王五")
    ]
    entries = [ledger.ReadingEntry(i, "36.5") for i in ids]
    ledger.enter_readings(database, "张安全", DAY, HalfDay.MORNING, entries, now_local=MORNING_TIME)
    ledger.enter_readings(database, "张安全", DAY, HalfDay.AFTERNOON, entries[:2], now_local=EVENING_TIME)
    yield database
    database.close()


def _sql(db: Database, statement: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement), {"d": DAY.toordinal()})


def _missing(record: dict[str, Any]) -> list[tuple[str, bool, bool]]:
    return [(m["name"], m["morning_missing"], m["afternoon_missing"]) for m in record["missing"]]


def test_forged_counts_hide_no_missing_reading_from_the_summary_or_the_evidence(db: Database) -> None:
    _sql(db, FORGE)
    with db.session() as session:
        assert ledger.kept_day_counts(session, DAY) == (3, 3, 3)  # the forgery took
    record = summary_record(db, DAY)
    assert _missing(record) == [("王五", False, True)] and record["missing_count"] == 1
    assert (record["checked_morning"], record["checked_afternoon"]) == (3, 2)
    assert not record["zero_report"]
    evidence = ledger.evidence_for(db, "GN-01", DAY)
    assert "缺：王五" in evidence.text_zh and evidence.verdict == "fail"


def test_a_day_signed_over_forged_counts_seals_the_true_ones_and_verification_names_the_forgery(
    db: Database,
) -> None:
    _sql(db, FORGE)
    sign_day(db, DAY, "张安全", PASSWORD)
    sealed = ledger.sealed_day(db, DAY).summary
    assert _missing(sealed) == [("王五", False, True)] and sealed["checked_afternoon"] == 2
    checks = verify_day(db, DAY)
    assert [c.ok for c in checks] == [True, True, False, True, True, True], [c.what_en for c in checks]
    assert "changed by hand" in checks[2].what_en and "被直接改动" in checks[2].what_zh
    assert "summary says" not in checks[2].what_en  # the summary itself is right: only the database's counts lie


def test_a_summary_signed_from_forged_counts_by_an_earlier_version_does_not_verify(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before this check the signed summary was made from the kept counts: 王五 left out, and nothing noticed.
    Signed that way (``summary_in`` told to use the kept counts), then the counts put back as they were."""
    _sql(db, FORGE_COMPLETE_ONLY)
    earlier = ledger.summary_in

    def from_the_kept_counts(session: Any, day: dt.date, *, names_limit: int = 500, counted: Any = None) -> Any:
        return earlier(session, day, names_limit=names_limit)

    monkeypatch.setattr(ledger, "summary_in", from_the_kept_counts)
    sign_day(db, DAY, "张安全", PASSWORD)
    monkeypatch.undo()
    _sql(db, RESTORE_COMPLETE)
    sealed = ledger.sealed_day(db, DAY).summary
    assert sealed["missing"] == [] and sealed["missing_count"] == 0  # the lie, signed
    checks = verify_day(db, DAY)
    # the record matches its hash, the readings are those sealed, the signatures hold: every check there was
    assert all(c.ok for c in checks[:2] + checks[3:]) and len(checks) == 6
    assert not checks[2].ok and "0 missing do not match" in checks[2].what_en
    assert "changed by hand" not in checks[2].what_en  # the counts were put back: the summary alone is caught


def test_counts_forged_after_the_signing_are_found_and_the_signed_summary_stays_true(db: Database) -> None:
    sign_day(db, DAY, "张安全", PASSWORD)
    assert all(c.ok for c in verify_day(db, DAY))
    _sql(db, FORGE)
    checks = verify_day(db, DAY)
    assert [c.ok for c in checks] == [True, True, False, True, True, True], [c.what_en for c in checks]
    assert "changed by hand" in checks[2].what_en
    assert _missing(summary_record(db, DAY)) == [("王五", False, True)]
