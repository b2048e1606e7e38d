"""What the benchmarks that read a database share: the CPU time of the work — the calling thread plus the
PostgreSQL backends serving it (``/proc/PID/schedstat``) — which is what the work costs on an idle core,
whatever else the machine runs; and a run of the service's call interleaved with the same read by hand."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import text

from storage.db import Database

Timing = tuple[float, float]  # median wall-clock ms, median CPU ms (client thread + database server)
Row = tuple[str, str, str, str, str, str, str, str]  # a line of a benchmark's table


def server_pids(db: Database) -> list[int]:
    """The PostgreSQL backends serving this database (on this machine), to add their CPU time to the client's."""
    if db.is_sqlite:
        return []
    with db.engine.connect() as connection:
        pids = [
            int(p)
            for p in connection.execute(
                text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            ).scalars()
        ]
    return [p for p in pids if Path(f"/proc/{p}/schedstat").exists()]


def cpu_seconds(pids: list[int]) -> float:
    """This thread's CPU time plus that of the PostgreSQL backends (``/proc/PID/schedstat``, nanoseconds)."""
    total = time.thread_time()
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):  # the backend ended, or no such file here
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    return total


def timed(
    db: Database, ours: Callable[[], object], hand: Callable[[], object], repeat: int = 15
) -> tuple[Timing, Timing]:
    """Both functions, interleaved (so both see the same load on a shared machine): the median wall-clock time
    and the median CPU time of each. The CPU time is what the work costs whatever else the machine runs."""
    ours(), hand()
    pids = server_pids(db)
    samples: dict[int, list[tuple[float, float]]] = {0: [], 1: []}
    for _ in range(repeat):
        for which, function in enumerate((ours, hand)):
            wall, cpu = time.perf_counter(), cpu_seconds(pids)
            function()
            samples[which].append(((time.perf_counter() - wall) * 1000, (cpu_seconds(pids) - cpu) * 1000))
    medians = [
        (statistics.median(w for w, _ in samples[i]), statistics.median(c for _, c in samples[i])) for i in (0, 1)
    ]
    return medians[0], medians[1]


def compared(
    backend: str,
    name: str,
    db: Database,
    ours: Callable[[], object],
    hand: Callable[[], object],
    repeat: int = 15,
) -> Row:
    """:func:`timed` (``repeat`` runs of each) as a line of the table: the backend, what was measured, then our
    call's and the hand-written read's wall-clock ms and their ratio, and the same for the CPU ms."""
    (mine, mine_cpu), (bare, bare_cpu) = timed(db, ours, hand, repeat)
    return (
        backend,
        name,
        f"{mine:.1f} ms",
        f"{bare:.1f} ms",
        f"{mine / bare:.1f}×",
        f"{mine_cpu:.1f} ms",
        f"{bare_cpu:.1f} ms",
        f"{mine_cpu / bare_cpu:.1f}×",
    )


def print_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A benchmark's figures as a Markdown table: the header, its rule, then a line a row."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
