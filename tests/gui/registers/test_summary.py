"""每日汇总 driven like a user: a zero report, an abnormal day naming who is missing and who has a fever, the
sign-off with the signing dialog (the day is sealed: the grid locks), and the PDF and workbook exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from checklist.ledger import HalfDay
from desktop.main_window import MainWindow
from desktop.registers.window import RegistersWindow
from storage.db import open_database
from storage.ledger import ReadingEntry, enter_readings
from tests.gui.helpers import click, close_window, seed_accounts, show_registers, start_app, type_into
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


def list_texts(page: Any, name: str) -> list[str]:
    view = page.panes[name].list
    return [view.item(row).text() for row in range(view.count())]


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

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
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
    assert "零报告" not in shown and "发热或有症状 1 人，缺测 1 人" in shown
    assert "立即到隔离观察区域暂时隔离" in shown
    assert [page.lists.tabText(i) for i in range(3)] == ["缺测（1）", "发热或有症状（1 人次）", "观察中（0）"]
    assert list_texts(page, "flagged") == [f"#{ids['李四']} 李四 上午 38.4 °C"]
    assert list_texts(page, "missing") == [f"#{ids['王五']} 王五：缺上午、下午"]
    assert page.panes["missing"].position.text() == "第 1–1 条，共 1 条"
    target = tmp_path / "summary.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(page.exported, timeout=20000):
        click(qtbot, page.xlsx_button)
    cells = [str(c.value) for sheet in load_workbook(target) for row in sheet.iter_rows() for c in row if c.value]
    assert any("李四" in c for c in cells) and any("王五" in c for c in cells)
    close_window(qtbot, window)


def test_the_page_pages_through_a_large_day_and_makes_the_record_only_to_export(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """253 people, none checked in the afternoon, 120 with a fever in the morning: the page shows the counts and
    100 names of a list at a time, paged with 下一页 / 上一页 (by mouse and by keyboard); the canonical record with
    the digest of the day's readings is made for the export, not to show the page."""
    from sqlalchemy import select

    from export import ledger_reports
    from storage.ledger_models import Employee

    ids = seed_roster(db_url, extra=250)
    db = open_database(db_url)
    try:
        with db.session() as session:
            people = list(session.scalars(select(Employee.id).order_by(Employee.id)))
        assert len(people) == 253 and people[0] == ids["张三"]
        entries = [ReadingEntry(p, "38.0" if n < 120 else "36.5") for n, p in enumerate(people)]
        enter_readings(db, OFFICER, DAY, HalfDay.MORNING, entries, now_local=dt.datetime(2020, 3, 2, 18, 0))
    finally:
        db.close()
    records: list[dt.date] = []
    original = ledger_reports.summary_record

    def counted(db: Any, day: dt.date, company: str = "") -> dict[str, Any]:
        records.append(day)
        return original(db, day, company)

    monkeypatch.setattr(ledger_reports, "summary_record", counted)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    assert records == []  # the page was shown without the canonical record
    shown = page.view.toPlainText()
    assert "在册 253 人" in shown and "发热或有症状 120 人，缺测 253 人" in shown
    assert [page.lists.tabText(i) for i in range(3)] == ["缺测（253）", "发热或有症状（120 人次）", "观察中（0）"]
    missing = page.panes["missing"]
    assert missing.list.count() == 100 and missing.position.text() == "第 1–100 条，共 253 条"
    assert list_texts(page, "missing")[0] == f"#{people[0]} 张三：缺下午"
    assert not missing.previous_button.isEnabled()
    with qtbot.waitSignal(page.paged, timeout=20000):
        click(qtbot, missing.next_button)
    assert missing.position.text() == "第 101–200 条，共 253 条" and missing.list.count() == 100
    assert list_texts(page, "missing")[0].startswith(f"#{people[100]} ")
    missing.next_button.setFocus()
    with qtbot.waitSignal(page.paged, timeout=20000):  # the keyboard: the focused button, Space
        qtbot.keyClick(missing.next_button, Qt.Key.Key_Space)
    assert missing.position.text() == "第 201–253 条，共 253 条" and missing.list.count() == 53
    assert list_texts(page, "missing")[-1].startswith(f"#{people[-1]} ")
    assert not missing.next_button.isEnabled() and missing.previous_button.isEnabled()
    with qtbot.waitSignal(page.paged, timeout=20000):
        click(qtbot, missing.previous_button)
    assert missing.position.text() == "第 101–200 条，共 253 条"
    page.lists.setCurrentIndex(1)
    flagged = page.panes["flagged"]
    assert flagged.list.count() == 100 and list_texts(page, "flagged")[0] == f"#{people[0]} 张三 上午 38.0 °C"
    with qtbot.waitSignal(page.paged, timeout=20000):
        click(qtbot, flagged.next_button)
    assert flagged.position.text() == "第 101–120 条，共 120 条" and flagged.list.count() == 20
    assert records == []
    target = tmp_path / "summary.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(page.exported, timeout=30000):
        click(qtbot, page.xlsx_button)
    assert records == [DAY]  # made to export
    missing_sheet = load_workbook(target)["缺测"]
    assert missing_sheet.max_row == 254  # the header and every one of the 253, not a page
    close_window(qtbot, window)


