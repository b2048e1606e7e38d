"""隔离观察区 driven like a user: the area set up, a person flagged in the readings grid recorded as isolated in
one click, the CDC report and referral, a dormitory closed off and its disinfection logged (it appears in the
通风消毒 tab), and the steps still open shown until done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from checklist.ledger import HalfDay
from storage import isolation
from storage.db import open_database
from storage.ledger import ReadingEntry, enter_readings
from tests.gui.helpers import (
    all_off_gui_thread,
    click,
    close_window,
    record_threads,
    settle,
    show_registers,
    start_app,
    type_into,
)
from tests.gui.registers.seed import OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 2)


def test_a_fever_in_the_ledger_becomes_an_isolation_record_and_is_followed_up(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        enter_readings(
            db,
            OFFICER,
            DAY,
            HalfDay.MORNING,
            [ReadingEntry(ids["张三"], "38.3", "干咳"), ReadingEntry(ids["李四"], "36.4")],
            now_local=dt.datetime(2020, 3, 2, 9, 0),
        )
    finally:
        db.close()
    reads = record_threads(monkeypatch, isolation, "uses")
    writes = record_threads(monkeypatch, isolation, "set_area")
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers = show_registers(qtbot, window, "isolation")
    page = registers.isolation
    log = registers.disinfection
    page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    settle(qtbot, page)
    page.time_edit.setDateTime(QDateTime(QDate(2020, 3, 2), QTime(9, 20)))
    assert page.flagged_list.count() == 1 and page.flagged_list.item(0).text() == "张三 上午 38.3 °C 干咳"
    assert not page.isolate_button.isEnabled()  # no area yet

    type_into(qtbot, page.area_place, "东门值班室")
    page.area_capacity.setValue(1)
    click(qtbot, page.area_save)
    settle(qtbot, page, log)
    assert page.message.text() == "区域已保存。" and page.area_combo.itemText(0) == "东门值班室（0/1 人）"
    click(qtbot, page.isolate_button)
    settle(qtbot, page, log)
    assert page.message.text().startswith("已记录隔离：张三。") and page.flagged_list.count() == 0
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "张三"
    assert page.model.index(0, 4).data() == "38.3" and page.model.index(0, 8).data() == "3"
    assert page.steps_label.text().startswith("待办：尚未记录报告疾控部门")

    page.time_edit.setDateTime(QDateTime(QDate(2020, 3, 2), QTime(9, 35)))
    type_into(qtbot, page.referred_edit, "区医院发热门诊")
    click(qtbot, page.report_button)
    settle(qtbot, page, log)
    assert page.model.index(0, 6).data() == "03-02 09:35" and page.model.index(0, 7).data() == "区医院发热门诊"
    # closing off before the isolation began is refused in words, nothing saved
    page.time_edit.setDateTime(QDateTime(QDate(2020, 3, 2), QTime(8, 0)))
    type_into(qtbot, page.close_place_edit, "A101 宿舍")
    click(qtbot, page.close_button)
    settle(qtbot, page, log)
    assert page.error.isVisible() and "封闭时间不能早于开始隔离的时间" in page.error.text()
    page.time_edit.setDateTime(QDateTime(QDate(2020, 3, 2), QTime(9, 40)))
    click(qtbot, page.close_button)
    settle(qtbot, page, log)
    assert page.closure_list.count() == 1 and page.closure_list.item(0).text().endswith("未消毒")
    assert "A101 宿舍 已封闭，尚未记录消毒" in page.steps_label.text()

    page.closure_list.setCurrentRow(0)
    page.time_edit.setDateTime(QDateTime(QDate(2020, 3, 2), QTime(11, 0)))
    type_into(qtbot, page.done_by_edit, "保洁组")
    click(qtbot, page.disinfect_button)
    settle(qtbot, page, log)
    assert page.message.text() == "已记录消毒：A101 宿舍（已写入通风消毒记录）。"
    assert page.steps_label.text() == "各项处置均已记录。" and page.model.index(0, 8).data() == "完成"
    log.date_edit.setDate(QDate(2020, 3, 2))
    settle(qtbot, log)
    places = [log.model.index(row, 2).data() for row in range(log.model.rowCount())]
    assert places == ["A101 宿舍"] and log.model.index(0, 5).data() == "符合"
    # every read and write of the tab ran on the thread pool, none on the window's thread
    assert all_off_gui_thread(reads) and all_off_gui_thread(writes)
    registers.close()
    close_window(qtbot, window)
