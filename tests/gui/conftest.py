"""GUI test configuration: offscreen Qt, a fresh SQLite database and temporary QSettings for every test.

Nothing here (or in any GUI test) touches the user's real settings or data folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before Qt creates its application object: no display needed, and the user's folders are out of reach.
# The screen is a plant PC's: 1366×768 less a 40-pixel taskbar (plant_pc_screen.json).
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('plant_pc_screen.json')}"
_SANDBOX = Path(tempfile.mkdtemp(prefix="fugong-gui-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ.pop("FUGONG_DB_URL", None)

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

# The offscreen platform plugin warns when a window's size limits are set; that is the plugin, not us.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    gui_folder = Path(__file__).parent
    for item in items:
        if gui_folder in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings in a temporary folder, the app configured as ``run_gui`` does (font, language, names)."""
    from desktop.app import configure_application
    from desktop.common import i18n

    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    configure_application(qapp)
    yield folder
    i18n.install_language(i18n.CHINESE)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fugong.sqlite3'}"


@pytest.fixture(autouse=True)
def windows_fit_the_screen(qapp: QApplication, qtbot: QtBot) -> Iterator[None]:
    """Every window and dialog a GUI test leaves open fits the plant PC's free screen, frame included
    (checked before qtbot closes them: this fixture asks for qtbot, so it ends first)."""
    yield
    area = qapp.primaryScreen().availableGeometry()
    too_big = [
        f"{type(widget).__name__} {widget.frameGeometry().width()}×{widget.frameGeometry().height()}"
        for widget in qapp.topLevelWidgets()
        if widget.isVisible() and not area.contains(widget.frameGeometry())
    ]
    assert too_big == [], f"larger than the {area.width()}×{area.height()} screen: {too_big}"
