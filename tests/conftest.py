"""Test configuration shared by every test.

Qt runs offscreen (no display needed); the user's data and config folders point into the test's temporary
folder, so no test ever touches real user data. ``db_url`` gives each test a fresh database, on SQLite and,
for tests marked ``postgres``, on the PostgreSQL server that ``.ci/postgres`` starts.

A new SQLite database is not migrated from scratch in every test (Alembic's six migrations cost about 0.2 s
of CPU, for several hundred databases): each test process migrates one for real, and every new, empty
SQLite database then gets a copy of it (SQLite's backup API, on the connection the application opened) —
the way Anki's tests copy a collection made once. Tests about migrating itself are marked
``real_migrations`` and migrate from scratch; FUGONG_TEST_REAL_MIGRATIONS=1 does so for every test.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("FUGONG_TEST_PG_URL", "postgresql+psycopg://fugong:fugong@127.0.0.1:5432/fugong_test")


@pytest.fixture(scope="session", autouse=True)
def _isolated_trust_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The local trust settings (pinned signing authorities, keyed by database path) in a temporary folder for
    the whole session: module-scoped fixtures that create accounts pin there too, never in the user's."""
    before = os.environ.get("FUGONG_CONFIG_DIR")
    os.environ["FUGONG_CONFIG_DIR"] = str(tmp_path_factory.mktemp("fugong-config"))
    yield
    if before is None:
        os.environ.pop("FUGONG_CONFIG_DIR", None)
    else:
        os.environ["FUGONG_CONFIG_DIR"] = before


# FUGONG_TEST_REAL_MIGRATIONS=1 migrates every new database from scratch (to compare, or to rule the copy out).
_COPY_BY_DEFAULT = os.environ.get("FUGONG_TEST_REAL_MIGRATIONS") != "1"
_copy_the_migrated_template = _COPY_BY_DEFAULT  # False while a test marked real_migrations runs


_FOLDERS_OF_THIS_PROCESS: list[Path] = []


def process_folder(prefix: str) -> Path:
    """A new temporary folder for this test process's caches (the migrated template, snapshots), outside any
    test's folder because it outlives the test that makes it; removed when the session of this process ends
    (the controller's and each xdist worker's: ``_process_folders_removed``)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    _FOLDERS_OF_THIS_PROCESS.append(folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _process_folders_removed() -> Iterator[None]:
    yield
    _remove_process_folders()


def _remove_process_folders() -> None:
    import shutil

    _migrated_template.cache_clear()  # a later session in this process (pytester, an IDE) makes a new one
    while _FOLDERS_OF_THIS_PROCESS:
        shutil.rmtree(_FOLDERS_OF_THIS_PROCESS.pop(), ignore_errors=True)


@functools.cache
def _migrated_template() -> Path:
    """An empty database of this process, migrated by the real ``storage.db.migrate`` (closed, checkpointed)."""
    from storage import db as storage_db

    template = process_folder("fugong-template-") / "migrated.sqlite3"
    engine = storage_db.make_engine(f"sqlite:///{template}")
    (_REAL_MIGRATE or [storage_db.migrate])[0](engine)  # (outside pytest, nothing is patched)
    engine.dispose()
    return template


_REAL_MIGRATE: list[Callable[[Engine], None]] = []


def _copied_into(engine: Engine) -> bool:
    """Copy the template into the engine's database if that is new and empty; anything else (a database with
    tables, a file that is no database …) is left to the real ``migrate``, which says what is wrong."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        raw = engine.raw_connection()  # as the application's pool made it (WAL), outside any transaction
    except (SQLAlchemyError, sqlite3.Error):
        return False
    try:
        target = raw.driver_connection
        assert isinstance(target, sqlite3.Connection)
        try:
            if target.execute("SELECT count(*) FROM sqlite_master").fetchone() != (0,):
                return False
        except sqlite3.Error:
            return False
        source = sqlite3.connect(f"file:{_migrated_template()}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
        return True
    finally:
        raw.close()


def _migrate_from_template(engine: Engine) -> None:
    """``storage.db.migrate``, except that a new, empty SQLite database receives a copy of the template."""
    if _copy_the_migrated_template and engine.dialect.name == "sqlite" and _copied_into(engine):
        return
    _REAL_MIGRATE[0](engine)


@pytest.fixture(scope="session", autouse=True)
def _migrations_copied_from_a_template() -> Iterator[None]:
    from storage import db as storage_db

    _REAL_MIGRATE[:] = [storage_db.migrate]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage_db, "migrate", _migrate_from_template)
        yield


