"""Qt's own words in the Chinese interface (docs/usability.md #33): Qt 6 moved the file dialog's type words
(“Folder”, “Drive” …) to a context its own Chinese translation lacks, so a folder's 类型 read “Folder” in the
app's file dialog; ``resources/translations/qt_extra_zh_CN.ts`` supplies them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from desktop.common import i18n
from desktop.common.folders import remember_folder
from tests.gui.helpers import click, close_window, seed_accounts, show_audit, start_app

ACCOUNTS = {"王经理": ("manager", "wang-manager-2020"), "赵审计": ("auditor", "zhao-auditor-2020")}


def _type_of(dialog: QFileDialog, name: str) -> str:
    """The 类型 column of ``name`` in the dialog's detail view, once its folder is read ('' until then)."""
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    root = view.rootIndex()
    assert isinstance(model, QFileSystemModel)
    for row in range(model.rowCount(root)):
        index: QModelIndex = model.index(row, 0, root)
        if index.data() == name:
            return str(model.index(row, 2, root).data() or "")
    return ""


def test_the_file_dialog_names_a_folders_type_in_chinese(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The auditor's 验证文件 opens Qt's own file dialog (as on a Linux desktop) in the reports' folder: a
    folder there is of type 文件夹, not “Folder”; then the auditor cancels."""
    reports = tmp_path / "报告"
    (reports / "三月").mkdir(parents=True)
    remember_folder(reports)
    seed_accounts(db_url, ACCOUNTS)
    real = QFileDialog.getOpenFileName

    def own_dialog(parent: QWidget | None, title: str, folder: str, pattern: str) -> tuple[str, str]:
        return real(parent, title, folder, pattern, options=QFileDialog.Option.DontUseNativeDialog)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(own_dialog))
    window = start_app(qtbot, db_url, "赵审计", ACCOUNTS["赵审计"][1])
    audit = show_audit(qtbot, window)
    seen: dict[str, str] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            seen["type"] = _type_of(dialog, "三月")
            if seen["type"]:
                seen["title"] = dialog.windowTitle()
                dialog.reject()
                return
        QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)
    click(qtbot, audit.file_button)  # returns when the dialog is closed
    assert seen["title"] == "选择要验证的报告"
    assert seen["type"] == "文件夹"
    close_window(qtbot, window)


def test_the_other_type_words_qt_lacks_are_chinese() -> None:
    """Every type word Qt 6 asks under QAbstractFileIconProvider (Windows says “File Folder”, a symbolic link is a
    “Shortcut”, a disk root a “Drive”) comes back Chinese, with Qt's disambiguation or without."""
    i18n.install_language(i18n.CHINESE)
    words = {
        ("Folder", "All other platforms"): "文件夹",
        ("File Folder", "Match Windows Explorer"): "文件夹",
        ("Drive", None): "驱动器",
        ("Shortcut", "All other platforms"): "快捷方式",
        ("Alias", "macOS Finder"): "别名",
        ("Unknown", None): "未知",
    }
    for (source, comment), chinese in words.items():
        assert QApplication.translate("QAbstractFileIconProvider", source, comment) == chinese
    i18n.install_language(i18n.ENGLISH)
    assert QApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "Folder"


def test_the_standard_buttons_the_app_shows_are_chinese(qtbot: QtBot) -> None:
    """确定/取消/是/否/保存/打开 — the standard buttons by their exact words."""
    i18n.install_language(i18n.CHINESE)
    box = QMessageBox()
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    expected = {
        buttons.Ok: "确定",
        buttons.Cancel: "取消",
        buttons.Yes: "是(&Y)",
        buttons.No: "否(&N)",
        buttons.Save: "保存",
        buttons.Open: "打开",
    }
    for which in expected:
        box.addButton(which)
    assert {which: box.button(which).text() for which in expected} == expected
