"""The suite leaves no temporary folder behind: what tests/conftest.py makes outside pytest's own temporary
folders (the migrated template database, the answered-inspection snapshots, the reliability figures) is removed
when the session ends, by the controller and by each xdist worker."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

CASE = """
from storage.db import open_database
from tests.storage import helpers


def test_an_answered_inspection(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert helpers.answered(db)[0] > 0  # builds the process's snapshot (and its template) in the temporary folder
    db.close()
"""


def test_a_run_under_xdist_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "test_case.py").write_text(textwrap.dedent(CASE), encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "FUGONG_FIGURES_DIR"}
    environment |= {"TMPDIR": str(temporary), "FUGONG_SKIP_POSTGRES": "1", "PYTHONPATH": str(REPO)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(REPO / "pyproject.toml"), "--rootdir", str(REPO),
         "-p", "tests.conftest", "-p", "no:cacheprovider", "-n", "1", "-q", str(tmp_path / "case")],
        cwd=REPO, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    # pytest's own folder (it keeps the last three runs) is all that is left
    assert sorted(path.name for path in temporary.iterdir()) == [f"pytest-of-{getpass.getuser()}"]
