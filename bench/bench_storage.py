"""Storage at scale: 100,000 inspections × 50 responses (5 million rows) for 50 sites.

    python bench/bench_storage.py [--inspections N] [--keep]

Builds the history once in bench/results/ (reused while the schema is unchanged), then measures through the
real service layer, and in the same run the same rows with a bare indexed sqlite3 query, and prints a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.db import open_database
from storage.inspections import load_inspection
from storage.listing import InspectionFilter, list_inspections

RESULTS = Path(__file__).resolve().parent / "results"
SITES = 50
RESPONSES = 50
STATUSES = ("draft", "completed", "signed")


def build(path: Path, inspections: int) -> None:
    db = open_database(f"sqlite:///{path}")
    db.close()
    random.seed(7)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute(
        "INSERT INTO companies (id, name, credit_code, address, district, company_type, headcount, contact) "
        "VALUES (1, '北京示例制造有限公司', '91110000600037341L', '北京市大兴区', '大兴区', 'industrial', 800, '')"
    )
    connection.executemany(
        "INSERT INTO sites (id, company_id, name, kind) VALUES (?, 1, ?, 'plant')",
        [(i, f"厂区 {i:02d}") for i in range(1, SITES + 1)],
    )
    items = (
        [f"GN-{n:02d}" for n in range(1, 17)]
        + [f"BJHQ-{n}" for n in range(1, 7)]
        + [f"BJTG-{n:02d}" for n in range(1, 13)]
        + [f"LK28-{n}" for n in range(1, 15)]
        + ["NHC-1", "NHC-2"]
    )
    assert len(items) == RESPONSES
    catalogs = json.dumps({"GN": "1.0.0", "BJHQ": "1.0.0", "BJTG": "1.0.0", "LK28": "1.0.0", "NHC": "1.0.0"})
    finding = json.dumps(
        [
            {
                "rule": "temperature.twice_daily",
                "citation": "GN 一、（一）; BJHQ 二",
                "subject": "每日体温检测次数",
                "measured": "2 次/日",
                "limit": "≥ 2 次/日",
                "verdict": "pass",
                "message_zh": "每日体温检测次数：2 次/日，符合“≥ 2 次/日”",
                "message_en": "meets",
            }
        ],
        ensure_ascii=False,
    )
    start = dt.date(2020, 2, 1)
    batch_inspections, batch_responses = [], []
    response_id = 0
    for inspection_id in range(1, inspections + 1):
        day = start + dt.timedelta(days=random.randrange(0, 6 * 365))
        status = STATUSES[0 if inspection_id % 10 == 0 else 1 if inspection_id % 10 == 1 else 2]
        failed = random.randrange(0, 4)
        batch_inspections.append(
            (
                inspection_id,
                1,
                random.randrange(1, SITES + 1),
                day.isoformat(),
                "张三",
                catalogs,
                status,
                None if status == "draft" else "a" * 64,
                RESPONSES - failed,
                failed,
                0,
                0,
                failed,
                day.isoformat() + " 09:00:00",
                day.isoformat() + " 10:00:00",
                1,
            )
        )
        for position, item in enumerate(items):
            response_id += 1
            result = "fail" if position < failed else "pass"
            measured = position == 0
            batch_responses.append(
                (
                    response_id,
                    inspection_id,
                    position,
                    item,
                    result,
                    result if measured else None,
                    result,
                    '{"checks_per_day":2}' if measured else None,
                    finding if measured else None,
                    "",
                    "",
                )
            )
        if len(batch_inspections) == 5000:
            _flush(connection, batch_inspections, batch_responses)
    _flush(connection, batch_inspections, batch_responses)
    connection.execute("ANALYZE")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("VACUUM")
    connection.close()


def _flush(
    connection: sqlite3.Connection, inspections: list[tuple[object, ...]], responses: list[tuple[object, ...]]
) -> None:
    connection.executemany(
        "INSERT INTO inspections (id, company_id, site_id, date, inspector, catalogs, status, record_hash, passed, "
        "failed, na, unchecked, open_actions, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inspections,
    )
    connection.executemany(
        "INSERT INTO item_responses (id, inspection_id, position, item_id, result, derived, final, measurements, "
        "findings, override_reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        responses,
    )
    connection.commit()
    inspections.clear()
    responses.clear()


def timed(function, repeat: int = 30) -> float:  # type: ignore[no-untyped-def]
    function()  # warm caches
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=100_000)
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"history-{args.inspections}.sqlite3"
    if not path.exists():
        began = time.perf_counter()
        build(path, args.inspections)
        print(f"built {path.name} in {time.perf_counter() - began:.0f} s")
    db = open_database(f"sqlite:///{path}")
    where = InspectionFilter(site_id=17, status="signed", date_from=dt.date(2022, 1, 1), date_to=dt.date(2024, 12, 31))
    page = list_inspections(db, where, order_by="date", limit=50)
    assert len(page) == 50, len(page)
    list_ms = timed(lambda: list_inspections(db, where, order_by="date", limit=50))
    target_id = page[0].id
    load_ms = timed(lambda: load_inspection(db, target_id))
    loaded = load_inspection(db, target_id)
    assert len(loaded.responses) == RESPONSES

    bare = sqlite3.connect(path)
    bare_list_sql = (
        "SELECT i.id, c.name, s.name, i.date, i.inspector, i.status, i.passed, i.failed, i.na, i.unchecked, "
        "i.open_actions FROM inspections i JOIN companies c ON c.id = i.company_id LEFT JOIN sites s "
        "ON s.id = i.site_id WHERE i.site_id = ? AND i.status = ? AND i.date >= ? AND i.date <= ? "
        "ORDER BY i.date DESC, i.id DESC LIMIT 50"
    )
    bare_list_ms = timed(lambda: bare.execute(bare_list_sql, (17, "signed", "2022-01-01", "2024-12-31")).fetchall())
    bare_load_ms = timed(
        lambda: (
            bare.execute("SELECT * FROM inspections WHERE id = ?", (target_id,)).fetchall(),
            bare.execute("SELECT * FROM item_responses WHERE inspection_id = ?", (target_id,)).fetchall(),
            bare.execute("SELECT * FROM corrective_actions WHERE inspection_id = ?", (target_id,)).fetchall(),
        )
    )
    plan = " / ".join(
        row[3]
        for row in bare.execute("EXPLAIN QUERY PLAN " + bare_list_sql, (17, "signed", "2022-01-01", "2024-12-31"))
    )
    bare.close()
    size_kb = path.stat().st_size / 1024 / args.inspections
    db.close()

    rows = [
        (
            "list 50 (site + dates + status, by date)",
            f"{list_ms:.2f} ms",
            "≤ 50 ms",
            f"{bare_list_ms:.2f} ms",
            f"{list_ms / bare_list_ms:.1f}×",
        ),
        (
            "load one inspection (50 responses)",
            f"{load_ms:.2f} ms",
            "≤ 30 ms",
            f"{bare_load_ms:.2f} ms",
            f"{load_ms / bare_load_ms:.1f}×",
        ),
        ("database size per inspection", f"{size_kb:.2f} KB", "≤ 10 KB", "", ""),
    ]
    print(f"\n{args.inspections:,} inspections × {RESPONSES} responses, {SITES} sites (SQLite, {path.name})\n")
    print(f"| {'measure':<42} | {'fugong':>10} | {'target':>8} | {'bare sqlite3':>12} | {'ratio':>6} |")
    print(f"|{'-' * 44}|{'-' * 12}|{'-' * 10}|{'-' * 14}|{'-' * 8}|")
    for name, value, target, bare_value, ratio in rows:
        print(f"| {name:<42} | {value:>10} | {target:>8} | {bare_value:>12} | {ratio:>6} |")
    print(f"\nquery plan of the list query: {plan}")


if __name__ == "__main__":
    main()
