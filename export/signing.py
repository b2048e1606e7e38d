"""Accounts with signing keys, the two-step sign-off, and verification of report files.

Sign-off: the inspector signs as 检查人 (this locks the record and produces the signed PDF and workbook, which
are stored byte for byte), then a manager reviews and countersigns as 单位主要负责人审核 (a PAdES incremental
update on the same PDF, and a second signer in the workbook's CMS). Every signature also signs the canonical
record itself, so it is bound to that record and cannot be carried over to another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from checklist.messages import Both, Message, msg
from checklist.workflow import MEANING_ZH, ROLE_ZH, SIGNING_ROLES, Meaning, role_signs
from export.crypto import (
    Identity,
    SigningError,
    certificate_sha256,
    cms_merge,
    cms_sign_detached,
    cms_validate_detached,
    load_pkcs12,
    new_signing_key,
    reseal,
    unlock_identity,
)
from export.revocation import Revocations
from storage import auth, inspections, verification
from storage.db import Database
from storage.errors import InvalidInputError, KnownError, NotFoundError, PermissionDeniedError, RecordLockedError
from storage.logfile import logger
from storage.models import Inspection, ReportFile, Signature, User, utcnow
from storage.record import canonical_bytes, canonical_record, record_hash
from storage.stored_json import mapping
from storage.unit_of_work import unit_of_work, users_exist

MEANINGS = MEANING_ZH
FIELDS: dict[str, str] = {Meaning.INSPECTOR: "Signature_Inspector", Meaning.APPROVER: "Signature_Approver"}


def _meaning(meaning: str | None) -> Message | Both:
    """A signature's meaning as a word of either language (检查人 / inspector); one it does not know, as written."""
    return msg(f"signoff.{meaning}") if meaning in set(Meaning) else Both(str(meaning), f"“{meaning}”")


def _role(role: str | None) -> Message | Both:
    """A role as a word of either language (安全员 / officer); none or one it does not know, as written."""
    if not role:
        return Both("(none)", "（无）")
    return (
        msg(f"role.{role}")
        if f"role.{role}" in {"role.officer", "role.manager", "role.auditor"}
        else Both(role, f"“{role}”")
    )


def _roles(roles: Sequence[str]) -> Both:
    """Roles joined by "or" / "或"."""
    said = [_role(role) for role in roles]
    return Both(" or ".join(r.en for r in said), "或".join(r.zh for r in said))


def _said(message: Message) -> tuple[str, str]:
    """A catalogue message as the (English, Chinese) pair a verification's check line carries."""
    return message.en, message.zh


def _roles_for(meaning: str | None) -> tuple[str, ...]:
    """The roles allowed to sign with ``meaning`` (none for a meaning this product does not know)."""
    return tuple(SIGNING_ROLES[Meaning(meaning)]) if meaning in set(Meaning) else ()


def create_account(
    db: Database,
    actor: str,
    name: str,
    role: str,
    password: str,
    pkcs12: bytes | None = None,
    *,
    actor_password: str | None = None,
) -> tuple[int, str]:
    """An account with its own signing key and a certificate from the company's signing authority (a role that
    signs: :func:`checklist.workflow.role_signs`; an auditor's account gets neither). Returns (id, role given).

    The first account (the 单位主要负责人) also creates the authority, sealed with its password, and pins the
    authority on this computer. Every later account is created by a manager (``actor``), whose password
    (``actor_password``) unlocks the authority to issue the certificate; a new manager gets their own sealed
    copy of the authority key. ``pkcs12`` imports a key from elsewhere (same password as the account): the
    key is kept, and the company authority certifies it (the imported certificate is not used).
    """
    from export import authority, grants, keys, trust

    name = name.strip()
    with db.session() as session:
        first = not users_exist(session)
        existing_authority = authority.stored_authority(session)
    signs = first or role_signs(role)  # the first account is always a manager
    if pkcs12 and not signs:
        raise InvalidInputError(msg("account.key_for_non_signer", role=_role(role)))
    key = (load_pkcs12(pkcs12, password)[0] if pkcs12 else new_signing_key()) if signs else None
    if first:
        if existing_authority is not None:
            raise authority.AuthorityError(
                "this database has a signing authority but no accounts: it was not made by this program; nothing "
                "was changed",
                "本数据库没有账户却已有签名机构：不是由本程序创建的；没有修改任何数据",
            )
        stale = trust.pinned(db)
        if stale is not None:
            raise trust.TrustError(
                f"this computer already trusts a signing authority ({stale[:16]}…) for a database at this place; "
                f"if you are starting over on purpose, remove its line from {trust.settings_path()}; nothing was "
                "changed",
                f"本机已为此位置的数据库信任一个签名机构（{stale[:16]}…）；如确要重新开始，请从 "
                f"{trust.settings_path()} 中删除该行；没有修改任何数据",
            )
        authority_key, authority_cert = authority.new_authority()
    else:
        if actor_password is None:
            raise authority.AuthorityError(
                f"{actor}'s password is needed to issue the new account's certificate; nothing was changed",
                f"签发新账户的证书需要 {actor} 的密码；没有修改任何数据",
            )
        auth.authenticate(db, actor, actor_password)
        authority_key, authority_cert = grants.unlock(db, actor, actor_password)
    user_id, given = auth.create_user(db, actor, name, role, password)
    with unit_of_work(db, name, allowed=None) as session:
        user = session.get(User, user_id)
        assert user is not None
        if key is not None:
            certificate = authority.issue(authority_key, authority_cert, key.public_key(), name, given)
            user.pkcs12 = keys.seal(key, password)
            user.certificate_pem = Identity(key, certificate, (authority_cert,)).certificate_pem
        if first:
            authority.add_authority(session, authority_cert, authority_key, user_id, password)
        elif given == "manager":
            authority.grant(session, authority_key, user_id, password)
    if first:
        trust.pin(db, authority.fingerprint(authority_cert))
    return user_id, given


