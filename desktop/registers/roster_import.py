"""Importing the roster from Excel or CSV: a preview of every bad row and duplicate, then "导入 N 行" only when the
user accepts; and the template to fill in.

The file is read and checked once, off the GUI thread (:func:`storage.ledger_import.roster_rows`,
:func:`storage.roster.check_roster`); the rows the user saw are the rows committed
(:func:`storage.roster.commit_roster`, one transaction, checked again inside it), so a file changed on disk
between the preview and the click cannot slip other rows in. Nothing is half-imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import error_label, error_text, refused_in_words, show_error
from desktop.common.file_dialogs import open_file_name, save_file_name
from desktop.common.i18n import english
from desktop.common.look import fit_to_screen
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from storage.db import Database
    from storage.roster import RosterCheck


class RosterPreview(NamedTuple):
    """A file read and checked: its rows (row number, values) and what the check found."""

    path: Path
    rows: list[tuple[int, Mapping[str, object]]]
    check: RosterCheck


def read_and_check(db: Database, path: Path) -> RosterPreview:
    """Read a roster file and check it against the roster; stores nothing. Runs off the GUI thread."""
    from storage.ledger_import import roster_rows
    from storage.roster import check_roster

    rows: list[tuple[int, Mapping[str, object]]] = list(roster_rows(path))
    return RosterPreview(path, rows, check_roster(db, rows))


def choose_roster_file(parent: QWidget) -> Path | None:
    chosen = open_file_name(
        parent,
        QCoreApplication.translate("RosterImport", "选择花名册文件"),
        "",
        QCoreApplication.translate("RosterImport", "花名册 (*.xlsx *.csv);;所有文件 (*)"),
    )
    return Path(chosen) if chosen else None


def save_template(parent: QWidget) -> Path | None:
    """Ask where, then write the roster template (``export.ledger_reports.write_roster_template``)."""
    from export.ledger_reports import write_roster_template

    chosen = save_file_name(
        parent,
        QCoreApplication.translate("RosterImport", "保存花名册模板"),
        "花名册模板.xlsx",
        QCoreApplication.translate("RosterImport", "Excel 工作簿 (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
    try:
        write_roster_template(path)
    except OSError as error:
        show_error(
            parent, QCoreApplication.translate("RosterImport", "模板未能保存。"), str(error.strerror or error), ""
        )
        return None
    return path


class RosterImportDialog(QDialog):
    """The preview of one file: what would be added, every bad row (number and reason), every duplicate."""

    def __init__(self, db: Database, actor: str, preview: RosterPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("导入花名册：%1").replace("%1", preview.path.name))
        self.db = db
        self.actor = actor
        self.preview = preview
        self.busy = False
        self.imported: RosterCheck | None = None
        check = preview.check
        good, bad, duplicates = len(check.good), len(check.bad), len(check.duplicates)

        self.summary = QLabel(
            self.tr("共 %1 行：可导入 %2 行，有误 %3 行，重复 %4 行（重复的人员不会重复导入）。")
            .replace("%1", str(len(preview.rows)))
            .replace("%2", str(good))
            .replace("%3", str(bad))
            .replace("%4", str(duplicates))
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        lines = [row.describe_en() if english() else row.describe_zh() for row in check.bad]
        lines += [row.describe_en() if english() else row.describe_zh() for row in check.duplicates]
        self.problems.setPlainText("\n".join(lines) if lines else self.tr("没有发现问题。"))
        self.accept_box = QCheckBox(
            self.tr("我已查看以上问题：只导入无误的 %1 行，其余不导入").replace("%1", str(good))
        )
        self.accept_box.setObjectName("importAccept")
        self.accept_box.setVisible(not check.clean and good > 0)
        self.import_button = QPushButton(self.tr("导入 %1 行(&I)").replace("%1", str(good)))
        self.import_button.setObjectName("importRows")
        self.error = error_label("importError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.accept_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._import)
        self.accept_box.toggled.connect(lambda _: self._update())
        self._update()
        fit_to_screen(self, 720, 520)

    def _update(self) -> None:
        check = self.preview.check
        ready = bool(check.good) and (check.clean or self.accept_box.isChecked())
        self.import_button.setEnabled(ready and not self.busy)

    @Slot()
    def _import(self) -> None:
        from storage.roster import commit_roster

        if self.busy or not self.import_button.isEnabled():
            return
        db, actor, rows = self.db, self.actor, self.preview.rows
        accept_bad = not self.preview.check.clean
        self.busy = True
        self._update()
        self.error.hide()
        run_in_background(
            self,
            lambda _progress: commit_roster(db, actor, rows, accept_bad=accept_bad),
            self._imported,
            self._refused,
            self.tr("正在导入花名册……"),
            cancellable=False,
        )

    def _imported(self, result: RosterCheck) -> None:
        self.busy = False
        self.imported = result
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if refused_in_words(self, self.import_button, error, self.tr("花名册未导入。"), self.tr("没有导入任何数据。")):
            self.error.setText(error_text(error))
            self.error.show()
        self._update()
