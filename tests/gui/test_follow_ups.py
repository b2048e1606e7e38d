"""整改跟进 through the window: on a signed inspection the officer records that a corrective action was done,
the manager verifies it, an auditor sees the history without a button; the signed record does not change. In a
draft, the same list changes the action itself."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checklist.company import company_today
from checklist.workflow import draft_action_choices, follow_up_choices
from desktop.common.dates import company_qdate
from desktop.editor.actions import (
    ActionColumn,
    ActionRow,
    CorrectiveActionsModel,
    FollowUpDialog,
    HistoryLine,
    action_rows,
)
from desktop.editor.inspection import ActionInfo, FollowUpInfo
from desktop.editor.summary import SummaryPage
from desktop.main_window import MainWindow
from storage import actions, inspections, verification
from storage.db import open_database
from storage.errors import KnownError
from tests.gui.helpers import (
    answered_inspection,
    choose_in_combo,
    click,
    click_index,
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

PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020", "赵审计": "zhao-auditor-2020"}
DONE_NOTE = "宿舍门口设测温点，上下午各测一次"
VERIFIED_NOTE = "到现场查看体温登记表，每天两次均有记录"


def _signed_inspection(db_url: str) -> int:
    """A manager, an officer (both with signing keys) and an auditor; an inspection by the officer whose GN-01
    failed with one corrective action, completed, signed by the officer and approved by the manager."""
    return signed_inspection(db_url, PASSWORDS, auditor=("赵审计", PASSWORDS["赵审计"]))


def _open_summary(qtbot: QtBot, window: MainWindow, inspection_id: int) -> SummaryPage:
    open_row(qtbot, window, inspection_id)
    show_summary_tab(qtbot, window)
    return window.inspection_view.summary


def _shown(summary: SummaryPage) -> list[tuple[str, str, list[str]]]:
    """(item, status, history lines) of every action, as the list shows them."""
    model = summary.actions_model
    shown = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        history = [model.index(line, 0, parent).data() for line in range(model.rowCount(parent))]
        for line in range(model.rowCount(parent)):
            assert summary.actions_view.isFirstColumnSpanned(line, parent)
        assert summary.actions_view.isExpanded(parent)
        shown.append(
            (model.index(row, ActionColumn.ITEM).data(), model.index(row, ActionColumn.STATUS).data(), history)
        )
    return shown


def _open_dialog(qtbot: QtBot, summary: SummaryPage) -> FollowUpDialog:
    """Click the action's row, then 整改跟进…."""
    click_index(qtbot, summary.actions_view, summary.actions_model.index(0, ActionColumn.ACTION))
    click(qtbot, summary.follow_up_button)
    dialog = summary.follow_up_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _status_texts(dialog: FollowUpDialog) -> list[str]:
    return [dialog.status_combo.itemText(i) for i in range(dialog.status_combo.count())]


