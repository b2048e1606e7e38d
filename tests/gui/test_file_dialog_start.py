"""Usability row #47: the registers' file dialogs started in the folder the program was started from; a bare
file name or no folder now starts in the reports' folder (the last export's, else Documents, else home)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.common.file_dialogs import placed
from desktop.common.folders import remember_folder
from tests.gui.helpers import click, close_window, show_registers, start_app
from tests.gui.registers.seed import OFFICER, PASSWORDS, seed_roster


def test_the_roster_template_and_its_import_start_where_the_reports_go(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "报告"
    reports.mkdir()
    remember_folder(reports)
    asked: list[tuple[str, str]] = []

    def save(_parent: Any, _caption: str, start: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(("save", start))
        return "", ""

    def open_(_parent: Any, _caption: str, start: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(("open", start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = show_registers(qtbot, window, "roster").roster
    click(qtbot, page.template_button)
    click(qtbot, page.import_button)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked == [("save", str(reports / "花名册模板.xlsx")), ("open", str(reports))]
    close_window(qtbot, window)


def test_a_full_path_is_kept(tmp_path: Path) -> None:
    assert placed(str(tmp_path / "a.pdf")) == str(tmp_path / "a.pdf")
    remember_folder(tmp_path)
    assert placed("") == str(tmp_path) and placed("b.pdf") == str(tmp_path / "b.pdf")
