"""文件 → 导出报告 asks where and in which language (报告语言: 中文 / English, the interface's language first) in
one dialog, by keyboard too; the second menu item 导出英文报告 is gone. A completed record's English report
is its PDF and workbook in English (the same hash printed); a signed record's Chinese files are the signed
originals, byte for byte, and its English ones a translation whose cover says so and names the signatures on
record."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.reports.export import ExportDialog
from export.signing import stored_reports
from storage.db import open_database
from tests.gui.helpers import (
    choose_in_combo,
    close_window,
    seed_inspection,
    signed_inspection,
    start_app,
    type_into,
)

PASSWORDS = {"王经理": "manager-secret-1", "张伟": "officer-secret-1"}


def _text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report")
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def open_export_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """Ctrl+E, as an officer exports, and the export dialog that opens."""
    window.activateWindow()
    window.export_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)), timeout=20000)
    return next(d for d in window.findChildren(ExportDialog) if d.isVisible())


def export_with_dialog(qtbot: QtBot, window: MainWindow, folder: Path, language: str) -> None:
    """Export through the dialog with the keyboard: the folder typed, the language chosen, Enter."""
    dialog = open_export_dialog(qtbot, window)
    dialog.folder_edit.clear()
    type_into(qtbot, dialog.folder_edit, str(folder))
    choose_in_combo(qtbot, dialog.language_box, "English" if language == "en" else "中文")
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=60000)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.objectName() == "exportDone", box.text()
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in window.findChildren(QMessageBox)))


def test_the_export_dialog_asks_the_language_and_exports_both(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    assert not [a for a in file_menu.actions() if "英文" in a.text()]  # one menu item: the language is asked
    window.inspections.table.selectRow(0)
    dialog = open_export_dialog(qtbot, window)
    assert dialog.language_box.currentData() == "zh"  # the interface's language first
    assert dialog.focusWidget() is dialog.language_box and dialog.export_button.isDefault()
    assert Path(dialog.folder_edit.text()).is_dir()  # a folder that exists is proposed
    dialog.folder_edit.clear()
    type_into(qtbot, dialog.folder_edit, str(folder / "missing"))
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisible() and "不存在" in dialog.problem.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not list(folder.iterdir())  # cancelled: nothing written

    export_with_dialog(qtbot, window, folder, "zh")
    export_with_dialog(qtbot, window, folder, "en")
    stem = folder / f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    chinese, english = Path(f"{stem}.pdf"), Path(f"{stem}_EN.pdf")
    english_text, chinese_text = _text(english), _text(chinese)
    assert "Epidemic-control self-check report" in english_text and "Page 1 of" in english_text
    assert "复工复产疫情防控自查报告" in chinese_text and "Page 1 of" not in chinese_text
    digest = next(line for line in english_text.splitlines() if len(line) == 64)  # the record hash, printed
    assert digest in chinese_text
    assert load_workbook(f"{stem}_EN.xlsx").sheetnames[0] == "Overview"
    assert load_workbook(f"{stem}.xlsx").sheetnames[0] == "概要"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
    close_window(qtbot, window)


def test_a_signed_record_exports_its_originals_and_an_english_translation(
    qtbot: QtBot, db_url: str, tmp_path: Path
) -> None:
    inspection_id = signed_inspection(db_url, PASSWORDS)
    db = open_database(db_url)
    try:
        stored = stored_reports(db, inspection_id)
    finally:
        db.close()
    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])
    window.inspections.select_id(inspection_id)
    dialog = open_export_dialog(qtbot, window)
    assert "正本" in dialog.about.text()
    choose_in_combo(qtbot, dialog.language_box, "English")
    assert "译本" in dialog.about.text()
    # the longer text takes another line: the dialog grows with it, its fields keep their height
    assert dialog.height() >= dialog.sizeHint().height()
    assert dialog.folder_edit.height() >= dialog.folder_edit.sizeHint().height()
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    export_with_dialog(qtbot, window, tmp_path, "zh")
    export_with_dialog(qtbot, window, tmp_path, "en")
    stem = tmp_path / f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    assert Path(f"{stem}.pdf").read_bytes() == stored["pdf"]  # the signed originals, byte for byte
    assert Path(f"{stem}.xlsx").read_bytes() == stored["xlsx"]
    assert Path(f"{stem}.xlsx.p7s").read_bytes() == stored["xlsx.p7s"]
    cover = " ".join(_text(Path(f"{stem}_EN.pdf")).split())
    assert f"Translation of the signed Chinese report FG-{inspection_id}-v" in cover, cover[:1500]
    # no boxes to sign by hand on a translation: it says where the signatures are
    assert "Name (block letters)" not in cover and "is not to be signed by hand" in cover, cover[-1500:]
    assert "verify the Chinese original" in cover
    assert "张伟 (officer) as inspector" in cover and "王经理 (manager) as manager's approval" in cover
    assert "(UTC+8;" in cover
    overview = load_workbook(f"{stem}_EN.xlsx")["Overview"]
    facts = {overview.cell(row, 1).value: overview.cell(row, 2).value for row in range(3, 25)}
    assert str(facts["Translation"]).startswith(f"Translation of the signed Chinese report FG-{inspection_id}-v")
    assert not Path(f"{stem}_EN.xlsx.p7s").exists()  # a translation is not signed
    close_window(qtbot, window)


def test_in_the_english_interface_the_dialog_proposes_english(qtbot: QtBot, db_url: str) -> None:
    from desktop.common import i18n

    seed_inspection(db_url)
    first = start_app(qtbot, db_url)
    first.language_actions[i18n.ENGLISH].trigger()
    window: MainWindow = first._test_app.window  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window is not first and window.loaded)
    qtbot.waitUntil(lambda: window.inspections.model.rowCount() == 1)
    assert window.inspections.count_label.text() == "Inspections: 1, shown: 1"  # not "1 inspections"
    window.inspections.table.selectRow(0)
    dialog = open_export_dialog(qtbot, window)
    assert dialog.language == "en" and dialog.windowTitle() == "Export report"
    assert dialog.export_button.text() == "&Export" and "Excel workbook" in dialog.about.text()
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.language_actions[i18n.CHINESE].trigger()
    chinese: MainWindow = first._test_app.window  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: chinese.loaded)
    close_window(qtbot, chinese)
