"""Two-step sign-off, locked records, and verification — by this program and by independent tools."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from checklist.evaluation import Answer, Result
from export import signing
from export.crypto import SigningError
from export.trust import export_trust_file
from storage import auth, inspections
from storage.db import Database, open_database
from storage.errors import AuthenticationError, PermissionDeniedError, RecordLockedError
from tests import keys
from tests.cli import CommandResult
from tests.cli import fugong as run_fugong
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret", "审计员": "auditor-secret"}


@pytest.fixture(scope="module")
def signed_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, int, Path]:
    """One database with accounts and a completed inspection signed by both (signing is slow: done once)."""
    folder = tmp_path_factory.mktemp("signed")
    db = open_database(f"sqlite:///{folder / 'db.sqlite3'}")
    inspection_id = helpers.completed(db)
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "审计员", "auditor", PASSWORDS["审计员"], actor_password=PASSWORDS["王经理"])
    signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector", image_png=keys.signature_png())
    signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
    written = signing.write_signed_reports(db, inspection_id, folder / "report.pdf", folder / "report.xlsx")
    assert [p.name for p in written] == ["report.pdf", "report.xlsx", "report.xlsx.p7s"]
    export_trust_file(db, folder / "trust.pem")
    return db, inspection_id, folder


def _copy(folder: Path, tmp_path: Path) -> Path:
    for name in ("report.pdf", "report.xlsx", "report.xlsx.p7s", "trust.pem"):
        shutil.copy(folder / name, tmp_path / name)
    return tmp_path


def test_genuine_report_verifies(signed_db: tuple[Database, int, Path]) -> None:
    db, inspection_id, folder = signed_db
    for name in ("report.pdf", "report.xlsx"):
        result = signing.verify_file(folder / name, db)
        assert result.ok, result.lines
        assert sum(line.startswith("OK") and "chains to the anchor" in line for line in result.lines) == 2, result.lines
        assert any(line.startswith("OK   检查人与审核人") or "two different people" in line for line in result.lines)
        assert any("matches the stored record" in line for line in result.lines)
    inspection = inspections.load_inspection(db, inspection_id)
    assert inspection.status == "signed"
    assert [(s.meaning, s.signer_name, s.record_hash) for s in signing.signatures_of(db, inspection_id)] == [
        ("inspector", "张三", inspection.record_hash),
        ("approver", "王经理", inspection.record_hash),
    ]


def test_export_of_a_signed_record_is_byte_for_byte(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    db, inspection_id, folder = signed_db
    signing.write_signed_reports(db, inspection_id, tmp_path / "again.pdf", tmp_path / "again.xlsx")
    assert (tmp_path / "again.pdf").read_bytes() == (folder / "report.pdf").read_bytes()
    assert (tmp_path / "again.xlsx.p7s").read_bytes() == (folder / "report.xlsx.p7s").read_bytes()


def test_poppler_pdfsig_reports_valid_trusted_signatures(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    _, _, folder = signed_db
    for tool in ("pdfsig", "certutil"):
        assert shutil.which(tool), f"{tool} is missing: poppler-utils and libnss3-tools come with .ci/setup --dev"
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    pems = (folder / "trust.pem").read_text(encoding="ascii").split("-----END CERTIFICATE-----")
    for index, pem in enumerate(p for p in pems if "BEGIN" in p):
        cert = tmp_path / f"c{index}.pem"
        cert.write_text(pem.strip() + "\n-----END CERTIFICATE-----\n", encoding="ascii")
        subprocess.run(
            ["certutil", "-A", "-d", f"sql:{nss}", "-n", f"c{index}", "-t", "CT,C,C", "-i", str(cert)], check=True
        )
    out = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(folder / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2
    assert out.count("Certificate Validation: Certificate is Trusted.") == 2


def test_pyhanko_command_line_validates(signed_db: tuple[Database, int, Path]) -> None:
    _, _, folder = signed_db
    import sys

    beside = Path(sys.executable).parent / "pyhanko"  # the venv's scripts need not be on PATH
    pyhanko = str(beside) if beside.exists() else shutil.which("pyhanko")
    assert pyhanko is not None, "pyhanko-cli is a dev dependency"
    done = subprocess.run(
        [
            pyhanko,
            "sign",
            "validate",
            "--trust-replace",
            "--trust",
            str(folder / "trust.pem"),
            str(folder / "report.pdf"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and all(":INTACT:TRUSTED" in line for line in lines)


def test_openssl_accepts_the_workbook_signature(signed_db: tuple[Database, int, Path]) -> None:
    _, _, folder = signed_db
    done = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(folder / "report.xlsx.p7s"),
            "-content",
            str(folder / "report.xlsx"),
            "-CAfile",
            str(folder / "trust.pem"),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "Verification successful" in done.stderr, done.stderr


def test_tampered_pdf_fails(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    db, _, folder = signed_db
    copy = _copy(folder, tmp_path)
    data = bytearray((copy / "report.pdf").read_bytes())
    position = data.index(b"stream\n", 2000) + 40  # one byte inside a page content stream
    data[position] ^= 0x01
    (copy / "report.pdf").write_bytes(bytes(data))
    result = signing.verify_file(copy / "report.pdf", db)
    assert not result.ok
    assert any(line.startswith("FAIL ") and "'s signature: " in line for line in result.lines), result.lines


def test_tampered_workbook_fails(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    db, _, folder = signed_db
    copy = _copy(folder, tmp_path)
    data = bytearray((copy / "report.xlsx").read_bytes())
    data[len(data) // 2] ^= 0x01
    (copy / "report.xlsx").write_bytes(bytes(data))
    result = signing.verify_file(copy / "report.xlsx", db)
    assert not result.ok and any("changed after it was signed" in line for line in result.lines)


def test_signature_copied_into_another_report_fails(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    """A genuine .p7s beside another workbook (e.g. another inspection's report) does not verify."""
    db, inspection_id, folder = signed_db
    other = tmp_path / "other.xlsx"
    from export.reports import export_reports

    copy_id = inspections.new_version(db, "王经理", inspection_id, "复制测试")
    export_reports(db, copy_id, xlsx=other)
    shutil.copy(folder / "report.xlsx.p7s", tmp_path / "other.xlsx.p7s")
    result = signing.verify_file(other, db)
    assert not result.ok and any("changed after it was signed" in line for line in result.lines)


def test_signature_of_one_record_does_not_verify_another(signed_db: tuple[Database, int, Path]) -> None:
    """The record signature is bound to its record: checked against another record's content, it fails."""
    db, inspection_id, _ = signed_db
    import json

    from export.crypto import cms_validate_detached
    from export.trust import trusted_authority
    from storage.record import canonical_bytes, canonical_record, record_hash

    signature = signing.signatures_of(db, inspection_id)[0]
    other = inspections.load_inspection(db, inspections.new_version(db, "王经理", inspection_id, "绑定测试"))
    anchors = [trusted_authority(db)]
    own = inspections.load_inspection(db, inspection_id)
    assert signature.statement is not None  # what the signature signs: the record by its hash, and more
    statement = signature.statement.encode("utf-8")
    assert cms_validate_detached(signature.record_signature, statement, anchors)[0].intact
    assert json.loads(statement)["record_hash"] == record_hash(own) != record_hash(other)
    moved = statement.replace(record_hash(own).encode(), record_hash(other).encode())
    checks = cms_validate_detached(signature.record_signature, moved, anchors)
    assert checks and not checks[0].intact
    checks = cms_validate_detached(signature.record_signature, canonical_bytes(canonical_record(other)), anchors)
    assert checks and not checks[0].intact


def test_certificate_not_in_the_trust_store_fails(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    _, _, folder = signed_db
    from export.authority import new_authority, pem

    stranger = tmp_path / "stranger.pem"
    stranger.write_text(pem(new_authority("陌生机构")[1]), encoding="ascii")
    for name in ("report.pdf", "report.xlsx"):
        result = signing.verify_file(folder / name, None, stranger)
        assert not result.ok
        assert sum("does not chain to the trust anchor" in line for line in result.lines) == 2, result.lines


def test_raw_sql_change_of_the_signed_record_fails(signed_db: tuple[Database, int, Path], tmp_path: Path) -> None:
    db, inspection_id, folder = signed_db
    from storage.backup import backup

    copy = tmp_path / "tampered.sqlite3"
    backup(db, copy)  # a consistent copy (the live file is in WAL mode)
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE dormitory_rooms SET occupants = 4 WHERE inspection_id = ?", (inspection_id,))
    connection.commit()
    connection.close()
    tampered = open_database(f"sqlite:///{copy}")
    result = signing.verify_file(folder / "report.pdf", tampered)
    tampered.close()
    assert not result.ok
    assert any("was changed after signing" in line for line in result.lines)
    assert any("signature over record" in line and "does not verify" in line for line in result.lines)


def test_auditor_cannot_edit_or_sign(signed_db: tuple[Database, int, Path]) -> None:
    db, inspection_id, _ = signed_db
    copy_id = inspections.new_version(db, "王经理", inspection_id, "审计测试")
    with pytest.raises(PermissionDeniedError):
        inspections.save_answer(db, "审计员", copy_id, None, "GN-02", Answer(Result.FAIL))
    with pytest.raises(PermissionDeniedError, match="may sign"):
        signing.sign(db, copy_id, "审计员", PASSWORDS["审计员"], "inspector")


def test_signed_record_is_read_only(signed_db: tuple[Database, int, Path]) -> None:
    db, inspection_id, _ = signed_db
    auth.authenticate(db, "张三", PASSWORDS["张三"])  # this handle now acts for 张三
    with pytest.raises(RecordLockedError):
        inspections.save_answer(db, "张三", inspection_id, None, "GN-02", Answer(Result.FAIL))
    with pytest.raises(RecordLockedError, match="already has"):
        signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")


def test_wrong_password_or_role_changes_nothing(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    inspection_id = helpers.completed(db)
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    with pytest.raises(AuthenticationError):
        signing.sign(db, inspection_id, "张三", "not my password", "inspector")
    with pytest.raises(PermissionDeniedError, match="may sign as manager's approval"):
        signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "approver")
    with pytest.raises(RecordLockedError, match="needs the inspector"):
        signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
    assert inspections.load_inspection(db, inspection_id).status == "completed"
    assert signing.signatures_of(db, inspection_id) == []
    db.close()


def test_a_changed_password_unlocks_the_same_key(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    inspection_id = helpers.completed(db)
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    certificate = auth.get_user(db, "张三").certificate_pem
    with pytest.raises(AuthenticationError):
        signing.change_password(db, "张三", "not my password", "officer-new-secret")

    signing.change_password(db, "张三", PASSWORDS["张三"], "officer-new-secret")
    assert auth.get_user(db, "张三").certificate_pem == certificate  # the same key and certificate
    with pytest.raises(AuthenticationError):
        signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector")
    signing.sign(db, inspection_id, "张三", "officer-new-secret", "inspector")
    written = signing.write_signed_reports(db, inspection_id, tmp_path / "r.pdf", None)
    trust = tmp_path / "trust.pem"
    export_trust_file(db, trust)
    result = signing.verify_file(written[0], db, trust)
    assert not result.ok  # signed by the 检查人 only
    assert [line for line in result.lines if line.startswith("FAIL")] == [
        "FAIL approval missing: only the inspector has signed; the manager's approval is not in this file",
        "FAIL approval missing: record 1 has no manager's approval signature yet",
    ], result.lines
    db.close()


def _external_pkcs12(password: str) -> tuple[bytes, object]:
    """A key and certificate from some outside CA, as PKCS#12."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    from export.authority import issue, new_authority

    outside_key, outside = new_authority("外部 CA")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue(outside_key, outside, key.public_key(), "外部证书", "manager")
    blob = pkcs12.serialize_key_and_certificates(
        b"x", key, certificate, [outside], serialization.BestAvailableEncryption(password.encode())
    )
    return blob, key.public_key()


def test_imported_pkcs12_key_is_certified_by_the_company_authority(tmp_path: Path) -> None:
    from cryptography import x509

    from export.trust import trusted_authority

    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    blob, public_key = _external_pkcs12("ca-issued-1")
    signing.create_account(db, "setup", "王经理", "manager", "ca-issued-1", pkcs12=blob)
    certificate = x509.load_pem_x509_certificates(auth.get_user(db, "王经理").certificate_pem.encode())[0]
    assert certificate.public_key() == public_key  # the imported key is kept …
    assert certificate.issuer == trusted_authority(db).subject  # … and certified by the company authority
    with pytest.raises(SigningError):
        signing.create_account(
            db, "王经理", "张三", "officer", "another-pass", pkcs12=blob, actor_password="ca-issued-1"
        )
    db.close()


def test_cli_users_sign_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    inspection_id = helpers.completed(db)
    db.close()

    def fugong(*args: str, stdin: str = "") -> CommandResult:
        return run_fugong("--db", url, *args, stdin=stdin)

    first = fugong("users", "add", "王经理", "--role", "officer", stdin="manager-secret\n").stdout
    assert "王经理, manager (the first account is always a manager)" in first
    key_file = tmp_path / "zhangsan.p12"  # a key made beforehand (as by a CA), imported
    key_file.write_bytes(keys.premade_pkcs12("张三", "officer", "officer-secret"))
    done = fugong(
        "users",
        "add",
        "张三",
        "--role",
        "officer",
        "--by",
        "王经理",
        "--pkcs12",
        str(key_file),
        stdin="officer-secret\nmanager-secret\n",
    )
    assert done.returncode == 0, done.stderr
    done = fugong("sign", str(inspection_id), "--user", "张三", "--meaning", "inspector", stdin="wrong\n")
    assert done.returncode == 1 and "wrong password" in done.stderr
    done = fugong("sign", str(inspection_id), "--user", "张三", "--meaning", "approver", stdin="officer-secret\n")
    assert done.returncode == 1 and "may sign" in done.stderr
    done = fugong("users", "disable", "张三", "--by", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0 and "account 张三 disabled by 王经理" in done.stdout, done.stderr
    assert "张三" in fugong("users", "list").stdout.split("disabled")[0].splitlines()[-1]
    done = fugong("sign", str(inspection_id), "--user", "张三", "--meaning", "inspector", stdin="officer-secret\n")
    assert done.returncode == 1 and "is disabled" in done.stderr
    done = fugong("users", "enable", "张三", "--by", "王经理", stdin="manager-secret\n")
    assert done.returncode == 0 and "disabled" not in fugong("users", "list").stdout
    done = fugong("users", "passwd", "张三", stdin="wrong\nofficer-new-secret\n")
    assert done.returncode == 1 and "wrong password" in done.stderr
    done = fugong("users", "passwd", "张三", stdin="officer-secret\nofficer-new-secret\n")
    assert done.returncode == 0 and "password of 张三 changed" in done.stdout, done.stderr
    done = fugong("sign", str(inspection_id), "--user", "张三", "--meaning", "inspector", stdin="officer-secret\n")
    assert done.returncode == 1 and "wrong password" in done.stderr
    done = fugong("sign", str(inspection_id), "--user", "张三", "--meaning", "inspector", stdin="officer-new-secret\n")
    assert done.returncode == 0, done.stderr
    assert fugong("export", str(inspection_id), "--pdf", str(tmp_path / "r.pdf")).returncode == 0
    done = fugong("verify", str(tmp_path / "r.pdf"))
    assert done.returncode == 2 and "FAIL approval missing:" in done.stdout, done.stdout
    done = fugong("sign", str(inspection_id), "--user", "王经理", "--meaning", "approver", stdin="manager-secret\n")
    assert done.returncode == 0, done.stderr
    assert fugong("export", str(inspection_id), "--pdf", str(tmp_path / "r.pdf")).returncode == 0
    done = fugong("verify", str(tmp_path / "r.pdf"))
    assert done.returncode == 0 and "FAIL" not in done.stdout, done.stdout
    assert fugong("trust", "export", str(tmp_path / "trust.pem")).returncode == 0
    done = fugong("verify", str(tmp_path / "r.pdf"), "--trust", str(tmp_path / "trust.pem"))
    assert done.returncode == 0 and "trust anchor: the trust file trust.pem" in done.stdout, done.stdout
