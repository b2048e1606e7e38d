"""Autosave: nothing typed is lost — not on window close before the debounce, not on a concurrent edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from checklist.evaluation import Answer, Result
from desktop.editor.inspection import DEBOUNCE_MS
from desktop.editor.rooms import RoomColumn
from storage.auth import create_user
from storage.db import open_database
from storage.inspections import load_inspection, save_answer
from tests.gui.helpers import (
    click,
    close_window,
    focused,
    open_editor,
    record_threads,
    type_into,
    type_text,
)


def _responses(db_url: str, inspection_id: int) -> dict[str, object]:
    db = open_database(db_url)
    try:
        inspection = load_inspection(db, inspection_id)
        return {"responses": {r.item_id: r for r in inspection.responses}, "rooms": list(inspection.rooms)}
    finally:
        db.close()


def test_close_right_after_typing_keeps_everything(qtbot: QtBot, db_url: str) -> None:
    window, view, _, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    type_into(qtbot, page._fields["checks_per_day"].input, "1")
    click(qtbot, page.result_buttons[Result.PASS])  # differs from the rules: a reason is asked for
    assert page.override_edit.isVisible()
    type_into(qtbot, page.override_edit, "夜班员工另有记录")
    type_into(qtbot, page.note_edit, "抽查 3 人")
    view.go_to_item("GN-07")
    click(qtbot, page.rooms.add_button)
    type_text(qtbot, focused(), "B202")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "30")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert page.rooms.model.index(0, RoomColumn.AREA).data() == "30"
    view.go_to_item("GN-06")
    type_into(qtbot, page._fields["chlorine_mg_per_l"].input, "250")
    assert view.editor.has_pending  # the debounce has not fired yet
    window.close()  # at once: no wait for the debounce

    saved = _responses(db_url, inspection_id)
    gn01 = saved["responses"]["GN-01"]  # type: ignore[index]
    assert gn01.measurements == {"checks_per_day": "1"}
    assert gn01.result == "pass" and gn01.derived == "fail"
    assert gn01.override_reason == "夜班员工另有记录"
    assert gn01.note == "抽查 3 人"
    assert saved["responses"]["GN-06"].measurements == {"chlorine_mg_per_l": "250"}  # type: ignore[index]
    rooms = saved["rooms"]
    assert [(r.name, r.area_m2) for r in rooms] == [("B202", 30.0)]  # type: ignore[attr-defined]


def test_typing_is_saved_after_a_pause_and_on_item_change(qtbot: QtBot, db_url: str) -> None:
    window, view, _, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    type_into(qtbot, page._fields["checks_per_day"].input, "2")
    assert view.editor.has_pending and view.editor._timer.interval() == DEBOUNCE_MS  # waits for a pause
    qtbot.waitUntil(lambda: not view.editor.has_pending and not view.editor.saving)  # written in the background
    assert _responses(db_url, inspection_id)["responses"]["GN-01"].measurements == {"checks_per_day": "2"}  # type: ignore[index]
    type_into(qtbot, page._fields["checks_per_day"].input, "x")  # invalid, kept as typed
    assert page._fields["checks_per_day"].error.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # next item saves at once
    assert _responses(db_url, inspection_id)["responses"]["GN-01"].measurements == {"checks_per_day": "2x"}  # type: ignore[index]
    assert "已自动保存" in window.save_state_label.text()
    close_window(qtbot, window)


def test_concurrent_edit_is_reported_and_reloaded(qtbot: QtBot, db_url: str) -> None:
    window, view, _, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    # Someone else saves GN-02 in the meantime (another computer on the same database, another account).
    db = open_database(db_url)
    try:
        create_user(db, "张伟", "李娜", "officer", "lina-2020-pass")
        version = load_inspection(db, inspection_id).version
        save_answer(db, "李娜", inspection_id, version, "GN-02", Answer(Result.NA, note="李娜填写"))
    finally:
        db.close()
    type_into(qtbot, page.note_edit, "我的备注")
    click(qtbot, page.result_buttons[Result.PASS])
    qtbot.waitUntil(lambda: bool([b for b in view.findChildren(QMessageBox) if b.objectName() == "conflictBox"]))
    boxes = [b for b in view.findChildren(QMessageBox) if b.objectName() == "conflictBox"]
    assert boxes, "the conflict is reported"
    message = boxes[0].informativeText()
    assert "我的备注" in message  # says what was not saved
    assert view.editor.answer("GN-02").note == "李娜填写"  # reloaded
    boxes[0].accept()
    click(qtbot, page.result_buttons[Result.PASS])  # works again on the new version (written in the background)
    qtbot.waitUntil(lambda: not view.editor.saving and not view.editor.has_pending)
    assert _responses(db_url, inspection_id)["responses"]["GN-01"].result == "pass"  # type: ignore[index]
    close_window(qtbot, window)


def test_the_autosave_is_written_off_the_gui_thread_and_closing_waits_for_it(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from storage import inspections

    window, view, _, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    release = threading.Event()  # the save is held until the test has seen the window take typing meanwhile
    threads = record_threads(monkeypatch, inspections, "save_answer", release)
    type_into(qtbot, page.note_edit, "抽查 3 人")
    qtbot.waitUntil(lambda: view.editor.saving)  # the pause is over: the save runs …
    type_into(qtbot, page.note_edit, "，均正常")  # … and the window takes typing meanwhile
    assert page.note_edit.toPlainText() == "抽查 3 人，均正常" and view.editor.saving
    release.set()
    window.close()  # waits for the save being written, then saves the rest
    assert threads and threads[0] is not threading.main_thread()  # the autosave; closing writes the rest here
    assert _responses(db_url, inspection_id)["responses"]["GN-01"].note == "抽查 3 人，均正常"  # type: ignore[index]


def test_a_failed_autosave_says_so_and_keeps_what_was_typed(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import inspections
    from storage.errors import KnownError

    window, view, _, inspection_id = open_editor(qtbot, db_url)
    page = view.item_page
    real_save = inspections.save_answer

    def full_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KnownError("the disk is full", "磁盘已满")

    monkeypatch.setattr(inspections, "save_answer", full_disk)
    failures: list[object] = []
    view.editor.save_failed.connect(failures.append)
    type_into(qtbot, page.note_edit, "抽查 3 人")
    qtbot.waitUntil(lambda: bool(failures) and not view.editor.saving)
    assert view.editor.has_pending and view.editor.answer("GN-01").note == "抽查 3 人"  # kept, still to save
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert any("磁盘已满" in b.informativeText() for b in boxes)  # said in words
    for box in boxes:
        box.close()
    monkeypatch.setattr(inspections, "save_answer", real_save)  # the disk has room again
    close_window(qtbot, window)
    assert _responses(db_url, inspection_id)["responses"]["GN-01"].note == "抽查 3 人"  # type: ignore[index]
