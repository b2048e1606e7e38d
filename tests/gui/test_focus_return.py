"""Usability row #10: without a window manager nobody gave the keyboard back to the main window when a dialog
over it closed, so its shortcuts did nothing until the officer clicked it. ``desktop.common.focus`` does what a
window manager does (the offscreen test platform has none either, so this fails without it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.gui.helpers import close_window, seed_inspection, start_app


def test_the_main_window_gets_the_keyboard_back_when_a_dialog_closes(qtbot: QtBot, db_url: str) -> None:
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    for attempt in range(2):  # the shortcut works again after the dialog it opened was closed by Esc
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.new_dialog is not None and window.new_dialog.isVisible())
        dialog = window.new_dialog
        assert isinstance(dialog, QDialog)
        handle = dialog.windowHandle()
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is handle)  # noqa: B023 (waited on here)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.new_dialog is None)
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=3000)
        assert QApplication.activeWindow() is window, attempt
    close_window(qtbot, window)


def test_a_window_hidden_without_the_keyboard_takes_nothing(qtbot: QtBot, db_url: str) -> None:
    """Only the window that had the keyboard hands it back: a dialog closed while the keyboard is elsewhere
    (another window, another application) leaves the focus where it is."""
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    window.new_action.trigger()
    dialog = window.new_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    other = QDialog()
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is other.windowHandle())
    dialog.reject()
    qtbot.wait(50)
    assert QGuiApplication.focusWindow() is other.windowHandle()
    other.close()
    close_window(qtbot, window)
