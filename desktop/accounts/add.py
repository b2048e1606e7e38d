"""添加账户 (managers only): name, role, password twice, and optionally a CA-issued key (PKCS#12) to import.

The account and its signing key are created by ``export.signing.create_account`` off the GUI thread; the
service layer checks again that the one asking is a manager.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.workflow import Role, role_signs
from desktop.accounts.account import ROLE_ORDER, role_text
from desktop.common.errors import error_label, error_text, refused_in_words
from desktop.common.file_dialogs import open_file_name
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from storage.db import Database


@dataclass(frozen=True)
class NewAccount:
    name: str
    role: str
    password: str
    pkcs12: bytes | None
    manager_password: str = ""  # the creating manager's own: it unlocks the signing authority


class AddAccountDialog(QDialog):
    """Collects a :class:`NewAccount`; ``create`` stores it off the GUI thread (raising KnownError if refused)."""

    def __init__(self, create: Callable[[NewAccount], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addAccountDialog")
        self.setWindowTitle(self.tr("添加账户"))
        self._create = create
        self.busy = False
        self.created: NewAccount | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("accountName")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("accountRole")
        for role in ROLE_ORDER:
            self.role_combo.addItem(role_text(role), role)
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role_help.setStyleSheet("color: #555555")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("accountPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("至少 8 个字符"))
        self.password_again = QLineEdit()
        self.password_again.setObjectName("accountPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.manager_password = QLineEdit()
        self.manager_password.setObjectName("managerPassword")
        self.manager_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.manager_password.setPlaceholderText(self.tr("用于签发该账户的签名证书"))
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("accountKeyFile")
        self.key_edit.setReadOnly(True)
        self.key_edit.setPlaceholderText(self.tr("不导入：程序为该账户生成签名密钥"))
        self.key_button = QPushButton(self.tr("选择(&B)…"))
        self.key_button.setObjectName("chooseKeyFile")
        self.key_clear = QPushButton(self.tr("不导入"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.key_button)
        key_row.addWidget(self.key_clear)
        key_help = QLabel(
            self.tr("可选：PKCS#12 文件（.p12 / .pfx），须能用上面的密码打开；其密钥由本单位签名机构重新签发证书。")
        )
        key_help.setWordWrap(True)
        key_help.setStyleSheet("color: #555555")
        self.error = error_label("accountError")

        form = QFormLayout()
        form.addRow(self.tr("姓名（账户名）(&N)："), self.name_edit)
        form.addRow(self.tr("角色(&R)："), self.role_combo)
        form.addRow("", self.role_help)
        form.addRow(self.tr("密码(&P)："), self.password_edit)
        form.addRow(self.tr("再次输入密码(&A)："), self.password_again)
        key_label = QLabel(self.tr("签名证书(&K)："))  # a label beside a row of widgets: its buddy by hand
        key_label.setBuddy(self.key_button)
        form.addRow(key_label, key_row)
        form.addRow("", key_help)
        form.addRow(self.tr("您的密码(&Y)："), self.manager_password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("添加账户"))
        self.ok_button.setObjectName("addAccountOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.key_button.clicked.connect(self._choose_key)
        self.key_clear.clicked.connect(self.key_edit.clear)
        self._role_changed()

    def reject(self) -> None:
        """Not while the work runs: it cannot be called back halfway, and its result must arrive here."""
        if not self.busy:
            super().reject()

    @Slot()
    def _role_changed(self) -> None:
        help_texts: dict[str, str] = {
            Role.OFFICER: self.tr("填写检查记录，并作为检查人签署。"),
            Role.MANAGER: self.tr("另可添加账户，并作为单位主要负责人审核签署。"),
            Role.AUDITOR: self.tr("只能查看、验证和导出，不能修改任何数据。"),
        }
        role = str(self.role_combo.currentData())
        self.role_help.setText(help_texts.get(role, ""))
        signs = role_signs(role)  # an auditor signs nothing: no key to make or import (the core's rule)
        for widget in (self.key_edit, self.key_button, self.key_clear):
            widget.setEnabled(signs)
        if not signs:
            self.key_edit.clear()
        self.key_edit.setPlaceholderText(
            self.tr("不导入：程序为该账户生成签名密钥") if signs else self.tr("审计员不签署，不需要签名密钥")
        )
        self.manager_password.setPlaceholderText(
            self.tr("用于签发该账户的签名证书") if signs else self.tr("确认由您添加此账户")
        )

    @Slot()
    def _choose_key(self) -> None:
        chosen = open_file_name(
            self, self.tr("选择 PKCS#12 密钥文件"), "", self.tr("PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)")
        )
        if chosen:
            self.key_edit.setText(chosen)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def values(self) -> NewAccount | None:
        """What was typed, or None (and the reason shown) if it cannot be an account."""
        from storage.auth import MIN_PASSWORD

        name = self.name_edit.text().strip()
        if not name:
            self._fail(self.tr("请填写姓名。"))
            self.name_edit.setFocus()
            return None
        password = self.password_edit.text()
        if len(password) < MIN_PASSWORD:
            self._fail(self.tr("密码至少需要 {count} 个字符。").format(count=MIN_PASSWORD))
            self.password_edit.setFocus()
            return None
        if self.password_again.text() != password:
            self._fail(self.tr("两次输入的密码不一致。"))
            self.password_again.setFocus()
            return None
        if not self.manager_password.text():
            self._fail(self.tr("请输入您自己的密码：添加账户（并签发其签名证书）需要它。"))
            self.manager_password.setFocus()
            return None
        pkcs12: bytes | None = None
        if self.key_edit.text():
            try:
                pkcs12 = Path(self.key_edit.text()).read_bytes()
            except OSError as error:
                self._fail(self.tr("无法读取密钥文件：{reason}").format(reason=error.strerror or str(error)))
                return None
        return NewAccount(name, str(self.role_combo.currentData()), password, pkcs12, self.manager_password.text())

    @Slot()
    def _accept(self) -> None:
        if self.busy:
            return
        values = self.values()
        if values is None:
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.error.hide()
        create = self._create
        run_in_background(
            self,
            lambda _: create(values),
            lambda _: self._created(values),
            self._failed,
            self.tr("正在创建账户和签名密钥……") if role_signs(values.role) else self.tr("正在创建账户……"),
        )

    def _created(self, values: NewAccount) -> None:
        self.busy = False
        self.created = values
        self.password_edit.clear()
        self.password_again.clear()
        self.manager_password.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(
            self, self.ok_button, error, self.tr("账户未能添加。"), self.tr("填写的内容仍保留在对话框中。")
        ):
            return
        self._fail(self.tr("账户未能添加：") + error_text(error))


def open_add_account_dialog(parent: QWidget, db: Database, actor: str) -> AddAccountDialog:
    """Open 添加账户; the account is created by ``export.signing.create_account`` in ``actor``'s name."""

    def create(values: NewAccount) -> tuple[int, str]:
        from export.signing import create_account

        return create_account(
            db, actor, values.name, values.role, values.password, values.pkcs12, actor_password=values.manager_password
        )

    dialog = AddAccountDialog(create, parent)
    dialog.open()
    return dialog
