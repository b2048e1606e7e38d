"""Corrective actions of a draft can be edited and deleted (audited, before and after); once the inspection is
completed or signed they cannot, and a due date before the inspection is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from storage import actions, inspections
from storage.db import Database, open_database
from storage.errors import InvalidInputError, RecordLockedError
from storage.models import AuditEntry
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = open_database(sqlite_url)
    yield database  # type: ignore[misc]
    database.close()


def _action(db: Database, inspection_id: int) -> int:
    return next(a.id for a in inspections.load_inspection(db, inspection_id).actions if a.item_id == "GN-01")


def test_a_mistyped_action_is_edited_and_the_audit_trail_keeps_both(db: Database) -> None:
    inspection_id, version = helpers.answered(db, ("GN",))
    action_id = _action(db, inspection_id)
    version = actions.edit_action(
        db, "officer", inspection_id, version, action_id, "增加下午测温并登记", "王五", dt.date(2026, 12, 5)
    )
    action = next(a for a in inspections.load_inspection(db, inspection_id).actions if a.id == action_id)
    assert (action.action, action.owner, action.due) == ("增加下午测温并登记", "王五", dt.date(2026, 12, 5))
    assert inspections.load_inspection(db, inspection_id).version == version
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "corrective_actions", AuditEntry.action == "update")
        ).one()
    assert entry.row_id == action_id and entry.inspection_id == inspection_id
    assert entry.old is not None and entry.new is not None
    assert (entry.old["action"], entry.old["owner"], entry.old["due"]) == ("增加下午测温", "李四", "2026-11-30")
    assert (entry.new["action"], entry.new["owner"], entry.new["due"]) == ("增加下午测温并登记", "王五", "2026-12-05")


def test_a_deleted_action_is_gone_and_audited(db: Database) -> None:
    inspection_id, version = helpers.answered(db, ("GN",))
    before = inspections.load_inspection(db, inspection_id)
    action_id, open_before = _action(db, inspection_id), before.open_actions
    actions.delete_action(db, "officer", inspection_id, version, action_id)
    after = inspections.load_inspection(db, inspection_id)
    assert action_id not in {a.id for a in after.actions}
    assert after.open_actions == open_before - 1
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "corrective_actions", AuditEntry.action == "delete")
        ).one()
    assert entry.row_id == action_id and entry.old is not None and entry.old["action"] == "增加下午测温"


def test_a_due_date_before_the_inspection_is_refused_in_both_languages(db: Database) -> None:
    inspection_id, version = helpers.answered(db, ("GN",))  # inspected on 2026-11-20
    action_id = _action(db, inspection_id)
    with pytest.raises(InvalidInputError) as refused:
        actions.edit_action(db, "officer", inspection_id, version, action_id, "x", "李四", dt.date(2026, 11, 19))
    assert "2026-11-19" in str(refused.value) and "早于检查日期" in refused.value.message_zh
    with pytest.raises(InvalidInputError):
        actions.add_action(db, "officer", inspection_id, version, "GN-01", "x", "李四", dt.date(2020, 1, 1))
    # the inspection day itself is a fair due date (done on the spot), and nothing above was stored
    actions.edit_action(db, "officer", inspection_id, version, action_id, "x", "李四", dt.date(2026, 11, 20))
    assert len(inspections.load_inspection(db, inspection_id).actions) == 1


@pytest.mark.parametrize("state", ["completed", "signed"])
def test_actions_of_a_completed_or_signed_inspection_are_not_edited(db: Database, state: str) -> None:
    inspection_id, version = helpers.answered(db, ("GN",))
    action_id = _action(db, inspection_id)
    inspections.complete(db, "officer", inspection_id, version)
    if state == "signed":
        from storage.models import Inspection

        with db.session() as session, session.begin():  # signing itself is tested in tests/signing
            session.get_one(Inspection, inspection_id).status = "signed"
    current = inspections.load_inspection(db, inspection_id).version
    with pytest.raises(RecordLockedError) as refused:
        actions.edit_action(db, "officer", inspection_id, current, action_id, "改", "李四", None)
    assert "整改跟进" in refused.value.message_zh and "nothing was changed" in str(refused.value)
    with pytest.raises(RecordLockedError):
        actions.delete_action(db, "officer", inspection_id, current, action_id)
    assert _action(db, inspection_id) == action_id
    assert next(a for a in inspections.load_inspection(db, inspection_id).actions if a.id == action_id).action == (
        "增加下午测温"
    )


def test_an_edit_with_an_old_version_is_refused(db: Database) -> None:
    from storage.errors import ConcurrentEditError

    inspection_id, version = helpers.answered(db, ("GN",))
    action_id = _action(db, inspection_id)
    actions.edit_action(db, "officer", inspection_id, version, action_id, "第一次", "李四", None)
    with pytest.raises(ConcurrentEditError):
        actions.edit_action(db, "officer", inspection_id, version, action_id, "第二次", "李四", None)