def change_password(db: Database, name: str, old_password: str, new_password: str) -> None:
    """Change an account's password, re-sealing its signing key (and a manager's copy of the authority key)
    with the new one in the same transaction (same key, same certificate: what it signed stays valid)."""
    from export import authority, grants

    grants.claim_quietly(db, auth.authenticate(db, name, old_password).name, old_password)  # then re-sealed below
    auth.change_password(
        db,
        name,
        old_password,
        new_password,
        lambda blob: reseal(blob, old_password, new_password),
        also=lambda session, user_id: authority.reseal_for(session, user_id, old_password, new_password),
    )


def change_role(db: Database, manager: str, manager_password: str, name: str, role: str) -> str:
    """A manager gives another account a new role; return the role it had.

    Its certificate is re-issued by the company authority (unlocked with the manager's password) for the
    same key with the new role, in the same audited transaction; what it signed before keeps the certificate
    it was signed with, so verification reads the role it held at signing. Never one's own role, and never
    the last active manager. A manager who loses the role loses their copy of the authority key (and any
    pending grant); an account that becomes manager gets a pending grant of it, wrapped to its own public key
    (``export.grants``), which becomes its own sealed copy at its next password use. The certificate it
    held is revoked (superseded): the old role cannot sign anything new.
    """
    from checklist.workflow import ACCOUNT_ADMIN_ROLES, Role
    from export import authority, grants, revocation
    from storage.unit_of_work import check_permission

    if role not in set(Role):
        raise InvalidInputError(
            f"role {role!r} is not one of {', '.join(Role)}; nothing was changed",
            f"角色 {role!r} 不是 {'、'.join(Role)} 之一；没有修改任何数据",
        )
    user = auth.authenticate(db, manager, manager_password)
    with db.session() as session:
        check_permission(session, user.name, ACCOUNT_ADMIN_ROLES, "change roles", db.principal)
    key, certificate = grants.unlock(db, user.name, manager_password)
    with unit_of_work(
        db, user.name, reason=f"角色改为{ROLE_ZH.get(role, role)}", allowed=ACCOUNT_ADMIN_ROLES
    ) as session:
        account = session.scalar(select(User).where(User.name == name.strip()))
        if account is None:
            raise NotFoundError(f"no account {name!r}; nothing was changed", f"没有账户“{name}”；没有修改任何数据")
        if account.name == user.name:
            raise InvalidInputError(
                "you cannot change your own role; nothing was changed", "不能修改自己的角色；没有修改任何数据"
            )
        before = account.role
        if before == role:
            return before
        if role_signs(role) and not account.pkcs12:  # an auditor's account: no key to certify for signing
            raise InvalidInputError(
                msg("account.no_key_for_role", name=account.name, before=_role(before), role=_role(role))
            )
        if before == Role.MANAGER:
            others = session.scalars(
                select(User.id).where(User.role == Role.MANAGER, User.active.is_(True), User.id != account.id)
            ).all()
            if not others:
                raise InvalidInputError(
                    "that would leave no active manager; nothing was changed",
                    "这样将没有在职的单位主要负责人；没有修改任何数据",
                )
        if role != Role.MANAGER:
            grants.withdraw(session, account.id)
        if account.certificate_pem:
            public_key = grants.certified_key(account, certificate)
            superseded = x509.load_pem_x509_certificates(account.certificate_pem.encode("ascii"))[:1]
            revocation.revoke(session, key, certificate, superseded, revocation.SUPERSEDED)
            issued = authority.issue(key, certificate, public_key, account.name, role)
            account.certificate_pem = Identity(key, issued, (certificate,)).certificate_pem
        account.role = role
        if role == Role.MANAGER and account.certificate_pem:
            session.flush()
            grants.add_grant(session, key, certificate, account, user.id)
    return before


