"""GUI test configuration: offscreen Qt, a fresh SQLite database and temporary QSettings for every test.

Nothing here (or in any GUI test) touches the user's real settings or data folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

# Before Qt creates its application object: no display needed.
# The screen is a plant PC's: 1366×768 less a 40-pixel taskbar (plant_pc_screen.json).
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('plant_pc_screen.json')}"

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

# The offscreen platform plugin warns when a window's size limits are set; that is the plugin, not us.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    gui_folder = Path(__file__).parent
    for item in items:
        if gui_folder in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def gui_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's folders for the whole GUI session, set before Qt creates its application object (each test
    then gets its own as well, from the top-level conftest). A pytest temporary folder, which pytest removes
    with the rest of an old run's folders (it keeps the last three runs), not a folder of its own in /tmp."""
    sandbox = tmp_path_factory.mktemp("gui-sandbox")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(sandbox / "config"))
        patch.setenv("XDG_DATA_HOME", str(sandbox / "data"))
        patch.delenv("FUGONG_DB_URL", raising=False)
        yield sandbox


@pytest.fixture(autouse=True)
def temp_settings(tmp_path: Path, gui_sandbox: Path, qapp: QApplication) -> Iterator[Path]:
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


def _typed_names() -> set[str]:
    """The names the test helpers seed (people, companies, sites): user data, shown in either language."""
    import ast

    from tests.gui.language_guard import CJK, LATIN_WORD

    names: set[str] = set()
    root = Path(__file__).resolve().parents[1]
    for path in (root / "gui" / "helpers.py", root / "samples.py", root / "keys.py", root / "storage" / "helpers.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= 40:
                names.update(CJK.findall(node.value))
                if LATIN_WORD.fullmatch(node.value.replace(" ", "")) and node.value[:1].isupper():
                    names.add(node.value)
    return names


_NAMES: set[str] = set()


@pytest.fixture(autouse=True)
def shown_in_the_interface_language(qapp: QApplication, qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[None]:
    """No text a test shows is in the wrong language (see tests/gui/language_guard.py); what the test types
    is user data and allowed in either. Checked before qtbot closes the windows (this fixture asks for it)."""
    from tests.gui.language_guard import LanguageGuard

    if not _NAMES:
        _NAMES.update(_typed_names())
    guard = LanguageGuard()
    guard.names.update(_NAMES)
    original_clicks = QtBot.keyClicks
    original_attribute = QtBot.__dict__["keyClicks"]  # a staticmethod: put back as it was

    def typed(widget: object, text: str, *args: object, **kwargs: object) -> None:
        guard.names.update(part for part in re.split(r"[\s,，;；:：/]+", text) if part)
        original_clicks(widget, text, *args, **kwargs)  # type: ignore[arg-type]

    QtBot.keyClicks = staticmethod(typed)  # type: ignore[method-assign,assignment]
    guard.install()
    try:
        yield
        guard.sweep(qapp)
    finally:
        guard.uninstall()
        setattr(QtBot, "keyClicks", original_attribute)  # noqa: B010
    if request.node.get_closest_marker("wrong_language_on_purpose"):
        return
    report = os.environ.get("FUGONG_LANGUAGE_REPORT")
    if report:  # collecting what the whole suite shows, to fix it
        with open(report, "a", encoding="utf-8") as file:
            file.writelines(f"{problem}\n" for problem in guard.problems)
        return
    assert guard.problems == [], "texts in the wrong language:\n" + "\n".join(guard.problems)
