"""Opening a database: engine, connection settings, migrations, and errors a user can act on.

The engine and session factory are built once from a URL and passed down (never a global), so each test
opens its own database. ``open_database`` applies pending Alembic migrations, each in its own transaction,
and refuses a database written by a newer version of the application.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from checklist.messages import msg
from storage import audit, stored_json
from storage.errors import DatabaseTooNewError, ForeignDatabaseError, KnownError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration. A database already at this revision opens without loading Alembic at all (it costs
# a noticeable part of the start-up); tests check that this is Alembic's head.
SCHEMA_HEAD = "0018"


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    # A row that INSERT OR REPLACE / REPLACE / UPDATE OR REPLACE deletes to make room fires the delete triggers
    # only with this on: without it the health ledger's per-day counts (schema 0016) counted the replaced reading
    # twice (tests/ledger/test_ledger_counts_raw_sql.py). No trigger writes the table it is on, so nothing recurses.
    cursor.execute("PRAGMA recursive_triggers = ON")
    mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
    # FULL: a committed transaction survives a power cut too, not only a crash of the process.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        raise KnownError(msg("database.no_wal", mode=str(mode[0])))


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE: take the write lock at the start, so a transaction never fails half-way on SQLITE_BUSY.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


CONNECT_TIMEOUT = 10  # seconds to wait for a database server


def _private_sqlite_files(path: Path) -> None:
    """The database holds everyone's sealed signing keys and the whole record: its folder is made 0700 when
    created here, and the file with its ``-wal``/``-shm`` is 0600 (SQLite gives those two the database
    file's mode). Files that exist are tightened if they are ours; someone else's are left as they are."""
    from storage.location import private_folder

    if not path.parent.exists():
        private_folder(path.parent)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(PermissionError):
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(0o600)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            _private_sqlite_files(Path(database).expanduser())
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, json_deserializer=stored_json.json_deserializer
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # A server that cannot be reached is said so after CONNECT_TIMEOUT seconds, not after the system's
    # TCP timeout (minutes, while the window says it is opening the database). No JIT compilation: this
    # application's queries take milliseconds, and a plan whose estimate crosses jit_above_cost (the ledger's
    # missing list on 20,000 people) spent 100–140 ms compiling it (bench/bench_ledger.py, EXPLAIN ANALYZE).
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "options": "-c jit=off"},
        json_deserializer=stored_json.json_deserializer,
    )


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    config.attributes["engine"] = engine
    return config


# What the driver's words say (any of them, in its first line lowered) → the English and the Chinese message;
# ``{text}`` is the driver's first line, ``{timeout}`` CONNECT_TIMEOUT. The first match wins.
_CAUSES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("locked", "busy"),
        "the database is locked by another program; try again in a moment ({text})",
        "数据库正被其他程序锁定，请稍后再试",
    ),
    (
        ("readonly", "read-only"),
        "the database file is read-only; choose a writable location ({text})",
        "数据库文件只读，请换一个可写的位置",
    ),
    (
        ("disk is full", "no space"),
        "the disk is full; free some space — nothing was changed ({text})",
        "磁盘已满，请释放空间；没有修改任何数据",
    ),
    (
        ("disk i/o error", "file too large"),  # SQLite's words for ENOSPC in the WAL, EFBIG
        "the database could not be written: the disk is full or failing; nothing was changed — free some "
        "space and try again ({text})",
        "无法写入数据库：磁盘已满或出现故障；没有修改任何数据，请释放空间后重试（{text}）",
    ),
    (
        ("not a database", "malformed"),
        "the file is not a readable database (damaged or of another kind): {text}",
        "该文件不是可读的数据库（已损坏或是其他类型的文件）",
    ),
    (
        ("timeout", "timed out"),
        "the database server did not answer within {timeout} s; check the network and the server address ({text})",
        "数据库服务器在 {timeout} 秒内没有应答，请检查网络和服务器地址",
    ),
    (
        (
            "unable to open",
            "could not connect",
            "connection refused",
            "connection failed",
            "connection to server",
            "failed to resolve",
            "host name",
        ),
        "cannot open the database: {text}",
        "无法打开数据库，请检查数据库的位置（或服务器地址）和网络",
    ),
)


def _describe(error: BaseException) -> tuple[str, str]:
    """What went wrong with the database, in English (with the driver's own words, for a maintainer) and in
    Chinese (in words only: the driver speaks English)."""
    text = str(getattr(error, "orig", error)).strip().splitlines()[0]
    lowered = text.lower()
    for words, english, chinese in _CAUSES:
        if any(word in lowered for word in words):
            return english.format(text=text, timeout=CONNECT_TIMEOUT), chinese.format(
                text=text, timeout=CONNECT_TIMEOUT
            )
    return text, f"数据库出错：{text}"


def _known(error: BaseException) -> KnownError:
    message, message_zh = _describe(error)
    return KnownError(message, message_zh)


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DBAPIError:
            connection.rollback()
            return None


def _refuse_foreign(engine: Engine) -> None:
    """A database with tables but no schema version is someone else's: never add tables to it."""
    from sqlalchemy import inspect

    _refuse_tables(sorted(inspect(engine).get_table_names()))


def _refuse_foreign_sqlite_file(path: Path) -> None:
    """The same check on an SQLite file before the first connection, which would switch it to WAL mode:
    someone else's file is refused without a single byte of it changed."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return  # opening it properly says what is wrong, in words
    try:
        tables = sorted(
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(row[0]).startswith("sqlite_")
        )
    except sqlite3.Error:
        return
    finally:
        connection.close()
    if "alembic_version" not in tables:
        _refuse_tables(tables)


def _refuse_tables(tables: list[str]) -> None:
    if tables:
        more = " …" if len(tables) > 5 else ""
        shown_en = ", ".join(f"“{name}”" for name in tables[:5]) + more
        shown = "、".join(f"“{name}”" for name in tables[:5]) + more
        raise ForeignDatabaseError(
            f"this database is not a 复工自查 database (it already holds the tables {shown_en}); it was left "
            "unchanged — choose an empty database or a 复工自查 one",
            f"该数据库不是复工自查数据库（其中已有数据表 {shown}），未作任何改动；请选择空数据库或复工自查数据库",
        )


def probe_database(url: str) -> None:
    """Try ``url`` before it is saved as the database to use: reachable, the password accepted, and not
    someone else's database. Changes nothing (no table, no migration); raises KnownError in words."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise KnownError(
            "this is not a database address; nothing was saved", "这不是数据库地址，未保存任何设置"
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise KnownError(
            "only an SQLite file or a PostgreSQL server can be used; nothing was saved",
            "只能使用 SQLite 文件或 PostgreSQL 服务器，未保存任何设置",
        )
    if parsed.get_backend_name() == "sqlite":
        _refuse_foreign_sqlite_file(Path(parsed.database or "").expanduser())
        return
    engine = make_engine(url)
    try:
        if _current_revision(engine) is None:
            _refuse_foreign(engine)
    except exc.DBAPIError as error:
        raise _known(error) from None
    finally:
        engine.dispose()


def migrate(engine: Engine) -> None:
    """Bring the schema up to date, refusing a database from a newer version of the application."""
    if _current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    if not current:
        _refuse_foreign(engine)
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        raise DatabaseTooNewError(
            f"this database was written by a newer version of 复工自查 (schema {', '.join(unknown)}); "
            "update the application to open it — the database was left unchanged"
        )
    command.upgrade(config, "head")


@dataclass
class Database:
    """An open database: the engine and the factory for sessions, handed to whoever needs them."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    # The account that logged in through this handle (set by storage.auth.authenticate). Once set, every
    # change made through the handle must be made as that account: a call claiming another name is refused.
    principal: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database).expanduser() if database and database != ":memory:" else None

    def session(self, actor: str = "system", reason: str = "") -> Session:
        session = self.sessions()
        session.info["actor"] = actor
        session.info["reason"] = reason
        return session

    def close(self) -> None:
        self.engine.dispose()


def _read_only(path: Path) -> bool:
    """Whether an existing SQLite file or its folder cannot be written (SQLite's WAL needs both)."""
    path = path.expanduser()
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``url``."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
            _refuse_foreign_sqlite_file(Path(parsed.database).expanduser())
        engine = make_engine(url)
    except exc.SQLAlchemyError as error:
        raise _known(error) from error
    try:
        if upgrade:
            migrate(engine)
    except KnownError:
        engine.dispose()
        raise
    except exc.SQLAlchemyError as error:
        engine.dispose()
        if parsed.get_backend_name() == "sqlite" and parsed.database and _read_only(Path(parsed.database)):
            raise KnownError(
                f"the database {parsed.database} (or its folder) is read-only; nothing was changed — make it "
                f"writable or choose a writable location ({_describe(error)[0]})",
                f"数据库 {parsed.database}（或其所在文件夹）只读；没有修改任何数据，请使其可写或换一个可写的位置",
            ) from error
        raise _known(error) from error
    sessions = sessionmaker(engine, expire_on_commit=False)
    audit.install(sessions)
    return Database(url, engine, sessions)


def known_error(error: exc.SQLAlchemyError) -> KnownError:
    """Wrap an operational database error so the caller can show it in words."""
    return _known(error)
