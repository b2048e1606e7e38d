"""Revocation: the signing authority's certificate revocation lists (CRLs, RFC 5280).

When a manager disables an account (or changes its role), the authority — unlocked by that manager's
password — signs a new CRL naming every certificate it ever issued to the account (the current one and
those the audit trail shows it held before) with the time of the revocation. Each CRL is complete: it names
every certificate revoked so far. CRLs are kept in the database (``revocation_lists``) and the latest goes
into the trust file (``fugong trust export``) after the authority's certificate.

Verification uses a CRL only if the trust anchor signed it (parsed and checked with ``cryptography``): one
written into the database or the trust file by anyone else is refused and said. A signature whose
certificate is revoked verifies only if it was made before the revocation time, and says that the
certificate was later revoked; with the database the time it claims is also held against the audit trail's
(a signature backdated past the revocation is said).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from export.authority import name_of
from storage.models import AuditEntry, RevocationList, User, utcnow
from storage.stored_json import mapping

# Why a certificate was revoked (the CRL's reason code) and how it is said.
DISABLED = x509.ReasonFlags.cessation_of_operation
SUPERSEDED = x509.ReasonFlags.superseded
REASON_WORDS = {
    DISABLED: ("the account was disabled", "账户已停用"),
    SUPERSEDED: ("the account's role changed", "账户角色已变更"),
}


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def account_certificates(session: Session, account: User, authority_cert: x509.Certificate) -> list[x509.Certificate]:
    """Every certificate the authority issued to ``account``: its current one and those the audit trail shows
    it held before (a role change re-issues it). Only certificates the authority really issued to this name."""
    texts = [account.certificate_pem]
    for entry in session.scalars(
        select(AuditEntry).where(AuditEntry.table_name == "users", AuditEntry.row_id == account.id)
    ):
        for values in (mapping(entry.old) or {}, mapping(entry.new) or {}):
            text = values.get("certificate_pem")
            if isinstance(text, str) and text:
                texts.append(text)
    found: dict[int, x509.Certificate] = {}
    for text in texts:
        try:
            certificate = x509.load_pem_x509_certificates(text.encode("ascii"))[0]
            certificate.verify_directly_issued_by(authority_cert)
        except (ValueError, TypeError, IndexError, UnicodeEncodeError, InvalidSignature):
            continue
        if name_of(certificate) == account.name:
            found[certificate.serial_number] = certificate
    return list(found.values())


def stored_lists(session: Session, authority_cert: x509.Certificate) -> list[x509.CertificateRevocationList]:
    """The database's CRLs that the authority signed (others are ignored here; verification says so)."""
    lists = []
    for der in session.scalars(select(RevocationList.crl_der).order_by(RevocationList.number)):
        crl = load(der)
        if crl is not None and signed_by(crl, authority_cert):
            lists.append(crl)
    return lists


def load(data: bytes) -> x509.CertificateRevocationList | None:
    try:
        return x509.load_der_x509_crl(data)
    except ValueError:
        return None


def signed_by(crl: x509.CertificateRevocationList, authority_cert: x509.Certificate) -> bool:
    public_key = authority_cert.public_key()
    if crl.issuer != authority_cert.subject or not isinstance(
        public_key, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)
    ):
        return False
    try:
        return crl.is_signature_valid(public_key)
    except (ValueError, TypeError):
        return False


def revoke(
    session: Session,
    authority_key: ec.EllipticCurvePrivateKey,
    authority_cert: x509.Certificate,
    certificates: list[x509.Certificate],
    reason: x509.ReasonFlags,
    when: dt.datetime | None = None,
) -> RevocationList | None:
    """Sign and store (in the caller's audited transaction) a new complete CRL: everything revoked so far plus
    ``certificates`` revoked at ``when`` (naive UTC, default now). None if nothing new is revoked."""
    from export.authority import stored_authority

    row = stored_authority(session)
    if row is None:
        return None
    # A CRL states whole seconds: rounded up, so a signature made earlier in the same second stays before it.
    moment = _aware(when or utcnow())
    if moment.microsecond:
        moment = moment.replace(microsecond=0) + dt.timedelta(seconds=1)
    entries: dict[int, x509.RevokedCertificate] = {}
    for crl in stored_lists(session, authority_cert):
        for revoked in crl:
            earlier = entries.get(revoked.serial_number)
            if earlier is None or revoked.revocation_date_utc < earlier.revocation_date_utc:
                entries[revoked.serial_number] = revoked
    new = [c for c in certificates if c.serial_number not in entries]
    if not new:
        return None
    for certificate in new:
        entries[certificate.serial_number] = (
            x509.RevokedCertificateBuilder()
            .serial_number(certificate.serial_number)
            .revocation_date(moment)
            .add_extension(x509.CRLReason(reason), critical=False)
            .build()
        )
    number = (session.scalar(select(func.max(RevocationList.number))) or 0) + 1
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(authority_cert.subject)
        .last_update(moment)
        .next_update(max(authority_cert.not_valid_after_utc, moment + dt.timedelta(days=1)))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()), critical=False)
    )
    for revoked in sorted(entries.values(), key=lambda r: r.serial_number):
        builder = builder.add_revoked_certificate(revoked)
    crl = builder.sign(authority_key, hashes.SHA256())
    stored = RevocationList(
        authority_id=row.id,
        number=number,
        crl_der=crl.public_bytes(serialization.Encoding.DER),
        issued_at=moment.replace(tzinfo=None),
    )
    session.add(stored)
    return stored


