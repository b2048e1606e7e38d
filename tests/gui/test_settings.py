"""设置: the settings dialog, reached from the 文件 menu, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from checklist.catalog import official_catalogs
from desktop.app import server_password_needed
from desktop.common import i18n
from desktop.common.settings import default_catalogs, saved_database_url
from desktop.settings.dialog import SettingsDialog
from tests.conftest import PG_URL
from tests.gui.helpers import click, close_window, seed_accounts, start_app, type_into


def _ok(qtbot: QtBot, dialog: SettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))


def _dialog(qtbot: QtBot, db_url: str) -> SettingsDialog:
    dialog = SettingsDialog(db_url, official_catalogs())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_open_from_the_file_menu_and_save_the_default_catalogs(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"张伟": ("officer", "correct-horse-battery")})
    window = start_app(qtbot, db_url, password="correct-horse-battery")
    file_menu = window.menuBar().actions()[0].menu()
    assert window.settings_action in file_menu.actions()
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.sqlite_button.isChecked() and dialog.file_edit.text().endswith("fugong.sqlite3")
    click(qtbot, dialog.catalog_boxes["BJHQ"])  # off
    click(qtbot, dialog.catalog_boxes["NHC"])  # on
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert default_catalogs() == ("GN", "NHC")
    assert saved_database_url() == ""  # the same database: nothing to change
    close_window(qtbot, window)


def test_no_default_catalog_is_refused_and_nothing_saved(qtbot: QtBot, db_url: str) -> None:
    dialog = _dialog(qtbot, db_url)
    for box in dialog.catalog_boxes.values():
        box.setChecked(False)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "至少选择一个默认清单" in dialog.message.text()
    assert default_catalogs() == ("GN", "BJHQ")


def test_another_sqlite_file_is_saved_for_the_next_start(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, db_url)
    dialog.file_edit.clear()
    type_into(qtbot, dialog.file_edit, str(tmp_path / "另一个.sqlite3"))
    _ok(qtbot, dialog)
    assert not dialog.isVisible() and dialog.database_changed
    assert saved_database_url() == f"sqlite:///{tmp_path / '另一个.sqlite3'}"


def test_someone_elses_sqlite_file_is_refused(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    import sqlite3

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE payroll (id INTEGER)")
    dialog = _dialog(qtbot, db_url)
    dialog.file_edit.setText(str(foreign))
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "不是复工自查数据库" in dialog.message.text()
    assert saved_database_url() == ""


@pytest.mark.postgres
def test_a_server_is_tried_first_and_its_password_never_saved(qtbot: QtBot, db_url: str, temp_settings: Path) -> None:
    from sqlalchemy.engine import make_url

    server = make_url(PG_URL)
    dialog = _dialog(qtbot, db_url)
    button = dialog.postgres_button  # on its circle: a radio button takes clicks on its circle and its text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert dialog.postgres_button.isChecked()
    type_into(qtbot, dialog.host_edit, server.host or "")
    dialog.port_spin.setValue(1)  # nothing listens there: refused, nothing saved
    type_into(qtbot, dialog.name_edit, server.database or "")
    type_into(qtbot, dialog.user_edit, server.username or "")
    type_into(qtbot, dialog.password_edit, server.password or "")
    _ok(qtbot, dialog)
    assert "无法使用该数据库" in dialog.message.text(), dialog.chosen_url(with_password=False)
    assert dialog.isVisible()
    assert saved_database_url() == ""
    dialog.port_spin.setValue(server.port or 5432)
    _ok(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    saved = saved_database_url()
    assert make_url(saved).password is None and make_url(saved).host == server.host
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in temp_settings.rglob("*") if p.is_file())
    assert saved in written and f":{server.password}@" not in written
    assert server_password_needed(saved) != bool(__import__("os").environ.get("PGPASSWORD"))


def test_a_server_address_with_a_password_is_never_written() -> None:
    from desktop.common.settings import save_database_url

    with pytest.raises(ValueError, match="never saved"):
        save_database_url("postgresql+psycopg://fugong:secret@db.example/fugong")
    assert saved_database_url() == ""


def test_the_language_chosen_switches_the_window(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"张伟": ("officer", "correct-horse-battery")})
    window = start_app(qtbot, db_url, password="correct-horse-battery")
    requested: list[str] = []
    window.language_requested.connect(requested.append)
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    _ok(qtbot, dialog)
    assert requested == ["en"]
    rebuilt = window._test_app.window  # type: ignore[attr-defined]  # the app rebuilt its window in English
    assert rebuilt is not window and i18n.current_language() == i18n.ENGLISH
    assert rebuilt.new_action.text().replace("&", "").startswith("New")
    close_window(qtbot, rebuilt)
