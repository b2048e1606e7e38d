"""Every text a GUI test puts in front of the user is in the interface's language.

:class:`LanguageGuard` hooks the setters through which the application shows words (labels, buttons, message
boxes, window titles, tooltips, the status bar, tab and group titles, actions, placeholders) and, when a test
ends, reads what every visible widget and item view still shows. In the Chinese interface a text may hold
Latin words only from an allow-list (product and format names, units, codes such as GN-01, file names,
numbers); in the English interface it may hold Chinese only inside quotes (official titles, what a user
typed) or in the names the tests type (people, companies, sites).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStatusBar,
    QTabWidget,
    QWidget,
)

from tests.language_words import (  # noqa: F401  (re-exported: the guard's tests and conftest use them)
    ALLOWED_LATIN,
    CJK,
    LATIN_WORD,
    NOT_WORDS,
    PRODUCT_NAME,
    QUOTED,
    chinese_words,
    latin_words,
)


class LanguageGuard:
    """Collects the texts shown in the wrong language while a test runs."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.names: set[str] = set()  # user data the tests type: allowed in either language
        self._stack = ExitStack()

    # --- checking ---------------------------------------------------------------------------------------------

    def check(self, where: str, text: object) -> None:
        if not isinstance(text, str) or not text.strip() or text.lstrip().startswith("<!DOCTYPE"):
            if isinstance(text, str) and text.lstrip().startswith("<"):
                self._check_text(where, re.sub(r"<[^>]*>", " ", text))
            return
        self._check_text(where, re.sub(r"<[^>]*>", " ", text) if "</" in text or "<br" in text else text)

    def _check_text(self, where: str, text: str) -> None:
        from desktop.common.i18n import english

        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        if english():
            bad = chinese_words(text, self.names)
            language = "English"
        else:
            bad = [w for w in latin_words(text) if not any(w in name for name in self.names)]
            language = "Chinese"
        if bad:
            problem = f"{where} in the {language} interface shows {bad}: {text[:200]!r}"
            if problem not in self.problems:
                self.problems.append(problem)

    # --- hooks ------------------------------------------------------------------------------------------------

    def _hook(self, cls: type, method: str, label: str, argument: int = 0) -> None:
        original: Callable[..., Any] = getattr(cls, method)

        def hooked(widget: Any, *args: Any, **kwargs: Any) -> Any:
            if len(args) > argument:
                self.check(f"{label} ({type(widget).__name__})", args[argument])
            return original(widget, *args, **kwargs)

        setattr(cls, method, hooked)
        self._stack.callback(setattr, cls, method, original)

    def install(self) -> None:
        self._hook(QLabel, "setText", "label")
        self._hook(QAbstractButton, "setText", "button")
        self._hook(QAbstractButton, "setToolTip", "button tooltip")
        self._hook(QMessageBox, "setText", "message box")
        self._hook(QMessageBox, "setInformativeText", "message box")
        self._hook(QWidget, "setToolTip", "tooltip")
        self._hook(QWidget, "setWindowTitle", "window title")
        self._hook(QStatusBar, "showMessage", "status bar")
        self._hook(QGroupBox, "setTitle", "group title")
        self._hook(QTabWidget, "setTabText", "tab", argument=1)
        self._hook(QTabWidget, "addTab", "tab", argument=1)
        self._hook(QAction, "setText", "action")
        self._hook(QAction, "setToolTip", "action tooltip")
        self._hook(QLineEdit, "setPlaceholderText", "placeholder")

    def uninstall(self) -> None:
        self._stack.close()

    # --- what is on screen at the end -------------------------------------------------------------------------

    def sweep(self, app: QApplication) -> None:
        """Read what the visible widgets show now (texts set from C++ too: translations, models)."""
        for top in app.topLevelWidgets():
            if not top.isVisible():
                continue
            self.check("window title", top.windowTitle())
            for widget in [top, *top.findChildren(QWidget)]:
                if not widget.isVisible():
                    continue
                if isinstance(widget, QLabel):
                    self.check("label", widget.text())
                    if re.search(r"\(&\w\)", widget.text()) and widget.buddy() is None:
                        self.problems.append(f"label shows its shortcut marker literally: {widget.text()!r}")
                elif isinstance(widget, QAbstractButton):
                    self.check("button", widget.text())
                elif isinstance(widget, QAbstractItemView):
                    self._sweep_view(widget)

    def _sweep_view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        columns = _columns(model, QModelIndex())
        for column in range(min(columns, 30)):
            self.check("table header", model.headerData(column, Qt.Orientation.Horizontal))
        for row in _rows(model, QModelIndex(), 300):
            for column in range(min(_columns(model, row.parent()), 30)):
                index = model.index(row.row(), column, row.parent())
                self.check("table cell", model.data(index, Qt.ItemDataRole.DisplayRole))
                self.check("cell tooltip", model.data(index, Qt.ItemDataRole.ToolTipRole))


def _columns(model: Any, parent: QModelIndex) -> int:
    """A model's column count (a list model hides ``columnCount`` from Python, or takes no parent)."""
    for args in ((parent,), ()):
        try:
            return int(model.columnCount(*args))
        except TypeError:
            continue
    return 1


def _rows(model: Any, parent: QModelIndex, limit: int) -> Iterator[QModelIndex]:
    count = 0
    stack = [parent]
    while stack and count < limit:
        current = stack.pop()
        for row in range(model.rowCount(current)):
            index = model.index(row, 0, current)
            count += 1
            yield index
            try:
                has_children = model.rowCount(index) > 0
            except TypeError:  # a list model: no children
                has_children = False
            if has_children:
                stack.append(index)
            if count >= limit:
                return
