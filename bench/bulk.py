"""Filling a benchmark's database fast: rows written through the driver, not the ORM — SQLite by batched
``executemany`` in one transaction with ``synchronous`` off, PostgreSQL by ``COPY`` — then ``ANALYZE``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from storage.db import Database


def bulk_load(db: Database, table: str, columns: str, rows: Iterable[tuple[Any, ...]], batch: int = 100_000) -> int:
    """Write ``rows`` (tuples in the order of ``columns``, names separated by commas) into ``table``; return how
    many were written. On SQLite a datetime is written as ISO text (the driver's own adapter is deprecated);
    ``batch`` rows go per ``executemany``. ``ANALYZE`` afterwards is what a maintained database has (PostgreSQL's autovacuum, SQLite's
    ``PRAGMA optimize``)."""
    total = 0
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.is_sqlite:
            insert = f"INSERT INTO {table} ({columns}) VALUES ({','.join('?' * (columns.count(',') + 1))})"
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("BEGIN")
            pending: list[tuple[Any, ...]] = []
            for row in rows:
                pending.append(tuple(v.isoformat(" ") if isinstance(v, dt.datetime) else v for v in row))
                if len(pending) == batch:
                    cursor.executemany(insert, pending)
                    total += len(pending)
                    pending.clear()
            cursor.executemany(insert, pending)
            total += len(pending)
            cursor.execute("COMMIT")
        else:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
                    total += 1
            raw.commit()
        cursor.execute("ANALYZE")
        if not db.is_sqlite:
            raw.commit()
    finally:
        raw.close()
    return total
