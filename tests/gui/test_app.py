"""Menus, Help, language switch, export hand-off, and a walk through every screen without a Qt warning."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.common import i18n
from desktop.common.about import SourcesDialog
from desktop.main_window import MainWindow
from tests.gui.helpers import close_window, opened_urls, seed_inspection, start_app


def _open_first(qtbot: QtBot, window: MainWindow) -> None:
    window.inspections.table.selectRow(0)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.inspection_view is not None)


def test_walk_through_every_screen_logs_no_qt_warning(qtbot: QtBot, db_url: str, qtlog) -> None:  # type: ignore[no-untyped-def]
    window = start_app(qtbot, db_url)
    assert window.setup_dialog is not None
    window.setup_dialog.reject()
    close_window(qtbot, window)
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    window.new_action.trigger()
    assert window.new_dialog is not None
    window.new_dialog.reject()
    _open_first(qtbot, window)
    view = window.inspection_view
    for item in view.editor.items:
        view.go_to_item(item.id)
    view.show_summary()
    window.sources_action.trigger()
    window.language_actions[i18n.ENGLISH].trigger()
    qtbot.waitUntil(lambda: window.isHidden())
    english = window._test_app.window  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: english.loaded)
    i18n.install_language(i18n.CHINESE)
    close_window(qtbot, english)
    real = [r for r in qtlog.records if r.type >= QtMsgType.QtWarningMsg and not r.ignored]
    assert real == [], [r.message for r in real]


def test_help_menu_lists_the_sources(qtbot: QtBot, db_url: str) -> None:
    window = start_app(qtbot, db_url)
    window.setup_dialog.reject()
    window.sources_action.trigger()

    sources = window.findChild(SourcesDialog)
    assert sources is not None and sources.isVisible()
    text = sources.browser.toPlainText()
    assert "国发明电〔2020〕4号" in text and "2020-02-21" in text
    assert "京政办发〔2020〕4号" in text and "国卫办职健函〔2020〕201号" in text
    sources.close()
    close_window(qtbot, window)


def test_switch_to_english_reopens_the_same_item(qtbot: QtBot, db_url: str) -> None:
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    _open_first(qtbot, window)
    window.inspection_view.go_to_item("BJHQ-3")
    window.language_actions[i18n.ENGLISH].trigger()
    english: MainWindow = window._test_app.window  # type: ignore[attr-defined]
    assert english is not window
    qtbot.waitUntil(lambda: english.loaded and english.inspection_view is not None)
    assert english.menuBar().actions()[0].text() == "&File"
    page = english.inspection_view.item_page
    assert english.inspection_view.current_item_id() == "BJHQ-3"
    assert page.title.text() == "BJHQ-3  Collective dormitories: density and underground rooms"
    assert page.result_buttons[next(iter(page.result_buttons))].text() == "&Pass"
    assert i18n.saved_language() == i18n.ENGLISH
    english.language_actions[i18n.CHINESE].trigger()
    chinese: MainWindow = window._test_app.window  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: chinese.loaded and chinese.inspection_view is not None)
    assert chinese.menuBar().actions()[0].text() == "文件(&F)"
    close_window(qtbot, chinese)


def test_export_hands_off_and_offers_to_open(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = opened_urls(monkeypatch)
    from desktop.reports import export as export_action

    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    _open_first(qtbot, window)
    home = tmp_path / "home"  # a home without a Documents folder, as on the plant PC
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    proposed: list[str] = []

    def choose_folder(_parent: object, _title: str, start: str) -> str:
        proposed.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    window.export_action.trigger()
    dialog = window.findChild(export_action.ExportDialog, "exportDialog")
    assert dialog.folder_edit.text() == str(home)  # a folder that exists (there is no Documents folder)
    dialog.browse_button.click()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=60000)
    box = window.findChild(QMessageBox, "exportDone")
    assert proposed == [str(home)]  # the folder dialog starts there too
    stem = f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号"
    pdf, xlsx = tmp_path / f"{stem}.pdf", tmp_path / f"{stem}.xlsx"
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")  # the real exporter
    assert str(pdf) in box.text() and str(xlsx) in box.text()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no temporary file left
    open_folder = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    open_folder.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    box.close()
    box.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is None)
    window.export_action.trigger()  # the next export starts where this one went
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(export_action.ExportDialog)))
    dialog = next(d for d in window.findChildren(export_action.ExportDialog) if d.isVisible())
    assert dialog.folder_edit.text() == str(tmp_path)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None)
    close_window(qtbot, window)


def test_python_singletons_survive_many_qt_calls(qtbot: QtBot) -> None:
    """PySide6 6.12 wheels take a reference from None/True/False on every void call and signal emit under
    Python 3.11 and abort the interpreter after a few thousand calls; pyproject.toml keeps PySide6 below
    6.12. This fails if a defective PySide6 is installed."""
    from desktop.inspections.model import InspectionTableModel

    model = InspectionTableModel()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5000):
        model.set_rows([])
        model.layoutChanged.emit()
    assert abs(sys.getrefcount(None) - none_before) < 1000
    assert abs(sys.getrefcount(True) - true_before) < 1000
