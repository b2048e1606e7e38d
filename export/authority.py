"""The company signing authority (签名机构): the trust anchor every account's certificate chains to.

Made with the first account (the 单位主要负责人, a manager). Its private key never leaves the database
unsealed: it is kept once per manager, sealed with that manager's password (``export.keys``: argon2id at
least as costly as the login hash, then AES-GCM). A manager who creates an account unlocks it with their own
password to issue the account's certificate; a new manager gets their own sealed copy, so any manager can
issue certificates and none needs another's password.

What makes the authority *trusted* is not the database: its fingerprint is pinned in the local settings of
the computer where it was made (``export.trust``), printed on every report, and exported as the trust file
handed to auditors and inspectors. Writing another authority or other certificates into the database makes
nothing verify against that pin.

A certificate names the account (CN), its role at issue (OU) and the company authority (issuer); verification
reads the role from the certificate, which only the authority could have written.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from export import keys
from storage.db import Database
from storage.errors import KnownError
from storage.models import AuthorityKey, SigningAuthority, User

ORGANISATION = "复工自查 local signing"
AUTHORITY_YEARS = 30
ACCOUNT_YEARS = 10
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey


class AuthorityError(KnownError):
    """The signing authority is missing, cannot be unlocked, or is not the one this computer trusts."""


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, lower-case hex (what reports print and the pin keeps)."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def grouped(digest: str) -> str:
    """A fingerprint in groups of four, for printing."""
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _key_usage(*, authority: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not authority,
        content_commitment=not authority,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=authority,
        crl_sign=authority,
        encipher_only=False,
        decipher_only=False,
    )


def new_authority(label: str = "") -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A fresh authority key (EC P-256) and its self-signed certificate."""
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, f"复工自查签名机构 {label}".strip()),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * AUTHORITY_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(authority=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def issue(
    authority_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    authority: x509.Certificate,
    public_key: PublicKey,
    name: str,
    role: str,
) -> x509.Certificate:
    """An account's signing certificate: CN the account name, OU its role, issued by the authority."""
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, role),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(authority.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(min(now + dt.timedelta(days=365 * ACCOUNT_YEARS), authority.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(authority=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()),
            critical=False,
        )
        .sign(authority_key, hashes.SHA256())
    )


def role_of(certificate: x509.Certificate) -> str:
    """The role the authority wrote into the certificate (OU), or '' if none."""
    values = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return str(values[0].value) if values else ""


def name_of(certificate: x509.Certificate) -> str:
    values = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else certificate.subject.rfc4514_string()


def stored_authority(session: Session) -> SigningAuthority | None:
    """The authority row of this database (there is at most one; the pin decides whether it is trusted)."""
    return session.scalars(select(SigningAuthority).order_by(SigningAuthority.id)).first()


def authority_certificate(db: Database) -> x509.Certificate | None:
    with db.session() as session:
        row = stored_authority(session)
        return x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii")) if row else None


def add_authority(
    session: Session, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey, user_id: int, password: str
) -> SigningAuthority:
    """Store a new authority with its key sealed for the manager ``user_id`` (inside the caller's unit of work)."""
    if stored_authority(session) is not None:
        raise AuthorityError(
            "this database already has a signing authority; nothing was changed",
            "本数据库已有签名机构；没有修改任何数据",
        )
    row = SigningAuthority(certificate_pem=pem(certificate), fingerprint=fingerprint(certificate))
    session.add(row)
    session.flush()
    session.add(AuthorityKey(authority_id=row.id, user_id=user_id, sealed_key=keys.seal(key, password)))
    return row


def grant(session: Session, key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, user_id: int, password: str) -> None:
    """Seal the authority key for another manager (their own password opens it)."""
    row = stored_authority(session)
    if row is None:
        raise AuthorityError("this database has no signing authority", "本数据库没有签名机构")
    existing = session.scalar(select(AuthorityKey).where(AuthorityKey.user_id == user_id))
    if existing is None:
        session.add(AuthorityKey(authority_id=row.id, user_id=user_id, sealed_key=keys.seal(key, password)))
    else:
        existing.sealed_key = keys.seal(key, password)


def unlock(db: Database, manager: str, password: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """The authority key, opened with ``manager``'s password, and its certificate. The key must belong to the
    certificate (a sealed key swapped in the database is refused)."""
    with db.session() as session:
        row = stored_authority(session)
        if row is None:
            raise AuthorityError(
                "this database has no signing authority yet; a manager runs `fugong trust init` first",
                "本数据库还没有签名机构；请单位主要负责人先运行 `fugong trust init`",
            )
        sealed = session.scalar(
            select(AuthorityKey.sealed_key).join(User, User.id == AuthorityKey.user_id).where(User.name == manager)
        )
        certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
    if sealed is None:
        raise AuthorityError(
            f"{manager} holds no key of the signing authority, so cannot issue certificates; nothing was changed",
            f"{manager} 没有签名机构的密钥，不能签发证书；没有修改任何数据",
        )
    key = keys.open_sealed(sealed, password)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise AuthorityError(
            "the stored authority key does not belong to the authority's certificate; nothing was changed",
            "保存的签名机构密钥与其证书不符；没有修改任何数据",
        )
    return key, certificate


def reseal_for(session: Session, user_id: int, old_password: str, new_password: str) -> None:
    """Re-seal a manager's copy of the authority key for their new password (same transaction as the hash)."""
    row = session.scalar(select(AuthorityKey).where(AuthorityKey.user_id == user_id))
    if row is not None:
        row.sealed_key = keys.seal(keys.open_sealed(row.sealed_key, old_password), new_password)
