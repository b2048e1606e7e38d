"""The one way to run slow work off the GUI thread: large queries, exports, imports.

Modelled on Anki's ``QueryOp``: the work is a plain function that receives a :class:`Progress` (never a
widget); its result or its exception comes back on the main thread through queued signals, and a
:class:`QProgressDialog` with a Cancel button sets a flag that the work checks.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

T = TypeVar("T")

# Below this delay no progress dialog is shown: quick work should not flash a window.
PROGRESS_DELAY_MS = 400


class Cancelled(Exception):
    """Raised by work that noticed :attr:`Progress.cancelled`; reported to ``on_failure``."""


class Progress:
    """What the work may touch: how far it is, and whether the user asked to stop.

    Thread-safe: the work calls :meth:`update` from its thread, the dialog reads the values on the GUI
    thread through a queued signal.
    """

    def __init__(self, notify: Callable[[int, int, str], None]) -> None:
        self._notify = notify
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self.cancelled:
            raise Cancelled()

    def update(self, done: int, total: int = 0, text: str = "") -> None:
        """Report ``done`` out of ``total`` steps (``total`` 0: unknown), with an optional line of text."""
        self._notify(done, total, text)


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, bridge: _Bridge) -> None:
        super().__init__()
        self._work = work
        self._progress = progress
        self._bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as error:  # every failure goes back to the GUI thread, none is lost here
            self._send(self._bridge.failed, error)
        else:
            self._send(self._bridge.succeeded, result)

    @staticmethod
    def _send(signal: Any, value: object) -> None:
        # the window that asked was closed meanwhile (its 关闭 button, its bridge deleted): no one is left to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class Operation(QObject, Generic[T]):
    """A running background operation; keep it if you want to cancel it, or ignore it."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], object],
        label: str,
        show_progress: bool,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._bridge = _Bridge(self)
        self.progress = Progress(self._bridge.progressed.emit)
        self._dialog: QProgressDialog | None = None
        self._done = False
        # The bridge emits on the pool's thread, so Qt queues each call to this (the GUI) thread.
        self._bridge.succeeded.connect(self._succeeded)
        self._bridge.failed.connect(self._failed)
        self._bridge.progressed.connect(self._progressed)
        if show_progress:
            from PySide6.QtWidgets import QProgressDialog

            self._dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
            self._dialog.setWindowTitle(self.tr("请稍候"))
            from PySide6.QtCore import Qt

            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setMinimumDuration(0)
            self._dialog.canceled.connect(self.cancel)
            if not cancellable:
                self._dialog.setCancelButton(None)  # work that cannot stop halfway
            self._dialog.hide()
            self._show_timer = QTimer(self)
            self._show_timer.setSingleShot(True)
            self._show_timer.timeout.connect(self._show_dialog)
            self._show_timer.start(PROGRESS_DELAY_MS)
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Runnable(work, self.progress, self._bridge))

    @property
    def done(self) -> bool:
        return self._done

    def cancel(self) -> None:
        self.progress.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("正在取消……"))

    @Slot()
    def _show_dialog(self) -> None:
        if self._dialog is not None and not self._done:
            self._dialog.show()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog  # setValue on a modal dialog processes events: the work may finish inside it
        if dialog is None or self._done:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text and not self.progress.cancelled and not self._done:
            dialog.setLabelText(text)

    def _close(self) -> None:
        self._done = True
        if self._dialog is not None:
            self._show_timer.stop()
            shown = self._dialog.isVisible()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
            parent = self.parent()
            if shown and isinstance(parent, QWidget):  # the keyboard goes back to the window that waited
                parent.window().activateWindow()
        _RUNNING.discard(self)
        self.finished.emit()

    @Slot(object)
    def _succeeded(self, result: T) -> None:
        self._close()
        self._on_success(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._close()
        self._on_failure(error)


# Operations are kept alive here until their result has been delivered.
_RUNNING: set[Operation[Any]] = set()


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], object],
    label: str = "",
    show_progress: bool = True,
    cancellable: bool = True,
) -> Operation[T]:
    """Run ``work(progress)`` on the thread pool; call ``on_success(result)`` or ``on_failure(error)`` on
    the GUI thread. A progress dialog with Cancel appears if the work takes longer than a moment.

    Args:
        parent: the window the progress dialog belongs to.
        work: plain function; it gets no widget, only the :class:`Progress` to report to and check.
        on_success: receives the work's return value.
        on_failure: receives the exception, :class:`Cancelled` if the user cancelled.
        label: what the progress dialog says.
        show_progress: False for work the user did not start (background loading).
        cancellable: False for work that cannot stop halfway (signing): the dialog has no Cancel button.
    """
    return Operation(parent, work, on_success, on_failure, label, show_progress, cancellable)


def wait_for_background_work(timeout_ms: int = 30000) -> bool:
    """Block until no background work runs (at exit, so no thread outlives the interpreter)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
