"""An officer on a plant PC (issue 14): names that say what a file is, nothing typed lost, nothing hidden."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QFileDialog, QLineEdit, QToolTip
from pytestqt.qtbot import QtBot

from checklist.evaluation import Result
from desktop.common import i18n
from desktop.editor.rooms import RoomColumn
from desktop.main_window import MainWindow
from desktop.reports.export import report_file_stem, safe_file_part
from tests.gui.conftest import OFFSCREEN_NOISE
from tests.gui.helpers import (
    PASSWORD,
    answered_inspection,
    click,
    click_index,
    close_window,
    focused,
    log_in,
    log_out,
    make_photo,
    open_editor,
    open_row,
    opened_urls,
    seed_accounts,
    seed_inspection,
    show_summary_tab,
    start_app,
    type_into,
    type_text,
)


def test_report_file_names_say_what_they_are_and_suit_windows(qtbot: QtBot) -> None:
    assert (
        report_file_stem("北京示例制造有限公司", dt.date(2020, 3, 2), 2)
        == "复工自查_北京示例制造有限公司_2020-03-02_第2号"
    )
    assert (
        report_file_stem('A/B:C*D?"E"<F>|G\\H', dt.date(2020, 3, 2), 7) == "复工自查_A_B_C_D_E_F_G_H_2020-03-02_第7号"
    )
    assert safe_file_part("示例公司. ") == "示例公司"  # Windows drops a trailing dot or space
    assert safe_file_part("CON") == "_CON" and safe_file_part("nul.txt") == "_nul.txt"
    assert safe_file_part("   ") == "_" and safe_file_part("\x00\t") == "_"
    assert len(safe_file_part("厂" * 200)) == 60


def _rooms(db_url: str, inspection_id: int) -> list[tuple[str, float]]:
    from storage.db import open_database
    from storage.inspections import load_inspection

    db = open_database(db_url)
    try:
        return [(room.name, room.area_m2) for room in load_inspection(db, inspection_id).rooms]
    finally:
        db.close()


def _type_room(qtbot: QtBot, window: MainWindow, name: str, area: str) -> None:
    """Add a room on GN-07 and type its name and area, leaving the area's editor open."""
    view = window.inspection_view
    assert view is not None
    view.go_to_item("GN-07")
    rooms = view.item_page.rooms
    click(qtbot, rooms.add_button)
    type_text(qtbot, focused(), name)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    area_editor = focused()
    assert isinstance(area_editor, QLineEdit)  # the area cell's editor, open (text read by the one number rule)
    qtbot.keyClicks(area_editor, area)
    assert rooms.view.state() == QAbstractItemView.State.EditingState


def test_closing_the_window_with_a_cell_editor_open_keeps_the_typed_value(qtbot: QtBot, db_url: str) -> None:
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    _type_room(qtbot, window, "B202", "20")
    window.close()  # the area's editor is still open
    assert _rooms(db_url, inspection_id) == [("B202", 20.0)]

    reopened = start_app(qtbot, db_url)
    open_row(qtbot, reopened, inspection_id)
    assert reopened.inspection_view is not None
    reopened.inspection_view.go_to_item("GN-07")
    model = reopened.inspection_view.item_page.rooms.model
    assert model.index(0, RoomColumn.AREA).data() == "20"
    close_window(qtbot, reopened)


def test_switching_item_with_a_cell_editor_open_keeps_the_typed_value(qtbot: QtBot, db_url: str) -> None:
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    _type_room(qtbot, window, "A101", "35")
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # 下一项, editor still open
    assert window.inspection_view is not None and window.inspection_view.current_item_id() != "GN-07"
    assert _rooms(db_url, inspection_id) == [("A101", 35.0)]
    close_window(qtbot, window)


def _add_photo(qtbot: QtBot, window: MainWindow, photo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = window.inspection_view
    assert view is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], "")))
    click(qtbot, view.item_page.photos.add_button)
    qtbot.waitUntil(lambda: view.item_page.photos.model.rowCount() == 1)  # prepared off the GUI thread