def set_account_active(db: Database, manager: str, manager_password: str, name: str, active: bool) -> None:
    """A manager disables an account (someone left) or enables it again, typing their password.

    Disabling also deletes any pending grant of the authority key and has the authority (unlocked by the
    manager's password) sign a revocation list naming every certificate it issued to the account, revoked
    now: a signature made with them afterwards no longer verifies. Enabling issues a new certificate for the
    same key; the old ones stay revoked. One audited transaction. A database without a signing authority (made
    before schema 0006 and not yet ``trust init``-ed) only changes the account's state."""
    from export import authority, grants, revocation

    user = auth.authenticate(db, manager, manager_password)
    with db.session() as session:
        has_authority = authority.stored_authority(session) is not None
    if not has_authority:
        auth.set_active(db, user.name, name, active)
        return
    key, certificate = grants.unlock(db, user.name, manager_password)

    def also(session: Session, account: User) -> None:
        if not active:
            issued = revocation.account_certificates(session, account, certificate)
            revocation.revoke(session, key, certificate, issued, revocation.DISABLED)
        elif account.certificate_pem:
            public_key = grants.certified_key(account, certificate)
            renewed = authority.issue(key, certificate, public_key, account.name, account.role)
            account.certificate_pem = Identity(key, renewed, (certificate,)).certificate_pem

    auth.set_active(db, user.name, name, active, also=also)


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
        raise InvalidInputError(msg("sign.meaning_unknown", meaning=meaning))
    user = auth.authenticate(db, user_name, password)
    from export.grants import claim_quietly

    claim_quietly(db, user.name, password)  # a manager promoted since: their copy of the authority key
    if user.role not in SIGNING_ROLES[Meaning(meaning)]:
        raise PermissionDeniedError(
            msg(
                "sign.role_may_not",
                name=user.name,
                role=_role(user.role),
                roles=_roles(SIGNING_ROLES[Meaning(meaning)]),
                meaning=_meaning(meaning),
            )
        )
    if not user.pkcs12:
        raise SigningError(msg("sign.no_key", name=user.name))
    identity = unlock_identity(user.pkcs12, user.certificate_pem, password)
    inspection = inspections.load_inspection(db, inspection_id)
    with db.session() as session:
        existing = list(session.scalars(select(Signature).where(Signature.inspection_id == inspection_id)))
    meanings = {s.meaning for s in existing}
    if meaning in meanings:
        raise _already_signed(inspection_id, meaning)
    if meaning == "inspector" and inspection.status != "completed":
        raise RecordLockedError(
            f"inspection {inspection_id} is {inspection.status}: complete it before signing",
            f"检查记录 #{inspection_id} 尚未完成，完成后才能签署",
        )
    if meaning == "approver" and any(s.meaning == "inspector" and s.user_id == user.id for s in existing):
        raise PermissionDeniedError(msg("sign.approver_is_inspector", name=user.name, id=inspection_id))
    if meaning == "approver" and "inspector" not in meanings:
        raise RecordLockedError(
            f"inspection {inspection_id} needs the inspector's signature before approval",
            f"检查记录 #{inspection_id} 需先由检查人签署，再由单位主要负责人审核",
        )
    now = utcnow()
    digest = record_hash(inspection)
    signature = Signature(
        inspection_id=inspection_id,
        user_id=user.id,
        signer_name=user.name,
        role=user.role,
        meaning=meaning,
        signed_at=now,
        record_hash=digest,
        certificate_sha256=certificate_sha256(identity.certificate),
        image_png=image_png,
    )
    if meaning == "inspector":
        files = _first_signature(db, inspection_id, identity, signature, digest)
        kept = files
    else:
        files = _countersignature(db, inspection_id, identity, signature, digest)
        kept = {**stored_reports(db, inspection_id), **files}
    statement = signature_statement(signature, _audit_head(db), kept)
    signature.statement = statement.decode("utf-8")
    signature.record_signature = cms_sign_detached(statement, identity, meaning)
    with unit_of_work(db, user.name, reason=f"以{MEANINGS[meaning]}身份签署") as session:
        # The checks above read the record before the signature was made, outside this transaction: another
        # client may have signed, or reopened, changed and completed it again, in the meantime. Lock the
        # record's row (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers) and check again.
        session.execute(select(Inspection.id).where(Inspection.id == inspection_id).with_for_update())
        if session.scalar(
            select(Signature.id).where(Signature.inspection_id == inspection_id, Signature.meaning == meaning)
        ):
            raise _already_signed(inspection_id, meaning)
        locked = inspections.get_inspection(session, inspection_id)
        if meaning == "inspector":
            if locked.version != inspection.version or record_hash(locked) != digest:
                raise RecordLockedError(msg("sign.changed_while_signing", id=inspection_id))
            inspections.lock_signed(session, locked)
        elif record_hash(locked) != digest or locked.record_hash != digest:
            raise RecordLockedError(msg("sign.changed_since_inspector", id=inspection_id))
        from export import keys

        account = session.get(User, user.id)
        if account is not None and account.pkcs12 and not keys.is_sealed(account.pkcs12):
            account.pkcs12 = keys.seal(identity.key, password)  # a key stored before schema 0006, sealed now
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


