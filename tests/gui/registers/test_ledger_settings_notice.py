"""台账设置's notice in force, driven like a user: the manager puts version 10 in force after staff consented to 9
and 10 (a text comparison would call 9 the later one), a text that is not a version is refused in words and
nothing changes; the change is audited old → new; the roster then marks who must consent again, and shows the
company's own notice text. An officer sees the notice read-only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.registers.roster import RosterColumn
from storage.db import open_database
from storage.models import AuditEntry
from storage.roster import current_notice, record_consent
from tests.gui.helpers import click, close_window, start_app, type_into
from tests.gui.registers.seed import MANAGER, OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_ledger_settings import open_settings
from tests.gui.registers.test_roster import cell, row_of

OWN_TEXT = "见《员工手册》第 5 章（2020 年 3 月版）"


def test_the_manager_puts_a_later_notice_in_force(qtbot: QtBot, db_url: str) -> None:
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        record_consent(db, OFFICER, ids["张三"], dt.date(2020, 3, 2), "9")
        record_consent(db, OFFICER, ids["李四"], dt.date(2020, 3, 2), "10")
    finally:
        db.close()
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers, dialog = open_settings(qtbot, window)
    assert dialog.notice_version.text() == "1.0" and not dialog.notice_version.isReadOnly()
    assert dialog.notice_status.text().startswith("现行 1.0 版。1 人尚未同意现行版本")  # 王五 only

    dialog.notice_version.selectAll()
    type_into(qtbot, dialog.notice_version, "第十版")
    click(qtbot, dialog.save_notice_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.busy)
    assert dialog.error.text().startswith("告知书版本“第十版”不是版本号：请写以点或连字符分隔的数字")
    assert "没有修改任何数据" in dialog.error.text()

    dialog.notice_version.selectAll()
    type_into(qtbot, dialog.notice_version, "10")
    type_into(qtbot, dialog.notice_text, OWN_TEXT)
    click(qtbot, dialog.save_notice_button)
    qtbot.waitUntil(lambda: not dialog.busy and "改为 10 版" in dialog.message.text())
    assert dialog.message.text() == "现行告知书已由 1.0 版改为 10 版。"
    assert dialog.notice_status.text().startswith("现行 10 版。2 人尚未同意现行版本")  # 张三 (9) and 王五
    assert "体温登记不受影响" in dialog.notice_status.text()
    db = open_database(db_url)
    try:
        assert current_notice(db).version == "10" and current_notice(db).text == OWN_TEXT
        with db.session() as session:
            entry = session.scalars(
                select(AuditEntry).where(AuditEntry.table_name == "ledger_settings").order_by(AuditEntry.id.desc())
            ).first()
        assert entry is not None and entry.actor == MANAGER
        assert entry.old is not None and entry.old["notice_version"] == "1.0"
        assert entry.new is not None and entry.new["notice_version"] == "10"
    finally:
        db.close()
    dialog.reject()

    page = registers.roster
    qtbot.waitUntil(lambda: not page.loading and page.model.notice_version == "10")
    assert cell(page, row_of(page, "张三"), RosterColumn.CONSENT) == "9 版，需重新同意现行 10 版"
    assert cell(page, row_of(page, "李四"), RosterColumn.CONSENT) == "已同意（10 版）"
    tip = page.model.index(row_of(page, "张三"), RosterColumn.CONSENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "现行 10 版" in str(tip)
    click(qtbot, page.notice_button)
    notice = page.notice_dialog
    assert notice is not None
    qtbot.waitExposed(notice)
    assert notice.text.toPlainText() == OWN_TEXT and "10 版" in notice.windowTitle()
    notice.reject()
    close_window(qtbot, window)


def test_an_officer_sees_the_notice_but_cannot_change_it(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    _registers, dialog = open_settings(qtbot, window)
    assert dialog.notice_version.text() == "1.0" and dialog.notice_version.isReadOnly()
    assert dialog.notice_text.isReadOnly() and not dialog.save_notice_button.isEnabled()
    assert dialog.notice_status.text().startswith("现行 1.0 版。3 人尚未同意现行版本")
    dialog.reject()
    close_window(qtbot, window)
