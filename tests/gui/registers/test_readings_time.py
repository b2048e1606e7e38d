"""体温登记 on the company's clock and a refused cell that keeps its reason (#48): the half-day is the plant's
(UTC+8) on a computer set to UTC, and a temperature that could not be stored says why on the cell, says it
again under the grid when the cell is gone back to, and is stored when typed again."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.registers.grid import GridColumn, Half, SaveState
from desktop.registers.readings import ReadingsPage
from tests.gui.helpers import close_window, start_app
from tests.gui.registers.seed import OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_readings import open_readings, stored, type_keys
from tests.zones import local_zone

NOT_BEGUN = "2020-03-02 下午尚未开始，不能提前录入体温"


@pytest.fixture
def computer_in_utc() -> Iterator[None]:
    """This process's local zone is UTC (a plant PC whose clock was never set to Beijing time)."""
    with local_zone("UTC"):
        yield


def click_cell(qtbot: QtBot, page: ReadingsPage, row: int, column: GridColumn) -> None:
    index = page.model.index(row, column)
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=page.grid.visualRect(index).center())
    assert page.grid.currentIndex() == index


@pytest.mark.usefixtures("computer_in_utc")
def test_an_afternoon_reading_at_1426_in_beijing_is_taken_on_a_computer_set_to_utc(qtbot: QtBot, db_url: str) -> None:
    assert time.localtime().tm_gmtoff == 0
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    # 03:59 UTC is 11:59 in the plant: the afternoon has not begun
    page = open_readings(qtbot, window, utc=dt.datetime(2020, 3, 2, 3, 59, tzinfo=dt.UTC))
    page.grid.setCurrentIndex(page.model.index(0, GridColumn.AFTERNOON))
    type_keys(qtbot, "36.7")
    assert NOT_BEGUN in page.message.text()
    assert page.model.row(0).halves[Half.AFTERNOON].state == SaveState.FAILED
    # 06:26 UTC is 14:26 in the plant (the computer says 06:26): the afternoon's reading is taken, not late
    page.clock = lambda: dt.datetime(2020, 3, 2, 6, 26, tzinfo=dt.UTC)
    page.grid.setCurrentIndex(page.model.index(1, GridColumn.AFTERNOON))
    type_keys(qtbot, "36.8")
    qtbot.waitUntil(lambda: page.pending() == 0)
    assert page.message.text() == "已保存 1 条下午体温。"
    assert page.model.row(1).halves[Half.AFTERNOON].state == SaveState.SAVED
    assert stored(db_url)["李四"] == (None, 36.8, False, False)
    assert stored(db_url)["张三"] == (None, None, False, False)
    close_window(qtbot, window)


def test_a_refused_cell_keeps_its_reason_and_is_stored_when_typed_again(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 2, 10, 30))
    afternoon = page.model.index(0, GridColumn.AFTERNOON)
    page.grid.setCurrentIndex(afternoon)
    type_keys(qtbot, "36.7")
    assert "（未保存）" in str(afternoon.data())
    assert afternoon.data(Qt.ItemDataRole.ToolTipRole) == NOT_BEGUN
    # the next message (a symptom code refused) replaces the sentence under the grid …
    click_cell(qtbot, page, 1, GridColumn.MORNING_SYMPTOMS)
    type_keys(qtbot, "99")
    assert "“99”不是可选的症状" in page.message.text()
    # … the cell keeps it, and says it again when clicked on
    assert afternoon.data(Qt.ItemDataRole.ToolTipRole) == NOT_BEGUN
    click_cell(qtbot, page, 0, GridColumn.AFTERNOON)
    assert page.message.text() == f"张三 的下午体温未保存：{NOT_BEGUN}"
    # by the keyboard too: away and back with the arrow keys
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    assert page.grid.currentIndex() == page.model.index(1, GridColumn.AFTERNOON)
    page.message.clear()
    qtbot.keyClick(page.grid, Qt.Key.Key_Up)
    assert page.message.text() == f"张三 的下午体温未保存：{NOT_BEGUN}"
    # the afternoon has begun: the same value typed again is stored, and the cell says nothing more
    page.now = lambda: dt.datetime(2020, 3, 2, 14, 0)
    type_keys(qtbot, "36.7")
    qtbot.waitUntil(lambda: page.pending() == 0)
    assert page.message.text() == "已保存 1 条下午体温。"
    assert page.model.row(0).halves[Half.AFTERNOON].state == SaveState.SAVED
    assert str(afternoon.data()) == "36.7" and afternoon.data(Qt.ItemDataRole.ToolTipRole) is None
    assert stored(db_url)["张三"] == (None, 36.7, False, False)
    close_window(qtbot, window)