def _already_signed(inspection_id: int, meaning: str) -> RecordLockedError:
    return RecordLockedError(msg("sign.already", id=inspection_id, meaning=_meaning(meaning)))


STATEMENT_FORMAT = "fugong.signature/1"


def _audit_head(db: Database) -> dict[str, object]:
    """The audit chain's head before the signature: the statement binds the whole trail up to it."""
    from storage.models import AuditHead

    with db.session() as session:
        head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    return {"seq": head.seq, "hash": head.hash}


def signature_statement(signature: Signature, audit_head: dict[str, object], files: dict[str, bytes]) -> bytes:
    """What a signature signs (from schema 0007), canonical JSON: the record by its hash, the signature row's
    own fields (signer, account, role, meaning, time, certificate, drawn signature), the audit chain's head at
    signing, and the report files stored once it is made (size and SHA-256 of each). Changing any of them by
    SQL, or copying another record's signed files in, makes the signature no longer match."""
    document = {
        "format": STATEMENT_FORMAT,
        "inspection": signature.inspection_id,
        "record_hash": signature.record_hash,
        "meaning": signature.meaning,
        "signer": signature.signer_name,
        "user_id": signature.user_id,
        "role": signature.role,
        "signed_at": signature.signed_at.isoformat(),
        "certificate_sha256": signature.certificate_sha256,
        "image_sha256": hashlib.sha256(signature.image_png).hexdigest() if signature.image_png else None,
        "audit_head": audit_head,
        "files": {
            kind: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for kind, data in sorted(files.items())
        },
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _sign_report_pdf(pdf: bytes, identity: Identity, signature: Signature, digest: str) -> bytes:
    """Stamp ``signature`` into the slot the report reserved for its meaning (an incremental update)."""
    from export.pades import sign_pdf
    from export.pdf import signature_box

    meaning = signature.meaning
    page, box = signature_box(pdf, meaning)
    stamp = _stamp(signature.signer_name, signature.role, meaning, digest)
    opaque = meaning == "approver"  # its box was printed before it signed: the stamp carries all of it
    if opaque:
        from export.pdf import signing_times

        utc = signature.signed_at.replace(tzinfo=dt.UTC)
        stamp = (
            f"{MEANINGS[meaning]}\n姓名：{signature.signer_name}\n职务：{ROLE_ZH.get(signature.role, signature.role)}\n"
            f"签署时间：{signing_times(utc)}\n记录哈希：{digest[:32]}\n{digest[32:]}"
        )
    return sign_pdf(
        pdf,
        identity,
        FIELDS[meaning],
        box,
        page,
        stamp,
        reason=MEANINGS[meaning],
        drawn_png=signature.image_png,
        meaning=meaning,
        opaque=opaque,
    )


def _first_signature(
    db: Database, inspection_id: int, identity: Identity, signature: Signature, digest: str
) -> dict[str, bytes]:
    pdf, xlsx = _render(db, inspection_id, _signers_of([signature]))
    signed_pdf = _sign_report_pdf(pdf, identity, signature, digest)
    return {"pdf": signed_pdf, "xlsx": xlsx, "xlsx.p7s": cms_sign_detached(xlsx, identity, "inspector")}


def _countersignature(
    db: Database, inspection_id: int, identity: Identity, signature: Signature, digest: str
) -> dict[str, bytes]:
    stored = stored_reports(db, inspection_id)
    # Another approver may have signed since sign() looked: the files and their signature row are written in one
    # transaction, so files read with that signature in them mean the row is visible now — said in a sentence,
    # not as the PDF library's "field filled already" (the eight-client test found it). A signature made after
    # this read is caught under the row lock in sign().
    with db.session() as session:
        if session.scalar(
            select(Signature.id).where(Signature.inspection_id == inspection_id, Signature.meaning == signature.meaning)
        ):
            raise _already_signed(inspection_id, signature.meaning)
    signed_pdf = _sign_report_pdf(stored["pdf"], identity, signature, digest)
    p7s = cms_merge(stored["xlsx.p7s"], cms_sign_detached(stored["xlsx"], identity, "approver"))
    return {"pdf": signed_pdf, "xlsx.p7s": p7s}


def stored_reports(db: Database, inspection_id: int) -> dict[str, bytes]:
    with db.session() as session:
        files = {
            f.kind: f.data for f in session.scalars(select(ReportFile).where(ReportFile.inspection_id == inspection_id))
        }
    if not files:
        raise NotFoundError(msg("sign.no_report_files", id=inspection_id))
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


def translation_note(db: Database, inspection_id: int, language: str, number: str | None = None) -> str:
    """The cover line of a translated copy of a signed record, in ``language``: which signed report it
    translates (its number — ``number`` if the caller has read it, see :func:`_signed_number` — and record hash),
    that it carries no signature and the original is what verifies, and the signatures on record — who, as what,
    when (company time, UTC beside it)."""
    from checklist.company import COMPANY_TIME

    if number is None:
        number = _signed_number(db, inspection_id)
    with db.session() as session:
        stored_hash = session.scalar(select(Inspection.record_hash).where(Inspection.id == inspection_id))
    rows = signatures_of(db, inspection_id)
    said = []
    for row in rows:
        utc = row.signed_at.replace(tzinfo=dt.UTC) if row.signed_at.tzinfo is None else row.signed_at
        at = f"{utc.astimezone(COMPANY_TIME):%Y-%m-%d %H:%M} (UTC+8; {utc:%H:%M} UTC)"
        signer = msg(
            "report.translation_signer",
            name=row.signer_name,
            role=_role(row.role),
            meaning=_meaning(row.meaning),
            at=at,
        )
        said.append(signer.render(language))
    digest = rows[0].record_hash if rows else (stored_hash or "")
    separator = "; " if language.lower().startswith("en") else "；"
    signatures = separator.join(said) or msg("word.none").render(language)
    return msg("report.translation", report=number, hash=digest[:16], signatures=signatures).render(language)


def write_translation(
    db: Database, inspection_id: int, pdf: Path | None, xlsx: Path | None, language: str = "en"
) -> list[Path]:
    """A signed record's report in another language: a translation, not signed itself (its cover says so and
    names the signatures on record). The signed Chinese files stay the originals: :func:`write_signed_reports`
    writes them byte for byte."""
    from export.reports import ExportOptions, export

    number = _signed_number(db, inspection_id)  # the translation carries the original's number
    note = translation_note(db, inspection_id, language, number)
    version = int(number.rsplit("-v", 1)[1]) if "-v" in number else None
    options = ExportOptions(inspection_id, pdf, xlsx, language=language, translation=note, translated_version=version)
    return export(db, options)


def _signed_number(db: Database, inspection_id: int) -> str:
    """The number (FG-<id>-v<version>) record ``inspection_id``'s signed reports were made with, read from its
    stored signed workbook — the countersignature moves the record's version on, not the signed files' number —
    or FG-<id> where no signed workbook says it."""
    with db.session() as session:
        workbook = session.scalar(
            select(ReportFile.data).where(ReportFile.inspection_id == inspection_id, ReportFile.kind == "xlsx")
        )
    return (_report_number(workbook) if workbook else None) or f"FG-{inspection_id}"


def _report_number(xlsx: bytes) -> str | None:
    """The report number (FG-<id>-v<version>) the signed workbook was made with, from its title."""
    import re
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(xlsx), read_only=True)
    try:
        found = re.search(r"FG-\d+-v\d+", workbook.properties.title or "")
        return found[0] if found else None
    finally:
        workbook.close()


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


