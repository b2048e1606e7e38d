"""每日汇总 driven like a user: a zero report, an abnormal day naming who is missing and who has a fever, the
sign-off with the signing dialog (the day is sealed: the grid locks), and the PDF and workbook exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from checklist.ledger import HalfDay
from desktop.main_window import MainWindow
from desktop.registers import summary as summary_module
from desktop.registers.window import RegistersWindow
from storage.db import open_database
from storage.ledger import ReadingEntry, enter_readings
from tests.gui.helpers import click, close_window, show_registers, start_app, type_into
from tests.gui.registers.seed import OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 2)


def readings(db_url: str, ids: dict[str, int], values: dict[tuple[str, HalfDay], str]) -> None:
    db = open_database(db_url)
    try:
        for half in HalfDay:
            entries = [ReadingEntry(ids[name], value) for (name, h), value in values.items() if h == half]
            if entries:
                enter_readings(db, OFFICER, DAY, half, entries, now_local=dt.datetime(2020, 3, 2, 18, 0))
    finally:
        db.close()


def open_summary(qtbot: QtBot, window: MainWindow) -> RegistersWindow:
    registers = show_registers(qtbot, window, "summary")
    page = registers.summary
    # the first summary imports the PDF and signing libraries: slow on a busy machine
    qtbot.waitUntil(lambda: not page.loading and page.summary is not None, timeout=60000)
    page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.day == DAY and not page.loading, timeout=20000)
    return registers


def test_a_zero_report_is_signed_off_and_the_day_locks(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed_roster(db_url, signing_keys=True)
    normal = {(name, half): "36.5" for name in ids for half in HalfDay}
    readings(db_url, ids, normal)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers = open_summary(qtbot, window)
    page = registers.summary
    shown = page.view.toPlainText()
    assert "2020-03-02 零报告：在册 3 人" in shown and "零报告" in shown
    assert page.status.text() == "尚未签署：以下为按当前台账生成的汇总。"
    click(qtbot, page.sign_button)
    dialog = page.sign_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "签署每日汇总" and "当日汇总" in dialog.statement.text()
    # a day's signature means the person in charge vouches for the day, not "检查人"
    assert dialog.meaning_combo.count() == 1
    assert dialog.meaning_combo.currentText() == "当日汇总负责人签署"
    assert "检查人" not in dialog.meaning_combo.currentText() + dialog.statement.text()
    type_into(qtbot, dialog.password_edit, "not my password")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20000)
    assert page.summary is not None and page.summary.signed_by is None
    type_into(qtbot, dialog.password_edit, PASSWORDS[OFFICER])
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.signed_by == OFFICER, timeout=30000)
    assert page.status.text().startswith(f"已由 {OFFICER} 于") and not page.sign_button.isEnabled()
    # the grid of the signed day takes no more readings
    readings_page = registers.readings
    readings_page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    qtbot.waitUntil(lambda: readings_page.day == DAY and not readings_page.loading and readings_page.sealed)
    assert "当日汇总已签署" in readings_page.threshold_label.text()
    assert readings_page.model.flags(readings_page.model.index(0, 2)) & readings_page.model.flags(
        readings_page.model.index(0, 0)
    ) == readings_page.model.flags(readings_page.model.index(0, 2))  # no more editable than a name
    # the export of a signed day is its signed PDF, byte for byte
    target = tmp_path / "汇总"
    saved: list[Any] = []

    def save_as(*args: Any, **kwargs: Any) -> tuple[str, str]:
        saved.append(args)
        return str(target), ""

    monkeypatch.setattr(summary_module.QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(page.exported, timeout=20000):
        click(qtbot, page.pdf_button)
    pdf = tmp_path / "汇总.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and b"/ByteRange" in pdf.read_bytes()
    close_window(qtbot, window)


def test_an_abnormal_day_names_the_fever_and_the_missing(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = seed_roster(db_url)
    readings(
        db_url,
        ids,
        {
            ("张三", HalfDay.MORNING): "36.5",
            ("张三", HalfDay.AFTERNOON): "36.6",
            ("李四", HalfDay.MORNING): "38.4",
            ("李四", HalfDay.AFTERNOON): "37.0",
        },
    )
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    shown = page.view.toPlainText()
    assert "零报告" not in shown
    assert "发热或有症状（1）" in shown and "李四（后勤部） 上午 38.4 °C" in shown
    assert "缺测（1）" in shown and "王五（生产部）：上午、下午" in shown
    assert "立即到隔离观察区域暂时隔离" in shown
    target = tmp_path / "summary.xlsx"
    monkeypatch.setattr(
        summary_module.QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    with qtbot.waitSignal(page.exported, timeout=20000):
        click(qtbot, page.xlsx_button)
    cells = [str(c.value) for sheet in load_workbook(target) for row in sheet.iter_rows() for c in row if c.value]
    assert any("李四" in c for c in cells) and any("王五" in c for c in cells)
    close_window(qtbot, window)
