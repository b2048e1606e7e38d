"""Esc (or the window's close button) in a dialog with something typed asks before throwing it away.

A dialog makes a :class:`DiscardGuard` once its fields hold their starting values, and lets ``reject`` go
ahead only when :meth:`DiscardGuard.may_discard` says so. Nothing changed: the dialog closes at once, as
before. Something changed: a question (放弃填写 / 继续填写) opens, and the dialog closes only on 放弃填写.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QMessageBox


class DiscardGuard(QObject):
    """Compares a dialog's fields (``state``, any comparable value) with their starting values."""

    def __init__(self, dialog: QDialog, state: Callable[[], object], discard: Callable[[], None]) -> None:
        """Args:
        dialog: the dialog whose ``reject`` is guarded (the question's parent).
        state: the dialog's field values now.
        discard: closes the dialog for good (the dialog's own ``QDialog.reject``).
        """
        super().__init__(dialog)
        self._dialog = dialog
        self._state = state
        self._discard = discard
        self._initial = state()
        self.question: QMessageBox | None = None

    def changed(self) -> bool:
        return self._state() != self._initial

    def may_discard(self) -> bool:
        """True if the dialog may close now; otherwise a question is open and its answer decides."""
        if not self.changed():
            return True
        if self.question is None:
            self.question = self._ask()
        return False

    def _ask(self) -> QMessageBox:
        translate = QCoreApplication.translate
        box = QMessageBox(self._dialog)
        box.setObjectName("discardQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self._dialog.windowTitle())
        box.setText(translate("Discard", "已填写的内容还没有保存。要放弃这些内容并关闭吗？"))
        self.discard_button = box.addButton(
            translate("Discard", "放弃填写(&D)"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.keep_button = box.addButton(translate("Discard", "继续填写(&K)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.keep_button)  # a second Esc keeps what was typed

        def answered() -> None:
            discard = box.clickedButton() is self.discard_button
            self.question = None
            box.deleteLater()
            if discard:
                self._discard()

        box.finished.connect(answered)
        box.open()
        return box
