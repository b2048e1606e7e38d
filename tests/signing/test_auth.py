"""Accounts: argon2id passwords, back-off, roles enforced in the service layer."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.evaluation import Answer, Result
from storage import auth, companies, inspections, listing, verification
from storage.auth import wait_seconds
from storage.db import Database, open_database
from storage.errors import AuthenticationError, InvalidInputError, PermissionDeniedError
from storage.models import AuditEntry, User
from tests import keys
from tests.conftest import SteppedClock
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = open_database(sqlite_url)
    yield database  # type: ignore[misc]
    database.close()


@pytest.mark.real_password_hashing
def test_first_account_becomes_manager_and_password_is_argon2id(db: Database) -> None:
    _, role = auth.create_user(db, "setup", "王经理", "officer", "correct horse")
    assert role == "manager"
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == "王经理"))
        # argon2id with the product's cost (RFC 9106's second recommendation: 64 MiB, 3 passes, 4 lanes)
        assert user is not None and user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert auth.authenticate(db, "王经理", "correct horse").name == "王经理"


def test_other_tests_hash_passwords_cheaply_but_alike(db: Database) -> None:
    """The cheap hasher of the test configuration makes the same kind of hash, which the product verifies."""
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    with db.session() as session:
        stored = session.scalar(select(User.password_hash).where(User.name == "王经理"))
    assert stored is not None and stored.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    from argon2 import PasswordHasher

    assert PasswordHasher().verify(stored, "correct horse")  # the product's hasher reads it as well


def test_only_a_manager_creates_accounts(db: Database) -> None:
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "张三", "officer", "battery staple")
    with pytest.raises(PermissionDeniedError, match="not allowed to create accounts"):
        auth.create_user(db, "张三", "李四", "officer", "battery staple")
    with pytest.raises(InvalidInputError, match="at least 8"):
        auth.create_user(db, "王经理", "赵六", "officer", "short")


def test_login_and_back_off(db: Database, login_clock: SteppedClock) -> None:
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    assert auth.authenticate(db, "王经理", "correct horse").name == "王经理"
    for _ in range(auth.FREE_ATTEMPTS):
        with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
            auth.authenticate(db, "王经理", "wrong")
    # Now even the right password has to wait.
    with pytest.raises(AuthenticationError, match="try again in 1 s") as caught:
        auth.authenticate(db, "王经理", "correct horse")
    assert caught.value.wait_seconds == 1
    with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
        auth.authenticate(db, "nobody", "whatever1")
    # Half the wait later it still waits; once it is over, a wrong password counts and doubles the wait.
    login_clock.advance(0.5)
    with pytest.raises(AuthenticationError, match="try again in 1 s"):
        auth.authenticate(db, "王经理", "correct horse")
    login_clock.advance(0.5)
    with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
        auth.authenticate(db, "王经理", "wrong")
    with pytest.raises(AuthenticationError, match="try again in 2 s") as caught:
        auth.authenticate(db, "王经理", "correct horse")
    assert caught.value.wait_seconds == 2
    # After the wait the right password opens and the count starts again from the free attempts.
    login_clock.advance(2)
    assert auth.authenticate(db, "王经理", "correct horse").name == "王经理"
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == "王经理"))
        assert user is not None and user.failed_logins == 0 and user.last_failed_at is None
    with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
        auth.authenticate(db, "王经理", "wrong")


def test_back_off_doubles_and_is_capped() -> None:
    now = dt.datetime(2026, 11, 23, 12, 0, 0)
    assert wait_seconds(2, now, now) == 0
    assert wait_seconds(3, now, now) == 1
    assert wait_seconds(6, now, now) == 8
    assert wait_seconds(6, now - dt.timedelta(seconds=8), now) == 0
    assert wait_seconds(40, now, now) == auth.MAX_WAIT_SECONDS


def test_password_never_enters_the_audit_trail(db: Database) -> None:
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    with pytest.raises(AuthenticationError):
        auth.authenticate(db, "王经理", "my wrong secret")
    with db.session() as session:
        dump = " ".join(str((e.old, e.new, e.reason)) for e in session.scalars(select(AuditEntry)))
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert "correct horse" not in dump and "my wrong secret" not in dump and "$argon2" not in dump
    assert "login-fail" in actions


def test_auditor_cannot_change_data_even_by_a_direct_call(db: Database) -> None:
    inspection_id, version = helpers.draft(db)  # before accounts exist
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "审计员甲", "auditor", "audit pass")
    with pytest.raises(PermissionDeniedError, match="auditor: not allowed"):
        inspections.save_answer(db, "审计员甲", inspection_id, version, "GN-02", Answer(Result.FAIL))
    with pytest.raises(PermissionDeniedError):
        companies.add_site(db, "审计员甲", 1, "新厂区")
    with pytest.raises(PermissionDeniedError, match="not an account"):
        inspections.save_answer(db, "someone", inspection_id, version, "GN-02", Answer(Result.FAIL))
    assert (
        next(r for r in inspections.load_inspection(db, inspection_id).responses if r.item_id == "GN-02").result is None
    )
    # …while the auditor can still read everything.
    assert listing.list_inspections(db)[0].id == inspection_id
    assert verification.verify_record(db, inspection_id).lines


def test_which_meanings_a_role_may_sign_now() -> None:
    from checklist.workflow import signable_meanings

    assert signable_meanings("officer", "completed", []) == ["inspector"]
    assert signable_meanings("manager", "completed", []) == ["inspector"]
    assert signable_meanings("officer", "signed", ["inspector"]) == []
    assert signable_meanings("manager", "signed", ["inspector"]) == ["approver"]
    assert signable_meanings("manager", "signed", ["inspector", "approver"]) == []
    assert signable_meanings("manager", "signed", ["inspector"], signed_by_me=["inspector"]) == []  # not twice
    assert signable_meanings("auditor", "completed", []) == []
    assert signable_meanings("manager", "draft", []) == []


def test_refusals_are_said_in_chinese_too(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "审计员甲", "auditor", "audit pass")
    with pytest.raises(PermissionDeniedError) as denied:
        inspections.save_answer(db, "审计员甲", inspection_id, version, "GN-02", Answer(Result.FAIL))
    assert denied.value.message_zh == "审计员甲（审计员）无权进行此操作；没有修改任何数据"
    with pytest.raises(AuthenticationError) as refused:
        auth.authenticate(db, "王经理", "wrong")
    assert refused.value.message_zh == "账户名或密码不正确"


def test_a_logged_in_session_cannot_act_under_another_name(db: Database) -> None:
    """An auditor logged in through a database handle cannot change data by a crafted call that claims to
    be the manager: the handle acts for whoever logged in through it."""
    inspection_id, version = helpers.draft(db)
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "审计员甲", "auditor", "audit pass")
    auth.authenticate(db, "审计员甲", "audit pass")
    with pytest.raises(PermissionDeniedError, match="logged in as 审计员甲"):
        inspections.save_answer(db, "王经理", inspection_id, version, "GN-02", Answer(Result.FAIL))
    with pytest.raises(PermissionDeniedError, match="logged in as 审计员甲"):
        auth.create_user(db, "王经理", "冒名者", "manager", "whatever12")
    assert (
        next(r for r in inspections.load_inspection(db, inspection_id).responses if r.item_id == "GN-02").result is None
    )
    auth.authenticate(db, "王经理", "correct horse")  # the manager logs in: their changes go through
    inspections.save_answer(db, "王经理", inspection_id, version, "GN-02", Answer(Result.FAIL))


def test_a_password_is_changed_only_with_the_current_one(db: Database) -> None:
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    with pytest.raises(AuthenticationError):
        auth.change_password(db, "王经理", "wrong horse", "battery staple")
    with pytest.raises(InvalidInputError, match="at least 8") as short:
        auth.change_password(db, "王经理", "correct horse", "short")
    assert "至少需要 8 个字符" in short.value.message_zh
    with pytest.raises(InvalidInputError, match="the same"):
        auth.change_password(db, "王经理", "correct horse", "correct horse")
    assert auth.authenticate(db, "王经理", "correct horse").name == "王经理"  # nothing changed so far

    auth.change_password(db, "王经理", "correct horse", "battery staple")
    with pytest.raises(AuthenticationError):
        auth.authenticate(db, "王经理", "correct horse")
    assert auth.authenticate(db, "王经理", "battery staple").name == "王经理"
    with db.session() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.table_name == "users")))
    changed = [e for e in entries if e.action == "update" and "password_hash" in (e.new or {})]
    assert changed and changed[-1].new["password_hash"] == "<secret>"
    assert not any("battery" in str(e.old) + str(e.new) for e in entries)


def test_an_account_with_a_signing_key_cannot_change_its_password_without_rewrapping_it(db: Database) -> None:
    keys.create_account(db, "setup", "王经理", "manager", "correct horse")
    with pytest.raises(InvalidInputError, match="signing key"):
        auth.change_password(db, "王经理", "correct horse", "battery staple")  # no rewrap given
    assert auth.authenticate(db, "王经理", "correct horse").name == "王经理"


def test_a_manager_disables_an_account_and_enables_it_again(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "张三", "officer", "battery staple")
    with pytest.raises(PermissionDeniedError, match="not allowed to disable accounts"):
        auth.set_active(db, "张三", "王经理", False)
    with pytest.raises(InvalidInputError, match="your own account") as own:
        auth.set_active(db, "王经理", "王经理", False)
    assert own.value.message_zh == "不能停用自己的账户；没有修改任何数据"

    auth.set_active(db, "王经理", "张三", False)
    with pytest.raises(AuthenticationError, match="disabled") as refused:
        auth.authenticate(db, "张三", "battery staple")
    assert refused.value.message_zh == "账户“张三”已停用，请联系单位主要负责人"
    with pytest.raises(AuthenticationError, match="unknown account or wrong password"):
        auth.authenticate(db, "张三", "wrong guess")  # the state is told only to whoever knows the password
    with pytest.raises(PermissionDeniedError, match="disabled"):
        inspections.save_answer(db, "张三", inspection_id, version, "GN-01", Answer(Result.PASS))
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "users", AuditEntry.action == "update")
            .order_by(AuditEntry.seq.desc())
        ).first()
    assert entry is not None and entry.actor == "王经理" and entry.new == {"active": False}

    auth.set_active(db, "王经理", "张三", True)
    assert auth.authenticate(db, "张三", "battery staple").name == "张三"
    assert inspections.save_answer(db, "张三", inspection_id, version, "GN-01", Answer(Result.PASS)) > version


def test_a_manager_always_remains(db: Database) -> None:
    """Only an active manager disables accounts, never their own: so one manager can always log in."""
    auth.create_user(db, "setup", "王经理", "manager", "correct horse")
    auth.create_user(db, "王经理", "李经理", "manager", "battery staple")
    auth.set_active(db, "王经理", "李经理", False)
    with pytest.raises(PermissionDeniedError, match="disabled"):
        auth.set_active(db, "李经理", "王经理", False)  # a disabled manager manages nothing
    with pytest.raises(InvalidInputError, match="your own account"):
        auth.set_active(db, "王经理", "王经理", False)
    assert [u.name for u in companies.list_users(db) if u.active] == ["王经理"]
