"""Editing 企业信息 after a record is completed or signed never makes that record read as altered: the record
keeps the company and site as they were when it was completed (schema 0015), its hash vouches for that copy,
and its report prints it. A record completed before that schema got its copy at schema 0018
(``tests/signing/test_company_copy_upgrade.py``). A raw-SQL change of the copy is found like any other change."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from export.content import load_report
from storage import audit, companies, inspections, verification
from storage.db import Database, open_database
from storage.models import AuditEntry, Company
from tests.storage import helpers


@pytest.fixture
def completed(db_url: str) -> Iterator[tuple[Database, int, int]]:
    db = open_database(db_url)
    inspection_id = helpers.completed(db)
    with db.session() as session:
        company_id = session.query(Company.id).scalar()
    yield db, inspection_id, int(company_id)
    db.close()


def _moved(db: Database, company_id: int) -> None:
    companies.save_company(
        db,
        "officer",
        helpers.moved_company(),
        company_id,
    )


def _ok(db: Database, inspection_id: int) -> bool:
    return verification.verify_record(db, inspection_id).ok


@pytest.mark.postgres
def test_editing_the_company_after_completion_leaves_the_record_verifying(
    completed: tuple[Database, int, int],
) -> None:
    db, inspection_id, company_id = completed
    before = inspections.load_inspection(db, inspection_id).record_hash
    assert _ok(db, inspection_id)
    _moved(db, company_id)
    assert inspections.load_inspection(db, inspection_id).record_hash == before
    assert _ok(db, inspection_id), verification.verify_record(db, inspection_id).lines
    report = load_report(db, inspection_id)
    assert report.address == "北京市大兴区示例路1号" and report.district == "大兴区"  # as it was completed
    assert report.company_name == "北京示例制造有限公司" and report.site == "一号厂房"
    # A new draft follows the profile as it is now.
    new = inspections.create_inspection(db, "officer", company_id, report.date, "张三", ["GN"], None)
    assert load_report(db, new).address == "北京市朝阳区新地址2号"


def test_reopening_lets_the_record_follow_the_profile_again(completed: tuple[Database, int, int]) -> None:
    db, inspection_id, company_id = completed
    _moved(db, company_id)
    inspections.reopen(db, "officer", inspection_id, "地址已变更，重新核对")
    assert load_report(db, inspection_id).district == "朝阳区"
    version = inspections.load_inspection(db, inspection_id).version
    inspections.complete(db, "officer", inspection_id, version)
    assert _ok(db, inspection_id) and load_report(db, inspection_id).district == "朝阳区"


@pytest.mark.postgres
def test_a_raw_sql_change_of_the_kept_copy_is_found(completed: tuple[Database, int, int]) -> None:
    db, inspection_id, _ = completed
    with db.engine.begin() as connection:  # as an attacker with the database file would: the JSON rewritten
        kept = connection.execute(
            text("SELECT company_snapshot FROM inspections WHERE id = :id"), {"id": inspection_id}
        ).scalar()
        copy = json.loads(kept) if isinstance(kept, str) else dict(kept)
        assert copy["company"]["address"] == "北京市大兴区示例路1号"
        copy["company"]["address"] = "北京市大兴区别处9号"
        value = "CAST(:copy AS JSON)" if db.engine.dialect.name == "postgresql" else ":copy"
        connection.execute(
            text(f"UPDATE inspections SET company_snapshot = {value} WHERE id = :id"),
            {"copy": json.dumps(copy, ensure_ascii=False), "id": inspection_id},
        )
    assert not _ok(db, inspection_id)


def test_editing_the_company_leaves_an_audit_entry_and_the_signed_record_as_it_was(db_url: str) -> None:
    """Who changed the profile, and from what to what, is in the audit trail; the signed record is untouched."""
    db = open_database(db_url)
    inspection_id = helpers.signed(db)
    with db.session() as session:
        company_id = int(session.query(Company.id).scalar())
    _moved(db, company_id)
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "companies", AuditEntry.action == "update")
        ).one()
        assert audit.verify_chain(session).ok
    assert entry.actor == "officer" and entry.row_id == company_id
    assert entry.old is not None and entry.new is not None
    assert (entry.old["address"], entry.new["address"]) == ("北京市大兴区示例路1号", "北京市朝阳区新地址2号")
    assert (entry.old["headcount"], entry.new["headcount"]) == (120, 300)
    assert _ok(db, inspection_id)
    db.close()