@pytest.fixture(autouse=True)
def _real_migrations_when_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    global _copy_the_migrated_template
    _copy_the_migrated_template = _COPY_BY_DEFAULT and not request.node.get_closest_marker("real_migrations")
    try:
        yield
    finally:
        _copy_the_migrated_template = _COPY_BY_DEFAULT


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """argon2id with the smallest cost instead of the product's (64 MiB, 3 passes, 4 lanes: about 0.35 s of
    CPU per hash, login, or key sealed or unlocked — signing keys are sealed with one more pass), hundreds of
    times in the suite. The same code path and the same hash format. For the whole session, so that the
    accounts of module-scoped fixtures (set up before any test's own fixtures) are cheap too: patched per test,
    they cost test_tamper_sql's fixture alone 7 s of key derivation. Tests marked ``real_password_hashing`` get
    the product's hasher back (``_real_password_hashing_when_marked``) and check its parameters."""
    from argon2 import PasswordHasher

    from storage import auth

    _PRODUCT_HASHER[:] = [auth._hasher]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


_PRODUCT_HASHER: list[Any] = []


@pytest.fixture(autouse=True)
def _real_password_hashing_when_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_password_hashing"):
        from storage import auth

        monkeypatch.setattr(auth, "_hasher", _PRODUCT_HASHER[0])


@pytest.fixture(scope="module", autouse=True)
def _premade_signing_keys() -> Iterator[None]:
    """A new account's RSA 3072 key (0.1–1.5 s of CPU to make, several per signing test) comes from the keys
    committed with the suite (``tests.keys.KeyPool``, ``tests/data/signing_keys.pem``): every account made in
    one test module — its module-scoped fixtures' (this autouse fixture comes before them) and its tests' — gets
    a key of its own, and the next module reuses them. Tests marked ``real_key_generation`` make theirs as the
    product does."""
    from export import signing
    from tests.keys import KeyPool

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing, "new_signing_key", KeyPool())
        yield


@pytest.fixture(scope="session", autouse=True)
def _private_keys_read_once() -> Iterator[None]:
    """Reading an RSA 3072 private key checks the key (about 0.1 s of CPU: OpenSSL tests its primes), and
    every signature, grant and imported PKCS#12 reads one: the same few keys, hundreds of times in the suite.
    Here the reader answers from the bytes it has read before in this process: the same bytes give the same
    key, so a test sees what the product's reader returns; bytes it has not read (a damaged key, another
    password) go to the real reader, and what that refuses is refused each time (a refusal is not kept).
    The suite's own keys (``tests.keys``: checked when they were made) are not checked again: a key read
    that is one of them number for number, and a PKCS#12 that ``tests.keys.premade_pkcs12`` wrote, read with
    the password it was written with, give that key without OpenSSL's check."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from tests.keys import is_committed, written_pkcs12

    read_der: dict[bytes, Any] = {}
    read_pkcs12: dict[tuple[bytes, bytes | None], Any] = {}
    real_der, real_pkcs12 = serialization.load_der_private_key, pkcs12.load_key_and_certificates

    def der_once(data: bytes, password: bytes | None, *args: Any, **kwargs: Any) -> Any:
        if password is not None or args or kwargs:
            return real_der(data, password, *args, **kwargs)
        if bytes(data) not in read_der:
            read_der[bytes(data)] = _ours_unchecked(data) or real_der(data, password)
        return read_der[bytes(data)]

    def _ours_unchecked(data: bytes) -> Any:
        try:
            key = real_der(data, None, unsafe_skip_rsa_key_validation=True)
        except ValueError:
            return None  # the real reader says what is wrong with it
        return key if is_committed(key) else None

    def pkcs12_once(data: bytes, password: bytes | None, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            return real_pkcs12(data, password, *args, **kwargs)
        if (bytes(data), password) not in read_pkcs12:
            written = written_pkcs12(data, password)
            read_pkcs12[bytes(data), password] = (*written, []) if written else real_pkcs12(data, password)
        return read_pkcs12[bytes(data), password]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialization, "load_der_private_key", der_once)
        patch.setattr(pkcs12, "load_key_and_certificates", pkcs12_once)
        yield


@pytest.fixture(autouse=True)
def _real_key_generation_when_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_key_generation"):
        from export import crypto, signing

        monkeypatch.setattr(signing, "new_signing_key", crypto.new_signing_key)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("FUGONG_DB_URL", raising=False)


def _pg_admin_url() -> str:
    return PG_URL.rsplit("/", 1)[0] + "/postgres"


@pytest.fixture(scope="session")
def pg_available() -> bool:
    from sqlalchemy import create_engine, text

    engine = create_engine(_pg_admin_url())
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception as error:
        if os.environ.get("FUGONG_SKIP_POSTGRES") == "1":
            return False
        pytest.fail(
            f"PostgreSQL is not reachable at {PG_URL} ({error.__class__.__name__}); run `bash .ci/postgres` "
            "or set FUGONG_SKIP_POSTGRES=1 to leave out the PostgreSQL half of the suite on purpose"
        )
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL per test, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fugong.sqlite3'}"
        return
    yield from _fresh_pg_database(request)


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty PostgreSQL database URL (for tests marked ``postgres`` that need no SQLite twin)."""
    yield from _fresh_pg_database(request)


