"""Photos and documents attached to an item, shown as thumbnails; add by file dialog or drag and drop."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.common.assets import icon
from desktop.common.drop import FileDrop
from desktop.common.errors import show_error
from desktop.common.file_dialogs import open_file_names
from desktop.common.look import fit_to_screen

if TYPE_CHECKING:
    from desktop.editor.inspection import EvidenceInfo

ModelIndex = QModelIndex | QPersistentModelIndex
EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
THUMBNAIL = 96
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.pdf"


_private_folder: Path | None = None


def private_copy(filename: str, data: bytes) -> Path:
    """``data`` written under ``filename`` in a folder only this user can read (removed when the app exits),
    for the system's viewer: the attachment lives in the database, not in a file of its own."""
    global _private_folder
    if _private_folder is None or not _private_folder.is_dir():
        _private_folder = Path(tempfile.mkdtemp(prefix="fugong-attachments-"))  # mode 0700
        atexit.register(shutil.rmtree, _private_folder, True)
    folder = Path(tempfile.mkdtemp(dir=_private_folder))  # one per copy: two files may share a name
    path = folder / (Path(filename).name or "attachment")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    return path


class PhotoViewer(QDialog):
    """One photo, as large as the screen allows (scrolls if larger); Esc or 关闭 closes it."""

    def __init__(self, filename: str, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(filename)
        self.image_label = QLabel()
        self.image_label.setObjectName("photo")
        self.image_label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(self.image_label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, image.width() + 60, image.height() + 100)


class EvidenceModel(QAbstractListModel):
    """The attachments of one item; thumbnails are made once per attachment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._evidence: list[EvidenceInfo] = []
        self._thumbnails: dict[int, QIcon] = {}

    def set_evidence(self, evidence: Sequence[EvidenceInfo]) -> None:
        self.beginResetModel()
        self._evidence = list(evidence)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._evidence)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._evidence):
            return None
        evidence = self._evidence[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return evidence.filename
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{evidence.filename} ({len(evidence.data) // 1024 + 1} KB, {evidence.media_type})"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(evidence)
        if role == EvidenceIdRole:
            return evidence.id
        return None

    def evidence_at(self, row: int) -> EvidenceInfo | None:
        return self._evidence[row] if 0 <= row < len(self._evidence) else None

    def _thumbnail(self, evidence: EvidenceInfo) -> QIcon:
        cached = self._thumbnails.get(evidence.id)
        if cached is not None:
            return cached
        image = QImage.fromData(evidence.data) if evidence.media_type.startswith("image/") else QImage()
        if image.isNull():
            thumbnail = icon("document")
        else:
            scaled = image.scaled(
                THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            thumbnail = QIcon(QPixmap.fromImage(scaled))
        self._thumbnails[evidence.id] = thumbnail
        return thumbnail


class PhotoStrip(QWidget):
    """Thumbnails with Add / Remove buttons; files dropped on it are added."""

    files_chosen = Signal(list)  # list[Path]
    remove_requested = Signal(int)  # evidence id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = True
        FileDrop(self, lambda: self._editable, self.files_chosen.emit)
        self.model = EvidenceModel(self)
        self.view = QListView()
        self.view.setObjectName("photoList")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.view.setGridSize(QSize(THUMBNAIL + 40, THUMBNAIL + 36))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWrapping(True)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.view.setAcceptDrops(False)
        self.view.viewport().setAcceptDrops(False)
        self.view.setFixedHeight(THUMBNAIL + 48)
        self.add_button = QPushButton(icon("photo"), self.tr("添加照片或文件(&H)…"))
        self.add_button.setObjectName("addPhoto")
        self.remove_button = QPushButton(icon("remove"), self.tr("删除所选"))
        self.remove_button.setObjectName("removePhoto")
        self.hint = QLabel(self.tr("也可以把照片拖到这里。"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        self.view.setToolTip(self.tr("双击打开照片或文件"))
        self.viewer: PhotoViewer | None = None
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        self.view.activated.connect(self.open_attachment)  # double-click, or Enter

    def set_evidence(self, evidence: Sequence[EvidenceInfo], editable: bool) -> None:
        self.model.set_evidence(evidence)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self._editable = editable

    @Slot()
    def _choose(self) -> None:
        names = open_file_names(
            self,
            self.tr("选择照片或文件"),
            "",
            self.tr("照片和文件") + f" ({PHOTO_FILTER});;" + self.tr("所有文件") + " (*)",
        )
        if names:
            self.files_chosen.emit([Path(name) for name in names])

    @Slot(QModelIndex)
    def open_attachment(self, index: QModelIndex) -> None:
        """A photo in the viewer; any other file (a PDF …) in the system's program, from a private copy."""
        evidence = self.model.evidence_at(index.row())
        if evidence is None:
            return
        image = QImage.fromData(evidence.data) if evidence.media_type.startswith("image/") else QImage()
        if not image.isNull():
            self.viewer = PhotoViewer(evidence.filename, image, self)
            self.viewer.destroyed.connect(lambda: setattr(self, "viewer", None))
            self.viewer.open()
            return
        try:
            path = private_copy(evidence.filename, evidence.data)
        except OSError as error:
            show_error(self, self.tr("无法打开这个文件。"), error, self.tr("附件仍保存在检查记录中。"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def _remove(self) -> None:
        for index in self.view.selectionModel().selectedIndexes():
            self.remove_requested.emit(int(index.data(EvidenceIdRole)))
