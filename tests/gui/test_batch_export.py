"""导出汇总表: the inspections the list shows after its filters, in one workbook, for every role."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from checklist.company import company_today
from desktop.main_window import MainWindow
from tests.gui.helpers import (
    add_account,
    choose_in_combo,
    click,
    close_window,
    opened_urls,
    seed_inspection,
    seed_site_inspection,
    start_app,
    type_into,
)

COMPANY = "北京示例制造有限公司"
AUDITOR, AUDITOR_PASSWORD = "李审计", "lishenji-2020"


def _seed(db_url: str) -> tuple[int, int, int]:
    """One inspection at 一号厂区, two at 二号厂区, and an auditor account."""
    first = seed_inspection(db_url)
    second = seed_site_inspection(db_url, "二号厂区", dt.date(2020, 3, 3))
    third = seed_site_inspection(db_url, "二号厂区", dt.date(2020, 3, 4))
    add_account(db_url, AUDITOR, "auditor", AUDITOR_PASSWORD)
    return first, second, third


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[Any, ...]]:
    """The save dialog answers ``path``; returns the list of the arguments it was called with."""
    calls: list[tuple[Any, ...]] = []

    def get_save_file_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        calls.append(args)
        return str(path), "Excel (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return calls


def _file_menu_actions(window: MainWindow) -> list[Any]:
    menu = window.menuBar().actions()[0].menu()
    assert menu is not None
    return list(menu.actions())


def test_batch_export_writes_exactly_the_shown_inspections(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = _seed(db_url)
    opened = opened_urls(monkeypatch)
    target = tmp_path / "out" / "汇总.xlsx"
    target.parent.mkdir()
    dialog_calls = _save_to(monkeypatch, target)

    window = start_app(qtbot, db_url, AUDITOR, AUDITOR_PASSWORD)  # an auditor may export: it changes nothing
    page = window.inspections
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    assert window.batch_action in _file_menu_actions(window)
    assert page.batch_button.defaultAction() is window.batch_action
    assert page.batch_button.isEnabled()

    # nothing shown, nothing to export
    type_into(qtbot, page.text_filter, "没有这个场所")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert not page.batch_button.isEnabled() and not window.batch_action.isEnabled()
    page.text_filter.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    assert page.batch_button.isEnabled()

    choose_in_combo(qtbot, page.place_filter, f"{COMPANY} / 二号厂区")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    assert set(page.shown_ids()) == {second, third}

    click(qtbot, page.batch_button)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "exportDone")
    assert box.isVisible() and str(target) in box.text()
    assert window.findChild(QMessageBox, "errorBox") is None

    default = Path(dialog_calls[0][2])
    assert len(dialog_calls) == 1
    assert default.name == f"复工自查汇总_{company_today().isoformat()}.xlsx"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert not Path(documents).exists() and default.parent == Path.home()  # a folder that exists is proposed

    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        summary = workbook.worksheets[0]
        rows = list(summary.iter_rows(values_only=True))
        assert rows[0][0] == "编号"
        assert sorted(row[0] for row in rows[1:]) == sorted([second, third])
        assert {row[2] for row in rows[1:]} == {"二号厂区"}
        assert first not in [row[0] for row in rows[1:]]
        assert len(workbook.worksheets) == 2
    finally:
        workbook.close()
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left beside it

    open_file = next(b for b in box.buttons() if b.text() == "打开文件")
    open_file.click()
    assert opened == [QUrl.fromLocalFile(str(target))]
    close_window(qtbot, window)


def test_cancelled_batch_export_leaves_no_file_and_no_error(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import export.reports

    _seed(db_url)
    real_export_batch = export.reports.export_batch
    asked: list[tuple[int, ...] | None] = []
    finished: list[bool] = []

    def slow_export_batch(db, xlsx, where, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        """Waits for the user to cancel, then lets the real export notice it."""
        asked.append(where.ids)
        try:
            deadline = time.monotonic() + 15
            while not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)
            return real_export_batch(db, xlsx, where, progress, cancelled)
        finally:
            finished.append(True)

    monkeypatch.setattr(export.reports, "export_batch", slow_export_batch)
    target = tmp_path / "out" / "汇总.xlsx"
    target.parent.mkdir()
    _save_to(monkeypatch, target)

    window = start_app(qtbot, db_url)
    page = window.inspections
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    shown = page.shown_ids()
    window.batch_action.trigger()  # from the File menu
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=10000)
    progress = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    cancel = progress.findChild(QPushButton)
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=10000)

    assert asked == [shown]
    assert window.findChild(QMessageBox, "exportDone") is None
    assert window.findChild(QMessageBox, "errorBox") is None
    assert list(target.parent.iterdir()) == []
    close_window(qtbot, window)
