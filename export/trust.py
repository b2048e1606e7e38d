"""Which signing authority this computer trusts, and the trust file handed to auditors.

The anchor is pinned outside the database, in the local settings (``storage.location.config_folder()`` /
``trust.json``): for each database (an SQLite file by its absolute path, a server database by its URL without
the password) the SHA-256 fingerprint of its authority's certificate. Verification trusts exactly one of:

- the certificates of an explicit trust file (``fugong verify --trust FILE.pem``: what an auditor is given), or
- the database's authority certificate, and only if its fingerprint is the one pinned on this computer.

Never the certificates in the ``users`` table: whoever can write the database file can put any key there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from sqlalchemy.engine import make_url

from export.authority import authority_certificate, fingerprint, grouped, pem
from export.revocation import Revocations, collect
from storage.db import Database
from storage.errors import KnownError
from storage.files import atomic_write
from storage.location import config_folder

SETTINGS_FILE = "trust.json"


class TrustError(KnownError):
    """No anchor to verify against, or one that does not match the pin."""


def settings_path() -> Path:
    return config_folder() / SETTINGS_FILE


def database_key(db: Database) -> str:
    """How the pin names a database: the SQLite file's absolute path, or the server URL without password."""
    path = db.sqlite_path
    if path is not None:
        return "sqlite:" + str(path.resolve())
    return make_url(db.url).set(password=None).render_as_string(hide_password=False)


def _settings() -> dict[str, dict[str, str]]:
    path = settings_path()
    if not path.exists():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise TrustError(
            f"the local trust settings {path} cannot be read; nothing is trusted until they are repaired",
            f"本机的信任设置 {path} 无法读取；修复之前不信任任何签名机构",
        ) from None
    pins = loaded.get("pins") if isinstance(loaded, dict) else None
    return {"pins": {str(k): str(v) for k, v in pins.items()}} if isinstance(pins, dict) else {"pins": {}}


def pinned(db: Database) -> str | None:
    """The fingerprint pinned for ``db`` on this computer, if any."""
    return _settings().get("pins", {}).get(database_key(db))


def pin(db: Database, digest: str) -> None:
    """Pin ``digest`` as ``db``'s authority on this computer. An existing, different pin is never replaced
    silently: :class:`TrustError`."""
    settings = _settings()
    pins = settings.setdefault("pins", {})
    key = database_key(db)
    if pins.get(key) not in (None, digest):
        raise TrustError(
            f"this computer already trusts another signing authority for this database ({pins[key][:16]}…); "
            "nothing was changed",
            f"本机已为该数据库信任另一个签名机构（{pins[key][:16]}…）；没有修改任何数据",
        )
    pins[key] = digest
    atomic_write(settings_path(), json.dumps(settings, indent=2, sort_keys=True).encode("utf-8"))


MAX_TRUST_FILE_BYTES = 10_000_000


def read_certificates(path: Path) -> list[x509.Certificate]:
    """Every certificate of a PEM file (a trust file). A file that holds none, or a damaged one, is refused in
    one sentence: silently trusting fewer certificates would read as "not trusted" and hide the mistake."""
    try:
        if path.stat().st_size > MAX_TRUST_FILE_BYTES:
            raise TrustError(f"{path.name} is too large to be a trust file", f"{path.name} 太大，不是信任文件")
        text = path.read_text(encoding="ascii")
    except OSError as error:
        raise TrustError(f"cannot read the trust file {path}: {error.strerror}", f"无法读取信任文件 {path}") from None
    except UnicodeDecodeError:
        raise TrustError(
            f"{path.name} is not a PEM file of certificates (it is not plain text)",
            f"{path.name} 不是 PEM 证书文件（不是纯文本）",
        ) from None
    marker = "-----END CERTIFICATE-----"
    text = _PEM_CRL.sub("", text)  # the revocation lists: read_revocation_lists
    blocks = [part.strip() + "\n" + marker + "\n" for part in text.split(marker) if "BEGIN CERTIFICATE" in part]
    if not blocks:
        raise TrustError(f"{path.name} holds no certificate (no BEGIN CERTIFICATE block)", f"{path.name} 中没有证书")
    certificates: list[x509.Certificate] = []
    for index, block in enumerate(blocks, 1):
        try:
            certificates.append(x509.load_pem_x509_certificate(block.encode("ascii")))
        except ValueError:
            raise TrustError(
                f"certificate {index} of {path.name} is damaged and cannot be read",
                f"{path.name} 中的第 {index} 个证书已损坏，无法读取",
            ) from None
    return certificates


_PEM_CRL = re.compile(r"-----BEGIN X509 CRL-----.*?-----END X509 CRL-----", re.S)


def read_revocation_lists(path: Path) -> list[tuple[str, x509.CertificateRevocationList | None]]:
    """The CRLs of a trust file, each with where it came from (None: a block that cannot be read)."""
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return []  # read_certificates already said why
    found: list[tuple[str, x509.CertificateRevocationList | None]] = []
    for index, block in enumerate(_PEM_CRL.findall(text), 1):
        try:
            crl: x509.CertificateRevocationList | None = x509.load_pem_x509_crl(block.encode("ascii"))
        except ValueError:
            crl = None
        found.append((f"revocation list {index} of {path.name}", crl))
    if text.count("-----BEGIN X509 CRL-----") > len(found):  # one cut short
        found.append((f"a damaged revocation list in {path.name}", None))
    return found


