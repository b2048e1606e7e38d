"""A promoted manager receives the authority key as a pending grant wrapped to its own key, claimed at its next
password use; never stored unsealed. Attacks: a grant written by SQL for a key of one's own, a grant moved to
an officer, a grant replayed after a demotion."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from export import authority, grants, signing, trust
from storage import auth
from storage.db import Database, open_database
from storage.models import AuditEntry, AuthorityGrant, AuthorityKey, User
from tests.cli import fugong
from tests.keys import create_account

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "李四": "officer2-secret"}


def _accounts(tmp_path: Path) -> tuple[Database, str]:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = open_database(url)
    create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    for name in ("张三", "李四"):
        create_account(db, "王经理", name, "officer", PASSWORDS[name], actor_password=PASSWORDS["王经理"])
    db.principal = None
    return db, url


def _rows(db: Database, model: type, name: str) -> list[object]:
    with db.session() as session:
        user_id = session.scalar(select(User.id).where(User.name == name))
        return list(session.scalars(select(model).where(model.user_id == user_id)))  # type: ignore[attr-defined]


def _chains(db: Database, name: str) -> bool:
    """Whether ``name``'s certificate was issued by the authority pinned on this computer."""
    anchor = trust.trusted_authority(db)
    certificate = x509.load_pem_x509_certificates(auth.get_user(db, name).certificate_pem.encode())[0]
    try:
        certificate.verify_directly_issued_by(anchor)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def test_a_promoted_manager_claims_the_grant_at_the_next_password_use(tmp_path: Path) -> None:
    db, _ = _accounts(tmp_path)
    assert signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "manager") == "officer"
    pending = _rows(db, AuthorityGrant, "张三")
    assert len(pending) == 1 and not _rows(db, AuthorityKey, "张三")
    envelope = pending[0].wrapped_key  # type: ignore[attr-defined]
    assert b"PRIVATE KEY" not in envelope and b'"format": "fugong.grant/1"' in envelope

    # 张三, now a manager, adds an account: their password opens the grant, which becomes a sealed copy.
    create_account(db, "张三", "王五", "officer", "wangwu-secret", actor_password=PASSWORDS["张三"])
    assert not _rows(db, AuthorityGrant, "张三")
    assert len(_rows(db, AuthorityKey, "张三")) == 1
    assert _chains(db, "王五")  # a certificate the pinned authority issued
    with db.session() as session:
        claimed = session.scalars(select(AuditEntry).where(AuditEntry.reason == "签名机构密钥授予生效")).all()
    assert {(e.table_name, e.action, e.actor) for e in claimed} == {
        ("authority_grants", "delete", "张三"),
        ("authority_keys", "insert", "张三"),
    }
    # The sealed copy opens with 张三's password only, and is the authority's key.
    key, certificate = authority.unlock(db, "张三", PASSWORDS["张三"])
    assert key.public_key() == certificate.public_key()
    db.close()


def test_the_next_command_with_the_password_claims_the_grant(tmp_path: Path) -> None:
    db, url = _accounts(tmp_path)
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "李四", "manager")
    db.close()
    done = fugong(
        "--db", url, "users", "role", "张三", "--role", "auditor", "--user", "李四", stdin="officer2-secret\n"
    )
    assert done.returncode == 0, done
    db = open_database(url)
    assert not _rows(db, AuthorityGrant, "李四") and len(_rows(db, AuthorityKey, "李四")) == 1
    assert auth.get_user(db, "张三").role == "auditor"
    db.close()


def test_demotion_and_disabling_withdraw_a_pending_grant(tmp_path: Path) -> None:
    db, _ = _accounts(tmp_path)
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "manager")
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "officer")
    assert not _rows(db, AuthorityGrant, "张三") and not _rows(db, AuthorityKey, "张三")
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "李四", "manager")
    signing.set_account_active(db, "王经理", PASSWORDS["王经理"], "李四", False)
    assert not _rows(db, AuthorityGrant, "李四")
    db.close()


def _sql(path: Path, statement: str, *values: object) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement, values)
    connection.commit()
    connection.close()


