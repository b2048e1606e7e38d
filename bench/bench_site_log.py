"""The ventilation and disinfection log at scale: 5 years of daily logs for 200 places (365,000 entries).

    python bench/bench_site_log.py [--places N] [--years N] [--backend sqlite|postgresql|both]

For each backend: builds the log (bulk, through the driver; one place in ten planned twice a day but logged once,
so there are gaps to find), then times, through the service layer (``storage.site_log``), the gap view of one month (every
(day, place, kind) short of its plan) and one day's entries with the reference method's verdicts, each against
the same reads written by hand in SQL on the same database. Prints one table; the target is ≤ 50 ms for the
month's gap view.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bulk import bulk_load  # bench/bulk.py, beside this script
from cputime import Row, compared, print_table  # bench/cputime.py, beside this script
from pgdb import drop_pg, pg_database  # bench/pgdb.py, beside this script
from sqlalchemy import insert, text

from storage import site_log
from storage.db import Database, open_database

LAST_DAY = dt.date(2026, 11, 30)
MONTH = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
PG_URL = os.environ.get("FUGONG_TEST_PG_URL", "postgresql+psycopg://fugong:fugong@127.0.0.1:5432/fugong_test")
COLUMNS = (
    "day, at, place, kind, method, chlorine_mg_per_l, contact_minutes, duration_minutes, vehicle_surfaces, "
    "mask_bins_cleared, waste_cleared, done_by, note, corrects_id, entered_by, entered_at"
)


def plans(places: int) -> list[dict[str, Any]]:
    """Odd places are disinfected, even ones ventilated; one place in ten is planned twice a day (lifts, door
    handles) while the log keeps to one entry a place a day, so those places show a gap every day."""
    return [
        {
            "place": f"{i:03d} 号区域",
            "kind": "disinfection" if i % 2 else "ventilation",
            "times_per_day": 1 + (i % 10 == 1),
        }
        for i in range(places)
    ]


def entries(places: int, days: int) -> Iterator[tuple[Any, ...]]:
    """One entry per place and day: 200 places × 1,825 days = 365,000 entries."""
    first = LAST_DAY - dt.timedelta(days=days - 1)
    layout = plans(places)
    for n in range(days):
        day = first + dt.timedelta(days=n)
        for index, plan in enumerate(layout):
            at = dt.datetime.combine(day, dt.time(8 + index % 10, 30))
            chlorine = plan["kind"] == "disinfection"
            yield (
                day.toordinal(),
                at,
                plan["place"],
                plan["kind"],
                "chlorine" if chlorine else "natural_ventilation",
                500.0 if chlorine else None,
                30.0 if chlorine else None,
                None if chlorine else 30.0,
                False,
                index % 3 == 0,
                index % 3 == 0,
                "保洁组",
                "",
                None,
                "bench",
                at,
            )


def build(db: Database, places: int, days: int) -> int:
    from storage.site_log_models import SitePlan

    with db.engine.begin() as connection:
        connection.execute(insert(SitePlan), plans(places))
    return bulk_load(db, "site_log_entries", COLUMNS, entries(places, days), batch=50_000)


def hand_gaps(db: Database) -> Callable[[], object]:
    """The same reads by hand: the plans, and the month's entries counted per (day, place, kind)."""
    counts = text(
        "SELECT day, place, kind, count(*) FROM site_log_entries WHERE day >= :a AND day <= :b "
        "GROUP BY day, place, kind"
    )
    plan = text("SELECT place, kind, times_per_day FROM site_plans")
    bounds = {"a": MONTH[0].toordinal(), "b": MONTH[1].toordinal()}

    def run() -> object:
        with db.engine.connect() as connection:
            return connection.execute(plan).all(), connection.execute(counts, bounds).all()

    return run


def hand_day(db: Database) -> Callable[[], object]:
    statement = text(f"SELECT id, {COLUMNS} FROM site_log_entries WHERE day = :d ORDER BY at, id")

    def run() -> object:
        with db.engine.connect() as connection:
            return connection.execute(statement, {"d": MONTH[0].toordinal()}).all()

    return run


def run_backend(backend: str, places: int, days: int, folder: Path) -> list[Row]:
    url = f"sqlite:///{folder / 'site-log.sqlite3'}" if backend == "sqlite" else pg_database("fugong_bench_site_log")
    db = open_database(url)
    start = time.perf_counter()
    total = build(db, places, days)
    print(f"[{backend}] built {total:,} entries in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    found = site_log.gaps(db, *MONTH)
    rows: list[Row] = [(backend, "entries in the log", f"{total:,}", "", "", "", "", "")]
    measures = {
        f"gap view of one month ({len(found):,} gaps)": (lambda: site_log.gaps(db, *MONTH), hand_gaps(db)),
        "one day's entries with reference verdicts": (
            lambda: site_log.entries_of_day(db, MONTH[0]),
            hand_day(db),
        ),
    }
    rows.extend(compared(backend, name, db, ours, floor) for name, (ours, floor) in measures.items())
    db.close()
    if backend == "postgresql":
        drop_pg("fugong_bench_site_log")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--places", type=int, default=200)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    days = round(args.years * 365)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-site-log-") as name:
        for backend in backends:
            rows += run_backend(backend, args.places, days, Path(name))
    load = os.getloadavg()
    print(
        f"\n{args.places} places × {days:,} days; target: the gap view of a month ≤ 50 ms; median of 15 runs, "
        "each interleaved with the hand-written reads; wall = wall-clock, CPU = this thread + the PostgreSQL "
        f"backend; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} CPUs\n"
    )
    header = ("backend", "measure", "fugong wall", "by hand wall", "ratio", "fugong CPU", "by hand CPU", "CPU ratio")
    print_table(header, rows)


if __name__ == "__main__":
    main()
