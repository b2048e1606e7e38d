"""Exporting an inspection as PDF and Excel reports, or the inspections a list shows as one workbook for
auditors, off the GUI thread, then offering to open them.

The GUI only builds an :class:`ExportRequest` and hands it to ``export.reports.export_reports`` (Qt-free)
through :func:`desktop.common.operations.run_in_background`. A signed inspection is not rendered again: its stored,
signed files are written byte for byte (``export.signing.write_signed_reports``, the workbook with its
``.p7s``), so every copy handed out verifies. The batch workbook (:func:`export_shown_inspections`) goes to
``export.reports.export_batch`` with the ids of the rows the list shows after its filters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_today
from checklist.workflow import InspectionStatus
from desktop.common.errors import show_error
from desktop.common.file_dialogs import existing_folder, save_file_name
from desktop.common.folders import proposed_folder, remember_folder
from desktop.common.operations import Cancelled, Operation, Progress, run_in_background


@dataclass(frozen=True)
class ExportRequest:
    """What to write; understood by ``export.reports`` without Qt."""

    inspection_id: int
    pdf: Path | None
    xlsx: Path | None
    language: str = "zh"  # the words of the PDF and the workbook: zh or en


def _failure_reporter(parent: QWidget, what: str, kept: str) -> Callable[[BaseException], None]:
    """An export's failure callback: a cancel ends quietly, anything else is told in words."""

    def failed(error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(parent, what, error, kept)

    return failed


def _fraction_reporter(progress: Progress) -> Callable[[float, str], None]:
    """The exporter's progress callback (a fraction and a step text) shown as a percentage. The exporter's
    step texts are not translated, so the dialog keeps its own (translated) label."""

    def report(fraction: float, _message: str) -> None:
        progress.update(round(min(max(fraction, 0.0), 1.0) * 100), 100)

    return report


def run_export(db: Any, request: ExportRequest, progress: Progress) -> list[Path]:
    """The work: call the exporter with progress and cancel callbacks (runs on a worker thread)."""
    from export.reports import ExportCancelled, export_reports  # heavy (reportlab, openpyxl): only when used
    from storage.inspections import load_inspection

    pdf, xlsx = request.pdf, request.xlsx
    if load_inspection(db, request.inspection_id).status == InspectionStatus.SIGNED:
        from export.signing import write_signed_reports

        progress.update(0, 0, "")
        if request.language == "zh":  # the signed originals, byte for byte
            return write_signed_reports(db, request.inspection_id, pdf, xlsx)
        from export.signing import write_translation  # a translation: its cover says so, names the signatures

        return write_translation(db, request.inspection_id, pdf, xlsx, request.language)

    try:
        written: Iterable[Any] = export_reports(
            db,
            request.inspection_id,
            pdf=pdf,
            xlsx=xlsx,
            progress=_fraction_reporter(progress),
            cancelled=lambda: progress.cancelled,
            language=request.language,
        )
    except ExportCancelled as error:  # nothing was written under the final names
        raise Cancelled() from error
    result = [Path(p) for p in written]
    progress.check()
    return result


_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}


def safe_file_part(text: str, limit: int = 60) -> str:
    """``text`` as part of a file name that Windows, macOS and Linux all accept: no ``<>:"/\\|?*`` or control
    characters, no trailing dot or space, not a device name (CON, NUL …), at most ``limit`` characters."""
    cleaned = " ".join(_UNSAFE_CHARACTERS.sub("_", text).split())[:limit].rstrip(". ")
    if not cleaned:
        return "_"
    if cleaned.split(".")[0].upper() in _WINDOWS_DEVICES:
        cleaned = "_" + cleaned
    return cleaned


def report_file_stem(company: str, date: dt.date, number: int) -> str:
    """The reports' file name without extension, e.g. ``复工自查_北京示例制造有限公司_2020-03-02_第2号``: what the
    file is about can be read from the name alone (the number is the one the list shows)."""
    stem = QCoreApplication.translate("Export", "复工自查_{company}_{date}_第{number}号").format(
        company=safe_file_part(company), date=date.isoformat(), number=number
    )
    return safe_file_part(stem, limit=120)