@dataclass(frozen=True)
class FileSigner:
    """One signature of a report file as the verification sees it, in signing order."""

    meaning: str | None  # inspector / approver, or None when the file does not say
    certificate: x509.Certificate | None
    fingerprint: str
    good: bool  # intact, valid and chaining to the anchor
    signing_time: dt.datetime | None = None  # as the signature claims it


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


MAX_REPORT_BYTES = 500_000_000


# pyHanko's names for what a signature covers, in words (the check lines a user reads).
_COVERAGE = {
    "ENTIRE_FILE": ("covers the whole file", "覆盖整个文件"),
    "ENTIRE_REVISION": (
        "covers the file as it was when signed; later additions follow",
        "覆盖签署时的整个文件，其后另有追加",
    ),
    "CONTENT_ONLY": ("covers only part of the file", "只覆盖文件的一部分"),
}
_REASONS_ZH = {
    "the signed bytes were changed": "签署后的内容被改动过",
    "the signature does not verify": "签名验证不通过",
    "the signer's certificate does not chain to the trust anchor": "签署人的证书不能追溯到信任锚",
    "the document was modified after signing beyond form filling": "签署后文件被改动（超出填写签名栏）",
    "signature valid": "签名有效",
    "signature intact": "签名完好",
    "the document was changed after it was signed": "签署后文件被改动过（摘要不符）",
    "the signature does not match the signed data": "签名与所签数据不符",
    "the signature cannot be read": "签名无法读取",
}