def test_officer_and_manager_follow_up_a_signed_inspection(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = _signed_inspection(db_url)
    window = start_app(qtbot, db_url, user="张伟", password=PASSWORDS["张伟"])
    summary = _open_summary(qtbot, window, inspection_id)
    assert _shown(summary) == [("GN-01", "待整改（已逾期）", [])]  # due 2020-03-05, still open
    assert summary.actions_model.index(0, ActionColumn.ACTION).data() == "上下午各测一次体温"
    assert summary.follow_up_button.isVisible() and summary.follow_up_button.text() == "整改跟进(&T)…"

    # The officer: 已整改 only (verifying is the manager's), with a note and the day before yesterday.
    dialog = _open_dialog(qtbot, summary)
    assert dialog.windowTitle() == "整改跟进"
    assert _status_texts(dialog) == ["已整改"] and "已验证" not in _status_texts(dialog)
    assert "单位主要负责人" in dialog.hint.text()
    assert dialog.date_edit.date() == company_qdate()
    type_into(qtbot, dialog.note_edit, DONE_NOTE)
    dialog.date_edit.setFocus()
    # The whole date typed over (Ctrl+A): the day's arrow keys do not cross a month, so on the 1st of a month
    # they could not reach the day before yesterday.
    done_on = company_today() - dt.timedelta(days=2)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.date_edit, done_on.isoformat())
    assert dialog.on == done_on

    # The database refuses once (locked by another program): the reason in words, the dialog keeps what was typed.
    def locked(*args: object, **kwargs: object) -> int:
        raise KnownError(
            "the database is locked by another program; try again in a moment", "数据库正被其他程序锁定，请稍后再试"
        )

    real_follow_up = actions.follow_up_action
    monkeypatch.setattr(actions, "follow_up_action", locked)
    click(qtbot, dialog.ok_button)
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "整改跟进未能记录。"
    assert "数据库正被其他程序锁定" in box.informativeText() and "检查记录没有改变" in box.informativeText()
    box.close()
    assert dialog.isVisible() and dialog.note == DONE_NOTE and dialog.on == done_on
    assert "锁定" in dialog.error.text()
    monkeypatch.setattr(actions, "follow_up_action", real_follow_up)

    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: summary.follow_up_dialog is None)
    assert _shown(summary) == [("GN-01", "已整改", [f"{done_on.isoformat()}  已整改 — 张伟：{DONE_NOTE}"])]
    assert window.editor.header.status == "signed" and not window.editor.editable
    assert summary.follow_up_button.isEnabled()  # more progress may be recorded; still no 已验证
    assert summary.correct_button.isVisible() and not summary.sign_button.isEnabled()
    window.inspection_view.go_to_item("GN-01")
    assert not window.inspection_view.item_page.action_button.isEnabled()  # the record stays read-only

    # The manager: 已验证 needs a note; then the action is verified and closed.
    log_out(qtbot, window)
    log_in(qtbot, window, "王经理", PASSWORDS["王经理"])
    summary = _open_summary(qtbot, window, inspection_id)
    assert _shown(summary)[0][1] == "已整改"
    dialog = _open_dialog(qtbot, summary)
    assert _status_texts(dialog) == ["已整改", "已验证"]
    choose_in_combo(qtbot, dialog.status_combo, "已验证")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.isVisible() and "请说明如何验证" in dialog.error.text()
    type_into(qtbot, dialog.note_edit, VERIFIED_NOTE)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: summary.follow_up_dialog is None)
    today = company_today().isoformat()
    assert _shown(summary) == [
        (
            "GN-01",
            "已验证",
            [f"{done_on.isoformat()}  已整改 — 张伟：{DONE_NOTE}", f"{today}  已验证 — 王经理：{VERIFIED_NOTE}"],
        )
    ]
    assert not summary.follow_up_button.isEnabled()  # verified: nothing more to record
    assert "未验证 0 项" in summary.actions_box.title()

    # An auditor sees the history, and no button.
    log_out(qtbot, window)
    log_in(qtbot, window, "赵审计", PASSWORDS["赵审计"])
    summary = _open_summary(qtbot, window, inspection_id)
    assert _shown(summary)[0][1:] == (
        "已验证",
        [f"{done_on.isoformat()}  已整改 — 张伟：{DONE_NOTE}", f"{today}  已验证 — 王经理：{VERIFIED_NOTE}"],
    )
    assert not summary.follow_up_button.isVisible()
    assert "只能查看" in summary.actions_hint.text()
    close_window(qtbot, window)

    db = open_database(db_url)
    try:
        stored = actions.action_follow_ups(db, inspection_id)
        inspection = inspections.load_inspection(db, inspection_id)
        check = verification.verify_record(db, inspection_id)
    finally:
        db.close()
    action_id = inspection.actions[0].id
    assert [(f.action_id, f.status, f.by, f.note, f.on) for f in stored] == [
        (action_id, "done", "张伟", DONE_NOTE, done_on),
        (action_id, "verified", "王经理", VERIFIED_NOTE, company_today()),
    ]
    assert inspection.status == "signed" and inspection.actions[0].status == "open"  # the signed record as signed
    assert actions.action_status(inspection.actions[0], stored) == "verified"
    assert check.ok, check.lines


