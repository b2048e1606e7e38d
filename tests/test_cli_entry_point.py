"""The ``fugong`` command as a separate process: the installed entry point and ``python -m desktop``.

Everything else about the command runs in-process through :func:`tests.cli.fugong`; these few check what only
a real process shows: the console script exists and runs, the exit status reaches the shell, a password
comes through a pipe on standard input, and an error is one line on standard error with no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli import fugong


def _run(command: list[str], stdin: str = "", language: str = "") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "FUGONG_LANG": language} if language else None
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False, env=environment
    )


def test_installed_console_script_lists_the_catalogs() -> None:
    script = Path(sys.executable).parent / "fugong"
    assert script.exists(), "the project's [project.scripts] entry point is installed into the venv"
    done = _run([str(script), "catalogs", "list"], language="zh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split() == ["ID", "版本", "条目", "文件"]
    assert [line.split()[0] for line in done.stdout.splitlines()[1:]] == ["GN", "BJHQ", "BJTG", "NHC", "LK28", "BJ4F"]


def test_python_m_desktop_reads_a_piped_password_and_exits_with_a_one_line_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    done = _run(
        [sys.executable, "-m", "desktop", "--db", url, "users", "passwd", "nobody"], stdin="old-secret\nnew-secret\n"
    )
    assert done.returncode == 1
    assert done.stderr == "fugong: unknown account or wrong password\n"
    assert "Traceback" not in done.stderr and done.stdout == ""
    done = _run([sys.executable, "-m", "desktop", "--db", url, "users", "passwd", "nobody"], stdin="")
    assert done.returncode == 1 and done.stderr == "fugong: nobody's current password expected on standard input\n"


def test_bad_arguments_exit_with_one_line_in_process() -> None:
    """Bad arguments are a refusal like any other: exit status 1 and one line, as a process would give."""
    done = fugong("catalogs")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "fugong catalogs --help" in done.stderr
    done = fugong("--help")
    assert done.returncode == 0 and "usage: fugong" in done.stdout
