"""Accounts with signing keys, the two-step sign-off, and verification of report files.

Sign-off: the inspector signs as 检查人 (this locks the record and produces the signed PDF and workbook, which
are stored byte for byte), then a manager reviews and countersigns as 单位主要负责人审核 (a PAdES incremental
update on the same PDF, and a second signer in the workbook's CMS). Every signature also signs the canonical
record itself, so it is bound to that record and cannot be carried over to another.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from checklist.workflow import MEANING_ZH, ROLE_ZH, SIGNING_ROLES, STATUS_ZH, InspectionStatus, Meaning
from export.crypto import (
    Identity,
    SigningError,
    certificate_sha256,
    cms_merge,
    cms_sign_detached,
    cms_verify_detached,
    generate_identity,
    rewrap_pkcs12,
    unlock_identity,
)
from storage import auth, inspections, verification
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError, RecordLockedError
from storage.logfile import logger
from storage.models import ReportFile, Signature, User, utcnow
from storage.record import canonical_bytes, canonical_record, record_hash
from storage.unit_of_work import unit_of_work

MEANINGS = MEANING_ZH
FIELDS: dict[str, str] = {Meaning.INSPECTOR: "Signature_Inspector", Meaning.APPROVER: "Signature_Approver"}


def create_account(
    db: Database, actor: str, name: str, role: str, password: str, pkcs12: bytes | None = None
) -> tuple[int, str]:
    """An account with its own signing key: a new key and certificate, or an imported PKCS#12 from a CA
    (which must open with the same password). Returns (id, role given)."""
    identity = unlock_identity(pkcs12, password) if pkcs12 else generate_identity(name.strip(), role, password)
    user_id, given = auth.create_user(db, actor, name, role, password)
    with unit_of_work(db, name.strip(), allowed=None) as session:
        user = session.get(User, user_id)
        assert user is not None
        user.pkcs12 = identity.pkcs12
        user.certificate_pem = identity.certificate_pem
    return user_id, given


def change_password(db: Database, name: str, old_password: str, new_password: str) -> None:
    """Change an account's password, re-encrypting its signing key with the new one (same key, same
    certificate: what it signed before stays valid)."""
    auth.change_password(
        db, name, old_password, new_password, lambda blob: rewrap_pkcs12(blob, old_password, new_password)
    )


def trusted_certificates(db: Database) -> list[str]:
    with db.session() as session:
        return [pem for pem in session.scalars(select(User.certificate_pem)) if pem]


@dataclass(frozen=True)
class SignOff:
    inspection_id: int
    meaning: str
    record_hash: str
    files: dict[str, bytes]


def _signers_of(session_signatures: Sequence[Signature]) -> list[object]:
    from export.content import Signer

    order = list(MEANINGS)
    return [
        Signer(s.signer_name, ROLE_ZH.get(s.role, s.role), MEANINGS[s.meaning], s.signed_at, s.image_png)
        for s in sorted(session_signatures, key=lambda s: order.index(s.meaning))
    ]


def _render(db: Database, inspection_id: int, signers: Sequence[object]) -> tuple[bytes, bytes]:
    """The report PDF and workbook as bytes (written through the normal exporter to a temporary folder)."""
    from export.reports import export_reports
    from storage.files import private_temp_dir

    with private_temp_dir("sign-") as folder:  # the unsigned report: never in the shared TMPDIR
        pdf, xlsx = folder / "report.pdf", folder / "report.xlsx"
        export_reports(db, inspection_id, pdf=pdf, xlsx=xlsx, signers=signers)  # type: ignore[arg-type]
        return pdf.read_bytes(), xlsx.read_bytes()


def _stamp(name: str, role: str, meaning: str, record: str) -> str:
    return (
        f"{MEANINGS[meaning]}：{name}（{ROLE_ZH.get(role, role)}）\n"
        f"时间：%(ts)s\n记录哈希：{record[:32]}\n{record[32:]}"
    )


def sign(
    db: Database, inspection_id: int, user_name: str, password: str, meaning: str, image_png: bytes | None = None
) -> SignOff:
    """Sign an inspection as ``meaning`` ('inspector' or 'approver'). Asks for the password again: only the
    signer can unlock the key. A wrong password, a role not allowed to sign, or a record in the wrong state
    changes nothing."""
    if meaning not in MEANINGS:
        raise InvalidInputError(f"meaning must be inspector or approver, not {meaning!r}")
    user = auth.authenticate(db, user_name, password)
    if user.role not in SIGNING_ROLES[Meaning(meaning)]:
        raise PermissionDeniedError(
            f"{user.name} is {user.role}: only {' or '.join(SIGNING_ROLES[Meaning(meaning)])} may sign as {MEANINGS[meaning]}; "
            "nothing was signed",
            f"{user.name}（{ROLE_ZH.get(user.role, user.role)}）不能以“{MEANINGS[meaning]}”身份签署；没有签署任何内容",
        )
    if not user.pkcs12:
        raise SigningError(f"{user.name} has no signing key; create or import one first")
    identity = unlock_identity(user.pkcs12, password)
    inspection = inspections.load_inspection(db, inspection_id)
    with db.session() as session:
        existing = list(session.scalars(select(Signature).where(Signature.inspection_id == inspection_id)))
    meanings = {s.meaning for s in existing}
    if meaning in meanings:
        raise RecordLockedError(
            f"inspection {inspection_id} already has its {MEANINGS[meaning]} signature",
            f"检查记录 #{inspection_id} 已有“{MEANINGS[meaning]}”签名",
        )
    if meaning == Meaning.INSPECTOR and inspection.status != InspectionStatus.COMPLETED:
        raise RecordLockedError(
            f"inspection {inspection_id} is {inspection.status}: complete it before signing",
            f"检查记录 #{inspection_id} 尚未完成，完成后才能签署",
        )
    if meaning == Meaning.APPROVER and Meaning.INSPECTOR not in meanings:
        raise RecordLockedError(
            f"inspection {inspection_id} needs the inspector's signature before approval",
            f"检查记录 #{inspection_id} 需先由检查人签署，再由单位主要负责人审核",
        )
    now = utcnow()
    digest = record_hash(inspection)
    record_signature = cms_sign_detached(canonical_bytes(canonical_record(inspection)), identity)
    signature = Signature(
        inspection_id=inspection_id,
        user_id=user.id,
        signer_name=user.name,
        role=user.role,
        meaning=meaning,
        signed_at=now,
        record_hash=digest,
        certificate_sha256=certificate_sha256(identity.certificate),
        record_signature=record_signature,
        image_png=image_png,
    )
    if meaning == Meaning.INSPECTOR:
        files = _first_signature(db, inspection_id, identity, signature, digest)
    else:
        files = _countersignature(db, inspection_id, identity, signature, digest)
    with unit_of_work(db, user.name, reason=f"以{MEANINGS[meaning]}身份签署") as session:
        if meaning == Meaning.INSPECTOR:
            inspections.lock_signed(session, inspections.get_inspection(session, inspection_id))
        else:
            locked = inspections.get_inspection(session, inspection_id)
            if record_hash(locked) != digest or locked.record_hash != digest:
                raise RecordLockedError(f"inspection {inspection_id} changed since the inspector signed it")
        session.add(signature)
        for kind, data in files.items():
            stored = session.scalar(
                select(ReportFile).where(ReportFile.inspection_id == inspection_id, ReportFile.kind == kind)
            )
            if stored is None:
                session.add(
                    ReportFile(
                        inspection_id=inspection_id, kind=kind, data=data, sha256=hashlib.sha256(data).hexdigest()
                    )
                )
            else:
                stored.data, stored.sha256 = data, hashlib.sha256(data).hexdigest()
    return SignOff(inspection_id, meaning, digest, files)


def _sign_report_pdf(pdf: bytes, identity: Identity, signature: Signature, digest: str) -> bytes:
    """Stamp ``signature`` into the slot the report reserved for its meaning (an incremental update)."""
    from export.pades import sign_pdf
    from export.pdf import signature_box

    meaning = signature.meaning
    page, box = signature_box(pdf, meaning)
    stamp = _stamp(signature.signer_name, signature.role, meaning, digest)
    return sign_pdf(
        pdf, identity, FIELDS[meaning], box, page, stamp, reason=MEANINGS[meaning], drawn_png=signature.image_png
    )


def _first_signature(
    db: Database, inspection_id: int, identity: Identity, signature: Signature, digest: str
) -> dict[str, bytes]:
    pdf, xlsx = _render(db, inspection_id, _signers_of([signature]))
    signed_pdf = _sign_report_pdf(pdf, identity, signature, digest)
    return {"pdf": signed_pdf, "xlsx": xlsx, "xlsx.p7s": cms_sign_detached(xlsx, identity)}


def _countersignature(
    db: Database, inspection_id: int, identity: Identity, signature: Signature, digest: str
) -> dict[str, bytes]:
    stored = stored_reports(db, inspection_id)
    signed_pdf = _sign_report_pdf(stored["pdf"], identity, signature, digest)
    p7s = cms_merge(stored["xlsx.p7s"], cms_sign_detached(stored["xlsx"], identity))
    return {"pdf": signed_pdf, "xlsx.p7s": p7s}


def stored_reports(db: Database, inspection_id: int) -> dict[str, bytes]:
    with db.session() as session:
        files = {
            f.kind: f.data for f in session.scalars(select(ReportFile).where(ReportFile.inspection_id == inspection_id))
        }
    if not files:
        raise NotFoundError(f"inspection {inspection_id} has no signed report files")
    return files


def write_signed_reports(db: Database, inspection_id: int, pdf: Path | None, xlsx: Path | None) -> list[Path]:
    """Write the stored signed files byte for byte (the workbook with its .p7s beside it)."""
    from storage.files import atomic_write

    files = stored_reports(db, inspection_id)
    written: list[Path] = []
    if pdf is not None:
        atomic_write(pdf, files["pdf"])
        written.append(pdf)
    if xlsx is not None:
        atomic_write(xlsx, files["xlsx"])
        p7s = xlsx.with_name(xlsx.name + ".p7s")
        atomic_write(p7s, files["xlsx.p7s"])
        written += [xlsx, p7s]
    return written


def signatures_of(db: Database, inspection_id: int) -> list[Signature]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Signature).where(Signature.inspection_id == inspection_id).order_by(Signature.signed_at)
            )
        )


# --- verification ---------------------------------------------------------------------------------------


@dataclass
class Verification(verification.CheckList):
    """A report file's signatures, signers and record (:func:`verify_file`)."""