def test_the_autosave_time_follows_every_save_and_is_cleared_at_logout(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    assert window.save_state_label.text() == ""
    _add_photo(qtbot, window, make_photo(tmp_path / "entrance.png"), monkeypatch)  # saved at once
    assert window.save_state_label.text().startswith("已自动保存 ")
    log_out(qtbot, window)
    assert window.save_state_label.text() == ""  # nothing of the last account's work stays on screen
    log_in(qtbot, window, "张伟", PASSWORD)
    assert window.save_state_label.text() == ""
    close_window(qtbot, window)


def test_another_inspection_starts_without_the_last_ones_save_time(qtbot: QtBot, db_url: str) -> None:
    first = seed_inspection(db_url)
    second = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    view = open_row(qtbot, window, first)
    click(qtbot, view.item_page.result_buttons[Result.NA])
    qtbot.waitUntil(lambda: window.save_state_label.text().startswith("已自动保存 "))  # written in the background
    window.list_action.trigger()
    assert window.save_state_label.text() == ""
    open_row(qtbot, window, second)
    assert window.save_state_label.text() == ""
    close_window(qtbot, window)


def test_a_drafts_score_says_what_it_covers_and_every_blocker_is_shown(qtbot: QtBot, db_url: str) -> None:
    window, view, _, _ = open_editor(qtbot, db_url)
    total = len(view.editor.items)
    click(qtbot, view.item_page.result_buttons[Result.NA])  # one item checked, the rest not
    show_summary_tab(qtbot, window)
    summary = view.summary
    overall = summary.overall.text()
    assert f"1 / {total} 已查" in overall and "%" not in overall  # no 100 % with the rest unchecked
    assert summary.blockers_box.isVisible()
    assert summary.blockers_box.title() == f"尚未处理、影响完成的问题（{total - 1}）"
    text = summary.blockers_label.text()
    unanswered = [item.id for item in view.editor.items[1:]]
    assert all(f'href="item:{item_id}"' in text for item_id in unanswered)
    label = summary.blockers_label  # in full: as tall as its text needs, no scroll bar of its own
    assert label.height() >= label.heightForWidth(label.width())
    assert "尚未处理" not in summary.details.toPlainText()  # not repeated in the scrolling details
    label.linkActivated.emit(f"item:{unanswered[-1]}")  # a blocker's link opens its item
    assert view.current_item_id() == unanswered[-1]
    close_window(qtbot, window)


def _answer_discard_question(qtbot: QtBot, dialog: QDialog, discard: bool) -> None:
    question = dialog.discard_guard.question  # type: ignore[attr-defined]
    assert question is not None and question.isVisible() and question.objectName() == "discardQuestion"
    assert "放弃" in question.text()
    if discard:
        click(qtbot, dialog.discard_guard.discard_button)  # type: ignore[attr-defined]
    else:
        qtbot.keyClick(question, Qt.Key.Key_Escape)  # a second Esc keeps what was typed
    qtbot.waitUntil(lambda: not question.isVisible())


def test_esc_in_the_new_inspection_dialog_asks_before_discarding(qtbot: QtBot, db_url: str) -> None:
    seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    window.new_action.trigger()
    dialog = window.new_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.discard_guard.question is None

    window.new_action.trigger()
    dialog = window.new_dialog
    assert dialog is not None
    type_into(qtbot, dialog.inspector_edit, "、李娜")
    qtbot.keyClick(dialog.inspector_edit, Qt.Key.Key_Escape)
    _answer_discard_question(qtbot, dialog, discard=False)
    assert dialog.isVisible() and dialog.inspector_edit.text() == "张伟、李娜"  # kept
    qtbot.keyClick(dialog.inspector_edit, Qt.Key.Key_Escape)
    _answer_discard_question(qtbot, dialog, discard=True)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    close_window(qtbot, window)


def test_esc_in_the_corrective_action_dialog_asks_before_discarding(qtbot: QtBot, db_url: str) -> None:
    window, view, _, _ = open_editor(qtbot, db_url)
    page = view.item_page
    click(qtbot, page.result_buttons[Result.FAIL])
    click(qtbot, page.action_button)
    dialog = page.action_dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.action_edit, "上下午各测一次体温")
    qtbot.keyClick(dialog.action_edit, Qt.Key.Key_Escape)
    _answer_discard_question(qtbot, dialog, discard=False)
    assert dialog.isVisible() and dialog.action == "上下午各测一次体温"
    dialog.close()  # the window's close button asks too
    _answer_discard_question(qtbot, dialog, discard=True)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.inspection_view.editor.actions == []
    close_window(qtbot, window)


