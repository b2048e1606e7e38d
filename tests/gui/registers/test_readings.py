"""体温登记 driven from the keyboard against the real core: readings stored, a fever flagged with its next
steps, an implausible reading refused in its cell, a late entry confirmed and marked, a half-day not begun
refused, and an auditor who can only read."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checklist.ledger import HalfDay
from desktop.main_window import MainWindow
from desktop.registers.grid import GridColumn, Half, SaveState
from desktop.registers.readings import ReadingsPage
from storage.db import open_database
from storage.ledger import day_grid
from tests.gui.helpers import click, close_window, focused, show_registers, start_app
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 2)


def open_readings(
    qtbot: QtBot, window: MainWindow, now: dt.datetime | None = None, *, utc: dt.datetime | None = None
) -> ReadingsPage:
    """Open 台账 → 体温登记 for :data:`DAY`, the company's clock at ``now`` or the UTC clock at ``utc`` (aware)."""
    registers = show_registers(qtbot, window)
    page = registers.readings
    if now is not None:
        page.now = lambda: now
    if utc is not None:
        page.clock = lambda: utc
    qtbot.waitUntil(lambda: not page.loading)
    registers.tabs.setCurrentWidget(page)
    page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: page.day == DAY and not page.loading and page.model.rowCount() == 3)
    registers.activateWindow()
    qtbot.waitUntil(registers.isActiveWindow)
    page.grid.setFocus()
    return page


def type_keys(qtbot: QtBot, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    for character in text:
        qtbot.keyClicks(focused(), character)
    qtbot.keyClick(focused(), end)


def stored(db_url: str) -> dict[str, tuple[float | None, float | None, bool, bool]]:
    """{name: (morning °C, afternoon °C, morning late, morning flagged)} as the core has them."""
    db = open_database(db_url)
    try:
        rows = day_grid(db, DAY).rows
    finally:
        db.close()
    return {
        r.name: (
            r.morning.temperature_c if r.morning else None,
            r.afternoon.temperature_c if r.afternoon else None,
            bool(r.morning and r.morning.late),
            bool(r.morning and r.morning.flagged),
        )
        for r in rows
    }


def test_a_shift_typed_in_is_stored_and_a_fever_flagged_with_next_steps(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 2, 10, 30))
    assert page.grid.currentIndex().column() == GridColumn.MORNING and page.grid.hasFocus()
    for text in ("36.5", "38.2", "36.6"):
        type_keys(qtbot, text)
    assert page.model.flagged_rows() == [1]
    assert "李四" in page.steps.toPlainText() and "报告当地疾控部门" in page.steps.toPlainText()
    assert "体温 38.2 °C（≥ 37.3 °C）" in page.steps.toPlainText()
    qtbot.waitUntil(lambda: page.pending() == 0)
    assert stored(db_url) == {
        "张三": (36.5, None, False, False),
        "李四": (38.2, None, False, True),
        "王五": (36.6, None, False, False),
    }
    assert page.model.row(0).halves[Half.MORNING].state == SaveState.SAVED
    # the afternoon has not begun at 10:30: refused in words, nothing stored
    page.grid.setCurrentIndex(page.model.index(0, GridColumn.AFTERNOON))
    type_keys(qtbot, "36.7")
    assert "尚未开始" in page.message.text()
    assert page.model.row(0).halves[Half.AFTERNOON].state == SaveState.FAILED
    assert stored(db_url)["张三"][1] is None
    close_window(qtbot, window)


def test_an_implausible_reading_stays_in_its_cell_and_nothing_is_stored(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 2, 9, 0))
    type_keys(qtbot, "98.6")
    assert "华氏度" in page.message.text() and "张三 的上午体温未保存" in page.message.text()
    assert "98.6" in str(page.model.index(0, GridColumn.MORNING).data())
    type_keys(qtbot, "43")
    assert "超出体温的合理范围" in str(page.model.index(1, GridColumn.MORNING).data())
    qtbot.wait(200)
    assert page.pending() == 0
    assert stored(db_url) == {
        "张三": (None, None, False, False),
        "李四": (None, None, False, False),
        "王五": (None, None, False, False),
    }
    close_window(qtbot, window)


def test_a_late_entry_asks_once_and_is_marked_late(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 3, 8, 0))  # the next morning
    type_keys(qtbot, "36.4")
    qtbot.waitUntil(lambda: page.late_box is not None and page.late_box.isVisible())
    box = page.late_box
    assert box is not None and "2020-03-02 上午 已过" in box.text()
    assert page.pending() == 1  # nothing is stored before the answer
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: page.pending() == 0)
    assert stored(db_url)["张三"] == (36.4, None, True, False)
    assert "（补录）" in str(page.model.index(0, GridColumn.MORNING).data())
    qtbot.waitUntil(lambda: page.grid.hasFocus())
    for text in ("36.9", "36.8"):  # confirmed once for the half-day: no second question
        type_keys(qtbot, text)
    qtbot.waitUntil(lambda: page.pending() == 0)
    assert page.late_box is None
    assert stored(db_url)["李四"] == (36.9, None, True, False) and stored(db_url)["王五"][0] == 36.8
    # declining stores nothing for that half-day
    page.grid.setCurrentIndex(page.model.index(0, GridColumn.AFTERNOON))
    type_keys(qtbot, "36.6")
    qtbot.waitUntil(lambda: page.late_box is not None and page.late_box.isVisible())
    assert page.late_box is not None
    click(qtbot, page.late_box.button(QMessageBox.StandardButton.No))
    qtbot.waitUntil(lambda: page.late_box is None)
    assert page.message.text() == "未保存：未确认补录。"
    assert page.model.row(0).halves[Half.AFTERNOON].state == SaveState.FAILED
    assert stored(db_url)["张三"][1] is None
    close_window(qtbot, window)


def test_an_auditor_sees_the_grid_but_cannot_type_into_it(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    db = open_database(db_url)
    try:
        from storage.ledger import ReadingEntry, enter_readings
        from storage.roster import list_employees

        first = list_employees(db).rows[0].id
        enter_readings(
            db,
            OFFICER,
            DAY,
            HalfDay.MORNING,
            [ReadingEntry(first, "37.5", "干咳")],
            now_local=dt.datetime(2020, 3, 2, 9, 0),
        )
    finally:
        db.close()
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 2, 9, 30))
    assert page.model.index(0, GridColumn.MORNING).data() == "37.5"
    assert page.model.index(0, GridColumn.MORNING_SYMPTOMS).data() == "干咳"
    assert page.model.flagged_rows() == [0] and "张三" in page.steps.toPlainText()
    page.grid.setCurrentIndex(page.model.index(1, GridColumn.MORNING))
    type_keys(qtbot, "36.5")
    assert page.model.row(1).halves[Half.MORNING].celsius is None and page.pending() == 0
    close_window(qtbot, window)
