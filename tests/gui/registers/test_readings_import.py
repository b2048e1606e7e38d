"""从测温设备导入 driven like a user: a gate camera's CSV whose temperature column is not recognised, the column
chosen, the preview naming every bad row by number (an unknown name quoted from the file), nothing stored
until the user accepts, only the rows previewed imported even if the file changes on disk meanwhile, the
past half-day marked late, and the columns remembered for the device next time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.registers import readings_import
from desktop.registers.readings import ReadingsPage
from desktop.registers.readings_import import ReadingsImportDialog
from tests.gui.helpers import choose_in_combo, click, close_window, start_app, type_into
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_readings import open_readings, stored

EVENING = dt.datetime(2020, 3, 2, 20, 0)
HEADER = "序号,人员姓名,通行时间,体表温度,设备\n"


def open_import(qtbot: QtBot, page: ReadingsPage, path: Path, monkeypatch: pytest.MonkeyPatch) -> ReadingsImportDialog:
    def choose(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: page.import_dialog is not None, timeout=20000)
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_gate_camera_file_is_previewed_then_imported_as_previewed(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    gate = tmp_path / "gate.csv"
    gate.write_text(
        HEADER
        + "1,张三,2020-03-02 08:01:02,36.5,东门\n"
        + "2,李四,2020-03-02 08:02:00,37.6,东门\n"
        + "3,陌生人,2020-03-02 08:03:00,36.5,东门\n"
        + "4,王五,2020-03-02 14:03:00,98.6,东门\n",
        encoding="utf-8",
    )
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, EVENING)
    dialog = open_import(qtbot, page, gate, monkeypatch)
    copy = dialog.gate_file.copy
    assert copy.read_bytes() == gate.read_bytes() and copy.parent.stat().st_mode & 0o077 == 0
    assert dialog.file_label.text() == "文件“gate.csv”：4 行数据，5 列。"
    # name and time found by their headers; the temperature column is the user's to choose
    assert dialog.columns["name"].currentText() == "人员姓名" and dialog.columns["time"].currentText() == "通行时间"
    assert dialog.columns["temperature"].currentText() == "（未选择）"
    assert not dialog.preview_button.isEnabled() and not dialog.import_button.isEnabled()
    choose_in_combo(qtbot, dialog.columns["temperature"], "体表温度")
    type_into(qtbot, dialog.source.lineEdit(), "东门测温门")
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.check is not None and not dialog.busy, timeout=20000)
    assert dialog.summary.text() == (
        "共 4 行：可导入 2 条（同一人同一半天取最高体温），有误 2 行。"
        "其中 1 个半天已过，导入的体温将标记为补录并记入审计记录。"
    )
    problems = dialog.problems.toPlainText().splitlines()
    assert problems[0] == "第 4 行：姓名不在花名册中（或已离岗）：“陌生人”"
    assert problems[1].startswith("第 5 行：体温")
    assert stored(db_url) == {
        "张三": (None, None, False, False),
        "李四": (None, None, False, False),
        "王五": (None, None, False, False),
    }
    # with bad rows, nothing until the user accepts to leave them out
    assert not dialog.import_button.isEnabled() and dialog.accept_box.isVisible()
    click(qtbot, dialog.accept_box)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "导入 2 条(&I)"
    # a column changed after the preview: the preview no longer holds, preview again
    choose_in_combo(qtbot, dialog.columns["symptoms"], "设备")
    assert dialog.check is None and not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "列或来源已更改，请重新预览。"
    choose_in_combo(qtbot, dialog.columns["symptoms"], "（没有此列）")
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.check is not None and not dialog.busy, timeout=20000)
    click(qtbot, dialog.accept_box)
    # the device rewrites its file after the preview: the import reads the copy that was previewed
    gate.write_text(HEADER + "1,王五,2020-03-02 08:05:00,39.5,东门\n", encoding="utf-8")
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: page.import_dialog is None and not page.loading, timeout=20000)
    assert page.message.text() == "已从“gate.csv”导入 2 条体温，其中发热或有症状 1 条、补录 2 条。"
    assert stored(db_url) == {
        "张三": (36.5, None, True, False),
        "李四": (37.6, None, True, True),
        "王五": (None, None, False, False),
    }
    assert not copy.exists()  # the private copy is gone with the dialog
    # next time, the device's columns come back when its name is chosen
    second = tmp_path / "gate-0303.csv"
    second.write_text(HEADER + "1,王五,2020-03-02 15:00:00,36.4,东门\n", encoding="utf-8")
    again = open_import(qtbot, page, second, monkeypatch)
    assert again.columns["temperature"].currentText() == "（未选择）"
    choose_in_combo(qtbot, again.source, "东门测温门")
    assert again.columns["temperature"].currentText() == "体表温度"
    click(qtbot, again.preview_button)
    qtbot.waitUntil(lambda: again.check is not None and not again.busy, timeout=20000)
    assert again.check is not None and again.check.clean and again.import_button.isEnabled()
    assert again.problems.toPlainText() == "没有发现问题。"
    click(qtbot, again.import_button)
    qtbot.waitUntil(lambda: page.import_dialog is None and not page.loading, timeout=20000)
    assert stored(db_url)["王五"] == (None, 36.4, False, False)
    close_window(qtbot, window)


def test_a_damaged_file_is_refused_in_words_and_an_auditor_cannot_import(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    damaged = tmp_path / "camera.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, EVENING)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(damaged), "")))
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: window.registers_window is not None and _error_box(window.registers_window) is not None)
    box = _error_box(window.registers_window)
    assert box is not None and "camera.xlsx：不是可读取的 Excel 工作簿" in box.informativeText()
    assert "没有导入任何数据。" in box.informativeText() and page.import_dialog is None
    box.accept()
    close_window(qtbot, window)
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    page = open_readings(qtbot, window, EVENING)
    assert not page.import_button.isEnabled()
    close_window(qtbot, window)


def _error_box(parent: Any) -> Any:
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in parent.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]
    return boxes[0] if boxes else None


def test_a_huge_or_vanished_file_is_refused_in_words_and_no_copy_is_left(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from storage.db import open_database
    from storage.errors import InvalidInputError
    from storage.ledger_import import MAX_FILE_BYTES

    seed_roster(db_url)
    copies = tmp_path / "copies"
    copies.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(copies))
    huge = tmp_path / "camera.csv"
    with huge.open("wb") as handle:  # sparse: 4 GB on paper, nothing on disk
        handle.write(HEADER.encode())
        handle.seek(4_000_000_000)
        handle.write(b"x")
    db = open_database(db_url)
    try:
        with pytest.raises(InvalidInputError) as refused:
            readings_import.read_gate_file(db, huge)
        assert refused.value.message_zh == f"camera.csv：超过 {MAX_FILE_BYTES // 1_000_000} MB；未导入任何数据"
        with pytest.raises(InvalidInputError) as vanished:
            readings_import.read_gate_file(db, tmp_path / "deleted.csv")
        assert vanished.value.message_zh.startswith("deleted.csv：无法读取（")
        assert vanished.value.message_zh.endswith("；未导入任何数据")
    finally:
        db.close()
    assert list(copies.iterdir()) == []  # neither refusal left a copy behind