def test_double_clicking_an_attachment_opens_it(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.editor import photos

    opened = opened_urls(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the private copy stays in this test's folder
    monkeypatch.setattr(photos, "_private_folder", None)
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    assert window.inspection_view is not None
    strip = window.inspection_view.item_page.photos
    pdf = tmp_path / "消毒记录.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a scanned register\n%%EOF\n")
    chosen = [str(make_photo(tmp_path / "entrance.png", size=(320, 240))), str(pdf)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (chosen, "")))
    click(qtbot, strip.add_button)
    qtbot.waitUntil(lambda: strip.model.rowCount() == 2)

    click_index(qtbot, strip.view, strip.model.index(0), double=True)  # the photo: in the viewer
    viewer = strip.viewer
    assert viewer is not None and viewer.isVisible() and viewer.windowTitle() == "entrance.png"
    assert viewer.image_label.pixmap().size() == QSize(320, 240)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: strip.viewer is None)
    assert opened == []

    click_index(qtbot, strip.view, strip.model.index(1), double=True)  # the PDF: the system's viewer
    assert len(opened) == 1 and opened[0].isLocalFile()
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "消毒记录.pdf" and copy.read_bytes() == pdf.read_bytes()
    assert tmp_path in copy.parents and copy.stat().st_mode & 0o077 == 0  # private to this user
    assert copy.parent.parent.stat().st_mode & 0o077 == 0
    close_window(qtbot, window)


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")  # offscreen: raising a tooltip
def test_long_navigator_titles_show_in_full_in_a_tooltip(qtbot: QtBot, db_url: str) -> None:
    i18n.install_language(i18n.ENGLISH)
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    view = open_row(qtbot, window, inspection_id)
    navigator = view.navigator
    item = max(view.editor.items, key=lambda i: len(i.title_en))
    index = view.navigator_model.index_of_item(item.id)
    navigator.scrollTo(index)
    rect = navigator.visualRect(index)
    assert navigator.fontMetrics().horizontalAdvance(f"{item.id} {item.title_en}") > rect.width()  # cut in the tree
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), navigator.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(navigator.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QTextDocumentFragment.fromHtml(QToolTip.text()).toPlainText()
    assert f"{item.id} {item.title_en}" in shown and item.requirement_en in shown  # in full, in English
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    assert window.screen().availableGeometry().width() >= tip.width()  # wrapped, not off the screen
    QToolTip.hideText()
    close_window(qtbot, window)


def test_the_list_shows_where_each_record_stands_in_sign_off(qtbot: QtBot, db_url: str) -> None:
    from desktop.inspections.model import Column
    from export.signing import sign
    from storage.db import open_database
    from storage.inspections import complete, load_inspection, new_version

    passwords = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020"}
    seed_accounts(
        db_url, {name: ("manager" if name == "王经理" else "officer", p) for name, p in passwords.items()}, True
    )
    completed, awaiting_approval, approved = (answered_inspection(db_url, "张伟") for _ in range(3))
    draft = seed_inspection(db_url)
    db = open_database(db_url)
    try:
        for inspection_id in (completed, awaiting_approval, approved):
            complete(db, "张伟", inspection_id, load_inspection(db, inspection_id).version)
        for inspection_id in (awaiting_approval, approved):
            sign(db, inspection_id, "张伟", passwords["张伟"], "inspector")
        sign(db, approved, "王经理", passwords["王经理"], "approver")
        correction = new_version(db, "王经理", approved, "GN-01 测温次数记录有误")
    finally:
        db.close()
    window = start_app(qtbot, db_url, user="王经理", password=passwords["王经理"])
    model = window.inspections.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 5)

    def status(inspection_id: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        assert window.inspections.select_id(inspection_id)
        row = window.inspections.table.selectionModel().selectedRows()[0].row()
        return str(model.index(row, Column.STATUS).data(role))

    assert status(draft) == "草稿"
    assert status(completed) == "待检查人签署"
    assert status(awaiting_approval) == "待审核签署"
    assert status(approved) == f"已审核（已被 #{correction} 取代）"
    assert f"本记录已被更正记录 #{correction} 取代" in status(approved, Qt.ItemDataRole.ToolTipRole)
    assert status(correction) == "草稿"
    assert f"本记录更正并取代记录 #{approved}" in status(correction, Qt.ItemDataRole.ToolTipRole)
    close_window(qtbot, window)
