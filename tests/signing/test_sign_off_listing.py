"""The inspections list says where each record stands in sign-off and which records a correction replaces,
from one query however many records there are (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from checklist.workflow import SignOffStage
from export import signing
from storage import inspections
from storage.db import Database, open_database
from storage.listing import InspectionRow, list_inspections
from tests import keys
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield database
    database.close()


def _rows(db: Database) -> dict[int, InspectionRow]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = {row.id: row for row in list_inspections(db, limit=None)}
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1  # no query per row
    return rows


def test_the_list_follows_a_record_through_sign_off_and_correction(db: Database) -> None:
    original, version = helpers.answered(db)  # before any account, as the signing tests do
    assert _rows(db)[original].sign_off == SignOffStage.DRAFT

    inspections.complete(db, "officer", original, version)
    keys.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    keys.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    row = _rows(db)[original]
    assert row.sign_off == SignOffStage.AWAITING_INSPECTOR and row.signed == ()

    signing.sign(db, original, "张三", PASSWORDS["张三"], "inspector")
    row = _rows(db)[original]
    assert row.sign_off == SignOffStage.AWAITING_APPROVAL and row.signed == ("inspector",)

    signing.sign(db, original, "王经理", PASSWORDS["王经理"], "approver")
    row = _rows(db)[original]
    assert row.sign_off == SignOffStage.APPROVED and row.signed == ("inspector", "approver")
    assert row.superseded_by is None and row.supersedes is None

    correction = inspections.new_version(db, "王经理", original, "GN-01 测温次数记录有误")
    rows = _rows(db)
    assert rows[original].superseded_by == correction and rows[original].sign_off == SignOffStage.APPROVED
    assert rows[correction].supersedes == original and rows[correction].superseded_by is None
    assert rows[correction].sign_off == SignOffStage.DRAFT and rows[correction].signed == ()  # not the original's