def latest_pem(session: Session, authority_cert: x509.Certificate) -> str:
    """The newest CRL the authority signed, PEM ('' if none): what the trust file carries."""
    lists = stored_lists(session, authority_cert)
    if not lists:
        return ""
    newest = max(lists, key=_number)
    return newest.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _number(crl: x509.CertificateRevocationList) -> int:
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return 0


@dataclass(frozen=True)
class Revoked:
    """A certificate's revocation as the trusted CRLs state it."""

    at: dt.datetime  # aware UTC
    reason: x509.ReasonFlags | None

    @property
    def words(self) -> tuple[str, str]:
        return REASON_WORDS.get(self.reason, ("", "")) if self.reason is not None else ("", "")

    @property
    def shown(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M:%S UTC")


@dataclass
class Revocations:
    """The CRLs a verification uses (each signed by a trust anchor) and how many were refused."""

    lists: list[x509.CertificateRevocationList] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def status(self, certificate: x509.Certificate | None) -> Revoked | None:
        """The earliest revocation of ``certificate`` any trusted CRL of its issuer states, or None."""
        if certificate is None:
            return None
        found: Revoked | None = None
        for crl in self.lists:
            if crl.issuer != certificate.issuer:
                continue
            entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
            if entry is None:
                continue
            try:
                reason: x509.ReasonFlags | None = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
            except x509.ExtensionNotFound:
                reason = None
            if found is None or entry.revocation_date_utc < found.at:
                found = Revoked(entry.revocation_date_utc, reason)
        return found


def collect(
    candidates: list[tuple[str, x509.CertificateRevocationList | None]], anchors: list[x509.Certificate]
) -> Revocations:
    """Keep the CRLs an anchor signed; name the others (``candidates``: where each came from, the CRL or None
    when it could not be read)."""
    result = Revocations()
    for source, crl in candidates:
        if crl is not None and any(signed_by(crl, anchor) for anchor in anchors):
            result.lists.append(crl)
        else:
            result.refused.append(source)
    return result


def verdict(revoked: Revoked, signed_at: dt.datetime | None, who: str) -> tuple[bool, str, str]:
    """The check line for a signature by a revoked certificate: good only if made before the revocation."""
    english, chinese = revoked.words
    why = f" ({english})" if english else ""
    why_zh = f"（{chinese}）" if chinese else ""
    if signed_at is None:
        return (
            False,
            f"{who}'s certificate was revoked on {revoked.shown}{why}, and the signature states no signing time",
            f"{who} 的证书已于 {revoked.shown} 吊销{why_zh}，且签名没有写明签署时间",
        )
    when = _aware(signed_at)
    shown = when.strftime("%Y-%m-%d %H:%M:%S UTC")
    if when >= revoked.at:
        return (
            False,
            f"{who}'s certificate was revoked on {revoked.shown}{why}; this signature was made after, at {shown}",
            f"证书已于 {revoked.shown} 吊销{why_zh}：{who} 的这个签名是在吊销之后（{shown}）作出的",
        )
    return (
        True,
        f"{who} signed at {shown}, before the certificate was revoked on {revoked.shown}{why}: the certificate was "
        "later revoked",
        f"{who} 于 {shown} 签署，在证书吊销（{revoked.shown}）之前；该证书后来已吊销{why_zh}",
    )


def refused_line(revocations: Revocations) -> tuple[bool, str, str] | None:
    """The check line for revocation lists an anchor did not sign (None if there were none)."""
    if not revocations.refused:
        return None
    names = ", ".join(revocations.refused[:4]) + (" …" if len(revocations.refused) > 4 else "")
    return (
        False,
        f"{len(revocations.refused)} revocation list(s) not signed by the trust anchor were refused and ignored "
        f"({names}): someone other than the signing authority wrote them",
        f"有 {len(revocations.refused)} 个吊销列表不是信任锚签发的，已拒绝并忽略：它们不是签名机构写入的",
    )