def test_the_summary_page_speaks_english(qtbot: QtBot, db_url: str) -> None:
    from desktop.common import i18n

    i18n.install_language(i18n.ENGLISH)
    ids = seed_roster(db_url)
    readings(
        db_url,
        ids,
        {("张三", HalfDay.MORNING): "38.4", ("张三", HalfDay.AFTERNOON): "36.6", ("李四", HalfDay.MORNING): "36.5"},
    )
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    assert page.status.text() == "Not signed yet: this is the summary of the ledger as it stands now."
    shown = page.view.toPlainText()
    assert "1 with fever or symptoms, 2 missing a reading" in shown and "Take the person to the isolation" in shown
    assert [page.lists.tabText(i) for i in range(3)] == [
        "Missing (2)",
        "Fever or symptoms (1 readings)",
        "Under observation (0)",
    ]
    assert list_texts(page, "missing") == [
        f"#{ids['李四']} 李四: missing afternoon",
        f"#{ids['王五']} 王五: missing morning, afternoon",
    ]
    assert list_texts(page, "flagged") == [f"#{ids['张三']} 张三 morning 38.4 °C"]
    assert page.panes["missing"].position.text() == "1–2 of 2"
    assert page.panes["missing"].next_button.text() == "&Next page"
    close_window(qtbot, window)


def test_counts_changed_by_hand_are_found_and_the_page_counts_the_readings(qtbot: QtBot, db_url: str) -> None:
    """Someone with the database sets the day's kept counts so that 李四's missing afternoon disappears: the page,
    which shows the kept counts first, checks them against the readings, reads the day again with the readings'
    counts and says so."""
    from sqlalchemy import text

    ids = seed_roster(db_url)
    readings(
        db_url,
        ids,
        {("张三", HalfDay.MORNING): "36.5", ("张三", HalfDay.AFTERNOON): "36.6", ("李四", HalfDay.MORNING): "36.5"},
    )
    db = open_database(db_url)
    try:
        with db.engine.begin() as connection:
            connection.execute(
                text("UPDATE reading_day_counts SET afternoon = afternoon + 1, complete = complete + 1 WHERE day = :d"),
                {"d": DAY.toordinal()},
            )
    finally:
        db.close()
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    qtbot.waitUntil(lambda: page.recounted and not page.loading, timeout=20000)
    assert "不符（可能被直接改动）" in page.status.text()
    shown = page.view.toPlainText()
    assert "缺测 2 人" in shown
    assert page.lists.tabText(0) == "缺测（2）"
    assert list_texts(page, "missing") == [f"#{ids['李四']} 李四：缺下午", f"#{ids['王五']} 王五：缺上午、下午"]
    click(qtbot, page.refresh_button)  # read again: the kept counts first, then the check, again
    qtbot.waitUntil(lambda: page.recounted and not page.loading, timeout=20000)
    assert "缺测 2 人" in page.view.toPlainText()
    close_window(qtbot, window)


def test_counts_that_agree_with_the_readings_are_shown_as_read(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    readings(db_url, ids, {("张三", HalfDay.MORNING): "36.5"})
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers = show_registers(qtbot, window, "summary")
    page = registers.summary
    qtbot.waitUntil(lambda: not page.loading and page.summary is not None, timeout=60000)
    with qtbot.waitSignal(page.checked, timeout=20000):
        page.date_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    assert not page.recounted and page.status.text() == "尚未签署：以下为按当前台账生成的汇总。"
    assert page.lists.tabText(0) == "缺测（3）"
    close_window(qtbot, window)


def test_a_signed_day_pages_through_its_signed_record(qtbot: QtBot, db_url: str) -> None:
    """A day signed off with 253 people missing the afternoon: the page shows the signed record, 100 names at a time,
    the same names and order as the record holds."""
    from export.ledger_reports import sign_day
    from storage.ledger import sealed_day

    seed_roster(db_url, extra=250, signing_keys=True)
    db = open_database(db_url)
    try:
        entries = [ReadingEntry(p, "36.5") for p in range(1, 254)]
        enter_readings(db, OFFICER, DAY, HalfDay.MORNING, entries, now_local=dt.datetime(2020, 3, 2, 18, 0))
        sign_day(db, DAY, OFFICER, PASSWORDS[OFFICER])
        signed = [m["no"] for m in sealed_day(db, DAY).summary["missing"]]
    finally:
        db.close()
    assert len(signed) == 253
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    assert page.status.text().startswith(f"已由 {OFFICER} 于") and not page.sign_button.isEnabled()
    assert page.lists.tabText(0) == "缺测（253）"
    missing = page.panes["missing"]
    assert [int(t.split()[0][1:].split("：")[0]) for t in list_texts(page, "missing")] == signed[:100]
    with qtbot.waitSignal(page.paged, timeout=5000):
        click(qtbot, missing.next_button)
    with qtbot.waitSignal(page.paged, timeout=5000):
        click(qtbot, missing.next_button)
    assert missing.position.text() == "第 201–253 条，共 253 条"
    assert [int(t.split()[0][1:].split("：")[0]) for t in list_texts(page, "missing")] == signed[200:]
    assert list_texts(page, "missing")[0].endswith("：缺下午") and not missing.next_button.isEnabled()
    close_window(qtbot, window)


def test_an_empty_roster_offers_no_zero_report(qtbot: QtBot, db_url: str) -> None:
    """Row #41: on a new database the headline says nobody is on the roster, not that everyone was checked."""
    seed_accounts(db_url, {OFFICER: ("officer", PASSWORDS[OFFICER])})
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_summary(qtbot, window).summary
    shown = page.view.toPlainText()
    assert "2020-03-02：花名册中没有在册人员，本日没有可汇总的测温记录" in shown
    assert "零报告" not in shown and "上下午均已测温" not in shown
    html = page.view.toHtml()
    assert "#424242" in html and "#b71c1c" not in html  # drawn neither as a zero report nor as an alarm
