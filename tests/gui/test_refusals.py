"""The desktop recognises errors by class and by an explicit reason, never by their English text or by a
class-name string: a look-alike is not mistaken for a known error, and a refusal reads right whatever its
message says."""

from __future__ import annotations

import pytest

from desktop.accounts.account import refusal_text, wait_seconds_of
from desktop.common.errors import is_known
from storage.auth import authenticate, create_user, set_active
from storage.db import open_database
from storage.errors import AuthenticationError, KnownError, LoginRefusal, NotFoundError, PermissionDeniedError

WRONG = "账户名或密码不正确。"


def test_known_errors_are_recognised_by_class() -> None:
    assert is_known(KnownError("x"))
    assert is_known(NotFoundError("x")) and is_known(PermissionDeniedError("x"))
    assert is_known(AuthenticationError("x", reason=LoginRefusal.DISABLED))
    assert not is_known(ValueError("the database is locked"))
    # A class that only borrows the name is a bug to report with its traceback, not a message to trust.
    impostor = type("KnownError", (Exception,), {"__module__": "storage.db"})
    assert not is_known(impostor("looks known"))


def test_a_refusal_reads_by_its_reason_not_its_text() -> None:
    assert refusal_text(AuthenticationError("anything at all", "随便什么")) == WRONG
    # The English words of a wrong password inside another refusal do not make it one.
    disabled = AuthenticationError(
        "unknown account or wrong password (disabled)", "账户已停用", reason=LoginRefusal.DISABLED
    )
    assert refusal_text(disabled) == "账户已停用"
    assert refusal_text(KnownError("unknown account or wrong password", "数据库已锁定")) == "数据库已锁定"
    waiting = AuthenticationError("wait", "请稍候", 7, LoginRefusal.BACK_OFF)
    assert wait_seconds_of(waiting) == 7 and "7" in refusal_text(waiting)
    fake_wait = KnownError("x")
    fake_wait.wait_seconds = 30  # type: ignore[attr-defined]
    assert wait_seconds_of(fake_wait) == 0  # only a refused login says how long to wait


def test_authenticate_says_why_it_refused(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        create_user(db, "setup", "王经理", "manager", "manager-secret")
        create_user(db, "王经理", "张三", "officer", "officer-secret")
        create_user(db, "王经理", "李四", "officer", "officer-secret")
        for name, password in (("nobody", "whatever-1"), ("张三", "wrong-password")):
            with pytest.raises(AuthenticationError) as refused:
                authenticate(db, name, password)
            assert refused.value.reason == LoginRefusal.CREDENTIALS and refused.value.wait_seconds == 0
        for _ in range(2):
            with pytest.raises(AuthenticationError):
                authenticate(db, "张三", "wrong-password")
        with pytest.raises(AuthenticationError) as refused:  # the back-off refuses before checking
            authenticate(db, "张三", "officer-secret")
        assert refused.value.reason == LoginRefusal.BACK_OFF and refused.value.wait_seconds > 0
        authenticate(db, "王经理", "manager-secret")
        set_active(db, "王经理", "李四", False)
        with pytest.raises(AuthenticationError) as refused:  # the right password of a disabled account
            authenticate(db, "李四", "officer-secret")
        assert refused.value.reason == LoginRefusal.DISABLED
        assert refusal_text(refused.value) == "账户“李四”已停用，请联系单位主要负责人"
    finally:
        db.close()
