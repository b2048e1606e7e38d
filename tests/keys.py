"""Signing keys made once per test process.

An account's signing key is an RSA key that the company signing authority certifies when the account is
made: generating it takes a while. Tests about something else than making keys (signing, verifying, accounts
in the window) take a key from here, made on first use and reused for the same (name, role, password), and
hand it to ``create_account`` as an imported key file (the path a CA-issued key takes: the key is kept and
the company authority certifies it). Tests of making keys (the first-run dialog, ``fugong users add``
without ``--pkcs12``) still make their own.
"""

from __future__ import annotations

import functools

from storage.db import Database

_MADE: list[object] = []  # the keys made for ``export.signing`` in this process, in order (see ``KeyPool``)


class KeyPool:
    """Stands in for ``export.signing.new_signing_key`` in a test module (``tests/conftest.py``): the module's
    first new account gets this process's first key, the second its second, and so on — keys made by the real
    ``new_signing_key`` (RSA 3072), each made once per process. Within a module every account gets a key of
    its own; tests marked ``real_key_generation`` make fresh keys."""

    def __init__(self) -> None:
        self.handed = 0

    def __call__(self) -> object:
        from export.crypto import new_signing_key

        if self.handed == len(_MADE):
            _MADE.append(new_signing_key())
        self.handed += 1
        return _MADE[self.handed - 1]


def made_in_this_process() -> list[object]:
    return list(_MADE)


@functools.cache
def _key(name: str, role: str) -> object:
    from export.crypto import new_signing_key

    return new_signing_key()


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
    return pkcs12.serialize_key_and_certificates(
        name.encode(), key, certificate, None, BestAvailableEncryption(password.encode())
    )


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