def _coverage_words(coverage: str) -> tuple[str, str]:
    return _COVERAGE.get(coverage, (coverage.lower().replace("_", " ") or "coverage unknown", "覆盖范围未知"))


def _reason_zh(reason: str) -> str:
    """pyHanko's findings, as export.pades words them, in Chinese."""
    said = []
    for part in reason.split("; "):
        known = next((zh for en, zh in _REASONS_ZH.items() if part.startswith(en)), "签名无效")
        said.append(known)
    return "；".join(said)


def _signature_said(name: str, good: bool, reason: str, coverage: Both) -> Message:
    """One signature of a report file as verification says it: good, or bad with pyHanko's reason."""
    if good:
        return msg("verify.signature_good", name=name, coverage=coverage)
    return msg("verify.signature_bad", name=name, reason=Both(reason, _reason_zh(reason)), coverage=coverage)


def verify_file(path: Path, db: Database | None = None, trust_file: Path | None = None) -> Verification:
    """:func:`_verify_file`, with whatever a damaged or foreign file makes a library raise said in one sentence
    (:class:`SigningError`), the details in the log file."""
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise SigningError(msg("verify.too_large", name=path.name))
    except OSError as error:
        raise SigningError(msg("verify.cannot_read", path=str(path), reason=str(error.strerror))) from None
    if path.suffix.lower() == ".pdf":
        with path.open("rb") as file:
            start = file.read(4)
        if start != b"%PDF":
            raise SigningError(
                f"{path.name} is not a PDF (it does not start like one); nothing was verified",
                f"{path.name} 不是 PDF 文件；没有验证任何内容",
            )
    try:
        return _verify_file(path, db, trust_file)
    except KnownError:  # said in words already: a bad trust file, a refused signature file
        raise
    except Exception as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: BaseException) -> SigningError:
    """A report file that a library cannot read, in one sentence (the details go to the log file)."""
    logger("verify").info("%s could not be read as a report", path.name, exc_info=error)
    return SigningError(
        f"{path.name} is damaged or is not a 复工自查 report ({type(error).__name__}); nothing was verified",
        f"{path.name} 已损坏或不是复工自查报告，无法读取；没有验证任何内容",
    )


