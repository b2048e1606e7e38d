"""通风消毒 driven like a user: a plan set, entries typed (a weak chlorine entry flagged by the reference
method, a refusal said inline), the day's gaps, the sign-off with the signing dialog that locks the day, and a
correction logged the next day naming the entry it corrects."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.registers.disinfection import DisinfectionPage
from desktop.registers.window import RegistersWindow
from tests.gui.helpers import (
    all_off_gui_thread,
    choose_in_combo,
    click,
    close_window,
    record_threads,
    settle,
    show_registers,
    start_app,
    type_into,
)
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 2)


def open_log(qtbot: QtBot, window: MainWindow, day: dt.date = DAY) -> tuple[RegistersWindow, DisinfectionPage]:
    registers = show_registers(qtbot, window, "disinfection")
    page = registers.disinfection
    page.date_edit.setDate(QDate(day.year, day.month, day.day))
    assert page.day == day
    settle(qtbot, page)
    return registers, page


def type_entry(
    qtbot: QtBot, page: DisinfectionPage, place: str, time: str, method: str = "开窗自然通风", **fields: str
) -> None:
    """Fill in the form for an entry (without adding it)."""
    page.place_edit.setEditText("")
    type_into(qtbot, page.place_edit.lineEdit(), place)
    page.time_edit.setTime(QTime.fromString(time, "HH:mm"))
    choose_in_combo(qtbot, page.method_combo, method)
    for name, value in fields.items():
        edit = getattr(page, name)
        edit.clear()
        type_into(qtbot, edit, value)


def add(qtbot: QtBot, page: DisinfectionPage, place: str, time: str, method: str, **fields: str) -> None:
    type_entry(qtbot, page, place, time, method, **fields)
    click(qtbot, page.add_button)
    settle(qtbot, page)


def cell(page: DisinfectionPage, row: int, column: int) -> str:
    return str(page.model.index(row, column).data())


def test_an_officer_logs_a_day_sees_its_gaps_and_signs_it_off(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url, signing_keys=True)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers, page = open_log(qtbot, window)
    assert not page.sign_button.isEnabled() and "尚未设定计划" in page.gap_title.text()
    type_into(qtbot, page.plan_place, "电梯按钮")
    choose_in_combo(qtbot, page.plan_kind, "消毒")
    page.plan_times.setValue(4)
    page.plan_start.setDate(QDate(2020, 3, 1))
    click(qtbot, page.plan_button)
    settle(qtbot, page)
    assert page.plan_list.item(0).text() == "电梯按钮 消毒 每日 4 次，自 2020-03-01 起"
    assert (
        page.gap_title.text() == "未按计划完成：1 处"
        and page.gap_list.item(0).text() == "电梯按钮 消毒：0/4 次，缺 4 次"
    )

    add(qtbot, page, "电梯按钮", "08:30", "含氯消毒液", chlorine_edit="500", contact_edit="30", done_by_edit="刘姐")
    assert not page.form_error.isVisible() and page.model.rowCount() == 1
    assert cell(page, 0, 1) == "08:30" and cell(page, 0, 5) == "符合"
    add(qtbot, page, "电梯按钮", "12:00", "含氯消毒液", chlorine_edit="250", contact_edit="30", done_by_edit="刘姐")
    assert cell(page, 1, 5) == "不符合" and page.model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    # a chlorine entry without its contact time is refused inline, nothing saved
    add(qtbot, page, "电梯按钮", "13:00", "含氯消毒液", chlorine_edit="500", done_by_edit="刘姐")
    assert page.form_error.isVisible() and "作用时间" in page.form_error.text() and page.model.rowCount() == 2
    page.contact_edit.clear()
    add(qtbot, page, "车间", "09:00", "开窗自然通风", duration_edit="30", done_by_edit="班长")
    assert page.model.rowCount() == 3 and cell(page, 1, 3) == "开窗自然通风"
    assert page.gap_list.item(0).text() == "电梯按钮 消毒：2/4 次，缺 2 次"

    click(qtbot, page.sign_button)
    dialog = page.sign_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "签署通风消毒记录"
    type_into(qtbot, dialog.password_edit, PASSWORDS[OFFICER])
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.sealed, timeout=30000)
    assert page.status.text().startswith(f"已由 {OFFICER} 于") and not page.add_button.isEnabled()
    assert not page.sign_button.isEnabled()

    # the next day: a correction naming the weak entry (#2); the signed day stays as it was signed
    page.date_edit.setDate(QDate(2020, 3, 3))
    settle(qtbot, page)
    assert page.add_button.isEnabled()
    add(
        qtbot,
        page,
        "电梯按钮",
        "08:00",
        "含氯消毒液",
        chlorine_edit="500",
        contact_edit="30",
        done_by_edit="刘姐",
        corrects_edit="2",
        note_edit="补做：3 月 2 日 12:00 浓度不足",
    )
    assert not page.form_error.isVisible() and cell(page, 0, 8) == "#2"
    page.date_edit.setDate(QDate(2020, 3, 2))
    settle(qtbot, page)
    assert page.model.rowCount() == 3 and cell(page, 2, 4).startswith("250 mg/L")
    registers.close()
    close_window(qtbot, window)


def test_an_auditor_reads_the_log_but_cannot_write_or_sign(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    registers, page = open_log(qtbot, window)
    assert not page.add_button.isEnabled() and not page.plan_button.isEnabled() and not page.sign_button.isEnabled()
    registers.close()
    close_window(qtbot, window)


def test_a_plan_counts_from_its_start_and_the_log_is_read_and_written_off_the_gui_thread(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import site_log

    seed_roster(db_url)
    reads = record_threads(monkeypatch, site_log, "entries_of_day")
    adds = record_threads(monkeypatch, site_log, "add_entry")
    plans = record_threads(monkeypatch, site_log, "set_plan")
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers, page = open_log(qtbot, window, DAY - dt.timedelta(days=1))
    # adopted on 03-02: 03-01 is not short of it, 03-02 is
    type_into(qtbot, page.plan_place, "门把手")
    choose_in_combo(qtbot, page.plan_kind, "消毒")
    page.plan_times.setValue(2)
    page.plan_start.setDate(QDate(2020, 3, 2))
    click(qtbot, page.plan_button)
    settle(qtbot, page)
    assert page.gap_title.text() == "各地点均按计划完成。" and page.gap_list.count() == 0
    page.date_edit.setDate(QDate(2020, 3, 2))
    settle(qtbot, page)
    assert page.gap_list.item(0).text() == "门把手 消毒：0/2 次，缺 2 次"
    add(qtbot, page, "门把手", "08:30", "含氯消毒液", chlorine_edit="500", contact_edit="30", done_by_edit="刘姐")
    assert page.gap_list.item(0).text() == "门把手 消毒：1/2 次，缺 1 次"
    assert all_off_gui_thread(reads) and all_off_gui_thread(adds) and all_off_gui_thread(plans)
    registers.close()
    close_window(qtbot, window)


def test_the_plans_place_field_is_named_and_alt_n_reaches_it(qtbot: QtBot, db_url: str) -> None:
    """Usability row #52: the 计划 row began with a field that had neither a label nor a placeholder."""
    from PySide6.QtWidgets import QApplication, QLabel

    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    _, page = open_log(qtbot, window)
    labels = [label for label in page.findChildren(QLabel) if label.buddy() is page.plan_place]
    assert [label.text() for label in labels] == ["计划地点(&N)："] and labels[0].isVisible()
    assert page.plan_place.placeholderText() == "如 一号车间"
    qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.plan_place.hasFocus())
    close_window(qtbot, window)
