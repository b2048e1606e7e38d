"""Files dropped from the file manager: taken while the widget accepts them, refused otherwise, and never a
web link or plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.common.drop import FileDrop


def _drag_and_drop(widget: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    center = widget.rect().center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_files_are_taken_only_while_the_widget_accepts_them(qtbot: QtBot, tmp_path: Path) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    accepting = [True]
    received: list[list[Path]] = []
    FileDrop(widget, lambda: accepting[0], received.append)
    photo, document = tmp_path / "门口.jpg", tmp_path / "记录.pdf"
    assert _drag_and_drop(widget, _files(photo, document)) == (True, True)
    assert received == [[photo, document]]
    accepting[0] = False  # a signed record, or an auditor: nothing is attached
    assert _drag_and_drop(widget, _files(photo)) == (False, False)
    assert received == [[photo, document]]


def test_links_and_text_are_not_files(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    received: list[list[Path]] = []
    FileDrop(widget, lambda: True, received.append)
    link = QMimeData()
    link.setUrls([QUrl("https://example.com/photo.jpg")])
    text = QMimeData()
    text.setText("/etc/passwd")
    assert _drag_and_drop(widget, link) == (False, False)
    assert _drag_and_drop(widget, text) == (False, False)
    assert received == []
