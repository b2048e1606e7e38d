"""The audit window's 验证结果 gives a typical result the room it needs (docs/usability.md #35): on the plant PC's
1366×768 screen it showed four lines and the rest of a file's verification scrolled out of sight."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.reports import export as export_action
from tests.gui.helpers import close_window, show_audit, signed_inspection, start_app

PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020"}
SIGNING = 30000  # ms


def test_a_signed_reports_verification_is_read_without_scrolling(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    inspection_id = signed_inspection(db_url, PASSWORDS)
    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])
    export_action.export_inspection(window, window.db, inspection_id, folder=tmp_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=SIGNING)
    window.findChild(QMessageBox, "exportDone").close()
    pdf = next(tmp_path.glob("*.pdf"))
    audit = show_audit(qtbot, window)
    audit.verify_path(pdf)
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=SIGNING)
    results = audit.results
    assert len(audit.result_lines) >= 18  # the headline and some seventeen checks
    line = results.fontMetrics().lineSpacing()
    visible_lines = results.viewport().height() // line
    assert visible_lines >= len(audit.result_lines), (visible_lines, len(audit.result_lines))
    assert results.verticalScrollBar().maximum() == 0 and results.horizontalScrollBar().maximum() == 0
    assert audit.height() <= 688  # the plant PC's screen less its taskbar and the frame
    for view in (audit.records_view, audit.trail_view):  # the lists keep three rows in sight
        assert view.viewport().height() >= 3 * view.verticalHeader().defaultSectionSize()

    # A short result (the chain check: two lines) gives the room back to the trail.
    trail_height = audit.trail_view.height()
    audit.result_lines = []
    audit.check_chain()
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=SIGNING)
    assert len(audit.result_lines) == 2 and results.verticalScrollBar().maximum() == 0
    assert audit.trail_view.height() > trail_height + 150
    close_window(qtbot, window)