def _fresh_pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    if not request.getfixturevalue("pg_available"):
        pytest.skip("FUGONG_SKIP_POSTGRES=1")
    copy = _COPY_BY_DEFAULT and not request.node.get_closest_marker("real_migrations")
    yield from fresh_pg_database(copy_of_the_migrated_template=copy)


def fresh_pg_database(*, copy_of_the_migrated_template: bool) -> Iterator[str]:
    """A new PostgreSQL database (dropped afterwards): empty, or a copy of this process's migrated one
    (``CREATE DATABASE … TEMPLATE``, the way SQLite databases get a copy of theirs: same schema, revision and
    rows, without running Alembic's migrations again). Tests marked ``real_migrations`` get an empty one.

    The server's half of that (about 0.5 s to copy and 0.7 s to drop, mostly its disk writes) is done beside
    the tests by ``_PgDatabaseRoom``: the copy for the next test is made while this one runs, and this one is
    dropped while the next runs. Each test still gets a database no other test has touched."""
    from sqlalchemy import text

    room = _pg_room()
    if copy_of_the_migrated_template:
        name = room.take_copy()
    else:
        admin = _pg_admin()
        name = f"fugong_t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
            connection.execute(text(_NO_FLUSH_WAIT.format(name=name)))
    try:
        yield _pg_url_of(name)
    finally:
        room.drop_later(name)


# A test database's commits do not wait for the server's disk flush (7–9 ms each on this machine, against 2):
# what a commit makes visible to every other connection is the same; only a crash of the server itself could
# lose the last commits, and no test crashes the server (the kill tests kill the application's processes).
_NO_FLUSH_WAIT = 'ALTER DATABASE "{name}" SET synchronous_commit = off'


class _PgDatabaseRoom:
    """One thread per test process that makes the next copy of the migrated template ahead of the test that
    will take it, and drops used databases behind the tests, in order. An error there is raised in the test
    that takes the next copy, or at the end of the session."""

    def __init__(self) -> None:
        import queue
        import threading

        self._jobs: queue.Queue[str | None] = queue.Queue()  # "" = make a copy; a name = drop it; None = stop
        self._ready: queue.Queue[str | Exception] = queue.Queue()
        self._failure: Exception | None = None
        self._thread = threading.Thread(target=self._work, name="pg-database-room", daemon=True)
        self._thread.start()
        self._jobs.put("")

    def take_copy(self) -> str:
        made = self._ready.get()
        if isinstance(made, Exception):
            raise made
        self._jobs.put("")  # the next test's
        return made

    def drop_later(self, name: str) -> None:
        self._jobs.put(name)

    def close(self) -> None:
        """Waits until every database given back is dropped; drops the copy made ahead that nobody took."""
        self._jobs.put(None)
        self._thread.join()
        admin = _pg_admin()
        while not self._ready.empty():
            made = self._ready.get()
            if isinstance(made, str):
                _drop_pg_database(admin, made)
        if self._failure is not None:
            raise self._failure

    def _work(self) -> None:
        from sqlalchemy import text

        while (job := self._jobs.get()) is not None:
            admin = _pg_admin()
            try:
                if job:
                    _drop_pg_database(admin, job)
                else:
                    name = f"fugong_t_{uuid.uuid4().hex[:12]}"
                    _create_pg_database(admin, name, _pg_migrated_template())
                    with admin.connect() as connection:
                        connection.execute(text(_NO_FLUSH_WAIT.format(name=name)))
                    self._ready.put(name)
            except Exception as error:  # handed to the test that takes the copy, or to the session's end
                if job:
                    self._failure = self._failure or error
                else:
                    self._ready.put(error)


@functools.cache
def _pg_room() -> _PgDatabaseRoom:
    _pg_migrated_template()  # migrated here, in the test's thread, before the room's thread copies it
    return _PgDatabaseRoom()


def _pg_url_of(name: str) -> str:
    return PG_URL.rsplit("/", 1)[0] + "/" + name


@functools.cache
def _pg_admin() -> Engine:
    """One connection pool to the server's ``postgres`` database for this process (disposed at the end)."""
    from sqlalchemy import create_engine

    return create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")


