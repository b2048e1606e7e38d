"""Attacks on the trust model, made the way an attacker would: keys of one's own, cut-back PDFs, raw SQL on the
database file, a stolen sealed key. Each must be caught with a message that says what was found."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509

from export import authority, keys, signing, trust
from export.crypto import Identity, SigningError, _single_signer, cms_sign_detached, meaning_of, unlock_identity
from export.pades import sign_pdf
from export.pdf import signature_box
from storage import auth, companies, inspections
from storage.backup import backup
from storage.db import Database, open_database
from storage.errors import PermissionDeniedError
from tests.keys import signature_png
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "李四": "officer2-secret", "审计员": "auditor-pass"}


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, int, Path]:
    """Accounts, and an inspection signed by 张三 (检查人) and 王经理 (审核), written out with the trust file."""
    folder = tmp_path_factory.mktemp("trust")
    db = open_database(f"sqlite:///{folder / 'db.sqlite3'}")
    inspection_id = helpers.completed(db)
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    for name, role in (("张三", "officer"), ("李四", "officer"), ("审计员", "officer")):
        signing.create_account(db, "王经理", name, role, PASSWORDS[name], actor_password=PASSWORDS["王经理"])
    # An auditor holding a key: an older database's (an auditor's account gets none since usability #9), here
    # an officer made auditor; the key stays, its certificate now says auditor.
    signing.change_role(db, "王经理", PASSWORDS["王经理"], "审计员", "auditor")
    signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector")
    signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver", image_png=signature_png())
    signing.write_signed_reports(db, inspection_id, folder / "report.pdf", folder / "report.xlsx")
    trust.export_trust_file(db, folder / "trust.pem")
    return db, inspection_id, folder


def _identity(db: Database, name: str) -> Identity:
    user = auth.get_user(db, name)
    assert user.pkcs12 is not None
    return unlock_identity(user.pkcs12, user.certificate_pem, PASSWORDS[name])


def _revisions(pdf: bytes) -> list[bytes]:
    """The PDF as it was after each revision (each ends at a %%EOF)."""
    cuts, start = [], 0
    while (found := pdf.find(b"%%EOF", start)) != -1:
        end = found + len(b"%%EOF")
        while end < len(pdf) and pdf[end : end + 1] in (b"\r", b"\n"):
            end += 1
        cuts.append(pdf[:end])
        start = end
    return cuts


def _fails(result: signing.Verification) -> list[str]:
    return [line for line in result.lines if line.startswith("FAIL")]


def test_genuine_report_verifies_with_the_trust_file_alone(signed: tuple[Database, int, Path]) -> None:
    _, _, folder = signed
    for name in ("report.pdf", "report.xlsx"):
        result = signing.verify_file(folder / name, None, folder / "trust.pem")
        assert result.ok, result.lines
        assert any("inspector: 张三 holds the role officer, allowed" in line for line in result.lines), result.lines
        assert any("manager's approval: 王经理 holds the role manager, allowed" in line for line in result.lines)


def test_auditor_cuts_back_and_signs_with_own_key_as_the_officer(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    """The read-only auditor takes the unsigned revision and signs it with their own key under a stamp that
    names the officer: the authority certified them as auditor, and the record names 张三."""
    db, _, folder = signed
    unsigned = _revisions((folder / "report.pdf").read_bytes())[0]
    page, box = signature_box(unsigned, "inspector")
    forged = sign_pdf(
        unsigned, _identity(db, "审计员"), "Signature_Inspector", box, page, "检查人：张三（安全员）", "检查人",
        meaning="inspector",
    )  # fmt: skip
    (tmp_path / "forged.pdf").write_bytes(forged)
    for result in (
        signing.verify_file(tmp_path / "forged.pdf", db),
        signing.verify_file(tmp_path / "forged.pdf", None, folder / "trust.pem"),
    ):
        fails = _fails(result)
        assert not result.ok
        assert any("inspector: 审计员 holds the role auditor, not allowed" in line for line in fails), fails
        assert any("approval missing:" in line for line in fails), fails
    fails = _fails(signing.verify_file(tmp_path / "forged.pdf", db))
    assert any("is not by 张三, whom the record names for it" in line for line in fails), fails


def test_another_officer_signing_in_place_of_the_record_s_officer_fails(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _, folder = signed
    unsigned = _revisions((folder / "report.pdf").read_bytes())[0]
    page, box = signature_box(unsigned, "inspector")
    forged = sign_pdf(unsigned, _identity(db, "李四"), "Signature_Inspector", box, page, "检查人：张三", "检查人", meaning="inspector")  # fmt: skip
    (tmp_path / "forged.pdf").write_bytes(forged)
    fails = _fails(signing.verify_file(tmp_path / "forged.pdf", db))
    assert any("is not by 张三" in line for line in fails), fails
    assert any("signature over record" in line and "does not verify" in line for line in fails), fails


def test_a_report_cut_back_to_the_inspector_s_revision_says_approval_missing(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _, folder = signed
    revisions = _revisions((folder / "report.pdf").read_bytes())
    assert len(revisions) == 3  # unsigned, 检查人, 审核
    (tmp_path / "cut.pdf").write_bytes(revisions[1])
    for result in (
        signing.verify_file(tmp_path / "cut.pdf", db),
        signing.verify_file(tmp_path / "cut.pdf", None, folder / "trust.pem"),
    ):
        fails = _fails(result)
        assert fails == [
            "FAIL approval missing: only the inspector has signed; the manager's approval is not in this file"
        ], result.lines
    (tmp_path / "unsigned.pdf").write_bytes(revisions[0])
    result = signing.verify_file(tmp_path / "unsigned.pdf", db)
    assert "FAIL 0 signature(s) in unsigned.pdf" in result.lines


def test_a_workbook_signature_with_only_the_inspector_says_approval_missing(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    db, _, folder = signed
    shutil.copy(folder / "report.xlsx", tmp_path / "report.xlsx")
    content = asn1_cms.ContentInfo.load((folder / "report.xlsx.p7s").read_bytes())
    inspector = next(i for i in content["content"]["signer_infos"] if meaning_of(i) == "inspector")
    alone = asn1_cms.ContentInfo(
        {"content_type": "signed_data", "content": _single_signer(content["content"], inspector)}
    )
    (tmp_path / "report.xlsx.p7s").write_bytes(alone.dump())
    fails = _fails(signing.verify_file(tmp_path / "report.xlsx", db))
    assert any("approval missing: only the inspector has signed" in line for line in fails), fails


def test_an_appended_unsigned_update_is_caught(signed: tuple[Database, int, Path], tmp_path: Path) -> None:
    """Something added after the last signature (here, a harmless-looking incremental update) is said."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    db, _, folder = signed
    writer = IncrementalPdfFileWriter(io.BytesIO((folder / "report.pdf").read_bytes()), strict=False)
    info = writer.root  # touch the catalogue: a new revision that no signature covers
    writer.update_root()
    del info
    out = io.BytesIO()
    writer.write(out)
    (tmp_path / "appended.pdf").write_bytes(out.getvalue())
    fails = _fails(signing.verify_file(tmp_path / "appended.pdf", db))
    assert "FAIL the file was changed after its last signature" in fails, fails


