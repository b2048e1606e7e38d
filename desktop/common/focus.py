"""Giving the keyboard back to a window when a dialog over it closes.

A window manager does this: when a dialog closes it activates the window the dialog stood over. Without one
(a kiosk session, a bare X server) nobody does, so after a dialog closed no window of the application had the
keyboard and its shortcuts (Ctrl+E 导出报告, Ctrl+N …) did nothing until the officer clicked the window
(docs/usability.md #10). :func:`return_focus_after_dialogs` watches the application's focus window: when it
becomes none because the focused window was closed or hidden, the nearest still-visible window it stood over
(its transient parent) is activated. When the keyboard went to another application instead (the window is
still visible), nothing is taken back.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow


class FocusReturner(QObject):
    """Watches each window that gets the keyboard; when one is hidden while it still has it (Qt then says no
    window has focus, without a signal), activates its nearest visible owner."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.watched: set[int] = set()
        app.focusWindowChanged.connect(self._watch)

    def _watch(self, window: QWindow | None) -> None:
        if window is None or id(window) in self.watched:
            return
        self.watched.add(id(window))
        window.visibleChanged.connect(lambda visible: None if visible else self._hidden(window))
        window.destroyed.connect(lambda: self.watched.discard(id(window)))

    def _hidden(self, window: QWindow) -> None:
        QTimer.singleShot(0, self, lambda: self._give_back(window))

    def _give_back(self, closed: QWindow) -> None:
        if QGuiApplication.focusWindow() is not None or not shiboken6.isValid(closed) or closed.isVisible():
            return  # focus came back by itself, or is in another application: leave it
        owner = closed.transientParent()
        while owner is not None and not owner.isVisible():
            owner = owner.transientParent()
        if owner is not None:
            owner.requestActivate()


_installed: list[FocusReturner] = []  # the watcher of this process's application, once installed


def return_focus_after_dialogs(app: QGuiApplication) -> FocusReturner:
    """Install the watcher once per application (it is the application's child, so it lives as long).

    Not ``app.findChild(FocusReturner)``: the first ``findChild`` by a Python class costs about 8 ms (shiboken
    sets up its type lookup), on the way to the login form."""
    for returner in _installed:
        if shiboken6.isValid(returner) and returner.parent() is app:
            return returner
    _installed[:] = [FocusReturner(app)]
    return _installed[0]
