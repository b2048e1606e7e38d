"""Databases made before the company signing authority (schema < 0006): bringing them under one.

Before, every account's certificate came from a one-off authority of its own whose key was thrown away, and
verification trusted every certificate in the ``users`` table. ``fugong trust init --by MANAGER`` creates the
authority, seals its key with that manager's password, pins it on this computer, and issues each account a
certificate for the key it already has (a certificate needs only the public key). The manager vouches, at that
moment, for the accounts as they are: run it on a database you know has not been tampered with.

Reports signed before keep their old certificates, which do not chain to the new authority: they verify only
against a trust file of those old certificates, given explicitly (``--trust``), never by default.
"""

from __future__ import annotations

from cryptography import x509
from sqlalchemy import select

from export import authority, keys, trust
from export.crypto import Identity, open_account_key
from storage import auth
from storage.db import Database
from storage.errors import PermissionDeniedError
from storage.models import User
from storage.unit_of_work import unit_of_work


def create_authority_for_existing(db: Database, manager: str, password: str) -> tuple[str, int]:
    """Create and pin the authority of an existing database; return (fingerprint, accounts certified)."""
    user = auth.authenticate(db, manager, password)
    if user.role != "manager":
        raise PermissionDeniedError(
            f"{user.name} is {user.role}: only a manager creates the signing authority; nothing was changed",
            f"{user.name} 不是单位主要负责人，不能创建签名机构；没有修改任何数据",
        )
    own_key = open_account_key(user.pkcs12, password) if user.pkcs12 else None
    key, certificate = authority.new_authority()
    certified = 0
    with unit_of_work(db, user.name, reason="创建签名机构，为现有账户签发证书") as session:
        if authority.stored_authority(session) is not None:
            raise authority.AuthorityError(
                "this database already has a signing authority; nothing was changed",
                "本数据库已有签名机构；没有修改任何数据",
            )
        authority.add_authority(session, certificate, key, user.id, password)
        for account in session.scalars(select(User).order_by(User.id)):
            if not account.certificate_pem:
                continue
            old = x509.load_pem_x509_certificates(account.certificate_pem.encode("ascii"))[0]
            issued = authority.issue(key, certificate, old.public_key(), account.name, account.role)  # type: ignore[arg-type]
            account.certificate_pem = Identity(key, issued, (certificate,)).certificate_pem
            certified += 1
            if account.id == user.id and own_key is not None:
                account.pkcs12 = keys.seal(own_key, password)
    digest = authority.fingerprint(certificate)
    trust.pin(db, digest)
    return digest, certified
