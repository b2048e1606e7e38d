"""An officer fixes a mistyped corrective action of a draft through the summary page: edits its text, owner and
due date (a due date before the inspection is refused in the dialog, which keeps what was typed), deletes one
after confirming; an overdue open action is marked in the list and on its item; once completed, nothing of this
is offered."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.editor.actions import ActionColumn, OverdueRole
from desktop.editor.summary import SummaryPage
from desktop.main_window import MainWindow
from storage import inspections
from storage.db import open_database
from storage.models import AuditEntry
from tests.gui.helpers import (
    answered_inspection,
    click,
    click_index,
    close_window,
    open_row,
    seed_accounts,
    show_summary_tab,
    start_app,
    type_into,
)
from tests.storage.helpers import audit_entries

PASSWORD = "zhang-officer-2020"


def _summary(qtbot: QtBot, db_url: str) -> tuple[MainWindow, SummaryPage, int]:
    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张伟": ("officer", PASSWORD)})
    inspection_id = answered_inspection(db_url, "张伟")  # inspected 2020-03-02, GN-01's action due 2020-03-05
    window = start_app(qtbot, db_url, user="张伟", password=PASSWORD)
    open_row(qtbot, window, inspection_id)
    show_summary_tab(qtbot, window)
    summary = window.inspection_view.summary
    click_index(qtbot, summary.actions_view, summary.actions_model.index(0, ActionColumn.ACTION))
    return window, summary, inspection_id


def test_an_overdue_action_is_marked_in_the_list_and_on_its_item(qtbot: QtBot, db_url: str) -> None:
    window, summary, _ = _summary(qtbot, db_url)
    status = summary.actions_model.index(0, ActionColumn.STATUS)
    assert status.data() == "待整改（已逾期）" and status.data(OverdueRole) is True
    assert summary.actions_model.index(0, ActionColumn.DUE).data() == "2020-03-05"
    window.inspection_view.go_to_item("GN-01")
    assert "已逾期" in window.inspection_view.item_page.actions_list.text()
    close_window(qtbot, window)


def test_the_officer_edits_a_mistyped_action_and_a_too_early_date_is_refused(qtbot: QtBot, db_url: str) -> None:
    window, summary, inspection_id = _summary(qtbot, db_url)
    assert summary.edit_action_button.isVisible() and summary.edit_action_button.isEnabled()
    click(qtbot, summary.edit_action_button)
    dialog = summary.edit_action_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "修改整改措施"
    assert dialog.action_edit.toPlainText() == "上下午各测一次体温" and dialog.due == QDate(2020, 3, 5).toPython()
    dialog.action_edit.clear()
    type_into(qtbot, dialog.action_edit, "上下午各测一次体温并登记")
    dialog.due_edit.setDate(QDate(2020, 3, 1))  # the day before the inspection
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(dialog.isVisible)
    assert "早于检查日期" in dialog.error.text() and dialog.error.isVisible()
    assert dialog.action_edit.toPlainText() == "上下午各测一次体温并登记"  # what was typed is kept
    dialog.due_edit.setDate(QDate(2020, 3, 9))
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: summary.edit_action_dialog is None)
    assert summary.actions_model.index(0, ActionColumn.ACTION).data() == "上下午各测一次体温并登记"
    assert summary.actions_model.index(0, ActionColumn.DUE).data() == "2020-03-09"
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        action = inspections.load_inspection(db, inspection_id).actions[0]
        (entry,) = audit_entries(db, AuditEntry.table_name == "corrective_actions", AuditEntry.action == "update")
    finally:
        db.close()
    assert (action.action, action.due.isoformat() if action.due else None) == ("上下午各测一次体温并登记", "2020-03-09")
    assert entry.actor == "张伟" and entry.old is not None and entry.new is not None
    assert (entry.old["action"], entry.new["action"]) == ("上下午各测一次体温", "上下午各测一次体温并登记")


def test_the_officer_deletes_an_action_after_confirming(qtbot: QtBot, db_url: str) -> None:
    window, summary, inspection_id = _summary(qtbot, db_url)
    click(qtbot, summary.delete_action_button)
    question = summary.delete_question
    assert isinstance(question, QMessageBox) and "上下午各测一次体温" in question.text()
    keep = next(b for b in question.buttons() if b.text() == "保留")
    click(qtbot, keep)
    qtbot.waitUntil(lambda: summary.delete_question is None)
    assert summary.actions_model.rowCount() == 1  # kept
    click(qtbot, summary.delete_action_button)
    question = summary.delete_question
    assert question is not None
    click(qtbot, question.findChild(QPushButton, "confirmDeleteAction"))
    qtbot.waitUntil(lambda: summary.actions_model.rowCount() == 0)
    assert not summary.edit_action_button.isEnabled() and not summary.delete_action_button.isEnabled()
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        assert inspections.load_inspection(db, inspection_id).actions == []
    finally:
        db.close()


def test_a_completed_inspection_offers_no_edit_or_delete(qtbot: QtBot, db_url: str) -> None:
    window, summary, _ = _summary(qtbot, db_url)
    click(qtbot, summary.complete_button)
    assert window.editor is not None and window.editor.header.status == "completed"
    click_index(qtbot, summary.actions_view, summary.actions_model.index(0, ActionColumn.ACTION))
    assert not summary.edit_action_button.isVisible() and not summary.delete_action_button.isVisible()
    summary.open_edit_action_dialog()  # even asked directly, nothing opens
    summary.ask_delete_action()
    assert summary.edit_action_dialog is None and summary.delete_question is None
    close_window(qtbot, window)
