"""Building inspections through the real service layer for storage tests."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import select

from checklist.catalog import official_catalogs
from checklist.evaluation import Answer, Result
from storage import actions, companies, inspections
from storage.db import Database
from storage.models import AuditEntry, Inspection
from storage.unit_of_work import unit_of_work

CREDIT_CODE = "91110000600037341L"
A101 = {"name": "A101", "area_m2": 18, "occupants": 6, "location": "above_ground"}


def company(db: Database) -> tuple[int, int]:
    company_id = companies.save_company(
        db,
        "officer",
        companies.CompanyInput(
            "北京示例制造有限公司",
            CREDIT_CODE,
            "industrial",
            address="北京市大兴区示例路1号",
            district="大兴区",
            headcount=120,
        ),
    )
    return company_id, companies.add_site(db, "officer", company_id, "一号厂房", "plant")


def moved_company(company_type: str = "industrial") -> companies.CompanyInput:
    """The profile of :func:`company` after a move: a new name (same credit code), address, 所在区 and headcount —
    what a manager changes after records were signed."""
    return companies.CompanyInput(
        "北京示例制造有限公司（新）",
        CREDIT_CODE,
        company_type,
        address="北京市朝阳区新地址2号",
        district="朝阳区",
        headcount=300,
    )


def draft(db: Database, catalogs: tuple[str, ...] = ("GN", "BJHQ")) -> tuple[int, int]:
    company_id, site_id = company(db)
    inspection_id = inspections.create_inspection(
        db, "officer", company_id, dt.date(2026, 11, 20), "张三", list(catalogs), site_id
    )
    return inspection_id, inspections.load_inspection(db, inspection_id).version


def answered(db: Database, catalogs: tuple[str, ...] = ("GN", "BJHQ")) -> tuple[int, int]:
    """A draft with every item answered, rooms typed, and corrective actions for the failures.

    Building it takes about 40 units of work (0.9 s of CPU); into a new database it is built once per test
    process and backend, then copied (:func:`built_once`)."""
    return built_once(db, ("answered", catalogs), lambda: _answer(db, catalogs))


Built = TypeVar("Built")


def built_once(db: Database, key: Hashable, build: Callable[[], Built]) -> Built:
    """What ``build()`` builds in ``db`` and returns (ids). Into a new database (nothing in it but the empty
    schema) this test process builds it once per ``key`` and backend through the service layer and then copies
    the result: the same rows, audit trail, ids and sequences, with the timestamps of the first build (SQLite by
    its backup API, PostgreSQL row by row: :func:`_pg_copy_rows`). Into a database that is not new, and outside
    the suite's session (a benchmark importing the builders), it builds as before."""
    from tests.conftest import _REAL_MIGRATE

    if not _REAL_MIGRATE:
        return build()
    kept = _BUILT.get((db.is_sqlite, key))
    if db.is_sqlite:
        if kept is not None and Path(kept[0]).exists() and _restored(db, Path(kept[0])):
            return cast(Built, kept[1])
        new = _is_new(db)
        result = build()
        if new:
            _BUILT[True, key] = (str(_snapshot(db)), result)
        return result
    if not _pg_is_new(db.url):
        return build()
    if kept is not None:
        _pg_copy_rows(_pg_url_of(kept[0]), db.url)
        return cast(Built, kept[1])
    result = build()
    name = _pg_database_of_this_process()
    _pg_copy_rows(db.url, _pg_url_of(name))
    _BUILT[False, key] = (name, result)
    return result


# (is SQLite, key): (the snapshot's file, or PostgreSQL database, of this process; what the build returned)
_BUILT: dict[tuple[bool, Hashable], tuple[str, object]] = {}


def completed(db: Database) -> int:
    """:func:`answered`, then completed by ``officer``: a record ready to be signed."""
    inspection_id, version = answered(db)
    inspections.complete(db, "officer", inspection_id, version)
    return inspection_id


