"""The dormitory-room table (宿舍表): one row per room, with each dormitory rule's verdict per row.

The verdicts are the findings of :func:`checklist.evaluation.evaluate_item` grouped by room; this module
only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checklist.limits import MAX_ROOMS
from checklist.numbers import NumberFormatError, format_number, parse_count, parse_number
from checklist.rules import Location, Verdict
from desktop.common.assets import icon
from desktop.common.i18n import english
from desktop.common.look import compact_rows

ModelIndex = QModelIndex | QPersistentModelIndex
FAIL_COLOR = QColor("#c62828")
WARN_COLOR = QColor("#b26a00")
PASS_COLOR = QColor("#2e7d32")


class RoomColumn(IntEnum):
    NAME = 0
    AREA = 1
    OCCUPANTS = 2
    LOCATION = 3
    WINDOW = 4
    BUNK_BEDS = 5


def location_text(value: str) -> str:
    names = {
        Location.ABOVE_GROUND.value: QCoreApplication.translate("Rooms", "地上"),
        Location.SEMI_BASEMENT.value: QCoreApplication.translate("Rooms", "半地下室"),
        Location.UNDERGROUND.value: QCoreApplication.translate("Rooms", "地下"),
    }
    return names.get(value, value)


def new_room() -> dict[str, Any]:
    return {
        "name": "",
        "area_m2": 0.0,
        "occupants": 0,
        "location": Location.ABOVE_GROUND.value,
        "has_window": True,
        "bunk_beds": False,
    }


@dataclass(frozen=True)
class RoomVerdict:
    """One rule's verdict on one room, ready to show."""

    verdict: Verdict | None  # None: no finding (row has an error or is incomplete)
    text: str
    details: str


