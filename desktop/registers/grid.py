"""The twice-daily temperature grid (上午 / 下午体温登记): one row per person on site, keyboard first.

The person in charge enters the readings of a whole shift on behalf of everyone (many staff have no phone):
typing a number in a temperature cell opens it with that number, Enter stores it and moves down, Tab moves
across to the next cell to fill. Whether a typed reading is plausible and whether it is a fever is decided by
the core (the rules are handed in as :class:`GridRules`); the grid only shows the answer at once — a refused
reading stays in its cell, in red, with the one sentence that says why, so it can be corrected; a fever or a
symptom turns the whole row red.

The model holds plain rows handed in by the window (no database reads); every accepted reading is announced
with :attr:`ReadingGridModel.reading_entered`, and the window saves it through the core (off the GUI thread,
so no keystroke waits for the disk).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.common.i18n import english
from desktop.common.look import compact_rows

ModelIndex = QModelIndex | QPersistentModelIndex
FLAG_BACKGROUND = QColor("#ffcdd2")
FLAG_TEXT = QColor("#b71c1c")
REFUSED_BACKGROUND = QColor("#fff3e0")
REFUSED_TEXT = QColor("#c62828")
LATE_TEXT = QColor("#6a1b9a")
SYMPTOM_SEPARATORS = re.compile(r"[\s,，、;；/]+")


class Half(StrEnum):
    """The two checks of a day (GN（一）: 上午、下午各测一次)."""

    MORNING = "morning"
    AFTERNOON = "afternoon"


class GridColumn(IntEnum):
    NAME = 0
    DEPARTMENT = 1
    MORNING = 2
    MORNING_SYMPTOMS = 3
    AFTERNOON = 4
    AFTERNOON_SYMPTOMS = 5
    FLAG = 6


TEMPERATURE_COLUMNS = {GridColumn.MORNING: Half.MORNING, GridColumn.AFTERNOON: Half.AFTERNOON}
HALF_COLUMN = {half: column for column, half in TEMPERATURE_COLUMNS.items()}
SYMPTOM_COLUMNS = {GridColumn.MORNING_SYMPTOMS: Half.MORNING, GridColumn.AFTERNOON_SYMPTOMS: Half.AFTERNOON}
EDITABLE_COLUMNS = (
    GridColumn.MORNING,
    GridColumn.MORNING_SYMPTOMS,
    GridColumn.AFTERNOON,
    GridColumn.AFTERNOON_SYMPTOMS,
)
_EDITABLE = frozenset(int(column) for column in EDITABLE_COLUMNS)
_READ_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_FLAGS | Qt.ItemFlag.ItemIsEditable
_TEMPERATURE = {int(column): half for column, half in TEMPERATURE_COLUMNS.items()}
_SYMPTOMS = {int(column): half for column, half in SYMPTOM_COLUMNS.items()}
# The roles a cell answers; a repaint asks for a dozen more, answered None at once (a keystroke repaints the
# visible rows, so every call counts: see bench/bench_grid.py).
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)


@dataclass(frozen=True)
class Symptom:
    """One symptom the grid offers (the core's list): its key, its words, and the number typed for it."""

    key: str
    zh: str
    en: str

    def text(self) -> str:
        return self.en if english() else self.zh


@dataclass(frozen=True)
class GridRules:
    """What the core decides, handed to the grid: reading a typed temperature (raising an error whose
    ``message_zh``/``reason_zh`` and ``str`` say why it is refused), whether a reading is a fever, and the
    symptoms to choose from (typed by number or by name)."""

    read_temperature: Callable[[str], float]
    is_fever: Callable[[float], bool]
    symptoms: Sequence[Symptom]


@dataclass(frozen=True)
class GridPerson:
    """A person on site: a row of the grid."""

    employee_id: int
    name: str
    department: str


class SaveState(StrEnum):
    NONE = ""
    PENDING = "pending"  # accepted, not yet stored
    SAVED = "saved"
    FAILED = "failed"


@dataclass
class HalfDay:
    """What one row holds for one half of the day."""

    text: str = ""  # the temperature as typed (kept when refused, so it can be corrected)
    celsius: float | None = None  # the accepted reading
    refusal: str = ""  # why the typed text was refused, in the interface's language
    symptoms: tuple[str, ...] = ()  # symptom keys
    late: bool = False
    state: SaveState = SaveState.NONE
    save_error: str = ""


@dataclass
class GridRow:
    person: GridPerson
    halves: dict[Half, HalfDay] = field(default_factory=lambda: {half: HalfDay() for half in Half})


def refusal_words(error: BaseException) -> str:
    """An error of the core in the interface's language (a rule's ``reason``/``reason_zh`` or a
    :class:`storage.errors.KnownError`'s ``message_zh``)."""
    if english():
        return str(getattr(error, "message_en", "") or getattr(error, "reason", "") or error)
    return str(getattr(error, "reason_zh", "") or getattr(error, "message_zh", "") or error)


class ReadingGridModel(QAbstractTableModel):
    """The rows of one day's grid; temperature and symptom cells are editable."""

    # (row, half): an accepted reading or symptom change to store
    reading_entered = Signal(int, str)
    # a refused cell's sentence, or "" when a value was accepted
    input_refused = Signal(str)
    # a row's flag changed (fever or symptom found, or cleared)
    flag_changed = Signal(int)

    def __init__(self, rules: GridRules, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self._rows: list[GridRow] = []
        self._flagged: list[bool] = []  # per row, kept up to date by _row_changed
        self._draft: tuple[int, int, str] | None = None  # (row, column, text) being typed into a cell
        self._editable = True
        self._flag_brush = QBrush(FLAG_BACKGROUND)
        self._flag_text = QBrush(FLAG_TEXT)
        self._refused_brush = QBrush(REFUSED_BACKGROUND)
        self._refused_text = QBrush(REFUSED_TEXT)
        self._late_text = QBrush(LATE_TEXT)
        self._headers = [
            self.tr("姓名"),
            self.tr("部门"),
            self.tr("上午体温 °C"),
            self.tr("上午症状"),
            self.tr("下午体温 °C"),
            self.tr("下午症状"),
            self.tr("提示"),
        ]

    # --- rows -----------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[GridRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._flagged = [self._compute_flag(row) for row in self._rows]
        self.endResetModel()

    def row(self, row: int) -> GridRow:
        return self._rows[row]

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def draft(self) -> tuple[int, int, str] | None:
        return self._draft

    def set_draft(self, row: int, column: int, text: str) -> None:
        """Show ``text`` being typed into a cell (not yet stored: :meth:`setData` stores it)."""
        old = self._draft
        self._draft = (row, column, text) if text else None
        if old is not None and old[:2] != (row, column):
            self.dataChanged.emit(self.index(old[0], old[1]), self.index(old[0], old[1]))
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def set_state(self, row: int, half: Half, state: SaveState, error: str = "") -> None:
        """The window tells how storing a reading went. Only a cell whose look changes is repainted: a stored
        reading looks as it did while pending, and a shift's batch coming back during a keystroke must not
        repaint the grid (bench/bench_grid.py: 94 rows' repaint was the slowest keystroke)."""
        if not 0 <= row < len(self._rows):
            return
        day = self._rows[row].halves[half]
        looked = (day.state == SaveState.FAILED, day.save_error)
        day.state = state
        day.save_error = error
        if (state == SaveState.FAILED, error) != looked:
            self._cell_changed(row, half)

    def unsaved_text(self, row: int, half: Half) -> str:
        """Why a cell's temperature is not stored — refused as typed, or refused when stored — in a sentence
        naming the person: "张三 的下午体温未保存：…"; "" for a cell with nothing unsaved."""
        day = self._rows[row].halves[half]
        reason = day.refusal or (day.save_error if day.state == SaveState.FAILED else "")
        if not reason:
            return ""
        return (
            self.tr("%1 的%2体温未保存：%3")
            .replace("%1", self._rows[row].person.name)
            .replace("%2", half_text(half))
            .replace("%3", reason)
        )

    def mark_late(self, row: int, half: Half) -> None:
        if 0 <= row < len(self._rows) and not self._rows[row].halves[half].late:
            self._rows[row].halves[half].late = True
            self._cell_changed(row, half)

    def _cell_changed(self, row: int, half: Half) -> None:
        """A temperature cell's save state or late mark changed (neither changes the row's flag)."""
        index = self.index(row, HALF_COLUMN[half])
        self.dataChanged.emit(index, index)

    # --- what the core decided, per row -------------------------------------------------------------

    def fevers(self, row: GridRow) -> list[tuple[Half, float]]:
        return [
            (half, day.celsius)
            for half, day in row.halves.items()
            if day.celsius is not None and self.rules.is_fever(day.celsius)
        ]

    def symptoms_of(self, row: GridRow) -> list[str]:
        seen: list[str] = []
        for day in row.halves.values():
            seen.extend(key for key in day.symptoms if key not in seen)
        return seen

    def _compute_flag(self, grid_row: GridRow) -> bool:
        return bool(self.fevers(grid_row) or self.symptoms_of(grid_row))

    def is_flagged(self, row: int) -> bool:
        return self._flagged[row]

    def flagged_rows(self) -> list[int]:
        return [row for row in range(len(self._rows)) if self.is_flagged(row)]

    def symptom_text(self, keys: Sequence[str]) -> str:
        names = {symptom.key: symptom.text() for symptom in self.rules.symptoms}
        return ("," if english() else "、").join(names.get(key, key) for key in keys)

    def flag_text(self, row: int) -> str:
        grid_row = self._rows[row]
        parts = [self.tr("发热 %1 °C").replace("%1", f"{celsius:.1f}") for _, celsius in self.fevers(grid_row)]
        symptoms = self.symptoms_of(grid_row)
        if symptoms:
            parts.append(self.symptom_text(symptoms))
        return "; ".join(parts) if english() else "；".join(parts)

    # --- Qt model -------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(GridColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _EDITABLE_FLAGS if self._editable and index.column() in _EDITABLE else _READ_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        grid_row = self._rows[row]
        column = index.column()
        flagged = self._flagged[row]
        draft = self._draft
        if draft is not None and draft[0] == row and draft[1] == column:
            if role == Qt.ItemDataRole.DisplayRole:
                return draft[2] + "▏"
            if role == Qt.ItemDataRole.BackgroundRole:
                return None
        if role == Qt.ItemDataRole.BackgroundRole:
            half = _TEMPERATURE.get(column)
            if half is not None and grid_row.halves[half].refusal:
                return self._refused_brush
            return self._flag_brush if flagged else None
        if column == GridColumn.NAME:
            return self._person_cell(grid_row, role, flagged)
        if column == GridColumn.DEPARTMENT:
            return grid_row.person.department if role == Qt.ItemDataRole.DisplayRole else None
        half = _TEMPERATURE.get(column)
        if half is not None:
            return self._temperature_cell(grid_row.halves[half], role)
        half = _SYMPTOMS.get(column)
        if half is not None:
            day = grid_row.halves[half]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self.symptom_text(day.symptoms) if day.symptoms else ""
            if role == Qt.ItemDataRole.ForegroundRole and day.symptoms:
                return self._flag_text
            return None
        if column == GridColumn.FLAG and flagged:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.flag_text(row)
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._flag_text
        return None

    def _person_cell(self, grid_row: GridRow, role: int, flagged: bool) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return grid_row.person.name
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return self._flag_text
        return None

    def _temperature_cell(self, day: HalfDay, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if day.refusal:
                return f"{day.text} ⚠ {day.refusal}"
            if day.celsius is None:
                return ""
            late = self.tr("（补录）") if day.late else ""
            unsaved = self.tr("（未保存）") if day.state == SaveState.FAILED else ""
            return f"{day.celsius:.1f}{late}{unsaved}"
        if role == Qt.ItemDataRole.EditRole:
            return day.text if day.refusal else (f"{day.celsius:.1f}" if day.celsius is not None else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if day.refusal:
                return day.refusal
            if day.state == SaveState.FAILED:
                return day.save_error
            return self.tr("补录：录入时已过该时段") if day.late else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if day.refusal or day.state == SaveState.FAILED:
                return self._refused_text
            if day.celsius is not None and self.rules.is_fever(day.celsius):
                return self._flag_text
            return self._late_text if day.late else None
        if role == Qt.ItemDataRole.TextAlignmentRole and not day.refusal:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable or role != Qt.ItemDataRole.EditRole:
            return False
        column = GridColumn(index.column())
        row = index.row()
        if column in TEMPERATURE_COLUMNS:
            changed = self._set_temperature(row, TEMPERATURE_COLUMNS[column], str(value))
        elif column in SYMPTOM_COLUMNS:
            changed = self._set_symptoms(row, SYMPTOM_COLUMNS[column], str(value))
        else:
            return False
        return changed

    def _set_temperature(self, row: int, half: Half, text: str) -> bool:
        day = self._rows[row].halves[half]
        typed = text.strip()
        was_flagged = self.is_flagged(row)
        if not typed:
            if day.refusal:  # a refused value erased: nothing was stored, nothing to store
                day.text, day.refusal = "", ""
                self.input_refused.emit("")
                self._row_changed(row)
            return False  # an accepted reading is corrected, never erased, from the grid
        try:
            celsius = self.rules.read_temperature(typed)
        except Exception as error:  # the core's refusal in words; the typed value stays for correction
            day.text = typed
            day.refusal = refusal_words(error)
            self.input_refused.emit(self.unsaved_text(row, half))
            self._row_changed(row)
            return False
        # the same value typed again over one that could not be stored is stored again
        unchanged = day.celsius == celsius and not day.refusal and day.state != SaveState.FAILED
        day.text, day.refusal, day.celsius = typed, "", celsius
        self.input_refused.emit("")
        if not unchanged:
            day.state = SaveState.PENDING
            self.reading_entered.emit(row, half.value)
        self._row_changed(row, was_flagged)
        return True

    def _set_symptoms(self, row: int, half: Half, text: str) -> bool:
        day = self._rows[row].halves[half]
        was_flagged = self.is_flagged(row)
        try:
            keys = self.read_symptoms(text)
        except ValueError as error:
            self.input_refused.emit(str(error))
            return False
        self.input_refused.emit("")
        if keys == day.symptoms:
            return False
        day.symptoms = keys
        day.state = SaveState.PENDING
        self.reading_entered.emit(row, half.value)
        self._row_changed(row, was_flagged)
        return True

    def read_symptoms(self, text: str) -> tuple[str, ...]:
        """Symptoms typed by number (1 发热, 2 干咳 …) or by name, separated by spaces, commas or 、; "0" or
        nothing is none. Raises ValueError naming what is not a symptom."""
        keys: list[str] = []
        by_name = {}
        for number, symptom in enumerate(self.rules.symptoms, start=1):
            for name in (str(number), symptom.key, symptom.zh, symptom.en.lower()):
                by_name[name] = symptom.key
        for token in SYMPTOM_SEPARATORS.split(text.strip()):
            if token in ("", "0", "-", "无", "none"):
                continue
            key = by_name.get(token.translate(FULL_WIDTH_DIGITS).lower())
            if key is None:
                raise ValueError(
                    self.tr("“%1”不是可选的症状，症状未保存：请填写编号 1–%2 或症状名称。")
                    .replace("%1", token)
                    .replace("%2", str(len(self.rules.symptoms)))
                )
            if key not in keys:
                keys.append(key)
        return tuple(keys)

    def _row_changed(self, row: int, was_flagged: bool | None = None) -> None:
        self._flagged[row] = self._compute_flag(self._rows[row])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(GridColumn) - 1))
        if was_flagged is not None and was_flagged != self.is_flagged(row):
            self.flag_changed.emit(row)


FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def half_text(half: Half | str) -> str:
    from PySide6.QtCore import QCoreApplication

    return (
        QCoreApplication.translate("Registers", "上午")
        if half == Half.MORNING
        else QCoreApplication.translate("Registers", "下午")
    )


class GridDelegate(QStyledItemDelegate):
    """A plain line editor for every cell. Enter and Tab are handled here, at once (Qt's own delegate commits
    Enter through a queued call): the value is stored, the editor closed and the grid told where to go next."""

    moved = Signal(int)  # a key that ended an edit: Qt.Key.Key_Return (down), Key_Tab (across), Key_Backtab

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        line = QLineEdit(parent)
        line.setObjectName("gridEditor")
        line.setFrame(False)
        if index.column() in TEMPERATURE_COLUMNS:
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.moved.emit(Qt.Key.Key_Return if key == Qt.Key.Key_Enter else key)
                return True
        return super().eventFilter(editor, event)


class ReadingGrid(QTableView):
    """The grid view: typing fills the current cell, Enter goes down, Tab goes across the cells to fill.

    Typed characters go straight into the current cell (shown as typed, stored on Enter, Tab or a move), as
    in a spreadsheet, without opening an editor widget: an editor opening and closing repaints the whole grid,
    which on a plant PC costs more than a keystroke may (bench/bench_grid.py). F2 or a double click opens a
    real editor to correct a value with the cursor keys.
    """

    def __init__(self, model: ReadingGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingGrid")
        self.grid_model = model
        self.setModel(model)
        self.delegate = GridDelegate(self)
        self.delegate.moved.connect(self._move_after_edit)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # 全角 digits, symptom names
        compact_rows(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (GridColumn.NAME, 90),
            (GridColumn.DEPARTMENT, 110),
            (GridColumn.MORNING, 110),
            (GridColumn.MORNING_SYMPTOMS, 120),
            (GridColumn.AFTERNOON, 110),
            (GridColumn.AFTERNOON_SYMPTOMS, 120),
        ):
            self.setColumnWidth(column, width)

    def start(self, column: GridColumn = GridColumn.MORNING) -> None:
        """Put the cursor in the first row's ``column`` (where a shift's entry starts); the keyboard comes
        with it only while the grid is on screen: a read landing while the officer types on another tab
        would otherwise take the keys to a hidden grid and close the editor they were typing in."""
        if self.grid_model.rowCount():
            self.setCurrentIndex(self.grid_model.index(0, column))
        if self.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- typing into the current cell ---------------------------------------------------------------

    def commit_draft(self) -> bool:
        """Store what was typed into a cell and not yet stored (before a save, a move, or closing); whether
        there was anything."""
        draft = self.grid_model.draft()
        if draft is None:
            return False
        row, column, text = draft
        self.grid_model.set_draft(row, column, "")
        self.grid_model.setData(self.grid_model.index(row, column), text)
        return True

    def _type(self, text: str) -> None:
        current = self.currentIndex()
        draft = self.grid_model.draft()
        typed = draft[2] if draft is not None and draft[:2] == (current.row(), current.column()) else ""
        self.grid_model.set_draft(current.row(), current.column(), typed + text)

    def _typing_here(self) -> bool:
        current = self.currentIndex()
        return (
            self.state() != QAbstractItemView.State.EditingState
            and current.isValid()
            and bool(self.grid_model.flags(current) & Qt.ItemFlag.ItemIsEditable)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        draft = self.grid_model.draft()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_draft()
            self._move_after_edit(Qt.Key.Key_Return)
            return
        if draft is not None and key == Qt.Key.Key_Escape:
            self.grid_model.set_draft(draft[0], draft[1], "")
            return
        if draft is not None and key == Qt.Key.Key_Backspace:
            self.grid_model.set_draft(draft[0], draft[1], draft[2][:-1])
            return
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and text and text.isprintable() and self._typing_here():
            self._type(text)
            return
        self.commit_draft()  # a move (arrows, Page Down …) stores what was typed first
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text an input method commits (全角 ３６．５, a symptom typed in 拼音) goes into the cell too."""
        if event.commitString() and self._typing_here():
            self._type(event.commitString())
            event.accept()
            return
        super().inputMethodEvent(event)

    def currentChanged(
        self, current: QModelIndex | QPersistentModelIndex, previous: QModelIndex | QPersistentModelIndex
    ) -> None:
        draft = self.grid_model.draft()
        if draft is not None and draft[:2] != (current.row(), current.column()):
            self.commit_draft()  # moved away with the mouse: store what was typed
        super().currentChanged(current, previous)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit_draft()
        super().focusOutEvent(event)

    # --- moving -------------------------------------------------------------------------------------

    def _move_after_edit(self, key: int) -> bool:
        """Move the cursor as ``key`` says; False if it is already at the edge."""
        current = self.currentIndex()
        if not current.isValid():
            return False
        if key == Qt.Key.Key_Return:
            target = self._below(current)
        else:
            target = self._across(current, -1 if key == Qt.Key.Key_Backtab else 1)
        if target == current:
            return False
        self.setCurrentIndex(target)
        return True

    def _below(self, index: QModelIndex) -> QModelIndex:
        if index.row() + 1 < self.grid_model.rowCount():
            return self.grid_model.index(index.row() + 1, index.column())
        return index

    def _across(self, index: QModelIndex, step: int) -> QModelIndex:
        """The next (``step`` 1) or previous editable cell, row by row."""
        row, column = index.row(), index.column()
        order = list(EDITABLE_COLUMNS)
        position = (order.index(GridColumn(column)) + step) if column in order else (0 if step > 0 else len(order) - 1)
        if position >= len(order):
            row, position = row + 1, 0
        elif position < 0:
            row, position = row - 1, len(order) - 1
        if not 0 <= row < self.grid_model.rowCount():
            return index
        return self.grid_model.index(row, order[position])

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab stays in the grid (it stores what was typed and moves across); at the last cell it leaves."""
        if self.state() != QAbstractItemView.State.EditingState:
            self.commit_draft()
            if self._move_after_edit(Qt.Key.Key_Tab if next else Qt.Key.Key_Backtab):
                return True
        return QWidget.focusNextPrevChild(self, next)  # at the last cell: on to the next widget
