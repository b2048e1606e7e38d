"""An auditor's account gets no signing key (docs/usability.md #9): the core decides which roles sign
(``checklist.workflow.role_signs``); an auditor's work — reading, verifying a record, a report file or the chain,
changing its password, being disabled and enabled — needs none; an auditor cannot be given a key to import, nor
be made a role that signs; an account that already has a key (an older database's auditor) keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.workflow import Role, role_signs
from export import signing
from export.record_check import verify_signed_record
from storage import auth, companies
from storage.audit import verify_chain
from storage.db import open_database
from storage.errors import InvalidInputError
from tests import keys
from tests.cli import fugong
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "审计员": "auditor-secret"}


def test_the_core_says_which_roles_sign() -> None:
    assert role_signs(Role.OFFICER) and role_signs(Role.MANAGER)
    assert not role_signs(Role.AUDITOR) and not role_signs("nobody")


def test_an_auditor_gets_no_key_and_needs_none(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = open_database(url)
    inspection_id = helpers.completed(db)
    keys.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    keys.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    # the application's own call, no premade key: nothing is generated for an auditor
    signing.create_account(db, "王经理", "审计员", "auditor", PASSWORDS["审计员"], actor_password=PASSWORDS["王经理"])
    auditor = auth.get_user(db, "审计员")
    assert auditor.role == "auditor" and auditor.pkcs12 is None and auditor.certificate_pem == ""
    officer = auth.get_user(db, "张三")
    assert officer.pkcs12 and officer.certificate_pem.startswith("-----BEGIN CERTIFICATE-----")

    signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector")
    signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
    written = signing.write_signed_reports(db, inspection_id, tmp_path / "r.pdf", tmp_path / "r.xlsx")
    assert len(written) == 3
    db.principal = None
    auth.authenticate(db, "审计员", PASSWORDS["审计员"])  # what the auditor does, acting as the auditor
    assert verify_signed_record(db, inspection_id).ok
    assert signing.verify_file(tmp_path / "r.pdf", db).ok and signing.verify_file(tmp_path / "r.xlsx", db).ok
    with db.session() as session:
        assert verify_chain(session).ok
    signing.change_password(db, "审计员", PASSWORDS["审计员"], "auditor-secret-2")
    assert auth.get_user(db, "审计员").pkcs12 is None
    db.principal = None
    signing.set_account_active(db, "王经理", PASSWORDS["王经理"], "审计员", False)
    signing.set_account_active(db, "王经理", PASSWORDS["王经理"], "审计员", True)
    assert auth.get_user(db, "审计员").active and auth.get_user(db, "审计员").certificate_pem == ""

    # A role that signs needs a key the auditor's account does not have: refused in words, nothing changed.
    for role in ("officer", "manager"):
        with pytest.raises(InvalidInputError) as refused:
            signing.change_role(db, "王经理", PASSWORDS["王经理"], "审计员", role)
        assert "has no signing key" in str(refused.value) and "没有签名密钥" in refused.value.message_zh
        assert auth.get_user(db, "审计员").role == "auditor"
    # An account with a key (an officer, or an older database's auditor) moves between roles and keeps it.
    key = auth.get_user(db, "张三").pkcs12
    assert signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "auditor") == "officer"
    assert signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "officer") == "auditor"
    assert auth.get_user(db, "张三").pkcs12 == key
    db.close()
    listed = fugong("--db", url, "users", "list")
    assert listed.returncode == 0
    line = next(line for line in listed.stdout.splitlines() if "审计员" in line)
    assert "no key" in line, listed.stdout
    # the command says what it made, changed or enabled: no key, no certificate for an auditor
    added = fugong(
        "--db",
        url,
        "users",
        "add",
        "钱审计",
        "--role",
        "auditor",
        "--user",
        "王经理",
        stdin="auditor-secret-3\nmanager-secret\n",
    )
    assert added.returncode == 0 and "without a signing key" in added.stdout, added
    changed = fugong("--db", url, "users", "passwd", "钱审计", stdin="auditor-secret-3\nauditor-secret-4\n")
    assert changed.returncode == 0 and "signing key" not in changed.stdout, changed
    for command in ("disable", "enable"):
        done = fugong("--db", url, "users", command, "钱审计", "--user", "王经理", stdin="manager-secret\n")
        assert done.returncode == 0 and "certificate was issued" not in done.stdout, done


def test_an_auditor_is_given_no_key_file_to_import(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    keys.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    with pytest.raises(InvalidInputError) as refused:
        signing.create_account(
            db,
            "王经理",
            "审计员",
            "auditor",
            PASSWORDS["审计员"],
            pkcs12=keys.premade_pkcs12("审计员", "officer", PASSWORDS["审计员"]),
            actor_password=PASSWORDS["王经理"],
        )
    assert "signs nothing" in str(refused.value) and "不带签名密钥" in refused.value.message_zh
    assert [user.name for user in companies.list_users(db)] == ["王经理"]
    db.close()
