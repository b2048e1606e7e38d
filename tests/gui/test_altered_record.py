"""An inspection whose stored JSON was altered by raw SQL (not JSON at all, or JSON of the wrong shape) is
double-clicked in the list: a message box says in one sentence that the stored record was altered outside the
application and cannot be opened (no traceback), the status bar no longer says it is opening it, and the list
still shows it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.inspections.model import Column
from tests.gui.helpers import click_index, close_window, seed_inspection, start_app


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE item_responses SET measurements = '{\"a\":' WHERE inspection_id = ? AND position = 0",
        "UPDATE inspections SET catalogs = '[1,2]' WHERE id = ?",
    ],
    ids=["measurements-not-json", "catalogs-a-list"],
)
def test_opening_an_altered_record_says_so_in_a_sentence_and_keeps_the_list(
    qtbot: QtBot, sqlite_url: str, statement: str
) -> None:
    inspection_id = seed_inspection(sqlite_url)
    connection = sqlite3.connect(Path(sqlite_url.removeprefix("sqlite:///")))
    try:
        connection.execute(statement, (inspection_id,))
        connection.commit()
    finally:
        connection.close()

    window = start_app(qtbot, sqlite_url)
    qtbot.waitUntil(lambda: window.inspections.select_id(inspection_id))
    table = window.inspections.table
    row = table.selectionModel().selectedRows()[0].row()
    click_index(qtbot, table, table.model().index(row, Column.PLACE), double=True)
    qtbot.waitUntil(lambda: window.opening is None)
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]
    assert len(boxes) == 1, boxes
    box = boxes[0]
    assert box.text() == "无法打开这次检查。"
    said = box.informativeText()
    assert f"检查记录 #{inspection_id} 的存储内容在本程序之外被改动过，无法打开" in said, said
    assert "程序内部错误" not in said and not box.detailedText()  # words, not a traceback
    assert window.statusBar().currentMessage() == ""  # not left saying 正在打开检查……
    assert window.editor is None and window.stack.currentWidget() is window.inspections
    assert window.inspections.select_id(inspection_id)  # still listed
    box.close()
    close_window(qtbot, window)
