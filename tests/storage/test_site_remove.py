"""A site added by mistake is removed by a manager, audited; a site any record names is kept, and the refusal
says which records and how many, in both languages; the officer and the auditor cannot remove one (the rule is
the core's, :func:`checklist.workflow.may_remove_site`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from checklist.workflow import Role, may_remove_site
from storage import companies, inspections
from storage.audit import verify_chain
from storage.auth import create_user
from storage.db import Database, open_database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.models import AuditEntry, Site
from tests.storage import helpers


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


def test_the_rule_a_manager_and_no_record_naming_the_site() -> None:
    assert may_remove_site(Role.MANAGER, 0)
    assert not may_remove_site(Role.MANAGER, 1)
    assert not may_remove_site(Role.OFFICER, 0)
    assert not may_remove_site(Role.AUDITOR, 0)


def _accounts(db: Database) -> None:
    create_user(db, "setup", "王经理", Role.MANAGER, "manager-pass-2020")
    create_user(db, "王经理", "张伟", Role.OFFICER, "officer-pass-2020")
    create_user(db, "王经理", "审计员", Role.AUDITOR, "auditor-pass-2020")


def _site_names(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Site.name).order_by(Site.id)))


def test_a_manager_removes_an_unused_site_and_the_removal_is_audited(db: Database) -> None:
    company_id, _ = helpers.company(db)
    mistaken = companies.add_site(db, "officer", company_id, "二号厂房（重复）")
    _accounts(db)
    for who in ("张伟", "审计员"):  # the officer and the auditor: refused, nothing removed
        with pytest.raises(PermissionDeniedError):
            companies.remove_site(db, who, mistaken)
    assert _site_names(db) == ["一号厂房", "二号厂房（重复）"]
    companies.remove_site(db, "王经理", mistaken)
    assert _site_names(db) == ["一号厂房"]
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "sites")).all()[-1]
        assert verify_chain(session).ok
    assert entry.action == "delete" and entry.actor == "王经理" and entry.row_id == mistaken
    assert entry.old is not None and entry.old["name"] == "二号厂房（重复）"
    with pytest.raises(NotFoundError) as gone:  # removed once: a second time is "no such site"
        companies.remove_site(db, "王经理", mistaken)
    assert gone.value.message_zh == f"没有编号为 {mistaken} 的场所"


def test_a_site_a_record_names_is_kept_and_the_refusal_says_which_and_how_many(db: Database) -> None:
    first, _ = helpers.draft(db)
    site_id = inspections.load_inspection(db, first).site_id
    assert site_id is not None
    company_id = inspections.load_inspection(db, first).company_id
    day = inspections.load_inspection(db, first).date
    second = inspections.create_inspection(db, "officer", company_id, day, "张三", ["GN"], site_id)
    _accounts(db)
    with pytest.raises(InvalidInputError) as refused:  # drafts name it too: a record keeps its site
        companies.remove_site(db, "王经理", site_id)
    english, chinese = str(refused.value), refused.value.message_zh
    assert english == (
        f"the site 一号厂房 is named in 2 record(s) (#{first}, #{second}), so it is kept; nothing was removed"
    )
    assert chinese == f"场所“一号厂房”已被 2 条记录引用（#{first}, #{second}），因此保留；没有删除任何内容"
    assert _site_names(db) == ["一号厂房"]
