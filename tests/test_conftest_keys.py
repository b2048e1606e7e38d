"""tests/conftest.py reads each private key's bytes once per process (``_private_keys_read_once``): the same
bytes give the same key, and what the real reader refuses is refused every time, not remembered as a key. The
suite's committed keys (``tests.keys``) are read without OpenSSL's check of each key: only they."""

from __future__ import annotations

import math

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from export.crypto import SigningError, load_pkcs12
from tests.keys import KEYS_IN_THE_FILE, committed_keys, premade_pkcs12


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


def test_the_committed_keys_are_what_the_product_makes_each_of_its_own() -> None:
    """The suite reads tests/data/signing_keys.pem without OpenSSL's check of each key: here each is an RSA
    3072 key with the product's exponent whose numbers agree, distinct from the others, and signs."""
    keys = committed_keys()
    assert len(keys) == KEYS_IN_THE_FILE
    moduli = set()
    for key in keys:
        assert isinstance(key, rsa.RSAPrivateKey) and key.key_size == 3072
        numbers = key.private_numbers()
        p, q, n, e = numbers.p, numbers.q, numbers.public_numbers.n, numbers.public_numbers.e
        assert e == 65537 and p * q == n and p != q
        assert numbers.d * e % ((p - 1) * (q - 1) // math.gcd(p - 1, q - 1)) == 1
        assert (numbers.dmp1, numbers.dmq1, numbers.iqmp * q % p) == (numbers.d % (p - 1), numbers.d % (q - 1), 1)
        signature = key.sign(b"record", padding.PKCS1v15(), hashes.SHA256())
        key.public_key().verify(signature, b"record", padding.PKCS1v15(), hashes.SHA256())
        moduli.add(n)
    assert len(moduli) == len(keys)


def test_only_the_committed_keys_skip_the_check_and_a_premade_pkcs12_reads_as_the_real_reader_reads_it() -> None:
    key = committed_keys()[0]
    assert isinstance(key, rsa.RSAPrivateKey)
    numbers = key.private_numbers()
    read = serialization.load_der_private_key(_der(key), None)  # a sealed key opened: the stand-in's reader
    assert isinstance(read, rsa.RSAPrivateKey) and read.private_numbers() == numbers
    # Same modulus, another private exponent: not ours, so the real reader checks it and refuses it.
    almost = rsa.RSAPrivateNumbers(
        numbers.p, numbers.q, numbers.d + 2, numbers.dmp1, numbers.dmq1, numbers.iqmp, numbers.public_numbers
    ).private_key(unsafe_skip_rsa_key_validation=True)
    for _ in range(2):
        with pytest.raises(ValueError):
            serialization.load_der_private_key(_der(almost), None)
    blob = premade_pkcs12("李四", "officer", "p12 password")
    stand_in, certificate = load_pkcs12(blob, "p12 password")
    real = pkcs12.load_pkcs12(blob, b"p12 password")  # not patched: OpenSSL's reading, key check included
    assert real.key is not None and real.cert is not None
    assert isinstance(stand_in, rsa.RSAPrivateKey) and isinstance(real.key, rsa.RSAPrivateKey)
    assert stand_in.private_numbers() == real.key.private_numbers()
    assert certificate == real.cert.certificate


def _der(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
