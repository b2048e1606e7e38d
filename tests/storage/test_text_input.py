"""Text and files handed to the service layer (the GUI's path, not only the exchange import) are checked by
the core's policy before anything is stored: a hostile note, name, file or date is refused in both languages
and the inspection is left as it was."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from checklist.evaluation import Answer
from storage import actions, companies, inspections
from storage.db import Database, open_database
from storage.errors import InvalidInputError
from storage.models import AuditEntry
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#2e7d32").save(buffer, "PNG")
    return buffer.getvalue()


def _refused(db: Database, inspection_id: int, change: Callable[[], Any], words: str) -> None:
    """``change`` is refused with ``words`` in the message, a Chinese message too, and nothing is written."""
    before = inspections.load_inspection(db, inspection_id)
    state = (before.version, len(before.evidence), len(before.actions), [r.note for r in before.responses])
    trail = _audit_entries(db)
    with pytest.raises(InvalidInputError, match=words) as refusal:
        change()
    assert refusal.value.message_zh and refusal.value.message_zh != str(refusal.value)
    after = inspections.load_inspection(db, inspection_id)
    assert (after.version, len(after.evidence), len(after.actions), [r.note for r in after.responses]) == state
    assert _audit_entries(db) == trail


def _audit_entries(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize(
    ("note", "words"),
    [("上午已测\x07", "control character U\\+0007"), ("\x1b[31m红色", "U\\+001B"), ("长" * 20_001, "at most")],
)
def test_a_hostile_note_is_refused(db: Database, note: str, words: str) -> None:
    inspection_id, version = helpers.draft(db)
    _refused(
        db,
        inspection_id,
        lambda: inspections.save_answer(db, "officer", inspection_id, version, "GN-02", Answer(note=note)),
        words,
    )


def test_a_note_with_newlines_and_tabs_is_kept(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    inspections.save_answer(db, "officer", inspection_id, version, "GN-02", Answer(note="第一行\n\t第二行"))
    notes = {r.item_id: r.note for r in inspections.load_inspection(db, inspection_id).responses}
    assert notes["GN-02"] == "第一行\n\t第二行"


def test_names_hold_no_control_characters(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    room = {"name": "A1\x00", "area_m2": 20, "occupants": 4, "location": "above_ground"}
    _refused(db, inspection_id, lambda: inspections.set_rooms(db, "officer", inspection_id, version, [room]), "name")
    _refused(
        db,
        inspection_id,
        lambda: actions.add_action(db, "officer", inspection_id, version, "GN-02", "设电话", "李\n四", None),
        "owner",
    )
    company_id = inspections.load_inspection(db, inspection_id).company_id
    with pytest.raises(InvalidInputError, match="inspector"):
        inspections.create_inspection(db, "officer", company_id, dt.date(2026, 11, 20), "张三\x1b", ["GN"])
    with pytest.raises(InvalidInputError, match="site"):
        companies.add_site(db, "officer", company_id, "厂区\x08")


def test_an_attachment_is_judged_by_its_content(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    _refused(
        db,
        inspection_id,
        lambda: inspections.add_evidence(db, "officer", inspection_id, version, "GN-02", "photo.jpg", b"not a photo"),
        "photo.jpg",
    )
    _refused(
        db,
        inspection_id,
        lambda: inspections.add_evidence(db, "officer", inspection_id, version, "GN-02", "empty.png", b""),
        "empty",
    )
    evidence_id, _ = inspections.add_evidence(db, "officer", inspection_id, version, "GN-02", "门口.png", _png())
    stored = inspections.load_inspection(db, inspection_id).evidence
    assert [(e.id, e.media_type) for e in stored] == [(evidence_id, "image/png")]


def test_a_follow_up_cannot_be_dated_in_the_future(db: Database) -> None:
    inspection_id = helpers.completed(db)
    action_id = inspections.load_inspection(db, inspection_id).actions[0].id
    later = dt.date.today() + dt.timedelta(days=30)
    with pytest.raises(InvalidInputError, match="future") as refusal:
        actions.follow_up_action(db, "officer", inspection_id, action_id, "done", "已整改", later)
    assert "将来" in refusal.value.message_zh
    assert actions.action_follow_ups(db, inspection_id) == []
    actions.follow_up_action(db, "officer", inspection_id, action_id, "done", "已整改", dt.date.today())
    assert [f.status for f in actions.action_follow_ups(db, inspection_id)] == ["done"]
