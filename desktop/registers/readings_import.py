"""从测温设备导入: readings from a gate camera's or face-recognition terminal's export (CSV or Excel).

The file chosen is copied first into a private temporary folder, and the preview and the import both read that
copy: what is imported is what was previewed, byte for byte, even if the device rewrites its file meanwhile.
Its columns are found by their headers, or by the mapping remembered for the source (the device's name), and
the user may choose them (:func:`storage.ledger_import.suggested_mapping`); the preview is the core's check
(:func:`storage.ledger_import.check_readings_file`: bad rows by number and reason, names not on the roster), and
"导入 N 条" stores them in one transaction (:func:`storage.ledger_import.commit_readings_file`, which checks them
again, marks the half-days already past as late entries, audits, and remembers the mapping for the source).
Nothing is half-imported; with bad rows, only the good ones go in, and only once the user ticks that they saw
the rest.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_now
from checklist.ledger import LedgerError, is_late
from desktop.common.errors import error_label, error_text, refused_in_words
from desktop.common.file_dialogs import open_file_name
from desktop.common.i18n import english
from desktop.common.look import fit_to_screen
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from storage.db import Database
    from storage.ledger import EntryResult
    from storage.ledger_import import ReadingsCheck

FIELDS = ("name", "temperature", "time", "symptoms")
REQUIRED = ("name", "temperature", "time")


def field_text(field: str, short: bool = False) -> str:
    if short and field == "symptoms":
        return QCoreApplication.translate("ReadingsImport", "症状")
    names = {
        "name": QCoreApplication.translate("ReadingsImport", "姓名"),
        "temperature": QCoreApplication.translate("ReadingsImport", "体温"),
        "time": QCoreApplication.translate("ReadingsImport", "测温时间"),
        "symptoms": QCoreApplication.translate("ReadingsImport", "症状（可选）"),
    }
    return names.get(field, field)


class GateFile(NamedTuple):
    """A device's export, copied: the name the user chose, the private copy read, its header and rows, the
    sources remembered (source → mapping) and the columns suggested for it."""

    name: str
    copy: Path
    header: list[str]
    rows: dict[int, list[object]]  # row number in the file → cells (to name what a bad row holds)
    sources: dict[str, dict[str, str]]
    suggested: dict[str, str]


def read_gate_file(db: Database, path: Path, source: str = "") -> GateFile:
    """Copy ``path`` privately and read it (header, rows, sources, suggested columns); off the GUI thread. The
    copy's folder is removed by :func:`discard`."""
    from storage.errors import InvalidInputError
    from storage.ledger_import import MAX_FILE_BYTES, import_sources, read_table, suggested_mapping

    folder = Path(tempfile.mkdtemp(prefix="fugong-gate-"))  # 0700: private to this user
    copy = folder / path.name  # the core names the file in its messages: the name the user chose
    try:
        try:
            # at most one byte more than the core reads: a huge file is refused by the check, never copied whole
            with path.open("rb") as original, copy.open("wb") as target:
                shutil.copyfileobj(_Limited(original, MAX_FILE_BYTES + 1), target)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise InvalidInputError(
                f"{path.name}: cannot be read ({reason}); nothing was imported",
                f"{path.name}：无法读取（{reason}）；未导入任何数据",
            ) from None
        header, data = read_table(copy)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return GateFile(path.name, copy, header, dict(data), import_sources(db), suggested_mapping(db, header, source))


class _Limited:
    """A binary file read no further than ``limit`` bytes."""

    def __init__(self, source: BinaryIO, limit: int) -> None:
        self.source = source
        self.left = limit

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        chunk = self.source.read(size)
        self.left -= len(chunk)
        return chunk


def discard(gate_file: GateFile) -> None:
    shutil.rmtree(gate_file.copy.parent, ignore_errors=True)


def choose_gate_file(parent: QWidget) -> Path | None:
    chosen = open_file_name(
        parent,
        QCoreApplication.translate("ReadingsImport", "选择测温设备导出的文件"),
        "",
        QCoreApplication.translate("ReadingsImport", "测温记录 (*.csv *.xlsx);;所有文件 (*)"),
    )
    return Path(chosen) if chosen else None


