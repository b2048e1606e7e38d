"""The record hash a report prints is the hash of the content it prints: the report reads the record once, for
its content and for the attached exchange document, and refuses a completed record whose content no longer
matches the hash stored at completion (changed by raw SQL, a damaged database) — no file is written, and the
refusal says so in both languages. An attacker's edits: a note changed behind the application's back, and
the stored hash rewritten."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from export.reports import export_reports
from storage import inspections
from storage.db import Database, open_database
from storage.errors import KnownError
from storage.record import record_hash
from tests.export_fixtures import build_inspection


@pytest.fixture
def signed(tmp_path: Path) -> Iterator[tuple[Database, int]]:
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    yield db, build_inspection(db, photos=0)
    db.close()


def attached_json(pdf: Path, folder: Path) -> dict[str, object]:
    folder.mkdir()
    subprocess.run(["pdfdetach", "-saveall", "-o", str(folder), str(pdf)], check=True, capture_output=True)
    (attached,) = folder.glob("*.json")
    document: dict[str, object] = json.loads(attached.read_text(encoding="utf-8"))
    return document


def test_an_untouched_record_prints_and_attaches_its_stored_hash(signed: tuple[Database, int], tmp_path: Path) -> None:
    db, inspection_id = signed
    inspection = inspections.load_inspection(db, inspection_id)
    pdf = tmp_path / "r.pdf"
    export_reports(db, inspection_id, pdf=pdf)
    assert attached_json(pdf, tmp_path / "out")["record_hash"] == inspection.record_hash == record_hash(inspection)


NOTE_CHANGED = "UPDATE item_responses SET note = '改过的备注' WHERE item_id = 'GN-01'"
CHANGES = [
    (NOTE_CHANGED, "pdf"),
    ("UPDATE dormitory_rooms SET occupants = occupants + 1", "pdf"),
    ("UPDATE inspections SET inspector = '李四'", "pdf"),
    ("UPDATE inspections SET record_hash = '" + "0" * 64 + "'", "pdf"),
    (NOTE_CHANGED, "xlsx"),
    (NOTE_CHANGED, "english pdf"),
    (NOTE_CHANGED, "both"),
]


@pytest.mark.parametrize(("statement", "kind"), CHANGES)
def test_a_record_changed_after_completion_is_refused_and_nothing_written(
    signed: tuple[Database, int], tmp_path: Path, statement: str, kind: str
) -> None:
    db, inspection_id = signed
    with db.engine.begin() as connection:
        assert connection.execute(text(statement)).rowcount > 0
    folder = tmp_path / "reports"
    folder.mkdir()
    pdf = folder / "r.pdf" if kind != "xlsx" else None
    xlsx = folder / "r.xlsx" if kind in ("xlsx", "both") else None
    with pytest.raises(KnownError) as refused:
        export_reports(db, inspection_id, pdf=pdf, xlsx=xlsx, language="en" if kind == "english pdf" else "zh")
    assert "no longer matches the record hash" in str(refused.value)
    assert "记录哈希不再一致" in refused.value.message_zh
    assert list(folder.iterdir()) == []