def _tampered_copy(db: Database, tmp_path: Path) -> tuple[Path, Database]:
    copy = tmp_path / "stolen.sqlite3"
    backup(db, copy)
    return copy, open_database(f"sqlite:///{copy}")


def test_an_authority_written_into_the_database_is_not_trusted(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    """With write access to the file: a new authority, keys and certificates of one's own for 张三 and 王经理,
    the report re-signed with them, and the signature rows rewritten to match. The computer's pin (and the
    auditor's trust file) still name the real authority."""
    db, inspection_id, folder = signed
    genuine = authority.fingerprint(trust.trusted_authority(db))
    copy, tampered = _tampered_copy(db, tmp_path)
    trust.pin(tampered, genuine)  # the company computer pinned the real authority for this file
    forger_key, forger = authority.new_authority("伪造")
    forged_ids = {}
    connection = sqlite3.connect(copy)
    for name, role in (("张三", "officer"), ("王经理", "manager")):
        key = keys_for_forgery()
        certificate = authority.issue(forger_key, forger, key.public_key(), name, role)
        identity = Identity(key, certificate, (forger,))
        forged_ids[name] = identity
        connection.execute(
            "UPDATE users SET pkcs12 = ?, certificate_pem = ? WHERE name = ?",
            (keys.seal(key, "forger-pass"), identity.certificate_pem, name),
        )
    connection.execute(
        "UPDATE signing_authority SET certificate_pem = ?, fingerprint = ?",
        (authority.pem(forger), authority.fingerprint(forger)),
    )
    connection.commit()
    unsigned = _revisions((folder / "report.pdf").read_bytes())[0]
    pdf = unsigned
    from storage.record import canonical_bytes, canonical_record

    record = canonical_bytes(canonical_record(inspections.load_inspection(db, inspection_id)))
    for meaning, name in (("inspector", "张三"), ("approver", "王经理")):
        page, box = signature_box(pdf, meaning)
        pdf = sign_pdf(pdf, forged_ids[name], signing.FIELDS[meaning], box, page, "x", "x", meaning=meaning)
        fingerprint = authority.fingerprint(forged_ids[name].certificate)
        over = cms_sign_detached(record, forged_ids[name], meaning)
        connection.execute(
            "UPDATE signatures SET certificate_sha256 = ?, record_signature = ? WHERE meaning = ?",
            (fingerprint, over, meaning),
        )
    connection.commit()
    connection.close()
    (tmp_path / "forged.pdf").write_bytes(pdf)
    result = signing.verify_file(tmp_path / "forged.pdf", tampered)
    fails = _fails(result)
    assert any("is not the one pinned on this computer" in line and "was replaced" in line for line in fails), fails
    assert sum("does not chain to the trust anchor" in line for line in fails) == 2, fails
    result = signing.verify_file(tmp_path / "forged.pdf", None, folder / "trust.pem")
    assert sum("does not chain to the trust anchor" in line for line in _fails(result)) == 2
    tampered.close()


def keys_for_forgery() -> keys.PrivateKey:
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.SECP256R1())