def test_a_draft_changes_its_actions_directly(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", PASSWORDS["王经理"]), "张伟": ("officer", PASSWORDS["张伟"])})
    inspection_id = answered_inspection(db_url, "张伟")
    window = start_app(qtbot, db_url, user="张伟", password=PASSWORDS["张伟"])
    summary = _open_summary(qtbot, window, inspection_id)
    assert summary.follow_up_button.text() == "更改整改状态(&T)…"
    dialog = _open_dialog(qtbot, summary)
    assert dialog.windowTitle() == "更改整改状态"
    assert _status_texts(dialog) == ["已整改"]  # not its current 待整改; 已验证 is the manager's
    assert not dialog.date_edit.isEnabled()  # a draft keeps a date for 已验证 only
    type_into(qtbot, dialog.note_edit, DONE_NOTE)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: summary.follow_up_dialog is None)
    assert _shown(summary) == [("GN-01", "已整改", [f"已整改（检查记录中）：{DONE_NOTE}"])]

    # The editor kept the inspection's version: completing works, and the action is now followed up instead.
    click(qtbot, summary.complete_button)
    assert window.editor.header.status == "completed"
    assert summary.follow_up_button.text() == "整改跟进(&T)…"
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        action = inspections.load_inspection(db, inspection_id).actions[0]
        assert actions.action_follow_ups(db, inspection_id) == []
    finally:
        db.close()
    assert (action.status, action.verification_note, action.verified_on) == ("done", DONE_NOTE, None)


def test_who_may_record_what() -> None:
    assert follow_up_choices("officer", "open") == ["done"]
    assert follow_up_choices("officer", "done") == ["done"]
    assert follow_up_choices("manager", "open") == ["done"]
    assert follow_up_choices("manager", "done") == ["done", "verified"]
    assert follow_up_choices("manager", "verified") == []
    assert follow_up_choices("auditor", "done") == []
    assert draft_action_choices("officer", "open") == ["done"]
    assert draft_action_choices("officer", "done") == ["open"]
    assert draft_action_choices("manager", "done") == ["open", "verified"]
    assert draft_action_choices("auditor", "open") == []


def test_actions_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CorrectiveActionsModel()
    qtmodeltester.check(model)
    due = dt.date(2020, 3, 5)
    actions = [
        ActionInfo(1, "GN-01", "上下午各测一次体温", "王强", due, "verified"),
        ActionInfo(2, "GN-06", "消毒液按 500 mg/L 配制", "李娜", None, "open", "open", "已复查", dt.date(2020, 3, 3)),
    ]
    follow_ups = [
        FollowUpInfo(1, "done", "已设测温点", dt.date(2020, 3, 4), "张伟", dt.datetime(2020, 3, 4, 8)),
        FollowUpInfo(1, "verified", "现场查看", dt.date(2020, 3, 6), "王经理", dt.datetime(2020, 3, 6, 9)),
    ]
    rows = action_rows(actions, follow_ups)
    assert [len(row.history) for row in rows] == [2, 1] and rows[1].history[0].in_record
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(1, ActionColumn.DUE).data() == "—"
    assert model.index(0, 0, model.index(0, 0)).data() == "2020-03-04  已整改 — 张伟：已设测温点"
    assert model.index(0, 0, model.index(1, 0)).data() == "2020-03-03  待整改（检查记录中）：已复查"
    assert model.action_index(2).row() == 1 and not model.action_index(9).isValid()
    model.set_rows([ActionRow(actions[0], (HistoryLine(1, "done", None, "张伟", ""),))])
    qtmodeltester.check(model)
    assert model.index(0, 0, model.index(0, 0)).data() == "—  已整改 — 张伟"
