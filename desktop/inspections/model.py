"""The inspections list as a table model plus a filtering model in front of it.

The model reads no database: a loader hands it lists of ``storage.listing.InspectionRow`` (plain data).
Sorting is done on the model's Python list with a key function, filtering on the filter model's Python
list with comprehensions: one pass each, fast for tens of thousands of rows (``bench/bench_list.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from checklist.workflow import SignOffStage
from desktop.common.table_model import RowTableModel
from desktop.common.words import sign_off_text, status_text

if TYPE_CHECKING:
    from storage.listing import InspectionRow

ModelIndex = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
FAIL_COLOR = QColor("#c62828")
PASS_COLOR = QColor("#2e7d32")
SUPERSEDED_COLOR = QColor("#757575")
_STAGE_ORDER = {stage: number for number, stage in enumerate(SignOffStage)}


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


_COLUMNS = tuple(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES_WITH_DATA = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, int(RowRole)})
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def place_text(row: InspectionRow) -> str:
    return f"{row.company} / {row.site}" if row.site else row.company


def _score_key(row: InspectionRow) -> float:
    score = row.score
    return -1.0 if score is None else score


# Keys are single strings or numbers where a tuple would do: they compare several times faster, which
# counts with tens of thousands of rows. "\0" sorts below every character, so the order is the tuple's.
_SORT_KEYS: dict[Column, Callable[[InspectionRow], Any]] = {
    Column.ID: lambda r: r.id,
    Column.PLACE: lambda r: f"{r.company}\0{r.site}",
    Column.DATE: lambda r: r.date.toordinal() * 10**12 + r.id,  # by date, then by number
    Column.INSPECTOR: lambda r: r.inspector,
    Column.STATUS: lambda r: _STAGE_ORDER[r.sign_off] * 2 + (r.superseded_by is not None),
    Column.SCORE: _score_key,
    Column.FAILED: lambda r: r.failed,
    Column.UNCHECKED: lambda r: r.unchecked,
    Column.OPEN_ACTIONS: lambda r: r.open_actions,
}


def new_positions(rows: list[InspectionRow], wanted: list[InspectionRow]) -> list[int | None]:
    """Where each of ``wanted`` (the very objects) now stands in ``rows``; None where it is gone.

    The view holds few persistent indexes (its selection and current cell), so searching a list of object
    ids (C-speed) beats building a dictionary of every row."""
    if len(wanted) > 16:
        position = {id(row): number for number, row in enumerate(rows)}
        return [position.get(id(row)) for row in wanted]
    ids = list(map(id, rows))
    found: list[int | None] = []
    for row in wanted:
        try:
            found.append(ids.index(id(row)))
        except ValueError:
            found.append(None)
    return found


class InspectionTableModel(RowTableModel):
    """Rows of the inspections list; :meth:`set_rows` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # the order of _rows, until they change
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

    def set_rows(self, rows: Sequence[InspectionRow]) -> None:
        self._sorted_by = None
        super().set_rows(rows)

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        if role not in _ROLES_WITH_DATA:  # most of what a view asks for, quickly (it asks for every cell)
            return None
        column = _COLUMNS[column_number]
        if role == _DISPLAY:
            return self._display(row, column)
        if role == RowRole:
            return row
        if role == _ALIGNMENT:
            return None if column in (Column.PLACE, Column.INSPECTOR) else _CENTER
        if role == _FOREGROUND:
            if column == Column.FAILED and row.failed:
                return QBrush(FAIL_COLOR)
            if column == Column.OPEN_ACTIONS and row.open_actions:
                return QBrush(FAIL_COLOR)
            if column == Column.STATUS and row.superseded_by is not None:
                return QBrush(SUPERSEDED_COLOR)  # still on record, but a correction replaces it
            if column == Column.STATUS and row.sign_off == SignOffStage.APPROVED:
                return QBrush(PASS_COLOR)
            return None
        if column == Column.STATUS:  # the tooltip
            return self._status_tooltip(row)
        if column == Column.SCORE:  # the tooltip
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
            stage = sign_off_text(row.sign_off)
            if row.superseded_by is not None:
                return self.tr("{stage}（已被 #{id} 取代）").format(stage=stage, id=row.superseded_by)
            return stage
        if column == Column.SCORE:
            return "—" if row.score is None else f"{row.score * 100:.0f} %"
        if column == Column.FAILED:
            return str(row.failed)
        if column == Column.UNCHECKED:
            return f"{row.unchecked} / {row.total}"
        return str(row.open_actions)

    def _status_tooltip(self, row: InspectionRow) -> str:
        """The record's status, its sign-off stage, and how it stands to its corrections."""
        lines = [
            self.tr("状态：{status}；签署：{stage}").format(
                status=status_text(row.status), stage=sign_off_text(row.sign_off)
            )
        ]
        if row.supersedes is not None:
            lines.append(self.tr("本记录更正并取代记录 #{id}。").format(id=row.supersedes))
        if row.superseded_by is not None:
            lines.append(self.tr("本记录已被更正记录 #{id} 取代。").format(id=row.superseded_by))
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or self._sorted_by == (column, order):
            return  # the view may ask twice for the same order (header indicator, then sortByColumn)
        self.layoutAboutToBeChanged.emit()
        persistent = [index for index in self.persistentIndexList() if index.isValid()]
        held = [self._rows[index.row()] for index in persistent]  # the filter model in front usually holds none
        self._rows.sort(key=_SORT_KEYS[_COLUMNS[column]], reverse=order == Qt.SortOrder.DescendingOrder)
        self._sorted_by = (column, order)
        if persistent:
            new_rows = new_positions(self._rows, held)
            moved_to = [
                self.index(row, index.column()) if row is not None else QModelIndex()
                for row, index in zip(new_rows, persistent, strict=True)
            ]
            self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()


