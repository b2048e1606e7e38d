"""Revocation: disabling an account has the authority sign a revocation list (CRL), kept in the database and
the trust file. A signature made after the revocation does not verify ("证书已于 … 吊销"); one made before does,
and says the certificate was later revoked. Attacks: the CRL removed by SQL, a CRL forged with a key of one's
own, a signature backdated past the revocation."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
import types
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from export import authority, signing, trust
from export.record_check import verify_signed_record
from storage import auth, inspections
from storage.backup import backup
from storage.db import Database, open_database
from storage.models import AuditEntry
from tests.cli import fugong
from tests.keys import create_account
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "李四": "officer2-secret"}


@pytest.fixture(scope="module")
def revoked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, Path, int, int]:
    """Record A signed by 张三 (检查人) and 王经理 (审核); record B completed, unsigned; then 王经理 disables
    张三 (typing their password), and the trust file is exported with the revocation list."""
    folder = tmp_path_factory.mktemp("revocation")
    db = open_database(f"sqlite:///{folder / 'db.sqlite3'}")
    first = helpers.completed(db)
    second = _another(db, first)
    create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    for name in ("张三", "李四"):
        create_account(db, "王经理", name, "officer", PASSWORDS[name], actor_password=PASSWORDS["王经理"])
    signing.sign(db, first, "张三", PASSWORDS["张三"], "inspector")
    signing.sign(db, first, "王经理", PASSWORDS["王经理"], "approver")
    signing.write_signed_reports(db, first, folder / "a.pdf", folder / "a.xlsx")
    db.principal = None
    signing.set_account_active(db, "王经理", PASSWORDS["王经理"], "张三", False)
    trust.export_trust_file(db, folder / "trust.pem")
    return db, folder, first, second


def _another(db: Database, first: int) -> int:
    """A second completed inspection of the same company and site (every GN item passed)."""
    from checklist.catalog import official_catalogs
    from checklist.evaluation import Answer, Result

    record = inspections.load_inspection(db, first)
    second = inspections.create_inspection(
        db, "officer", record.company_id, dt.date(2026, 11, 21), "张三", ["GN"], record.site_id
    )
    version = inspections.load_inspection(db, second).version
    for item in official_catalogs()["GN"].items:
        version = inspections.save_answer(db, "officer", second, version, item.id, Answer(Result.PASS))
    inspections.complete(db, "officer", second, version)
    return second


def _certificate(db: Database, name: str) -> x509.Certificate:
    return x509.load_pem_x509_certificates(auth.get_user(db, name).certificate_pem.encode())[0]


def _copy(db: Database, tmp_path: Path) -> tuple[Path, Database]:
    """The attacker's copy of the database file (pinned to the genuine authority, as the company computer is)."""
    path = tmp_path / "copy.sqlite3"
    backup(db, path)
    copy = open_database(f"sqlite:///{path}")
    trust.pin(copy, authority.fingerprint(trust.trusted_authority(db)))
    return path, copy


def _sql(path: Path, statement: str, *values: object) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement, values)
    connection.commit()
    connection.close()


def _fails(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("FAIL")]


def test_disabling_signs_a_revocation_list_that_the_trust_file_carries(
    revoked: tuple[Database, Path, int, int],
) -> None:
    db, folder, _, _ = revoked
    text = (folder / "trust.pem").read_text()
    assert text.index("BEGIN CERTIFICATE") < text.index("BEGIN X509 CRL")
    crl = x509.load_pem_x509_crl(text[text.index("-----BEGIN X509 CRL") :].encode())
    anchor = trust.trusted_authority(db)
    public_key = anchor.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert crl.issuer == anchor.subject and crl.is_signature_valid(public_key)
    entry = crl.get_revoked_certificate_by_serial_number(_certificate(db, "张三").serial_number)
    assert entry is not None
    assert (
        entry.extensions.get_extension_for_class(x509.CRLReason).value.reason == x509.ReasonFlags.cessation_of_operation
    )
    with db.session() as session:
        disabled = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "users", AuditEntry.action == "update")
        ).all()[-1]
        issued = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "revocation_lists")).one()
    assert disabled.new == {"active": False} and issued.actor == "王经理" and issued.action == "insert"
    assert abs(entry.revocation_date_utc.replace(tzinfo=None) - disabled.at) < dt.timedelta(seconds=2)
    assert crl.get_revoked_certificate_by_serial_number(_certificate(db, "王经理").serial_number) is None


