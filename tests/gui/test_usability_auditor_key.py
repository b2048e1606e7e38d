"""添加账户 for an auditor (docs/usability.md #9): the dialog offers no key file for a role that signs nothing
(the core's ``role_signs``), the account is made without a signing key, and the auditor then logs in and
opens 审计."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from storage.auth import get_user
from storage.db import open_database
from tests.gui.helpers import (
    click,
    close_window,
    log_in,
    log_out,
    seed_accounts,
    show_audit,
    start_app,
    type_into,
)

PASSWORDS = {"王经理": "wang-manager-2020", "赵审计": "zhao-auditor-2020"}


def test_an_auditor_is_added_without_a_signing_key(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_accounts(db_url, {"王经理": ("manager", PASSWORDS["王经理"])}, signing_keys=True)
    key_file = tmp_path / "ca.p12"
    key_file.write_bytes(b"not used")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(key_file), ""))
    window = start_app(qtbot, db_url, "王经理", PASSWORDS["王经理"])
    window.add_account_action.trigger()
    dialog = window.account_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.key_button.isEnabled()  # an officer (the first role) signs: a key file may be imported
    click(qtbot, dialog.key_button)
    assert dialog.key_edit.text() == str(key_file)
    type_into(qtbot, dialog.name_edit, "赵审计")
    dialog.role_combo.setFocus()
    for _ in range(2):
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)
    assert dialog.role_combo.currentData() == "auditor"
    assert not dialog.key_button.isEnabled() and not dialog.key_edit.isEnabled()
    assert dialog.key_edit.text() == "" and dialog.key_edit.placeholderText() == "审计员不签署，不需要签名密钥"
    type_into(qtbot, dialog.password_edit, PASSWORDS["赵审计"])
    type_into(qtbot, dialog.password_again, PASSWORDS["赵审计"])
    type_into(qtbot, dialog.manager_password, PASSWORDS["王经理"])
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.account_dialog is None, timeout=15000)
    assert "已添加账户：赵审计" in window.statusBar().currentMessage()
    db = open_database(db_url)
    try:
        auditor = get_user(db, "赵审计")
        assert auditor.role == "auditor" and auditor.pkcs12 is None and auditor.certificate_pem == ""
    finally:
        db.close()

    log_out(qtbot, window)
    log_in(qtbot, window, "赵审计", PASSWORDS["赵审计"])
    audit = show_audit(qtbot, window)
    audit.result_lines = []
    click(qtbot, audit.chain_button)
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=10000)
    assert audit.result_lines[0][1] is True
    close_window(qtbot, window)