class ReadingsImportDialog(QDialog):
    """Source, columns, the preview (every bad row by number and reason), then "导入 N 条".

    Args:
        db, actor: the database and the logged-in account (the core checks its role again).
        gate_file: the file read and copied by :func:`read_gate_file`.
        now: the company's wall-clock time (UTC+8) an import is made (a test sets the clock): past half-days are
            marked late.
    """

    imported_readings = Signal()

    def __init__(
        self,
        db: Database,
        actor: str,
        gate_file: GateFile,
        now: Callable[[], dt.datetime] = company_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingsImportDialog")
        self.setWindowTitle(self.tr("从测温设备导入：“%1”").replace("%1", gate_file.name))
        self.db = db
        self.actor = actor
        self.gate_file = gate_file
        self.now = now
        self.busy = False
        self.check: ReadingsCheck | None = None
        self.checked_with: tuple[str, dict[str, str]] | None = None  # source and columns of the preview shown
        self.results: list[EntryResult] | None = None

        self.file_label = QLabel(
            self.tr("文件“%1”：%2 行数据，%3 列。")
            .replace("%1", gate_file.name)
            .replace("%2", str(len(gate_file.rows)))
            .replace("%3", str(len(gate_file.header)))
        )
        self.file_label.setObjectName("gateFileLabel")
        self.file_label.setWordWrap(True)
        self.source = QComboBox()
        self.source.setObjectName("gateSource")
        self.source.setEditable(True)
        self.source.addItem("")
        for name in gate_file.sources:
            self.source.addItem(name)
        source_edit = self.source.lineEdit()
        if source_edit is not None:
            source_edit.setPlaceholderText(self.tr("例如：东门测温门（列的对应关系按来源记住）"))
        self.columns: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("来源(&S)："), self.source)
        for field in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"gateColumn_{field}")
            combo.addItem(self.tr("（未选择）") if field in REQUIRED else self.tr("（没有此列）"), "")
            for header in gate_file.header:
                if header:
                    combo.addItem(header, header)
            self.columns[field] = combo
            form.addRow(self.tr("%1 列：").replace("%1", field_text(field)), combo)
        columns_box = QGroupBox(self.tr("列的对应关系"))
        columns_box.setLayout(form)

        self.preview_button = QPushButton(self.tr("预览(&P)"))
        self.preview_button.setObjectName("gatePreview")
        self.summary = QLabel(self.tr("选好各列后点“预览”：只检查，不保存。"))
        self.summary.setObjectName("gateSummary")
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("gateProblems")
        self.problems.setReadOnly(True)
        self.accept_box = QCheckBox()
        self.accept_box.setObjectName("gateAccept")
        self.accept_box.setVisible(False)
        self.import_button = QPushButton(self.tr("导入(&I)"))
        self.import_button.setObjectName("gateImport")
        self.error = error_label("gateError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(columns_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        accept_row = QHBoxLayout()  # as wide as its words: a click beside them is not a tick
        accept_row.addWidget(self.accept_box)
        accept_row.addStretch(1)
        layout.addLayout(accept_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 640)

        self._apply(gate_file.suggested)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self._import)
        self.accept_box.toggled.connect(lambda _: self._update())
        self.source.currentTextChanged.connect(self._source_changed)
        for combo in self.columns.values():
            combo.currentIndexChanged.connect(lambda _: self._update())
        self.finished.connect(lambda _: discard(gate_file))
        self._update()

    # --- columns ------------------------------------------------------------------------------------

    def _apply(self, mapping: dict[str, str]) -> None:
        for field, combo in self.columns.items():
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field, ""))))

    def mapping(self) -> dict[str, str]:
        return {field: str(combo.currentData()) for field, combo in self.columns.items() if combo.currentData()}

    @Slot(str)
    def _source_changed(self, source: str) -> None:
        """A source remembered brings its columns, when this file still has their headers."""
        stored = self.gate_file.sources.get(source.strip())
        if stored and all(header in self.gate_file.header for header in stored.values()):
            self._apply(stored)
        self._update()

    def _update(self) -> None:
        current = (self.source.currentText().strip(), self.mapping())
        if self.checked_with is not None and self.checked_with != current:
            # the columns changed since the preview: it no longer says what would be imported
            self.check = None
            self.checked_with = None
            self.summary.setText(self.tr("列或来源已更改，请重新预览。"))
            self.problems.clear()
            self.accept_box.setVisible(False)
        ready_to_check = all(field in current[1] for field in REQUIRED)
        self.preview_button.setEnabled(ready_to_check and not self.busy)
        check = self.check
        good = len(check.good) if check else 0
        ready = check is not None and good > 0 and (check.clean or self.accept_box.isChecked())
        self.import_button.setEnabled(ready and not self.busy)
        self.import_button.setText(self.tr("导入 %1 条(&I)").replace("%1", str(good)) if check else self.tr("导入(&I)"))

    # --- preview ------------------------------------------------------------------------------------

    @Slot()
    def preview(self) -> None:
        from storage.ledger_import import check_readings_file

        if self.busy or not self.preview_button.isEnabled():
            return
        db, copy = self.db, self.gate_file.copy
        source, mapping = self.source.currentText().strip(), self.mapping()
        self.busy = True
        self.error.hide()
        self._update()
        run_in_background(
            self,
            lambda _progress: check_readings_file(db, copy, source=source, mapping=mapping),
            lambda check: self._previewed(check, source, mapping),
            self._refused,
            self.tr("正在检查……"),
        )

    def _previewed(self, check: ReadingsCheck, source: str, mapping: dict[str, str]) -> None:
        self.busy = False
        self.check = check
        self.checked_with = (source, mapping)
        late = sorted({(r.day, r.half) for r in check.good if self._late(r.day, r.half)})
        self.summary.setText(
            self.tr("共 %1 行：可导入 %2 条（同一人同一半天取最高体温），有误 %3 行。")
            .replace("%1", str(check.rows_read))
            .replace("%2", str(len(check.good)))
            .replace("%3", str(len(check.bad)))
            + (
                self.tr("其中 %1 个半天已过，导入的体温将标记为补录并记入审计记录。").replace("%1", str(len(late)))
                if late
                else ""
            )
        )
        self.problems.setPlainText("\n".join(self.bad_lines()) if check.bad else self.tr("没有发现问题。"))
        self.accept_box.setText(
            self.tr("我已查看以上问题：只导入无误的 %1 条，其余不导入").replace("%1", str(len(check.good)))
        )
        self.accept_box.setChecked(False)
        self.accept_box.setVisible(bool(check.bad) and bool(check.good))
        self._update()

    def _late(self, day: dt.date, half: int) -> bool:
        from checklist.ledger import HalfDay

        try:
            return is_late(day, HalfDay(half), self.now())
        except LedgerError:
            return False  # a half-day not begun: the import is refused by the core, which says so

    def bad_lines(self) -> list[str]:
        """Every bad row by number and reason; a name not on the roster is quoted from the file (the core's
        messages never name people, but here the user reads their own file)."""
        check = self.check
        if check is None:
            return []
        name_column = self.gate_file.header.index(check.mapping["name"]) if "name" in check.mapping else None
        lines = []
        for bad in check.bad:
            line = (
                self.tr("第 %1 行：%2%3")
                .replace("%1", str(bad.row))
                .replace("%2", field_text(bad.field, short=True))
                .replace("%3", bad.message_en if english() else bad.message_zh)
            )
            cells = self.gate_file.rows.get(bad.row, [])
            if bad.field == "name" and name_column is not None and name_column < len(cells) and cells[name_column]:
                line += f"：“{str(cells[name_column]).strip()}”"
            lines.append(line)
        return lines

    # --- import -------------------------------------------------------------------------------------

    @Slot()
    def _import(self) -> None:
        from storage.ledger_import import commit_readings_file

        check, checked_with = self.check, self.checked_with
        if self.busy or check is None or checked_with is None or not self.import_button.isEnabled():
            return
        db, actor, copy, now = self.db, self.actor, self.gate_file.copy, self.now()
        source, mapping = checked_with
        accept_bad = bool(check.bad)
        self.busy = True
        self.error.hide()
        self._update()
        run_in_background(
            self,
            lambda _progress: commit_readings_file(
                db, actor, copy, source=source, mapping=mapping, accept_bad=accept_bad, now_local=now
            ),
            self._imported,
            self._refused,
            self.tr("正在导入体温……"),
            cancellable=False,
        )

    def _imported(self, done: tuple[ReadingsCheck, list[EntryResult]]) -> None:
        self.busy = False
        self.results = done[1]
        self.imported_readings.emit()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if refused_in_words(self, self.import_button, error, self.tr("体温未导入。"), self.tr("没有导入任何数据。")):
            self.error.setText(error_text(error))
            self.error.show()
        self._update()

    def result_text(self) -> str:
        results = self.results or []
        entered = sum(len(r.entered) for r in results)
        flagged = sum(len(r.flagged) for r in results)
        late = sum(len(r.entered) for r in results if r.late)
        return (
            self.tr("已从“%1”导入 %2 条体温，其中发热或有症状 %3 条、补录 %4 条。")
            .replace("%1", self.gate_file.name)
            .replace("%2", str(entered))
            .replace("%3", str(flagged))
            .replace("%4", str(late))
        )
