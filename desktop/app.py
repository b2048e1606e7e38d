"""Start-up of the desktop application: ``run_gui`` is what ``fugong`` runs without a subcommand.

Start-up is kept lean (``bench/bench_startup.py``): before the window and the login form show, only the
window's frame, menus and toolbar, and the login form are built; the database is opened in the background
while the password is typed, and the list page, checklist, storage, export and PIL come when first needed.

One rule keeps most of that time: the modules on this path (app, main_window, accounts/login, accounts/account,
and common/: errors, operations, i18n, assets, settings) never touch PySide6's ``Qt`` namespace. Its first use builds
a Python enum for each of its hundred-odd enums, about 30 ms, a fifth of a bare window's whole start-up.
They import ``Qt`` inside the functions that need it after start-up, and set the few enum properties
they need before it by name (``setProperty("alignment", "AlignCenter")``). ``tests/gui/test_startup.py``
checks the rule.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.common import i18n
from desktop.common.assets import font_path, icon
from desktop.common.focus import return_focus_after_dialogs
from desktop.common.operations import wait_for_background_work
from desktop.main_window import MainWindow

# Set by the start-up benchmark: "1" quits once the main window is shown and the event loop is idle,
# "loaded" once the database is open and the inspections list is shown as well.
EXIT_WHEN_READY = "FUGONG_EXIT_WHEN_READY"
_cjk_family: str | None = None


def register_cjk_font() -> str | None:
    """Register the bundled CJK font and make it the fallback of the application font.

    So Chinese renders on a machine with no Chinese font installed. Returns the font family, or None if
    the font could not be loaded (then the system's fonts are used as they are).
    """
    global _cjk_family
    if _cjk_family is None:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return None
        _cjk_family = families[0]
    family = _cjk_family
    font = QFont(QGuiApplication.font())
    primary = [f for f in font.families() if f != family] or [font.family()]
    font.setFamilies([*primary, family])
    QGuiApplication.setFont(font)
    return family


def configure_application(app: QApplication) -> None:
    """Names (for QSettings), the CJK font, the saved language, the window icon, and the keyboard given back
    to a window when a dialog over it closes (as a window manager would)."""
    app.setOrganizationName("fugong")
    app.setOrganizationDomain("fugong.local")
    app.setApplicationName("fugong")
    app.setDesktopFileName("fugong")  # packaging/fugong.desktop: the desktop shows its name and icon
    register_cjk_font()
    i18n.install_language(i18n.saved_language())
    app.setWindowIcon(icon("fugong"))
    return_focus_after_dialogs(app)


class FugongApp(QObject):
    """Owns the main window; rebuilds it when the language is switched."""

    def __init__(self, db_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_url = db_url
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        """Show the main window now and start opening the database behind it."""
        window = self._new_window(None)
        window.show_in_place()
        window.offer_login()
        QTimer.singleShot(0, window.start_loading)
        return window

    def _new_window(self, previous: MainWindow | None) -> MainWindow:
        window = MainWindow(
            self.db_url,
            previous.db if previous is not None else None,
            previous.account if previous is not None else None,  # a language switch keeps the login
        )
        window.language_requested.connect(self.switch_language)
        self.window = window
        return window

    @Slot(str)
    def switch_language(self, language: str) -> None:
        """Switch language live: save what is typed, rebuild the window, reopen the same item."""
        old = self.window
        if old is None:
            return
        inspection_id, item_id = old.snapshot()
        if old.inspection_view is not None and not old.inspection_view.close_inspection():
            return
        old.save_window_state()
        i18n.save_language(language)
        i18n.install_language(language)
        window = self._new_window(old)
        window.show_in_place()
        old.hide()
        old.deleteLater()
        window.start_loading()
        if inspection_id is not None:
            window.open_inspection(inspection_id, item_id)


def _announce_ready(app: QCoreApplication, window: MainWindow) -> None:
    """Say what the user can use now: the login form, the first-run setup, or only the window."""
    if window.login_dialog is not None and window.login_dialog.isVisible():
        usable = "login"
    elif window.setup_dialog is not None and window.setup_dialog.isVisible():
        usable = "setup"
    else:
        usable = "window"
    print(f"FUGONG_READY {usable}", flush=True)
    app.quit()


def unexpected_error_hook(
    log_file: Path | None = None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A ``sys.excepthook`` for the windowed application: an exception nobody caught (in a slot, a timer …)
    would otherwise vanish (no console in a windowed build). It is written to the log file with its
    traceback and shown in a dialog that names the log file; the application keeps running."""
    busy = False
    open_boxes: list[QObject] = []

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal busy
        from storage.logfile import logger, setup_logging

        path = log_file or setup_logging()
        logger("gui").error("unexpected error", exc_info=(kind, error, trace))
        if busy or issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            return
        busy = True
        try:
            from desktop.common.errors import show_error

            box = show_error(
                QApplication.activeWindow(),
                QCoreApplication.translate("Errors", "发生了意外错误。"),
                error,
                QCoreApplication.translate("Errors", "已保存的内容不受影响。详细信息已写入日志文件：%1").replace(
                    "%1", str(path)
                ),
            )
            # Without a parent window the box is owned by nobody: keep it alive until it is closed.
            open_boxes.append(box)
            box.finished.connect(lambda *_: open_boxes.remove(box) if box in open_boxes else None)
        except Exception:  # the dialog itself failed: the log still has it
            logger("gui").exception("the error dialog could not be shown")
        finally:
            busy = False

    return hook


def server_password_needed(url: str) -> bool:
    """A PostgreSQL server with a user and no password in the URL, and none where libpq looks for one."""
    if not url.startswith("postgresql"):
        return False
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.password is not None or not parsed.username or os.environ.get("PGPASSWORD"):
        return False
    pgpass = os.environ.get("PGPASSFILE") or str(Path.home() / ".pgpass")
    return not Path(pgpass).is_file()


def ask_server_password(url: str) -> str | None:
    """``url``, with the server's password asked for when it needs one (the settings file never holds it);
    None if it was not given."""
    if not server_password_needed(url):
        return url
    from PySide6.QtWidgets import QInputDialog, QLineEdit
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    password, given = QInputDialog.getText(
        None,
        QCoreApplication.translate("Startup", "数据库服务器密码"),
        QCoreApplication.translate("Startup", "%1 在 %2 上的密码：")
        .replace("%1", parsed.username or "")
        .replace("%2", parsed.host or ""),
        QLineEdit.EchoMode.Password,
    )
    if not given:
        return None
    return parsed.set(password=password).render_as_string(hide_password=False)


def run_gui(db_url: str | None) -> int:
    """Run the desktop application on ``db_url`` (default: ``$FUGONG_DB_URL`` or the user data folder)."""
    from storage.location import default_db_url

    # The log file is set up, and a killed run's leftovers cleaned, off the window's thread while the
    # login form shows (main_window.load_database); the hook sets the log up itself if it comes first.
    sys.excepthook = unexpected_error_hook()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    from desktop.common.settings import saved_database_url

    url = ask_server_password(db_url or os.environ.get("FUGONG_DB_URL") or saved_database_url() or default_db_url())
    if url is None:
        return 0  # the password was not given: nothing opened
    fugong = FugongApp(url)
    window = fugong.start()
    mode = os.environ.get(EXIT_WHEN_READY, "")
    if mode == "loaded":
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: _announce_ready(app, window)))
    elif mode:
        QTimer.singleShot(0, lambda: _announce_ready(app, window))
    status = app.exec()
    wait_for_background_work()
    if fugong.window is not None and fugong.window.db is not None:
        fugong.window.db.close()
    return status
