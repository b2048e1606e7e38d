"""体温登记: the twice-daily grid of a day, saved through the core.

One page of :func:`storage.ledger.day_grid` (200 people, a shift) is shown in the keyboard-first
:class:`desktop.registers.grid.ReadingGrid`. What is plausible, what is a fever and what is late is the core's
(:mod:`checklist.ledger`); accepted readings are queued and stored by :func:`storage.ledger.enter_readings` off
the GUI thread, a half-day at a time, so typing never waits for the database. A reading typed after its
half-day is allowed once the user confirms it is a late entry (补录); the core marks it late and audits who
and when. A flagged person's next steps (GN 四（十四）（十五）, BJHQ 二) are shown beside the grid at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_now, company_today, utc_clock
from checklist.ledger import (
    FEVER_THRESHOLD_NOTE,
    NEXT_STEPS,
    SYMPTOM_EN,
    SYMPTOM_ZH,
    HalfDay,
    LedgerError,
    assess_reading,
    is_late,
    validate_temperature,
)
from checklist.ledger import Symptom as CoreSymptom
from desktop.common.assets import icon
from desktop.common.dates import company_qdate, python_date
from desktop.common.errors import error_text, show_error
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.registers.grid import (
    TEMPERATURE_COLUMNS,
    GridColumn,
    GridPerson,
    GridRow,
    GridRules,
    Half,
    ReadingGrid,
    ReadingGridModel,
    SaveState,
    Symptom,
    half_text,
)
from desktop.registers.grid import (
    HalfDay as GridHalf,
)
from desktop.registers.page import LedgerPage, day_edit
from desktop.registers.readings_import import (
    GateFile,
    ReadingsImportDialog,
    choose_gate_file,
    discard,
    read_gate_file,
)

if TYPE_CHECKING:
    from storage.db import Database
    from storage.ledger import CellReading, EntryResult
    from storage.ledger import GridRow as CoreGridRow
    from storage.roster import Page

SHIFT_SIZE = 200
SAVE_PAUSE_MS = 250
CORE_HALF = {Half.MORNING: HalfDay.MORNING, Half.AFTERNOON: HalfDay.AFTERNOON}


def grid_rules(threshold_c: float) -> GridRules:
    """The core's rules for the grid: its temperature check, its fever flag at ``threshold_c``, its symptoms
    (typed by number 1–7 or by name; the key is the symptom's bit)."""
    return GridRules(
        read_temperature=validate_temperature,
        is_fever=lambda celsius: assess_reading(celsius, 0, threshold_c).fever,
        symptoms=tuple(Symptom(str(int(s)), SYMPTOM_ZH[s], SYMPTOM_EN[s]) for s in CoreSymptom),
    )


def symptom_mask(keys: tuple[str, ...]) -> int:
    mask = 0
    for key in keys:
        mask |= int(key)
    return mask


def symptom_keys(mask: int) -> tuple[str, ...]:
    return tuple(str(int(s)) for s in CoreSymptom if mask & s)


def _half_day(cell: CellReading | None) -> GridHalf:
    if cell is None:
        return GridHalf()
    text = f"{cell.temperature_c:.1f}" if cell.temperature_c is not None else ""
    return GridHalf(
        text=text,
        celsius=cell.temperature_c,
        symptoms=symptom_keys(cell.symptoms),
        late=cell.late,
        state=SaveState.SAVED,
    )


def grid_rows(rows: list[CoreGridRow]) -> list[GridRow]:
    return [
        GridRow(
            GridPerson(row.employee_id, row.name, row.department),
            {Half.MORNING: _half_day(row.morning), Half.AFTERNOON: _half_day(row.afternoon)},
        )
        for row in rows
    ]


class ReadingsPage(LedgerPage):
    """The day, the grid of one shift, the flagged person's next steps, and what happened to each save."""

    saved = Signal()  # a batch of readings was stored (or refused)

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, role, parent)

        self.threshold_c = 37.3
        self.day = company_today()
        self.sealed = False
        self.offset = 0
        self.total = 0
        self.saving = False
        self.late_confirmed: set[tuple[dt.date, Half]] = set()
        self.late_box: QMessageBox | None = None
        self.clock: Callable[[], dt.datetime] = utc_clock  # the present moment, aware (a test sets the clock)
        # the company's wall-clock time of an entry (UTC+8 whatever this computer's zone): half-days and late
        # entries are the plant's
        self.now: Callable[[], dt.datetime] = lambda: company_now(self.clock)
        # readings waiting to be stored: (day, half) → {employee id: grid row}
        self._queue: dict[tuple[dt.date, Half], dict[int, int]] = {}
        self._asking: set[tuple[dt.date, Half]] = set()
        self._wanted: tuple[dt.date, int] | None = None
        self._steps_shown = ""
        # Saving waits for a pause in the typing (SAVE_PAUSE_MS): starting a save competes with the keystrokes
        # for the interpreter, and a pause's batch is one transaction instead of one per person.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_PAUSE_MS)
        self._save_timer.timeout.connect(self._save_next)

        self.date_edit = day_edit("readingsDate")
        self.date_edit.setMaximumDate(company_qdate())
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        self.threshold_label = QLabel()
        self.threshold_label.setObjectName("thresholdLabel")
        self.threshold_label.setToolTip(FEVER_THRESHOLD_NOTE[1] if english() else FEVER_THRESHOLD_NOTE[0])
        self.previous_button = QPushButton(self.tr("上一班(&P)"))
        self.previous_button.setObjectName("readingsPrevious")
        self.next_button = QPushButton(self.tr("下一班(&N)"))
        self.next_button.setObjectName("readingsNext")
        self.page_label = QLabel()
        self.page_label.setObjectName("readingsPageLabel")
        self.import_button = QPushButton(icon("open"), self.tr("从测温设备导入(&I)…"))
        self.import_button.setObjectName("readingsImport")
        self.import_button.setToolTip(self.tr("导入测温门或人脸识别测温终端导出的 CSV 或 Excel 文件"))
        self.import_button.setEnabled(self.can_edit)
        self.import_dialog: ReadingsImportDialog | None = None

        self.model = ReadingGridModel(grid_rules(self.threshold_c), self)
        self.model.set_editable(self.can_edit)
        self.grid = ReadingGrid(self.model)
        self.hint = QLabel(
            self.tr("输入体温后按 Enter 到下一人，Tab 到下一格；症状填编号：%1。F2 修改已填的值。").replace(
                "%1", "  ".join(f"{n} {s.text()}" for n, s in enumerate(self.model.rules.symptoms, start=1))
            )
        )
        self.hint.setObjectName("readingsHint")
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("readingsMessage")
        self.message.setWordWrap(True)
        self.steps = QTextBrowser()
        self.steps.setObjectName("nextSteps")
        self.steps.setMinimumWidth(260)

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.threshold_label, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.page_label)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid, 1)
        left_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.steps)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.previous_button.clicked.connect(lambda: self.show_day(self.day, self.offset - SHIFT_SIZE))
        self.next_button.clicked.connect(lambda: self.show_day(self.day, self.offset + SHIFT_SIZE))
        self.import_button.clicked.connect(self.import_readings)
        self.model.reading_entered.connect(self._entered)
        self.model.input_refused.connect(self._refused)
        self.model.flag_changed.connect(lambda _row: self._show_steps())
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_steps())
        self.grid.selectionModel().currentChanged.connect(self._show_why_unsaved)
        self._show_steps()

    # --- loading --------------------------------------------------------------------------------------

    def show_day(self, day: dt.date, offset: int = 0) -> None:
        """Store what was typed, then read the grid of ``day`` from ``offset`` (and the day's settings)."""
        from storage.ledger import day_grid, get_settings, is_sealed

        self.grid.commit_draft()
        if self.loading:  # one read at a time; the newest day asked for is read next
            self._wanted = (day, offset)
            return
        self._wanted = None
        self.loading = True
        db, offset = self.db, max(0, offset)

        def read(_progress: object) -> tuple[Page[CoreGridRow], float, bool]:
            with db.session() as session:
                sealed = is_sealed(session, day)
            return day_grid(db, day, offset=offset, limit=SHIFT_SIZE), get_settings(db).fever_threshold_c, sealed

        run_in_background(
            self,
            read,
            lambda result: self._shown(day, *result),
            self._load_failed,
            self.tr("正在读取体温登记……"),
            show_progress=False,
        )

    def _shown(self, day: dt.date, page: Page[CoreGridRow], threshold_c: float, sealed: bool) -> None:
        self.loading = False
        if self._wanted is not None:
            self.show_day(*self._wanted)
            return
        self.day, self.offset, self.total, self.sealed = day, page.offset, page.total, sealed
        self.threshold_c = threshold_c
        self.model.rules = grid_rules(threshold_c)
        self.model.set_editable(self.can_edit and not sealed)
        self.model.set_rows(grid_rows(page.rows))
        self.threshold_label.setText(
            self.tr("发热阈值 %1 °C").replace("%1", f"{threshold_c:g}")
            + (self.tr("（当日汇总已签署，记录已锁定）") if sealed else "")
        )
        if page.total:
            self.page_label.setText(self.people_shown(page.offset, len(page.rows), page.total))
        else:
            self.page_label.setText(self.tr("花名册中没有需测温的人员。"))
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + SHIFT_SIZE < self.total)
        self.grid.start()
        self._show_steps()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        show_error(self, self.tr("无法读取体温登记。"), error, self.tr("没有修改任何数据。"))

    # --- importing a gate camera's export ----------------------------------------------------------

    @Slot()
    def import_readings(self) -> None:
        """Choose a device's export, copy and read it off the GUI thread, then show the columns and preview."""
        path = choose_gate_file(self)
        if path is None:
            return
        self.flush()  # what was typed is stored before the file's readings
        db = self.db
        self.message.setText(self.tr("正在读取“%1”……").replace("%1", path.name))
        run_in_background(
            self,
            lambda _progress: read_gate_file(db, path),
            self._gate_file_read,
            lambda error: show_error(self, self.tr("无法读取这个文件。"), error, self.tr("没有导入任何数据。")),
            self.tr("正在读取“%1”……").replace("%1", path.name),
        )

    def _gate_file_read(self, gate_file: GateFile) -> None:
        self.message.clear()
        if self.import_dialog is not None:  # one at a time
            discard(gate_file)
            return
        dialog = ReadingsImportDialog(self.db, self.actor, gate_file, self.now, self)
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self._gate_imported(dialog))
        dialog.finished.connect(lambda _: setattr(self, "import_dialog", None))
        dialog.open()

    def _gate_imported(self, dialog: ReadingsImportDialog) -> None:
        self.show_day(self.day, self.offset)
        self.message.setText(dialog.result_text())

    # --- saving ---------------------------------------------------------------------------------------

    @Slot(int, str)
    def _entered(self, row: int, half_name: str) -> None:
        half = Half(half_name)
        grid_row = self.model.row(row)
        if grid_row.halves[half].celsius is None:  # symptoms before the temperature: stored with it
            self.message.setText(self.tr("症状将与%1体温一起保存。").replace("%1", half_text(half)))
            return
        key = (self.day, half)
        try:
            late = is_late(self.day, CORE_HALF[half], self.now())
        except LedgerError as error:
            words = error.message_en if english() else error.message_zh
            self.model.set_state(row, half, SaveState.FAILED, words)
            self.message.setText(words)
            return
        self._queue.setdefault(key, {})[grid_row.person.employee_id] = row
        if late and key not in self.late_confirmed:
            self._ask_late(key)
            return
        self._save_timer.start()  # stored when the typing pauses, a batch per half-day

    def _ask_late(self, key: tuple[dt.date, Half]) -> None:
        """Once per half-day: a reading typed after it is a late entry (补录), marked and audited as such."""
        if key in self._asking:
            return
        self._asking.add(key)
        box = QMessageBox(self)
        box.setObjectName("lateEntryBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("补录"))
        box.setText(
            self.tr("%1 %2 已过，现在录入的体温将标记为补录，并记入审计记录（录入人、录入时间）。确认补录吗？")
            .replace("%1", key[0].isoformat())
            .replace("%2", half_text(key[1]))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._late_answered(key, result == QMessageBox.StandardButton.Yes))
        self.late_box = box
        box.open()

    def _late_answered(self, key: tuple[dt.date, Half], confirmed: bool) -> None:
        self._asking.discard(key)
        self.late_box = None
        if confirmed:
            self.late_confirmed.add(key)
            self._save_next()
        else:
            words = self.tr("未保存：未确认补录。")
            for row in self._queue.pop(key, {}).values():
                self.model.set_state(row, key[1], SaveState.FAILED, words)
            self.message.setText(words)
        self.window().activateWindow()  # the keyboard back to the grid, where the user was typing
        self.grid.setFocus()

    def _save_next(self) -> None:
        """Store the next half-day's queued readings (one call, one transaction) unless a save is running."""
        from storage.ledger import ReadingEntry, enter_readings

        if self.saving:
            return
        ready = [key for key in self._queue if key not in self._asking]
        if not ready:
            return
        key = ready[0]
        rows = self._queue.pop(key)
        day, half = key
        entries = []
        for employee_id, row in rows.items():
            data = self.model.row(row).halves[half]
            entries.append(ReadingEntry(employee_id, data.celsius, symptom_mask(data.symptoms)))
        db, actor, now = self.db, self.actor, self.now()
        self.saving = True
        run_in_background(
            self,
            lambda _progress: enter_readings(db, actor, day, CORE_HALF[half], entries, now_local=now),
            lambda result: self._stored(day, half, rows, result),
            lambda error: self._store_failed(day, half, rows, error),
            self.tr("正在保存体温……"),
            show_progress=False,
        )

    def _stored(self, day: dt.date, half: Half, rows: dict[int, int], result: EntryResult) -> None:
        self.saving = False
        if day == self.day:
            for row in rows.values():
                if result.late:
                    self.model.mark_late(row, half)
                self.model.set_state(row, half, SaveState.SAVED)
        self.message.setText(
            self.tr("已保存 %1 条%2体温%3。")
            .replace("%1", str(len(rows)))
            .replace("%2", half_text(half))
            .replace("%3", self.tr("（补录）") if result.late else "")
        )
        self.saved.emit()
        self._save_next()

    def _store_failed(self, day: dt.date, half: Half, rows: dict[int, int], error: BaseException) -> None:
        self.saving = False
        words = error_text(error)
        if day == self.day:
            for row in rows.values():
                self.model.set_state(row, half, SaveState.FAILED, words)
        self.message.setText(self.tr("体温未保存：%1").replace("%1", words))
        self.saved.emit()
        self._save_next()

    def flush(self) -> None:
        """Store what is typed and queued now, without waiting for a pause (before closing)."""
        self.grid.commit_draft()
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_next()

    def pending(self) -> int:
        """Readings typed and not yet stored (queued, being asked about, or being saved)."""
        return sum(len(rows) for rows in self._queue.values()) + (1 if self.saving else 0)

    @Slot(str)
    def _refused(self, words: str) -> None:
        self.message.setText(words)

    def _show_why_unsaved(self, current: QModelIndex) -> None:
        """Back on a temperature that was not stored, its reason is said under the grid again (another
        cell's message may have replaced it meanwhile); the cell's tooltip keeps it too."""
        half = TEMPERATURE_COLUMNS.get(GridColumn(current.column())) if current.isValid() else None
        if half is not None and 0 <= current.row() < self.model.rowCount():
            words = self.model.unsaved_text(current.row(), half)
            if words:
                self.message.setText(words)

    # --- the flagged person's next steps ------------------------------------------------------------

    def _show_steps(self) -> None:
        current: QModelIndex = self.grid.currentIndex()
        flagged = self.model.flagged_rows()
        if current.isValid() and self.model.is_flagged(current.row()):
            shown = current.row()
        elif flagged:
            shown = flagged[-1]
        else:
            self._set_steps(
                "<p>"
                + self.tr(
                    "发热（≥ %1 °C）或有可疑症状的人员会在此列出下一步措施（GN 四（十四）（十五）、BJHQ 二）。"
                ).replace("%1", f"{self.threshold_c:g}")
                + "</p>"
            )
            return
        self._set_steps(self.steps_html(shown, len(flagged)))

    def _set_steps(self, html: str) -> None:
        """Lay out the panel only when it changes: the cursor moves on every Enter, and laying out rich text
        costs more than a keystroke may (bench/bench_grid.py)."""
        if html != self._steps_shown:
            self._steps_shown = html
            self.steps.setHtml(html)

    def steps_html(self, row: int, flagged_count: int) -> str:
        from html import escape

        grid_row = self.model.row(row)
        reasons: list[str] = []
        for half, data in grid_row.halves.items():
            assessment = assess_reading(data.celsius, symptom_mask(data.symptoms), self.threshold_c)
            if assessment.flagged:
                reason = assessment.reason_en if english() else assessment.reason_zh
                reasons.append(f"{half_text(half)}：{reason}" if not english() else f"{half_text(half)}: {reason}")
        steps = "".join(
            f"<li>{escape(step.en if english() else step.zh)} <small>（{escape(step.cite)}）</small></li>"
            for step in NEXT_STEPS
        )
        header = self.tr("本页发热或有症状：%1 人").replace("%1", str(flagged_count))
        title = self.tr("下一步")
        return (
            f"<p><b style='color:#b71c1c'>{escape(grid_row.person.name)}</b>"
            f"（{escape(grid_row.person.department)}）<br>{escape('；'.join(reasons))}</p>"
            f"<p><b>{escape(title)}</b></p><ol>{steps}</ol><p><small>{escape(header)}</small></p>"
        )
