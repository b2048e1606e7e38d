"""Signatures that hold up, through the window: a manager adds accounts, the officer completes and signs as
检查人, the manager countersigns; the signed record is read-only, its signatures are listed, exports are the
stored signed files byte for byte and verify, and a correction is a new version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from checklist.evaluation import Result
from desktop.accounts.account import Account
from desktop.editor.signatures import SignatureColumn
from desktop.main_window import MainWindow
from desktop.reports import export as export_action
from export.signing import signatures_of, stored_reports
from storage.companies import list_users
from storage.db import open_database
from storage.inspections import load_inspection
from tests.gui.helpers import (
    answered_inspection,
    click,
    close_window,
    log_in,
    log_out,
    open_row,
    seed_accounts,
    show_summary_tab,
    signed_inspection,
    start_app,
    type_into,
)
from tests.keys import premade_pkcs12

PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020", "赵审计": "zhao-auditor-2020"}
SIGNING = 30000  # ms: rendering and signing the reports takes seconds


def _add_account(qtbot: QtBot, window: MainWindow, name: str, role_steps: int, key_file: Path | None = None) -> None:
    """Account menu → 添加账户: type the name, pick the role with the arrow keys, the password twice."""
    window.add_account_action.trigger()
    dialog = window.account_dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.name_edit, name)
    dialog.role_combo.setFocus()
    for _ in range(role_steps):
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)
    type_into(qtbot, dialog.password_edit, PASSWORDS[name])
    type_into(qtbot, dialog.password_again, PASSWORDS[name])
    type_into(qtbot, dialog.manager_password, PASSWORDS["王经理"])
    if key_file is not None:
        click(qtbot, dialog.key_button)
        assert dialog.key_edit.text() == str(key_file)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.account_dialog is None, timeout=15000)
    assert f"已添加账户：{name}" in window.statusBar().currentMessage()


def _draw(qtbot: QtBot, pad) -> None:  # type: ignore[no-untyped-def]
    """One stroke across the pad with the mouse: press, move, release."""
    points = [QPoint(30, 90), QPoint(90, 40), QPoint(160, 85), QPoint(240, 35), QPoint(320, 70)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def _sign(qtbot: QtBot, window: MainWindow, meaning_text: str, password: str, draw: bool) -> None:
    summary = window.inspection_view.summary
    click(qtbot, summary.sign_button)
    dialog = window.sign_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.meaning_combo.itemText(i) for i in range(dialog.meaning_combo.count())] == [meaning_text]
    assert dialog.statement.text().startswith(f"本人作为{meaning_text[:3]}")
    if draw:
        _draw(qtbot, dialog.pad)
        assert not dialog.pad.is_empty()
        click(qtbot, dialog.clear_button)  # start over
        assert dialog.pad.is_empty()
        _draw(qtbot, dialog.pad)
    # A wrong password signs nothing and says so.
    type_into(qtbot, dialog.password_edit, "not my password")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=SIGNING)
    assert "账户名或密码不正确" in dialog.error.text() and "检查记录没有改变" in dialog.error.text()
    type_into(qtbot, dialog.password_edit, password)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.sign_dialog is None, timeout=SIGNING)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.header.status == "signed")


def _signatures_shown(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.inspection_view.summary.signatures
    return [
        tuple(
            model.index(row, c).data() for c in (SignatureColumn.SIGNER, SignatureColumn.ROLE, SignatureColumn.MEANING)
        )
        for row in range(model.rowCount())
    ]


def _read_only(window: MainWindow) -> None:
    view = window.inspection_view
    view.go_to_item("GN-01")
    page = view.item_page
    assert not any(button.isEnabled() for button in page.result_buttons.values())
    assert not page._fields["checks_per_day"].input.isEnabled()
    assert page.note_edit.isReadOnly() and not page.photos.add_button.isEnabled()
    assert not window.pass_action.isEnabled()


def test_officer_signs_and_manager_countersigns(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_accounts(db_url, {"王经理": ("manager", PASSWORDS["王经理"])}, signing_keys=True)
    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])

    # The manager adds the officer (with a CA-issued key, imported) and an auditor.
    key_file = tmp_path / "zhangwei.p12"
    key_file.write_bytes(premade_pkcs12("张伟", "officer", PASSWORDS["张伟"]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(key_file), "")))
    _add_account(qtbot, window, "张伟", 0, key_file)
    _add_account(qtbot, window, "赵审计", 2)
    db = open_database(db_url)
    try:
        assert [(u.name, u.role) for u in list_users(db)] == [
            ("王经理", "manager"),
            ("张伟", "officer"),
            ("赵审计", "auditor"),
        ]
    finally:
        db.close()

    # The officer logs in and completes an inspection answered in the officer's name.
    log_out(qtbot, window)
    log_in(qtbot, window, "张伟", PASSWORDS["张伟"])
    assert window.user_label.text() == "已登录：张伟（安全员）"
    assert not window.add_account_action.isEnabled()
    inspection_id = answered_inspection(db_url, "张伟")
    window.refresh_action.trigger()
    open_row(qtbot, window, inspection_id)
    show_summary_tab(qtbot, window)
    summary = window.inspection_view.summary
    assert not summary.sign_button.isVisible()  # a draft is completed first
    click(qtbot, summary.complete_button)
    assert window.editor.header.status == "completed"
    assert summary.sign_button.isVisible() and summary.sign_button.isEnabled()
    assert window.sign_action.isEnabled()

    # 签署 as 检查人 with a drawn signature: the record is locked.
    _sign(qtbot, window, "检查人", PASSWORDS["张伟"], draw=True)
    assert _signatures_shown(window) == [("张伟", "安全员", "检查人")]
    assert summary.signatures_box.isVisible()
    assert "等待单位主要负责人审核" in summary.complete_state.text()
    assert not summary.sign_button.isEnabled()  # an officer cannot approve
    _read_only(window)

    # The manager logs in and countersigns as 单位主要负责人审核.
    log_out(qtbot, window)
    log_in(qtbot, window, "王经理", PASSWORDS["王经理"])
    open_row(qtbot, window, inspection_id)
    show_summary_tab(qtbot, window)
    _sign(qtbot, window, "单位主要负责人审核", PASSWORDS["王经理"], draw=False)
    summary = window.inspection_view.summary
    assert _signatures_shown(window) == [
        ("张伟", "安全员", "检查人"),
        ("王经理", "单位主要负责人", "单位主要负责人审核"),
    ]
    model = summary.signatures
    utc = model.index(0, SignatureColumn.UTC).data()
    assert utc.endswith(" UTC")
    # the company's time (UTC+8, as the report prints it), not this computer's zone (UTC on the test machines)
    company = dt.datetime.strptime(utc.removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S") + dt.timedelta(hours=8)
    assert model.index(0, SignatureColumn.LOCAL).data() == f"{company:%Y-%m-%d %H:%M:%S} (UTC+08:00)"
    assert "已签署并经单位主要负责人审核" in summary.complete_state.text()
    assert not summary.sign_button.isEnabled() and not window.sign_action.isEnabled()
    _read_only(window)

    db = open_database(db_url)
    try:
        inspection = load_inspection(db, inspection_id)
        signatures = signatures_of(db, inspection_id)
        stored = stored_reports(db, inspection_id)
    finally:
        db.close()
    assert inspection.status == "signed"
    assert [(s.signer_name, s.meaning) for s in signatures] == [("张伟", "inspector"), ("王经理", "approver")]
    assert signatures[0].image_png is not None and signatures[0].image_png.startswith(b"\x89PNG")
    assert signatures[1].image_png is None
    assert model.index(0, SignatureColumn.HASH).data(Qt.ItemDataRole.ToolTipRole) == inspection.record_hash

    # Export writes the stored signed files, byte for byte.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    window.export_action.trigger()
    dialog = window.findChild(export_action.ExportDialog, "exportDialog")
    assert dialog.language == "zh"  # the interface's language: the signed originals
    dialog.browse_button.click()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=10000)
    window.findChild(QMessageBox, "exportDone").close()
    stem = tmp_path / f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    assert Path(f"{stem}.pdf").read_bytes() == stored["pdf"]
    assert Path(f"{stem}.xlsx").read_bytes() == stored["xlsx"]
    assert Path(f"{stem}.xlsx.p7s").read_bytes() == stored["xlsx.p7s"]

    # 新版本（更正）: a new draft that supersedes the signed one, opened at once.
    show_summary_tab(qtbot, window)
    click(qtbot, summary.correct_button)
    correction = window.correction_dialog
    assert correction is not None and correction.isVisible()
    click(qtbot, correction.ok_button)
    assert correction.isVisible() and "请说明" in correction.error.text()
    type_into(qtbot, correction.reason_edit, "GN-01 测温次数记录有误")
    click(qtbot, correction.ok_button)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.inspection_id != inspection_id)
    editor = window.editor
    assert editor.header.status == "draft" and editor.header.supersedes == inspection_id
    assert editor.editable and window.inspection_view.item_page.result_buttons[Result.PASS].isEnabled()
    close_window(qtbot, window)


def test_exported_signed_pdf_verifies_in_the_audit_view(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = signed_inspection(db_url, PASSWORDS)
    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])
    window.inspections.select_id(inspection_id)
    export_action.export_inspection(window, window.db, inspection_id, folder=tmp_path)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=10000)
    window.findChild(QMessageBox, "exportDone").close()
    stem = tmp_path / f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    pdf = Path(f"{stem}.pdf")

    window.audit_action.trigger()
    audit = window.audit_window
    assert audit is not None and audit.isVisible()
    for path in (pdf, Path(f"{stem}.xlsx")):
        audit.result_lines = []
        audit.verify_path(path)
        qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=SIGNING)
        headline, ok = audit.result_lines[0]
        assert ok is True and headline.startswith(f"{path.name}：签名有效"), audit.result_lines
        lines = audit.result_lines[1:]
        assert len(lines) >= 6 and all(passed is True for _, passed in lines), lines
        assert all(text.startswith("通过  ") for text, _ in lines)  # in the window's language
        assert sum("可追溯到信任锚" in text for text, _ in lines) == 2
        assert any("对记录" in text and text.endswith("的签名验证通过") for text, _ in lines)
    assert "不通过" not in audit.results.toPlainText()
    # An auditor's trust file, chosen in the window, is what the verification then trusts.
    from export.trust import export_trust_file

    export_trust_file(window.db, tmp_path / "trust.pem")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(tmp_path / "trust.pem"), ""))
    click(qtbot, audit.trust_button)
    assert audit.trust_file == tmp_path / "trust.pem" and "trust.pem" in audit.trust_button.text()
    audit.result_lines = []
    audit.verify_path(pdf)
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=SIGNING)
    assert audit.result_lines[0][1] is True, audit.result_lines
    assert any("信任文件 trust.pem" in text for text, _ in audit.result_lines[1:]), audit.result_lines
    close_window(qtbot, window)


def test_the_choice_of_meanings_follows_role_and_state() -> None:
    from checklist.workflow import signable_meanings

    assert signable_meanings("officer", "draft", set()) == []
    assert signable_meanings("officer", "completed", set()) == ["inspector"]
    assert signable_meanings("manager", "completed", set()) == ["inspector"]
    assert signable_meanings("auditor", "completed", set()) == []
    assert signable_meanings("officer", "signed", {"inspector"}) == []
    assert signable_meanings("manager", "signed", {"inspector"}) == ["approver"]
    assert signable_meanings("manager", "signed", {"inspector", "approver"}) == []
    assert Account("赵审计", "auditor").can_edit is False
