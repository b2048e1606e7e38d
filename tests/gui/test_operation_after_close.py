"""Background work that outlives the window that asked for it (closing 台账 while its tabs still read): the work
finishes, nobody is called back, and no exception reaches Qt's event loop (pytest-qt fails a test on one)."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.common.operations import Progress, run_in_background


@pytest.mark.parametrize("fails", [False, True])
def test_work_finishing_after_its_window_was_deleted_calls_nobody(qtbot: QtBot, fails: bool) -> None:
    window = QWidget()
    release, done = threading.Event(), threading.Event()
    heard: list[object] = []

    def work(_progress: Progress) -> str:
        release.wait(10)
        done.set()  # what a write would have stored: it stays done
        if fails:
            raise OSError("disk gone")
        return "stored"

    run_in_background(window, work, heard.append, heard.append, show_progress=False)
    shiboken6.delete(window)  # the window closed and was deleted with its operation
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)
    assert done.is_set() and heard == []
