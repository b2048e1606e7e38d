"""Signing keys made once, committed with the suite.

An account's signing key is an RSA 3072 key that the company signing authority certifies when the account is
made: generating one takes 0.1–1.5 s of CPU, and checking one as it is read (OpenSSL tests its primes) about
0.1 s. Tests about something else than making keys (signing, verifying, accounts in the window) take a key from
``tests/data/signing_keys.pem`` instead: keys made once by the product's own ``new_signing_key``, checked when
they were made, and read without that check again (``unsafe_skip_rsa_key_validation``: they are ours). They
reach the product two ways: ``KeyPool`` stands in for ``export.signing.new_signing_key`` (``tests/conftest.py``),
and ``create_account`` below hands a premade key to the product's ``create_account`` as an imported key file
(the path a CA-issued key takes: the key is kept and the company authority certifies it). Tests of making keys
(marked ``real_key_generation``: the first-run dialog, ``fugong users add`` without ``--pkcs12``) still make
their own. The keys are test keys, public in this repository: nothing outside the suite may trust them.

To make the file again (a different number of keys, or a new key size in the product)::

    .venv/bin/python -m tests.keys
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from storage.db import Database

COMMITTED_KEYS = Path(__file__).resolve().parent / "data" / "signing_keys.pem"
KEYS_IN_THE_FILE = 64
# The file's first half goes to KeyPool (accounts that get a "new" key), the second to premade_pkcs12 (accounts
# that import a key file), so that two accounts of one database never share a key. Past its half, either makes
# new keys (slower, as before the file existed).
_POOL_KEYS = KEYS_IN_THE_FILE // 2

_MADE: list[Any] = []  # keys KeyPool made past the file's share in this process
_PER_NAME: list[tuple[str, str]] = []  # the (name, role) of each key premade_pkcs12 has handed, in order


@functools.cache
def committed_keys() -> tuple[Any, ...]:
    """The keys of ``tests/data/signing_keys.pem``, read without OpenSSL's check of each key (a tenth of a
    second of CPU each, in every test process): ``write_committed_keys`` checked every key when it made the
    file, and nothing else writes it."""
    from cryptography.hazmat.primitives import serialization

    blocks = COMMITTED_KEYS.read_bytes().split(b"-----END PRIVATE KEY-----")
    return tuple(
        serialization.load_pem_private_key(
            block + b"-----END PRIVATE KEY-----", password=None, unsafe_skip_rsa_key_validation=True
        )
        for block in blocks
        if block.strip()
    )


def write_committed_keys(count: int = KEYS_IN_THE_FILE) -> None:
    """Makes ``count`` keys with the product's ``new_signing_key``, reads each back with OpenSSL's full check,
    and writes them to ``tests/data/signing_keys.pem`` (PKCS#8 PEM, unencrypted)."""
    from cryptography.hazmat.primitives import serialization

    from export.crypto import new_signing_key

    pems = []
    for _ in range(count):
        pem = new_signing_key().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        serialization.load_pem_private_key(pem, password=None)  # the check the suite then skips
        pems.append(pem)
    COMMITTED_KEYS.parent.mkdir(exist_ok=True)
    COMMITTED_KEYS.write_bytes(b"".join(pems))
    committed_keys.cache_clear()


def is_committed(key: Any) -> bool:
    """True if ``key`` (a private key just read) is one of the committed keys, number for number."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    if not isinstance(key, rsa.RSAPrivateKey):
        return False
    numbers = key.private_numbers()
    ours = _committed_by_modulus().get(numbers.public_numbers.n)
    return ours is not None and ours.private_numbers() == numbers


@functools.cache
def _committed_by_modulus() -> dict[int, Any]:
    return {key.public_key().public_numbers().n: key for key in committed_keys()}


class KeyPool:
    """Stands in for ``export.signing.new_signing_key`` in a test module (``tests/conftest.py``): the module's
    first new account gets the file's first key, the second its second, and so on; past the file's share for
    new accounts, keys made by the real ``new_signing_key`` (RSA 3072), each made once per process. Within a
    module every account gets a key of its own; tests marked ``real_key_generation`` make fresh keys."""

    def __init__(self) -> None:
        self.handed = 0

    def __call__(self) -> Any:
        from export.crypto import new_signing_key

        self.handed += 1
        if self.handed <= _POOL_KEYS:
            return committed_keys()[self.handed - 1]
        if self.handed - _POOL_KEYS > len(_MADE):
            _MADE.append(new_signing_key())
        return _MADE[self.handed - _POOL_KEYS - 1]


def premade_keys() -> list[Any]:
    """Every key the stand-ins may have handed in this process: the committed file's and those made past it."""
    return [*committed_keys(), *_MADE, *_BEYOND_THE_FILE.values()]


_BEYOND_THE_FILE: dict[tuple[str, str], Any] = {}


@functools.cache
def _key(name: str, role: str) -> Any:
    """The key of ``name`` as ``role``: one of the file's second half, a different one for each (name, role)
    in the order asked; past the file, a new one."""
    from export.crypto import new_signing_key

    _PER_NAME.append((name, role))
    index = _POOL_KEYS + len(_PER_NAME) - 1
    if index < len(committed_keys()):
        return committed_keys()[index]
    _BEYOND_THE_FILE[name, role] = new_signing_key()
    return _BEYOND_THE_FILE[name, role]


@functools.cache
def premade_pkcs12(name: str, role: str, password: str) -> bytes:
    """A PKCS#12 of a premade key for ``name`` (with a self-signed certificate, as an outside CA's file would
    carry one), locked by ``password``."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from export.crypto import self_signed_certificate

    key = _key(name, role)
    assert isinstance(key, rsa.RSAPrivateKey)
    certificate = self_signed_certificate(key, name, days=365)
    blob = pkcs12.serialize_key_and_certificates(
        name.encode(), key, certificate, None, BestAvailableEncryption(password.encode())
    )
    _WRITTEN_PKCS12[blob, password.encode()] = (key, certificate)
    return blob


# What premade_pkcs12 wrote, by (bytes, password): tests/conftest.py's PKCS#12 reader answers these with the
# key and certificate written (reading them back costs OpenSSL's check of the key, a tenth of a second each);
# any other bytes or password go to the real reader.
_WRITTEN_PKCS12: dict[tuple[bytes, bytes], tuple[Any, Any]] = {}


def written_pkcs12(data: bytes, password: bytes | None) -> tuple[Any, Any] | None:
    """The (key, certificate) of a PKCS#12 ``premade_pkcs12`` wrote in this process with this password."""
    return _WRITTEN_PKCS12.get((bytes(data), password)) if password is not None else None


def create_account(
    db: Database, actor: str, name: str, role: str, password: str, actor_password: str | None = None
) -> tuple[int, str]:
    """``export.signing.create_account`` with a premade key: an account with its signing key (a role that signs;
    an auditor's account gets none), certified by the company authority (``actor_password`` unlocks it for
    every account after the first)."""
    from checklist.workflow import role_signs
    from export.signing import create_account as create

    return create(
        db,
        actor,
        name,
        role,
        password,
        pkcs12=premade_pkcs12(name.strip(), role, password) if role_signs(role) else None,  # an auditor: no key
        actor_password=actor_password,
    )


def signature_png() -> bytes:
    """A hand-drawn signature as the signature pad hands it over: a black stroke on a transparent PNG."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (80, 20), (150, 70), (290, 30)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def sign_and_countersign(db: Database, record: int, passwords: dict[str, str]) -> None:
    """王经理 (manager, the first account) makes 张三 (officer); 张三 signs ``record`` as 检查人 and 王经理
    countersigns it as 审核 — the signed record the attack and upgrade tests start from."""
    from export import signing

    create_account(db, "setup", "王经理", "manager", passwords["王经理"])
    create_account(db, "王经理", "张三", "officer", passwords["张三"], actor_password=passwords["王经理"])
    db.principal = None
    signing.sign(db, record, "张三", passwords["张三"], "inspector")
    signing.sign(db, record, "王经理", passwords["王经理"], "approver")


if __name__ == "__main__":
    write_committed_keys()
    print(f"{len(committed_keys())} keys written to {COMMITTED_KEYS}")
