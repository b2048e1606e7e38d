"""The main window comes back inside the screen's free area (docs/usability.md #31): without a window manager
a window has no frame, so the geometry it saves is its bare rectangle at y = 0; restoring it, Qt moves the
window down by a title bar's height (25 px) it never gets, and a window as tall as the free area then ends
under the taskbar."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.common.settings import GEOMETRY, save_bytes
from tests.gui.helpers import close_window, seed_inspection, start_app


def test_a_window_saved_without_a_frame_comes_back_inside_the_free_area(qtbot: QtBot, db_url: str) -> None:
    area = QApplication.primaryScreen().availableGeometry()
    bare = QWidget(None, Qt.WindowType.FramelessWindowHint)  # what a window is without a window manager
    qtbot.addWidget(bare)
    bare.setGeometry(QRect(area.left(), area.top(), 1200, area.height()))
    bare.show()
    qtbot.waitExposed(bare)
    save_bytes(GEOMETRY, bare.saveGeometry())
    bare.close()
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    qtbot.waitExposed(window)
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())
    assert window.width() == 1200
    place = window.frameGeometry()
    close_window(qtbot, window)  # saves its geometry, which fits: the next start leaves it where it was
    again = start_app(qtbot, db_url)
    qtbot.waitExposed(again)
    assert again.frameGeometry() == place
    close_window(qtbot, again)
