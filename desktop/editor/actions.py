"""Corrective actions on the summary page (整改措施): each action with its current status and its history, and
the dialog that records progress on one.

After completion or signing, progress is a follow-up (整改跟进, ``storage.actions.follow_up_action``) kept
beside the record, which does not change; in a draft the action itself is changed
(``storage.actions.update_action``). Who may record what is asked of :mod:`desktop.accounts.account`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_today
from checklist.workflow import ActionStatus, is_overdue
from desktop.common.dates import company_qdate
from desktop.common.errors import error_label, error_text, is_known, show_error
from desktop.common.look import SECONDARY_TEXT_CSS
from desktop.common.table_model import header_text
from desktop.editor.inspection import ActionInfo, FollowUpInfo

ModelIndex = QModelIndex | QPersistentModelIndex

ActionIdRole = Qt.ItemDataRole.UserRole + 1  # the corrective action's id, on its row and its history lines
StatusRole = Qt.ItemDataRole.UserRole + 2  # an action row's current status (open / done / verified)
OverdueRole = Qt.ItemDataRole.UserRole + 3  # True on an action row still open after its due date

STATUS_COLORS: dict[str, QColor] = {
    ActionStatus.OPEN: QColor("#c62828"),
    ActionStatus.DONE: QColor("#ef6c00"),
    ActionStatus.VERIFIED: QColor("#2e7d32"),
}
HISTORY_COLOR = QColor("#555555")
TOP_LEVEL = 0  # internal id of an action row; a history line's is its action row + 1


def action_status_text(status: str) -> str:
    names: dict[str, str] = {
        ActionStatus.OPEN: QCoreApplication.translate("CorrectiveActions", "待整改"),
        ActionStatus.DONE: QCoreApplication.translate("CorrectiveActions", "已整改"),
        ActionStatus.VERIFIED: QCoreApplication.translate("CorrectiveActions", "已验证"),
    }
    return names.get(status, status)


@dataclass(frozen=True)
class HistoryLine:
    """One line under an action: a follow-up, or (``in_record``) the status note the record itself carries."""

    action_id: int
    status: str
    on: dt.date | None
    by: str
    note: str
    in_record: bool = False

    @classmethod
    def of(cls, follow_up: FollowUpInfo) -> HistoryLine:
        return cls(follow_up.action_id, follow_up.status, follow_up.on, follow_up.by, follow_up.note)


@dataclass(frozen=True)
class ActionRow:
    action: ActionInfo
    history: tuple[HistoryLine, ...]


def action_rows(actions: Sequence[ActionInfo], follow_ups: Sequence[FollowUpInfo]) -> list[ActionRow]:
    """The rows the summary shows: each action with its history, oldest first (the record's own note first)."""
    rows = []
    for action in actions:
        history: list[HistoryLine] = []
        if action.verification_note or action.verified_on:
            history.append(
                HistoryLine(
                    action.id, action.recorded_status, action.verified_on, "", action.verification_note, in_record=True
                )
            )
        history += [HistoryLine.of(f) for f in follow_ups if f.action_id == action.id]
        rows.append(ActionRow(action, tuple(history)))
    return rows


class ActionColumn(IntEnum):
    ITEM = 0
    ACTION = 1
    OWNER = 2
    DUE = 3
    STATUS = 4


class CorrectiveActionsModel(QAbstractItemModel):
    """A tree: one row per corrective action, its history lines (date, who, status, note) as children.

    Rows are handed in (:meth:`set_rows`); the model never reads the database. A history line has its text in
    column 0 (the view spans it across the row).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ActionRow] = []
        self._today = company_today()
        self._headers = [self.tr("检查项"), self.tr("整改措施"), self.tr("责任人"), self.tr("期限"), self.tr("状态")]

    def set_rows(self, rows: Sequence[ActionRow], today: dt.date | None = None) -> None:
        """The rows to show; ``today`` decides which open actions are overdue (已逾期)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or company_today()
        self.endResetModel()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def action_index(self, action_id: int) -> QModelIndex:
        for number, row in enumerate(self._rows):
            if row.action.id == action_id:
                return self.index(number, 0)
        return QModelIndex()

    def history_text(self, line: HistoryLine) -> str:
        on = line.on.isoformat() if line.on else "—"
        status = action_status_text(line.status)
        if line.in_record:
            text = self.tr("{status}（检查记录中）").format(status=status)
            text = f"{line.on.isoformat()}  {text}" if line.on else text
        else:
            text = self.tr("{on}  {status} — {by}").format(on=on, status=status, by=line.by)
        return self.tr("{line}：{note}").format(line=text, note=line.note) if line.note else text

    # --- QAbstractItemModel ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP_LEVEL)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == TOP_LEVEL:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP_LEVEL)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == TOP_LEVEL and parent.column() == 0 and 0 <= parent.row() < len(self._rows):
            return len(self._rows[parent.row()].history)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return header_text(self._headers, section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == TOP_LEVEL:
            if not 0 <= index.row() < len(self._rows):
                return None
            return self._action_data(self._rows[index.row()].action, ActionColumn(index.column()), role)
        parent_row = index.internalId() - 1
        if not 0 <= parent_row < len(self._rows) or not 0 <= index.row() < len(self._rows[parent_row].history):
            return None
        line = self._rows[parent_row].history[index.row()]
        if role == ActionIdRole:
            return line.action_id
        if index.column() != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.history_text(line)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HISTORY_COLOR)
        return None

    def _action_data(self, action: ActionInfo, column: ActionColumn, role: int) -> Any:
        if role == ActionIdRole:
            return action.id
        if role == StatusRole:
            return action.status
        overdue = is_overdue(action.status, action.due, self._today)
        if role == OverdueRole:
            return overdue
        if role == Qt.ItemDataRole.DisplayRole:
            status = action_status_text(action.status)
            return {
                ActionColumn.ITEM: action.item_id,
                ActionColumn.ACTION: action.action,
                ActionColumn.OWNER: action.owner,
                ActionColumn.DUE: action.due.isoformat() if action.due else "—",
                ActionColumn.STATUS: self.tr("{status}（已逾期）").format(status=status) if overdue else status,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == ActionColumn.ACTION:
            return action.action
        if role == Qt.ItemDataRole.ToolTipRole and overdue and column in (ActionColumn.DUE, ActionColumn.STATUS):
            return self.tr("已过完成期限，仍未整改。")
        if role == Qt.ItemDataRole.ForegroundRole and column == ActionColumn.STATUS:
            return QBrush(STATUS_COLORS.get(action.status, HISTORY_COLOR))
        if role == Qt.ItemDataRole.ForegroundRole and column == ActionColumn.DUE and overdue:
            return QBrush(STATUS_COLORS[ActionStatus.OPEN])
        if role == Qt.ItemDataRole.FontRole and overdue and column in (ActionColumn.DUE, ActionColumn.STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None


class FollowUpDialog(QDialog):
    """整改跟进 (or, in a draft, the action's new status): status, note, date.

    ``record(status, note, date)`` stores it: True when stored, False when the problem was already reported
    (the dialog stays open); an exception is shown in words and the dialog keeps what was typed.
    """

    def __init__(
        self,
        action: ActionInfo,
        item_title: str,
        choices: Sequence[str],
        draft: bool,
        record: Callable[[str, str, dt.date], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("更改整改状态") if draft else self.tr("整改跟进"))
        self._record = record
        self._draft = draft
        heading = QLabel(f"{action.item_id} {item_title}")
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        details = QLabel(
            self.tr("{action}（责任人：{owner}，期限：{due}）").format(
                action=action.action, owner=action.owner, due=action.due.isoformat() if action.due else "—"
            )
        )
        details.setWordWrap(True)
        current = QLabel(self.tr("当前状态：{status}").format(status=action_status_text(action.status)))
        current.setObjectName("followUpCurrent")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("followUpStatus")
        for status in choices:
            self.status_combo.addItem(action_status_text(status), status)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("followUpNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(80)
        self.date_edit = QDateEdit(company_qdate())
        self.date_edit.setObjectName("followUpDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(company_qdate())  # done or verified: not in the future
        self.hint = QLabel()
        self.hint.setObjectName("followUpHint")
        self.hint.setStyleSheet(SECONDARY_TEXT_CSS)
        self.hint.setWordWrap(True)
        if ActionStatus.VERIFIED not in choices and not draft:
            self.hint.setText(self.tr("已验证由单位主要负责人在整改完成后记录。"))
        elif not draft:
            self.hint.setText(self.tr("跟进记录保存在检查记录之外，已签署的记录和签名不会改变。"))
        self.hint.setVisible(bool(self.hint.text()))
        form = QFormLayout()
        form.addRow(self.tr("记录为(&S)："), self.status_combo)
        form.addRow(self.tr("说明(&N)："), self.note_edit)
        form.addRow(self.tr("日期(&D)："), self.date_edit)
        self.error = error_label("followUpError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("记录(&R)"))
        self.ok_button.setObjectName("followUpOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(details)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(480, self.sizeHint().height())

    @property
    def status(self) -> str:
        return str(self.status_combo.currentData())

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    @property
    def on(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def choices(self) -> list[str]:
        return [str(self.status_combo.itemData(i)) for i in range(self.status_combo.count())]

    @Slot()
    def _status_changed(self) -> None:
        verified = self.status == ActionStatus.VERIFIED
        if verified:
            self.note_edit.setPlaceholderText(self.tr("必填：如何验证的，例如到现场查看、查阅体温登记表"))
        else:
            self.note_edit.setPlaceholderText(self.tr("例如：已改为上下午各测一次体温"))
        # A draft keeps a date only for 已验证 (verified_on); a follow-up always has one.
        self.date_edit.setEnabled(verified or not self._draft)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self.status == ActionStatus.VERIFIED and not self.note:
            self.show_error(self.tr("请说明如何验证了整改。"))
            self.note_edit.setFocus()
            return
        try:
            stored = self._record(self.status, self.note, self.on)
        except Exception as error:
            if self._draft:
                what, kept = (
                    self.tr("整改措施的状态未能更改。"),
                    self.tr("对话框中填写的内容仍保留，可修改后再试一次。"),
                )
            else:
                what = self.tr("整改跟进未能记录。")
                kept = self.tr("检查记录没有改变；对话框中填写的内容仍保留，可修改后再试一次。")
            show_error(self, what, error, kept)
            self.show_error(error_text(error) if is_known(error) else self.tr("程序内部错误，详见错误信息。"))
            return
        if stored:
            self.accept()
