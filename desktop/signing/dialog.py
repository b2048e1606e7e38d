"""签署 and 新版本（更正）: the dialogs that sign a completed inspection and start a correction of a signed one.

Signing asks for the password again (only the signer can unlock the signing key), states what the signature
means, and takes an optional handwritten signature. ``export.signing.sign`` renders and signs the reports,
which takes seconds: it runs off the GUI thread with a progress dialog (:mod:`desktop.common.operations`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.account import Account, meaning_statement, meaning_text, refusal_text, role_text
from desktop.common.errors import error_label, error_text, refused_in_words
from desktop.common.operations import run_in_background
from desktop.signing.pad import SignaturePad


@dataclass(frozen=True)
class SignRequest:
    """What the signer gave: plain data for ``export.signing.sign``."""

    meaning: str
    password: str
    image_png: bytes | None


class SignDialog(QDialog):
    """Meaning, statement, signature pad and password; ``sign(request)`` runs in the background."""

    def __init__(
        self,
        account: Account,
        meanings: Sequence[str],
        record: str,
        sign: Callable[[SignRequest], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("签署检查记录"))
        self._sign = sign
        self.busy = False
        self.result_value: Any = None

        heading = QLabel(record)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setWordWrap(True)
        signer = QLabel(self.tr("签署人：{name}（{role}）").format(name=account.name, role=role_text(account.role)))
        self.meaning_combo = QComboBox()
        self.meaning_combo.setObjectName("signMeaning")
        for meaning in meanings:
            self.meaning_combo.addItem(meaning_text(meaning), meaning)
        form = QFormLayout()
        form.addRow(self.tr("签署含义(&M)："), self.meaning_combo)

        statement_box = QGroupBox(self.tr("签署声明"))
        self.statement = QLabel()
        self.statement.setObjectName("signStatement")
        self.statement.setWordWrap(True)
        QVBoxLayout(statement_box).addWidget(self.statement)

        pad_box = QGroupBox(self.tr("手写签名（可选，显示在报告上）"))
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("清除(&C)"))
        self.clear_button.setObjectName("clearSignature")
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.clear_button)
        pad_layout = QVBoxLayout(pad_box)
        pad_layout.addWidget(self.pad)
        pad_layout.addLayout(pad_row)

        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("signPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        password_form = QFormLayout()
        password_form.addRow(self.tr("再次输入您的密码(&P)："), self.password_edit)
        self.error = error_label("signError")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("签署(&S)"))
        self.ok_button.setObjectName("signOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(signer)
        layout.addLayout(form)
        layout.addWidget(statement_box)
        layout.addWidget(pad_box)
        layout.addLayout(password_form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.meaning_combo.currentIndexChanged.connect(self._meaning_changed)
        self.clear_button.clicked.connect(self.pad.clear)
        self._meaning_changed()
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Not while the work runs: it cannot be called back halfway, and its result must arrive here."""
        if not self.busy:
            super().reject()

    @property
    def meaning(self) -> str:
        return str(self.meaning_combo.currentData())

    @Slot()
    def _meaning_changed(self) -> None:
        self.statement.setText(meaning_statement(self.meaning))

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self.busy:
            return
        if not self.password_edit.text():
            self._fail(self.tr("请输入密码：签署需要用它解锁您的签名密钥。"))
            self.password_edit.setFocus()
            return
        request = SignRequest(self.meaning, self.password_edit.text(), self.pad.png_bytes())
        self.busy = True
        self.ok_button.setEnabled(False)
        self.error.hide()
        sign = self._sign
        run_in_background(
            self,
            lambda _: sign(request),
            self._signed,
            self._failed,
            self.tr("正在签署并生成报告……"),
            cancellable=False,
        )

    def _signed(self, result: Any) -> None:
        self.busy = False
        self.result_value = result
        self.password_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(
            self, self.ok_button, error, self.tr("未能签署。"), self.tr("检查记录没有改变。"), self.password_edit
        ):
            return
        self._fail(
            self.tr("未能签署：{reason}").format(reason=refusal_text(error)) + "\n" + self.tr("检查记录没有改变。")
        )


class CorrectionDialog(QDialog):
    """Why a signed inspection needs a correction; ``create(reason)`` makes the new draft version."""

    def __init__(self, record: str, create: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("新版本（更正）"))
        self._create = create
        self.busy = False
        self.result_value: Any = None
        heading = QLabel(record)
        heading.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "已签署的记录不能再修改。更正会新建一份草稿，复制原记录的全部内容并注明取代原记录；"
                "原记录及其签名保持不变，仍可验证。"
            )
        )
        explanation.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("correctionReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("例如：BJHQ-3 宿舍面积测量有误，重新测量"))
        self.reason_edit.setFixedHeight(80)
        self.error = error_label("correctionError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("创建新版本"))
        self.ok_button.setObjectName("correctionOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        reason_label = QLabel(self.tr("更正原因(&R)："))
        reason_label.setBuddy(self.reason_edit)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def reject(self) -> None:
        """Not while the work runs: it cannot be called back halfway, and its result must arrive here."""
        if not self.busy:
            super().reject()

    @Slot()
    def _accept(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if self.busy:
            return
        if not reason:
            self.error.setText(self.tr("请说明为什么需要更正。"))
            self.error.show()
            self.reason_edit.setFocus()
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        create = self._create
        run_in_background(self, lambda _: create(reason), self._created, self._failed, self.tr("正在创建新版本……"))

    def _created(self, result: Any) -> None:
        self.busy = False
        self.result_value = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(self, self.ok_button, error, self.tr("未能创建新版本。"), self.tr("原记录没有改变。")):
            return
        self.error.setText(self.tr("未能创建新版本：") + error_text(error))
        self.error.show()