def _verify_file(path: Path, db: Database | None, trust_file: Path | None) -> Verification:
    """Check a report file (a PDF, or a workbook with its ``.p7s`` beside it), one check per line:

    - the trust anchor: the ``trust_file``'s certificates, else the database's signing authority if it is the
      one pinned on this computer — never the accounts' certificates in the database;
    - each signature with pyHanko: intact, valid, its certificate chaining to the anchor, nothing changed
      after it beyond the next signature;
    - who signed: 检查人 then 单位主要负责人审核, each with a role the authority certified as allowed for it,
      two different people; only the 检查人 → "待审核签署 / approval missing" (not OK);
    - with a database: the file names a record whose hash it carries, and each signature is by the account the
      record's signature row names, enabled at the time, whose signature over the record verifies.
    """
    from export.authority import name_of
    from export.trust import anchors_for

    result = Verification()
    anchors = anchors_for(db, trust_file)
    if anchors.ok:
        result.check(True, f"trust anchor: {anchors.source}", f"信任锚：{anchors.source_zh}")
    else:
        result.check(False, anchors.problem, anchors.problem_zh)
    try:
        data = path.read_bytes()
    except OSError as error:
        result.check(False, f"{path.name} cannot be read: {error.strerror}", f"无法读取 {path.name}")
        return result
    record_id: int | None = None
    record_digest: str | None = None
    signers: list[FileSigner] = []
    if data.startswith(b"%PDF"):
        from export.pades import check_pdf_signatures

        try:
            checks = check_pdf_signatures(data, anchors.certificates)
        except Exception as error:  # pyHanko's many parse errors: a file that is not a readable signed PDF
            raise _unreadable(path, error) from None
        result.check(
            bool(checks), f"{len(checks)} signature(s) in {path.name}", f"{path.name} 中有 {len(checks)} 个签名"
        )
        for check in checks:
            good = check.intact and check.valid and check.trusted
            coverage = Both(*_coverage_words(check.coverage))
            name = name_of(check.certificate) if check.certificate is not None else check.signer
            result.check(good, *_said(_signature_said(name, good, check.reason, coverage)))
            signers.append(
                FileSigner(check.meaning, check.certificate, check.certificate_sha256, good, check.signing_time)
            )
        if checks:
            whole = checks[-1].covers_whole_file
            result.check(
                whole,
                "the last signature covers the whole file"
                if whole
                else "the file was changed after its last signature",
                "最后一个签名覆盖整个文件" if whole else "文件在最后一个签名之后被改动过",
            )
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
            return result
        try:
            cms_checks = cms_validate_detached(p7s.read_bytes(), data, anchors.certificates)
        except SigningError as error:
            result.check(False, str(error), f"签名文件 {p7s.name} 无法读取：{error.message_zh}")
            return result
        result.check(
            bool(cms_checks),
            f"{len(cms_checks)} signature(s) in {p7s.name}",
            f"{p7s.name} 中有 {len(cms_checks)} 个签名",
        )
        order = list(MEANINGS)
        # A CMS keeps its signers as a set (DER sorts them): the order is the meanings they state.
        cms_checks.sort(key=lambda c: order.index(c.meaning) if c.meaning in order else len(order))
        for signer in cms_checks:
            good = signer.intact and signer.trusted
            name = name_of(signer.certificate) if signer.certificate is not None else signer.subject
            entire = Both(*_coverage_words("ENTIRE_FILE"))
            result.check(good, *_said(_signature_said(name, good, signer.reason, entire)))
            signers.append(
                FileSigner(signer.meaning, signer.certificate, signer.certificate_sha256, good, signer.signing_time)
            )
        try:
            record_id, record_digest = _record_from_xlsx(data)
        except Exception as error:  # openpyxl's parse errors: not a workbook
            raise _unreadable(path, error) from None
    _check_signers(result, signers)
    _check_revocations(result, signers, anchors.revocations)
    if db is not None:
        _check_against_database(result, db, record_id, record_digest, signers, anchors.certificates, trust_file)
    return result


def _check_signers(result: Verification, signers: Sequence[FileSigner]) -> None:
    """The sign-off the file carries: 检查人 then 审核, by allowed roles (as the authority certified them), two
    different people."""
    from export.authority import name_of, role_of

    order = list(MEANINGS)
    for index, signer in enumerate(signers):
        expected = order[index] if index < len(order) else None
        if expected is None or signer.meaning != expected:
            wanted = _meaning(expected) if expected else msg("verify.too_many")
            found = _meaning(signer.meaning) if signer.meaning else msg("verify.unnamed")
            result.check(False, *_said(msg("verify.order", index=index + 1, expected=wanted, found=found)))
            continue
        if signer.certificate is None:
            continue
        role = role_of(signer.certificate)
        name = name_of(signer.certificate)
        allowed = role in _roles_for(expected)
        said = msg(
            "verify.role_allowed" if allowed else "verify.role_not_allowed",
            meaning=_meaning(expected),
            name=name,
            role=_role(role),
            **({} if allowed else {"roles": _roles(_roles_for(expected))}),
        )
        result.check(allowed, *_said(said))
    if len(signers) == 1 and signers[0].meaning == "inspector":
        result.check(False, *_said(msg("verify.approval_missing_file")))
    if len(signers) >= 2 and signers[0].certificate is not None and signers[1].certificate is not None:
        distinct = signers[0].fingerprint != signers[1].fingerprint and name_of(signers[0].certificate) != name_of(
            signers[1].certificate
        )
        result.check(distinct, *_said(msg("verify.two_people" if distinct else "verify.same_person")))