MAX_TRUST_FILE_BYTES = 10_000_000
MAX_REPORT_BYTES = 500_000_000


def _trust_file_certificates(trust_file: Path) -> list[str]:
    """The PEM certificates of a ``--trust`` file; a file that holds none, or a damaged one, is refused
    (silently trusting nothing would read as "not trusted" and hide the mistake)."""
    from cryptography import x509

    try:
        if trust_file.stat().st_size > MAX_TRUST_FILE_BYTES:
            raise SigningError(f"{trust_file.name} is too large to be a file of trusted certificates")
        text = trust_file.read_text(encoding="ascii")
    except OSError as error:
        raise SigningError(f"cannot read the trust file {trust_file}: {error.strerror}; nothing was verified") from None
    except UnicodeDecodeError:
        raise SigningError(
            f"{trust_file.name} is not a PEM file of certificates (it is not plain text); nothing was verified"
        ) from None
    marker = "-----END CERTIFICATE-----"
    pems = [part.strip() + "\n" + marker + "\n" for part in text.split(marker) if "BEGIN CERTIFICATE" in part]
    if not pems:
        raise SigningError(f"{trust_file.name} holds no certificate (no BEGIN CERTIFICATE block); nothing was verified")
    for index, pem in enumerate(pems, 1):
        try:
            x509.load_pem_x509_certificate(pem.encode("ascii"))
        except ValueError:
            raise SigningError(
                f"certificate {index} of {trust_file.name} is damaged and cannot be read; nothing was verified"
            ) from None
    return pems


