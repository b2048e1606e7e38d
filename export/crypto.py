"""Signing keys, certificates and signatures (CMS for workbooks, PAdES for PDFs).

Each user's key and X.509 certificate live in a PKCS#12 blob encrypted with the user's password, so only the
user can unlock it at signing time (Electronic Signature Law art. 13: signing data controlled by the signer
alone). Workbooks get a detached CMS signature (``.p7s``, DER) that ``openssl cms -verify`` accepts; a second
signer's SignerInfo is merged into the same CMS. PDFs get PAdES baseline signatures through pyHanko, the
second as an incremental update that keeps the first valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from storage.errors import KnownError


class SigningError(KnownError):
    """A key that cannot be unlocked or used, said in words."""


@dataclass(frozen=True)
class Identity:
    """An unlocked signing identity (kept in memory only while signing)."""

    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    pkcs12: bytes
    password: bytes
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def certificate_pem(self) -> str:
        """The signer's certificate followed by its issuers: what a verifier is given to trust."""
        return "".join(
            c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in (self.certificate, *self.chain)
        )


def certificate_sha256(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def _key_usage(*, sign_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not sign_certificates,
        content_commitment=not sign_certificates,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=sign_certificates,
        crl_sign=sign_certificates,
        encipher_only=False,
        decipher_only=False,
    )


def generate_identity(name: str, role: str, password: str, years: int = 5) -> Identity:
    """A new signing key for ``name`` with its certificate, as password-protected PKCS#12.

    The certificate is issued by a one-off authority made for this user alone (its key is discarded at once);
    that authority's certificate is what verifiers trust. Signature validators (poppler/NSS, pyHanko, OpenSSL)
    expect a signer certificate to chain to a trust anchor rather than to be one."""
    now = dt.datetime.now(dt.UTC)
    organisation = x509.NameAttribute(NameOID.ORGANIZATION_NAME, "复工自查 local signing")
    authority_key = ec.generate_private_key(ec.SECP256R1())
    authority_name = x509.Name([organisation, x509.NameAttribute(NameOID.COMMON_NAME, f"{name} 签名证书颁发")])
    authority = (
        x509.CertificateBuilder()
        .subject_name(authority_name)
        .issuer_name(authority_name)
        .public_key(authority_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years + 1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(sign_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(authority_key.public_key()), critical=False)
        .sign(authority_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name(
        [
            organisation,
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, role),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(authority_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(sign_certificates=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()), critical=False)
        .sign(authority_key, hashes.SHA256())
    )
    secret = password.encode("utf-8")
    blob = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, [authority], serialization.BestAvailableEncryption(secret)
    )
    return Identity(key, certificate, blob, secret, (authority,))


def unlock_identity(blob: bytes, password: str) -> Identity:
    """Decrypt a PKCS#12 blob (generated here or imported from a CA) with the user's password."""
    secret = password.encode("utf-8")
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(blob, secret)
    except ValueError:
        raise SigningError("the signing key could not be unlocked: wrong password or damaged key file") from None
    if key is None or certificate is None:
        raise SigningError("the PKCS#12 file holds no private key with its certificate")
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigningError("only RSA and EC signing keys are supported")
    return Identity(key, certificate, blob, secret, tuple(chain))


def rewrap_pkcs12(blob: bytes, old_password: str, new_password: str) -> bytes:
    """The same key and certificates, encrypted with a new password (the account's password changed)."""
    try:
        loaded = pkcs12.load_pkcs12(blob, old_password.encode("utf-8"))
    except ValueError:
        raise SigningError("the signing key could not be unlocked: wrong password or damaged key file") from None
    if loaded.key is None or loaded.cert is None:
        raise SigningError("the PKCS#12 file holds no private key with its certificate")
    if not isinstance(loaded.key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigningError("only RSA and EC signing keys are supported")
    return pkcs12.serialize_key_and_certificates(
        loaded.cert.friendly_name,
        loaded.key,
        loaded.cert.certificate,
        [extra.certificate for extra in loaded.additional_certs] or None,
        serialization.BestAvailableEncryption(new_password.encode("utf-8")),
    )


# --- CMS (workbooks, records) -----------------------------------------------------------------------------


def cms_sign_detached(data: bytes, identity: Identity) -> bytes:
    """A detached CMS SignedData (DER) over ``data``, with signing time and the signer's certificate."""
    builder = (
        pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(identity.certificate, identity.key, hashes.SHA256())
    )
    for issuer in identity.chain:
        builder = builder.add_certificate(issuer)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])


def cms_merge(first: bytes, second: bytes) -> bytes:
    """One CMS with the signer infos and certificates of both (a countersignature on the same content)."""
    a = asn1_cms.ContentInfo.load(first)
    b = asn1_cms.ContentInfo.load(second)
    signed_a, signed_b = a["content"], b["content"]
    infos = list(signed_a["signer_infos"]) + list(signed_b["signer_infos"])
    known = {c.dump() for c in signed_a["certificates"]}
    certificates = list(signed_a["certificates"]) + [c for c in signed_b["certificates"] if c.dump() not in known]
    digest_algorithms = list(signed_a["digest_algorithms"])
    for algorithm in signed_b["digest_algorithms"]:
        if algorithm.dump() not in {d.dump() for d in digest_algorithms}:
            digest_algorithms.append(algorithm)
    merged = asn1_cms.SignedData(
        {
            "version": signed_a["version"],
            "digest_algorithms": digest_algorithms,
            "encap_content_info": signed_a["encap_content_info"],
            "certificates": certificates,
            "signer_infos": infos,
        }
    )
    merged_der: bytes = asn1_cms.ContentInfo({"content_type": "signed_data", "content": merged}).dump()
    return merged_der


@dataclass(frozen=True)
class SignerCheck:
    """The verdict on one SignerInfo of a CMS signature."""

    subject: str
    certificate_sha256: str
    intact: bool
    trusted: bool
    signing_time: dt.datetime | None
    reason: str


def _signer_certificate(signed: asn1_cms.SignedData, info: asn1_cms.SignerInfo) -> x509.Certificate | None:
    sid = info["sid"]
    for choice in signed["certificates"]:
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            if cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native:
                return x509.load_der_x509_certificate(cert.dump())
        elif cert.key_identifier == sid.chosen.native:
            return x509.load_der_x509_certificate(cert.dump())
    return None


def _verify_raw(certificate: x509.Certificate, signature: bytes, payload: bytes, algorithm: str) -> None:
    chosen: hashes.HashAlgorithm = {
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }.get(algorithm, hashes.SHA256())
    public_key = certificate.public_key()
    if isinstance(public_key, rsa.RSAPublicKey):
        public_key.verify(signature, payload, padding.PKCS1v15(), chosen)
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(signature, payload, ec.ECDSA(chosen))
    else:
        raise InvalidSignature("unsupported key type")


def cms_verify_detached(signature: bytes, data: bytes, trusted_sha256: set[str]) -> list[SignerCheck]:
    """Check every signer of a detached CMS over ``data``: the content digest, the signature over the signed
    attributes, and whether the signer's certificate is one of ``trusted_sha256``."""
    try:
        info = asn1_cms.ContentInfo.load(signature)
        signed = info["content"]
        signer_infos = list(signed["signer_infos"])
    except (ValueError, TypeError, KeyError) as error:
        raise SigningError(f"not a CMS signature file: {error}") from None
    checks: list[SignerCheck] = []
    for signer in signer_infos:
        certificate = _signer_certificate(signed, signer)
        if certificate is None:
            checks.append(SignerCheck("?", "", False, False, None, "the signer's certificate is not in the file"))
            continue
        subject = certificate.subject.rfc4514_string()
        fingerprint = certificate_sha256(certificate)
        algorithm = signer["digest_algorithm"]["algorithm"].native
        attributes = {a["type"].native: a["values"][0].native for a in signer["signed_attrs"]}
        digest = hashlib.new(algorithm, data).digest()
        signing_time = attributes.get("signing_time")
        if attributes.get("message_digest") != digest:
            checks.append(
                SignerCheck(
                    subject,
                    fingerprint,
                    False,
                    False,
                    signing_time,
                    "the document was changed after it was signed (digest differs)",
                )
            )
            continue
        payload = signer["signed_attrs"].untag().dump()
        try:
            _verify_raw(certificate, signer["signature"].native, payload, algorithm)
        except InvalidSignature:
            checks.append(
                SignerCheck(
                    subject, fingerprint, False, False, signing_time, "the signature does not match the signed data"
                )
            )
            continue
        trusted = fingerprint in trusted_sha256
        reason = "signature intact" + ("" if trusted else "; the signer's certificate is not trusted")
        checks.append(SignerCheck(subject, fingerprint, True, trusted, signing_time, reason))
    return checks


def font_path() -> str:
    return str(resources.files("resources") / "fonts" / "WenQuanYiMicroHei-upm1000.ttf")
