"""``bench/bench_ledger.py`` runs at any size (one person, one day and up), so anyone can try it in seconds; and a
ledger it kept (``--keep``) is reused only while it is still there with its readings: a marker file naming a
database that was dropped, or a SQLite file deleted, means building it again, not a traceback. No timing is
asserted here (the figures are the bench's job)."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import create_engine, text

BENCH = Path(__file__).resolve().parents[2] / "bench"
MEASURES = (
    "today's fevers",
    "today's missing readings",
    "missing readings of a complete day",
    "observation list",
    "daily summary (today)",
    "daily summary of a complete day",
    "summary page, today",
    "summary page, a complete day",
    "summary record, today",
    "summary page's check of the kept counts",
    "bytes per reading",
    "audit bytes per reading",
    "retention's bulk delete",
)


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("bench_ledger")


def _run(bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """One run of the bench; its table's rows (stderr is returned after them, for what it said it did)."""
    monkeypatch.setattr(sys, "argv", ["bench_ledger.py", *args])
    bench.main()
    out, err = capsys.readouterr()
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| backend")]
    for measure in MEASURES:
        found = [row for row in rows if measure in row]
        assert found, (measure, out)
        for row in found:
            # every cell of the fugong column is a number, none is an error or empty
            figure = row.split(" | ")[2].split()[0]
            assert float(figure) >= 0, row
    return err


def _built(err: str) -> int:
    """How many readings the run said it built."""
    found = re.search(r"built ([\d,]+) readings", err)
    assert found is not None, err
    return int(found.group(1).replace(",", ""))


def test_the_bench_runs_at_tiny_sizes_and_rebuilds_a_kept_ledger_that_is_gone(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    kept = tmp_path / "kept"
    size = ("--employees", "3", "--days", "2", "--backend", "sqlite", "--keep", str(kept), "--repeat", "1")
    built = _built(_run(bench, monkeypatch, capsys, *size))
    assert 0 < built <= 3 * 3  # yesterday's two half-days and this morning's, of three people
    assert f"reusing the ledger of {built} readings" in _run(bench, monkeypatch, capsys, *size, "--skip-import")

    (kept / "ledger.sqlite3").unlink()  # the marker stays, the ledger is gone
    err = _run(bench, monkeypatch, capsys, *size, "--skip-import")
    assert "gone or changed: building it again" in err and _built(err) == built
    assert f"reusing the ledger of {built} readings" in _run(bench, monkeypatch, capsys, *size, "--skip-import")

    # a ledger file of other readings than those it was built with is not reused either
    with create_engine(f"sqlite:///{kept / 'ledger.sqlite3'}").begin() as connection:
        connection.execute(
            text("DELETE FROM health_readings WHERE day = (SELECT min(day) FROM health_readings) AND employee_id = 1")
        )
    err = _run(bench, monkeypatch, capsys, *size, "--skip-import")
    assert f"has {built - 2} readings, not {built}" in err and _built(err) == built  # yesterday's two

    # one person, one day: no one to end an observation, no complete day to speak of
    _run(bench, monkeypatch, capsys, "--employees", "1", "--days", "1", "--backend", "sqlite", "--repeat", "1")


@pytest.mark.postgres
def test_a_kept_postgresql_ledger_that_was_dropped_is_built_again(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    name = pg_url.rsplit("/", 1)[1]  # the test's own database: the bench makes it afresh, the fixture drops it
    size = (
        "--employees",
        "2",
        "--days",
        "1",
        "--backend",
        "postgresql",
        "--keep",
        str(tmp_path),
        "--skip-import",
        "--repeat",
        "1",
    )
    built = _built(_run(bench, monkeypatch, capsys, *size, "--pg-database", name))
    assert (tmp_path / "postgresql-2x1.built").exists()
    admin = create_engine(pg_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
    err = _run(bench, monkeypatch, capsys, *size, "--pg-database", name)
    assert "gone or changed: building it again" in err and _built(err) == built
