"""Signing keys made once per test process.

A signing key is an RSA-3072 key with its certificate, as password-protected PKCS#12: a second or more to
make. Tests about something else than making keys (signing, verifying, accounts in the window) take a key
from here, made on first use and then reused for the same (name, role, password), and hand it to
``create_account`` as an imported key file, the path a CA-issued key takes. The account that results is the
same as one with a freshly made key: the key is only ever used through the account's stored PKCS#12.
Tests of making keys (``generate_identity``, the first-run dialog, ``fugong users add`` without
``--pkcs12``) still make their own.
"""

from __future__ import annotations

import functools

from storage.db import Database


@functools.cache
def premade_pkcs12(name: str, role: str, password: str) -> bytes:
    """The PKCS#12 of a key and certificate for ``name`` in ``role``, locked by ``password``."""
    from export.crypto import generate_identity

    return generate_identity(name, role, password).pkcs12


def create_account(db: Database, actor: str, name: str, role: str, password: str) -> tuple[int, str]:
    """``export.signing.create_account`` with a premade key: an account with its signing key."""
    from export.signing import create_account as create

    return create(db, actor, name, role, password, pkcs12=premade_pkcs12(name.strip(), role, password))
