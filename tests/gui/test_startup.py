"""Start-up, as ``fugong`` runs it (a separate process): on an ordinary day the login form is up before the
database is open, and nothing on the way builds PySide6's ``Qt`` namespace (why: ``desktop/app.py``).

How long start-up takes is measured in ``bench/bench_startup.py``, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.gui.helpers import seed_accounts

REMEMBER_LOGIN = """
import sys
from PySide6.QtCore import QCoreApplication
from desktop.common.settings import set_last_user_name

app = QCoreApplication(sys.argv)
app.setOrganizationName("fugong")
app.setOrganizationDomain("fugong.local")
app.setApplicationName("fugong")
set_last_user_name(sys.argv[1])
"""

# run_gui as the `fugong` command runs it, reporting when it is ready whether the namespace was built.
START = """
import sys
import PySide6.QtCore as core
from desktop import app

announce = app._announce_ready

def report(qt_app, window):
    print("QT_NAMESPACE_BUILT", "Qt" in vars(core), flush=True)
    print("LOGIN_NAME", window.login_dialog.name_edit.text() if window.login_dialog else "", flush=True)
    print("DATABASE_OPEN", window.db is not None, flush=True)
    announce(qt_app, window)

app._announce_ready = report
sys.exit(app.run_gui(None))
"""


def _run(code: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_login_form_is_up_before_the_database_and_without_the_qt_namespace(tmp_path: Path) -> None:
    database = tmp_path / "fugong.sqlite3"
    seed_accounts(f"sqlite:///{database}", {"王经理": ("manager", "wang-manager-2020")})
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FUGONG_DB_URL=f"sqlite:///{database}",
        FUGONG_EXIT_WHEN_READY="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    _run(REMEMBER_LOGIN, env, "王经理")
    lines = dict(line.split(" ", 1) for line in _run(START, env).splitlines() if " " in line)
    assert lines["FUGONG_READY"] == "login"
    assert lines["LOGIN_NAME"] == "王经理"
    assert lines["DATABASE_OPEN"] == "False"  # the form did not wait for it
    assert lines["QT_NAMESPACE_BUILT"] == "False", (
        "a module on the start-up path uses PySide6's Qt namespace; see desktop/app.py"
    )