def _file_stem(db: Any, inspection_id: int) -> str:
    """The file name for the inspection (one small query: its company and date)."""
    from storage.listing import InspectionFilter, list_inspections

    rows = list_inspections(db, InspectionFilter(ids=(inspection_id,)), limit=1)
    if not rows:
        return safe_file_part(
            QCoreApplication.translate("Export", "复工自查_第{number}号").format(number=inspection_id)
        )
    return report_file_stem(rows[0].company, rows[0].date, inspection_id)


class ExportDialog(QDialog):
    """导出报告: where to save (a folder that exists, proposed) and the report's language — 中文 or English,
    the interface's language first. For a signed record it says which files are the signed originals and that
    an English report is a translation. Keyboard: Alt+F the folder, Alt+B browse, Alt+L the language, Enter
    exports, Esc cancels."""

    def __init__(self, parent: QWidget | None, folder: Path, language: str, signed: bool) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("导出报告"))
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setObjectName("exportFolder")
        self.folder_edit.setMinimumWidth(360)
        self.browse_button = QPushButton(self.tr("浏览(&B)…"))
        self.browse_button.setObjectName("exportBrowse")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        self.language_box = QComboBox()
        self.language_box.setObjectName("exportLanguage")
        from desktop.common.i18n import CHINESE, ENGLISH, LANGUAGES

        # each language in its own words, as 视图 → 语言 names them; the report's codes are zh / en
        self.language_box.addItem(LANGUAGES[CHINESE], "zh")
        self.language_box.addItem(LANGUAGES[ENGLISH], "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.language_box.currentIndexChanged.connect(self._say_what_is_written)
        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.signed = signed
        self.about = QLabel()
        self.about.setObjectName("exportAbout")
        self.about.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        form = QFormLayout()
        folder_label = QLabel(self.tr("保存到(&F)："))
        folder_label.setBuddy(self.folder_edit)
        language_label = QLabel(self.tr("报告语言(&L)："))
        language_label.setBuddy(self.language_box)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.problem)
        form.addRow(language_label, self.language_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("导出(&E)"))
        self.export_button.setObjectName("exportGo")
        self.export_button.setDefault(True)  # Enter exports, wherever the focus is
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(buttons)
        self._say_what_is_written()
        self.language_box.setFocus()

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    @Slot()
    def _say_what_is_written(self) -> None:
        self._tell_what_is_written()
        # the text may take another line: grow with it (without a window manager nothing else resizes the dialog)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().height()
        if self.isVisible() and wanted > self.height():
            self.resize(self.width(), wanted)

    def _tell_what_is_written(self) -> None:
        if not self.signed:
            self.about.setText(self.tr("写出 PDF 报告和 Excel 工作簿。"))
        elif self.language == "zh":
            self.about.setText(
                self.tr("已签署的记录：写出签署的正本（PDF 与 Excel 工作簿及其 .p7s 签名文件），原样不变。")
            )
        else:
            self.about.setText(
                self.tr(
                    "已签署的记录：英文报告是不带签名的译本，封面写明所译的中文正本和记录上的签名；核验请用中文正本。"
                )
            )

    @Slot()
    def browse(self) -> None:
        start = self.folder if self.folder.is_dir() else proposed_folder()
        chosen = existing_folder(self, self.tr("选择保存报告的文件夹"), str(start))
        if chosen:
            self.folder_edit.setText(chosen)
            self.problem.hide()

    def accept(self) -> None:
        """Export into the folder if it exists; otherwise say so under the field and keep the dialog open."""
        if not self.folder.is_dir():
            self.problem.setText(self.tr("这个文件夹不存在：{folder}。请另选一个文件夹。").format(folder=self.folder))
            self.problem.show()
            self.folder_edit.setFocus()
            return
        super().accept()


def _is_signed(db: Any, inspection_id: int) -> bool:
    from storage.listing import InspectionFilter, list_inspections

    rows = list_inspections(db, InspectionFilter(ids=(inspection_id,)), limit=1)
    return bool(rows) and rows[0].status == InspectionStatus.SIGNED


