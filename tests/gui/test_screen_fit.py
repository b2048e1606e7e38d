"""Every window fits a plant PC's screen: 1366×768 less a taskbar (the offscreen screen of these tests).

The windows' preferred sizes are larger than that; they must give way to the screen, frame included, and
their minimum sizes must fit too (so the user can always make them fit)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.helpers import close_window, seed_inspection, start_app


def _fits(widget: QWidget) -> None:
    area = QApplication.primaryScreen().availableGeometry()
    assert (area.width(), area.height()) == (1366, 728), "the tests run on the plant PC's screen"
    frame = widget.frameGeometry()
    assert area.contains(frame), f"{type(widget).__name__} is {frame.width()}×{frame.height()}"
    margins = frame.size() - widget.size()
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize()) + margins
    assert minimum.width() <= area.width() and minimum.height() <= area.height(), (
        f"{type(widget).__name__} cannot shrink below {minimum.width()}×{minimum.height()}"
    )


def test_main_and_audit_windows_fit_the_screen(qtbot: QtBot, db_url: str) -> None:
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    qtbot.waitExposed(window)
    _fits(window)
    window.inspections.table.selectRow(0)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.inspection_view is not None)
    _fits(window)
    window.show_audit()
    audit = window.audit_window
    assert audit is not None
    qtbot.waitExposed(audit)
    _fits(audit)
    close_window(qtbot, window)
