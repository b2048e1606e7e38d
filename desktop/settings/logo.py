"""报告上的公司标志 / The company logo printed on reports: a part of the settings dialog.

The logo is the company's (kept in the database, printed by every computer of the company), so only a manager
may change it: the core says who (:func:`checklist.workflow.may_edit_company`) and checks it again when it is
saved. A chosen picture is checked and re-encoded off the window's thread (``storage.logo.prepare_logo``) and
shown; it is saved only when the dialog's OK is pressed, and Cancel leaves the logo as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.common.errors import error_text
from desktop.common.file_dialogs import open_file_name
from desktop.common.operations import Progress, run_in_background

PREVIEW = (200, 64)  # px: about the size the report's cover gives it


@dataclass
class LogoChoice:
    """What the settings dialog needs to offer the logo: the one kept now, whether this account may change
    it, and how to save a new one (``None`` removes it)."""

    current: bytes | None
    may_change: bool
    save: Callable[[bytes | None], None]


def _read_picture(path: Path) -> bytes:
    """The file's bytes, reading at most one byte over the logo limit (the core then refuses it in words)."""
    from storage.logo import MAX_LOGO_BYTES

    with path.open("rb") as stream:
        return stream.read(MAX_LOGO_BYTES + 1)


class LogoBox(QGroupBox):
    """The logo now, 选择图片… and 移除; the choice is kept until :meth:`save_choice` (the dialog's OK)."""

    def __init__(self, choice: LogoChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logoBox")
        self.setTitle(self.tr("报告上的公司标志"))
        self._choice = choice
        self.shown: bytes | None = choice.current
        self.changed = False
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setProperty("alignment", "AlignCenter")
        self.choose_button = QPushButton(self.tr("选择图片(&G)…"))
        self.choose_button.setObjectName("chooseLogo")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("移除(&R)"))
        self.remove_button.setObjectName("removeLogo")
        self.remove_button.clicked.connect(self.remove)
        self.note = QLabel()
        self.note.setObjectName("logoNote")
        self.note.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._show(self.shown)
        if not choice.may_change:
            self.note.setText(self.tr("只有单位主要负责人可以更改公司标志。"))

    def _show(self, png: bytes | None) -> None:
        if png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("（无标志）"))
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(png))
            from PySide6.QtCore import Qt

            self.preview.setPixmap(
                pixmap.scaled(*PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        may = self._choice.may_change
        self.choose_button.setEnabled(may)
        self.remove_button.setEnabled(may and png is not None)

    def choose(self) -> None:
        chosen = open_file_name(self, self.tr("选择公司标志"), str(Path.home()), self.tr("图片 (*.png *.jpg *.jpeg)"))
        if chosen:
            self.take(Path(chosen))

    def take(self, path: Path) -> None:
        """Check and re-encode the picture at ``path`` in the background, then show it (not saved yet)."""
        from storage.logo import prepare_logo

        self.choose_button.setEnabled(False)
        self.note.setText(self.tr("正在读取图片……"))

        def work(_: Progress) -> bytes:
            return prepare_logo(path.name, _read_picture(path))

        run_in_background(self, work, self._taken, self._refused, show_progress=False)

    def _taken(self, png: bytes) -> None:
        self.shown, self.changed = png, True
        self.note.setText(self.tr("按“确定”后保存，之后生成的报告都印有此标志。"))
        self._show(png)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.note.setText(self.tr("无法读取该文件；标志未改动。"))
        else:
            self.note.setText(
                QCoreApplication.translate("LogoBox", "未采用该图片：%1").replace("%1", error_text(error))
            )
        self._show(self.shown)

    def remove(self) -> None:
        self.shown, self.changed = None, True
        self.note.setText(self.tr("按“确定”后移除标志。"))
        self._show(None)

    def save_choice(self) -> None:
        """Save what was chosen (the core checks the role and the picture again); raises KnownError."""
        if self.changed:
            self._choice.save(self.shown)
            self.changed = False
