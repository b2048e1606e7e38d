"""Entering a shift of readings by keyboard in the temperature grid: how long each keystroke takes.

A shift of 200 people: for each, the morning temperature is typed (e.g. ``36.7``) and Enter pressed, by QTest
key events sent to whichever widget has the focus, as a keyboard does. Each keystroke is timed from the key
press to the end of the work it causes on the GUI thread (the events it queued are processed too). Three runs
each time:

* the 体温登记 page as the user has it: rows read from a SQLite ledger of 200 people through the core, every
  accepted reading checked by the core and stored by ``storage.ledger.enter_readings`` on a background thread
  (what it stored is checked afterwards). The page stores a batch when the typing pauses for 0.25 s; these
  keystrokes come without pauses, so here the batch is stored after the last one (not timed) — in use the
  saves run in the pauses between people;
* the grid alone on rows handed in (no database), the widget's own cost;
* the same keystrokes typed into a plain ``QTableView`` over a ``QStandardItemModel`` of the same shape
  (Enter, then Down to go to the next row, as it does not move by itself): the floor Qt itself sets here.

Run: ``python bench/bench_grid.py [--people 200] [--repeat 3] [--freeze-gc]``. Target: the slowest keystroke
≤ 16 ms. ``--freeze-gc`` moves everything alive after start-up out of the garbage collector's reach
(``gc.freeze()``), to see how much of the rare slow keystroke is the collector's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="fugong-bench-grid-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView, QWidget  # noqa: E402

from checklist.rules import MeasurementKind, validate_measurement  # noqa: E402
from desktop.app import configure_application  # noqa: E402
from desktop.registers.grid import (  # noqa: E402
    GridColumn,
    GridPerson,
    GridRow,
    GridRules,
    ReadingGrid,
    ReadingGridModel,
    Symptom,
)

FEVER_C = 37.3


def readings(people: int) -> list[str]:
    """A shift's temperatures as typed: mostly normal, every 50th a fever."""
    return [("38.1" if n % 50 == 49 else f"36.{n % 10}") for n in range(people)]


def grid_rules() -> GridRules:
    return GridRules(
        read_temperature=lambda text: float(validate_measurement("temperature", MeasurementKind.TEMPERATURE_C, text)),
        is_fever=lambda celsius: celsius >= FEVER_C,
        symptoms=(Symptom("1", "发热", "fever"), Symptom("2", "干咳", "dry cough")),
    )


def focus(app: QApplication, fallback: QWidget) -> QWidget:
    return app.focusWidget() or fallback


Timing = tuple[float, float]  # (wall-clock seconds, CPU seconds of the GUI thread)


def press(app: QApplication, fallback: QWidget, key: Qt.Key | str) -> Timing:
    """One keystroke to the focused widget, and the work it causes: wall-clock and GUI-thread CPU seconds (the
    second is what the keystroke costs; the first adds whatever else the machine runs meanwhile)."""
    wall, cpu = time.perf_counter(), time.thread_time()
    QTest.keyClick(focus(app, fallback), key)
    app.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def show(app: QApplication, view: QTableView) -> None:
    view.resize(1000, 650)
    view.show()
    view.activateWindow()
    for _ in range(50):
        app.processEvents()
        if view.isActiveWindow():
            break
        time.sleep(0.01)
    view.setCurrentIndex(view.model().index(0, GridColumn.MORNING))
    view.setFocus()
    app.processEvents()


def enter_in_grid(app: QApplication, people: int) -> tuple[list[Timing], int]:
    model = ReadingGridModel(grid_rules())
    model.set_rows([GridRow(GridPerson(n, f"员工{n:03d}", "车间")) for n in range(people)])
    entered: list[int] = []
    model.reading_entered.connect(lambda row, _half: entered.append(row))
    view = ReadingGrid(model)
    show(app, view)
    times: list[Timing] = []
    for text in readings(people):
        times.extend(press(app, view, character) for character in text)
        times.append(press(app, view, Qt.Key.Key_Return))
    flagged = len(model.flagged_rows())
    assert len(entered) == people, f"only {len(entered)} of {people} readings were accepted"
    view.close()
    view.deleteLater()
    app.processEvents()
    return times, flagged