def _check_revocations(result: Verification, signers: Sequence[FileSigner], revocations: Revocations) -> None:
    """Each signer's certificate against the authority's revocation lists: a signature made after its
    certificate was revoked fails ("证书已于 … 吊销"); one made before says the certificate was later revoked."""
    from export.authority import name_of
    from export.revocation import refused_line, verdict

    refused = refused_line(revocations)
    if refused is not None:
        result.check(*refused)
    for signer in signers:
        revoked = revocations.status(signer.certificate)
        if revoked is not None and signer.certificate is not None:
            result.check(*verdict(revoked, signer.signing_time, name_of(signer.certificate)))


def _active_at(db: Database, user_id: int, when: dt.datetime) -> bool:
    """Whether the account was enabled at ``when``, replaying its enable/disable changes in the audit trail."""
    from storage.models import AuditEntry

    with db.session() as session:
        changes = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.table_name == "users", AuditEntry.row_id == user_id)
                .order_by(AuditEntry.seq)
            )
        )
    state = True
    for entry in changes:
        if entry.at > when:
            break
        new = mapping(entry.new) or {}
        if "active" in new:
            state = bool(new["active"])
    return state


def _check_against_database(
    result: Verification,
    db: Database,
    record_id: int | None,
    record_digest: str | None,
    signers: Sequence[FileSigner],
    anchors: list[x509.Certificate],
    trust_file: Path | None = None,
) -> None:
    if record_id is None or record_digest is None:
        result.check(False, "the document does not name its record and hash", "该文件没有写明所属记录及其哈希")
        return
    try:
        inspection = inspections.load_inspection(db, record_id)
    except NotFoundError:
        result.check(False, f"record {record_id} is not in this database", f"本数据库中没有记录 #{record_id}")
        return
    status_zh = {"draft": "草稿", "completed": "已完成", "signed": "已签署"}.get(inspection.status, inspection.status)
    result.check(
        inspection.status == "signed",
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
    from export.record_check import verify_signed_record

    record = verify_signed_record(db, record_id, trust_file)
    result.check(
        record.ok,
        f"stored record {record_id} " + ("is unchanged since signing" if record.ok else "was changed after signing"),
        f"保存的记录 #{record_id} " + ("自签署以来未被改动" if record.ok else "在签署后被改动过"),
    )
    rows = {s.meaning: s for s in signatures_of(db, record_id)}
    canonical = canonical_bytes(canonical_record(inspection))
    for signer in signers:
        if signer.meaning not in MEANINGS:
            continue
        label = _meaning(signer.meaning)
        row = rows.get(signer.meaning)
        if row is None:
            result.check(False, *_said(msg("verify.row_missing", id=record_id, meaning=label)))
            continue
        same = row.certificate_sha256 == signer.fingerprint
        said = msg("verify.row_signer" if same else "verify.row_not_signer", meaning=label, name=row.signer_name)
        result.check(same, *_said(said))
        with db.session() as session:
            account = session.get(User, row.user_id)
        if account is None:
            result.check(
                False, f"{row.signer_name}'s account is not in the database", f"数据库中没有 {row.signer_name} 的账户"
            )
            continue
        active = _active_at(db, account.id, row.signed_at)
        said = (
            msg("verify.enabled", name=row.signer_name, role=_role(row.role))
            if active
            else msg("verify.disabled", name=row.signer_name)
        )
        result.check(
            active and row.role in _roles_for(signer.meaning) and account.name == row.signer_name, *_said(said)
        )
        signed = row.statement.encode("utf-8") if row.statement is not None else canonical  # before 0007: the record
        try:
            over_record = cms_validate_detached(row.record_signature, signed, anchors)
        except SigningError:
            over_record = []
        stated = True
        if row.statement is not None:
            from export.record_check import statement_problems

            try:
                statement = json.loads(row.statement)
            except ValueError:
                statement = None
            stated = isinstance(statement, dict) and not statement_problems(
                row, statement, signer.certificate, record_hash(inspection)
            )
        good = (
            len(over_record) == 1
            and over_record[0].intact
            and over_record[0].trusted
            and over_record[0].certificate_sha256 == signer.fingerprint
            and over_record[0].meaning == signer.meaning
            and row.record_hash == record_digest
            and stated
        )
        said = msg(
            "verify.over_record" if good else "verify.not_over_record",
            meaning=label,
            name=row.signer_name,
            id=record_id,
        )
        result.check(good, *_said(said))
    if inspection.status == "signed" and "approver" not in rows:
        result.check(False, *_said(msg("verify.approval_missing_record", id=record_id)))
