"""食堂错峰就餐 driven like a user: headcounts from the roster and typed, seats and times, the timetable live,
the window too short said in minutes, settings remembered per site, the door sheet printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QAbstractItemView, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.registers.canteen import CanteenPage
from storage import companies
from storage.db import open_database
from tests.gui.helpers import click, close_window, focused, show_registers, start_app, type_text
from tests.gui.registers.seed import AUDITOR, MANAGER, OFFICER, PASSWORDS, seed_roster


def seed(db_url: str) -> None:
    """The roster (张三 生产部 在岗, 李四 后勤部 在岗, 王五 居家观察) and a company with two sites (一号厂区 made by
    the seed, 二号厂区 here)."""
    seed_roster(db_url)
    db = open_database(db_url)
    try:
        companies.add_site(db, MANAGER, companies.list_companies(db)[0].id, "二号厂区", "plant")
    finally:
        db.close()


def open_canteen(qtbot: QtBot, window: MainWindow) -> CanteenPage:
    page = show_registers(qtbot, window, "canteen").canteen
    qtbot.waitUntil(lambda: page.site_combo.count() == 3 and not page.loading)
    return page


def timetable(page: CanteenPage) -> list[list[str]]:
    return [
        [page.timetable.item(row, column).text() for column in range(4)]  # type: ignore[union-attr]
        for row in range(page.timetable.rowCount())
    ]


def add_group(qtbot: QtBot, page: CanteenPage, name: str, headcount: str) -> None:
    click(qtbot, page.add_group_button)
    type_text(qtbot, focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)  # edit the head count cell
    type_text(qtbot, focused(), headcount)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.groups.state() != QAbstractItemView.State.EditingState)


def test_an_officer_plans_the_sittings_and_they_are_remembered_per_site(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: object
) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    assert page.status.text() == "尚未保存设置" and page.timetable.rowCount() == 0
    page.site_combo.setCurrentIndex(1)  # 一号厂房
    qtbot.waitUntil(lambda: page.site_id is not None and not page.loading)
    click(qtbot, page.from_roster_button)
    qtbot.waitUntil(lambda: page.groups.rowCount() == 2 and not page.loading)
    assert page.values()["groups"] == [{"name": "后勤部", "headcount": "1"}, {"name": "生产部", "headcount": "1"}]
    add_group(qtbot, page, "质检部", "45")
    qtbot.waitUntil(lambda: page.groups.rowCount() == 3 and page.values()["groups"][-1]["headcount"] == "45")
    page.tables.setValue(10)  # 10 tables × 4 seats, one direction: 20 a sitting
    assert page.plan is not None and page.plan.seats_per_sitting == 20
    rows = timetable(page)
    # the batches of 15 first, then the departments of one person each into the first sitting with room
    assert rows == [
        ["第 1 场", "11:00–11:20", "后勤部、生产部、质检部（第 1/3 批）", "17/20"],
        ["第 2 场", "11:30–11:50", "质检部（第 2/3 批）", "15/20"],
        ["第 3 场", "12:00–12:20", "质检部（第 3/3 批）", "15/20"],
    ]
    assert page.verdict.text() == "共 3 场，每场 20 人，在供餐时段内。"
    assert "拆为 3 批（15、15、15 人）" in page.explanation.toPlainText()
    assert "GN（八）" in page.seating_source.text() and page.seating_source.text().startswith("来源要求")
    page.seating.setCurrentIndex(page.seating.findData("one_per_table"))
    assert page.seating_source.text().startswith("良好做法（设置项）") and page.plan.seats_per_sitting == 10
    page.window_end.setTime(QTime(11, 40))
    # 10 a sitting: 5 sittings, 5 × 20 + 4 × 10 = 140 minutes in a window of 40
    assert page.verdict.text() == "供餐时段短了 100 分钟：共需 5 场。"
    assert "供餐时段短了 100 分钟" in page.explanation.toPlainText()
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.status.text() == "设置已保存")
    # the door sheet: one page
    sheet = tmp_path / "门口.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))  # type: ignore[attr-defined]
    click(qtbot, page.print_button)
    qtbot.waitUntil(lambda: sheet.exists() and page.status.text().startswith("已保存张贴单"))
    assert "Pages:           1" in subprocess.run(["pdfinfo", str(sheet)], capture_output=True, text=True).stdout
    # another site has its own settings; coming back loads the saved ones
    page.site_combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.site_combo.currentIndex() == 2 and not page.loading and page.groups.rowCount() == 0)
    assert page.status.text() == "尚未保存设置"
    page.site_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.loading and page.groups.rowCount() == 3)
    assert page.status.text() == "已载入保存的设置" and page.tables.value() == 10
    assert page.seating.currentData() == "one_per_table" and page.window_end.time() == QTime(11, 40)
    close_window(qtbot, window)


def test_a_bad_headcount_is_said_in_words_and_nothing_is_planned(qtbot: QtBot, db_url: str) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    add_group(qtbot, page, "生产部", "2.5")
    qtbot.waitUntil(lambda: page.input_error.isVisible())
    assert page.input_error.text().startswith("无法安排：生产部人数")
    assert page.plan is None and not page.print_button.isEnabled() and not page.timetable.isEnabled()
    page.groups.item(0, 1).setText("30")  # type: ignore[union-attr]
    assert not page.input_error.isVisible() and page.plan is not None and page.timetable.rowCount() == 1
    close_window(qtbot, window)


def test_an_auditor_reads_but_cannot_change_the_settings(qtbot: QtBot, db_url: str) -> None:
    seed(db_url)
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    page = open_canteen(qtbot, window)
    assert not page.save_button.isEnabled() and not page.add_group_button.isEnabled()
    assert not page.from_roster_button.isEnabled()
    close_window(qtbot, window)


def test_the_tab_reads_in_english(qtbot: QtBot, db_url: str) -> None:
    from desktop.common import i18n

    seed(db_url)
    i18n.install_language(i18n.ENGLISH)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    assert page.status.text() == "No settings saved yet"
    add_group(qtbot, page, "Assembly", "130")
    qtbot.waitUntil(lambda: page.plan is not None)
    assert page.timetable.item(0, 0).text() == "Sitting 1"  # type: ignore[union-attr]
    assert page.timetable.item(0, 2).text() == "Assembly (batch 1 of 4)"  # type: ignore[union-attr]
    assert page.seating_source.text().startswith("Required by the sources: GN (8)")
    assert "split into 4 batches" in page.explanation.toPlainText()
    close_window(qtbot, window)


def test_showing_the_tab_twice_reads_the_sites_once(qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tab shown again while its sites are still being read does not read them a second time: a second
    read landing after the officer began typing refilled the page and lost the typed group (seen under load)."""
    from storage import canteen

    seed(db_url)
    reads: list[int] = []
    real = canteen.list_sites

    def counted(db: object) -> object:
        reads.append(1)
        return real(db)  # type: ignore[arg-type]

    monkeypatch.setattr(canteen, "list_sites", counted)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    assert len(reads) == 1
    registers = window.registers_window
    assert registers is not None
    page.site_combo.blockSignals(True)
    page.site_combo.clear()  # as before the first read: the tab has no sites yet
    page.site_combo.blockSignals(False)
    registers._tab_shown(registers.tabs.currentIndex())
    registers._tab_shown(registers.tabs.currentIndex())  # shown again before that read is back
    qtbot.waitUntil(lambda: page.site_combo.count() == 3 and not page.loading)
    add_group(qtbot, page, "生产部", "30")
    qtbot.wait(200)
    assert len(reads) == 2
    assert page.values()["groups"] == [{"name": "生产部", "headcount": "30"}]
    close_window(qtbot, window)