@functools.cache
def _pg_migrated_template() -> str:
    """A PostgreSQL database of this process, migrated by the real ``storage.db.migrate`` and closed to
    connections (a template must have none while it is copied); dropped when the session ends."""
    from sqlalchemy import text

    from storage import db as storage_db

    name = f"fugong_t_{uuid.uuid4().hex[:12]}_template"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    _PG_DATABASES_OF_THIS_PROCESS.append(name)
    engine = storage_db.make_engine(_pg_url_of(name))
    try:
        (_REAL_MIGRATE or [storage_db.migrate])[0](engine)
    finally:
        engine.dispose()
    with admin.connect() as connection:  # nothing (autovacuum included) may connect while it is copied
        connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
    return name


_PG_DATABASES_OF_THIS_PROCESS: list[str] = []


def _create_pg_database(admin: Engine, name: str, template: str) -> None:
    """``CREATE DATABASE name TEMPLATE template``, tried again for a few seconds while the server says that
    another session is still on the template (one that was closing as the template was closed)."""
    from sqlalchemy.exc import OperationalError

    _executed_again_while(
        admin, f'CREATE DATABASE "{name}" TEMPLATE "{template}"', OperationalError, "is being accessed by other users"
    )


def _executed_again_while(admin: Any, statement: str, error_type: type[Exception], says: str) -> None:
    """Run ``statement``; while it fails with ``error_type`` saying ``says`` (the server waiting for another
    session to end), try again every 0.1 s for five seconds before the error stands."""
    from sqlalchemy import text

    for attempt in range(50):
        try:
            with admin.connect() as connection:
                connection.execute(text(statement))
            return
        except error_type as error:
            if says not in str(error) or attempt == 49:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="session", autouse=True)
def _pg_templates_dropped() -> Iterator[None]:
    yield
    if _pg_admin.cache_info().currsize == 0:
        return  # this process never connected to PostgreSQL
    if _pg_room.cache_info().currsize:
        _pg_room().close()
        _pg_room.cache_clear()
    admin = _pg_admin()
    while _PG_DATABASES_OF_THIS_PROCESS:
        _drop_pg_database(admin, _PG_DATABASES_OF_THIS_PROCESS.pop())
    _pg_migrated_template.cache_clear()
    admin.dispose()
    _pg_admin.cache_clear()


def _drop_pg_database(admin: Any, name: str) -> None:
    """Drops a test database. ``WITH (FORCE)`` refuses when the backend it would end is an autovacuum
    worker and the role lacks ``pg_signal_backend`` (``.ci/postgres`` grants it; a machine set up
    before that may not have it): such a worker ends on its own within moments, so the drop is tried
    again for a few seconds before the error stands."""
    from sqlalchemy.exc import ProgrammingError

    _executed_again_while(
        admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', ProgrammingError, "pg_signal_backend"
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fugong.sqlite3'}"


class SteppedClock:
    """The clock of the login back-off (``storage.auth.clock``), standing still until the test moves it: a
    test of the back-off says how much time passes instead of waiting for it."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def login_clock(monkeypatch: pytest.MonkeyPatch) -> SteppedClock:
    from storage import auth

    clock = SteppedClock(dt.datetime(2026, 11, 30, 9, 0, 0))
    monkeypatch.setattr(auth, "clock", clock)
    return clock


def pytest_configure(config: pytest.Config) -> None:
    """A folder where the long reliability runs leave their figures (``tests/badinput/figures.py``); xdist's
    workers inherit it from the controller."""
    if not hasattr(config, "workerinput") and "FUGONG_FIGURES_DIR" not in os.environ:
        import tempfile

        os.environ["FUGONG_FIGURES_DIR"] = tempfile.mkdtemp(prefix="fugong-figures-")
        config.stash[_FIGURES_MADE_HERE] = os.environ["FUGONG_FIGURES_DIR"]


_FIGURES_MADE_HERE = pytest.StashKey[str]()


def pytest_unconfigure(config: pytest.Config) -> None:
    """The figures folder this run made is removed once the summary has printed it (one given in the
    environment is the caller's and stays)."""
    folder = config.stash.get(_FIGURES_MADE_HERE, None)
    if folder is not None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("FUGONG_FIGURES_DIR") == folder:
            del os.environ["FUGONG_FIGURES_DIR"]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    folder = os.environ.get("FUGONG_FIGURES_DIR")
    if not folder or not Path(folder).is_dir():
        return
    from tests.badinput.figures import read_figures

    tables = read_figures(Path(folder))
    if not tables:
        return
    terminalreporter.section("reliability: figures")
    for section, rows in sorted(tables.items()):
        for row, figures in rows.items():
            values = ", ".join(
                f"{key} {value:,}" if isinstance(value, int) else f"{key} {value}" for key, value in figures.items()
            )
            terminalreporter.write_line(f"{section} / {row}: {values}")
