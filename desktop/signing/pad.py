"""A handwritten signature drawn with the mouse (or a pen), exported as a transparent PNG.

The drawing is optional and only decorates the report: what binds the signer is the cryptographic signature.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#0d1b4c")
PAPER = QColor("#ffffff")
GUIDE = QColor("#b0bec5")
PEN_WIDTH = 2.6
EXPORT_SCALE = 2  # the PNG has twice the widget's pixels, so it stays sharp in the PDF


class SignaturePad(QWidget):
    """Strokes drawn with the left mouse button; :meth:`png_bytes` for the report, :meth:`clear` to start over."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setMinimumSize(360, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setToolTip(self.tr("按住鼠标左键书写签名"))

    def sizeHint(self) -> QSize:
        return QSize(440, 140)

    def is_empty(self) -> bool:
        return not any(len(stroke) > 1 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    # --- drawing --------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self.strokes.append([event.position()])
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(event.position())
            self.update()
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._drawing = False
            if self.strokes and len(self.strokes[-1]) == 1:  # a click: a dot
                point = self.strokes[-1][0]
                self.strokes[-1].append(point + QPointF(0.5, 0.5))
            self.update()
            self.changed.emit()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self.strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        painter.setPen(QPen(GUIDE, 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QPen(GUIDE, 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint_strokes(painter)
        painter.end()

    # --- export ---------------------------------------------------------------------------------------

    def png_bytes(self) -> bytes | None:
        """The strokes on a transparent background as PNG, or None if nothing was drawn."""
        if self.is_empty():
            return None
        image = QImage(self.width() * EXPORT_SCALE, self.height() * EXPORT_SCALE, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(EXPORT_SCALE, EXPORT_SCALE)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        buffer.close()
        return bytes(data.data())
