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
from typing import Any

from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from storage.errors import KnownError


class SigningError(KnownError):
    """A key that cannot be unlocked or used, said in words."""


@dataclass(frozen=True)
class Identity:
    """An unlocked signing identity (kept in memory only while signing): the key, its certificate issued by
    the company's signing authority, and the authority's certificate."""

    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def certificate_pem(self) -> str:
        """The signer's certificate followed by its issuers."""
        return "".join(
            c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in (self.certificate, *self.chain)
        )


def certificate_sha256(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def new_signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def self_signed_certificate(key: rsa.RSAPrivateKey, name: str, days: int) -> x509.Certificate:
    """A certificate for ``key`` signed by itself, as an outside CA's key file carries one (the company
    authority certifies the key again when it is imported); valid from yesterday for ``days`` days."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


def load_pkcs12(blob: bytes, password: str) -> tuple[rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, x509.Certificate]:
    """The key and certificate of a PKCS#12 (one imported from a CA, or a key stored before schema 0006)."""
    try:
        key, certificate, _ = pkcs12.load_key_and_certificates(blob, password.encode("utf-8"))
    except ValueError:
        raise SigningError(
            "the signing key could not be unlocked: wrong password or damaged key file",
            "签名密钥无法解锁：密码错误或密钥文件已损坏",
        ) from None
    if key is None or certificate is None:
        raise SigningError(
            "the PKCS#12 file holds no private key with its certificate", "PKCS#12 文件中没有私钥及其证书"
        )
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigningError("only RSA and EC signing keys are supported", "只支持 RSA 和 EC 签名密钥")
    return key, certificate


def open_account_key(blob: bytes, password: str) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    """An account's private key: a sealed ``fugong.key/1`` envelope, or a legacy PKCS#12."""
    from export import keys

    if keys.is_sealed(blob):
        return keys.open_sealed(blob, password)
    return load_pkcs12(blob, password)[0]


def unlock_identity(blob: bytes, certificate_pem: str, password: str) -> Identity:
    """Open an account's key with its password; its certificates come from ``certificate_pem`` (the account's
    own first, then the authority's). A key that does not belong to the certificate is refused."""
    key = open_account_key(blob, password)
    try:
        certificates = x509.load_pem_x509_certificates(certificate_pem.encode("ascii"))
    except ValueError:
        certificates = []
    if not certificates:
        raise SigningError("the account has no certificate", "该账户没有证书")
    if key.public_key() != certificates[0].public_key():
        raise SigningError(
            "the account's key does not belong to its certificate; nothing was signed",
            "该账户的密钥与其证书不符；没有签署任何内容",
        )
    return Identity(key, certificates[0], tuple(certificates[1:]))


def reseal(blob: bytes, old_password: str, new_password: str) -> bytes:
    """The same key sealed for a new password (a legacy PKCS#12 comes out sealed the new way)."""
    from export import keys

    return keys.seal(open_account_key(blob, old_password), new_password)


# --- CMS (workbooks, records) -----------------------------------------------------------------------------


# What each sign-off means, said inside the signature itself as a CAdES commitment-type-indication (a signed
# attribute, RFC 5126 / ETSI EN 319 122): the 检查人 vouches for what was found (proof of origin), the
# 单位主要负责人 approves it (proof of approval). The order of signers in a CMS is not kept (a SET), and a
# PDF field name is not what the signer signed; this is.
COMMITMENTS = {"inspector": "proof_of_origin", "approver": "proof_of_approval"}


def pyhanko_signer(identity: Identity) -> Any:
    """The identity as pyHanko's ``SimpleSigner`` (the authority's certificate embedded beside the signer's)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def asn1(certificate: x509.Certificate) -> Any:
        return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))

    private = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key = identity.key

    class LoadedKeySigner(signers.SimpleSigner):
        """pyHanko's ``SimpleSigner`` loads the key from DER again for every signature value it makes (twice
        per PDF signature), checking an RSA-3072 key each time: about 0.2 s of CPU. The identity's key is
        loaded and was checked when it was unlocked; sign with it directly."""

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
            from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
            from pyhanko_certvalidator.util import get_pyca_cryptography_hash

            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            algorithm = get_pyca_cryptography_hash(digest_algorithm)
            if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
                return key.sign(data, PKCS1v15(), algorithm)
            if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
                return key.sign(data, ECDSA(algorithm))
            return bytes(super().sign_raw(data, digest_algorithm))  # any other mechanism: pyHanko's way

    return LoadedKeySigner(
        signing_cert=asn1(identity.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(private),
        cert_registry=SimpleCertificateStore.from_certs([asn1(c) for c in identity.chain]),  # type: ignore[no-untyped-call]
    )


def commitment_attributes(meaning: str | None) -> Any:
    """pyHanko's CAdES signed attributes stating ``meaning`` (None: no commitment)."""
    from pyhanko.sign.ades.api import CAdESSignedAttrSpec
    from pyhanko.sign.ades.cades_asn1 import CommitmentTypeIndication

    if meaning is None:
        return None
    return CAdESSignedAttrSpec(commitment_type=CommitmentTypeIndication({"commitment_type_id": COMMITMENTS[meaning]}))


