"""管理账户 (managers only): every account with its role, signing key and state; disable one (someone left),
enable it again, or change its role.

Each change needs the manager's own password: it unlocks the signing authority, which revokes a disabled
account's certificates (a revocation list), issues a new certificate on enabling or a role change, and hands
a promoted manager the authority key (``export.signing``). The list is read and each change made off the GUI
thread; the service layer checks again that the one asking is an active manager, never disables their own
account nor changes their own role.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checklist.workflow import Role
from desktop.accounts.account import role_text
from desktop.common.errors import error_label, error_text, is_known, show_error
from desktop.common.look import compact_rows
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel

DISABLED_COLOR = QColor("#757575")


class AccountRow(NamedTuple):
    """One account as the list shows it (plain data, read off the GUI thread)."""

    name: str
    role: str
    has_key: bool
    active: bool


class AccountColumn(IntEnum):
    NAME = 0
    ROLE = 1
    KEY = 2
    STATE = 3


class AccountsModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("账户"), self.tr("角色"), self.tr("签名密钥"), self.tr("状态")]

    def row_at(self, row: int) -> AccountRow:
        return self._rows[row]  # type: ignore[no-any-return]

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                row.name,
                role_text(row.role),
                self.tr("有") if row.has_key else self.tr("无"),
                self.tr("可用") if row.active else self.tr("已停用"),
            )
            return texts[column]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(DISABLED_COLOR)
        return None


def read_accounts(db: Any) -> list[AccountRow]:
    from storage.companies import list_users

    return [AccountRow(u.name, u.role, bool(u.pkcs12), u.active) for u in list_users(db)]


class AccountsDialog(QDialog):
    """``load()`` reads the accounts; ``set_active(name, active, password)`` and ``change_role(name, role,
    password)`` change one with the manager's password (raising KnownError if refused). ``me`` is the manager
    using it (whose own account cannot be disabled, nor its role changed)."""

    def __init__(
        self,
        me: str,
        load: Callable[[], list[AccountRow]],
        set_active: Callable[[str, bool, str], object],
        change_role: Callable[[str, str, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("管理账户"))
        self.me = me
        self._load = load
        self._set_active = set_active
        self._change_role = change_role
        self.busy = False
        intro = QLabel(
            self.tr(
                "停用的账户不能登录、签署，也不能以其名义修改数据；其证书被签名机构吊销，此后的签名不再有效，"
                "此前签署的记录照常可以验证。重新启用时签发新证书。每项修改都需要输入您的密码。"
            )
        )
        intro.setWordWrap(True)
        self.model = AccountsModel(self)
        self.table = QTableView()
        self.table.setObjectName("accountsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AccountColumn.NAME, QHeaderView.ResizeMode.Stretch)
        compact_rows(self.table)
        self.disable_button = QPushButton(self.tr("停用(&D)"))
        self.disable_button.setObjectName("disableAccount")
        self.enable_button = QPushButton(self.tr("启用(&E)"))
        self.enable_button.setObjectName("enableAccount")
        self.role_box = QComboBox()
        self.role_box.setObjectName("accountRole")
        for role in Role:
            self.role_box.addItem(role_text(role), str(role))
        self.role_button = QPushButton(self.tr("修改角色(&R)"))
        self.role_button.setObjectName("changeRole")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("managerPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("您的密码"))
        password_label = QLabel(self.tr("您的密码(&P)："))
        password_label.setBuddy(self.password_edit)
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        self.status.setWordWrap(True)
        self.error = error_label("accountsError")
        row = QHBoxLayout()
        row.addWidget(self.disable_button)
        row.addWidget(self.enable_button)
        row.addStretch(1)
        row.addWidget(self.role_box)
        row.addWidget(self.role_button)
        password_row = QHBoxLayout()
        password_row.addWidget(password_label)
        password_row.addWidget(self.password_edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(password_row)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(660, 400)

        self.disable_button.clicked.connect(lambda: self._change(False))
        self.enable_button.clicked.connect(lambda: self._change(True))
        self.role_button.clicked.connect(self._change_role_clicked)
        self.password_edit.textChanged.connect(lambda _: self._update_buttons())
        self.role_box.currentIndexChanged.connect(lambda _: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.reload()

    def reject(self) -> None:
        """Not while a change runs: its result must arrive here."""
        if not self.busy:
            super().reject()

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_name(self, name: str) -> bool:
        for number, account in enumerate(self.model.rows()):
            if account.name == name:
                self.table.selectRow(number)
                return True
        return False

    @Slot()
    def _update_buttons(self) -> None:
        account = self.selected()
        free = not self.busy and account is not None and bool(self.password_edit.text())
        other = account is not None and account.name != self.me
        self.disable_button.setEnabled(free and account is not None and account.active and other)
        self.enable_button.setEnabled(free and account is not None and not account.active)
        self.role_button.setEnabled(
            free and other and account is not None and self.role_box.currentData() != account.role
        )
        if account is not None and account.name == self.me:
            self.disable_button.setToolTip(self.tr("不能停用自己的账户。"))
            self.role_button.setToolTip(self.tr("不能修改自己的角色。"))
        else:
            self.disable_button.setToolTip("")
            self.role_button.setToolTip("")

    def reload(self, select: str | None = None) -> None:
        load = self._load

        def loaded(rows: list[AccountRow]) -> None:
            self.model.set_rows(rows)
            if select is not None:
                self.select_name(select)
            self._update_buttons()

        run_in_background(
            self,
            lambda _: load(),
            loaded,
            lambda error: show_error(self, self.tr("无法读取账户。"), error, self.tr("没有修改任何数据。")),
            show_progress=False,
        )

    def _change(self, active: bool) -> None:
        account = self.selected()
        if self.busy or account is None:
            return
        change, password = self._set_active, self.password_edit.text()
        done = self.tr("已重新启用账户：{name}") if active else self.tr("已停用账户：{name}")
        self._run(account.name, lambda: change(account.name, active, password), done)

    @Slot()
    def _change_role_clicked(self) -> None:
        account = self.selected()
        role = str(self.role_box.currentData())
        if self.busy or account is None:
            return
        change, password = self._change_role, self.password_edit.text()
        done = self.tr("{name} 的角色已改为：{role}").replace("{role}", role_text(role))
        self._run(account.name, lambda: change(account.name, role, password), done)

    def _run(self, name: str, work: Callable[[], object], done: str) -> None:
        self.busy = True
        self.error.hide()
        self._update_buttons()
        run_in_background(
            self, lambda _: work(), lambda _: self._changed(name, done), self._failed, show_progress=False
        )

    def _changed(self, name: str, done: str) -> None:
        self.busy = False
        self.password_edit.clear()
        self.status.setText(done.format(name=name))
        self.reload(select=name)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if not is_known(error):
            show_error(self, self.tr("账户未能修改。"), error, self.tr("没有修改任何数据。"))
            return
        self.error.setText(self.tr("账户未能修改：") + error_text(error))
        self.error.show()
