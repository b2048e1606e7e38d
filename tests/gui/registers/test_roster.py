"""花名册 driven like a user: open it from the main window, page and filter, add a person in the dialog,
a refusal in words, and the masked ID number and phone that only a manager may show in full (audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.registers.roster import EmployeeDialog, RosterColumn, RosterPage
from desktop.registers.window import RegistersWindow
from storage.db import open_database
from storage.models import AuditEntry
from tests.gui.helpers import (
    choose_in_combo,
    click,
    click_index,
    close_window,
    seed_accounts,
    show_registers,
    start_app,
    type_into,
)
from tests.gui.registers.seed import MANAGER, OFFICER, PASSWORDS, VALID_ID, WRONG_CHECK_ID, seed_roster
from tests.storage.helpers import audit_entries


def open_registers(qtbot: QtBot, window: MainWindow) -> RegistersWindow:
    """Open 台账 from the toolbar; the window fits the plant PC's screen, frame included."""
    registers = show_registers(qtbot, window)
    area = QApplication.primaryScreen().availableGeometry()
    assert area.contains(registers.frameGeometry()), f"{registers.frameGeometry()} does not fit {area}"
    qtbot.waitUntil(lambda: not registers.roster.loading and registers.roster.model.rowCount() > 0)
    return registers


def cell(page: RosterPage, row: int, column: RosterColumn) -> str:
    return str(page.model.index(row, column).data())


def row_of(page: RosterPage, name: str) -> int:
    names = [cell(page, r, RosterColumn.NAME) for r in range(page.model.rowCount())]
    assert name in names, f"{name} is not shown: {names[:5]}…"
    return names.index(name)


def open_person(qtbot: QtBot, page: RosterPage, name: str) -> EmployeeDialog:
    click_index(qtbot, page.table, page.model.index(row_of(page, name), RosterColumn.NAME), double=True)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_roster_pages_filters_and_masks(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url, extra=247)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    assert page.model.rowCount() == 100 and page.total == 250
    assert page.page_label.text() == "第 1–100 人，共 250 人"
    zhang = row_of(page, "张三")
    assert cell(page, zhang, RosterColumn.ID_NUMBER) == "110***********002X"
    assert cell(page, zhang, RosterColumn.PHONE) == "138****1234"
    assert VALID_ID not in str([cell(page, zhang, c) for c in RosterColumn])
    assert not page.previous_button.isEnabled()
    click(qtbot, page.next_button)
    qtbot.waitUntil(lambda: page.offset == 100 and not page.loading)
    assert page.page_label.text() == "第 101–200 人，共 250 人"
    click(qtbot, page.next_button)
    qtbot.waitUntil(lambda: page.offset == 200 and not page.loading)
    assert page.model.rowCount() == 50 and not page.next_button.isEnabled()
    choose_in_combo(qtbot, page.status_filter, "居家观察")
    qtbot.waitUntil(lambda: page.total == 1 and not page.loading)
    assert cell(page, 0, RosterColumn.NAME) == "王五" and page.offset == 0
    choose_in_combo(qtbot, page.status_filter, "全部状态")
    type_into(qtbot, page.search, "后勤")
    qtbot.waitUntil(lambda: page.total == 1 and not page.loading and cell(page, 0, RosterColumn.NAME) == "李四")
    assert cell(page, 0, RosterColumn.CATEGORY) == "保安"
    assert cell(page, 0, RosterColumn.OUTSOURCING) == "京保安服务公司"
    close_window(qtbot, window)


def test_adding_a_person_refuses_a_wrong_id_in_words_then_saves(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.reveal_button.isVisible()
    type_into(qtbot, dialog.name, "钱八")
    type_into(qtbot, dialog.department, "食堂")
    choose_in_combo(qtbot, dialog.category, "食堂")
    type_into(qtbot, dialog.id_number, WRONG_CHECK_ID)
    type_into(qtbot, dialog.phone, "13900001111")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "身份证号校验位错误；没有修改任何数据"
    assert dialog.isVisible() and dialog.name.text() == "钱八"  # what was typed is kept
    dialog.id_number.clear()
    type_into(qtbot, dialog.id_number, "110105199003070017")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading and page.total == 4)
    qian = row_of(page, "钱八")
    assert cell(page, qian, RosterColumn.ID_NUMBER) == "110***********0017"
    assert cell(page, qian, RosterColumn.CATEGORY) == "食堂"
    assert page.message.text() == "花名册已保存。"
    close_window(qtbot, window)


def test_only_a_manager_shows_the_numbers_in_full_and_it_is_audited(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    dialog = open_person(qtbot, page, "张三")
    assert not dialog.reveal_button.isVisible()
    assert dialog.id_number.text() == "" and "110***********002X" in dialog.id_number.placeholderText()
    # an edit that leaves the masked numbers alone keeps them as stored
    dialog.dormitory.clear()
    type_into(qtbot, dialog.dormitory, "B202")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.dialog is None and not page.loading)
    assert cell(page, row_of(page, "张三"), RosterColumn.DORMITORY) == "B202"
    assert cell(page, row_of(page, "张三"), RosterColumn.ID_NUMBER) == "110***********002X"
    close_window(qtbot, window)

    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    page = open_registers(qtbot, window).roster
    dialog = open_person(qtbot, page, "张三")
    click(qtbot, dialog.reveal_button)
    qtbot.waitUntil(lambda: dialog.revealed)
    assert (dialog.id_number.text(), dialog.phone.text()) == (VALID_ID, "13812341234")
    dialog.reject()
    db = open_database(db_url)
    try:
        unmasked = audit_entries(db, AuditEntry.action == "unmask")
    finally:
        db.close()
    assert [(entry.actor, entry.row_id) for entry in unmasked] == [(MANAGER, ids["张三"])]
    close_window(qtbot, window)


def test_an_auditor_reads_the_roster_but_changes_nothing(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, "赵审计", "zhao-auditor-2020")
    page = open_registers(qtbot, window).roster
    assert not page.add_button.isEnabled() and not page.import_button.isEnabled()
    dialog = open_person(qtbot, page, "李四")
    assert not dialog.ok_button.isEnabled() and not dialog.reveal_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    close_window(qtbot, window)


def test_an_empty_roster_says_how_to_fill_it_and_a_filter_says_no_match(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {OFFICER: ("officer", PASSWORDS[OFFICER])})
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = show_registers(qtbot, window).roster
    qtbot.waitUntil(lambda: not page.loading and page.page_label.text() != "")
    assert page.page_label.text() == "花名册中还没有人员：点“添加”逐个录入，或“从 Excel 导入”（可先下载模板）。"
    # Empty, the columns keep a readable width (four characters) instead of shrinking to their headers.
    header = page.table.horizontalHeader()
    four = 4 * page.table.fontMetrics().horizontalAdvance("中")
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert min(widths) >= four, widths
    assert header.length() <= page.table.viewport().width() + 1  # and all of them fit: no sideways scrolling
    type_into(qtbot, page.search, "张三")
    qtbot.waitUntil(lambda: page.page_label.text() == "没有符合条件的人员。")
    close_window(qtbot, window)
