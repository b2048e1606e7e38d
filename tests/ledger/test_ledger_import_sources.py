"""What the gate-camera import dialog asks the core before a check: the columns a file's headers would get
(remembered per source, found by header otherwise, never a refusal) and the sources remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from storage import ledger_import
from storage.db import Database, open_database
from tests.ledger.helpers import accounts, people


def test_the_suggested_columns_follow_the_source_then_the_headers(db_url: str, tmp_path: Path) -> None:
    db: Database = open_database(db_url)
    accounts(db)
    people(db)
    assert ledger_import.import_sources(db) == {}
    # found by their headers; a field with no header it knows is left out, not refused
    assert ledger_import.suggested_mapping(db, ["人员姓名", "识别时间", "读数"]) == {
        "name": "人员姓名",
        "time": "识别时间",
    }
    assert ledger_import.suggested_mapping(db, ["甲", "乙"]) == {}
    path = tmp_path / "west.csv"
    path.write_text("人,时刻,读数\n张三,2026-11-30 09:00,36.6\n", encoding="utf-8")
    mapping = {"name": "人", "time": "时刻", "temperature": "读数"}
    ledger_import.commit_readings_file(
        db, "officer", path, source=" 西门 ", mapping=mapping, now_local=dt.datetime(2026, 11, 30, 20)
    )
    assert ledger_import.import_sources(db) == {"西门": mapping}
    assert ledger_import.suggested_mapping(db, ["人", "时刻", "读数"], "西门") == mapping
    # the remembered mapping is used only while the file still has its headers
    assert ledger_import.suggested_mapping(db, ["人", "时间", "体温"], "西门") == {
        "time": "时间",
        "temperature": "体温",
    }
    assert ledger_import.suggested_mapping(db, ["人", "时刻", "读数"], "东门") == {}
    db.close()