def meaning_of(signer_info: asn1_cms.SignerInfo) -> str | None:
    """The sign-off meaning a SignerInfo's signed commitment-type-indication states, or None."""
    for attribute in signer_info["signed_attrs"] or []:
        if attribute["type"].native == "commitment_type":
            stated = attribute["values"][0]["commitment_type_id"].native
            return {v: k for k, v in COMMITMENTS.items()}.get(stated)
    return None


def cms_sign_detached(data: bytes, identity: Identity, meaning: str | None = None) -> bytes:
    """A detached CAdES-BES CMS SignedData (DER) over ``data``: signing time, the signer's certificate with the
    authority's, and (given ``meaning``) the commitment it states."""
    import asyncio

    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    attributes = PdfCMSSignedAttributes(
        signing_time=dt.datetime.now(dt.UTC), cades_signed_attrs=commitment_attributes(meaning)
    )
    signed = asyncio.run(
        pyhanko_signer(identity).async_sign_general_data(
            data, "sha256", detached=True, use_cades=True, signed_attr_settings=attributes
        )
    )
    der: bytes = signed.dump()
    return der


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
    """pyHanko's verdict on one SignerInfo of a CMS signature."""

    subject: str
    certificate: x509.Certificate | None
    certificate_sha256: str
    intact: bool
    trusted: bool
    signing_time: dt.datetime | None
    reason: str
    meaning: str | None = None


def _single_signer(signed: asn1_cms.SignedData, info: asn1_cms.SignerInfo) -> asn1_cms.SignedData:
    """The same SignedData with one signer: pyHanko validates a CMS with exactly one SignerInfo."""
    return asn1_cms.SignedData(
        {
            "version": signed["version"],
            "digest_algorithms": signed["digest_algorithms"],
            "encap_content_info": signed["encap_content_info"],
            "certificates": signed["certificates"],
            "signer_infos": [info],
        }
    )


def cms_validate_detached(signature: bytes, data: bytes, anchors: list[x509.Certificate]) -> list[SignerCheck]:
    """Validate every signer of a detached CMS over ``data`` with pyHanko's CMS validation (a
    ``ValidationContext`` whose only trust roots are ``anchors``), in the order of the file."""
    import asyncio

    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.general import CMSExtractionError, CMSStructuralError
    from pyhanko.sign.validation import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    try:
        info = asn1_cms.ContentInfo.load(signature)
        signed = info["content"]
        signer_infos = list(signed["signer_infos"])
    except (ValueError, TypeError, KeyError) as error:
        raise SigningError(f"not a CMS signature file: {error}", f"不是 CMS 签名文件：{error}") from None
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in anchors]
    checks: list[SignerCheck] = []
    for signer in signer_infos:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = asyncio.run(
                async_validate_detached_cms(data, _single_signer(signed, signer), signer_validation_context=context)
            )
        except (CMSExtractionError, CMSStructuralError, ValueError, KeyError, TypeError) as error:
            checks.append(SignerCheck("?", None, "", False, False, None, f"the signature cannot be read: {error}"))
            continue
        certificate = x509.load_der_x509_certificate(status.signing_cert.dump())
        problems = []
        if not status.intact:
            problems.append("the document was changed after it was signed (digest differs)")
        elif not status.valid:
            problems.append("the signature does not match the signed data")
        if not status.trusted:
            problems.append("the signer's certificate does not chain to the trust anchor")
        checks.append(
            SignerCheck(
                certificate.subject.rfc4514_string(),
                certificate,
                certificate_sha256(certificate),
                bool(status.intact and status.valid),
                bool(status.trusted),
                status.signer_reported_dt,
                "; ".join(problems) or "signature intact",
                meaning_of(signer),
            )
        )
    return checks


def font_path() -> str:
    return str(resources.files("resources") / "fonts" / "WenQuanYiMicroHei-upm1000.ttf")
