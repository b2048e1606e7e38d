"""花名册's personal-data side driven like a user: the consent column marks who has not agreed to the notice in
force, the consent dialog shows the notice and records a consent (refused in words for a future day, audited),
an auditor reads but records nothing; and the filter by post and by the Beijing logistics categories."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.common.dates import company_qdate
from desktop.registers.consent import ConsentColumn, ConsentDialog
from desktop.registers.roster import CONSENT_MISSING_CSS, RosterColumn, RosterPage
from storage.db import open_database
from storage.ledger_models import ConsentRecord
from storage.models import AuditEntry
from storage.roster import record_consent
from tests.gui.helpers import choose_in_combo, click, click_index, close_window, start_app
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_ledger_settings import stored_at
from tests.gui.registers.test_roster import cell, open_registers, row_of
from tests.storage.helpers import audit_entries


def open_consent(qtbot: QtBot, page: RosterPage, name: str) -> ConsentDialog:
    click_index(qtbot, page.table, page.model.index(row_of(page, name), RosterColumn.NAME))
    assert page.consent_button.isEnabled()
    click(qtbot, page.consent_button)
    dialog = page.consent_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)
    return dialog


def test_consent_is_marked_shown_and_recorded(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    zhang = row_of(page, "张三")
    assert cell(page, zhang, RosterColumn.CONSENT) == "未同意"
    marked = page.model.index(zhang, RosterColumn.CONSENT).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(marked, QColor) and marked == QColor(CONSENT_MISSING_CSS)
    assert not page.consent_button.isEnabled()  # nobody chosen yet

    dialog = open_consent(qtbot, page, "张三")
    assert dialog.summary.text() == "尚未登记同意：请出示告知书，本人同意后登记。"
    assert dialog.version.currentText() == "1.0" and dialog.purpose.text() == "仅用于本次疫情防控"
    assert "仅用于本次新冠肺炎疫情防控" in dialog.notice.toPlainText()
    # a day ahead of today is refused by the core, in words, and nothing is stored
    dialog.date_edit.setDate(company_qdate().addDays(1))  # the company's tomorrow, whatever this computer's zone
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "同意日期" in dialog.error.text() and "晚于今天" in dialog.error.text()
    assert dialog.model.rowCount() == 0
    # a version the product holds no text of is said so, and can still be recorded by its version
    dialog.version.setEditText("企业2020-1")
    assert "没有 企业2020-1 版告知书的文本" in dialog.notice.toPlainText()
    dialog.version.setEditText("1.0")
    dialog.date_edit.setDate(QDate(2020, 3, 2))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.recorded and not dialog.loading and dialog.model.rowCount() == 1)
    assert str(dialog.model.index(0, ConsentColumn.DATE).data()) == "2020-03-02"
    assert str(dialog.model.index(0, ConsentColumn.PURPOSE).data()) == "仅用于本次疫情防控"
    assert dialog.summary.text() == "已登记 1 条同意记录，最近一次：2020-03-02，1.0 版。"
    # the same version again corrects the day: still one record
    dialog.date_edit.setDate(QDate(2020, 3, 3))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy and not dialog.loading and "2020-03-03" in dialog.summary.text())
    assert dialog.model.rowCount() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.consent_dialog is None and not page.loading)
    assert cell(page, row_of(page, "张三"), RosterColumn.CONSENT) == "已同意（1.0 版）"
    assert page.model.index(row_of(page, "张三"), RosterColumn.CONSENT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.message.text() == "已登记 张三 的个人信息收集同意。"
    # who has not agreed yet, at a glance
    click(qtbot, page.consent_filter)
    qtbot.waitUntil(lambda: page.total == 2 and not page.loading)
    assert sorted(cell(page, r, RosterColumn.NAME) for r in range(2)) == ["李四", "王五"]
    # the notice itself, without choosing anyone
    click(qtbot, page.notice_button)
    notice = page.notice_dialog
    assert notice is not None
    qtbot.waitExposed(notice)
    assert "第二十八条、第二十九条" in notice.text.toPlainText() and notice.text.isReadOnly()
    notice.reject()
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        trail = audit_entries(db, AuditEntry.table_name == "consent_records")
    finally:
        db.close()
    assert [(e.actor, e.action) for e in trail] == [(OFFICER, "insert"), (OFFICER, "update")]
    assert trail[0].new is not None and trail[0].new["employee_id"] == ids["张三"]
    assert trail[1].new is not None and trail[1].new["consented_on"] == "2020-03-03"


def test_an_auditor_reads_consent_but_records_none(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        record_consent(db, OFFICER, ids["李四"], dt.date(2020, 2, 20), "1.0")
    finally:
        db.close()
    stored_at(db_url, ConsentRecord.recorded_at, dt.datetime(2026, 12, 1, 6, 26))
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    page = open_registers(qtbot, window).roster
    assert cell(page, row_of(page, "李四"), RosterColumn.CONSENT) == "已同意（1.0 版）"
    dialog = open_consent(qtbot, page, "李四")
    assert dialog.model.rowCount() == 1 and str(dialog.model.index(0, ConsentColumn.RECORDED_BY).data()) == OFFICER
    # when it was recorded: the company's time, with UTC beside it (as the signed days say it)
    assert dialog.model.headerData(ConsentColumn.RECORDED_AT, Qt.Orientation.Horizontal) == "登记时间"
    assert str(dialog.model.index(0, ConsentColumn.RECORDED_AT).data()) == "2026-12-01 14:26（UTC+8；06:26 UTC）"
    assert not dialog.save_button.isEnabled() and not dialog.date_edit.isEnabled()
    dialog.reject()
    close_window(qtbot, window)


def test_the_roster_filters_by_post_and_logistics_category(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url, extra=3)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    assert page.total == 6
    choose_in_combo(qtbot, page.post_filter, "后勤人员（保洁、保安、物业、食堂、维修维护）")
    qtbot.waitUntil(lambda: page.total == 1 and not page.loading)
    assert cell(page, 0, RosterColumn.NAME) == "李四"
    choose_in_combo(qtbot, page.post_filter, "人员类别：保洁")
    qtbot.waitUntil(lambda: page.total == 0 and not page.loading)
    assert page.page_label.text() == "没有符合条件的人员。"
    choose_in_combo(qtbot, page.post_filter, "岗位：操作工")  # the posts on the roster are offered too
    qtbot.waitUntil(lambda: page.total == 1 and not page.loading)
    assert cell(page, 0, RosterColumn.NAME) == "张三"
    choose_in_combo(qtbot, page.post_filter, "人员类别：其他")
    qtbot.waitUntil(lambda: page.total == 5 and not page.loading)
    choose_in_combo(qtbot, page.status_filter, "居家观察")  # the filters combine
    qtbot.waitUntil(lambda: page.total == 1 and not page.loading)
    assert cell(page, 0, RosterColumn.NAME) == "王五"
    close_window(qtbot, window)