def _trusted(db: Database | None, trust_file: Path | None) -> list[str]:
    pems: list[str] = []
    if trust_file is not None:
        pems += _trust_file_certificates(trust_file)
    if db is not None:
        pems += trusted_certificates(db)
    return pems


def _record_from_pdf(pdf: bytes) -> dict[str, object] | None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return None
    for index in range(0, len(names), 2):
        spec = names[index + 1].get_object()
        stream = spec["/EF"]["/F"].get_object()
        try:
            document = json.loads(stream.data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(document, dict) and document.get("format") == "fugong.inspection/1":
            return document
    return None


def _record_from_xlsx(xlsx: bytes) -> tuple[int | None, str | None]:
    """The record id (from the report id FG-<id>-v<version> in the title) and hash (in the keywords)."""
    import re
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():  # a damaged workbook's complaints are not for the user's terminal
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(xlsx), read_only=True)
    try:
        properties = workbook.properties
        found = re.search(r"FG-(\d+)-v\d+", properties.title or "")
        digest = re.search(r"record-hash:([0-9a-f]{64})", properties.keywords or "")
        return (int(found[1]) if found else None), (digest[1] if digest else None)
    finally:
        workbook.close()


def verify_file(path: Path, db: Database | None = None, trust_file: Path | None = None) -> Verification:
    """Check a report file: every signature's integrity, each signer's certificate against the trusted ones
    (this database's accounts and/or ``trust_file``), and, when a database is reachable, that the document's
    record hash matches the stored, signed record. An unreadable file or trust file raises
    :class:`SigningError` in one sentence."""
    trusted = _trusted(db, trust_file)
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise SigningError(f"{path.name} is too large to be a report; nothing was verified")
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(f"cannot read {path}: {error.strerror}; nothing was verified") from None
    try:
        result, record_id, record_digest = _verify_signatures(path, data, trusted)
    except SigningError:
        raise
    except Exception as error:
        logger("verify").info("%s could not be read as a report", path.name, exc_info=True)
        kind = "PDF" if data.startswith(b"%PDF") else "workbook or its signature file"
        raise SigningError(
            f"{path.name} is damaged or is not a 复工自查 report: its {kind} cannot be read "
            f"({type(error).__name__}); nothing was verified",
            f"{path.name} 已损坏或不是复工自查报告，无法读取；没有验证任何内容",
        ) from None
    if db is not None and record_digest != _NO_RECORD:
        _check_against_database(result, db, record_id, record_digest)
    return result