@functools.cache
def _empty_schema() -> list[str]:
    """Every statement of a new database of this test process (``tests/conftest.py``'s migrated template)."""
    from tests.conftest import _migrated_template

    connection = sqlite3.connect(f"file:{_migrated_template()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _is_new(db: Database) -> bool:
    """Whether ``db`` is an SQLite database holding exactly what a new one holds (compared statement by
    statement with the template), so that copying a snapshot into it equals building in it."""
    if not db.is_sqlite:
        return False
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        if not isinstance(connection, sqlite3.Connection):
            return False
        if connection.execute("SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM users)").fetchone() != (
            0,
        ):
            return False  # quickly, before comparing everything
        return list(connection.iterdump()) == _empty_schema()
    finally:
        raw.close()


def _snapshot(db: Database) -> Path:
    from tests.conftest import process_folder

    path = process_folder("fugong-built-") / "built.sqlite3"
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        raw.close()
    return path


def _restored(db: Database, snapshot: Path) -> bool:
    if not _is_new(db):
        return False
    raw = db.engine.raw_connection()
    try:
        target = raw.driver_connection
        assert isinstance(target, sqlite3.Connection)
        source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
    finally:
        raw.close()
    return True


def _pg_url_of(name: str) -> str:
    from tests.conftest import _pg_url_of

    return _pg_url_of(name)


def _pg_database_of_this_process() -> str:
    """A new copy of the migrated template, dropped when the session ends (with the template)."""
    import uuid

    from tests.conftest import _PG_DATABASES_OF_THIS_PROCESS, _create_pg_database, _pg_admin, _pg_migrated_template

    name = f"fugong_t_{uuid.uuid4().hex[:12]}_built"
    _create_pg_database(_pg_admin(), name, _pg_migrated_template())
    _PG_DATABASES_OF_THIS_PROCESS.append(name)
    return name


def _pg_connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))


def _tables() -> list[str]:
    """The schema's tables, each after the tables it refers to (alembic_version, the same everywhere, left out)."""
    from storage.models import Base

    return [table.name for table in Base.metadata.sorted_tables if table.name != "alembic_version"]


def _pg_is_new(url: str) -> bool:
    """Whether the database holds what a new one holds: no rows but the audit chain's empty head, and no
    sequence used yet."""
    counts = " + ".join(f'(SELECT count(*) FROM "{table}")' for table in _tables() if table != "audit_head")
    with _pg_connect(url) as connection:
        rows = connection.execute(f"SELECT {counts}").fetchone()
        head = connection.execute("SELECT id, seq FROM audit_head").fetchall()
        used = connection.execute("SELECT count(*) FROM pg_sequences WHERE last_value IS NOT NULL").fetchone()
    return rows == (0,) and head == [(1, 0)] and used == (0,)


def _pg_copy_rows(source_url: str, target_url: str) -> None:
    """Every row of ``source`` into ``target``, a new database (its audit head replaced), and each sequence set
    to where it stands in ``source``."""
    with _pg_connect(source_url) as source, _pg_connect(target_url) as target:
        sequences = source.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
        ).fetchall()
        counts = source.execute(
            "SELECT " + ", ".join(f'(SELECT count(*) FROM "{table}")' for table in _tables())
        ).fetchone()
        filled = [table for table, count in zip(_tables(), counts or (), strict=True) if count]
        # Readings are counted by a trigger as they are inserted: copied, the counts would be counted twice.
        assert "health_readings" not in filled, "a record with health readings cannot be copied row by row"
        target.execute("DELETE FROM audit_head")
        for table in filled:
            with (
                source.cursor().copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as rows_out,
                target.cursor().copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as rows_in,
            ):
                for data in rows_out:
                    rows_in.write(data)
        for name, last_value in sequences:
            if last_value is not None:
                target.execute("SELECT setval(%s, %s, true)", (f'"{name}"', last_value))


def _answer(db: Database, catalogs: tuple[str, ...]) -> tuple[int, int]:
    inspection_id, version = draft(db, catalogs)
    version = inspections.set_rooms(db, "officer", inspection_id, version, [A101])
    version = inspections.save_answer(
        db, "officer", inspection_id, version, "GN-01", Answer(measurements={"checks_per_day": 1}, note="下午未测温")
    )
    items = [item.id for cid in catalogs for item in official_catalogs()[cid].items]
    current = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}
    for item_id in items:
        if current[item_id].final is None:
            version = inspections.save_answer(db, "officer", inspection_id, version, item_id, Answer(Result.PASS))
    for item_id, action in (("GN-01", "增加下午测温"), ("BJHQ-3", "A101 调整为 4 人")):
        if item_id in items:
            _, version = actions.add_action(
                db, "officer", inspection_id, version, item_id, action, "李四", dt.date(2026, 11, 30)
            )
    return inspection_id, version


def lock_as_signed(db: Database, actor: str, inspection_id: int) -> str:
    """What signing does to the record (locked as signed, its hash stored and audited), without keys or
    signature files: fast, for tests about the record. Not in the service layer, where it would let a
    record read "signed" with no signature; tests/signing signs for real."""
    with unit_of_work(db, actor) as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None
        return inspections.lock_signed(session, inspection)


def signed(db: Database) -> int:
    inspection_id = completed(db)
    lock_as_signed(db, "manager", inspection_id)
    return inspection_id


def audit_entries(db: Database, *where: Any) -> list[AuditEntry]:
    """The audit trail's entries that meet every condition in ``where`` (e.g. ``AuditEntry.action == "update"``),
    oldest first."""
    with db.session() as session:
        return list(session.scalars(select(AuditEntry).where(*where).order_by(AuditEntry.seq)))
