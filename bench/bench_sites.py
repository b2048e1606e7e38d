"""How long the site registers take: the dormitory room list with verdicts, and a canteen sittings plan.

* The room list: 2,000 rooms in 40 buildings, 8,000 people on the roster living in them, read from SQLite by
  :func:`storage.dormitories.room_list` (the rooms, the occupants counted from the roster, each room judged
  under the national and the Beijing rule). A register is built of a few room types per building (each
  building here has 4 types, 160 in all), which the verdict cache uses; the same list of 2,000 rooms that are
  all different is timed as well, and the hand-written baseline is one SQL query and the limits compared
  inline, without the rule engine's words.
* The sittings plan: 20,000 people in 400 departments (some larger than one sitting) → the plan with its
  explanation (:func:`checklist.sites.canteen.plan_sittings`), against a hand-written first-fit loop.

Run: ``python bench/bench_sites.py [--repeat 15] [--backend sqlite|postgresql|both]`` (the room list on each
backend; PostgreSQL's CPU time includes its backend process, from ``/proc/PID/schedstat``). Targets (issue 16): room list ≤ 50 ms; plan ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if TYPE_CHECKING:
    from storage.db import Database

from cputime import cpu_seconds  # bench/cputime.py, beside this script

from checklist.rules import Location
from checklist.sites import dormitories as core
from checklist.sites.canteen import CanteenSettings, Group, SeatingRule, plan_sittings

PG_URL = os.environ.get("FUGONG_TEST_PG_URL", "postgresql+psycopg://fugong:fugong@127.0.0.1:5432/fugong_test")
PG_NAME = "fugong_bench_sites"
Timing = tuple[float, float, float]  # median wall-clock ms, best wall-clock ms, median CPU ms


def timed(
    ours: Callable[[], object], hand: Callable[[], object], repeat: int, pids: Callable[[], list[int]] = list
) -> tuple[Timing, Timing]:
    """Both steps, interleaved (so both see the same load on a shared machine): the median and best wall-clock
    time and the median CPU time of each (this thread, and the database server's backends ``pids()`` once
    both have run). The CPU time is what the work costs on an idle core, whatever else the machine runs."""
    ours(), hand()
    servers = pids()
    samples: dict[int, list[tuple[float, float]]] = {0: [], 1: []}
    for _ in range(repeat):
        for which, step in enumerate((ours, hand)):
            wall, cpu = time.perf_counter(), cpu_seconds(servers)
            step()
            samples[which].append(((time.perf_counter() - wall) * 1000, (cpu_seconds(servers) - cpu) * 1000))
    return tuple(  # type: ignore[return-value]
        (
            statistics.median(w for w, _ in samples[i]),
            min(w for w, _ in samples[i]),
            statistics.median(c for _, c in samples[i]),
        )
        for i in (0, 1)
    )


def pg_database(drop_only: bool = False) -> str:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)'))
        if not drop_only:
            connection.execute(text(f'CREATE DATABASE "{PG_NAME}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + PG_NAME


def make_register(url: str, all_different: bool) -> None:
    from storage import dormitories
    from storage.db import open_database
    from storage.dormitory_models import DormitoryBuilding, RegisterRoom
    from storage.ledger_models import Employee

    rng = random.Random(16)
    db = open_database(url)
    try:
        with db.session() as session, session.begin():
            buildings = [DormitoryBuilding(name=f"{n + 1}号楼") for n in range(40)]
            session.add_all(buildings)
            session.flush()
            rooms, people = [], []
            for b, building in enumerate(buildings):
                types = [
                    (
                        rng.choice([12.0, 15.0, 18.0, 20.0, 24.0, 30.0]),
                        rng.choice([4, 6, 8]),
                        rng.choice(list(Location)),
                    )
                    for _ in range(4)
                ]
                for r in range(50):
                    area, beds, location = types[r % 4]
                    if all_different:
                        area = round(rng.uniform(8, 40), 2)
                    name = f"{b + 1}-{r + 1:03d}"
                    rooms.append(
                        {
                            "building_id": building.id,
                            "name": name,
                            "area_m2": area,
                            "beds": beds,
                            "location": location.value,
                            "has_window": True,
                            "bunk_beds": r % 7 == 0,
                        }
                    )
                    people += [{"name": f"员工{len(people) + k}", "dormitory_room": name} for k in range(4)]
            session.execute(RegisterRoom.__table__.insert(), rooms)
            session.execute(
                Employee.__table__.insert(),
                [
                    {
                        **p,
                        "department": "车间",
                        "post": "",
                        "category": "other",
                        "outsourcing_company": "",
                        "id_number": "",
                        "phone": "",
                        "status": "on_site",
                        "returned_from": "",
                        "created_at": dt.datetime(2020, 3, 1),
                    }
                    for p in people
                ],
            )
        assert len(dormitories.room_list(db)) == 2000
    finally:
        db.close()


BASELINE_SQL = (
    "SELECT r.name, r.area_m2, r.location, r.has_window, r.bunk_beds, COALESCE(c.n, 0) "
    "FROM dormitory_register_rooms r JOIN dormitory_buildings b ON b.id = r.building_id "
    "LEFT JOIN (SELECT dormitory_room, COUNT(*) AS n FROM employees WHERE status != 'left' "
    "GROUP BY dormitory_room) c ON c.dormitory_room = r.name ORDER BY b.name, r.name"
)


def baseline_rooms(source: str | Database) -> list[tuple[str, bool, bool]]:
    """The same list by hand: one query, the limits compared inline (no words, no clauses, no remedies). On
    SQLite through :mod:`sqlite3` (a connection per run), on PostgreSQL through the pool's driver connection."""
    if isinstance(source, str):
        connection = sqlite3.connect(source)
        try:
            rows = connection.execute(BASELINE_SQL).fetchall()
        finally:
            connection.close()
    else:
        raw = source.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(BASELINE_SQL)
            rows = cursor.fetchall()
            raw.rollback()
        finally:
            raw.close()
    out = []
    for name, area, location, window, bunk, n in rows:
        national = n == 0 or (n <= 6 and area / n >= 2.5)
        if location == "underground":
            beijing = n == 0 or (n <= 2 and area / n >= 5 and not bunk)
        else:
            beijing = n == 0 or (n <= 6 and area / n >= 4 and (location != "semi_basement" or bool(window)))
        out.append((name, national, beijing))
    return out