_NO_RECORD = "(the signatures could not be checked)"


def _verify_signatures(path: Path, data: bytes, trusted: list[str]) -> tuple[Verification, int | None, str | None]:
    """The file's own checks (signatures, signers), and the record id and hash it names."""
    from export.pades import check_pdf_signatures

    result = Verification()
    record_id: int | None = None
    record_digest: str | None = None
    if path.suffix.lower() == ".pdf" and not data.startswith(b"%PDF"):
        raise SigningError(
            f"{path.name} is not a PDF (it does not start like one); nothing was verified",
            f"{path.name} 不是 PDF 文件；没有验证任何内容",
        )
    if data.startswith(b"%PDF"):
        checks = check_pdf_signatures(data, trusted)
        result.check(
            bool(checks), f"{len(checks)} signature(s) in {path.name}", f"{path.name} 中有 {len(checks)} 个签名"
        )
        for check in checks:
            good = check.intact and check.valid
            result.check(
                good,
                f"signature {check.field} by {check.signer}: {'intact' if good else check.reason} ({check.coverage})",
                f"{check.signer} 的签名 {check.field}：{'完好' if good else '无效：' + check.reason}（{check.coverage}）",
            )
            _check_trust(result, check.trusted, check.certificate_sha256)
        document = _record_from_pdf(data)
        if document is None:
            result.check(
                False, "the PDF carries no fugong.inspection/1 record", "该 PDF 没有附带 fugong.inspection/1 记录"
            )
        else:
            record_digest = str(document.get("record_hash"))
            inspection = document.get("inspection")
            named = inspection.get("id") if isinstance(inspection, dict) else None
            record_id = named if isinstance(named, int) and 0 < named < 2**63 else None
    else:
        p7s = path.with_name(path.name + ".p7s")
        if not p7s.exists():
            result.check(False, f"{p7s.name} (the detached signature) is missing", f"缺少签名文件 {p7s.name}")
            return result, None, _NO_RECORD
        fingerprints = set()
        from cryptography import x509

        for pem in trusted:
            fingerprints.add(certificate_sha256(x509.load_pem_x509_certificate(pem.encode("ascii"))))
        try:
            signers = cms_verify_detached(p7s.read_bytes(), data, fingerprints)
        except SigningError as error:
            result.check(False, str(error), f"签名文件 {p7s.name} 无法读取：{error}")
            return result, None, _NO_RECORD
        result.check(
            bool(signers), f"{len(signers)} signature(s) in {p7s.name}", f"{p7s.name} 中有 {len(signers)} 个签名"
        )
        for signer in signers:
            reason = signer.reason.split(";")[0]
            result.check(
                signer.intact,
                f"signature by {signer.subject}: {reason}",
                f"{signer.subject} 的签名：{'完好' if signer.intact else '无效'}（{reason}）",
            )
            _check_trust(result, signer.trusted, signer.certificate_sha256)
        record_id, record_digest = _record_from_xlsx(data)
    return result, record_id, record_digest


