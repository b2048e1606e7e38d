"""Private keys sealed with a password: argon2id key derivation, then AES-256-GCM.

Who copies the database file copies every sealed key in it; what stands between them and a key is the cost of
guessing its password. The login hash (``storage.auth``) already makes each guess cost an argon2id run, so a
key is sealed with argon2id parameters at least as costly (one more pass over the same memory): a guess
against a stolen key is never cheaper than a guess against the login. ``bench/bench_keys.py`` measures both.

The envelope is a small JSON document (``fugong.key/1``) holding the KDF parameters, the salt, the nonce and
the ciphertext of the key (PKCS#8 DER). The parameters are the GCM's associated data: lowering them in the
file makes it fail to open instead of making it cheaper to attack.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.errors import KnownError

FORMAT = "fugong.key/1"
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class KeyLockedError(KnownError):
    """A sealed key that does not open: wrong password, or a damaged or altered envelope."""


@dataclass(frozen=True)
class KdfParameters:
    """argon2id cost: passes, memory in KiB, lanes."""

    time_cost: int
    memory_cost: int
    parallelism: int


def login_parameters() -> KdfParameters:
    """The argon2id parameters of the login hash (``storage.auth``'s hasher)."""
    from storage.auth import password_hasher

    hasher = password_hasher()
    return KdfParameters(hasher.time_cost, hasher.memory_cost, hasher.parallelism)


def key_parameters() -> KdfParameters:
    """At least the login's cost: the same memory and lanes, one more pass."""
    login = login_parameters()
    return KdfParameters(login.time_cost + 1, login.memory_cost, login.parallelism)


def derive(password: str, salt: bytes, parameters: KdfParameters) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=parameters.time_cost,
        memory_cost=parameters.memory_cost,
        parallelism=parameters.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _header(parameters: KdfParameters, salt: bytes) -> dict[str, object]:
    return {
        "format": FORMAT,
        "kdf": "argon2id",
        "time_cost": parameters.time_cost,
        "memory_cost": parameters.memory_cost,
        "parallelism": parameters.parallelism,
        "salt": base64.b64encode(salt).decode("ascii"),
        "cipher": "AES-256-GCM",
    }


def _aad(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(key: PrivateKey, password: str, parameters: KdfParameters | None = None) -> bytes:
    """``key`` encrypted under a key derived from ``password``; the envelope as bytes."""
    parameters = parameters or key_parameters()
    salt, nonce = os.urandom(16), os.urandom(12)
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    header = _header(parameters, salt)
    ciphertext = AESGCM(derive(password, salt, parameters)).encrypt(nonce, plain, _aad(header))
    envelope = {
        **header,
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(ciphertext).decode("ascii"),
    }
    return json.dumps(envelope, sort_keys=True).encode("utf-8")


def is_sealed(blob: bytes | None) -> bool:
    """True for a ``fugong.key/1`` envelope (False for a legacy PKCS#12, which is DER)."""
    return blob is not None and blob.lstrip()[:1] == b"{"  # DER (PKCS#12) starts with 0x30


def parameters_of(blob: bytes) -> KdfParameters:
    envelope = _parse(blob)
    return KdfParameters(
        int(str(envelope["time_cost"])), int(str(envelope["memory_cost"])), int(str(envelope["parallelism"]))
    )


def _parse(blob: bytes) -> dict[str, object]:
    try:
        envelope = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise KeyLockedError(
            "the sealed key is damaged (not a key envelope)", "密钥文件已损坏（不是密钥封装）"
        ) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT or envelope.get("kdf") != "argon2id":
        raise KeyLockedError("the sealed key is of an unknown kind", "无法识别的密钥封装格式")
    return envelope


def open_sealed(blob: bytes, password: str) -> PrivateKey:
    """The private key, or :class:`KeyLockedError` (a wrong password and an altered envelope look the same)."""
    envelope = _parse(blob)
    try:
        parameters = KdfParameters(
            int(str(envelope["time_cost"])), int(str(envelope["memory_cost"])), int(str(envelope["parallelism"]))
        )
        salt = base64.b64decode(str(envelope["salt"]), validate=True)
        nonce = base64.b64decode(str(envelope["nonce"]), validate=True)
        ciphertext = base64.b64decode(str(envelope["ciphertext"]), validate=True)
    except (KeyError, ValueError):
        raise KeyLockedError("the sealed key is damaged", "密钥封装已损坏") from None
    floor = login_parameters()
    if parameters.time_cost < floor.time_cost or parameters.memory_cost < floor.memory_cost:
        raise KeyLockedError(
            "the sealed key's KDF is weaker than the login's: refused", "该密钥的密钥派生强度低于登录密码：拒绝使用"
        )
    try:
        plain = AESGCM(derive(password, salt, parameters)).decrypt(nonce, ciphertext, _aad(_header(parameters, salt)))
    except InvalidTag:
        raise KeyLockedError(
            "the signing key could not be unlocked: wrong password or damaged key",
            "签名密钥无法解锁：密码错误或密钥已损坏",
        ) from None
    key = serialization.load_der_private_key(plain, password=None)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise KeyLockedError("only RSA and EC signing keys are supported", "只支持 RSA 和 EC 签名密钥")
    return key
