"""The health ledger at campus scale: 20,000 employees × 2 readings × 90 days (3.6 million readings).

    python bench/bench_ledger.py [--employees N] [--days N] [--backend sqlite|postgresql|both] [--keep DIR]
        [--pg-database NAME] [--skip-import] [--skip-retention] [--skip-record]

Any size from one person and one day up runs (``--employees 50 --days 3`` takes seconds). ``--keep DIR`` keeps
the built ledger (the SQLite file in DIR, the PostgreSQL database ``--pg-database``, ``fugong_bench_ledger`` by
default) and reuses it on the next run with the same size, migrated to the current schema by ``open_database``
as a user's would be, once it has checked that the database is still there and holds the readings it was built
with (otherwise it is built again); the readings measured (a shift of up to 200 entered) are taken out again.

For each backend: builds the ledger (bulk, through the driver), then times today's fever list, today's missing
readings, the observation list and the daily summary through the service layer (``storage.ledger``), each
against the same answer written by hand in SQL on the same database; measures the bytes a reading takes
(table and index), the audit trail's share when a shift of 200 is entered through the service, and the
import of a 20,000-row roster workbook (every row validated); and what the 每日汇总 page reads
(``storage.ledger.summary_view``: the counts and a page of each list) against the same by hand, beside the canonical
record that signing and exporting make (``export.ledger_reports.summary_record``). Prints one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bulk import bulk_load  # bench/bulk.py, beside this script
from cputime import compared, cpu_seconds, print_table, server_pids  # bench/cputime.py, beside this script
from pgdb import SERVER, drop_pg, pg_database, pg_exists  # bench/pgdb.py, beside this script
from sqlalchemy import text

from checklist.ledger import HalfDay, id_check_character
from storage import ledger, ledger_import, roster
from storage.db import Database, open_database

TODAY = dt.date(2026, 11, 30)
PG_NAME = "fugong_bench_ledger"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
CATEGORIES = ("保洁", "保安", "物业", "食堂", "维修维护")


def name_of(i: int) -> str:
    return SURNAMES[i % 20] + GIVEN[(i // 20) % len(GIVEN)] + GIVEN[(i // 480) % len(GIVEN)] + str(i // 11520 or "")


def id_number(i: int) -> str:
    first17 = f"110105{1960 + i % 40}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
    return first17 + id_check_character(first17)


def employees(count: int) -> list[dict[str, Any]]:
    rng = random.Random(15)
    rows = []
    for i in range(1, count + 1):
        roll = rng.random()
        status = (
            "left"
            if roll < 0.01
            else "home_observation"
            if roll < 0.03
            else "central_observation"
            if roll < 0.04
            else "on_site"
        )
        rows.append(
            {
                "id": i,
                "name": name_of(i),
                "department": f"车间{i % 40:02d}",
                "post": "",
                "category": CATEGORIES[i % 5] if i % 5 == 0 else "其他",
                "outsourcing_company": "京外包服务公司" if i % 10 == 0 else "",
                "id_number": id_number(i),
                "phone": f"13{i % 10}{i:08d}"[:11],
                "dormitory_room": f"A{i % 500:03d}" if i % 3 == 0 else "",
                "status": status,
                "return_date": None,
                "returned_from": "",
                "created_at": dt.datetime(2026, 8, 1),
                "anonymised_at": None,
            }
        )
    return rows


READING_COLUMNS = "day, employee_id, half, temperature, symptoms, flagged, late, entered_by, entered_at"


def readings(count: int, days: int) -> Any:
    """(day, employee, half, tenths, symptoms, flagged, late, by, at) for every person, half-day and day; today's
    afternoon not yet taken, 1 % of this morning missing, about 0.3 % flagged."""
    rng = random.Random(16)
    at = int((dt.datetime(2026, 11, 30, 1) - dt.datetime(1970, 1, 1)).total_seconds())
    for offset in range(days - 1, -1, -1):
        day = TODAY - dt.timedelta(days=offset)
        ordinal = day.toordinal()
        for employee in range(1, count + 1):
            for half in (0, 1):
                if day == TODAY and (half == 1 or rng.random() < 0.01):
                    continue
                fever = rng.random() < 0.002
                cough = 2 if rng.random() < 0.001 else 0
                tenths = rng.randint(374, 389) if fever else rng.randint(358, 370)
                yield (ordinal, employee, half, tenths, cough, fever or bool(cough), False, 1, at)


def observations(count: int) -> list[dict[str, Any]]:
    rows = []
    rng = random.Random(17)
    for i in range(1, count + 1, 50):  # 2 % under observation now, as many ended (the next person, if any)
        start = TODAY - dt.timedelta(days=rng.randint(0, 12))
        rows.append(
            {
                "employee_id": i,
                "kind": "home",
                "start": start,
                "end": start + dt.timedelta(days=13),
                "reason": "返京",
                "active": True,
                "ended_on": None,
                "created_at": dt.datetime(2026, 11, 1),
            }
        )
        old = TODAY - dt.timedelta(days=rng.randint(30, 80))
        if i + 1 > count:
            break
        rows.append(
            {
                "employee_id": i + 1,
                "kind": "central",
                "start": old,
                "end": old + dt.timedelta(days=13),
                "reason": "返京",
                "active": False,
                "ended_on": old + dt.timedelta(days=13),
                "created_at": dt.datetime(2026, 9, 1),
            }
        )
    return rows


def build(db: Database, count: int, days: int) -> tuple[int, int]:
    """Fill the ledger; return (readings, bytes of the readings table and its index)."""
    from storage.ledger_models import Employee, Observation

    with db.engine.begin() as connection:
        connection.execute(Employee.__table__.insert(), employees(count))
        connection.execute(Observation.__table__.insert(), observations(count))
    before = table_bytes(db)
    total = bulk_load(db, "health_readings", READING_COLUMNS, readings(count, days))
    return total, table_bytes(db) - before


def table_bytes(db: Database) -> int:
    if db.is_sqlite:
        import sqlite3

        path = db.sqlite_path
        assert path is not None
        db.engine.dispose()
        plain = sqlite3.connect(path, isolation_level=None)
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.close()
        return path.stat().st_size
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_total_relation_size('health_readings')")).scalar() or 0)


HAND = {
    "fevers": [
        "SELECT count(*) FROM health_readings WHERE day = :d AND {flagged}",
        "SELECT r.employee_id, e.name, r.half, r.temperature, r.symptoms, r.late FROM health_readings r "
        "JOIN employees e ON e.id = r.employee_id WHERE r.day = :d AND r.{flagged} ORDER BY r.employee_id, r.half LIMIT :n",
    ],
    "observations": [
        'SELECT count(*) FROM observations WHERE active AND "end" >= :t AND start <= :t',
        'SELECT o.id, o.employee_id, e.name, o.kind, o.start, o."end", o.reason FROM observations o '
        'JOIN employees e ON e.id = o.employee_id WHERE o.active AND o."end" >= :t AND o.start <= :t '
        'ORDER BY o."end", o.id LIMIT :n',
    ],
}


ON_ROSTER = "status IN ('on_site', 'home_observation', 'central_observation') AND anonymised_at IS NULL"
HAS = "EXISTS (SELECT 1 FROM health_readings r WHERE r.day = :d AND r.employee_id = e.id AND r.half = {half})"
# which readings of the day a person has (1 morning, 2 afternoon, 3 both), one probe of the key
HALVES = "(SELECT sum(CASE WHEN r.half = 0 THEN 1 ELSE 2 END) FROM health_readings r WHERE r.day = :d AND r.employee_id = e.id)"
# who is missing a reading, by hand, as the service does it: the roster's count (its covering index) less the
# day's count of people with both readings (kept by the triggers) plus those of them off the roster; a page of
# names only when someone is missing, each person probed in roster order (the status written so that its
# index, which would need a sort, is not used)
HAND_MISSING = [
    f"SELECT count(*), sum(CASE WHEN status = 'on_site' THEN 1 ELSE 0 END) FROM employees WHERE {ON_ROSTER}",
    "SELECT complete FROM reading_day_counts WHERE day = :d",
    "SELECT count(*) FROM employees e WHERE (e.status = 'left' OR (e.status IN ('on_site', 'home_observation', "
    f"'central_observation') AND e.anonymised_at IS NOT NULL)) AND {HAS.format(half=0)} AND {HAS.format(half=1)}",
    f"SELECT e.id, e.name, {HALVES} FROM employees e "
    "WHERE coalesce(e.status, '') IN ('on_site', 'home_observation', 'central_observation') "
    f"AND e.anonymised_at IS NULL AND coalesce({HALVES}, 0) < 3 ORDER BY e.id LIMIT :n",
]


def hand_missing(connection: Any, day: dict[str, Any]) -> list[Any]:
    roster_count = connection.execute(text(HAND_MISSING[0])).one()
    complete = connection.execute(text(HAND_MISSING[1]), day).scalar() or 0
    off_roster = connection.execute(text(HAND_MISSING[2]), day).scalar() or 0
    missing = roster_count[0] - (complete - off_roster)
    page = connection.execute(text(HAND_MISSING[3]), day).all() if missing else []
    return [roster_count, missing, page]


def _sql(db: Database, statement: str) -> Any:
    # a partial index is used only for the condition it was made with, written out (not a bound parameter)
    return text(statement.replace("{flagged}", "flagged = 1" if db.is_sqlite else "flagged"))


def hand(db: Database, name: str, when: dt.date = TODAY) -> Callable[[], object]:
    statements = [_sql(db, s) for s in HAND.get(name, [])]
    day = {"d": when.toordinal(), "t": when, "n": 100}

    def run() -> object:
        with db.engine.connect() as connection:
            if name == "missing":
                return hand_missing(connection, day)
            return [connection.execute(s, day).all() for s in statements]

    return run


def hand_summary(db: Database, when: dt.date = TODAY, names: int = 500, page: bool = False) -> Callable[[], object]:
    """The summary's figures and lists, by hand: headcount, checks, the three lists, early returns, returns
    (``names`` of each list). ``page``: what the 每日汇总 page reads besides — whether the day was signed off, and
    the people flagged (the headline's count, where the page's list of flagged readings is cut)."""
    page_statements = [
        text("SELECT summary, signer_name, signed_at FROM day_signoffs WHERE day = :t"),
        _sql(db, "SELECT count(DISTINCT employee_id) FROM health_readings WHERE day = :d AND {flagged}"),
    ]
    statements = [
        *(page_statements if page else []),
        text("SELECT morning, afternoon FROM reading_day_counts WHERE day = :d"),
        *(_sql(db, s) for name in ("fevers", "observations") for s in HAND[name]),
        text(
            'SELECT e.id, e.name, max(o."end") FROM observations o JOIN employees e ON e.id = o.employee_id '
            "WHERE coalesce(e.status, '') = 'on_site' AND o.active AND o.start <= :t AND o.\"end\" >= :t "
            "GROUP BY e.id, e.name ORDER BY e.id"
        ),
        text("SELECT name FROM employees WHERE return_date = :t AND anonymised_at IS NULL ORDER BY id LIMIT :n"),
        text("SELECT fever_threshold_c FROM ledger_settings WHERE id = 1"),
    ]
    day = {"d": when.toordinal(), "t": when, "n": names}  # the summary names up to 500 in each list, the page 100

    def run() -> object:
        with db.engine.connect() as connection:
            return [hand_missing(connection, day), *(connection.execute(s, day).all() for s in statements)]

    return run


def hand_recount(db: Database, when: dt.date = TODAY) -> Callable[[], object]:
    """The day's kept counts and the same counted from its readings, by hand (the 每日汇总 page's check)."""
    statements = [
        text("SELECT morning, afternoon, complete FROM reading_day_counts WHERE day = :d"),
        text(
            "SELECT sum(CASE WHEN half = 0 THEN 1 ELSE 0 END), sum(CASE WHEN half = 1 THEN 1 ELSE 0 END), "
            "count(DISTINCT employee_id) FROM health_readings WHERE day = :d"
        ),
    ]
    day = {"d": when.toordinal()}

    def run() -> object:
        with db.engine.connect() as connection:
            return [connection.execute(s, day).all() for s in statements]

    return run


def shift_size(count: int) -> int:
    """The shift entered to measure the audit trail: 200 people, or everyone on a smaller roster."""
    return min(200, count)


def shift_audit_bytes(db: Database, count: int) -> float:
    """Audit bytes per reading when a shift of 200 is entered through the service (one entry per call)."""
    from sqlalchemy import func, select

    from storage.models import AuditEntry

    shift = shift_size(count)
    entries = [ledger.ReadingEntry(i, "36.6") for i in range(1, shift + 1)]
    ledger.enter_readings(db, "bench", TODAY, HalfDay.AFTERNOON, entries, now_local=dt.datetime(2026, 11, 30, 15))
    with db.session() as session:
        entry = session.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None and session.scalar(select(func.count(AuditEntry.id))) is not None
    import json

    size = len(json.dumps(entry.new, ensure_ascii=False, separators=(",", ":")).encode()) + 64 * 2 + 60
    return size / shift


def roster_workbook(path: Path, count: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["姓名", "部门", "人员类别", "外包单位", "身份证号", "手机号", "宿舍房间", "状态"])
    for row in employees(count):
        sheet.append(
            [
                row["name"],
                row["department"],
                row["category"],
                row["outsourcing_company"],
                row["id_number"],
                row["phone"],
                row["dormitory_room"],
                "在岗",
            ]
        )
    workbook.save(path)


def kept_ledger(backend: str, keep: Path, pg_name: str, total: int) -> Database | None:
    """The ledger an earlier run kept, if it is still there with the ``total`` readings it was built with: the
    marker file alone is not trusted (the PostgreSQL database may have been dropped, the SQLite file deleted or
    replaced since)."""
    if backend == "sqlite":
        path = keep / "ledger.sqlite3"
        if not path.is_file():
            return None
        url = f"sqlite:///{path}"
    else:
        if not pg_exists(pg_name):
            return None
        url = SERVER + "/" + pg_name
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            found = connection.execute(text("SELECT count(*) FROM health_readings")).scalar()
    except Exception as error:  # not the ledger it was (no such table, another kind of file): built again
        print(f"[{backend}] the kept ledger cannot be read ({error.__class__.__name__})", file=sys.stderr)
        db.close()
        return None
    if found != total:
        print(f"[{backend}] the kept ledger has {found:,} readings, not {total:,}", file=sys.stderr)
        db.close()
        return None
    return db


def built_ledger(
    backend: str, count: int, days: int, folder: Path, keep: Path | None, pg_name: str = PG_NAME
) -> tuple[Database, int, int]:
    """The bench ledger: built now, or (``keep``) the one built by an earlier run of the same size, if it is
    still there."""
    marker = keep / f"{backend}-{count}x{days}.built" if keep is not None else None
    if keep is not None and marker is not None and marker.exists():
        total, grown = (int(v) for v in marker.read_text().split())
        kept = kept_ledger(backend, keep, pg_name, total)
        if kept is not None:
            print(f"[{backend}] reusing the ledger of {total:,} readings kept in {keep}", file=sys.stderr)
            return kept, total, grown
        print(f"[{backend}] the kept ledger is gone or changed: building it again", file=sys.stderr)
        marker.unlink()
    where = keep if keep is not None else folder
    if backend == "sqlite":
        (where / "ledger.sqlite3").unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            (where / f"ledger.sqlite3{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{where / 'ledger.sqlite3'}" if backend == "sqlite" else pg_database(pg_name)
    db = open_database(url)
    start = time.perf_counter()
    total, grown = build(db, count, days)
    built = time.perf_counter() - start
    print(f"[{backend}] built {total:,} readings in {built:.0f} s", file=sys.stderr)
    if marker is not None:
        marker.write_text(f"{total} {grown}\n")
    return db, total, grown


COUNT_TRIGGERS = ("insert", "delete", "update")  # PostgreSQL has a fourth, on TRUNCATE, which a DELETE leaves


def retention_delete(db: Database, days: int, repeat: int) -> tuple[str, ...]:
    """What the per-day counts' triggers (schema 0016) add to retention's bulk delete: the oldest third of the
    days deleted in one statement, as ``storage.ledger_retention`` does, with the triggers and in a transaction
    where they were dropped first; each rolled back, so the ledger stays as built. Medians, interleaved."""
    gone = max(1, days // 3)
    cutoff = (TODAY - dt.timedelta(days=days - gone)).toordinal()
    samples: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    deleted = 0
    for _ in range(min(repeat, 3)):
        for triggers in (True, False):
            raw = db.engine.raw_connection()
            try:
                pids = server_pids(db)
                cursor = raw.cursor()
                if db.is_sqlite:
                    cursor.execute("BEGIN")
                for name in () if triggers else COUNT_TRIGGERS:
                    cursor.execute(
                        f"DROP TRIGGER reading_counts_{name}"
                        if db.is_sqlite
                        else f"DROP TRIGGER reading_counts_{name} ON health_readings"
                    )
                wall, cpu = time.perf_counter(), cpu_seconds(pids)
                cursor.execute(f"DELETE FROM health_readings WHERE day < {'?' if db.is_sqlite else '%s'}", (cutoff,))
                samples[triggers].append(((time.perf_counter() - wall) * 1000, (cpu_seconds(pids) - cpu) * 1000))
                deleted = cursor.rowcount
            finally:
                raw.rollback()
                raw.close()
    (mine, mine_cpu), (bare, bare_cpu) = (
        (statistics.median(w for w, _ in samples[t]), statistics.median(c for _, c in samples[t]))
        for t in (True, False)
    )
    return (
        f"retention's bulk delete of {gone} days ({deleted:,} readings): with the counts' triggers / without",
        f"{mine:.1f} ms",
        f"{bare:.1f} ms",
        f"{mine / bare:.2f}×",
        f"{mine_cpu:.1f} ms",
        f"{bare_cpu:.1f} ms",
        f"{mine_cpu / bare_cpu:.2f}×",
    )


def forget_shift(db: Database, count: int) -> None:
    """Take out the afternoon readings :func:`shift_audit_bytes` entered, so a kept ledger stays as built."""
    with db.engine.begin() as connection:
        connection.execute(
            text("DELETE FROM health_readings WHERE day = :d AND half = 1 AND employee_id <= :n"),
            {"d": TODAY.toordinal(), "n": shift_size(count)},
        )


def run_backend(
    backend: str,
    count: int,
    days: int,
    folder: Path,
    workbook: Path,
    keep: Path | None,
    skip_import: bool,
    pg_name: str = PG_NAME,
    repeat: int = 15,
    retention: bool = True,
    record: bool = True,
) -> list[tuple[str, ...]]:
    db, total, grown = built_ledger(backend, count, days, folder, keep, pg_name)
    rows: list[tuple[str, ...]] = []
    yesterday = TODAY - dt.timedelta(days=1)
    measures = {
        "today's fevers (page of 100)": (lambda: ledger.flagged_readings(db, TODAY), hand(db, "fevers")),
        "today's missing readings (page of 100 and count)": (
            lambda: ledger.missing_readings(db, TODAY),
            hand(db, "missing"),
        ),
        "missing readings of a complete day (yesterday)": (
            lambda: ledger.missing_readings(db, yesterday),
            hand(db, "missing", yesterday),
        ),
        "observation list (page of 100)": (lambda: ledger.observation_list(db, TODAY), hand(db, "observations")),
        "daily summary (today)": (lambda: ledger.daily_summary(db, TODAY), hand_summary(db)),
        "daily summary of a complete day (yesterday)": (
            lambda: ledger.daily_summary(db, yesterday),
            hand_summary(db, yesterday),
        ),
    }
    page = ledger.SUMMARY_PAGE
    for when, label in ((TODAY, "today"), (yesterday, "a complete day")):
        # what the 每日汇总 page reads (the counts, 100 names of each list, whether the day was signed off)
        measures[f"summary page, {label} (counts and a page of each list)"] = (
            lambda when=when: ledger.summary_view(db, when),
            hand_summary(db, when, page, page=True),
        )
        # what the page does once it is shown, in the background: the kept counts against the readings recounted
        measures[f"summary page's check of the kept counts, {label} (after it is shown)"] = (
            lambda when=when: ledger.recounted_day(db, when),
            hand_recount(db, when),
        )
    if record:
        from export.ledger_reports import summary_record

        for when, label in ((TODAY, "today"), (yesterday, "a complete day")):
            # what the page read before, and signing and exporting still make: every name and the readings' digest
            measures[f"summary record, {label} (sign and export only; by hand = the page's read)"] = (
                lambda when=when: summary_record(db, when),
                hand_summary(db, when, page, page=True),
            )
    rows.extend(compared(backend, name, db, ours, floor, repeat) for name, (ours, floor) in measures.items())
    if retention:
        rows.append((backend, *retention_delete(db, days, repeat)))
    rows.append((backend, "bytes per reading (table + indexes)", f"{grown / total:.1f}", "", "", "", "", ""))
    rows.append(
        (
            backend,
            f"audit bytes per reading (a shift of {shift_size(count)} entered)",
            f"{shift_audit_bytes(db, count):.1f}",
            "",
            "",
            "",
            "",
            "",
        )
    )
    forget_shift(db, count)
    db.close()
    if skip_import:
        if backend == "postgresql" and keep is None:
            drop_pg(pg_name)
        return rows
    fresh = f"sqlite:///{folder / 'roster.sqlite3'}" if backend == "sqlite" else pg_database("fugong_bench_roster")
    roster_db = open_database(fresh)
    roster.list_employees(roster_db)  # the connection open, so the server's CPU is counted
    pids = server_pids(roster_db)
    start, cpu = time.perf_counter(), cpu_seconds(pids)
    done = ledger_import.commit_roster_file(roster_db, "bench", workbook)
    seconds, cpu = time.perf_counter() - start, cpu_seconds(pids) - cpu
    assert len(done.good) == count, (len(done.good), len(done.bad), len(done.duplicates))
    name = f"roster import of {count:,} rows (.xlsx read, validated, stored, audited)"
    rows.append((backend, name, f"{seconds:.1f} s", "", "", f"{cpu:.1f} s", "", ""))
    roster_db.close()
    if backend == "postgresql":
        if keep is None:
            drop_pg(pg_name)
        drop_pg("fugong_bench_roster")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", type=Path, help="keep the built ledger in this folder and reuse it")
    parser.add_argument("--skip-import", action="store_true", help="leave out the roster import")
    parser.add_argument(
        "--skip-retention", action="store_true", help="leave out retention's bulk delete (with / without triggers)"
    )
    parser.add_argument(
        "--skip-record", action="store_true", help="leave out the summary record (what signing and exporting make)"
    )
    parser.add_argument("--repeat", type=int, default=15, help="runs of each measure (the median is shown)")
    parser.add_argument(
        "--pg-database", default=PG_NAME, help=f"the PostgreSQL database of the ledger (default {PG_NAME})"
    )
    args = parser.parse_args()
    if min(args.employees, args.days, args.repeat) < 1:
        parser.error("--employees, --days and --repeat are at least 1")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    started = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-ledger-") as name:
        folder = Path(name)
        workbook = folder / "roster.xlsx"
        if not args.skip_import:
            roster_workbook(workbook, args.employees)
        rows: list[tuple[str, ...]] = []
        for backend in backends:
            rows += run_backend(
                backend,
                args.employees,
                args.days,
                folder,
                workbook,
                args.keep,
                args.skip_import,
                args.pg_database,
                args.repeat,
                not args.skip_retention,
                not args.skip_record,
            )
    load = os.getloadavg()
    print(
        f"\n{args.employees:,} employees × 2 readings × {args.days} days; targets: each query ≤ 50 ms and ≤ 5× the "
        f"same query written by hand, ≤ 100 bytes per reading, roster import ≤ 10 s. Medians of {args.repeat} interleaved runs; "
        "CPU = this thread + the PostgreSQL backend (what the work costs on an idle core, whatever else runs); "
        f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores (at the "
        f"start {started[0]:.1f})\n"
    )
    print_table(("backend", "measure", "fugong", "by hand", "ratio", "fugong CPU", "by hand CPU", "CPU ratio"), rows)


if __name__ == "__main__":
    main()