def _database_revocation_lists(db: Database) -> list[tuple[str, x509.CertificateRevocationList | None]]:
    from sqlalchemy import select

    from export.revocation import load
    from storage.models import RevocationList

    with db.session() as session:
        rows = session.execute(select(RevocationList.number, RevocationList.crl_der).order_by(RevocationList.number))
        return [(f"revocation list {number} in the database", load(der)) for number, der in rows]


@dataclass
class Anchors:
    """What a verification trusts, and where that came from (said in the verdict)."""

    certificates: list[x509.Certificate] = field(default_factory=list)
    source: str = ""
    source_zh: str = ""
    problem: str = ""
    problem_zh: str = ""
    revocations: Revocations = field(default_factory=Revocations)

    @property
    def ok(self) -> bool:
        return bool(self.certificates) and not self.problem

    @property
    def fingerprints(self) -> list[str]:
        return [fingerprint(c) for c in self.certificates]


def anchors_for(db: Database | None, trust_file: Path | None) -> Anchors:
    """The trust anchors of a verification: the trust file's if one is given (a damaged or empty one raises
    :class:`TrustError`), else the database's authority if (and only if) it is the one pinned on this computer.
    With them, the revocation lists (of the trust file and of the database) that an anchor signed."""
    anchors = _anchors(db, trust_file)
    if anchors.ok:
        candidates = read_revocation_lists(trust_file) if trust_file is not None else []
        if db is not None:
            candidates += _database_revocation_lists(db)
        anchors.revocations = collect(candidates, anchors.certificates)
    return anchors


def _anchors(db: Database | None, trust_file: Path | None) -> Anchors:
    if trust_file is not None:
        certificates = read_certificates(trust_file)  # a bad trust file is refused, not a failed check
        digests = ", ".join(grouped(fingerprint(c))[:19] + "…" for c in certificates)
        return Anchors(
            certificates, f"the trust file {trust_file.name} ({digests})", f"信任文件 {trust_file.name}（{digests}）"
        )
    if db is None:
        return Anchors(
            problem="no trust anchor: give the authority's trust file with --trust FILE.pem",
            problem_zh="没有信任锚：请用 --trust FILE.pem 指定签名机构的信任文件",
        )
    try:
        expected = pinned(db)
    except TrustError as error:
        return Anchors(problem=str(error), problem_zh=error.message_zh)
    certificate = authority_certificate(db)
    if expected is None:
        return Anchors(
            problem="this computer has pinned no signing authority for this database: give the trust file with "
            "--trust FILE.pem (or pin it: fugong trust pin FILE.pem)",
            problem_zh="本机没有为该数据库固定签名机构：请用 --trust FILE.pem 指定信任文件（或 fugong trust pin FILE.pem）",
        )
    if certificate is None or fingerprint(certificate) != expected:
        found = fingerprint(certificate)[:16] + "…" if certificate is not None else "none"
        return Anchors(
            problem=f"the signing authority in the database ({found}) is not the one pinned on this computer "
            f"({expected[:16]}…): the database's authority was replaced",
            problem_zh=f"数据库中的签名机构（{found}）不是本机固定的签名机构（{expected[:16]}…）：数据库中的签名机构被替换过",
        )
    return Anchors(
        [certificate],
        f"the signing authority pinned on this computer ({grouped(expected)[:19]}…)",
        f"本机固定的签名机构（{grouped(expected)[:19]}…）",
    )


def trusted_authority(db: Database) -> x509.Certificate:
    """The database's authority, checked against this computer's pin (for the trust file and reports)."""
    anchors = anchors_for(db, None)
    if not anchors.ok:
        raise TrustError(anchors.problem, anchors.problem_zh)
    return anchors.certificates[0]


def export_trust_file(db: Database, path: Path) -> str:
    """Write the pinned authority's certificate (PEM) to ``path``, followed by its latest revocation list (PEM)
    if it has revoked anything; return its fingerprint."""
    from export.revocation import latest_pem

    certificate = trusted_authority(db)
    with db.session() as session:
        crl = latest_pem(session, certificate)
    atomic_write(path, (pem(certificate) + crl).encode("ascii"))
    path.chmod(0o644)  # a public certificate, handed out
    return fingerprint(certificate)


def pin_trust_file(db: Database, path: Path) -> str:
    """Pin, on this computer, the authority of a trust file as ``db``'s (another computer of the company, a
    database moved to another path). The file must hold the database's authority."""
    certificates = read_certificates(path)
    certificate = authority_certificate(db)
    if certificate is None:
        raise TrustError("this database has no signing authority", "本数据库没有签名机构")
    digest = fingerprint(certificate)
    if digest not in {fingerprint(c) for c in certificates}:
        raise TrustError(
            f"{path.name} does not hold this database's signing authority ({digest[:16]}…); nothing was pinned",
            f"{path.name} 中没有本数据库的签名机构（{digest[:16]}…）；没有固定任何内容",
        )
    pin(db, digest)
    return digest
