"""How long the inspections list takes with a large history, on the GUI thread (offscreen Qt).

50,000 inspections are handed to the list page (as the background loader does), then sorted by place,
filtered by status, and filtered by typed text, each followed by a repaint. Every step blocks the GUI
thread for the time shown, so the issue's "never freezes for more than 100 ms" applies to each.

Run: ``python bench/bench_list.py [--rows 50000] [--repeat 5]``. Target: each step ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for tests.samples
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's settings: QSettings and data go to a throw-away folder.
_SANDBOX = tempfile.mkdtemp(prefix="fugong-bench-list-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import configure_application  # noqa: E402
from desktop.inspections.model import Column  # noqa: E402
from desktop.inspections.view import InspectionsPage  # noqa: E402
from storage.listing import InspectionRow  # noqa: E402
from tests.samples import inspection_history  # noqa: E402


def timed(app: QApplication, step: Callable[[], None]) -> float:
    """Seconds for ``step`` and the repaint it causes."""
    start = time.perf_counter()
    step()
    app.processEvents()
    return time.perf_counter() - start


def one_run(app: QApplication, rows: list[InspectionRow]) -> tuple[dict[str, float], int]:
    """The four steps on a fresh page: {step: seconds}, and the rows left shown at the end."""
    page = InspectionsPage()
    page.resize(1100, 700)
    page.show()
    app.processEvents()
    steps: dict[str, Callable[[], None]] = {
        "show the list": lambda: page.set_rows(rows),
        "sort by place": lambda: page.table.sortByColumn(Column.PLACE, Qt.SortOrder.AscendingOrder),
        "filter: 草稿": lambda: page.status_filter.setCurrentIndex(1),
        "filter: type 12": lambda: page.text_filter.setText("12"),
    }
    seconds = {name: timed(app, step) for name, step in steps.items()}
    shown = page.proxy.rowCount()
    page.close()
    page.deleteLater()
    app.processEvents()
    return seconds, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    configure_application(app)
    rows = inspection_history(args.rows)
    times: dict[str, list[float]] = {}
    shown = 0
    for _ in range(args.repeat):
        seconds, shown = one_run(app, rows)
        for name, value in seconds.items():
            times.setdefault(name, []).append(value)
    print(f"{'step':<18} {'median':>9} {'max':>9}")
    for name, samples in times.items():
        print(f"{name:<18} {statistics.median(samples) * 1000:>6.1f} ms {max(samples) * 1000:>6.1f} ms")
    print(f"\n{args.rows:,} inspections, {args.repeat} runs; {shown:,} rows left after both filters")
    worst = max(max(samples) for samples in times.values())
    print(f"target ≤ 100 ms per step: {'met' if worst <= 0.1 else 'NOT met'} (worst {worst * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
