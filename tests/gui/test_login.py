"""Accounts in the window: the first run creates the manager; afterwards nothing opens without a login."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.accounts.account import Account
from desktop.accounts.login import LoginDialog
from desktop.app import FugongApp
from desktop.common.settings import set_last_user_name
from storage.companies import list_users
from storage.db import open_database
from tests.conftest import SteppedClock
from tests.gui.helpers import (
    VALID_CREDIT_CODE,
    click,
    close_window,
    log_in,
    log_out,
    refused_login,
    seed_accounts,
    start_app,
    type_into,
)

MANAGER_PASSWORD = "wang-manager-2020"


def _retype(qtbot: QtBot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_into(qtbot, edit, text)


def test_first_run_creates_the_manager_and_then_asks_for_a_login(
    qtbot: QtBot, db_url: str, login_clock: SteppedClock
) -> None:
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

    # Two more wrong passwords use up the free attempts; the next try meets the back-off, in words, with the
    # button disabled while it lasts. The back-off's clock stands still, so the wait is exactly 1 s.
    for _ in range(2):
        type_into(qtbot, login.password_edit, "wrong again")
        click(qtbot, login.ok_button)
        qtbot.waitUntil(lambda: not login.busy and login.ok_button.isEnabled())
        assert login.error.text() == "账户名或密码不正确。"
    type_into(qtbot, login.password_edit, MANAGER_PASSWORD)
    click(qtbot, login.ok_button)
    qtbot.waitUntil(lambda: not login.busy and not login.ok_button.isEnabled())
    assert "密码错误次数过多，请等 1 秒后再试" in login.error.text(), login.error.text()
    assert window.account is None and login.isVisible()
    login_clock.advance(1)
    qtbot.waitUntil(lambda: login.ok_button.isEnabled(), timeout=5000)  # the dialog counts the second down
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


def test_the_login_form_opens_before_the_database_and_waits_for_it(qtbot: QtBot, db_url: str) -> None:
    """An ordinary day: someone logged in here before, so the login form is up at once and the password is
    typed while the database opens; a login asked for before it is open goes ahead when it is."""
    seed_accounts(db_url, {"王经理": ("manager", MANAGER_PASSWORD)})
    set_last_user_name("王经理")
    app = FugongApp(db_url)
    window = app.start()
    window._test_app = app  # type: ignore[attr-defined]
    login = window.login_dialog
    assert login is not None and login.isVisible()
    assert window.db is None and not window.loaded  # nothing of the database yet
    assert login.name_edit.text() == "王经理" and login.focusWidget() is login.password_edit
    assert window.stack.currentWidget() is window.locked

    type_into(qtbot, login.password_edit, MANAGER_PASSWORD)
    assert not window.loaded
    qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)  # Enter logs in, as the default button
    assert login.waiting and not login.busy
    assert not login.ok_button.isEnabled() and login.ok_button.text() == "正在打开数据库……"

    qtbot.waitUntil(lambda: window.account is not None, timeout=20000)
    assert window.account == Account("王经理", "manager")
    assert window.login_dialog is None and window.stack.currentWidget() is window.inspections
    close_window(qtbot, window)


def test_a_database_that_cannot_open_closes_the_early_login_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    not_a_database = tmp_path / "fugong.sqlite3"
    not_a_database.write_bytes(b"this is not an SQLite database" * 100)
    set_last_user_name("王经理")
    app = FugongApp(f"sqlite:///{not_a_database}")
    window = app.start()
    window._test_app = app  # type: ignore[attr-defined]
    login = window.login_dialog
    assert login is not None and login.isVisible()
    type_into(qtbot, login.password_edit, MANAGER_PASSWORD)
    click(qtbot, login.ok_button)

    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)), timeout=20000)
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "无法打开数据库" in box.text() and "没有修改任何数据" in box.informativeText() + box.text()
    assert window.login_dialog is None
    assert not any(dialog.isVisible() for dialog in window.findChildren(LoginDialog))
    assert window.isVisible()  # the error is said; the window did not just vanish
    assert window.stack.currentWidget() is window.locked and "无法打开数据库" in window.locked.message.text()
    assert not_a_database.read_bytes() == b"this is not an SQLite database" * 100  # left as it was
    box.close()
    close_window(qtbot, window)


def test_changing_ones_password_in_the_account_menu(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", MANAGER_PASSWORD)}, signing_keys=True)
    window = start_app(qtbot, db_url, user="王经理", password=MANAGER_PASSWORD)
    assert window.password_action.isEnabled()
    window.password_action.trigger()
    dialog = window.password_dialog
    assert dialog is not None and dialog.isVisible()

    type_into(qtbot, dialog.current_edit, MANAGER_PASSWORD)
    type_into(qtbot, dialog.new_edit, "wang-new-2021")
    type_into(qtbot, dialog.again_edit, "wang-new-2022")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.text() == "两次输入的新密码不一致。"

    dialog.current_edit.clear()
    type_into(qtbot, dialog.current_edit, "not the password")
    _retype(qtbot, dialog.again_edit, "wang-new-2021")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=20000)
    assert dialog.error.text() == "密码未能修改：账户名或密码不正确。"
    assert dialog.current_edit.text() == "" and dialog.new_edit.text() == "wang-new-2021"  # kept

    type_into(qtbot, dialog.current_edit, MANAGER_PASSWORD)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.password_dialog is None, timeout=20000)
    assert window.statusBar().currentMessage() == "密码已修改。"

    log_out(qtbot, window)
    assert refused_login(qtbot, window, "王经理", MANAGER_PASSWORD) == "账户名或密码不正确。"
    log_in(qtbot, window, "王经理", "wang-new-2021")
    close_window(qtbot, window)


def test_a_remembered_login_on_a_new_database_gives_way_to_the_first_run_setup(qtbot: QtBot, db_url: str) -> None:
    set_last_user_name("王经理")  # someone logged in on this computer, but this database has no accounts
    window = start_app(qtbot, db_url, user=None)
    assert window.login_dialog is None
    assert not any(dialog.isVisible() for dialog in window.findChildren(LoginDialog))
    assert window.setup_dialog is not None and window.setup_dialog.isVisible()
    assert window.setup_dialog.manager_note.isVisible()  # it will create the first account, a manager
    close_window(qtbot, window)
