"""The corrective-action dialog (整改措施): what will be done, by whom, by when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.common.dates import company_qdate, python_date
from desktop.common.discard import DiscardGuard


class CorrectiveActionDialog(QDialog):
    """Asks for the action, its owner and due date; the caller stores them when accepted.

    With ``action`` (and ``due``) given, it edits an existing corrective action of a draft (修改整改措施)."""

    def __init__(
        self,
        item_title: str,
        owner: str,
        parent: QWidget | None = None,
        action: str | None = None,
        due: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctiveActionDialog")
        self.editing = action is not None
        self.setWindowTitle(self.tr("修改整改措施") if self.editing else self.tr("新建整改措施"))
        heading = QLabel(item_title)
        heading.setWordWrap(True)
        self.action_edit = QPlainTextEdit()
        self.action_edit.setObjectName("actionText")
        self.action_edit.setTabChangesFocus(True)
        self.action_edit.setPlaceholderText(self.tr("例如：调整宿舍分配，每间不超过 4 人"))
        self.action_edit.setMinimumHeight(80)
        if action is not None:
            self.action_edit.setPlainText(action)
        self.owner_edit = QLineEdit(owner)
        self.owner_edit.setObjectName("actionOwner")
        self.due_edit = QDateEdit(company_qdate().addDays(7))
        self.due_edit.setObjectName("actionDue")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        if due is not None:
            self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.error = QLabel()
        self.error.setObjectName("actionError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("整改措施(&A)："), self.action_edit)
        form.addRow(self.tr("责任人(&O)："), self.owner_edit)
        form.addRow(self.tr("完成期限(&D)："), self.due_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self.discard_guard = DiscardGuard(self, self._typed, lambda: QDialog.reject(self))

    def _typed(self) -> tuple[object, ...]:
        return (self.action_edit.toPlainText(), self.owner_edit.text(), self.due_edit.date())

    def reject(self) -> None:
        """Esc or 取消: at once if nothing was typed, else after asking."""
        if self.discard_guard.may_discard():
            super().reject()

    @property
    def action(self) -> str:
        return self.action_edit.toPlainText().strip()

    @property
    def owner(self) -> str:
        return self.owner_edit.text().strip()

    @property
    def due(self) -> dt.date:
        return python_date(self.due_edit.date())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if not self.action:
            self.show_error(self.tr("请填写整改措施。"))
            self.action_edit.setFocus()
            return
        if not self.owner:
            self.show_error(self.tr("请填写责任人。"))
            self.owner_edit.setFocus()
            return
        self.accept()
