"""An exception nobody caught in the windowed application is logged and shown, never lost."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import unexpected_error_hook
from storage import logfile


def test_uncaught_exception_shows_a_dialog_naming_the_log(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "logs" / "fugong.log"
    monkeypatch.setenv("FUGONG_LOG_FILE", str(log))
    path = logfile.setup_logging()
    assert path == log
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    hook = unexpected_error_hook(path)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError:
        hook(*sys.exc_info())  # type: ignore[arg-type]

    def shown() -> QMessageBox:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes
        return boxes[0]

    qtbot.waitUntil(lambda: bool(shown()))
    box = shown()
    assert box.text() == "发生了意外错误。"
    assert str(log) in box.informativeText() and "已保存的内容不受影响" in box.informativeText()
    box.close()
    logfile.close_logging()
    written = log.read_text(encoding="utf-8")
    assert "unexpected error" in written and "ZeroDivisionError: division by zero in a slot" in written
    assert "Traceback" in written


def test_log_keeps_library_warnings_off_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "fugong.log"
    monkeypatch.setenv("FUGONG_LOG_FILE", str(log))
    logfile.setup_logging()
    try:
        logging.getLogger("pyhanko.some.module").warning("Failed to build path for a certificate")
    finally:
        logfile.close_logging()
    assert "Failed to build path" in log.read_text(encoding="utf-8")
    assert "Failed to build path" not in capsys.readouterr().err
