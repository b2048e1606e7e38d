"""查看原文: the official document an item cites, opened at the cited clause with the quoted lines highlighted.

The texts ship with the product (``resources/texts``, read by :mod:`checklist.texts`); this dialog only shows
them, so an officer or an inspector can read a clause in context without leaving the application.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.texts import CitedPassage
from desktop.common.i18n import english

HIGHLIGHT = QColor("#fff2a8")


class SourceTextDialog(QDialog):
    """The whole official text, scrolled to the cited lines, which are highlighted."""

    def __init__(self, passage: CitedPassage, clause: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passage = passage
        text = passage.text
        self.setObjectName("sourceTextDialog")
        self.setWindowTitle(self.tr("原文：%1").replace("%1", text.name_en if english() else text.name_zh))
        number = text.number or self.tr("无文号")
        self.header = QLabel(
            self.tr("%1\n%2 · %3 · %4\n引用：%5，第 %6–%7 行")
            .replace("%1", text.name_zh)
            .replace("%2", number)
            .replace("%3", text.issuer)
            .replace("%4", text.date)
            .replace("%5", clause)
            .replace("%6", str(passage.first))
            .replace("%7", str(passage.last))
        )
        self.header.setObjectName("sourceHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(self.tr("官方原文为中文；高亮部分为本项引用的段落。"))
        note.setWordWrap(True)
        self.view = QPlainTextEdit()
        self.view.setObjectName("sourceText")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setPlainText("\n".join(text.lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)
        self._highlight()

    def _highlight(self) -> None:
        """Mark the cited lines (blocks first-1 … last-1) and put them in view."""
        document = self.view.document()
        start = document.findBlockByNumber(self.passage.first - 1)
        end = document.findBlockByNumber(self.passage.last - 1)
        cursor = QTextCursor(start)
        cursor.setPosition(end.position() + max(end.length() - 1, 0), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        highlight = QTextCharFormat()
        highlight.setBackground(HIGHLIGHT)
        highlight.setFontWeight(QFont.Weight.Bold)
        highlight.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = highlight
        self.view.setExtraSelections([selection])
        self._scroll_to_passage()

    def _scroll_to_passage(self) -> None:
        """Put the end of the passage in view, then its start, so the whole passage shows when it fits."""
        document = self.view.document()
        self.view.setTextCursor(QTextCursor(document.findBlockByNumber(self.passage.last - 1)))
        self.view.ensureCursorVisible()
        self.view.setTextCursor(QTextCursor(document.findBlockByNumber(self.passage.first - 1)))
        self.view.ensureCursorVisible()

    def showEvent(self, event: QShowEvent) -> None:
        """Lines wrap to the shown width, so scroll again once the dialog has its size."""
        super().showEvent(event)
        self._scroll_to_passage()

    def highlighted_text(self) -> str:
        """The text of the highlighted passage, as shown."""
        selections = self.view.extraSelections()
        return selections[0].cursor.selectedText().replace("\u2029", "\n") if selections else ""

    def first_visible_line(self) -> int:
        """The line (1-based) at the top of the view."""
        return self.view.cursorForPosition(self.view.viewport().rect().topLeft()).blockNumber() + 1
