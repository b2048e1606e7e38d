"""Qt's own file dialog at a size the plant PC's screen can read (docs/usability.md #38): it opened at its default
600×410 with the name column 26 “w” wide, so a report's long name was elided and its size and type cut. Every
file dialog of the app goes through ``desktop.common.file_dialogs``; here the auditor's 验证文件 (open), the
roster's 下载模板 (save) and a folder chooser, each a real Qt dialog, are measured while open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QStyle, QTreeView
from pytestqt.qtbot import QtBot

from desktop.common.file_dialogs import REFIT, existing_folder
from desktop.common.folders import remember_folder
from tests.gui.helpers import click, close_window, seed_accounts, show_audit, show_registers, start_app
from tests.gui.registers.seed import MANAGER, PASSWORDS, seed_roster

ACCOUNTS = {"赵审计": ("auditor", "zhao-auditor-2020")}
# the names the export writes (docs/usability.md: 复工自查_<company>_<date>_第<n>号), a translation's the longest
REPORTS = (
    "复工自查_北京示例制造有限公司_2026-11-30_第12号.pdf",
    "复工自查_北京示例制造有限公司_2026-11-30_第12号_EN.xlsx",
)
PLANT_SIZE = QSize(1093, 582)  # 80 % of the plant PC's free area, 1366×728


def reports_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "报告"
    folder.mkdir()
    for name in REPORTS:
        (folder / name).write_bytes(b"%PDF-1.7 " * 15000)  # 135 000 bytes: a size column of “131.8 KiB”
    (folder / "三月").mkdir()
    return folder


def rows(view: QTreeView) -> dict[str, QModelIndex]:
    """{name: its index in column 0} of what the detail view shows of its folder so far."""
    model, root = view.model(), view.rootIndex()
    assert isinstance(model, QFileSystemModel)
    return {str(model.index(r, 0, root).data()): model.index(r, 0, root) for r in range(model.rowCount(root))}


def refitting(dialog: QFileDialog) -> bool:
    """The dialog's columns are about to be fitted to entries just listed (never, for a dialog not fitted)."""
    timer = dialog.findChild(QTimer, REFIT)
    return timer is not None and timer.isActive()


def while_open(folder: Path | None, names: tuple[str, ...], seen: dict[str, object]) -> Callable[[], None]:
    """A poll for the modal file dialog: show ``folder`` (if given), wait until ``names`` are listed and their
    columns fitted, note what a reader would see, then cancel."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            if folder is not None and not seen.get("moved"):
                dialog.setDirectory(str(folder))
                seen["moved"] = True
            view = dialog.findChild(QTreeView, "treeView")
            assert view is not None
            shown = rows(view)
            if all(name in shown for name in names) and not refitting(dialog):
                seen.update(measure(dialog, view, shown, names))
                dialog.reject()
                return
            seen["polls"] = int(str(seen.get("polls", 0))) + 1
            if seen["polls"] == 400:  # 20 s: give up rather than hang the suite on a modal dialog
                seen["listed"] = sorted(shown)
                dialog.reject()
                return
        QTimer.singleShot(50, look)

    return look


def measure(
    dialog: QFileDialog, view: QTreeView, shown: dict[str, QModelIndex], names: tuple[str, ...]
) -> dict[str, object]:
    header, metrics = view.header(), QFontMetrics(view.font())
    style = view.style()
    icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1  # the delegate's, each side
    short: list[str] = []
    for name in names:
        index = shown[name]
        for column in range(header.count()):
            text = str(index.siblingAtColumn(column).data() or "")
            room = header.sectionSize(column) - 2 * margin - (icon + margin if column == 0 else 0)  # less icon, margins
            if text and metrics.horizontalAdvance(text) > room:
                short.append(f"{text!r}: {metrics.horizontalAdvance(text)} px > {room} px")
    frame = dialog.frameGeometry()
    return {"size": dialog.size(), "fits": dialog.screen().availableGeometry().contains(frame), "short": short}


def test_the_open_dialog_is_sized_for_the_plant_screen_and_shows_long_names_whole(
    qtbot: QtBot, db_url: str, tmp_path: Path
) -> None:
    """验证文件 starts in the reports' folder: the dialog is 80 % of the screen, on it, and every column of the two
    long report names — name, size, type, date — is wide enough for its text (before: the name cut at 234 px)."""
    remember_folder(reports_folder(tmp_path))
    seed_accounts(db_url, ACCOUNTS)
    window = start_app(qtbot, db_url, "赵审计", ACCOUNTS["赵审计"][1])
    audit = show_audit(qtbot, window)
    seen: dict[str, object] = {}
    QTimer.singleShot(0, while_open(None, (*REPORTS, "三月"), seen))
    click(qtbot, audit.file_button)  # returns once the dialog is cancelled
    assert "listed" not in seen, f"never listed: {seen}"
    assert seen["size"] == PLANT_SIZE
    assert seen["fits"] is True
    assert seen["short"] == []
    close_window(qtbot, window)


def test_the_save_dialog_of_the_roster_template_is_sized_too(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    folder = reports_folder(tmp_path)
    seed_roster(db_url)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers = show_registers(qtbot, window, "roster")
    seen: dict[str, object] = {}
    QTimer.singleShot(0, while_open(folder, (REPORTS[1], "三月"), seen))  # the .xlsx the filter shows
    click(qtbot, registers.roster.template_button)
    assert "listed" not in seen, f"never listed: {seen}"
    assert seen["size"] == PLANT_SIZE and seen["fits"] is True
    assert seen["short"] == []
    assert not (folder / "花名册模板.xlsx").exists()  # cancelled: nothing written
    close_window(qtbot, window)


def test_the_folder_chooser_is_sized_too(qtbot: QtBot, tmp_path: Path) -> None:
    """The export's 浏览 asks for a folder: Qt's folder dialog opens at the same size, in the folder it is given."""
    folder = reports_folder(tmp_path)
    (folder / "三月" / "复工自查_北京示例制造有限公司_第二季度报告汇总").mkdir()
    seen: dict[str, object] = {}
    QTimer.singleShot(0, while_open(None, ("复工自查_北京示例制造有限公司_第二季度报告汇总",), seen))
    assert existing_folder(None, "选择保存报告的文件夹", str(folder / "三月")) == ""
    assert "listed" not in seen, f"never listed: {seen}"
    assert seen["size"] == PLANT_SIZE and seen["fits"] is True
    assert seen["short"] == []
