"""Importing the roster from Excel like a user: the preview lists every bad row by number and reason and every
duplicate; nothing is imported until the user accepts; the rows imported are the rows previewed even if the
file changes on disk in between; and the template downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from checklist.ledger import ROSTER_FIELDS
from desktop.registers import roster_import
from desktop.registers.roster import RosterPage
from tests.gui.helpers import click, close_window, start_app
from tests.gui.registers.seed import OFFICER, PASSWORDS, VALID_ID, WRONG_CHECK_ID, seed_roster
from tests.gui.registers.test_roster import open_registers


def workbook(path: Path, rows: list[dict[str, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([zh for _, zh, _ in ROSTER_FIELDS])
    for row in rows:
        sheet.append([row.get(key, "") for key, _, _ in ROSTER_FIELDS])
    book.save(path)
    return path


def choose(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def chooser(*args: Any, **kwargs: Any) -> tuple[str, str]:
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, method, staticmethod(chooser))
    return calls


def preview(qtbot: QtBot, page: RosterPage) -> roster_import.RosterImportDialog:
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible(), timeout=10000)
    assert page.import_dialog is not None
    return page.import_dialog


def test_bad_rows_and_duplicates_are_listed_and_only_accepted_good_rows_go_in(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    path = workbook(
        tmp_path / "花名册.xlsx",
        [
            {"name": "钱八", "department": "食堂", "category": "食堂"},  # row 2: good
            {"name": "孙九", "id_number": WRONG_CHECK_ID},  # row 3: bad check character
            {"name": "张三", "id_number": VALID_ID},  # row 4: already on the roster
            {"name": "周十", "phone": "13900002222"},  # row 5: good
            {"name": "周十", "phone": "13900002222"},  # row 6: the same person as row 5
            {"name": "吴一", "status": "出差"},  # row 7: not a status
        ],
    )
    choose(monkeypatch, "getOpenFileName", path)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    dialog = preview(qtbot, page)
    assert dialog.summary.text() == "共 6 行：可导入 2 行，有误 2 行，重复 2 行（重复的人员不会重复导入）。"
    problems = dialog.problems.toPlainText().splitlines()
    assert problems[0] == "第 3 行：身份证号校验位错误"
    assert problems[1].startswith("第 7 行：状态“出差”不是")
    assert problems[2].startswith("第 4 行：张三 与花名册 #") and problems[3].startswith("第 6 行：周十 与第 5 行")
    assert dialog.import_button.text() == "导入 2 行(&I)" and not dialog.import_button.isEnabled()
    dialog.accept_box.setFocus()
    qtbot.keyClick(dialog.accept_box, Qt.Key.Key_Space)
    assert dialog.import_button.isEnabled()
    # the file changes on disk after the preview: what was previewed is what goes in
    workbook(path, [{"name": f"别人{n}"} for n in range(50)])
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: page.import_dialog is None and not page.loading and page.total == 5, timeout=10000)
    names = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert names == {"张三", "李四", "王五", "钱八", "周十"}
    assert page.message.text() == "已导入 2 人。"
    close_window(qtbot, window)


def test_cancelling_the_preview_imports_nothing(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    choose(monkeypatch, "getOpenFileName", workbook(tmp_path / "r.xlsx", [{"name": "钱八"}]))
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    dialog = preview(qtbot, page)
    assert dialog.problems.toPlainText() == "没有发现问题。" and not dialog.accept_box.isVisible()
    assert dialog.import_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: page.import_dialog is None)
    page.show_page(0)
    qtbot.waitUntil(lambda: not page.loading)
    assert page.total == 3
    close_window(qtbot, window)


def test_a_file_that_is_not_a_workbook_is_refused_in_words(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    fake = tmp_path / "roster.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    choose(monkeypatch, "getOpenFileName", fake)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text() == "无法读取这个文件。"
    assert "程序内部错误" not in box.informativeText() and "没有导入任何数据。" in box.informativeText()
    assert page.import_dialog is None
    box.close()
    close_window(qtbot, window)


def test_the_template_downloads(qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_roster(db_url)
    target = tmp_path / "模板"
    choose(monkeypatch, "getSaveFileName", target)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_registers(qtbot, window).roster
    click(qtbot, page.template_button)
    saved = tmp_path / "模板.xlsx"
    assert saved.exists() and str(saved) in page.message.text()
    header = [cell.value for cell in load_workbook(saved).active[1]]  # type: ignore[index]
    assert header == [zh for _, zh, _ in ROSTER_FIELDS]
    close_window(qtbot, window)
