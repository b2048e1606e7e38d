"""tests/conftest.py reads each private key's bytes once per process (``_private_keys_read_once``): the same
bytes give the same key, and what the real reader refuses is refused every time, not remembered as a key."""

from __future__ import annotations

import pytest

from export.crypto import SigningError, load_pkcs12
from tests.keys import premade_pkcs12


def test_a_key_read_again_is_the_same_and_a_refusal_is_refused_again() -> None:
    blob = premade_pkcs12("张三", "officer", "right password")
    key, certificate = load_pkcs12(blob, "right password")
    assert load_pkcs12(blob, "right password") == (key, certificate)
    for _ in range(2):
        with pytest.raises(SigningError, match="wrong password"):
            load_pkcs12(blob, "wrong password")
    damaged = blob[:-64] + bytes(64)
    for _ in range(2):
        with pytest.raises(SigningError):
            load_pkcs12(damaged, "right password")