def test_what_was_signed_before_the_revocation_still_verifies_and_says_so(
    revoked: tuple[Database, Path, int, int],
) -> None:
    db, folder, first, _ = revoked
    for name in ("a.pdf", "a.xlsx"):
        for database, trust_file in ((None, folder / "trust.pem"), (db, None)):
            result = signing.verify_file(folder / name, database, trust_file)
            assert result.ok, result.lines
            later = [line for line in result.lines if "before the certificate was revoked" in line]
            assert len(later) == 1 and "张三" in later[0] and "later revoked" in later[0], result.lines
    record = verify_signed_record(db, first)
    assert record.ok, record.lines
    assert any("later revoked" in line for line in record.lines)
    assert any("revocation list(s) the authority issued are all in the database" in line for line in record.lines)


def _sign_after_revocation(db: Database, folder: Path, tmp_path: Path, second: int) -> tuple[Path, Database, Path]:
    """张三, disabled, with write access to a copy of the file: enabled again by SQL, then signs record B once the
    revocation's stated time has passed. (A CRL states whole seconds, rounded up, so on a fast machine a signature
    in the same second as the disabling would count as made before it: waiting, at most a second, makes the
    signature unambiguously later, as any real one is.)"""
    revoked_at = _revocation_time(folder)
    path, copy = _copy(db, tmp_path)
    while (wait := (revoked_at - dt.datetime.now(dt.UTC)).total_seconds()) >= 0:
        time.sleep(wait + 0.01)
    _sql(path, "UPDATE users SET active = 1 WHERE name = '张三'")
    signing.sign(copy, second, "张三", PASSWORDS["张三"], "inspector")
    pdf = tmp_path / "b.pdf"
    signing.write_signed_reports(copy, second, pdf, tmp_path / "b.xlsx")
    return path, copy, pdf


def _revocation_time(folder: Path) -> dt.datetime:
    """The time the trust file's revocation list states for 张三's certificate (aware UTC)."""
    text = (folder / "trust.pem").read_text()
    crl = x509.load_pem_x509_crl(text[text.index("-----BEGIN X509 CRL") :].encode())
    return max(entry.revocation_date_utc for entry in crl)


def test_a_signature_made_after_the_revocation_does_not_verify(
    revoked: tuple[Database, Path, int, int], tmp_path: Path
) -> None:
    db, folder, _, second = revoked
    path, copy, pdf = _sign_after_revocation(db, folder, tmp_path, second)
    for name in ("b.pdf", "b.xlsx"):
        result = signing.verify_file(tmp_path / name, None, folder / "trust.pem")
        assert not result.ok
        said = [t for ok, t, zh in result.results if not ok and "revoked on" in t and "made after" in t]
        assert said and "张三" in said[0], result.lines
        assert any(zh.startswith("证书已于") and "吊销" in zh for ok, _, zh in result.results if not ok)
    # The database's copy of the CRL removed by SQL: the trust file still has it.
    _sql(path, "DELETE FROM revocation_lists")
    result = signing.verify_file(pdf, None, folder / "trust.pem")
    assert any("revoked on" in line and "made after" in line for line in _fails(result.lines)), result.lines
    # Verifying against the database alone (the pinned authority): the audit trail names the missing list.
    _sql(path, "UPDATE users SET active = 0 WHERE name = '张三'")  # hide the SQL re-enabling too
    record = verify_signed_record(copy, second)
    assert any("revocation lists:" in line and "is missing" in line for line in _fails(record.lines)), record.lines
    copy.close()


def test_a_revocation_list_forged_with_a_key_of_ones_own_is_refused(
    revoked: tuple[Database, Path, int, int], tmp_path: Path
) -> None:
    """Someone writes a CRL "revoking" 王经理's certificate a year ago, signed by a key of their own under the
    authority's name, into the database and into a copy of the trust file. It revokes nothing: refused, said."""
    db, folder, first, _ = revoked
    path, copy = _copy(db, tmp_path)
    anchor = trust.trusted_authority(db)
    own = ec.generate_private_key(ec.SECP256R1())
    then = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)
    forged = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(anchor.subject)
        .last_update(then)
        .next_update(then + dt.timedelta(days=3650))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(_certificate(db, "王经理").serial_number)
            .revocation_date(then)
            .build()
        )
        .sign(own, hashes.SHA256())
    )
    _sql(
        path,
        "INSERT INTO revocation_lists (authority_id, number, crl_der, issued_at) VALUES (1, 99, ?, ?)",
        forged.public_bytes(serialization.Encoding.DER),
        then.replace(tzinfo=None).isoformat(sep=" "),
    )
    trust_file = tmp_path / "trust.pem"
    trust_file.write_text((folder / "trust.pem").read_text() + forged.public_bytes(serialization.Encoding.PEM).decode())
    for database, anchors in ((copy, None), (None, trust_file)):
        result = signing.verify_file(folder / "a.pdf", database, anchors)
        assert not any("王经理" in line and "revoked" in line for line in result.lines), result.lines
        refused = [line for line in _fails(result.lines) if "not signed by the trust anchor were refused" in line]
        assert len(refused) == 1, result.lines
        assert any("张三" in line and "later revoked" in line for line in result.lines)  # the genuine list counts
    record = verify_signed_record(copy, first)
    assert any("not signed by the trust anchor were refused" in line for line in _fails(record.lines)), record.lines
    copy.close()


