"""文件 → 导出英文报告: the report's PDF in English, beside the Chinese one, for the same record (the same hash
printed, the same record attached); the workbook stays Chinese."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.reports import export as export_action
from tests.gui.helpers import close_window, seed_inspection, start_app


def _text(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report")
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_file_menu_exports_the_report_in_english(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    window.inspections.table.selectRow(0)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.inspection_view is not None)
    monkeypatch.setattr(export_action.QFileDialog, "getExistingDirectory", staticmethod(lambda *_: str(tmp_path)))
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None and window.export_english_action in file_menu.actions()
    assert window.export_english_action.isEnabled()
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=60000)
    window.findChild(QMessageBox, "exportDone").close()
    window.export_english_action.trigger()
    stem = f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    english, chinese = tmp_path / f"{stem}_EN.pdf", tmp_path / f"{stem}.pdf"
    qtbot.waitUntil(english.exists, timeout=60000)
    qtbot.waitUntil(lambda: not [p for p in tmp_path.iterdir() if p.name.endswith(".part")], timeout=60000)
    english_text, chinese_text = _text(english), _text(chinese)
    assert "Epidemic-control self-check report" in english_text and "Page 1 of" in english_text
    assert "复工复产疫情防控自查报告" in chinese_text and "Page 1 of" not in chinese_text
    digest = next(line for line in english_text.splitlines() if len(line) == 64)  # the record hash, printed
    assert digest in chinese_text
    close_window(qtbot, window)
