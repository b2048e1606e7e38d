"""Crash safety, SQLite settings, backup and restore."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from checklist.company import company_now
from storage import inspections, listing, verification
from storage.audit import verify_chain
from storage.backup import backup, check_backup, restore
from storage.db import open_database
from storage.errors import InvalidInputError
from tests.storage import helpers
from tests.zones import local_zone

WRITER = r"""
import sys, datetime as dt
from storage.db import open_database
from storage import companies, inspections, listing, verification
from checklist.evaluation import Answer, Result
db = open_database(sys.argv[1])
company = companies.save_company(db, "w", companies.CompanyInput("写入测试", "91110000600037341L", "industrial"))
n = 0
while True:
    inspection = inspections.create_inspection(db, "w", company, dt.date(2026, 1, 1), "writer", ["GN", "BJHQ"])
    n += 1
    print(n, inspection, flush=True)
"""


def test_sqlite_settings(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.close()


def test_killed_writer_loses_nothing_committed(db_url: str) -> None:
    """SIGKILL a process that is writing inspections in a loop; every inspection it reported committed is
    there, none is half-written, the database is intact and the audit chain verifies."""
    open_database(db_url).close()
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, db_url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None
    reported: list[int] = []
    deadline = time.monotonic() + 60
    while len(reported) < 15 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line:
            reported.append(int(line.split()[1]))
    os.kill(process.pid, signal.SIGKILL)  # most likely in the middle of the next transaction
    process.wait()
    process.stdout.close()
    assert len(reported) == 15

    db = open_database(db_url)
    if db.is_sqlite:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with db.engine.connect() as connection:
        stored = {row[0] for row in connection.execute(text("SELECT id FROM inspections"))}
        counts = connection.execute(
            text("SELECT inspection_id, count(*) FROM item_responses GROUP BY inspection_id")
        ).fetchall()
    assert set(reported) <= stored
    assert len(stored) - len(reported) <= 1  # at most the one being written when killed, and then whole
    assert {n for _, n in counts} == {28}  # no half-written inspection
    with db.session() as session:
        assert verify_chain(session).ok
    assert listing.count_inspections(db) == len(stored)
    db.close()


def test_backup_and_restore_keep_the_live_copy(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    inspection_id = helpers.signed(db)
    target = tmp_path / "backup.sqlite3"
    backup(db, target)
    assert "1 inspections" in check_backup(target)

    inspections.create_inspection(db, "officer", 1, helpers.dt.date(2026, 11, 22), "张三", ["GN"])
    assert listing.count_inspections(db) == 2
    # The kept copy is named by the company's time (UTC+8), also on a computer set to another zone.
    with local_zone("America/New_York"):
        began = company_now().replace(microsecond=0)
        kept = restore(db, target)
        ended = company_now()
    assert kept.exists() and kept != target
    stamp = dt.datetime.strptime(kept.stem.removeprefix("live.before-restore-"), "%Y%m%d-%H%M%S")
    assert began <= stamp <= ended, (began, stamp, ended)
    db.close()

    db = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    assert listing.count_inspections(db) == 1
    assert verification.verify_record(db, inspection_id).ok
    db.close()
    before = open_database(f"sqlite:///{kept}")
    assert listing.count_inspections(before) == 2  # nothing of the live database was lost
    before.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a database at all", "not a 复工自查 backup"), (None, "not a 复工自查 database")],
)
def test_restore_refuses_what_is_not_a_backup(tmp_path: Path, content: bytes | None, message: str) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    helpers.draft(db)
    bogus = tmp_path / "bogus.sqlite3"
    if content is None:
        other = sqlite3.connect(bogus)
        other.execute("CREATE TABLE t (x)")
        other.commit()
        other.close()
    else:
        bogus.write_bytes(content)
    with pytest.raises(InvalidInputError, match=message):
        restore(db, bogus)
    assert listing.count_inspections(db) == 1
    db.close()


def test_restore_refuses_a_backup_with_a_broken_audit_chain(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    helpers.draft(db)
    target = tmp_path / "backup.sqlite3"
    backup(db, target)
    tampered = sqlite3.connect(target)
    tampered.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")
    tampered.commit()
    tampered.close()
    with pytest.raises(InvalidInputError, match="audit trail of the backup is broken"):
        restore(db, target)
    db.close()
