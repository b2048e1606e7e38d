"""Benchmark: what one password guess costs an attacker who copied the database file.

Run with ``python bench/bench_keys.py [--guesses N]``. For each secret derived from a password, it times N
wrong guesses the way an attacker would make them (one guess = everything needed to tell a wrong password
from the right one) and prints guesses per second on this machine:

- the login hash (argon2id, ``storage.auth``): verify a guess against the stored hash;
- a sealed signing key (``export.keys``: argon2id + AES-256-GCM): derive the key and try to open the envelope;
- a manager's sealed copy of the signing authority key (the same envelope);
- for comparison, the PKCS#12 the keys were kept in before (PBKDF2, 20,000 rounds, via ``cryptography``).

Target: guesses per second against a stolen key ≤ guesses per second against the login hash.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from export import authority, keys
from storage.auth import password_hasher

PASSWORD = "the-real-password"


def rate(guess: Callable[[str], None], guesses: int) -> tuple[float, float]:
    """(median, best) guesses per second over ``guesses`` wrong guesses timed one by one."""
    times = []
    for index in range(guesses):
        start = time.perf_counter()
        guess(f"wrong-guess-{index}")
        times.append(time.perf_counter() - start)
    return 1 / statistics.median(times), 1 / min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guesses", type=int, default=15)
    args = parser.parse_args()

    hasher: PasswordHasher = password_hasher()
    login_hash = hasher.hash(PASSWORD)

    def login(guess: str) -> None:
        try:
            hasher.verify(login_hash, guess)
        except VerificationError:
            return
        raise AssertionError("a wrong guess verified")

    account_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    sealed_key = keys.seal(account_key, PASSWORD)
    authority_key, _ = authority.new_authority()
    sealed_authority = keys.seal(authority_key, PASSWORD)

    def opener(blob: bytes) -> Callable[[str], None]:
        def guess(password: str) -> None:
            try:
                keys.open_sealed(blob, password)
            except keys.KeyLockedError:
                return
            raise AssertionError("a wrong guess opened the key")

        return guess

    legacy = pkcs12.serialize_key_and_certificates(
        b"x", ec.generate_private_key(ec.SECP256R1()), None, None,
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )  # fmt: skip

    def legacy_guess(password: str) -> None:
        try:
            pkcs12.load_key_and_certificates(legacy, password.encode())
        except ValueError:
            return

    login_parameters = keys.login_parameters()
    key_parameters = keys.parameters_of(sealed_key)
    print(
        f"argon2id login: t={login_parameters.time_cost} m={login_parameters.memory_cost} KiB "
        f"p={login_parameters.parallelism}; sealed keys: t={key_parameters.time_cost} "
        f"m={key_parameters.memory_cost} KiB p={key_parameters.parallelism}"
    )
    rows = [
        ("login hash (argon2id)", rate(login, args.guesses)),
        ("sealed signing key (argon2id + AES-GCM)", rate(opener(sealed_key), args.guesses)),
        ("sealed authority key (argon2id + AES-GCM)", rate(opener(sealed_authority), args.guesses)),
        ("before: PKCS#12, PBKDF2 20,000 rounds", rate(legacy_guess, args.guesses * 10)),
    ]
    print(f"{'secret':<44} {'guesses/s (median)':>19} {'guesses/s (best)':>17}")
    for name, (median, best) in rows:
        print(f"{name:<44} {median:>19.1f} {best:>17.1f}")
    login_best = rows[0][1][1]
    worst_key = max(rows[1][1][1], rows[2][1][1])
    verdict = "met" if worst_key <= login_best else "NOT met"
    print(
        f"target: a stolen key no cheaper to guess than the login (best rates {worst_key:.1f} ≤ {login_best:.1f}): {verdict}"
    )


if __name__ == "__main__":
    main()
