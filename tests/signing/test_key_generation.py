"""The product makes each new account an RSA 3072 key of its own. The suite hands most tests keys made once and
committed (tests/conftest.py, ``tests.keys.KeyPool``, ``tests/data/signing_keys.pem``); these tests check the
real thing and the stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from export import signing
from export.crypto import unlock_identity
from storage import auth
from storage.db import Database, open_database
from tests.keys import KEYS_IN_THE_FILE, premade_keys

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}


def _accounts(tmp_path: Path) -> tuple[Database, dict[str, rsa.RSAPrivateKey]]:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
    signing.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
    keys: dict[str, rsa.RSAPrivateKey] = {}
    for name, password in PASSWORDS.items():
        user = auth.get_user(db, name)
        assert user.pkcs12 is not None
        key = unlock_identity(user.pkcs12, user.certificate_pem, password).key
        assert isinstance(key, rsa.RSAPrivateKey)
        keys[name] = key
    return db, keys


def _public(key: object) -> bytes:
    assert isinstance(key, rsa.RSAPrivateKey)
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1)


def test_the_suite_s_stand_in_gives_each_account_of_a_module_its_own_premade_key(tmp_path: Path) -> None:
    db, keys = _accounts(tmp_path)
    db.close()
    made = [_public(key) for key in premade_keys()]
    assert _public(keys["王经理"]) in made and _public(keys["张三"]) in made
    assert _public(keys["王经理"]) != _public(keys["张三"])
    assert [key.key_size for key in keys.values()] == [3072, 3072]


@pytest.mark.real_key_generation
def test_a_new_account_gets_a_fresh_rsa_3072_key(tmp_path: Path) -> None:
    db, keys = _accounts(tmp_path)
    db.close()
    assert [key.key_size for key in keys.values()] == [3072, 3072]
    assert all(key.public_key().public_numbers().e == 65537 for key in keys.values())
    made = {_public(key) for key in premade_keys()}  # the committed file's, and any made past it
    assert len(made) >= KEYS_IN_THE_FILE and _public(keys["王经理"]) != _public(keys["张三"])
    assert not made & {_public(key) for key in keys.values()}, "a premade key was used, not a new one"
