"""Backup and restore of an SQLite database with SQLite's online backup API.

A backup is a consistent copy taken while the application may be writing. Restore refuses a file that is
not a 复工自查 database with an intact audit chain, and keeps a copy of the live database before replacing it.
(PostgreSQL databases are backed up with ``pg_dump``; see the README.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from checklist.company import company_now
from checklist.messages import msg
from storage.db import Database, open_database
from storage.errors import InvalidInputError, KnownError
from storage.files import atomic_produce


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise KnownError(msg("backup.sqlite_only"))
    return path


def backup(db: Database, target: Path) -> None:
    """Write a consistent copy of the live database to ``target`` (never a half-written file)."""
    source_path = _require_sqlite(db)

    def produce(tmp: Path) -> None:
        with sqlite3.connect(source_path) as source, sqlite3.connect(tmp) as dest:
            source.backup(dest)
        dest.close()

    try:
        atomic_produce(target, produce)
    except sqlite3.Error as exc:
        raise KnownError(msg("backup.failed", target=str(target), reason=str(exc))) from None


def _refused(path: Path, english: str, chinese: str) -> InvalidInputError:
    return InvalidInputError(f"{path.name} {english}; nothing was restored", f"{path.name} {chinese}；没有恢复任何内容")


def check_backup(path: Path) -> str:
    """Check that ``path`` is a complete, current, verified 复工自查 database; return a one-line description or
    raise :class:`InvalidInputError` saying why not.

    Complete: every table of this version's schema. Current: the schema revision is this version's (a newer
    one is refused, an older one is refused too: restore a backup, then let the application migrate it in its
    own time). Verified: the audit chain is intact and every completed or signed record still hashes to what
    was stored. Any other file, including a look-alike, is refused without a traceback.
    """
    from storage.db import SCHEMA_HEAD
    from storage.models import Base

    if not path.is_file():
        raise InvalidInputError(f"{path} does not exist; nothing was restored", f"{path} 不存在；没有恢复任何内容")
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise _refused(
                path, "is not a 复工自查 backup (not an SQLite database)", "不是复工自查备份（不是 SQLite 数据库）"
            )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise _refused(path, "is damaged (integrity check failed)", "已损坏（完整性检查未通过）")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            missing = sorted(({"alembic_version"} | set(Base.metadata.tables)) - tables)
            if {"alembic_version", "inspections", "audit_log"} - tables:
                raise _refused(
                    path, "is an SQLite file but not a 复工自查 database", "是 SQLite 文件，但不是复工自查数据库"
                )
            if missing:
                raise _refused(
                    path,
                    f"is an incomplete 复工自查 database (the tables {', '.join(missing[:5])} are missing)",
                    f"是不完整的复工自查数据库（缺少数据表 {', '.join(missing[:5])}）",
                )
            revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
            count = connection.execute("SELECT count(*) FROM inspections").fetchone()[0]
            finished = [
                row[0] for row in connection.execute("SELECT id FROM inspections WHERE status != 'draft' ORDER BY id")
            ]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise _refused(path, f"cannot be read as a backup ({exc})", f"无法作为备份读取（{exc}）") from None
    if revisions != [SCHEMA_HEAD]:
        shown = ", ".join(str(r) for r in revisions) or "none"
        raise _refused(
            path,
            f"has the schema revision {shown}, not this version's {SCHEMA_HEAD}",
            f"的数据库结构版本为 {shown}，不是本版本的 {SCHEMA_HEAD}",
        )
    return _verify_contents(path, count, finished)


def _verify_contents(path: Path, count: int, finished: list[int]) -> str:
    """The audit chain and every completed or signed record of the backup, read through the application."""
    from storage.audit import verify_chain
    from storage.verification import verify_record

    opened = open_database(f"sqlite:///{path}", upgrade=False)
    try:
        try:
            with opened.session() as session:
                chain = verify_chain(session)
            if not chain.ok:
                raise _refused(
                    path,
                    f"— the audit trail of the backup is broken ({chain.reason})",
                    f"的审计记录链已断开（{chain.reason}）",
                )
            for inspection_id in finished:
                record = verify_record(opened, inspection_id)
                if not record.ok:
                    failed = next(text for passed, text, _ in record.results if not passed)
                    raise _refused(
                        path,
                        f"holds record {inspection_id}, which was changed after it was signed or completed ({failed})",
                        f"中的记录 #{inspection_id} 在签署或完成后被改动过",
                    )
        except KnownError:
            raise
        except Exception as error:  # rows a look-alike or a damaged file holds: not something to restore
            raise _refused(
                path,
                f"cannot be read as a 复工自查 database ({type(error).__name__})",
                "无法作为复工自查数据库读取",
            ) from None
    finally:
        opened.close()
    return f"{count} inspections, {chain.reason}"


def restore(db: Database, source: Path, by: str | None = None) -> Path:
    """Replace the live database with ``source``; return where the previous live database was kept.

    ``by`` is the manager of the live database who authenticated for it (the command line asks for the
    password before calling this; None only for a live database without accounts). The restored database's
    audit trail then says who restored which file (its SHA-256) and where the previous database was kept."""
    import hashlib

    live = _require_sqlite(db)
    check_backup(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    stamp = company_now().strftime("%Y%m%d-%H%M%S")  # the plant's time, as the audit trail shows it
    kept = live.with_name(f"{live.stem}.before-restore-{stamp}{live.suffix}")
    backup(db, kept)
    db.engine.dispose()
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(live) as dest:
            src.backup(dest)
        dest.close()
    except sqlite3.Error as exc:
        raise KnownError(msg("restore.failed", reason=str(exc), kept=str(kept))) from None
    _record_restore(db, by, source, digest, kept)
    return kept


def _record_restore(db: Database, by: str | None, source: Path, digest: str, kept: Path) -> None:
    """The restored database's audit trail names the account that restored it, and from what."""
    from storage import audit
    from storage.unit_of_work import unit_of_work

    actor = by or "(no account: the previous database had none)"
    with unit_of_work(db, actor, reason="从备份恢复", allowed=None) as session:
        audit.record_event(
            session,
            "restore",
            "database",
            None,
            None,
            {"from": source.name, "sha256": digest, "previous_kept_at": str(kept), "by": actor},
        )
