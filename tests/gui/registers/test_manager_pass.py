"""What the new-user pass of the registers as a manager found (docs/usability.md #43–#46), driven like a user:
a person added by hand was filed as 保洁 (the first category listed) unless the officer noticed; and people
added in 花名册 were missing from 体温登记 (“花名册中没有需测温的人员”) until the window was closed and opened again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from checklist.company import company_today
from checklist.ledger import HalfDay
from desktop.main_window import MainWindow
from desktop.registers.roster import RosterColumn, RosterPage
from desktop.registers.window import RegistersWindow
from storage.db import open_database
from storage.ledger import ReadingEntry, enter_readings
from storage.roster import list_employees
from tests.gui.helpers import click, close_window, seed_accounts, show_registers, start_app, type_into
from tests.gui.registers.seed import MANAGER, PASSWORDS, seed_roster
from tests.gui.registers.test_roster import cell, row_of
from tests.gui.registers.test_summary import DAY, open_summary


def add_person(qtbot: QtBot, page: RosterPage, name: str) -> None:
    """添加 → a name, the rest as the dialog proposes → 保存; waits until the roster shows it."""
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.name, name)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading and page.message.text() == "花名册已保存。")


def open_roster(qtbot: QtBot, window: MainWindow) -> RegistersWindow:
    registers = show_registers(qtbot, window, "roster")
    qtbot.waitUntil(lambda: not registers.roster.loading and not registers.readings.loading)
    return registers


def test_a_person_added_by_hand_is_an_ordinary_employee_unless_chosen(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    page = open_roster(qtbot, window).roster
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.category.currentText() == "其他"  # not 保洁, the first of the list
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None)
    add_person(qtbot, page, "孙八")
    assert cell(page, row_of(page, "孙八"), RosterColumn.CATEGORY) == "其他"
    db = open_database(db_url)
    try:
        stored = {e.name: e.category for e in list_employees(db).rows}
    finally:
        db.close()
    assert stored["孙八"] == "其他"
    close_window(qtbot, window)


def test_people_added_in_the_roster_are_in_the_readings_grid_when_turned_to(qtbot: QtBot, db_url: str) -> None:
    """A new database: the grid was read empty when the window opened; the manager adds two people, turns to
    体温登记 and finds them there, 每日汇总, read before they were added, counts them when turned to again."""
    seed_accounts(db_url, {MANAGER: ("manager", PASSWORDS[MANAGER])})
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers = open_roster(qtbot, window)
    readings = registers.readings
    assert readings.model.rowCount() == 0
    registers.tabs.setCurrentWidget(registers.summary)
    qtbot.waitUntil(lambda: registers.summary.summary is not None and not registers.summary.loading)
    summary_before = registers.summary.summary
    assert summary_before is not None and summary_before.summary is not None
    assert summary_before.summary.headcount == 0
    registers.tabs.setCurrentWidget(registers.roster)
    add_person(qtbot, registers.roster, "张三")
    add_person(qtbot, registers.roster, "李四")
    registers.tabs.setCurrentWidget(readings)
    qtbot.waitUntil(lambda: not readings.loading and readings.model.rowCount() == 2)
    assert {readings.model.row(r).person.name for r in range(2)} == {"张三", "李四"}
    registers.tabs.setCurrentWidget(registers.observation)
    qtbot.waitUntil(lambda: not registers.observation.loading)
    registers.tabs.setCurrentWidget(registers.summary)
    qtbot.waitUntil(lambda: registers.summary.summary is not summary_before and not registers.summary.loading)
    shown = registers.summary.summary
    assert (
        shown is not None and shown.summary is not None and shown.day == company_today()
    )  # the company's day, not this computer's
    assert shown.summary.headcount == 2  # was 0 when read before the two were added
    close_window(qtbot, window)


def test_a_signed_day_says_when_in_the_companys_time_and_in_utc(qtbot: QtBot, db_url: str) -> None:
    """#46: 每日汇总 said “已由 王经理 于 2026-12-01 06:26（UTC）签署” at 14:26 in the plant — the company's time (as
    the reports and the 签名 table print it, #32) comes first, UTC after, whatever this computer's zone is."""
    from export.ledger_reports import sign_day

    ids = seed_roster(db_url, signing_keys=True)
    db = open_database(db_url)
    try:
        entries = [ReadingEntry(number, "36.5") for number in ids.values()]
        for half in HalfDay:
            enter_readings(db, MANAGER, DAY, half, entries, now_local=dt.datetime(2020, 3, 2, 18, 0))
        sign_day(db, DAY, MANAGER, PASSWORDS[MANAGER])
    finally:
        db.close()
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    page = open_summary(qtbot, window).summary
    assert page.summary is not None and page.summary.signed_at is not None
    utc = page.summary.signed_at.replace(tzinfo=None)
    beijing = utc + dt.timedelta(hours=8)
    assert page.status.text().startswith(
        f"已由 {MANAGER} 于 {beijing:%Y-%m-%d %H:%M}（UTC+8；{utc:%H:%M} UTC）签署；当日记录已锁定"
    )
    close_window(qtbot, window)


def test_the_start_observation_dialog_shows_its_example_whole(qtbot: QtBot, db_url: str) -> None:
    """#45: 开始观察 opened 250 px wide, its reason's example cut to “例如：3 月 1 日自湖北…”."""
    seed_roster(db_url)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers = show_registers(qtbot, window, "observation")
    page = registers.observation
    qtbot.waitUntil(lambda: not page.loading)
    click(qtbot, page.start_button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    example = dialog.reason.placeholderText()
    assert example == "例如：3 月 1 日自湖北返京"
    needed = QFontMetrics(dialog.reason.font()).horizontalAdvance(example)
    assert dialog.reason.width() >= needed + 12, f"{dialog.reason.width()} px for {needed} px of text"
    dialog.reject()
    close_window(qtbot, window)
