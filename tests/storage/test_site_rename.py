"""A site mistyped in 企业信息 is renamed by a manager, audited; a completed or signed record keeps its name."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.workflow import InspectionStatus, Role, may_rename_site
from storage import companies, inspections
from storage.audit import verify_chain
from storage.auth import create_user
from storage.db import Database, open_database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.models import AuditEntry, Site
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = open_database(sqlite_url)
    yield database  # type: ignore[misc]
    database.close()


def test_the_rule_a_manager_while_only_drafts_name_the_site() -> None:
    assert may_rename_site(Role.MANAGER, [])
    assert may_rename_site(Role.MANAGER, [InspectionStatus.DRAFT, InspectionStatus.DRAFT])
    assert not may_rename_site(Role.MANAGER, [InspectionStatus.DRAFT, InspectionStatus.COMPLETED])
    assert not may_rename_site(Role.MANAGER, [InspectionStatus.SIGNED])
    assert not may_rename_site(Role.OFFICER, [])
    assert not may_rename_site(Role.AUDITOR, [])


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


def test_a_site_a_completed_record_names_is_not_renamed_so_its_record_hash_holds(db: Database) -> None:
    inspection_id, version = helpers.answered(db)
    inspections.complete(db, "officer", inspection_id, version)
    site_id = inspections.load_inspection(db, inspection_id).site_id
    assert site_id is not None
    _accounts(db)
    with pytest.raises(InvalidInputError) as refused:
        companies.rename_site(db, "王经理", site_id, "一号厂区")
    assert f"#{inspection_id}" in str(refused.value) and "不能改名" in refused.value.message_zh
    assert inspections.load_inspection(db, inspection_id).site.name == "一号厂房"  # type: ignore[union-attr]
    # A draft of another date at the same site does not make it renamable either.
    company_id = inspections.load_inspection(db, inspection_id).company_id
    inspections.create_inspection(db, "王经理", company_id, dt.date(2026, 12, 1), "王经理", ["GN"], site_id)
    with pytest.raises(InvalidInputError):
        companies.rename_site(db, "王经理", site_id, "一号厂区")