def test_a_copied_database_with_no_pin_trusts_nothing(
    signed: tuple[Database, int, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _, folder = signed
    monkeypatch.setenv("FUGONG_CONFIG_DIR", str(tmp_path / "other-computer"))
    result = signing.verify_file(folder / "report.pdf", db)
    assert not result.ok
    assert result.lines[0].startswith("FAIL this computer has pinned no signing authority for this database")
    with pytest.raises(trust.TrustError, match="does not hold this database's signing authority"):
        stranger = tmp_path / "stranger.pem"
        stranger.write_text(authority.pem(authority.new_authority("陌生")[1]), encoding="ascii")
        trust.pin_trust_file(db, stranger)
    assert trust.pinned(db) is None
    trust.pin_trust_file(db, folder / "trust.pem")  # the trust file handed over: now this computer trusts it
    assert signing.verify_file(folder / "report.pdf", db).ok


@pytest.fixture
def sealed_at_the_product_cost(tmp_path: Path) -> Iterator[Database]:
    """王经理 (a manager, holding the company authority) and 张三, made under the product's argon2id cost (for
    tests marked ``real_password_hashing``: the module's ``signed`` accounts have the suite's cheap one)."""
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    yield db
    db.close()


@pytest.mark.real_password_hashing  # about the product's argon2id cost itself
def test_keys_are_sealed_at_least_as_costly_as_the_login(sealed_at_the_product_cost: Database) -> None:
    db = sealed_at_the_product_cost
    login = keys.login_parameters()
    assert login == keys.KdfParameters(3, 65536, 4)  # the product's (RFC 9106's second recommendation)
    user = auth.get_user(db, "张三")
    assert user.pkcs12 is not None and keys.is_sealed(user.pkcs12)
    sealed = keys.parameters_of(user.pkcs12)
    assert sealed.memory_cost >= login.memory_cost and sealed.time_cost >= login.time_cost
    assert sealed.parallelism == login.parallelism
    with db.session() as session:
        from sqlalchemy import select

        from storage.models import AuthorityKey

        authority_keys = list(session.scalars(select(AuthorityKey)))
    assert len(authority_keys) == 1  # only the one manager holds the authority
    assert keys.parameters_of(authority_keys[0].sealed_key) == sealed


@pytest.mark.real_password_hashing  # about the product's argon2id cost itself
def test_a_stolen_sealed_key_does_not_open_cheaper_or_altered(sealed_at_the_product_cost: Database) -> None:
    db = sealed_at_the_product_cost
    blob = auth.get_user(db, "张三").pkcs12
    assert blob is not None
    assert keys.open_sealed(blob, PASSWORDS["张三"]) is not None
    with pytest.raises(keys.KeyLockedError, match="wrong password"):
        keys.open_sealed(blob, "guess-1234")
    envelope = json.loads(blob)
    cheaper = dict(envelope, time_cost=1, memory_cost=8)
    with pytest.raises(keys.KeyLockedError, match="weaker than the login"):
        keys.open_sealed(json.dumps(cheaper).encode(), PASSWORDS["张三"])
    same_cost_other_params = dict(envelope, time_cost=envelope["time_cost"] + 1)
    with pytest.raises(keys.KeyLockedError):  # the parameters are authenticated: changing them breaks the tag
        keys.open_sealed(json.dumps(same_cost_other_params).encode(), PASSWORDS["张三"])
    flipped = bytearray(base64.b64decode(envelope["ciphertext"]))
    flipped[10] ^= 1
    with pytest.raises(keys.KeyLockedError):
        keys.open_sealed(
            json.dumps(dict(envelope, ciphertext=base64.b64encode(flipped).decode())).encode(), PASSWORDS["张三"]
        )


def test_a_key_swapped_between_accounts_is_refused(signed: tuple[Database, int, Path], tmp_path: Path) -> None:
    """李四's sealed key copied into 张三's row (李四 knows their own password) does not sign as 张三."""
    db, _, _ = signed
    copy, tampered = _tampered_copy(db, tmp_path)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE users SET pkcs12 = (SELECT pkcs12 FROM users WHERE name = '李四') WHERE name = '张三'")
    connection.commit()
    connection.close()
    user = auth.get_user(tampered, "张三")
    assert user.pkcs12 is not None
    with pytest.raises(SigningError, match="does not belong to its certificate"):
        unlock_identity(user.pkcs12, user.certificate_pem, PASSWORDS["李四"])
    tampered.close()


def test_only_a_manager_with_their_password_issues_certificates(signed: tuple[Database, int, Path]) -> None:
    db, _, _ = signed
    with pytest.raises(authority.AuthorityError, match="password is needed"):
        signing.create_account(db, "王经理", "新人", "officer", "newcomer-pass")
    with pytest.raises(auth.AuthenticationError):
        signing.create_account(db, "王经理", "新人", "officer", "newcomer-pass", actor_password="wrong-pass")
    with pytest.raises(authority.AuthorityError, match="holds no key of the signing authority"):
        authority.unlock(db, "张三", PASSWORDS["张三"])
    assert "新人" not in [u.name for u in companies.list_users(db)]


def test_a_second_manager_gets_their_own_copy_of_the_authority(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "赵副总", "manager", "deputy-secret", actor_password=PASSWORDS["王经理"])
    # The deputy issues a certificate with their own password; the key opened is the same authority.
    signing.create_account(db, "赵副总", "张三", "officer", PASSWORDS["张三"], actor_password="deputy-secret")
    certificate = x509.load_pem_x509_certificates(auth.get_user(db, "张三").certificate_pem.encode())[0]
    assert certificate.issuer == trust.trusted_authority(db).subject
    # A changed password re-seals the manager's copy in the same transaction.
    signing.change_password(db, "赵副总", "deputy-secret", "deputy-secret-2")
    authority.unlock(db, "赵副总", "deputy-secret-2")
    with pytest.raises(keys.KeyLockedError):
        authority.unlock(db, "赵副总", "deputy-secret")
    db.close()


def test_the_same_person_cannot_sign_as_inspector_and_approver(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    inspection_id = helpers.completed(db)
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "inspector")
    with pytest.raises(PermissionDeniedError, match="cannot also approve it"):
        signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
    assert [s.meaning for s in signing.signatures_of(db, inspection_id)] == ["inspector"]
    db.close()


def test_cli_trust_export_show_pin(
    signed: tuple[Database, int, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.cli.main import main

    db, _, folder = signed
    assert main(["--db", db.url, "trust", "export", str(tmp_path / "t.pem")]) == 0
    assert (tmp_path / "t.pem").read_bytes() == (folder / "trust.pem").read_bytes()
    assert main(["--db", db.url, "trust", "show"]) == 0
    out = capsys.readouterr().out
    digest = authority.fingerprint(trust.trusted_authority(db))
    assert f"database authority: {digest}" in out and f"pinned on this computer: {digest}" in out
    monkeypatch.setenv("FUGONG_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert main(["--db", db.url, "trust", "export", str(tmp_path / "u.pem")]) == 1
    assert "has pinned no signing authority" in capsys.readouterr().err
    assert main(["--db", db.url, "trust", "pin", str(folder / "trust.pem")]) == 0
    assert main(["--db", db.url, "verify", str(folder / "report.xlsx")]) == 0


def test_database_folder_and_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = open_database(f"sqlite:///{folder / 'fugong.sqlite3'}")
    helpers.draft(db)
    for path in (folder / "fugong.sqlite3", folder / "fugong.sqlite3-wal", folder / "fugong.sqlite3-shm"):
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    db.close()
    os.chmod(folder / "fugong.sqlite3", 0o644)  # a database made by an older version
    db = open_database(f"sqlite:///{folder / 'fugong.sqlite3'}")
    assert stat.S_IMODE((folder / "fugong.sqlite3").stat().st_mode) == 0o600
    db.close()


def test_default_data_folder_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from storage.location import config_folder, default_db_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    url = default_db_url()
    folder = Path(url.removeprefix("sqlite:///")).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    monkeypatch.setenv("FUGONG_CONFIG_DIR", str(tmp_path / "cfg"))
    assert stat.S_IMODE(config_folder().stat().st_mode) == 0o700


def _legacy_account(db: Database, name: str, role: str, password: str) -> None:
    """An account as databases before schema 0006 held it: a PKCS#12 (PBKDF2) with a certificate from a
    one-off authority of its own whose key was thrown away."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from sqlalchemy import update

    from storage.models import User

    auth.create_user(db, name if not companies.list_users(db) else "王经理", name, role, password)
    one_off_key, one_off = authority.new_authority(f"{name} 签名证书颁发")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = authority.issue(one_off_key, one_off, key.public_key(), name, role)
    blob = pkcs12.serialize_key_and_certificates(
        name.encode(), key, certificate, [one_off], serialization.BestAvailableEncryption(password.encode())
    )
    with db.session() as session, session.begin():
        session.execute(
            update(User)
            .where(User.name == name)
            .values(pkcs12=blob, certificate_pem=authority.pem(certificate) + authority.pem(one_off))
        )


def test_a_database_made_before_the_authority_is_brought_under_one(tmp_path: Path) -> None:
    from export.migration import create_authority_for_existing

    db = open_database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    inspection_id = helpers.completed(db)
    _legacy_account(db, "王经理", "manager", PASSWORDS["王经理"])
    _legacy_account(db, "张三", "officer", PASSWORDS["张三"])
    old_certificate = auth.get_user(db, "张三").certificate_pem
    # Before `trust init`, nothing is trusted: there is no authority, and nothing is pinned.
    with pytest.raises(authority.AuthorityError, match="fugong trust init"):
        signing.create_account(db, "王经理", "新人", "officer", "newcomer-1", actor_password=PASSWORDS["王经理"])
    with pytest.raises(PermissionDeniedError, match="only a manager"):
        create_authority_for_existing(db, "张三", PASSWORDS["张三"])

    digest, certified = create_authority_for_existing(db, "王经理", PASSWORDS["王经理"])
    assert certified == 2 and trust.pinned(db) == digest
    with pytest.raises(authority.AuthorityError, match="already has a signing authority"):
        create_authority_for_existing(db, "王经理", PASSWORDS["王经理"])
    new_certificate = auth.get_user(db, "张三").certificate_pem
    assert new_certificate != old_certificate
    old_key = x509.load_pem_x509_certificates(old_certificate.encode())[0].public_key()
    assert x509.load_pem_x509_certificates(new_certificate.encode())[0].public_key() == old_key  # same key
    assert keys.is_sealed(auth.get_user(db, "王经理").pkcs12)  # the manager's key, sealed at once
    assert not keys.is_sealed(auth.get_user(db, "张三").pkcs12)  # 张三's password was not there …

    signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector")
    assert keys.is_sealed(auth.get_user(db, "张三").pkcs12)  # … it is sealed the first time 张三 signs
    signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
    signing.write_signed_reports(db, inspection_id, tmp_path / "r.pdf", tmp_path / "r.xlsx")
    for name in ("r.pdf", "r.xlsx"):
        result = signing.verify_file(tmp_path / name, db)
        assert result.ok, result.lines
    db.close()


def test_schema_0005_upgrades_to_the_authority_tables(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from storage.db import alembic_config, make_engine

    url = f"sqlite:///{tmp_path / 'v5.sqlite3'}"
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0005")
    assert "signing_authority" not in inspect(engine).get_table_names()
    engine.dispose()
    db = open_database(url)
    names = inspect(db.engine).get_table_names()
    assert {"signing_authority", "authority_keys"} <= set(names)
    db.close()


def test_the_exported_json_lists_the_signatures(signed: tuple[Database, int, Path]) -> None:
    import hashlib

    from storage.exchange import export_document

    db, inspection_id, _ = signed
    listed = export_document(db, inspection_id)["signatures"]
    rows = {s.meaning: s for s in signing.signatures_of(db, inspection_id)}
    assert [(s["meaning"], s["signer"], s["role"]) for s in listed] == [
        ("inspector", "张三", "officer"),
        ("approver", "王经理", "manager"),
    ]
    for entry in listed:
        row = rows[entry["meaning"]]
        assert entry["record_hash"] == inspections.load_inspection(db, inspection_id).record_hash
        assert entry["certificate_sha256"] == row.certificate_sha256
        assert entry["record_signature_sha256"] == hashlib.sha256(row.record_signature).hexdigest()
        assert entry["signed_at"] == row.signed_at.isoformat() + "Z"


def test_a_signer_disabled_later_still_verifies_but_not_one_disabled_before(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    """Someone who left is disabled after signing: what they signed stays valid. A copy of the database where
    the audit trail says the account was disabled before it signed fails that check."""
    db, inspection_id, folder = signed
    genuine = authority.fingerprint(trust.trusted_authority(db))
    copy, later = _tampered_copy(db, tmp_path)
    trust.pin(later, genuine)
    auth.authenticate(later, "王经理", PASSWORDS["王经理"])
    auth.set_active(later, "王经理", "张三", False)
    result = signing.verify_file(folder / "report.pdf", later)
    assert result.ok, result.lines
    assert "OK   张三 was an enabled officer when signing" in result.lines
    later.close()
    signed_at = signing.signatures_of(db, inspection_id)[0].signed_at
    connection = sqlite3.connect(copy)
    connection.execute(
        "UPDATE audit_log SET at = ? WHERE table_name = 'users' AND action = 'update' AND new LIKE '%active%'",
        ((signed_at - dt.timedelta(days=1)).isoformat(sep=" "),),
    )
    connection.commit()
    connection.close()
    earlier = open_database(f"sqlite:///{copy}")
    fails = _fails(signing.verify_file(folder / "report.pdf", earlier))
    assert "FAIL 张三's account was disabled when the signature was made" in fails, fails
    earlier.close()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (installed by .ci/setup --dev)")
def test_the_approval_box_shows_the_countersignature_on_paper(
    signed: tuple[Database, int, Path], tmp_path: Path
) -> None:
    """Rendered as printed: before the countersignature the 审核 box holds no drawn signature; after it, the
    stamp (with the approver's drawn signature at its lower right) fills the box."""
    import subprocess

    from PIL import Image

    _, _, folder = signed
    final = (folder / "report.pdf").read_bytes()
    page, (x0, y0, x1, y1) = signature_box(final, "approver")
    (tmp_path / "inspector-only.pdf").write_bytes(_revisions(final)[1])

    def dark_pixels(pdf: Path) -> int:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "72",
                "-f",
                str(page + 1),
                "-l",
                str(page + 1),
                "-png",
                str(pdf),
                str(tmp_path / pdf.stem),
            ],
            check=True,
        )
        image = Image.open(next(tmp_path.glob(f"{pdf.stem}*.png"))).convert("L")
        height = image.height
        # The lower right part of the box (PDF y grows upwards, the image's downwards), inside its border.
        region = image.crop((int((x0 + x1) / 2), int(height - y1 + (y1 - y0) * 0.6), int(x1) - 4, int(height - y0) - 4))
        return sum(1 for value in region.tobytes() if value < 128)

    assert dark_pixels(tmp_path / "inspector-only.pdf") == 0
    assert dark_pixels(folder / "report.pdf") > 50


def test_the_final_workbook_does_not_say_the_approval_is_pending(signed: tuple[Database, int, Path]) -> None:
    """The workbook is made at the 检查人's signature and both sign its bytes: its 签名 sheet names the 检查人 and
    points to the .p7s for the 审核, never "（待签署）" (which read as "the manager never signed")."""
    from openpyxl import load_workbook

    _, _, folder = signed
    workbook = load_workbook(folder / "report.xlsx", read_only=True)
    rows = [list(row) for row in workbook["签名"].iter_rows(values_only=True)]
    workbook.close()
    approval = next(row for row in rows if row[0] == "单位主要负责人审核")
    assert "待签署" not in str(approval[1]) and ".p7s" in str(approval[1]), approval
    assert next(row for row in rows if row[0] == "检查人")[1] == "张三"
