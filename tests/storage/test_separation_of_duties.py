"""Separation of duties after signing: whoever records a corrective action as done does not verify it too.
Refused in the service layer, whatever a window offers; nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from checklist.workflow import may_verify
from storage import actions, inspections
from storage.auth import create_user
from storage.db import Database, open_database
from storage.errors import PermissionDeniedError
from tests.storage import helpers


@pytest.fixture
def completed(sqlite_url: str) -> Iterator[tuple[Database, int, int]]:
    db = open_database(sqlite_url)
    inspection_id = helpers.completed(db)
    create_user(db, "setup", "王经理", "manager", "wang-manager-2020")
    create_user(db, "王经理", "李经理", "manager", "li-manager-2020")
    create_user(db, "王经理", "张三", "officer", "zhang-officer-2020")
    action_id = inspections.load_inspection(db, inspection_id).actions[0].id
    yield db, inspection_id, action_id
    db.close()


def test_the_rule() -> None:
    assert may_verify("李经理", "王经理") and may_verify("王经理", None)
    assert not may_verify("王经理", "王经理")


def test_a_manager_who_recorded_it_done_cannot_verify_it(completed: tuple[Database, int, int]) -> None:
    db, inspection_id, action_id = completed
    today = dt.date.today()
    actions.follow_up_action(db, "王经理", inspection_id, action_id, "done", "已设测温点", today)
    with pytest.raises(PermissionDeniedError, match="cannot also verify") as refusal:
        actions.follow_up_action(db, "王经理", inspection_id, action_id, "verified", "本人查看", today)
    assert "不能再由本人验证" in refusal.value.message_zh
    assert [f.status for f in actions.action_follow_ups(db, inspection_id)] == ["done"]
    actions.follow_up_action(db, "李经理", inspection_id, action_id, "verified", "到现场查看登记表", today)
    assert [(f.status, f.by) for f in actions.action_follow_ups(db, inspection_id)] == [
        ("done", "王经理"),
        ("verified", "李经理"),
    ]


def test_the_latest_done_decides(completed: tuple[Database, int, int]) -> None:
    """Done by the officer, then done again by a manager: that manager is the one who may not verify."""
    db, inspection_id, action_id = completed
    today = dt.date.today()
    actions.follow_up_action(db, "张三", inspection_id, action_id, "done", "已整改", today)
    actions.follow_up_action(db, "李经理", inspection_id, action_id, "done", "补充整改", today)
    with pytest.raises(PermissionDeniedError):
        actions.follow_up_action(db, "李经理", inspection_id, action_id, "verified", "查看", today)
    actions.follow_up_action(db, "王经理", inspection_id, action_id, "verified", "查看", today)
    assert actions.action_follow_ups(db, inspection_id)[-1].by == "王经理"
