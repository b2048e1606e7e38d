"""Helpers that drive the real widgets the way an officer would (clicks and typing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import FugongApp
from desktop.main_window import MainWindow

VALID_CREDIT_CODE = "91110000600037341L"
WRONG_CHECK_CHARACTER = "91110000600037341X"


def start_app(qtbot: QtBot, db_url: str) -> MainWindow:
    """Start the app as ``run_gui`` does (without its event loop) and wait until the list is loaded."""
    app = FugongApp(db_url)
    window = app.start()
    window._test_app = app  # type: ignore[attr-defined]  # keep the owner alive with the window
    qtbot.waitUntil(lambda: window.loaded, timeout=20000)
    return window


def close_window(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    if window.db is not None:
        window.db.close()


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName()} is not visible"
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key clicks, Chinese as an input method commits it (拼音 → 汉字)."""
    chunk = ""
    for character in text + "\0":
        if character.isascii() or character == "\0":
            if chunk:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
                chunk = ""
            if character != "\0":
                qtbot.keyClicks(widget, character)
        else:
            chunk += character


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Give ``widget`` the focus and type into it."""
    widget.setFocus()
    type_text(qtbot, widget, text)


def click_toolbar(qtbot: QtBot, window: MainWindow, action_name: str) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    action = getattr(window, action_name)
    button = toolbar.widgetForAction(action)
    click(qtbot, button)


def click_index(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, double: bool = False) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not on screen"
    point: QPoint = rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # a real double click: the first click, then the second one
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def make_photo(path: Path, color: str = "#4caf50", size: tuple[int, int] = (320, 240)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def seed_inspection(db_url: str, catalogs: tuple[str, ...] = ("GN", "BJHQ"), officer: str = "张伟") -> int:
    """A company, a site and a draft inspection, stored through the service as the GUI would."""
    from storage.db import open_database
    from storage.service import CompanyInput, add_site, create_inspection, save_company

    db = open_database(db_url)
    try:
        company = save_company(db, officer, CompanyInput("北京示例制造有限公司", VALID_CREDIT_CODE, "industrial"))
        site = add_site(db, officer, company, "一号厂区")
        return create_inspection(db, officer, company, dt.date(2020, 3, 2), officer, catalogs, site_id=site)
    finally:
        db.close()
