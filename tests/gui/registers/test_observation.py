"""医学观察 driven like a user: the list of a day, the BJTG 三 flag, extend, shorten only by a manager with a
reason, a new exposure restarts the 14 days, and starting one for a person found by name."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.registers.observation import ObservationColumn, ObservationDialog, ObservationPage
from storage.db import open_database
from storage.ledger import start_observation
from storage.roster import update_employee
from tests.gui.helpers import (
    cell_in_row_of,
    choose_in_combo,
    click,
    click_index,
    close_window,
    show_registers,
    start_app,
    type_into,
)
from tests.gui.registers.seed import MANAGER, OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 5)


def seed(db_url: str) -> None:
    """王五 at home since 3 March (ends 16 March); 李四 centralised since 1 March but marked 在岗 (BJTG 三)."""
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        start_observation(db, OFFICER, ids["王五"], "home", dt.date(2020, 3, 3), "3 月 2 日自湖北返京")
        start_observation(db, OFFICER, ids["李四"], "central", dt.date(2020, 3, 1), "密切接触者")
        update_employee(db, OFFICER, ids["李四"], {"status": "在岗"})
    finally:
        db.close()


def open_observation(qtbot: QtBot, window: MainWindow) -> ObservationPage:
    page = show_registers(qtbot, window, "observation").observation
    qtbot.waitUntil(lambda: not page.loading)
    page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: page.day == DAY and not page.loading and page.model.rowCount() == 2)
    return page


def text(page: ObservationPage, name: str, column: ObservationColumn) -> str:
    return cell_in_row_of(page.model, ObservationColumn.NAME, name, column)


def choose_row(qtbot: QtBot, page: ObservationPage, name: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == name)
    click_index(qtbot, page.table, page.model.index(row, ObservationColumn.NAME))


def dialog_of(qtbot: QtBot, page: ObservationPage, button_name: str) -> ObservationDialog:
    click(qtbot, getattr(page, button_name))
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def set_date(dialog: ObservationDialog, day: dt.date) -> None:
    dialog.date.setDate(QDate(day.year, day.month, day.day))


def test_the_list_flags_an_early_return_and_an_officer_extends_but_cannot_shorten(qtbot: QtBot, db_url: str) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_observation(qtbot, window)
    assert page.count_label.text() == "观察中 2 人"
    assert text(page, "王五", ObservationColumn.END) == "2020-03-16"
    assert text(page, "王五", ObservationColumn.DAY) == "第 3 天"
    assert text(page, "李四", ObservationColumn.KIND) == "集中"
    assert page.early_label.isVisible() and "李四 在岗，但观察期至 2020-03-14 才结束" in page.early_label.text()
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # 李四 ends first: in red
    choose_row(qtbot, page, "王五")
    assert page.extend_button.isEnabled() and not page.shorten_button.isEnabled()
    dialog = dialog_of(qtbot, page, "extend_button")
    assert dialog.date.date() == QDate(2020, 3, 23)
    type_into(qtbot, dialog.reason, "复查未完成")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading)
    assert text(page, "王五", ObservationColumn.END) == "2020-03-23" and page.message.text() == "观察期已延长。"
    # an earlier date through 延长 is the core's refusal, said in the dialog
    choose_row(qtbot, page, "王五")
    dialog = dialog_of(qtbot, page, "extend_button")
    set_date(dialog, dt.date(2020, 3, 10))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "观察期不得缩短" in dialog.error.text() and "单位主要负责人" in dialog.error.text()
    dialog.reject()
    close_window(qtbot, window)


def test_a_manager_shortens_with_a_reason_and_a_new_exposure_restarts(qtbot: QtBot, db_url: str) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    page = open_observation(qtbot, window)
    choose_row(qtbot, page, "王五")
    dialog = dialog_of(qtbot, page, "shorten_button")
    set_date(dialog, dt.date(2020, 3, 12))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "缩短观察期须填写理由；未保存任何数据"
    type_into(qtbot, dialog.reason, "核酸检测阴性，经筛查排除感染")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading)
    assert text(page, "王五", ObservationColumn.END) == "2020-03-12"
    choose_row(qtbot, page, "王五")
    dialog = dialog_of(qtbot, page, "restart_button")
    set_date(dialog, dt.date(2020, 3, 5))
    type_into(qtbot, dialog.reason, "同住人确诊")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading)
    assert text(page, "王五", ObservationColumn.START) == "2020-03-05"
    assert text(page, "王五", ObservationColumn.END) == "2020-03-18"
    close_window(qtbot, window)


def test_starting_an_observation_for_a_person_found_by_name(qtbot: QtBot, db_url: str) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_observation(qtbot, window)
    dialog = dialog_of(qtbot, page, "start_button")
    type_into(qtbot, dialog.person_search, "张三")
    qtbot.waitUntil(lambda: dialog.person.count() == 1)
    assert dialog.person.currentText().startswith("张三（生产部")
    choose_in_combo(qtbot, dialog.kind, "集中")
    set_date(dialog, DAY)
    type_into(qtbot, dialog.reason, "密切接触者")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading and page.total == 3)
    assert text(page, "张三", ObservationColumn.END) == "2020-03-18"
    assert text(page, "张三", ObservationColumn.KIND) == "集中"
    close_window(qtbot, window)
