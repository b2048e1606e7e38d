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


def test_a_retention_run_altered_outside_the_application_is_listed_with_its_counts_unknown(
    qtbot: QtBot, sqlite_url: str
) -> None:
    """台账设置 lists the past runs: one whose stored counts were replaced by a number says so, not 0 removed."""
    from tests.gui.registers.seed import MANAGER, PASSWORDS, seed_roster
    from tests.gui.registers.test_ledger_settings import open_settings

    seed_roster(sqlite_url)
    connection = sqlite3.connect(Path(sqlite_url.removeprefix("sqlite:///")))
    try:
        connection.execute(
            "INSERT INTO retention_runs (run_at, by, cutoff, reason, removed) "
            "VALUES ('2020-05-30 01:00:00.000000', '王经理', '2020-04-30', 'days', '5')"
        )
        connection.commit()
    finally:
        connection.close()
    window = start_app(qtbot, sqlite_url, MANAGER, PASSWORDS[MANAGER])
    registers, dialog = open_settings(qtbot, window)
    shown = dialog.preview_text.toPlainText()
    assert "2020-05-30 09:00（UTC+8；01:00 UTC） 王经理" in shown and "删除 2020-04-30 之前的数据" in shown, shown
    assert "在本程序之外被改动过，删除的数量无法读取" in shown and "体温记录 0 条" not in shown, shown
    dialog.close()
    registers.close()
    close_window(qtbot, window)