def enter_in_page(app: QApplication, people: int, folder: Path) -> tuple[list[Timing], int]:
    """The real page on a fresh SQLite ledger; returns the timings and how many readings the core stored."""
    import datetime as dt

    from desktop.registers.readings import ReadingsPage
    from storage.auth import create_user
    from storage.db import open_database
    from storage.ledger import day_grid
    from storage.roster import commit_roster

    url = f"sqlite:///{folder / f'ledger-{time.monotonic_ns()}.sqlite3'}"
    db = open_database(url)
    create_user(db, "张伟", "张伟", "officer", "bench-password-2020")
    commit_roster(db, "张伟", [(n + 2, {"name": f"员工{n:03d}", "department": "车间"}) for n in range(people)])
    today = dt.date.today()
    page = ReadingsPage(db, "张伟", "officer")
    page.now = lambda: dt.datetime.combine(today, dt.time(9, 30))  # within the morning: no late entries
    page.resize(1300, 700)
    page.show()
    page.show_day(today)
    while page.loading or page.model.rowCount() < people:
        app.processEvents()
        time.sleep(0.005)
    page.activateWindow()
    for _ in range(50):
        app.processEvents()
        if page.isActiveWindow():
            break
        time.sleep(0.01)
    page.grid.start()
    app.processEvents()
    times: list[Timing] = []
    for text in readings(people):
        times.extend(press(app, page.grid, character) for character in text)
        times.append(press(app, page.grid, Qt.Key.Key_Return))
    while page.pending():  # not timed: the background saves finishing
        app.processEvents()
        time.sleep(0.005)
    stored = sum(1 for row in day_grid(db, today, limit=people).rows if row.morning is not None)
    page.close()
    page.deleteLater()
    app.processEvents()
    db.close()
    return times, stored


def enter_in_plain_table(app: QApplication, people: int) -> list[Timing]:
    model = QStandardItemModel(people, len(GridColumn))
    for row in range(people):
        model.setItem(row, 0, QStandardItem(f"员工{row:03d}"))
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QTableView.EditTrigger.AnyKeyPressed | QTableView.EditTrigger.EditKeyPressed)
    show(app, view)
    times: list[Timing] = []
    for text in readings(people):
        times.extend(press(app, view, character) for character in text)
        times.append(press(app, view, Qt.Key.Key_Return))
        times.append(press(app, view, Qt.Key.Key_Down))
    assert model.item(people - 1, GridColumn.MORNING) is not None
    view.close()
    view.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--freeze-gc", action="store_true", help="gc.freeze() after start-up")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    configure_application(app)
    if args.freeze_gc:
        import gc

        gc.collect()
        gc.freeze()
    runs: dict[str, list[Timing]] = {"体温登记 page + core": [], "grid alone": [], "plain QTableView": []}
    flagged = stored = 0
    for _ in range(args.repeat):
        times, stored = enter_in_page(app, args.people, Path(_SANDBOX))
        runs["体温登记 page + core"].extend(times)
        times, flagged = enter_in_grid(app, args.people)
        runs["grid alone"].extend(times)
        runs["plain QTableView"].extend(enter_in_plain_table(app, args.people))
    print(f"{'typed into':<22} {'keystrokes':>10} {'':>6}{'median':>9} {'p99':>9} {'max':>9}")
    for name, samples in runs.items():
        for column, label in ((0, "wall"), (1, "CPU")):
            values = sorted(sample[column] * 1000 for sample in samples)
            p99 = values[int(len(values) * 0.99) - 1]
            print(
                f"{name if column == 0 else '':<22} {len(values) if column == 0 else '':>10} {label:>6}"
                f"{statistics.median(values):>6.2f} ms {p99:>6.2f} ms {values[-1]:>6.2f} ms"
            )
    plain = runs["plain QTableView"]
    for name in ("体温登记 page + core", "grid alone"):
        for column, label in ((0, "wall"), (1, "CPU")):
            median = statistics.median(s[column] for s in runs[name]) / statistics.median(s[column] for s in plain)
            worst = max(s[column] for s in runs[name]) / max(s[column] for s in plain)
            print(f"{name} / plain table ({label}): median × {median:.1f}, max × {worst:.1f}")
    print(
        f"{args.people} readings per shift, {args.repeat} runs; the core stored {stored} of {args.people} in the "
        f"last run; {flagged} rows flagged (fever) in the grid"
    )
    page = runs["体温登记 page + core"]
    for column, label in ((0, "wall-clock"), (1, "GUI-thread CPU")):
        worst_ms = max(s[column] for s in page) * 1000
        verdict = "met" if worst_ms <= 16 else "NOT met"
        print(f"page: slowest keystroke ≤ 16 ms ({label}): {verdict} (worst {worst_ms:.1f} ms)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"garbage collector frozen after start-up: {'yes' if args.freeze_gc else 'no'}")
    return 0 if stored == args.people else 1


if __name__ == "__main__":
    sys.exit(main())