def test_a_late_health_ledger_read_leaves_the_keyboard_in_the_canteen(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 体温登记 tab reads its grid when the window opens; when that read comes back after the officer
    began typing a group on this tab, the keys stay in the group's cell (the grid used to take the keyboard
    while hidden, closing the cell being typed in: seen under load in CI as a lost group)."""
    import threading

    from PySide6.QtWidgets import QApplication

    from storage import ledger

    seed(db_url)
    release = threading.Event()
    real = ledger.day_grid

    def held(*args: object, **kwargs: object) -> object:
        release.wait(20)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger, "day_grid", held)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    registers = window.registers_window
    assert registers is not None and registers.readings.loading
    click(qtbot, page.add_group_button)
    type_text(qtbot, focused(), "生产")
    release.set()
    qtbot.waitUntil(lambda: not registers.readings.loading)
    editor = focused()
    assert page.groups.isAncestorOf(editor) and page.groups.state() == QAbstractItemView.State.EditingState
    type_text(qtbot, editor, "部")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    type_text(qtbot, focused(), "30")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.groups.state() != QAbstractItemView.State.EditingState)
    assert page.values()["groups"] == [{"name": "生产部", "headcount": "30"}]
    assert QApplication.focusWidget() is not registers.readings.grid
    close_window(qtbot, window)


def test_a_new_site_says_what_to_do_before_anything_is_wrong(qtbot: QtBot, db_url: str) -> None:
    """Usability row #50: with no department yet the page says what to do, in grey, not 无法安排 in red; a
    group typed wrong is refused in red as before."""
    seed(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_canteen(qtbot, window)
    qtbot.waitUntil(lambda: page.input_error.isVisible())
    assert page.input_error.text() == "还没有部门或班次：点“按花名册填入”或“添加部门”，即可排出错峰就餐时间表。"
    assert "#555555" in page.input_error.styleSheet() and not page.print_button.isEnabled()
    add_group(qtbot, page, "生产部", "0")
    qtbot.waitUntil(lambda: page.input_error.text().startswith("无法安排："))
    assert "#c62828" in page.input_error.styleSheet()
    close_window(qtbot, window)
