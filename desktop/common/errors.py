"""Telling the user about a problem in words: what happened, what was kept, what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton


def is_known(error: BaseException) -> bool:
    """A problem the user can act on (:class:`storage.errors.KnownError`, a light module: no database, but
    with the message catalogue, so it is imported when an error is first shown, not before the login form)."""
    from storage.errors import KnownError

    return isinstance(error, KnownError)


def error_text(error: BaseException | str) -> str:
    """The error in words, in Chinese when the interface is Chinese and the error says it in Chinese."""
    if isinstance(error, str):
        return error
    from desktop.common.i18n import english

    chinese = getattr(error, "message_zh", "")
    return str(error) if english() or not chinese else str(chinese)


def show_error(parent: QWidget | None, what: str, error: BaseException | str, kept: str) -> QMessageBox:
    """A message box: ``what`` failed, the reason in words, and ``kept`` (what is safe, what to do).

    A :class:`KnownError` (or a plain message) is shown in words; anything else is a bug, shown with its traceback in the
    details so it can be reported.
    """
    from PySide6.QtCore import Qt  # not at start-up (see desktop.app)
    from PySide6.QtWidgets import QMessageBox  # most runs never need one

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "复工自查"))
    box.setText(what)
    if isinstance(error, str) or is_known(error):
        box.setInformativeText(f"{error_text(error)}\n\n{kept}")
    else:
        box.setInformativeText(
            QCoreApplication.translate("Errors", "程序内部错误，请把详细信息发给维护人员。") + f"\n\n{kept}"
        )
        import traceback

        box.setDetailedText("".join(traceback.format_exception(error)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorBox")
    box.open()  # window-modal, does not block the event loop (autosave timers keep running)
    return box


ERROR_CSS = "color: #c62828"


def error_label(object_name: str) -> QLabel:
    """A hidden, word-wrapped red label for a form's inline message (what is wrong, in words)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet(ERROR_CSS)
    label.setWordWrap(True)
    label.hide()
    return label


def refused_in_words(
    form: QWidget, ok_button: QPushButton, error: BaseException, what: str, kept: str, password: QLineEdit | None = None
) -> bool:
    """After a form's background attempt failed: ready it for another try (OK enabled again, the password
    cleared and focused). An unexpected error is shown in a box, ``what`` failed and ``kept`` (False); a refusal
    the user can act on returns True, for the form to say it inline."""
    ok_button.setEnabled(True)
    if password is not None:
        password.clear()
        password.setFocus()
    if not is_known(error):
        show_error(form, what, error, kept)
        return False
    return True