def export_inspection(
    parent: QWidget, db: Any, inspection_id: int, folder: Path | None = None, language: str | None = None
) -> ExportDialog | None:
    """Ask where to save and in which language (:class:`ExportDialog`, opened and returned), write
    ``复工自查_<company>_<date>_第<id>号.pdf`` and ``.xlsx`` there (``…_EN`` in English), then offer to open
    them. With ``folder`` given, export there at once in ``language`` (``zh`` unless told)."""
    if folder is None:
        from desktop.common.i18n import english

        dialog = ExportDialog(
            parent, proposed_folder(), language or ("en" if english() else "zh"), _is_signed(db, inspection_id)
        )

        def chosen() -> None:
            remember_folder(dialog.folder)
            export_inspection(parent, db, inspection_id, dialog.folder, dialog.language)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
    language = language or "zh"
    stem = _file_stem(db, inspection_id)
    stem = f"{stem}_EN" if language == "en" else stem
    request = ExportRequest(inspection_id, folder / f"{stem}.pdf", folder / f"{stem}.xlsx", language)

    def done(paths: list[Path]) -> None:
        offer_to_open(parent, paths or [p for p in (request.pdf, request.xlsx) if p is not None])

    failed = _failure_reporter(
        parent,
        QCoreApplication.translate("Export", "报告未能导出。"),
        QCoreApplication.translate("Export", "检查记录不受影响；没有留下写了一半的文件。"),
    )

    run_in_background(
        parent,
        lambda progress: run_export(db, request, progress),
        done,
        failed,
        QCoreApplication.translate("Export", "正在导出报告……"),
    )
    return None


def batch_file_name(today: dt.date | None = None) -> str:
    """The suggested name of the batch workbook: ``复工自查汇总_<date>.xlsx``."""
    return f"复工自查汇总_{(today or company_today()).isoformat()}.xlsx"


def run_batch_export(db: Any, xlsx: Path, ids: tuple[int, ...], progress: Progress) -> Path:
    """The work: exactly these inspections into one workbook, with progress and cancel (worker thread)."""
    from export.reports import ExportCancelled, export_batch  # heavy (openpyxl): imported only when used
    from storage.listing import InspectionFilter

    try:
        written = export_batch(
            db,
            xlsx,
            InspectionFilter(ids=ids),
            progress=_fraction_reporter(progress),
            cancelled=lambda: progress.cancelled,
        )
    except ExportCancelled as error:  # nothing was written under the final name
        raise Cancelled() from error
    return Path(written)


def export_shown_inspections(
    parent: QWidget, db: Any, ids: Sequence[int], xlsx: Path | None = None
) -> Operation[Path] | None:
    """Ask where to save, write exactly the inspections ``ids`` (what the list shows) into one workbook, then
    offer to open it. None if nothing was started (no ids, or the dialog was cancelled)."""
    chosen_ids = tuple(ids)
    if not chosen_ids:
        return None
    if xlsx is None:
        chosen = save_file_name(
            parent,
            QCoreApplication.translate("Export", "保存汇总表"),
            str(proposed_folder() / batch_file_name()),
            QCoreApplication.translate("Export", "Excel 工作簿 (*.xlsx)"),
        )
        if not chosen:
            return None
        xlsx = Path(chosen)
        remember_folder(xlsx.parent)
        if xlsx.suffix.lower() != ".xlsx":
            xlsx = xlsx.with_name(xlsx.name + ".xlsx")
    target = xlsx

    def done(path: Path) -> None:
        offer_to_open(parent, [path])

    failed = _failure_reporter(
        parent,
        QCoreApplication.translate("Export", "汇总表未能导出。"),
        QCoreApplication.translate("Export", "没有修改任何数据；没有留下写了一半的文件。"),
    )

    return run_in_background(
        parent,
        lambda progress: run_batch_export(db, target, chosen_ids, progress),
        done,
        failed,
        QCoreApplication.translate("Export", "正在导出 {count} 次检查的汇总表……").format(count=len(chosen_ids)),
    )


def offer_to_open(parent: QWidget, paths: list[Path]) -> QMessageBox:
    """ "Open the file / open the folder" once the reports are written."""
    box = QMessageBox(parent)
    box.setObjectName("exportDone")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Export", "报告已导出"))
    box.setText(QCoreApplication.translate("Export", "报告已保存：") + "\n" + "\n".join(str(p) for p in paths))
    open_file = box.addButton(QCoreApplication.translate("Export", "打开文件"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(
        QCoreApplication.translate("Export", "打开所在文件夹"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)

    def clicked(button: Any) -> None:
        if button is open_file and paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))
        elif button is open_folder and paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0].parent)))

    box.buttonClicked.connect(clicked)
    box.open()
    return box