def test_a_grant_written_by_sql_for_a_key_of_ones_own_issues_nothing_that_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """李四 (an officer) with write access to the file: a made-up "authority key" wrapped to their own key,
    bound to their account and the real authority's fingerprint, and their role set to manager by SQL."""
    db, _ = _accounts(tmp_path)
    path = tmp_path / "db.sqlite3"
    real = trust.trusted_authority(db)
    mine = x509.load_pem_x509_certificates(auth.get_user(db, "李四").certificate_pem.encode())[0].public_key()
    fake_authority = ec.generate_private_key(ec.SECP256R1())
    user_id = auth.get_user(db, "李四").id
    envelope = grants.wrap(fake_authority, mine, user_id, "李四", authority.fingerprint(real))  # type: ignore[arg-type]
    _sql(
        path,
        "INSERT INTO authority_grants (authority_id, user_id, granted_by, wrapped_key, created_at) "
        "VALUES (1, ?, 1, ?, '2026-01-01 00:00:00')",
        user_id,
        envelope,
    )
    _sql(path, "UPDATE users SET role = 'manager' WHERE name = '李四'")
    with pytest.raises(grants.GrantError, match="no manager granting it"):
        create_account(db, "李四", "伪造员", "officer", "forged-secret", actor_password=PASSWORDS["李四"])
    # Even with an audit trail forged to show the grant (a plain SHA-256 chain can be recomputed), the key it
    # holds is not the authority's: refused, and nothing was sealed.
    monkeypatch.setattr(grants, "_audit_problem", lambda *_: None)
    with pytest.raises(grants.GrantError, match="not the signing authority's"):
        grants.claim(db, "李四", PASSWORDS["李四"])
    assert not _rows(db, AuthorityKey, "李四")
    # Certificates issued with the made-up key do not chain to the pinned authority.
    forged = authority.issue(fake_authority, real, mine, "伪造员", "manager")
    with pytest.raises(InvalidSignature):
        forged.verify_directly_issued_by(real)
    db.close()


def test_a_grant_moved_to_an_officer_is_refused(tmp_path: Path) -> None:
    db, _ = _accounts(tmp_path)
    path = tmp_path / "db.sqlite3"
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "manager")
    officer = auth.get_user(db, "李四").id
    _sql(path, "UPDATE authority_grants SET user_id = ?", officer)
    with pytest.raises(grants.GrantError, match="not an enabled manager"):
        grants.claim(db, "李四", PASSWORDS["李四"])
    with pytest.raises(grants.GrantError, match="not an enabled manager"):
        grants.unlock(db, "李四", PASSWORDS["李四"])  # cannot issue certificates
    # As a "manager" by SQL too: the audit trail says officer, and the envelope names 张三 and 张三's key.
    _sql(path, "UPDATE users SET role = 'manager' WHERE name = '李四'")
    with pytest.raises(grants.GrantError):
        grants.claim(db, "李四", PASSWORDS["李四"])
    assert not _rows(db, AuthorityKey, "李四")
    db.close()


def test_a_grant_replayed_after_demotion_is_refused(tmp_path: Path) -> None:
    db, _ = _accounts(tmp_path)
    path = tmp_path / "db.sqlite3"
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "manager")
    connection = sqlite3.connect(path)
    saved = connection.execute(
        "SELECT id, authority_id, user_id, granted_by, wrapped_key, created_at FROM authority_grants"
    ).fetchone()
    connection.close()
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "张三", "officer")
    _sql(path, "UPDATE users SET role = 'manager' WHERE name = '张三'")
    _sql(path, "INSERT INTO authority_grants VALUES (?, ?, ?, ?, ?, ?)", *saved)  # the same row, same id
    with pytest.raises(grants.GrantError, match="withdrawn"):
        create_account(db, "张三", "伪造员", "officer", "forged-secret", actor_password=PASSWORDS["张三"])
    _sql(path, "UPDATE authority_grants SET id = id + 100")  # under another id: no manager ever granted it
    with pytest.raises(grants.GrantError, match="no manager granting it"):
        grants.claim(db, "张三", PASSWORDS["张三"])
    assert not _rows(db, AuthorityKey, "张三")
    db.close()


def test_an_ec_account_key_receives_a_grant_too(tmp_path: Path) -> None:
    """An account whose imported key is EC gets the grant by ECDH (the RSA accounts above by RSA-OAEP)."""
    import datetime as dt

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    db, _ = _accounts(tmp_path)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "赵六")])
    now = dt.datetime.now(dt.UTC)
    own = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(b"z", key, own, None, BestAvailableEncryption(b"zhaoliu-secret"))
    signing.create_account(db, "王经理", "赵六", "officer", "zhaoliu-secret", blob, actor_password=PASSWORDS["王经理"])
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "赵六", "manager")
    assert b"ECDH" in _rows(db, AuthorityGrant, "赵六")[0].wrapped_key  # type: ignore[attr-defined]
    assert grants.claim(db, "赵六", "zhaoliu-secret")
    assert authority.unlock(db, "赵六", "zhaoliu-secret")[1] == trust.trusted_authority(db)
    db.close()
