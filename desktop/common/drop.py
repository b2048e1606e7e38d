"""Files dropped from the file manager onto a widget (photos and documents onto an item)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def local_files(mime: QMimeData) -> list[Path]:
    """The local files in a drag-and-drop payload (other URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDrop(QObject):
    """Lets ``widget`` take local files dropped on it: while ``accepts()`` is true, a drag of files is
    accepted and the dropped paths go to ``dropped``; anything else (text, web links) is refused."""

    def __init__(self, widget: QWidget, accepts: Callable[[], bool], dropped: Callable[[list[Path]], None]) -> None:
        super().__init__(widget)
        self._accepts = accepts
        self._dropped = dropped
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragMoveEvent):  # entering (QDragEnterEvent) or moving over the widget
            if self._accepts() and local_files(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            files = local_files(event.mimeData())
            if files and self._accepts():
                event.acceptProposedAction()
                self._dropped(files)
            else:
                event.ignore()
            return True
        return False
