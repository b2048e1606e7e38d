"""设置 › 报告上的公司标志: a manager chooses, sees and saves the logo; Cancel keeps the old one; an officer
sees it but cannot change it; a file that is not a picture is refused in a sentence, the logo unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.settings.dialog import SettingsDialog
from storage.db import open_database
from storage.logo import company_logo
from tests.gui.helpers import click, close_window, make_photo, seed_accounts, start_app


def _logo_of(db_url: str) -> bytes | None:
    db = open_database(db_url)
    try:
        return company_logo(db, 1)
    finally:
        db.close()


def _settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _choose(qtbot: QtBot, dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    box = dialog.logo_box
    assert box is not None
    click(qtbot, box.choose_button)
    qtbot.waitUntil(lambda: box.choose_button.isEnabled())  # the picture was read in the background


def _press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    click(qtbot, dialog.findChild(QDialogButtonBox).button(which))


@pytest.fixture
def manager_window(qtbot: QtBot, db_url: str) -> MainWindow:
    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张伟": ("officer", "zhang-officer-2020")})
    return start_app(qtbot, db_url, user="王经理", password="wang-manager-2020")


def test_a_manager_chooses_sees_and_saves_the_logo(
    qtbot: QtBot, manager_window: MainWindow, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _settings(qtbot, manager_window)
    box = dialog.logo_box
    assert box is not None and box.isVisible() and box.preview.text() == "（无标志）"
    assert box.choose_button.isEnabled() and not box.remove_button.isEnabled()
    _choose(qtbot, dialog, monkeypatch, make_photo(tmp_path / "标志.png", size=(900, 300)))
    assert not box.preview.pixmap().isNull() and box.preview.pixmap().width() <= 200
    assert "确定" in box.note.text()
    assert _logo_of(db_url) is None  # shown, not saved before OK
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: manager_window.settings_dialog is None)
    kept = _logo_of(db_url)
    assert kept is not None and kept.startswith(b"\x89PNG")

    dialog = _settings(qtbot, manager_window)  # removing it, then Cancel: it stays
    assert dialog.logo_box is not None and dialog.logo_box.remove_button.isEnabled()
    click(qtbot, dialog.logo_box.remove_button)
    assert dialog.logo_box.preview.text() == "（无标志）"
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: manager_window.settings_dialog is None)
    assert _logo_of(db_url) == kept
    close_window(qtbot, manager_window)


def test_a_file_that_is_not_a_picture_is_refused_and_the_logo_kept(
    qtbot: QtBot, manager_window: MainWindow, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture at all", encoding="utf-8")
    dialog = _settings(qtbot, manager_window)
    _choose(qtbot, dialog, monkeypatch, fake)
    box = dialog.logo_box
    assert box is not None
    assert "未采用该图片" in box.note.text() and "须为 PNG 或 JPEG 图片" in box.note.text()
    assert box.preview.text() == "（无标志）" and not box.changed
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: manager_window.settings_dialog is None)
    assert _logo_of(db_url) is None
    close_window(qtbot, manager_window)


def test_an_officer_sees_the_logo_but_cannot_change_it(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张伟": ("officer", "zhang-officer-2020")})
    window = start_app(qtbot, db_url, user="张伟", password="zhang-officer-2020")
    dialog = _settings(qtbot, window)
    box = dialog.logo_box
    assert box is not None and not box.choose_button.isEnabled() and not box.remove_button.isEnabled()
    assert "只有单位主要负责人" in box.note.text()
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    close_window(qtbot, window)
