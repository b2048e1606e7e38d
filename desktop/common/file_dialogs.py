"""The app's file dialogs — open, open several, save, choose a folder — at a size a plant PC's screen can read.

Qt's own file dialog (the one Linux desktops without a platform theme get, and every dialog under Xvfb or a
kiosk session) opens at its default 600×410, with the name column as wide as 26 “w”: a report name such as
复工自查_北京示例制造有限公司_2026-11-30_第1号.pdf is elided and the size and type columns are cut
(docs/usability.md #38). Every call here asks Qt's static function as before — the native dialog wherever the
platform gives one, the start folder the caller passes — and, while it runs, gives a Qt dialog that is shown
:func:`usable_size` of its screen and columns wide enough for what the folder holds (:func:`fit_file_dialog`).
A native dialog keeps the size its system gives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QTreeView, QWidget

# a share of the screen's free area: the dialog is big and yet plainly a dialog over the window it belongs to
SCREEN_SHARE = 0.8
LARGEST = QSize(1280, 800)  # on a large monitor the dialog need not grow beyond what a long name needs
REFIT = "fileDialogRefit"  # the timer that fits the columns once a burst of entries has arrived
FITTED = "fugongFitted"  # a dynamic property: the dialog was sized once (a dialog shown again keeps its size)


def usable_size(dialog: QWidget) -> QSize:
    """80 % of the free area of the dialog's screen (the screen less its taskbar), at most :data:`LARGEST`, never
    smaller than the dialog's own minimum, never larger than the free area: 1093×582 on a 1366×768 plant PC."""
    parent = dialog.parentWidget()
    area = (parent.screen() if parent is not None else dialog.screen()).availableGeometry()
    wanted = QSize(round(area.width() * SCREEN_SHARE), round(area.height() * SCREEN_SHARE)).boundedTo(LARGEST)
    return wanted.expandedTo(dialog.minimumSizeHint()).boundedTo(area.size())


def fit_columns(view: QTreeView) -> None:
    """Size, type and date as wide as what they show; the name takes the rest of the width, and never less than
    the longest name shown (a horizontal scroll bar rather than an elided name)."""
    header = view.header()
    header.setStretchLastSection(False)
    others = 0
    for column in range(1, header.count()):
        if not header.isSectionHidden(column):
            view.resizeColumnToContents(column)
            others += header.sectionSize(column)
    names = max(view.sizeHintForColumn(0), header.sectionSizeHint(0))
    header.resizeSection(0, max(names, view.viewport().width() - others))


def fit_file_dialog(dialog: QFileDialog) -> None:
    """Give a Qt file dialog :func:`usable_size` and fit its detail view's columns now and whenever a folder's
    entries arrive (Qt reads a folder in the background, a few entries at a time)."""
    dialog.resize(usable_size(dialog))
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:  # a native dialog has no widgets of its own
        return
    refit = QTimer(dialog)
    refit.setObjectName(REFIT)
    refit.setSingleShot(True)
    refit.setInterval(0)
    # the view is looked up again each time: a wrapper found now dies with the dialog's wrapper of the Show event
    refit.timeout.connect(lambda: _fit_columns_of(dialog))
    model = view.model()
    if isinstance(model, QFileSystemModel):
        model.directoryLoaded.connect(refit.start)
    if model is not None:
        model.rowsInserted.connect(refit.start)
        model.layoutChanged.connect(refit.start)
    refit.start()


def _fit_columns_of(dialog: QFileDialog) -> None:
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        fit_columns(view)


class _SizeShownFileDialogs(QObject):
    """While installed on the application: the first time a Qt file dialog is shown, :func:`fit_file_dialog` it.
    Sized on its Show event, before QDialog centres it over its parent, so it opens centred at its new size."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog) and not watched.property(FITTED):
            watched.setProperty(FITTED, True)
            fit_file_dialog(watched)
        return False


@contextmanager
def _sized() -> Iterator[None]:
    app = QApplication.instance()
    sizer = _SizeShownFileDialogs()
    if app is not None:
        app.installEventFilter(sizer)
    try:
        yield
    finally:
        if app is not None:
            app.removeEventFilter(sizer)


def placed(path: str) -> str:
    """Where a dialog starts: ``path`` as given when it names a folder or file by its full path; a bare file name
    (花名册模板.xlsx) or nothing starts in the reports' folder (:func:`desktop.common.folders.proposed_folder`),
    not in whatever folder the program was started from (docs/usability.md #47)."""
    from desktop.common.folders import proposed_folder

    if path and Path(path).is_absolute():
        return path
    return str(proposed_folder() / path) if path else str(proposed_folder())


def open_file_name(parent: QWidget | None, caption: str, folder: str, pattern: str) -> str:
    """One file to read (``QFileDialog.getOpenFileName``); "" if cancelled."""
    with _sized():
        chosen, _ = QFileDialog.getOpenFileName(parent, caption, placed(folder), pattern)
    return chosen


def open_file_names(parent: QWidget | None, caption: str, folder: str, pattern: str) -> list[str]:
    """Files to read (``QFileDialog.getOpenFileNames``); [] if cancelled."""
    with _sized():
        chosen, _ = QFileDialog.getOpenFileNames(parent, caption, placed(folder), pattern)
    return list(chosen)


def save_file_name(
    parent: QWidget | None, caption: str, proposed: str, pattern: str, *, confirm_overwrite: bool = True
) -> str:
    """Where to write (``QFileDialog.getSaveFileName``); "" if cancelled. ``confirm_overwrite=False`` for a file
    that is opened rather than replaced (the database file)."""
    with _sized():
        if confirm_overwrite:
            chosen, _ = QFileDialog.getSaveFileName(parent, caption, placed(proposed), pattern)
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                parent, caption, placed(proposed), pattern, options=QFileDialog.Option.DontConfirmOverwrite
            )
    return chosen


def existing_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """A folder (``QFileDialog.getExistingDirectory``); "" if cancelled."""
    with _sized():
        return QFileDialog.getExistingDirectory(parent, caption, placed(folder))
