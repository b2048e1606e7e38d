"""Roles: an auditor's session is read-only everywhere, and the service layer refuses an auditor's change even
by a direct call; a refused save is said in words and what was typed stays on screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checklist.evaluation import Answer, Result
from storage.db import open_database
from storage.errors import PermissionDeniedError
from storage.inspections import load_inspection, save_answer
from tests.gui.helpers import (
    click,
    click_index,
    close_window,
    completed_inspection,
    log_out,
    open_row,
    refused_login,
    seed_accounts,
    seed_inspection,
    show_summary_tab,
    start_app,
    type_into,
)

ACCOUNTS = {
    "王经理": ("manager", "wang-manager-2020"),
    "张伟": ("officer", "zhang-officer-2020"),
    "赵审计": ("auditor", "zhao-auditor-2020"),
}


def test_an_auditor_sees_everything_and_changes_nothing(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, ACCOUNTS)
    draft = seed_inspection(db_url, officer="王经理")
    window = start_app(qtbot, db_url, user="赵审计", password=ACCOUNTS["赵审计"][1])
    assert window.user_label.text() == "已登录：赵审计（审计员）"
    assert not window.new_action.isEnabled() and not window.add_account_action.isEnabled()
    assert window.audit_action.isEnabled() and window.export_action.isEnabled() is False  # nothing selected yet

    open_row(qtbot, window, draft)
    view = window.inspection_view
    editor = view.editor
    assert editor.read_only and not editor.editable and editor.actor == "赵审计"
    page = view.item_page
    for item_id in ("GN-01", "GN-07"):
        view.go_to_item(item_id)
        assert not any(button.isEnabled() for button in page.result_buttons.values())
        assert all(not field.input.isEnabled() for field in page._fields.values())
        assert not page.override_edit.isEnabled() and page.note_edit.isReadOnly()
        assert not page.photos.add_button.isEnabled() and not page.action_button.isEnabled()
    assert not page.rooms.add_button.isEnabled()
    assert not window.pass_action.isEnabled() and window.export_action.isEnabled()
    show_summary_tab(qtbot, window)
    summary = view.summary
    assert not summary.complete_button.isEnabled()
    assert summary.complete_state.text() == "您的账户只能查看，不能修改检查记录。"
    assert not window.sign_action.isEnabled()
    close_window(qtbot, window)

    # The real enforcement: the service layer refuses the auditor whatever the window shows.
    db = open_database(db_url)
    try:
        version = load_inspection(db, draft).version
        with pytest.raises(PermissionDeniedError, match="赵审计 is auditor: not allowed"):
            save_answer(db, "赵审计", draft, version, "GN-02", Answer(Result.FAIL))
        assert load_inspection(db, draft).version == version
    finally:
        db.close()


def test_an_auditor_cannot_sign_a_completed_inspection(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, ACCOUNTS)
    inspection_id = completed_inspection(db_url, "张伟")
    window = start_app(qtbot, db_url, user="赵审计", password=ACCOUNTS["赵审计"][1])
    open_row(qtbot, window, inspection_id)
    show_summary_tab(qtbot, window)
    summary = window.inspection_view.summary
    assert summary.sign_button.isVisible() and not summary.sign_button.isEnabled()
    assert not window.sign_action.isEnabled()
    close_window(qtbot, window)


def test_a_refused_save_is_said_in_words_and_the_typing_stays(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, ACCOUNTS)
    draft = seed_inspection(db_url, officer="张伟")
    window = start_app(qtbot, db_url, user="张伟", password=ACCOUNTS["张伟"][1])
    open_row(qtbot, window, draft)
    view = window.inspection_view
    page = view.item_page
    # Meanwhile a manager made this account an auditor (another computer, the same database).
    database = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(Path(database)) as connection:
        connection.execute("UPDATE users SET role = 'auditor' WHERE name = '张伟'")
    type_into(qtbot, page.note_edit, "抽查 3 人")
    click(qtbot, page.result_buttons[Result.PASS])
    qtbot.waitUntil(lambda: not view.editor.saving)  # written (and refused) in the background
    boxes = [b for b in view.findChildren(QMessageBox) if b.objectName() == "permissionBox"]
    assert boxes, "the refusal is reported"
    assert boxes[0].text() == "您的账户无权修改这次检查，刚才的填写没有保存。"
    assert "张伟（审计员）无权进行此操作" in boxes[0].informativeText()
    assert "填写的内容仍显示在窗口中" in boxes[0].informativeText()
    assert page.note_edit.toPlainText() == "抽查 3 人"  # still on screen
    assert page.result_buttons[Result.PASS].isChecked()
    assert view.editor.has_pending
    boxes[0].accept()
    db = open_database(db_url)
    try:
        saved = {r.item_id: r for r in load_inspection(db, draft).responses}
    finally:
        db.close()
    assert saved["GN-01"].note == "" and saved["GN-01"].result is None
    view.editor._pending_items.clear()  # the test is over: do not ask about unsaved typing on close
    close_window(qtbot, window)


def test_a_manager_disables_an_account_in_the_account_menu(qtbot: QtBot, db_url: str) -> None:
    from desktop.accounts.manage import AccountColumn

    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张三": ("officer", "zhang-officer-2020")})
    window = start_app(qtbot, db_url, user="王经理", password="wang-manager-2020")
    assert window.manage_accounts_action.isEnabled()
    window.manage_accounts_action.trigger()
    dialog = window.accounts_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert [model.index(r, AccountColumn.STATE).data() for r in range(2)] == ["可用", "可用"]

    click_index(qtbot, dialog.table, model.index(0, AccountColumn.NAME))  # 王经理: oneself
    assert dialog.selected() is not None and dialog.selected().name == "王经理"
    assert not dialog.disable_button.isEnabled() and not dialog.enable_button.isEnabled()
    click_index(qtbot, dialog.table, model.index(1, AccountColumn.NAME))
    assert not dialog.disable_button.isEnabled()  # the manager's password first
    type_into(qtbot, dialog.password_edit, "wang-manager-2020")
    click(qtbot, dialog.disable_button)
    qtbot.waitUntil(lambda: dialog.status.text() == "已停用账户：张三", timeout=10000)
    assert dialog.password_edit.text() == ""
    qtbot.waitUntil(lambda: model.index(1, AccountColumn.STATE).data() == "已停用")
    assert not dialog.enable_button.isEnabled()  # the password is asked for again
    type_into(qtbot, dialog.password_edit, "wang-manager-2020")
    assert dialog.enable_button.isEnabled() and not dialog.disable_button.isEnabled()  # still selected
    dialog.close()
    qtbot.waitUntil(lambda: window.accounts_dialog is None)

    log_out(qtbot, window)
    assert refused_login(qtbot, window, "张三", "zhang-officer-2020") == "账户“张三”已停用，请联系单位主要负责人"
    close_window(qtbot, window)


def test_a_manager_promotes_an_officer_who_then_holds_the_authority_key(qtbot: QtBot, db_url: str) -> None:
    """The role change in the accounts window: a wrong password is said and changes nothing; with the right one
    张三 becomes a manager with a pending grant of the authority key, claimed when 张三 next logs in."""
    from sqlalchemy import select

    from desktop.accounts.manage import AccountColumn
    from storage.models import AuthorityGrant, AuthorityKey

    seed_accounts(
        db_url,
        {"王经理": ("manager", "wang-manager-2020"), "张三": ("officer", "zhang-officer-2020")},
        signing_keys=True,
    )
    window = start_app(qtbot, db_url, user="王经理", password="wang-manager-2020")
    window.manage_accounts_action.trigger()
    dialog = window.accounts_dialog
    assert dialog is not None
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    click_index(qtbot, dialog.table, model.index(0, AccountColumn.NAME))  # oneself: no role change
    type_into(qtbot, dialog.password_edit, "wrong-password")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("officer"))
    assert not dialog.role_button.isEnabled()
    click_index(qtbot, dialog.table, model.index(1, AccountColumn.NAME))
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("manager"))
    click(qtbot, dialog.role_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=15000)
    assert dialog.error.text() == "账户未能修改：账户名或密码不正确", dialog.error.text()
    dialog.password_edit.clear()
    type_into(qtbot, dialog.password_edit, "wang-manager-2020")
    click(qtbot, dialog.role_button)
    qtbot.waitUntil(lambda: dialog.status.text() == "张三 的角色已改为：单位主要负责人", timeout=20000)
    qtbot.waitUntil(lambda: model.index(1, AccountColumn.ROLE).data() == "单位主要负责人")
    db = open_database(db_url)
    try:
        with db.session() as session:
            assert len(session.scalars(select(AuthorityGrant)).all()) == 1
    finally:
        db.close()
    dialog.close()
    qtbot.waitUntil(lambda: window.accounts_dialog is None)
    log_out(qtbot, window)
    close_window(qtbot, window)

    window = start_app(qtbot, db_url, user="张三", password="zhang-officer-2020")
    assert window.manage_accounts_action.isEnabled()
    db = open_database(db_url)
    try:
        with db.session() as session:
            assert not session.scalars(select(AuthorityGrant)).all()
            assert len(session.scalars(select(AuthorityKey)).all()) == 2  # 王经理's and now 张三's
    finally:
        db.close()
    close_window(qtbot, window)


def test_an_officer_has_no_account_management(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张三": ("officer", "zhang-officer-2020")})
    window = start_app(qtbot, db_url, user="张三", password="zhang-officer-2020")
    assert not window.manage_accounts_action.isEnabled() and window.password_action.isEnabled()
    close_window(qtbot, window)
