"""A promoted manager's copy of the authority key, handed over without ever being stored unsealed.

Sealing the authority key for a manager needs that manager's password, which the promoting manager does not
know. So at promotion the promoting manager — whose password has just opened the authority key — wraps it
to the promoted account's own public key (the one its authority-issued certificate names): RSA-OAEP
(SHA-256) of a fresh AES-256 key for an RSA account, ECDH with an ephemeral key and HKDF-SHA256 for an EC one,
then AES-256-GCM. The envelope (``fugong.grant/1``) is stored as a pending grant (``authority_grants``).
At the account's next password use its private key opens the grant; the authority key must belong to the
authority's certificate; it is sealed with argon2id under the account's password (an ``authority_keys`` row)
and the grant deleted, in one audited transaction.

A grant is opened only for an enabled manager, only if the audit trail shows it inserted after the account
last became a manager and never deleted since (a grant saved before a demotion and written back by SQL is
refused), and only if it names this account, this authority and this account's key in what the GCM
authenticates. A grant written by SQL for a key of one's own opens to a key that does not belong to the
authority's certificate: refused, so it cannot issue a certificate anyone's trust anchor accepts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.audit import json_value
from storage.db import Database
from storage.errors import KnownError
from storage.logfile import logger
from storage.models import AuditEntry, AuthorityGrant, AuthorityKey, User
from storage.stored_json import mapping

FORMAT = "fugong.grant/1"
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey


class GrantError(KnownError):
    """A pending grant of the authority key that cannot be made or must not be opened."""


def key_id(public_key: PublicKey) -> str:
    """SHA-256 of the public key's SubjectPublicKeyInfo (DER), lower-case hex."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _ec_key(shared: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def wrap(authority_key: PrivateKey, recipient: PublicKey, user_id: int, name: str, authority: str) -> bytes:
    """The authority key encrypted to ``recipient`` (the promoted account's public key), bound to the account
    (id and name) and the authority (its certificate's fingerprint)."""
    plain = authority_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    header: dict[str, Any] = {
        "format": FORMAT,
        "user_id": user_id,
        "user": name,
        "authority": authority,
        "recipient": key_id(recipient),
    }
    content_key = os.urandom(32)
    if isinstance(recipient, rsa.RSAPublicKey):
        header["scheme"] = "RSA-OAEP-SHA256/AES-256-GCM"
        header["wrapped"] = _b64(
            recipient.encrypt(
                content_key,
                padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None),
            )
        )
    else:
        ephemeral = ec.generate_private_key(recipient.curve)
        header["scheme"] = "ECDH-HKDF-SHA256/AES-256-GCM"
        header["ephemeral"] = _b64(
            ephemeral.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        content_key = _ec_key(ephemeral.exchange(ec.ECDH(), recipient), FORMAT.encode("ascii"))
    nonce = os.urandom(12)
    ciphertext = AESGCM(content_key).encrypt(nonce, plain, _aad(header))
    return json.dumps({**header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}, sort_keys=True).encode()


def unwrap(envelope: bytes, own_key: PrivateKey, user_id: int, name: str, authority: str) -> PrivateKey:
    """Open a grant with the account's private key; :class:`GrantError` if it is not for this account, this
    authority and this key, or was altered."""
    refused = GrantError(
        f"the pending grant of the signing authority's key to {name} cannot be opened (damaged, altered or not "
        "made for this account); it was not used",
        f"授予 {name} 的签名机构密钥无法打开（已损坏、被改动或不是为该账户生成）；未使用",
    )
    try:
        document = json.loads(envelope.decode("utf-8"))
        header = {k: v for k, v in document.items() if k not in ("nonce", "ciphertext")}
        nonce = base64.b64decode(document["nonce"], validate=True)
        ciphertext = base64.b64decode(document["ciphertext"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise refused from None
    expected = {
        "format": FORMAT,
        "user_id": user_id,
        "user": name,
        "authority": authority,
        "recipient": key_id(own_key.public_key()),
    }
    if any(header.get(k) != v for k, v in expected.items()):
        raise refused
    try:
        if header.get("scheme") == "RSA-OAEP-SHA256/AES-256-GCM" and isinstance(own_key, rsa.RSAPrivateKey):
            content_key = own_key.decrypt(
                base64.b64decode(str(header["wrapped"]), validate=True),
                padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None),
            )
        elif header.get("scheme") == "ECDH-HKDF-SHA256/AES-256-GCM" and isinstance(own_key, ec.EllipticCurvePrivateKey):
            ephemeral = serialization.load_der_public_key(base64.b64decode(str(header["ephemeral"]), validate=True))
            if not isinstance(ephemeral, ec.EllipticCurvePublicKey):
                raise refused
            content_key = _ec_key(own_key.exchange(ec.ECDH(), ephemeral), FORMAT.encode("ascii"))
        else:
            raise refused
        plain = AESGCM(content_key).decrypt(nonce, ciphertext, _aad(header))
        key = serialization.load_der_private_key(plain, password=None)
    except (ValueError, KeyError, TypeError, InvalidTag):
        raise refused from None
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise refused
    return key


def certified_key(account: User, authority_cert: x509.Certificate) -> PublicKey:
    """The public key of the account's current certificate — only if the authority issued that certificate
    to this account (a certificate of another key written into the row by SQL would otherwise receive the
    authority key, or a certificate re-issued for it)."""
    problem = GrantError(
        f"{account.name}'s certificate in the database was not issued to {account.name} by the signing authority; "
        "nothing was changed",
        f"数据库中 {account.name} 的证书不是签名机构签发给 {account.name} 的；没有修改任何数据",
    )
    from export.authority import name_of

    try:
        certificate = x509.load_pem_x509_certificates(account.certificate_pem.encode("ascii"))[0]
        certificate.verify_directly_issued_by(authority_cert)
    except (ValueError, TypeError, IndexError, UnicodeEncodeError, InvalidSignature):
        raise problem from None
    public_key = certificate.public_key()
    if name_of(certificate) != account.name or not isinstance(
        public_key, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)
    ):
        raise problem
    return public_key


def add_grant(
    session: Session,
    authority_key: PrivateKey,
    authority_cert: x509.Certificate,
    account: User,
    granted_by: int,
) -> None:
    """Store a pending grant of the authority key to ``account`` (inside the caller's audited transaction)."""
    from export.authority import fingerprint, stored_authority

    row = stored_authority(session)
    if row is None or row.fingerprint != fingerprint(authority_cert):
        raise GrantError("this database has no such signing authority", "本数据库没有该签名机构")
    recipient = certified_key(account, authority_cert)
    envelope = wrap(authority_key, recipient, account.id, account.name, row.fingerprint)
    for old in session.scalars(select(AuthorityGrant).where(AuthorityGrant.user_id == account.id)):
        session.delete(old)
    session.flush()
    session.add(AuthorityGrant(authority_id=row.id, user_id=account.id, granted_by=granted_by, wrapped_key=envelope))


def withdraw(session: Session, user_id: int) -> None:
    """Delete every pending grant and sealed copy of the authority key an account holds (demotion, disabling)."""
    for grant in session.scalars(select(AuthorityGrant).where(AuthorityGrant.user_id == user_id)):
        session.delete(grant)
    for copy in session.scalars(select(AuthorityKey).where(AuthorityKey.user_id == user_id)):
        session.delete(copy)


def _audit_problem(session: Session, grant: AuthorityGrant, account: User) -> str | None:
    """Why the audit trail does not show ``grant`` as a live grant to a manager (None: it does)."""
    entries = list(
        session.scalars(
            select(AuditEntry)
            .where(
                ((AuditEntry.table_name == "users") & (AuditEntry.row_id == account.id))
                | ((AuditEntry.table_name == "authority_grants") & (AuditEntry.row_id == grant.id))
            )
            .order_by(AuditEntry.seq)
        )
    )
    wrapped = json_value(grant.wrapped_key)
    inserted = next(
        (
            e
            for e in entries
            if e.table_name == "authority_grants"
            and e.action == "insert"
            and (mapping(e.new) or {}).get("wrapped_key") == wrapped
            and (mapping(e.new) or {}).get("user_id") == account.id
        ),
        None,
    )
    if inserted is None:
        return "the audit trail shows no manager granting it (written into the database from outside)"
    later = [e for e in entries if e.seq > inserted.seq]
    if any(e.table_name == "authority_grants" and e.action == "delete" for e in later):
        return "it was withdrawn (the audit trail shows it deleted) and written back"
    role, active = None, None
    for entry in entries:
        if entry.table_name == "users" and entry.action in ("insert", "update"):
            role = (mapping(entry.new) or {}).get("role", role)
            active = (mapping(entry.new) or {}).get("active", active)
    if role != "manager" or active is False:
        return f"the audit trail says {account.name} is not an enabled manager"
    return None


def claim(db: Database, name: str, password: str) -> bool:
    """Open ``name``'s pending grant, if any, with its key (unlocked by ``password``, already checked by the
    caller), seal the authority key with the password and delete the grant. True if a copy was claimed.

    A grant that must not be used (see the module) raises :class:`GrantError` and changes nothing."""
    from export.authority import fingerprint, stored_authority
    from export.crypto import open_account_key
    from export.keys import seal
    from storage.unit_of_work import unit_of_work

    with db.session() as session:
        account = session.scalar(select(User).where(User.name == name.strip()))
        if account is None:
            return False
        grant = session.scalar(select(AuthorityGrant).where(AuthorityGrant.user_id == account.id))
        if grant is None:
            return False
        authority = stored_authority(session)
        problem = None
        if authority is None or grant.authority_id != authority.id:
            problem = "it is not for this database's signing authority"
        elif not account.active or account.role != "manager":
            problem = f"{account.name} is not an enabled manager"
        else:
            problem = _audit_problem(session, grant, account)
        if problem is not None:
            raise GrantError(
                f"the pending grant of the signing authority's key to {account.name} was refused: {problem}; "
                "nothing was changed",
                f"授予 {account.name} 的签名机构密钥被拒绝：该授予记录不可信；没有修改任何数据",
            )
        assert authority is not None
        certificate = x509.load_pem_x509_certificate(authority.certificate_pem.encode("ascii"))
        envelope, grant_id, user_id, blob = grant.wrapped_key, grant.id, account.id, account.pkcs12
    if blob is None:
        raise GrantError(f"{name} has no signing key to open the grant with", f"{name} 没有可用于打开授予的签名密钥")
    own = open_account_key(blob, password)
    key = unwrap(envelope, own, user_id, name.strip(), fingerprint(certificate))
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise GrantError(
            f"the pending grant to {name} holds a key that is not the signing authority's; it was refused and "
            "nothing was changed",
            f"授予 {name} 的密钥不是签名机构的密钥；已拒绝，没有修改任何数据",
        )
    sealed = seal(key, password)
    with unit_of_work(db, name.strip(), reason="签名机构密钥授予生效", allowed=None) as session:
        grant_row = session.get(AuthorityGrant, grant_id)
        if grant_row is None:
            return False  # claimed meanwhile
        session.delete(grant_row)
        existing = session.scalar(select(AuthorityKey).where(AuthorityKey.user_id == user_id))
        if existing is None:
            session.add(AuthorityKey(authority_id=grant_row.authority_id, user_id=user_id, sealed_key=sealed))
        else:
            existing.sealed_key = sealed
    logger("accounts").info("%s now holds a sealed copy of the signing authority key", name)
    return True


def unlock(db: Database, manager: str, password: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """:func:`export.authority.unlock`, after claiming ``manager``'s pending grant if there is one (a manager
    promoted since their last password use); a grant that must not be used raises :class:`GrantError`."""
    from export import authority

    claim(db, manager, password)
    return authority.unlock(db, manager, password)


def claim_quietly(db: Database, name: str, password: str) -> KnownError | None:
    """:func:`claim` at a login: never stops the login; returns what was refused (said in words), or None."""
    try:
        claim(db, name, password)
    except KnownError as error:
        logger("accounts").warning("%s", error)
        return error
    return None
