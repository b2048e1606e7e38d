"""Accounts in the window: the first run creates the manager; afterwards nothing opens without a login."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.accounts import Account
from storage.db import open_database
from storage.service import list_users
from tests.gui.helpers import (
    VALID_CREDIT_CODE,
    click,
    close_window,
    seed_accounts,
    start_app,
    type_into,
)

MANAGER_PASSWORD = "wang-manager-2020"


def _retype(qtbot: QtBot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_into(qtbot, edit, text)


def test_first_run_creates_the_manager_and_then_asks_for_a_login(qtbot: QtBot, db_url: str) -> None:
    window = start_app(qtbot, db_url)
    dialog = window.setup_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.stack.currentWidget() is window.locked and not window.new_action.isEnabled()
    assert dialog.manager_note.isVisible() and "单位主要负责人（管理员）" in dialog.manager_note.text()
    type_into(qtbot, dialog.name_edit, "北京示例制造有限公司")
    type_into(qtbot, dialog.code_edit, VALID_CREDIT_CODE)
    type_into(qtbot, dialog.site_edit, "一号厂区")
    type_into(qtbot, dialog.officer_edit, "王经理")
    type_into(qtbot, dialog.password_edit, "short")
    type_into(qtbot, dialog.password_again, "short")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "至少需要 8 个字符" in dialog.error.text()
    _retype(qtbot, dialog.password_edit, MANAGER_PASSWORD)
    _retype(qtbot, dialog.password_again, MANAGER_PASSWORD + "x")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "两次输入的密码不一致" in dialog.error.text()
    _retype(qtbot, dialog.password_again, MANAGER_PASSWORD)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.setup_dialog is None, timeout=15000)

    assert window.account == Account("王经理", "manager")
    assert window.user_label.text() == "已登录：王经理（单位主要负责人）"
    assert window.stack.currentWidget() is window.inspections
    assert window.new_action.isEnabled() and window.add_account_action.isEnabled()
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        users = list_users(db)
    finally:
        db.close()
    assert [(u.name, u.role) for u in users] == [("王经理", "manager")]
    assert users[0].certificate_pem and users[0].pkcs12  # a signing key of its own
    assert MANAGER_PASSWORD not in users[0].password_hash

    # Restart: the login dialog, and nothing of the data behind it.
    window = start_app(qtbot, db_url, user=None)
    login = window.login_dialog
    assert login is not None and login.isVisible() and window.setup_dialog is None
    assert window.stack.currentWidget() is window.locked
    assert window.inspections.model.rowCount() == 0
    assert not window.new_action.isEnabled() and not window.audit_action.isEnabled()
    assert login.name_edit.text() == "王经理"  # the last account is filled in, never the password
    assert window.user_label.text() == "未登录"

    # A wrong password: said in words; the app does not open.
    type_into(qtbot, login.password_edit, "wrong password")
    click(qtbot, login.ok_button)
    qtbot.waitUntil(lambda: login.error.isVisible() and not login.busy)
    assert login.error.text() == "账户名或密码不正确。"
    assert login.isVisible() and window.account is None and window.stack.currentWidget() is window.locked
    assert login.password_edit.text() == ""

    # More wrong passwords: the back-off, in words, with the button disabled while it lasts.
    for _ in range(6):
        type_into(qtbot, login.password_edit, "wrong again")
        click(qtbot, login.ok_button)
        qtbot.waitUntil(lambda: not login.busy)
        if "秒后再试" in login.error.text():
            break
    assert "密码错误次数过多，请等" in login.error.text() and "秒后再试" in login.error.text()
    assert not login.ok_button.isEnabled()
    assert window.account is None
    qtbot.waitUntil(lambda: login.ok_button.isEnabled(), timeout=40000)
    assert login.error.text() == "现在可以再试一次。"

    # The right password opens it.
    type_into(qtbot, login.password_edit, MANAGER_PASSWORD)
    click(qtbot, login.ok_button)
    qtbot.waitUntil(lambda: window.account is not None, timeout=10000)
    assert window.account == Account("王经理", "manager")
    assert window.login_dialog is None and window.stack.currentWidget() is window.inspections
    assert window.has_company and window.new_action.isEnabled()
    close_window(qtbot, window)


def test_cancelling_the_login_quits(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", MANAGER_PASSWORD)})
    window = start_app(qtbot, db_url, user=None)
    login = window.login_dialog
    assert login is not None and login.isVisible()
    qtbot.keyClick(login, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.account is None
    if window.db is not None:
        window.db.close()


def test_log_out_hides_everything_and_asks_again(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", MANAGER_PASSWORD)})
    window = start_app(qtbot, db_url, user="王经理", password=MANAGER_PASSWORD)
    assert window.stack.currentWidget() is window.inspections
    window.logout_action.trigger()
    login = window.login_dialog
    assert login is not None and login.isVisible()
    assert window.account is None and window.user_label.text() == "未登录"
    assert window.stack.currentWidget() is window.locked and window.inspections.model.rowCount() == 0
    type_into(qtbot, login.password_edit, MANAGER_PASSWORD)
    click(qtbot, login.ok_button)
    qtbot.waitUntil(lambda: window.account is not None, timeout=10000)
    assert window.stack.currentWidget() is window.inspections
    close_window(qtbot, window)