class _Backdated(dt.datetime):
    """``datetime`` whose ``now`` is an hour before the revocation (what a forger's clock says)."""

    moment: dt.datetime

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _Backdated:  # type: ignore[override]
        return cls.fromtimestamp(cls.moment.timestamp(), tz)


def test_a_signature_backdated_past_the_revocation_is_said(
    revoked: tuple[Database, Path, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The revoked 张三 re-enables themselves by SQL and signs with their clock set before the revocation: the
    signature row, its statement and its CMS all claim the earlier time. The audit trail recorded it later."""
    import export.crypto

    db, folder, _, second = revoked
    path, copy = _copy(db, tmp_path)
    revoked_at = signing.signatures_of(db, revoked[2])[-1].signed_at + dt.timedelta(seconds=1)
    _Backdated.moment = (revoked_at - dt.timedelta(hours=1)).replace(tzinfo=dt.UTC)
    monkeypatch.setattr(signing, "utcnow", lambda: _Backdated.moment.replace(tzinfo=None))
    monkeypatch.setattr(export.crypto, "dt", types.SimpleNamespace(datetime=_Backdated, UTC=dt.UTC))
    _sql(path, "UPDATE users SET active = 1 WHERE name = '张三'")
    signing.sign(copy, second, "张三", PASSWORDS["张三"], "inspector")
    monkeypatch.undo()
    _sql(path, "UPDATE users SET active = 0 WHERE name = '张三'")
    row = signing.signatures_of(copy, second)[0]
    assert row.signed_at < revoked_at  # what the forger's signature claims
    record = verify_signed_record(copy, second, folder / "trust.pem")
    fails = _fails(record.lines)
    assert any("the times disagree (backdated?)" in line and "audit trail recorded it at" in line for line in fails)
    assert any("revoked on" in line and "made after" in line for line in fails), record.lines
    copy.close()


def test_re_enabling_issues_a_new_certificate_and_the_old_stays_revoked(
    revoked: tuple[Database, Path, int, int], tmp_path: Path
) -> None:
    db, _, _, second = revoked
    path, copy = _copy(db, tmp_path)
    old = _certificate(copy, "张三")
    copy.close()
    url = f"sqlite:///{path}"
    done = fugong("--db", url, "users", "enable", "张三", "--user", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0 and "a new certificate was issued" in done.stdout, done
    exported = fugong("--db", url, "trust", "export", str(tmp_path / "trust.pem"))
    assert exported.returncode == 0, exported
    copy = open_database(url)
    new = _certificate(copy, "张三")
    assert new.serial_number != old.serial_number
    crl = x509.load_pem_x509_crl(
        (text := (tmp_path / "trust.pem").read_text())[text.index("-----BEGIN X509 CRL") :].encode()
    )
    assert crl.get_revoked_certificate_by_serial_number(old.serial_number) is not None
    assert crl.get_revoked_certificate_by_serial_number(new.serial_number) is None
    signing.sign(copy, second, "张三", PASSWORDS["张三"], "inspector")
    pdf = tmp_path / "b.pdf"
    signing.write_signed_reports(copy, second, pdf, None)
    result = signing.verify_file(pdf, None, tmp_path / "trust.pem")
    assert "revoked" not in " ".join(result.lines), result.lines
    assert not any("revoked" in line for line in verify_signed_record(copy, second).lines)
    copy.close()


def test_the_command_line_disables_with_the_managers_password(
    revoked: tuple[Database, Path, int, int], tmp_path: Path
) -> None:
    db, _, _, _ = revoked
    path, copy = _copy(db, tmp_path)
    copy.close()
    url = f"sqlite:///{path}"
    wrong = fugong("--db", url, "users", "disable", "李四", "--user", "王经理", stdin="not-the-password\n")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr, wrong
    done = fugong("--db", url, "users", "disable", "李四", "--user", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0 and "account 李四 disabled by 王经理; its certificates were revoked" in done.stdout
    copy = open_database(url)
    with copy.session() as session:
        numbers = session.scalars(select(AuditEntry.new).where(AuditEntry.table_name == "revocation_lists")).all()
    assert [n["number"] for n in numbers if n] == [1, 2]
    copy.close()
