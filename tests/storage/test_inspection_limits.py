"""The per-inspection limits (checklist.limits): rooms, corrective actions and attachments are refused one past
the limit, in both languages, with nothing stored; the import says the same before reading the file item by
item. (The text lengths are the text policy's, tested in tests/badinput/test_text_policy.py.)"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from checklist.limits import (
    MAX_ACTIONS,
    MAX_ATTACHMENTS,
    MAX_ITEM_ATTACHMENTS,
    MAX_ROOMS,
    Counted,
    LimitError,
    check_count,
)
from storage import actions, inspections
from storage.db import Database, open_database
from storage.errors import InvalidInputError
from storage.exchange import import_file
from storage.models import CorrectiveAction, Evidence, Inspection
from storage.unit_of_work import unit_of_work
from tests.storage import helpers
from tests.storage.test_exchange_cli import MINIMAL


def _room(number: int) -> dict[str, Any]:
    return {"name": f"{number // 100}号楼{number % 100:02d}", "area_m2": 24, "occupants": 4, "location": "above_ground"}


def _png(seed: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (seed % 256, 40, 90)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def db(sqlite_url: str) -> Database:
    return open_database(sqlite_url)


def test_the_core_says_the_limit_and_what_was_kept_in_both_languages() -> None:
    check_count(Counted.ROOMS, MAX_ROOMS)
    with pytest.raises(LimitError) as refused:
        check_count(Counted.ROOMS, MAX_ROOMS + 1, "inspection.dormitory_rooms")
    assert "at most 2,000" in str(refused.value) and "nothing was added" in str(refused.value)
    assert "最多 2,000" in refused.value.message_zh and "没有添加" in refused.value.message_zh
    assert str(refused.value).startswith("inspection.dormitory_rooms: 2,001 dormitory rooms")


def test_the_room_table_holds_the_limit_and_not_one_more(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    version = inspections.set_rooms(db, "officer", inspection_id, version, [_room(n) for n in range(MAX_ROOMS)])
    with pytest.raises(InvalidInputError) as refused:
        inspections.set_rooms(db, "officer", inspection_id, version, [_room(n) for n in range(MAX_ROOMS + 1)])
    assert "at most 2,000" in str(refused.value) and "最多 2,000" in refused.value.message_zh
    inspection = inspections.load_inspection(db, inspection_id)
    assert inspection.version == version and len(inspection.rooms) == MAX_ROOMS


def _with(tmp_path: Path, **inspection: Any) -> Path:
    data = copy.deepcopy(MINIMAL)
    data["inspection"].update(inspection)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _action(number: int) -> dict[str, Any]:
    return {"item": "GN-02", "action": f"整改 {number}", "owner": "李四", "due": "2026-11-25", "status": "open"}


def test_an_import_past_a_limit_is_refused_in_one_sentence_and_stores_nothing(db: Database, tmp_path: Path) -> None:
    for key, rows, words in (
        ("dormitory_rooms", [_room(n) for n in range(MAX_ROOMS + 1)], "2,001 dormitory rooms"),
        ("corrective_actions", [_action(n) for n in range(MAX_ACTIONS + 1)], "301 corrective actions"),
    ):
        with pytest.raises(InvalidInputError) as refused:
            import_file(db, "importer", _with(tmp_path, **{key: rows}))
        assert words in str(refused.value) and "nothing was imported" in str(refused.value)
        assert "没有导入任何内容" in refused.value.message_zh and "\n" not in str(refused.value)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Inspection)) == 0


def test_corrective_actions_stop_at_the_limit(db: Database, tmp_path: Path) -> None:
    inspection_id = import_file(
        db, "importer", _with(tmp_path, corrective_actions=[_action(n) for n in range(MAX_ACTIONS)])
    )
    version = inspections.load_inspection(db, inspection_id).version
    with pytest.raises(InvalidInputError) as refused:
        actions.add_action(db, "officer", inspection_id, version, "GN-03", "再加一项", "李四", dt.date(2026, 11, 30))
    assert f"at most {MAX_ACTIONS:,}" in str(refused.value) and "项整改措施" in refused.value.message_zh
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(CorrectiveAction)) == MAX_ACTIONS
    assert inspections.load_inspection(db, inspection_id).version == version


def test_one_item_holds_at_most_its_attachments(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    for number in range(MAX_ITEM_ATTACHMENTS):
        _, version = inspections.add_evidence(
            db, "officer", inspection_id, version, "GN-05", f"{number}.png", _png(number)
        )
    with pytest.raises(InvalidInputError) as refused:
        inspections.add_evidence(db, "officer", inspection_id, version, "GN-05", "one-more.png", _png(99))
    assert (
        "GN-05" in str(refused.value) and "one item" in str(refused.value) and "一个检查项" in refused.value.message_zh
    )
    # another item still takes one
    _, version = inspections.add_evidence(db, "officer", inspection_id, version, "GN-06", "other.png", _png(1))
    assert len(inspections.load_inspection(db, inspection_id).evidence) == MAX_ITEM_ATTACHMENTS + 1


def test_an_inspection_holds_at_most_its_attachments(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    evidence_id, version = inspections.add_evidence(db, "officer", inspection_id, version, "GN-01", "0.png", _png(0))
    items = [r.item_id for r in inspections.load_inspection(db, inspection_id).responses]
    with unit_of_work(db, "officer") as session:  # the same attachment again, to one short of the limit
        inspection = session.get_one(Inspection, inspection_id)
        first = session.get_one(Evidence, evidence_id)
        columns = ("filename", "media_type", "original_sha256", "original_size", "stored_sha256", "data")
        for number in range(1, MAX_ATTACHMENTS - 1):
            values = {column: getattr(first, column) for column in columns}
            inspection.evidence.append(Evidence(**values, item_id=items[number // MAX_ITEM_ATTACHMENTS]))
    version = inspections.load_inspection(db, inspection_id).version
    _, version = inspections.add_evidence(db, "officer", inspection_id, version, items[-1], "last.png", _png(5))
    with pytest.raises(InvalidInputError) as refused:
        inspections.add_evidence(db, "officer", inspection_id, version, items[-1], "one-more.png", _png(7))
    assert "an inspection" in str(refused.value) and "一次检查" in refused.value.message_zh
    assert len(inspections.load_inspection(db, inspection_id).evidence) == MAX_ATTACHMENTS
