"""修改密码: the logged-in account changes its own password (current one, new one twice).

``export.signing.change_password`` does it off the GUI thread: it checks the current password (a wrong one
counts as a failed login, with the same back-off) and re-encrypts the account's signing key with the new
one in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.accounts.account import refusal_text
from desktop.common.errors import error_label, refused_in_words
from desktop.common.operations import run_in_background


class PasswordDialog(QDialog):
    """``change(current, new)`` changes the password (raising KnownError if refused); accepted when done."""

    def __init__(self, name: str, change: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self._change = change
        self.busy = False
        intro = QLabel(
            self.tr("修改 {name} 的登录密码。签名密钥随之改用新密码保护，已签署的记录不受影响。").format(name=name)
        )
        intro.setWordWrap(True)
        self.current_edit = self._password_edit("currentPassword")
        self.new_edit = self._password_edit("newPassword")
        self.new_edit.setPlaceholderText(self.tr("至少 8 个字符"))
        self.again_edit = self._password_edit("newPasswordAgain")
        self.error = error_label("passwordError")
        form = QFormLayout()
        form.addRow(self.tr("当前密码(&C)："), self.current_edit)
        form.addRow(self.tr("新密码(&N)："), self.new_edit)
        form.addRow(self.tr("再次输入新密码(&A)："), self.again_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("修改密码"))
        self.ok_button.setObjectName("passwordOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.current_edit.setFocus()

    @staticmethod
    def _password_edit(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def reject(self) -> None:
        """Not while the change runs: its result must arrive here."""
        if not self.busy:
            super().reject()

    def _fail(self, message: str, focus: QLineEdit) -> None:
        self.error.setText(message)
        self.error.show()
        focus.setFocus()

    @Slot()
    def _accept(self) -> None:
        from storage.auth import MIN_PASSWORD

        if self.busy:
            return
        current, new = self.current_edit.text(), self.new_edit.text()
        if not current:
            self._fail(self.tr("请填写当前密码。"), self.current_edit)
            return
        if len(new) < MIN_PASSWORD:
            self._fail(self.tr("新密码至少需要 {count} 个字符。").format(count=MIN_PASSWORD), self.new_edit)
            return
        if self.again_edit.text() != new:
            self._fail(self.tr("两次输入的新密码不一致。"), self.again_edit)
            return
        if new == current:
            self._fail(self.tr("新密码与当前密码相同。"), self.new_edit)
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.error.hide()
        change = self._change
        run_in_background(
            self,
            lambda _: change(current, new),
            lambda _: self._changed(),
            self._failed,
            self.tr("正在修改密码并重新加密签名密钥……"),
            cancellable=False,
        )

    def _changed(self) -> None:
        self.busy = False
        for edit in (self.current_edit, self.new_edit, self.again_edit):
            edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(
            self, self.ok_button, error, self.tr("密码未能修改。"), self.tr("密码没有改变。"), self.current_edit
        ):
            return
        self._fail(self.tr("密码未能修改：") + refusal_text(error), self.current_edit)