class InspectionFilterProxy(QAbstractTableModel):
    """The rows of the source model that pass the filters (place, status, date range, free text), in the
    source's order; sorting is delegated to the source model.

    Not a ``QSortFilterProxyModel``: that asks Python about every row, one call each, on every change
    (three passes over 50,000 rows took half a second on the GUI thread). Here a filter change is one list
    comprehension over plain data, and the view's persistent indexes (its selection) follow the rows.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: InspectionTableModel | None = None
        self._shown: list[InspectionRow] = []
        self._haystacks: dict[int, str] = {}  # id(row) → the text the free-text filter searches
        self._place: tuple[str, str] | None = None
        self._status: str | None = None
        self._date_from: dt.date | None = None
        self._date_to: dt.date | None = None
        self._text = ""

    # --- the source -----------------------------------------------------------------------------------

    def setSourceModel(self, model: InspectionTableModel) -> None:
        self.beginResetModel()
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.layoutChanged.connect(self._refilter)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._shown = self._filtered()
        self.endResetModel()

    def sourceModel(self) -> InspectionTableModel | None:
        return self._source

    @Slot()
    def _source_reset(self) -> None:
        self._haystacks = {}
        self._shown = self._filtered()
        self.endResetModel()

    # --- filters --------------------------------------------------------------------------------------

    def set_place(self, place: tuple[str, str] | None) -> None:
        if place != self._place:
            self._place = place
            self._refilter()

    def set_status(self, status: str | None) -> None:
        if (status or None) != self._status:
            self._status = status or None
            self._refilter()

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if (date_from, date_to) != (self._date_from, self._date_to):
            self._date_from, self._date_to = date_from, date_to
            self._refilter()

    def set_text(self, text: str) -> None:
        if text.strip().casefold() != self._text:
            self._text = text.strip().casefold()
            self._refilter()

    def _filtered(self) -> list[InspectionRow]:
        rows: list[InspectionRow] = self._source.rows() if self._source is not None else []
        if self._place is not None:
            place = self._place
            rows = [row for row in rows if (row.company, row.site) == place]
        if self._status is not None:  # a sign-off stage, as the status column shows it
            stage = self._status
            rows = [row for row in rows if row.sign_off == stage]
        if self._date_from is not None:
            date_from = self._date_from
            rows = [row for row in rows if row.date >= date_from]
        if self._date_to is not None:
            date_to = self._date_to
            rows = [row for row in rows if row.date <= date_to]
        if self._text:
            text, haystack = self._text, self._haystack
            rows = [row for row in rows if text in haystack(row)]
        return rows

    def _haystack(self, row: InspectionRow) -> str:
        found = self._haystacks.get(id(row))
        if found is None:
            found = self._haystacks[id(row)] = f"{row.id} {row.company} {row.site} {row.inspector}".casefold()
        return found

    @Slot()
    def _refilter(self) -> None:
        """Filter again (a filter or the source's order changed); persistent indexes follow their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        self._shown = self._filtered()
        persistent = [index for index in self.persistentIndexList() if index.isValid()]
        if persistent:  # the view's selection and current cell
            new_rows = new_positions(self._shown, [old[index.row()] for index in persistent])
            moved_to = [
                QModelIndex() if row is None else self.index(row, index.column())
                for row, index in zip(new_rows, persistent, strict=True)
            ]
            self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()

    # --- the model ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._source is None else self._source.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None if self._source is None else self._source.headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._source is None or not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        return self._source.cell(self._shown[index.row()], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)

    def row_at(self, proxy_row: int) -> InspectionRow:
        return self._shown[proxy_row]
