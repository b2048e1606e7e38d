"""Photos are read, decoded and thumbnailed off the GUI thread: the click returns at once, the photo appears
when it is ready; a 2 GB file is refused in words from its size; closing the inspection waits for a photo
still being prepared, so it is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from storage import inspections
from storage.db import open_database
from tests.gui.helpers import click, close_window, make_photo, open_editor, seed_inspection, start_app


def _choose(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    chosen = [str(p) for p in paths]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))


def test_a_photo_is_prepared_in_the_background_and_a_2_gb_file_is_refused(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, editor, _ = open_editor(qtbot, db_url)
    page = view.item_page
    video = tmp_path / "监控录像.mp4"
    with video.open("wb") as stream:
        stream.truncate(2_000_000_000)  # sparse
    _choose(monkeypatch, make_photo(tmp_path / "entrance.png", size=(2400, 1800)), video)
    click(qtbot, page.photos.add_button)
    assert editor.attaching  # the click returned before the photo was decoded
    qtbot.waitUntil(lambda: not editor.attaching)
    assert page.photos.model.rowCount() == 1
    box = page.photo_problems
    assert box is not None and "监控录像.mp4" in box.informativeText()
    assert "附件最大 30 MB" in box.informativeText() and "其他文件和已填写的内容都已保存" in box.informativeText()
    box.close()
    close_window(qtbot, window)


def test_closing_waits_for_a_photo_being_prepared(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, _, inspection_id = open_editor(qtbot, db_url)
    item_id = view.current_item_id()
    _choose(monkeypatch, make_photo(tmp_path / "a.png", size=(3000, 2000)), make_photo(tmp_path / "b.png"))
    click(qtbot, view.item_page.photos.add_button)
    close_window(qtbot, window)  # at once, while the photos may still be prepared
    db = open_database(db_url)
    try:
        stored = inspections.load_inspection(db, inspection_id).evidence
    finally:
        db.close()
    assert sorted((e.item_id, e.filename) for e in stored) == [(item_id, "a.png"), (item_id, "b.png")]


def test_an_inspection_is_read_off_the_gui_thread_when_opened(qtbot: QtBot, db_url: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    qtbot.waitUntil(lambda: window.inspections.select_id(inspection_id))
    window.open_inspection(inspection_id)
    assert window.opening == inspection_id and window.editor is None  # returned before reading it
    window.open_inspection(inspection_id)  # a second double-click meanwhile opens nothing more
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.opening is None and window.editor is not None and window.editor.inspection_id == inspection_id
    assert window.stack.currentWidget() is window.inspection_view

    window.show_list()
    window.open_inspection(inspection_id + 100)  # gone (deleted elsewhere): said in words, nothing opened
    qtbot.waitUntil(lambda: window.opening is None)
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "errorBox" and b.isVisible()]
    assert boxes and boxes[-1].text() == "无法打开这次检查。" and window.editor is None
    boxes[-1].close()
    close_window(qtbot, window)