class RoomTableModel(QAbstractTableModel):
    """Editable rows of the room table plus read-only verdict columns (one per table item)."""

    rows_edited = Signal()
    # A typed area or head count that was refused (what happened and what was kept), or "" once one is accepted.
    input_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._verdict_headers: list[str] = []
        self._verdicts: list[list[RoomVerdict]] = []
        self._editable = True
        self._headers = [
            self.tr("房间"),
            self.tr("面积 (m²)"),
            self.tr("人数"),
            self.tr("位置"),
            self.tr("有窗"),
            self.tr("上下床"),
        ]

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(row) for row in rows]
        self._verdicts = [[] for _ in self._rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self._rows]

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def set_verdict_columns(self, headers: Sequence[str]) -> None:
        if list(headers) == self._verdict_headers:
            return
        self.beginResetModel()
        self._verdict_headers = list(headers)
        self.endResetModel()

    def set_verdicts(self, verdicts: Sequence[Sequence[RoomVerdict]]) -> None:
        self._verdicts = [list(row) for row in verdicts]
        if self._rows and self._verdict_headers:
            first = len(RoomColumn)
            self.dataChanged.emit(
                self.index(0, first), self.index(len(self._rows) - 1, first + len(self._verdict_headers) - 1)
            )

    def append_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(new_room())
        self._verdicts.append([])
        self.endInsertRows()
        self.rows_edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        if row < len(self._verdicts):
            del self._verdicts[row]
        self.endRemoveRows()
        self.rows_edited.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RoomColumn) + len(self._verdict_headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if 0 <= section < len(self._headers):
            return self._headers[section]
        verdict = section - len(RoomColumn)
        if 0 <= verdict < len(self._verdict_headers):
            return self._verdict_headers[verdict]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._editable or index.column() >= len(RoomColumn):
            return flags
        if index.column() in (RoomColumn.WINDOW, RoomColumn.BUNK_BEDS):
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def _set_number(self, room: dict[str, Any], column: int, value: Any) -> bool:
        """Store a typed area or head count read by the product's one number rule (checklist.numbers).

        A refused value ("37,5", "-5", "2.5 people") leaves the cell as it was and says so; it is never
        turned into another number."""
        key = "area_m2" if column == RoomColumn.AREA else "occupants"
        try:
            if isinstance(value, str):
                number: float = parse_number(value) if key == "area_m2" else parse_count(value)
            else:
                number = float(value) if key == "area_m2" else int(value)
        except NumberFormatError as error:
            what = self.tr("面积") if key == "area_m2" else self.tr("人数")
            kept = format_number(float(room.get(key) or 0))
            reason = error.message_en if english() else error.message_zh
            self.input_refused.emit(
                self.tr("%1未保存：%2。保留原值 %3。").replace("%1", what).replace("%2", reason).replace("%3", kept)
            )
            return False
        room[key] = number
        self.input_refused.emit("")
        return True

    def _verdict(self, row: int, column: int) -> RoomVerdict | None:
        verdicts = self._verdicts[row] if row < len(self._verdicts) else []
        position = column - len(RoomColumn)
        return verdicts[position] if 0 <= position < len(verdicts) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        room = self._rows[index.row()]
        column = index.column()
        if column >= len(RoomColumn):
            verdict = self._verdict(index.row(), column)
            if verdict is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return verdict.text
            if role == Qt.ItemDataRole.ToolTipRole:
                return verdict.details
            if role == Qt.ItemDataRole.ForegroundRole:
                colors = {Verdict.FAIL: FAIL_COLOR, Verdict.WARNING: WARN_COLOR, Verdict.PASS: PASS_COLOR}
                return QBrush(colors.get(verdict.verdict, FAIL_COLOR) if verdict.verdict else FAIL_COLOR)
            return None
        key = ("name", "area_m2", "occupants", "location", "has_window", "bunk_beds")[column]
        value = room.get(key)
        if column in (RoomColumn.WINDOW, RoomColumn.BUNK_BEDS):
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                yes, no = self.tr("是"), self.tr("否")
                return yes if value else no
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RoomColumn.LOCATION:
                return location_text(str(value))
            if column == RoomColumn.AREA:
                return format_number(float(value or 0))
            return str(value if value is not None else "")
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RoomColumn.AREA, RoomColumn.OCCUPANTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable or index.column() >= len(RoomColumn):
            return False
        room = self._rows[index.row()]
        column = index.column()
        if column in (RoomColumn.WINDOW, RoomColumn.BUNK_BEDS):
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            room["has_window" if column == RoomColumn.WINDOW else "bunk_beds"] = checked
        elif role == Qt.ItemDataRole.EditRole:
            if column == RoomColumn.NAME:
                room["name"] = str(value).strip()
            elif column in (RoomColumn.AREA, RoomColumn.OCCUPANTS):
                if not self._set_number(room, column, value):
                    return False
            else:
                room["location"] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self.rows_edited.emit()
        return True


class RoomDelegate(QStyledItemDelegate):
    """Editors for the room table: area and head count as text read by the product's one number rule (a spin
    box would read "37,5" as 375 in a Chinese locale and drop a minus sign), a location list."""

    _location_width: int | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        column = index.column()
        if column in (RoomColumn.AREA, RoomColumn.OCCUPANTS):
            line = QLineEdit(parent)
            line.setObjectName("roomAreaEditor" if column == RoomColumn.AREA else "roomOccupantsEditor")
            line.setFrame(False)
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return line
        if column == RoomColumn.LOCATION:
            combo = QComboBox(parent)
            for location in Location:
                combo.addItem(location_text(location.value), location.value)
            combo.activated.connect(lambda _: self.commitData.emit(combo))
            return combo
        return super().createEditor(parent, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """The location column as wide as its editor needs: the list shows its longest choice whole (it showed
        a fragment of 半地下室 in a column sized for 地上)."""
        hint = super().sizeHint(option, index)
        if index.column() == RoomColumn.LOCATION:
            if self._location_width is None:
                combo = QComboBox()
                for location in Location:
                    combo.addItem(location_text(location.value), location.value)
                self._location_width = combo.sizeHint().width()
                combo.deleteLater()
            hint.setWidth(max(hint.width(), self._location_width))
        return hint

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QLineEdit) and index.column() in (RoomColumn.AREA, RoomColumn.OCCUPANTS):
            editor.setText(format_number(float(value)) if value else "")
            editor.selectAll()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit) and index.column() in (RoomColumn.AREA, RoomColumn.OCCUPANTS):
            model.setData(index, editor.text())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class RoomsEditor(QWidget):
    """The room table with Add / Remove; edits go to ``rooms_edited`` as whole-table row lists."""

    rooms_edited = Signal(list)
    import_requested = Signal()  # 从宿舍登记导入: the page reads the register and calls :meth:`merge_rows`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RoomTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("roomsTable")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RoomDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setTabKeyNavigation(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        compact_rows(self.view)
        self.view.setMinimumHeight(160)
        self.add_button = QPushButton(icon("add"), self.tr("添加房间(&R)"))
        self.add_button.setObjectName("addRoom")
        self.remove_button = QPushButton(icon("remove"), self.tr("删除所选房间"))
        self.remove_button.setObjectName("removeRoom")
        self.import_button = QPushButton(icon("add"), self.tr("从宿舍登记导入"))
        self.import_button.setObjectName("importRooms")
        self.import_button.setToolTip(self.tr("复制宿舍登记中有人居住的房间及当前人数；此后登记的变化不影响本次检查"))
        hint = QLabel(self.tr("每间宿舍一行：面积为使用面积，人数为实住人数。"))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input_error = QLabel()
        self.input_error.setObjectName("roomsInputError")
        self.input_error.setWordWrap(True)
        self.input_error.setStyleSheet(f"color: {FAIL_COLOR.name()}")
        self.input_error.setVisible(False)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.input_error)
        self.model.input_refused.connect(self._show_refusal)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self.import_requested)
        self.model.rows_edited.connect(lambda: self.rooms_edited.emit(self.model.rows()))

    def set_rooms(self, rows: Sequence[dict[str, Any]], editable: bool) -> None:
        if rows != self.model.rows():
            self.model.set_rows(rows)
        self.model.set_editable(editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.import_button.setEnabled(editable)

    def merge_rows(self, register_rows: Sequence[dict[str, Any]]) -> None:
        """Copy the register's rooms in: a room of the same name takes the register's values, the others are
        added, rooms added by hand stay."""
        rows = self.model.rows()
        by_name = {str(row.get("name", "")).strip(): index for index, row in enumerate(rows)}
        for copied in register_rows:
            if copied["name"] in by_name:
                rows[by_name[copied["name"]]] = dict(copied)
            else:
                rows.append(dict(copied))
        rows = rows[:MAX_ROOMS]
        self.model.set_rows(rows)
        self.rooms_edited.emit(self.model.rows())

    def set_verdicts(self, headers: Sequence[str], verdicts: Sequence[Sequence[RoomVerdict]]) -> None:
        self.model.set_verdict_columns(headers)
        self.model.set_verdicts(verdicts)
        self.view.resizeColumnsToContents()

    @Slot(str)
    def _show_refusal(self, message: str) -> None:
        self.input_error.setText(message)
        self.input_error.setVisible(bool(message))

    @Slot()
    def _add(self) -> None:
        if self.model.rowCount() >= MAX_ROOMS:  # the core's limit (checklist.limits), said before typing
            self._show_refusal(
                self.tr("一次检查最多 %1 间宿舍；没有添加房间，已填写的房间都保留。").replace("%1", f"{MAX_ROOMS:,}")
            )
            return
        row = self.model.append_row()
        index = self.model.index(row, RoomColumn.NAME)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.edit(index)

    @Slot()
    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        for row in rows:
            self.model.remove_row(row)


def room_verdicts(
    rows: Sequence[dict[str, Any]],
    findings_by_item: Sequence[tuple[str, Sequence[Any]]],
    errors: Sequence[str],
    errors_zh: Sequence[str] = (),
) -> list[list[RoomVerdict]]:
    """Lay out findings per room: for each row, one :class:`RoomVerdict` per table item.

    Args:
        rows: the room rows as typed.
        findings_by_item: (item id, that item's findings) for each item reading the room table.
        errors: the room errors of the evaluation (``room X: …`` / ``dormitory_rooms[i]…``).
        errors_zh: the same errors in Chinese, in the same order (shown in the Chinese interface).
    """
    said = errors if english() or len(errors_zh) != len(errors) else errors_zh
    result: list[list[RoomVerdict]] = []
    for index, row in enumerate(rows):
        name = str(row.get("name", "")).strip()
        row_errors = [
            shown
            for e, shown in zip(errors, said, strict=True)
            if (name and e.startswith(f"room {name}")) or e.startswith(f"dormitory_rooms[{index}]")
        ]
        verdicts: list[RoomVerdict] = []
        for _item_id, findings in findings_by_item:
            mine = [f for f in findings if name and f.subject == name]
            if row_errors or not mine:
                text = ("; " if english() else "；").join(row_errors) or QCoreApplication.translate("Rooms", "待填写")
                verdicts.append(
                    RoomVerdict(
                        None, QCoreApplication.translate("Rooms", "数据有误：") + text if row_errors else text, text
                    )
                )
                continue
            messages = "\n".join(f.message_en if english() else f.message_zh for f in mine)
            failed = [f for f in mine if f.verdict is Verdict.FAIL]
            warned = [f for f in mine if f.verdict is Verdict.WARNING]
            if failed:
                if english():
                    reasons = "; ".join(f"{f.measured_en or f.measured} ({f.limit_en or f.limit})" for f in failed)
                else:
                    reasons = "；".join(f"{f.measured}（{f.limit}）" for f in failed)
                verdicts.append(
                    RoomVerdict(Verdict.FAIL, QCoreApplication.translate("Rooms", "不合格：") + reasons, messages)
                )
            elif warned:
                verdicts.append(
                    RoomVerdict(Verdict.WARNING, QCoreApplication.translate("Rooms", "合格，需注意"), messages)
                )
            else:
                verdicts.append(RoomVerdict(Verdict.PASS, QCoreApplication.translate("Rooms", "合格"), messages))
        result.append(verdicts)
    return result
