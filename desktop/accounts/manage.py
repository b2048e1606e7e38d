"""管理账户 (managers only): every account with its role, signing key and state; disable one (someone left)
or enable it again.

The list is read and each change made off the GUI thread; ``storage.auth.set_active`` checks again that
the one asking is an active manager and never disables their own account.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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
    """``load()`` reads the accounts; ``set_active(name, active)`` changes one (raising KnownError if
    refused). ``me`` is the manager using it (whose own account cannot be disabled)."""

    def __init__(
        self,
        me: str,
        load: Callable[[], list[AccountRow]],
        set_active: Callable[[str, bool], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("管理账户"))
        self.me = me
        self._load = load
        self._set_active = set_active
        self.busy = False
        intro = QLabel(
            self.tr(
                "停用的账户不能登录、签署，也不能以其名义修改数据；账户本身保留，"
                "审计记录和它签署过的记录照常可以验证。随时可以重新启用。"
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
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        self.status.setWordWrap(True)
        self.error = error_label("accountsError")
        row = QHBoxLayout()
        row.addWidget(self.disable_button)
        row.addWidget(self.enable_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 360)

        self.disable_button.clicked.connect(lambda: self._change(False))
        self.enable_button.clicked.connect(lambda: self._change(True))
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
        free = not self.busy and account is not None
        self.disable_button.setEnabled(free and account is not None and account.active and account.name != self.me)
        self.enable_button.setEnabled(free and account is not None and not account.active)
        if account is not None and account.name == self.me:
            self.disable_button.setToolTip(self.tr("不能停用自己的账户。"))
        else:
            self.disable_button.setToolTip("")

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
        self.busy = True
        self.error.hide()
        self._update_buttons()
        change = self._set_active
        run_in_background(
            self,
            lambda _: change(account.name, active),
            lambda _: self._changed(account.name, active),
            self._failed,
            show_progress=False,
        )

    def _changed(self, name: str, active: bool) -> None:
        self.busy = False
        self.status.setText(
            (self.tr("已重新启用账户：{name}") if active else self.tr("已停用账户：{name}")).format(name=name)
        )
        self.reload(select=name)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if not is_known(error):
            show_error(self, self.tr("账户状态未能修改。"), error, self.tr("没有修改任何数据。"))
            return
        self.error.setText(self.tr("账户状态未能修改：") + error_text(error))
        self.error.show()
