"""台账设置 driven like a user: the manager changes the fever threshold (out of range refused in words by the core,
the grid reads the new figure), sets the retention, previews what would be removed (nothing removed),
declines, then agrees; the run is recorded and the signed summaries' table is untouched. An officer only reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from checklist.ledger import HalfDay
from desktop.main_window import MainWindow
from desktop.registers.consent import ConsentColumn
from desktop.registers.ledger_settings import LedgerSettingsDialog
from desktop.registers.window import RegistersWindow
from storage.db import open_database
from storage.ledger import ReadingEntry, day_grid, enter_readings, get_settings, set_retention
from storage.ledger_models import ConsentRecord, RetentionRun
from storage.ledger_retention import run_retention
from storage.models import AuditEntry
from tests.gui.helpers import click, close_window, start_app
from tests.gui.registers.seed import MANAGER, OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_roster import open_registers

TODAY = dt.date(2020, 5, 30)
OLD, RECENT = dt.date(2020, 3, 2), dt.date(2020, 5, 25)


def open_settings(qtbot: QtBot, window: MainWindow) -> tuple[RegistersWindow, LedgerSettingsDialog]:
    registers = open_registers(qtbot, window)
    click(qtbot, registers.settings_button)
    dialog = registers.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)
    dialog.today = lambda: TODAY
    return registers, dialog


def answer(qtbot: QtBot, dialog: LedgerSettingsDialog, yes: bool) -> None:
    box = dialog.confirm_box
    assert box is not None
    qtbot.waitExposed(box)
    click(qtbot, box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No))


def test_the_manager_sets_the_threshold_and_runs_the_retention(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        for day in (OLD, RECENT):
            entries = [ReadingEntry(ids["张三"], "36.5"), ReadingEntry(ids["李四"], "36.6")]
            enter_readings(db, OFFICER, day, HalfDay.MORNING, entries, now_local=dt.datetime(2020, 5, 30, 9))
    finally:
        db.close()
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers, dialog = open_settings(qtbot, window)
    assert dialog.threshold.value() == 37.3 and dialog.save_threshold_button.isEnabled()
    assert "2020 年通行做法" in dialog.threshold_note.text() and "所引文件未规定" in dialog.threshold_note.text()
    # outside 37.0–38.5: the core refuses in words and nothing changes
    dialog.threshold.setValue(36.5)
    click(qtbot, dialog.save_threshold_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy)
    assert "36.5 °C 超出 37–38.5 °C" in dialog.error.text()
    dialog.threshold.setValue(37.5)
    click(qtbot, dialog.save_threshold_button)
    qtbot.waitUntil(lambda: not dialog.busy and "37.5" in dialog.message.text())
    assert not dialog.error.isVisible()
    qtbot.waitUntil(lambda: registers.readings.threshold_c == 37.5 and not registers.readings.loading)
    assert "发热阈值 37.5 °C" in registers.readings.threshold_label.text()

    # retention: nothing set yet, the preview says so in words
    assert not dialog.run_button.isEnabled()
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy)
    assert "尚未设置保存期限" in dialog.error.text()
    click(qtbot, dialog.use_days)
    dialog.days.setValue(30)
    # the form differs from what is stored: no preview or run of a setting not saved
    assert not dialog.preview_button.isEnabled() and dialog.unsaved_hint.isVisible()
    click(qtbot, dialog.save_retention_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.text() == "保存期限设置已保存。")
    assert not dialog.unsaved_hint.isVisible()
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
    shown = dialog.preview_text.toPlainText()
    assert "删除 2020-04-30 之前" in shown and "删除体温记录 2 条（2020-03-02 至 2020-03-02）" in shown
    assert "以上只是预览，尚未删除任何数据。" in shown
    # declined: nothing removed
    click(qtbot, dialog.run_button)
    answer(qtbot, dialog, yes=False)
    qtbot.waitUntil(lambda: dialog.confirm_box is None)
    assert dialog.message.text() == "未执行清理，没有删除任何数据。"
    db = open_database(db_url)
    try:
        assert day_grid(db, OLD).rows[0].morning is not None
    finally:
        db.close()
    click(qtbot, dialog.run_button)
    answer(qtbot, dialog, yes=True)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy and not dialog.loading)
    assert dialog.message.text().startswith("清理完成：删除体温记录 2 条、医学观察 0 条，匿名化 0 人")
    assert "已执行的清理：" in dialog.preview_text.toPlainText() and MANAGER in dialog.preview_text.toPlainText()
    assert not dialog.run_button.isEnabled()  # a new preview comes first
    dialog.reject()
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        assert day_grid(db, OLD).rows[0].morning is None
        assert day_grid(db, RECENT).rows[0].morning is not None
        assert get_settings(db).retention_days == 30 and get_settings(db).fever_threshold_c == 37.5
        with db.session() as session:
            runs = session.scalars(select(RetentionRun)).all()
            changed = session.scalars(
                select(AuditEntry).where(AuditEntry.table_name == "ledger_settings", AuditEntry.actor == MANAGER)
            ).all()
        assert [(r.by, r.removed["readings"]) for r in runs] == [(MANAGER, 2)]
        assert len(changed) == 2  # the threshold, then the retention
    finally:
        db.close()


def test_an_officer_reads_the_settings_but_changes_nothing(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    _registers, dialog = open_settings(qtbot, window)
    assert "当前账户只能查看" in dialog.who.text()
    for widget in (dialog.threshold, dialog.save_threshold_button, dialog.save_retention_button, dialog.preview_button):
        assert not widget.isEnabled()
    assert not dialog.run_button.isEnabled()
    dialog.reject()
    close_window(qtbot, window)


def stored_at(db_url: str, column: Any, moment: dt.datetime) -> None:
    """Set a stored UTC time (``column``: e.g. ``RetentionRun.run_at``) of every row, as if made at ``moment``."""
    db = open_database(db_url)
    try:
        with db.session() as session, session.begin():
            session.execute(update(column.class_).values({column.key: moment}))
    finally:
        db.close()


def test_the_clean_up_log_gives_the_companys_time_and_utc(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    db = open_database(db_url)
    try:
        set_retention(db, MANAGER, 30, None)
        run_retention(db, MANAGER, TODAY)
    finally:
        db.close()
    stored_at(db_url, RetentionRun.run_at, dt.datetime(2026, 12, 1, 6, 26))
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    _registers, dialog = open_settings(qtbot, window)
    shown = dialog.preview_text.toPlainText()
    assert f"2026-12-01 14:26（UTC+8；06:26 UTC） {MANAGER}：" in shown and "（UTC）" not in shown
    dialog.reject()
    close_window(qtbot, window)


def test_consent_and_settings_speak_english(qtbot: QtBot, db_url: str) -> None:
    from desktop.common import i18n
    from desktop.registers.roster import RosterColumn
    from storage.roster import add_employee, record_consent
    from tests.gui.helpers import PASSWORD, click_index, seed_accounts

    i18n.install_language(i18n.ENGLISH)
    seed_accounts(db_url, {"张伟": ("manager", PASSWORD)})
    db = open_database(db_url)
    try:
        person = add_employee(db, "张伟", {"name": "张伟"})
        record_consent(db, "张伟", person, dt.date(2020, 3, 2), "1.0")
        set_retention(db, "张伟", 30, None)
        run_retention(db, "张伟", TODAY)
    finally:
        db.close()
    stored_at(db_url, RetentionRun.run_at, dt.datetime(2026, 12, 1, 6, 26))
    stored_at(db_url, ConsentRecord.recorded_at, dt.datetime(2026, 12, 1, 16, 5))  # 00:05 the next day in Beijing
    window = start_app(qtbot, db_url, "张伟", PASSWORD)
    registers, dialog = open_settings(qtbot, window)
    assert dialog.threshold_note.text().startswith("The fever threshold of 37.3 °C is the usual figure of 2020")
    assert "2026-12-01 14:26 (UTC+8; 06:26 UTC) 张伟: " in dialog.preview_text.toPlainText()
    click(qtbot, dialog.use_over)
    dialog.over_date.setDate(QDate(2020, 5, 1))
    click(qtbot, dialog.save_retention_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.text() == "Retention saved.")
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy)
    assert "· 1 people anonymised" in dialog.preview_text.toPlainText()
    dialog.reject()
    page = registers.roster
    assert str(page.model.index(0, RosterColumn.CONSENT).data()) == "Agreed (version 1.0)"
    click_index(qtbot, page.table, page.model.index(0, RosterColumn.NAME))
    click(qtbot, page.consent_button)
    consent = page.consent_dialog
    assert consent is not None
    qtbot.waitExposed(consent)
    qtbot.waitUntil(lambda: not consent.loading and consent.model.rowCount() == 1)
    assert consent.notice.toPlainText().startswith("Notice on collecting employees' health information")
    assert consent.purpose.text() == "Epidemic control only"
    assert consent.model.headerData(ConsentColumn.RECORDED_AT, Qt.Orientation.Horizontal) == "Recorded at"
    assert str(consent.model.index(0, ConsentColumn.RECORDED_AT).data()) == "2026-12-02 00:05 (UTC+8; 16:05 UTC)"
    consent.reject()
    close_window(qtbot, window)
