"""A manager changes an account's role: audited, its certificate re-issued, never one's own nor the last
manager; what the account signed before verifies with the role it held then."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509

from export import authority, signing, trust
from export.record_check import verify_signed_record
from export.revocation import verdict
from storage import auth, inspections
from storage.db import open_database
from storage.errors import AuthenticationError, InvalidInputError, PermissionDeniedError
from tests.cli import fugong
from tests.keys import create_account
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "审计员": "auditor-secret"}


def test_a_role_change_re_issues_the_certificate_and_keeps_what_was_signed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = open_database(url)
    record, version = helpers.answered(db)
    create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    for name, role in (("张三", "officer"), ("审计员", "auditor")):
        create_account(db, "王经理", name, role, PASSWORDS[name], actor_password=PASSWORDS["王经理"])
    db.principal = None
    inspections.complete(db, "张三", record, version)
    signing.sign(db, record, "张三", PASSWORDS["张三"], "inspector")
    db.principal = None

    with pytest.raises(AuthenticationError):
        signing.change_role(db, "王经理", PASSWORDS["张三"], "张三", "manager")
    with pytest.raises(PermissionDeniedError):
        signing.change_role(db, "审计员", PASSWORDS["审计员"], "张三", "manager")
    with pytest.raises(InvalidInputError, match="your own role"):
        signing.change_role(db, "王经理", PASSWORDS["王经理"], "王经理", "officer")

    as_officer = x509.load_pem_x509_certificates(auth.get_user(db, "张三").certificate_pem.encode())[0]
    assert signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "manager") == "officer"
    account = auth.get_user(db, "张三")
    assert account.role == "manager"
    assert authority.role_of(x509.load_pem_x509_certificates(account.certificate_pem.encode())[0]) == "manager"
    check = verify_signed_record(db, record)
    assert check.ok, [line for line in check.lines if line.startswith("FAIL")]  # signed as an officer, then
    assert any("inspector signature by 张三" in line and "verifies" in line for line in check.lines)
    # The officer certificate is revoked (superseded): what it signed before says so, nothing new verifies.
    revoked = trust.anchors_for(db, None).revocations.status(as_officer)
    assert revoked is not None and revoked.reason == x509.ReasonFlags.superseded
    said = [line for line in check.lines if "later revoked" in line]
    assert len(said) == 1 and "(the account's role changed)" in said[0] and said[0].startswith("OK"), check.lines
    ok, said, _ = verdict(revoked, revoked.at + dt.timedelta(seconds=1), "张三")  # a signature made afterwards
    assert not ok and "made after" in said

    # Back to officer (the pending grant of the authority key 张三 never claimed is withdrawn with it).
    assert signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "officer") == "manager"
    assert auth.get_user(db, "张三").role == "officer"
    db.close()
    done = fugong(  # an auditor's account has no signing key: it cannot become a role that signs
        "--db", url, "users", "role", "审计员", "--role", "officer", "--user", "王经理", stdin="manager-secret\n"
    )
    assert done.returncode == 1 and "has no signing key" in done.stderr and "add a new" in done.stderr, done
    done = fugong(
        "--db", url, "users", "role", "张三", "--role", "auditor", "--user", "王经理", stdin="manager-secret\n"
    )
    assert done.returncode == 0 and "officer → auditor by 王经理" in done.stdout, done
    done = fugong(
        "--db", url, "users", "role", "王经理", "--role", "officer", "--user", "张三", stdin="officer-secret\n"
    )
    assert done.returncode == 1 and "not allowed" in done.stderr, done
    log = fugong("--db", url, "audit", "log").stdout
    assert ("role" in log and "角色改为单位主要负责人" not in log) or "张三" in log
