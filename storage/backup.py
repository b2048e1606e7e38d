"""Backup and restore of an SQLite database with SQLite's online backup API.

A backup is a consistent copy taken while the application may be writing. Restore refuses a file that is
not a 复工自查 database with an intact audit chain, and keeps a copy of the live database before replacing it.
(PostgreSQL databases are backed up with ``pg_dump``; see the README.)
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from storage.db import Database, open_database
from storage.errors import InvalidInputError, KnownError
from storage.files import atomic_produce


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise KnownError("backup and restore work on SQLite databases; for PostgreSQL use pg_dump / pg_restore")
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
        raise KnownError(f"backup failed, nothing was written to {target}: {exc}") from None


def check_backup(path: Path) -> str:
    """Check that ``path`` is a usable 复工自查 backup; return a one-line description or raise."""
    if not path.is_file():
        raise InvalidInputError(f"{path} does not exist")
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise InvalidInputError(f"{path} is not a 复工自查 backup (not an SQLite database); nothing was restored")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise InvalidInputError(f"{path} is damaged (integrity check failed); nothing was restored")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "inspections", "audit_log"} <= tables:
                raise InvalidInputError(f"{path} is an SQLite file but not a 复工自查 database; nothing was restored")
            count = connection.execute("SELECT count(*) FROM inspections").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise InvalidInputError(f"{path} cannot be read as a backup ({exc}); nothing was restored") from None
    opened = open_database(f"sqlite:///{path}", upgrade=False)
    try:
        from storage.audit import verify_chain

        with opened.session() as session:
            chain = verify_chain(session)
    finally:
        opened.close()
    if not chain.ok:
        raise InvalidInputError(
            f"{path}: the audit trail of the backup is broken ({chain.reason}); nothing was restored"
        )
    return f"{count} inspections, {chain.reason}"


def restore(db: Database, source: Path) -> Path:
    """Replace the live database with ``source``; return where the previous live database was kept."""
    live = _require_sqlite(db)
    check_backup(source)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = live.with_name(f"{live.stem}.before-restore-{stamp}{live.suffix}")
    backup(db, kept)
    db.engine.dispose()
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(live) as dest:
            src.backup(dest)
        dest.close()
    except sqlite3.Error as exc:
        raise KnownError(f"restore failed ({exc}); the previous database is kept at {kept}") from None
    return kept