def baseline_plan(groups: list[tuple[str, int]], capacity: int) -> list[list[tuple[str, int]]]:
    """First fit, largest first, by hand: no explanation, no timetable."""
    parts: list[tuple[str, int]] = []
    for name, count in groups:
        while count > capacity:
            parts.append((name, capacity))
            count -= capacity
        parts.append((name, count))
    parts.sort(key=lambda p: -p[1])
    bins: list[list[tuple[str, int]]] = []
    free: list[int] = []
    for part in parts:
        for index, room in enumerate(free):
            if room >= part[1]:
                bins[index].append(part)
                free[index] -= part[1]
                break
        else:
            bins.append([part])
            free.append(capacity - part[1])
    return bins


def server_pids(db: Database) -> list[int]:
    """The PostgreSQL backends serving this database (on this machine); none for SQLite."""
    if db.is_sqlite:
        return []
    from sqlalchemy import text

    with db.engine.connect() as connection:
        query = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        pids = [int(p) for p in connection.execute(query).scalars()]
    return [p for p in pids if Path(f"/proc/{p}/schedstat").exists()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    args = parser.parse_args()
    from storage import dormitories
    from storage.db import open_database

    results: list[tuple[str, Timing, Timing, str]] = []
    folder = Path(tempfile.mkdtemp(prefix="fugong-bench-sites-"))
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        for all_different in (False, True):
            path = folder / f"register-{int(all_different)}.sqlite3"
            url = f"sqlite:///{path}" if backend == "sqlite" else pg_database()
            make_register(url, all_different)
            db = open_database(url)
            try:

                def room_list(db: Database = db) -> object:
                    core._words.cache_clear()  # every run judges from scratch
                    return dormitories.room_list(db)

                def by_hand(source: str | Database = str(path) if backend == "sqlite" else db) -> object:
                    return baseline_rooms(source)

                def servers(db: Database = db) -> list[int]:
                    return server_pids(db)

                ours, hand = timed(room_list, by_hand, args.repeat, servers)
                label = "2,000 rooms, all different" if all_different else "2,000 rooms (160 room types)"
                results.append((f"room list with verdicts ({backend}): {label}", ours, hand, "≤ 50 ms"))
            finally:
                db.close()
    if "postgresql" in backends:
        pg_database(drop_only=True)
    rng = random.Random(20)
    groups = [(f"部门{n:03d}", rng.randint(10, 90)) for n in range(396)] + [("总装车间", 900), ("机加工", 650)]
    scale = 20_000 / sum(count for _, count in groups)
    groups = [(name, max(1, round(count * scale))) for name, count in groups]
    settings = CanteenSettings(
        tuple(Group(name, count) for name, count in groups), 250, 6, SeatingRule.ONE_DIRECTION, 20, 10, 600, 1080
    )
    ours, hand = timed(
        lambda: plan_sittings(settings), lambda: baseline_plan(groups, settings.seats_per_sitting), args.repeat
    )
    plan = plan_sittings(settings)
    results.append(
        (
            f"sittings plan: {settings.headcount:,} people, {len(groups)} departments → {len(plan.sittings)} sittings",
            ours,
            hand,
            "≤ 100 ms",
        )
    )
    load = os.getloadavg()
    print(
        f"median of {args.repeat} runs, each interleaved with the hand-written baseline; wall = wall-clock, "
        f"CPU = this thread's CPU time (+ the PostgreSQL backend's); load average {load[0]:.1f} / {load[1]:.1f} "
        f"/ {load[2]:.1f} on {os.cpu_count()} cores\n"
    )
    print(
        "| step | wall median / best ms | CPU ms | by hand: wall / CPU ms | CPU ratio | target |\n"
        "|---|---|---|---|---|---|"
    )
    for name, (median, fastest, cpu), (baseline, _, hand_cpu), target in results:
        print(
            f"| {name} | {median:.1f} / {fastest:.1f} | {cpu:.1f} | {baseline:.1f} / {hand_cpu:.1f} | "
            f"{cpu / hand_cpu:.1f}× | {target} |"
        )


if __name__ == "__main__":
    main()
