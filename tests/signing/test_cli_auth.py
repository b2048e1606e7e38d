"""No name without a password: every changing command of ``fugong`` acts as the account that authenticated,
attacked the way someone at the keyboard would (another account's name, no password, a wrong one, the
read-only auditor's own password)."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from pathlib import Path

import pytest

from storage import auth
from storage.backup import backup
from storage.db import open_database
from storage.exchange import export_document, write_json
from tests.cli import fugong
from tests.storage import helpers

PASSWORD = {"王经理": "manager-secret", "张三": "officer-secret", "审计员": "auditor-secret"}


@pytest.fixture
def database(tmp_path: Path) -> tuple[str, Path, int]:
    """A database with a manager, an officer and an auditor; a completed inspection with a corrective
    action; a good backup. Returns (url, folder, completed id)."""
    path = tmp_path / "live.sqlite3"
    url = f"sqlite:///{path}"
    db = open_database(url)
    completed = helpers.completed(db)
    auth.create_user(db, "setup", "王经理", "manager", PASSWORD["王经理"])
    auth.create_user(db, "王经理", "张三", "officer", PASSWORD["张三"])
    auth.create_user(db, "王经理", "审计员", "auditor", PASSWORD["审计员"])
    write_json(tmp_path / "in.json", export_document(db, completed))
    backup(db, tmp_path / "good.sqlite3")
    db.close()
    return url, tmp_path, completed


def _changes(path: Path) -> list[tuple[str, str, str]]:
    """The audit trail's entries other than failed logins: (actor, action, table)."""
    connection = sqlite3.connect(path)
    try:
        return [
            (actor, action, table)
            for actor, action, table in connection.execute(
                "SELECT actor, action, table_name FROM audit_log WHERE action != 'login-fail' ORDER BY seq"
            )
        ]
    finally:
        connection.close()


def _commands(folder: Path, completed: int) -> dict[str, list[str]]:
    action_id = 1
    return {
        "import": ["import", str(folder / "in.json")],
        "complete": ["complete", str(completed)],
        "reopen": ["reopen", str(completed), "--reason", "复核发现漏项"],
        "follow-up": ["follow-up", str(completed), str(action_id), "--status", "done", "--note", "已整改"],
        "restore": ["restore", str(folder / "good.sqlite3")],
        "users add": ["users", "add", "赵六", "--role", "officer"],
        "users disable": ["users", "disable", "张三"],
        "sign": ["sign", str(completed), "--meaning", "inspector"],
    }


def test_no_change_without_the_named_account_s_password(
    database: tuple[str, Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, folder, completed = database
    hours = itertools.count()  # an hour passes between attempts: the back-off does not answer for the password
    monkeypatch.setattr(auth, "clock", lambda: dt.datetime(2026, 11, 30) + dt.timedelta(hours=next(hours)))
    before = _changes(folder / "live.sqlite3")
    for name, argv in _commands(folder, completed).items():
        extra = "new-account-pass\n" if name == "users add" else ""
        # Another account's name with a password that is not its own (the attacker's own, say).
        done = fugong("--db", url, *argv, "--user", "王经理", stdin=extra + PASSWORD["张三"] + "\n")
        assert done.returncode == 1 and "unknown account or wrong password" in done.stderr, (name, done)
        # No password at all.
        done = fugong("--db", url, *argv, "--user", "王经理", stdin=extra)
        assert done.returncode == 1, (name, done)
        # No name: never a default from the login name.
        if name != "sign":
            done = fugong("--db", url, *argv, stdin=extra + PASSWORD["王经理"] + "\n")
            assert done.returncode == 1 and "--user" in done.stderr, (name, done)
        assert _changes(folder / "live.sqlite3") == before, name
    assert not list(folder.glob("live.before-restore-*"))
    done = fugong("--db", url, "import", str(folder / "in.json"), "--actor", "王经理")
    assert done.returncode == 1 and "unrecognized arguments: --actor" in done.stderr


def test_the_auditor_changes_nothing_even_with_its_own_password(database: tuple[str, Path, int]) -> None:
    url, folder, completed = database
    before = _changes(folder / "live.sqlite3")
    for name, argv in _commands(folder, completed).items():
        extra = "new-account-pass\n" if name == "users add" else ""
        done = fugong("--db", url, *argv, "--user", "审计员", stdin=extra + PASSWORD["审计员"] + "\n")
        assert done.returncode == 1, (name, done)
        if name != "users add":  # that one is refused for want of the authority's key, which only managers hold
            assert "审计员" in done.stderr and "nothing was" in done.stderr, (name, done)
        assert _changes(folder / "live.sqlite3") == before, name
    assert not list(folder.glob("live.before-restore-*"))


def test_the_officer_may_not_restore_nor_verify_a_follow_up(database: tuple[str, Path, int]) -> None:
    url, folder, completed = database
    done = fugong("--db", url, "restore", str(folder / "good.sqlite3"), "--user", "张三", stdin="officer-secret\n")
    assert done.returncode == 1 and "张三 is officer: not allowed to restore" in done.stderr
    officer = ("--user", "张三")
    done = fugong("--db", url, "follow-up", str(completed), "1", "--status", "done", *officer, stdin="officer-secret\n")
    assert done.returncode == 0, done.stderr
    verify = ("follow-up", str(completed), "1", "--status", "verified", "--note", "已复查")
    done = fugong("--db", url, *verify, *officer, stdin="officer-secret\n")
    assert done.returncode == 1 and "not allowed" in done.stderr
    done = fugong("--db", url, *verify, "--user", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0, done.stderr


def test_each_change_is_made_and_audited_as_the_account_that_authenticated(
    database: tuple[str, Path, int],
) -> None:
    url, folder, completed = database
    officer = ("--user", "张三")
    done = fugong("--db", url, "import", str(folder / "in.json"), *officer, stdin="officer-secret\n")
    assert done.returncode == 0, done.stderr
    done = fugong("--db", url, "reopen", str(completed), "--reason", "漏填", *officer, stdin="officer-secret\n")
    assert done.returncode == 0 and "reopened by 张三" in done.stdout, done.stderr
    done = fugong("--db", url, "complete", str(completed), *officer, stdin="officer-secret\n")
    assert done.returncode == 0 and f"inspection {completed} completed by 张三" in done.stdout, done.stderr
    entries = _changes(folder / "live.sqlite3")
    assert ("张三", "complete", "inspections") in entries and ("张三", "insert", "inspections") in entries
    assert entries[-1][0] == "张三"
    done = fugong("--db", url, "restore", str(folder / "good.sqlite3"), "--user", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0 and "by 王经理" in done.stdout, done.stderr
    assert _changes(folder / "live.sqlite3")[-1] == ("王经理", "restore", "database")
    assert len(list(folder.glob("live.before-restore-*"))) == 1
