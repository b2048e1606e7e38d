"""Photos and documents attached to an item, shown as thumbnails; add by file dialog or drag and drop."""

from __future__ import annotations

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
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.assets import icon
from desktop.common.drop import FileDrop

if TYPE_CHECKING:
    from desktop.editor.inspection import EvidenceInfo

ModelIndex = QModelIndex | QPersistentModelIndex
EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
THUMBNAIL = 96
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.pdf"


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
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)

    def set_evidence(self, evidence: Sequence[EvidenceInfo], editable: bool) -> None:
        self.model.set_evidence(evidence)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self._editable = editable

    @Slot()
    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择照片或文件"),
            "",
            self.tr("照片和文件") + f" ({PHOTO_FILTER});;" + self.tr("所有文件") + " (*)",
        )
        if names:
            self.files_chosen.emit([Path(name) for name in names])

    @Slot()
    def _remove(self) -> None:
        for index in self.view.selectionModel().selectedIndexes():
            self.remove_requested.emit(int(index.data(EvidenceIdRole)))
