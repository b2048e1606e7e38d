"""The inspections list as a table model plus a filter/sort proxy.

The model reads no database: a loader hands it lists of ``storage.service.InspectionRow`` (plain data).
Sorting is done on the model's Python list with a key function (one pass, fast for tens of thousands of
rows); the proxy filters and forwards sort requests to the model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.table_model import RowTableModel

if TYPE_CHECKING:
    from storage.service import InspectionRow

ModelIndex = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FAIL_COLOR = QColor("#c62828")
PASS_COLOR = QColor("#2e7d32")


class Column(IntEnum):
    ID = 0
    PLACE = 1
    DATE = 2
    INSPECTOR = 3
    STATUS = 4
    SCORE = 5
    FAILED = 6
    UNCHECKED = 7
    OPEN_ACTIONS = 8


def status_text(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("Status", "草稿"),
        "completed": QCoreApplication.translate("Status", "已完成"),
        "signed": QCoreApplication.translate("Status", "已签署"),
    }
    return names.get(status, status)


def place_text(row: InspectionRow) -> str:
    return f"{row.company} / {row.site}" if row.site else row.company


def _score_key(row: InspectionRow) -> float:
    score = row.score
    return -1.0 if score is None else score


_SORT_KEYS: dict[Column, Callable[[InspectionRow], Any]] = {
    Column.ID: lambda r: r.id,
    Column.PLACE: lambda r: (r.company, r.site),
    Column.DATE: lambda r: (r.date, r.id),
    Column.INSPECTOR: lambda r: r.inspector,
    Column.STATUS: lambda r: r.status,
    Column.SCORE: _score_key,
    Column.FAILED: lambda r: r.failed,
    Column.UNCHECKED: lambda r: r.unchecked,
    Column.OPEN_ACTIONS: lambda r: r.open_actions,
}


class InspectionTableModel(RowTableModel):
    """Rows of the inspections list; :meth:`set_rows` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("编号"),
            self.tr("企业 / 场所"),
            self.tr("日期"),
            self.tr("检查人"),
            self.tr("状态"),
            self.tr("得分"),
            self.tr("不合格"),
            self.tr("未查"),
            self.tr("未完成整改"),
        ]

    def row_at(self, row: int) -> InspectionRow:
        return self._rows[row]  # type: ignore[no-any-return]

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = Column(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == RowRole:
            return row
        if role == SortRole:
            key = _SORT_KEYS[column](row)
            return str(key) if isinstance(key, tuple) else key
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (Column.PLACE, Column.INSPECTOR):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.FAILED and row.failed:
                return QBrush(FAIL_COLOR)
            if column == Column.OPEN_ACTIONS and row.open_actions:
                return QBrush(FAIL_COLOR)
            if column == Column.STATUS and row.status != "draft":
                return QBrush(PASS_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.SCORE:
            return self.tr("合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}").format(
                passed=row.passed, failed=row.failed, na=row.na, unchecked=row.unchecked
            )
        return None

    def _display(self, row: InspectionRow, column: Column) -> str:
        if column == Column.ID:
            return str(row.id)
        if column == Column.PLACE:
            return place_text(row)
        if column == Column.DATE:
            return row.date.isoformat()
        if column == Column.INSPECTOR:
            return row.inspector
        if column == Column.STATUS:
            return status_text(row.status)
        if column == Column.SCORE:
            return "—" if row.score is None else f"{row.score * 100:.0f} %"
        if column == Column.FAILED:
            return str(row.failed)
        if column == Column.UNCHECKED:
            return f"{row.unchecked} / {row.total}"
        return str(row.open_actions)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows.sort(key=_SORT_KEYS[Column(column)], reverse=order == Qt.SortOrder.DescendingOrder)
        position = {id(row): i for i, row in enumerate(self._rows)}
        from_list, to_list = [], []
        for persistent in self.persistentIndexList():
            if persistent.isValid():
                from_list.append(persistent)
                to_list.append(self.index(position[id(old[persistent.row()])], persistent.column()))
        self.changePersistentIndexList(from_list, to_list)
        self.layoutChanged.emit()


class InspectionFilterProxy(QSortFilterProxyModel):
    """Filters by place, status, date range and free text; sorting is delegated to the source model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._place: tuple[str, str] | None = None
        self._status: str | None = None
        self._date_from: dt.date | None = None
        self._date_to: dt.date | None = None
        self._text = ""

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply a filter change (Qt ≥ 6.10 wants it bracketed; older versions invalidate afterwards)."""
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_place(self, place: tuple[str, str] | None) -> None:
        self._refilter(lambda: setattr(self, "_place", place))

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status or None))

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        def change() -> None:
            self._date_from, self._date_to = date_from, date_to

        self._refilter(change)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, InspectionTableModel):
            return True
        row = model.row_at(source_row)
        if self._place is not None and (row.company, row.site) != self._place:
            return False
        if self._status is not None and row.status != self._status:
            return False
        if self._date_from is not None and row.date < self._date_from:
            return False
        if self._date_to is not None and row.date > self._date_to:
            return False
        if self._text:
            haystack = f"{row.id} {row.company} {row.site} {row.inspector}".casefold()
            if self._text not in haystack:
                return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def row_at(self, proxy_row: int) -> InspectionRow:
        source = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        assert isinstance(model, InspectionTableModel)
        return model.row_at(source.row())
