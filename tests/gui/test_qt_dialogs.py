"""Qt's own dialogs and menus speak the interface's language: the file dialog, a text field's context menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.common import i18n

LATIN = re.compile(r"[A-Za-z]{2,}")


def _texts(dialog: QWidget) -> list[str]:
    texts = [w.toolTip() for w in dialog.findChildren(QWidget) if w.toolTip()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
    return texts


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_the_file_dialog_is_chinese(qtbot: QtBot, mode: QFileDialog.AcceptMode) -> None:
    i18n.install_language(i18n.CHINESE)
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on Linux desktops
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert [t for t in texts if LATIN.search(t.replace("&", ""))] == []


def test_a_text_fields_context_menu_is_chinese(qtbot: QtBot) -> None:
    i18n.install_language(i18n.CHINESE)
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert menu is not None
    texts = [action.text() for action in menu.actions() if action.text()]
    assert texts and [t for t in texts if LATIN.search(t.replace("&", "").split("\t")[0])] == []


def test_english_mode_leaves_qt_in_english(qtbot: QtBot) -> None:
    i18n.install_language(i18n.ENGLISH)
    dialog = QFileDialog(None, "Choose a file")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "&Look in:" in _texts(dialog)


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    """The buttons Qt names itself — a message box's 是/否/取消/保存/放弃, a button box's 确定/取消 — in Chinese."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    i18n.install_language(i18n.CHINESE)
    box = QMessageBox()
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.No | buttons.Cancel | buttons.Save | buttons.Discard | buttons.Ok)
    texts = [button.text() for button in box.buttons()]
    assert len(texts) == 6 and [t for t in texts if LATIN.search(t.replace("&", ""))] == []
    button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(button_box)
    box_texts = [button.text() for button in button_box.buttons()]
    assert len(box_texts) == 2 and [t for t in box_texts if LATIN.search(t.replace("&", ""))] == []


def test_a_date_fields_text_menu_is_chinese(qtbot: QtBot) -> None:
    """A date field's editing menu (撤销, 复制 …), as a right click shows it, is in Chinese."""
    from PySide6.QtWidgets import QDateEdit

    i18n.install_language(i18n.CHINESE)
    field = QDateEdit()
    qtbot.addWidget(field)
    line = field.findChild(QLineEdit)
    assert line is not None
    menu = line.createStandardContextMenu()
    assert menu is not None
    texts = [action.text() for action in menu.actions() if action.text()]
    assert texts and [t for t in texts if LATIN.search(t.replace("&", "").split("\t")[0])] == []
