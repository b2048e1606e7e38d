"""Saving and exporting on a full file system and on a read-only database: one clear sentence in both
languages, nothing under a report's final name, no ``.part`` left, the database intact and what was typed
saved on the retry once there is room.

A full disk is a small tmpfs mounted for the test, filled to the last byte (the test runs as root in CI). Where
mounting is not allowed, the same operations run in a forked process whose file-size limit
(``RLIMIT_FSIZE``) stops every write past 4 KiB: another real write failure, never a skip
(``FUGONG_TEST_NO_MOUNT=1`` takes this way where mounting works). A
read-only database is the tmpfs remounted read-only, or, where mounting is not allowed, a file and folder
without write permission (which stops anyone but root).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import signal
import sqlite3
import subprocess
import traceback
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from checklist.evaluation import Answer, Result
from export.reports import export_reports
from storage import inspections
from storage.db import open_database
from storage.errors import KnownError
from tests.badinput.figures import record_figure
from tests.storage import helpers

pytestmark = pytest.mark.hostile
FIGURES: dict[str, int | str] = {}


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str = "4m") -> Iterator[bool]:
    """A tmpfs of ``size`` at ``folder``; yields False (and mounts nothing) where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get("FUGONG_TEST_NO_MOUNT") == "1":  # to test the fallback where mounting is allowed
        yield False
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte; return the filler (remove it to free space)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0")
                handle.flush()
    return filler


def in_child(action: Callable[[], object], file_size_limit: int | None = None) -> tuple[str, str, str]:
    """Run ``action`` in a forked process (with ``RLIMIT_FSIZE`` if given); return ("ok", "", "") or
    ("refused", English, Chinese) for a KnownError, or ("crash", traceback, "")."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            if file_size_limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
            try:
                action()
                outcome = ("ok", "", "")
            except KnownError as error:
                outcome = ("refused", str(error), error.message_zh)
            except BaseException:
                outcome = ("crash", traceback.format_exc(), "")
            os.write(write_fd, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    result: tuple[str, str, str] = pickle.loads(data)
    return result


def _one_sentence(outcome: tuple[str, str, str], *words: str) -> None:
    kind, english, chinese = outcome
    assert kind == "refused", english
    assert "\n" not in english and "Traceback" not in english and chinese
    assert any(word in english for word in words), english


def test_saving_and_exporting_on_a_full_disk(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    with small_filesystem(folder) as mounted:
        url = f"sqlite:///{folder / 'fugong.sqlite3'}"
        db = open_database(url)
        inspection_id, version = helpers.answered(db)
        db.close()
        limit = None
        if mounted:
            filler = fill(folder)
        else:  # the file-size limit: no write past the first 4 KiB of any file (the database, its WAL, a report)
            limit = 4096
        FIGURES["full disk"] = "tmpfs" if mounted else "RLIMIT_FSIZE"
        typed = Answer(Result.FAIL, note="洗手台缺少洗手液。" * 400)  # pages of note: the database must grow

        def save() -> None:
            db = open_database(url)
            try:
                inspections.save_answer(db, "officer", inspection_id, version, "GN-05", typed)
            finally:
                db.close()

        _one_sentence(in_child(save, limit), "disk is full", "too large", "File too large")
        report = folder / "报告.pdf"

        def export() -> None:
            db = open_database(url)
            try:
                export_reports(db, inspection_id, pdf=report, xlsx=folder / "报告.xlsx")
            finally:
                db.close()

        _one_sentence(in_child(export, limit), "cannot write", "disk is full")
        assert not report.exists() and not list(folder.glob("*.part")), "a report or .part is left on the full disk"
        if mounted:
            filler.unlink()  # room again: the database as it was before the refused save, intact
        assert sqlite3.connect(folder / "fugong.sqlite3").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db = open_database(url)
        stored = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-05"]
        assert stored.note != typed.note and inspections.load_inspection(db, inspection_id).version == version
        # the retry, with room again, saves what was typed (the editor kept it)
        inspections.save_answer(db, "officer", inspection_id, version, "GN-05", typed)
        assert {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}[
            "GN-05"
        ].note == typed.note
        export_reports(db, inspection_id, pdf=report)
        assert report.read_bytes().startswith(b"%PDF")
        db.close()
    FIGURES["full-disk cases"] = 2
    record_figure("disk full and read-only", "cases", FIGURES)


def test_saving_to_a_read_only_database(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    with small_filesystem(folder) as mounted:
        url = f"sqlite:///{folder / 'fugong.sqlite3'}"
        db = open_database(url)
        inspection_id, version = helpers.answered(db)
        db.close()
        before = (folder / "fugong.sqlite3").read_bytes()
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in folder.iterdir():
                path.chmod(0o444)
            folder.chmod(0o555)
        FIGURES["read-only"] = "tmpfs remounted read-only" if mounted else "no write permission"
        typed = Answer(Result.FAIL, note=f"只读测试 {uuid.uuid4()}")

        def save() -> None:
            db = open_database(url)
            try:
                inspections.save_answer(db, "officer", inspection_id, version, "GN-05", typed)
            finally:
                db.close()

        _one_sentence(in_child(save), "read-only", "readonly")
        if mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
        else:
            folder.chmod(0o755)
        assert (folder / "fugong.sqlite3").read_bytes() == before, "the read-only database changed"
    FIGURES["read-only cases"] = 1
    record_figure("disk full and read-only", "read-only", dict(FIGURES))
