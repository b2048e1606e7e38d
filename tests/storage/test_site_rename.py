"""A site mistyped in 企业信息 is renamed by a manager, audited; a completed or signed record keeps the name it was
completed with (its own copy of the company and site), its hash and its report unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.workflow import Role, may_rename_site
from export.content import load_report
from storage import companies, inspections, verification
from storage.audit import verify_chain
from storage.auth import create_user
from storage.db import Database, open_database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.models import AuditEntry, Site
from storage.record import record_hash
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = open_database(sqlite_url)
    yield database  # type: ignore[misc]
    database.close()


def test_the_rule_a_manager_renames() -> None:
    assert may_rename_site(Role.MANAGER)
    assert not may_rename_site(Role.OFFICER)
    assert not may_rename_site(Role.AUDITOR)


def _accounts(db: Database) -> None:
    create_user(db, "setup", "王经理", Role.MANAGER, "manager-pass-2020")
    create_user(db, "王经理", "张伟", Role.OFFICER, "officer-pass-2020")


def test_a_manager_renames_a_site_a_draft_names_and_the_change_is_audited(db: Database) -> None:
    inspection_id, _ = helpers.draft(db)
    site_id = inspections.load_inspection(db, inspection_id).site_id
    assert site_id is not None
    _accounts(db)
    with pytest.raises(PermissionDeniedError):
        companies.rename_site(db, "张伟", site_id, "一号厂区")
    companies.rename_site(db, "王经理", site_id, "  一号厂区 ")
    assert inspections.load_inspection(db, inspection_id).site.name == "一号厂区"  # type: ignore[union-attr]
    with db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "sites")).all()
        chain = verify_chain(session)
    renamed = entries[-1]
    assert renamed.actor == "王经理" and renamed.old == {"name": "一号厂房"} and renamed.new == {"name": "一号厂区"}
    assert chain.ok


def test_a_clash_an_empty_name_and_an_unknown_site_are_refused_in_both_languages(db: Database) -> None:
    company_id, site_id = helpers.company(db)
    companies.add_site(db, "officer", company_id, "员工宿舍楼")
    _accounts(db)
    with pytest.raises(InvalidInputError) as clash:
        companies.rename_site(db, "王经理", site_id, "员工宿舍楼")
    assert "员工宿舍楼" in clash.value.message_zh and "未修改" in clash.value.message_zh
    with pytest.raises(InvalidInputError):
        companies.rename_site(db, "王经理", site_id, "   ")
    with pytest.raises(NotFoundError) as unknown:
        companies.rename_site(db, "王经理", 999, "某处")
    assert unknown.value.message_zh == "没有编号为 999 的场所"
    with db.session() as session:
        assert session.get(Site, site_id).name == "一号厂房"  # type: ignore[union-attr]


def test_a_site_a_signed_record_names_is_renamed_and_the_record_keeps_the_old_name(db: Database) -> None:
    inspection_id = helpers.signed(db)
    inspection = inspections.load_inspection(db, inspection_id)
    site_id, signed_hash = inspection.site_id, inspection.record_hash
    assert site_id is not None
    _accounts(db)
    companies.rename_site(db, "王经理", site_id, "一号厂区")
    check = verification.verify_record(db, inspection_id)
    assert check.ok, check.lines
    assert record_hash(inspections.load_inspection(db, inspection_id)) == signed_hash
    assert load_report(db, inspection_id).site == "一号厂房"  # what was signed
    # A new draft at the same site shows the new name.
    company_id = inspection.company_id
    new = inspections.create_inspection(db, "王经理", company_id, dt.date(2026, 12, 1), "王经理", ["GN"], site_id)
    assert load_report(db, new).site == "一号厂区"
