"""SIGKILL at random moments of import, completion, signing and export, on SQLite and on PostgreSQL.

A worker forked from the test process (everything already imported, so a kill costs milliseconds, not a
Python start) imports an inspection file, completes the record, signs it as the inspector and exports the
PDF and the workbook, over and over, saying on a pipe what it has committed. It is killed after a random
delay. After every kill: the database is intact (``PRAGMA integrity_check``), everything reported committed
is there in the state reported, every report file under its final name is whole, and the next start
(:func:`storage.files.clean_leftovers`) leaves no ``.part`` file and no temporary folder. At the end the audit
chain verifies and ``verify-record`` passes for every record. The number of kills per backend is
``FUGONG_KILLS`` (default 100: 200 in all).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import files, inspections
from storage.audit import verify_chain
from storage.db import open_database
from storage.exchange import export_document
from storage.verification import verify_record
from tests.badinput.figures import record_figure
from tests.keys import create_account
from tests.storage import helpers

pytestmark = pytest.mark.hostile

KILLS = int(os.environ.get("FUGONG_KILLS", "100"))
PASSWORD = "kill-test-密码-1"
STAGES = ("import", "complete", "sign", "export")


def _worker(url: str, stage: str, source: Path, out: Path, write_fd: int) -> None:
    """The forked worker: does ``stage`` over and over (first bringing a record to where the stage starts, if
    there is none), saying ``begin``/``done`` for each operation. Never returns."""
    try:
        from export.reports import export_reports
        from export.signing import sign
        from storage.exchange import import_file

        pipe = os.fdopen(write_fd, "w", buffering=1)
        db = open_database(url)

        def step(what: str, inspection_id: int | None = None) -> int:
            pipe.write(f"begin {what}\n")
            if what == "import":
                inspection_id = import_file(db, "张三", source)
            elif what == "complete":
                assert inspection_id is not None
                version = inspections.load_inspection(db, inspection_id).version
                inspections.complete(db, "张三", inspection_id, version)
            elif what == "sign":
                assert inspection_id is not None
                sign(db, inspection_id, "张三", PASSWORD, "inspector")
            else:
                assert inspection_id is not None
                name = f"{inspection_id}-{time.monotonic_ns()}"
                export_reports(db, inspection_id, pdf=out / f"{name}.pdf", xlsx=out / f"{name}.xlsx")
                pipe.write(f"file {name}\n")
            pipe.write(f"done {what} {inspection_id}\n")
            return inspection_id

        def at(status: str) -> int | None:
            query = "SELECT i.id FROM inspections i WHERE i.status = :status"
            if status == "completed":
                query += " AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.inspection_id = i.id)"
            with db.engine.connect() as connection:
                return connection.execute(text(query + " ORDER BY i.id DESC"), {"status": status}).scalar()

        def prepared() -> int:
            """A record where ``stage`` starts: the newest one there, else one brought there now."""
            ready = at({"complete": "draft", "sign": "completed", "export": "signed"}[stage])
            if ready is None:
                ready = step("import")
                if stage != "complete":
                    step("complete", ready)
                if stage == "export":
                    step("sign", ready)
            return ready

        target = prepared() if stage != "import" else 0
        pipe.write("ready\n")  # the random delay before the kill starts now
        while True:
            if stage == "import":
                step("import")
                continue
            step(stage, target)
            if stage != "export":
                target = prepared()
    except BaseException as error:  # reported to the parent, which fails the test
        try:
            os.write(write_fd, f"error {error!r}\n".encode())
        finally:
            os._exit(3)


def _whole(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _run_kills(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> dict[str, int]:
    monkeypatch.setenv("FUGONG_TMP", str(tmp_path / "private"))
    db = open_database(url)
    inspection_id, _ = helpers.answered(db)
    source = tmp_path / "inspection.json"
    source.write_text(json.dumps(export_document(db, inspection_id), ensure_ascii=False), encoding="utf-8")
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    create_account(db, "王经理", "张三", "officer", PASSWORD, actor_password=PASSWORD)
    db.close()
    out = tmp_path / "reports"
    out.mkdir()
    rng = random.Random(seed)
    committed: dict[int, set[str]] = {}
    killed_during: Counter[str] = Counter()
    exported: set[str] = set()
    seen_whole: set[Path] = set()
    for number in range(KILLS):
        stage = STAGES[number % len(STAGES)]
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _worker(url, stage, source, out, write_fd)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            lines = []
            while (line := pipe.readline()) not in ("ready\n", ""):
                lines.append(line.rstrip("\n"))  # bringing a record to where the stage starts
            time.sleep(rng.uniform(0.0, 1.0))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines += pipe.read().splitlines()
        assert not [line for line in lines if line.startswith("error")], lines
        running = "between operations"
        for line in lines:
            what, _, rest = line.partition(" ")
            if what == "begin":
                running = rest
            elif what == "done":
                operation, _, record = rest.partition(" ")
                committed.setdefault(int(record), set()).add(operation)
                running = "between operations"
            elif what == "file":
                exported.add(rest)
        killed_during[running] += 1
        _check_after_kill(url, out, committed, exported, seen_whole)
    db = open_database(url)
    with db.session() as session:
        chain = verify_chain(session)
    assert chain.ok, chain.reason
    with db.engine.connect() as connection:
        finished = [row[0] for row in connection.execute(text("SELECT id FROM inspections WHERE status != 'draft'"))]
    assert {i for i, stages in committed.items() if "complete" in stages} <= set(finished)
    for inspection_id in finished:  # a record completed by a killed worker after its last report too
        check = verify_record(db, inspection_id)
        assert check.ok, check.lines
    db.close()
    return {
        "kills": KILLS,
        **{f"during {stage}": killed_during[stage] for stage in (*STAGES, "between operations")},
        "corrupt": 0,
        "committed changes lost": 0,
        "half-written files": 0,
        "leftovers": 0,
    }


def _check_after_kill(
    url: str, out: Path, committed: dict[int, set[str]], exported: set[str], seen_whole: set[Path]
) -> None:
    if url.startswith("sqlite"):
        raw = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            raw.close()
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            status: dict[int, str] = dict(connection.execute(text("SELECT id, status FROM inspections")).fetchall())
            signed = {row[0] for row in connection.execute(text("SELECT inspection_id FROM signatures"))}
    finally:
        db.close()
    for inspection_id, stages in committed.items():
        assert inspection_id in status, f"inspection {inspection_id} was committed and is lost"
        if "complete" in stages:
            assert status[inspection_id] in ("completed", "signed"), (inspection_id, status[inspection_id])
        if "sign" in stages:
            assert inspection_id in signed, f"the signature of inspection {inspection_id} was committed and is lost"
    for name in exported:
        assert (out / f"{name}.pdf").exists() and (out / f"{name}.xlsx").exists(), f"report {name} is lost"
    for path in out.iterdir():
        if path.suffix in (".pdf", ".xlsx") and path not in seen_whole:
            assert _whole(path), f"a half-written report: {path.name}"
            seen_whole.add(path)
    files.clean_leftovers()  # what the next start does
    assert not [path for path in out.iterdir() if path.suffix == ".part"], "a .part file survived the next start"
    private = Path(os.environ["FUGONG_TMP"])
    assert [path.name for path in private.iterdir() if path.name != files.PENDING] == []


def test_kills_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = _run_kills(f"sqlite:///{tmp_path / 'fugong.sqlite3'}", tmp_path, monkeypatch, seed=12)
    record_figure("kills", "SQLite", figures)


@pytest.mark.postgres
def test_kills_on_postgresql(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = _run_kills(pg_url, tmp_path, monkeypatch, seed=13)
    record_figure("kills", "PostgreSQL", figures)
