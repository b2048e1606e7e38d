"""No temporary file outlives its process: private folders for signing, and a start that cleans up after a kill."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from storage import files
from storage.db import open_database
from tests.storage import helpers

REPO = Path(__file__).resolve().parents[2]
KILLED_MIDWAY = """
import os, sys
from pathlib import Path
from storage import files
target = Path(sys.argv[1])
def produce(tmp):
    tmp.write_bytes(b"half a report")
    with files.private_temp_dir("sign-") as folder:
        (folder / "report.pdf").write_bytes(b"the unsigned report")
        os._exit(9)  # killed: no finally, no cleanup
files.atomic_produce(target, produce)
"""


def test_a_killed_run_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    env = {**os.environ, "FUGONG_TMP": str(tmp_path / "private"), "PYTHONPATH": str(REPO)}
    target = tmp_path / "out" / "report.pdf"
    done = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(target)], env=env, cwd=REPO, timeout=60)
    assert done.returncode == 9
    parts = list(target.parent.glob("*.part"))
    folders = [p for p in (tmp_path / "private").iterdir() if p.name != files.PENDING]
    assert len(parts) == 1 and len(folders) == 1  # what the kill left
    os.environ["FUGONG_TMP"] = str(tmp_path / "private")
    try:
        assert files.clean_leftovers() == 2
    finally:
        del os.environ["FUGONG_TMP"]
    assert not target.exists() and not list(target.parent.iterdir())
    assert [p.name for p in (tmp_path / "private").iterdir()] == [files.PENDING]
    assert not list((tmp_path / "private" / files.PENDING).iterdir())


def test_cleaning_spares_running_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FUGONG_TMP", str(tmp_path / "private"))
    with files.private_temp_dir("export-") as folder:
        (folder / "a.pdf").write_bytes(b"in progress")
        assert files.clean_leftovers() == 0
        assert (folder / "a.pdf").exists()
        mode = stat.S_IMODE((tmp_path / "private").stat().st_mode)
        assert mode == 0o700
    assert not folder.exists()


def test_signing_renders_outside_the_shared_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from export import signing

    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    seen: list[Path] = []
    original = files.private_temp_dir

    def watched(prefix: str):  # type: ignore[no-untyped-def]
        manager = original(prefix)
        folder = manager.__enter__()
        seen.append(folder)
        assert any(folder.iterdir()) is False
        return _Exit(manager, folder)

    monkeypatch.setattr(files, "private_temp_dir", watched)
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    inspection_id, _ = helpers.answered(db)
    before = set(shared.iterdir())  # the test helpers' cached databases, made on a worker's first use
    pdf, xlsx = signing._render(db, inspection_id, [])
    db.close()
    assert pdf.startswith(b"%PDF") and xlsx.startswith(b"PK")
    assert len(seen) == 1 and shared not in seen[0].parents and not seen[0].exists()
    assert not [p for p in set(shared.iterdir()) - before if p.name.startswith("fugong")]


class _Exit:
    def __init__(self, manager: object, folder: Path) -> None:
        self.manager, self.folder = manager, folder

    def __enter__(self) -> Path:
        return self.folder

    def __exit__(self, *exc: object) -> None:
        self.manager.__exit__(*exc)  # type: ignore[attr-defined]


def test_a_part_file_is_registered_before_it_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill between creating the ``.part`` file and registering it once left a file no start would clean
    (seen in CI's PostgreSQL kill run): the marker must come first."""
    monkeypatch.setenv("FUGONG_TMP", str(tmp_path / "private"))
    pending = tmp_path / "private" / files.PENDING
    seen: list[bool] = []
    real_open = os.open

    def watching_open(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".part"):
            markers = [m.read_text(encoding="utf-8") for m in pending.iterdir()] if pending.is_dir() else []
            seen.append(any(text.endswith(str(Path(str(path)).resolve())) for text in markers))
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", watching_open)
    files.atomic_write(tmp_path / "out" / "report.pdf", b"whole")
    assert seen == [True]
    assert (tmp_path / "out" / "report.pdf").read_bytes() == b"whole"
    assert not list((tmp_path / "out").glob("*.part")) and not list(pending.iterdir())