def _check_trust(result: Verification, trusted: bool, fingerprint: str) -> None:
    result.check(
        trusted,
        f"signer certificate {fingerprint[:16]}… " + ("is trusted" if trusted else "is not in the trust store"),
        f"签名人证书 {fingerprint[:16]}… " + ("受信任" if trusted else "不在受信任的证书中"),
    )


def _check_against_database(
    result: Verification, db: Database, record_id: int | None, record_digest: str | None
) -> None:
    if record_id is None or record_digest is None:
        result.check(False, "the document does not name its record and hash", "该文件没有写明所属记录及其哈希")
        return
    try:
        inspection = inspections.load_inspection(db, record_id)
    except NotFoundError:
        result.check(False, f"record {record_id} is not in this database", f"本数据库中没有记录 #{record_id}")
        return
    status_zh = STATUS_ZH.get(inspection.status, inspection.status)
    result.check(
        inspection.status == InspectionStatus.SIGNED,
        f"record {record_id} is {inspection.status} in the database",
        f"记录 #{record_id} 在数据库中的状态：{status_zh}",
    )
    matches = inspection.record_hash == record_digest
    result.check(
        matches,
        f"the document's record hash {record_digest[:16]}… "
        + ("matches" if matches else "does not match")
        + f" the stored record {record_id}",
        f"文件中的记录哈希 {record_digest[:16]}… 与保存的记录 #{record_id} " + ("一致" if matches else "不一致"),
    )
    record = verification.verify_record(db, record_id)
    result.check(
        record.ok,
        f"stored record {record_id} " + ("is unchanged since signing" if record.ok else "was changed after signing"),
        f"保存的记录 #{record_id} " + ("自签署以来未被改动" if record.ok else "在签署后被改动过"),
    )
    for signature in signatures_of(db, record_id):
        valid = cms_verify_detached(
            signature.record_signature, canonical_bytes(canonical_record(inspection)), {signature.certificate_sha256}
        )
        good = bool(valid) and all(v.intact and v.trusted for v in valid) and signature.record_hash == record_digest
        result.check(
            good,
            f"{MEANINGS[signature.meaning]} {signature.signer_name}'s signature over record "
            f"{record_id} " + ("verifies" if good else "does not verify"),
            f"{MEANINGS[signature.meaning]} {signature.signer_name} 对记录 #{record_id} 的签名"
            + ("验证通过" if good else "验证不通过"),
        )
