"""A result click and a photo's database write run on the thread pool: the window shows the click at once
and stays usable while the write waits on a slow database; a failure on the worker reaches the user as one
sentence in words, and what was clicked stays to be saved."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from checklist.evaluation import Result
from storage import inspections
from storage.db import open_database
from storage.errors import KnownError
from tests.gui.helpers import (
    all_off_gui_thread,
    click,
    close_window,
    make_photo,
    open_editor,
    record_threads,
)


def _saved_result(db_url: str, inspection_id: int, item_id: str) -> str | None:
    db = open_database(db_url)
    try:
        responses = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}
    finally:
        db.close()
    return responses[item_id].result if item_id in responses else None


def test_a_result_click_is_written_on_a_worker_thread(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, editor, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    item_id = view.current_item_id()
    assert item_id is not None
    release = threading.Event()  # a slow network database: held until the test has seen the window meanwhile
    threads = record_threads(monkeypatch, inspections, "save_answer", release)
    click(qtbot, page.result_buttons[Result.NA])
    # The click returned while the write is held: the window already shows it, and is still usable.
    assert editor.saving and page.result_buttons[Result.NA].isChecked()
    assert editor.answer(item_id).result == Result.NA
    click(qtbot, page.result_buttons[Result.PASS])  # a second click meanwhile waits for the first
    assert page.result_buttons[Result.PASS].isChecked() and editor.has_pending
    release.set()
    qtbot.waitUntil(lambda: not editor.saving and not editor.has_pending)
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    assert _saved_result(db_url, inspection_id, item_id) == "pass"  # both written, in order
    close_window(qtbot, window)


def test_a_failed_write_on_the_worker_is_told_in_one_sentence_and_kept(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, editor, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    item_id = view.current_item_id()
    assert item_id is not None
    real_save = inspections.save_answer
    failing = {"on": True}

    def locked(*args: Any, **kwargs: Any) -> int:
        if failing["on"]:
            assert threading.current_thread() is not threading.main_thread()
            raise KnownError("the database is locked by another program", "数据库被其他程序锁定")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(inspections, "save_answer", locked)
    click(qtbot, page.result_buttons[Result.FAIL])
    qtbot.waitUntil(lambda: not editor.saving)
    boxes = [b for b in view.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]
    assert boxes and boxes[-1].text() == "刚才的填写暂时没能保存到数据库。"
    assert boxes[-1].informativeText().startswith("数据库被其他程序锁定\n\n")
    assert not boxes[-1].detailedText()  # words, no traceback
    assert page.result_buttons[Result.FAIL].isChecked() and editor.has_pending  # kept, to be saved
    boxes[-1].close()
    failing["on"] = False
    assert view.flush()  # the next try writes it
    assert _saved_result(db_url, inspection_id, item_id) == "fail"
    close_window(qtbot, window)


def test_a_photo_is_stored_on_a_worker_thread(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, editor, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    release = threading.Event()
    threads = record_threads(monkeypatch, inspections, "add_prepared_evidence", release)
    photo = str(make_photo(tmp_path / "entrance.png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([photo], "")))
    click(qtbot, page.photos.add_button)
    qtbot.waitUntil(lambda: bool(threads))  # prepared; now being written, held
    assert editor.attaching and editor.saving and page.photos.model.rowCount() == 0
    click(qtbot, page.result_buttons[Result.NA])  # the window is usable meanwhile
    assert page.result_buttons[Result.NA].isChecked()
    release.set()
    qtbot.waitUntil(lambda: not editor.attaching and not editor.saving and not editor.has_pending)
    assert page.photos.model.rowCount() == 1
    assert all_off_gui_thread(threads)
    db = open_database(db_url)
    try:
        stored = inspections.load_inspection(db, inspection_id).evidence
    finally:
        db.close()
    assert [e.filename for e in stored] == ["entrance.png"]
    close_window(qtbot, window)


def test_a_photo_refused_by_the_database_is_named_and_the_others_are_stored(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, editor, _ = open_editor(qtbot, db_url)
    page = view.item_page
    real_add = inspections.add_prepared_evidence

    def refuse_b(db: Any, actor: str, inspection: int, version: int, item_id: str, attachment: Any) -> Any:
        if attachment.filename == "b.png":
            raise KnownError("the database is full", "数据库已满")
        return real_add(db, actor, inspection, version, item_id, attachment)

    monkeypatch.setattr(inspections, "add_prepared_evidence", refuse_b)
    chosen = [str(make_photo(tmp_path / name)) for name in ("a.png", "b.png")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))
    click(qtbot, page.photos.add_button)
    qtbot.waitUntil(lambda: not editor.attaching)
    assert page.photos.model.rowCount() == 1
    box = page.photo_problems
    assert box is not None and box.informativeText().startswith("b.png: 数据库已满\n\n")
    box.close()
    close_window(qtbot, window)
