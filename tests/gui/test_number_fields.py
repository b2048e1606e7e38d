"""Number fields read numbers by the product's one rule: the dormitory table refuses "37,5" and "-5" in words
and keeps what was there, instead of storing 375 m² or 5 people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from checklist.limits import MAX_ROOMS
from desktop.editor.rooms import RoomColumn, RoomsEditor

ROOM = {
    "name": "A101",
    "area_m2": 18.0,
    "occupants": 4,
    "location": "above_ground",
    "has_window": True,
    "bunk_beds": False,
}


def _type_into_cell(qtbot: QtBot, editor: RoomsEditor, column: RoomColumn, text: str) -> None:
    index = editor.model.index(0, column)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    name = "roomAreaEditor" if column == RoomColumn.AREA else "roomOccupantsEditor"
    line = editor.view.findChild(QLineEdit, name)
    assert line is not None and line.isVisible()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _editor(qtbot: QtBot) -> tuple[RoomsEditor, list[list[dict[str, object]]]]:
    editor = RoomsEditor()
    qtbot.addWidget(editor)
    editor.set_rooms([dict(ROOM)], editable=True)
    editor.show()
    qtbot.waitExposed(editor)
    edits: list[list[dict[str, object]]] = []
    editor.rooms_edited.connect(edits.append)
    return editor, edits


def test_a_decimal_comma_in_the_area_is_refused_and_the_area_kept(qtbot: QtBot) -> None:
    editor, edits = _editor(qtbot)
    _type_into_cell(qtbot, editor, RoomColumn.AREA, "37,5")
    qtbot.waitUntil(lambda: editor.input_error.isVisible())
    assert editor.model.rows()[0]["area_m2"] == 18.0
    assert edits == []
    message = editor.input_error.text()
    assert "37.5" in message and "18" in message  # what to type, and what was kept


def test_a_negative_head_count_is_refused_not_made_positive(qtbot: QtBot) -> None:
    editor, edits = _editor(qtbot)
    _type_into_cell(qtbot, editor, RoomColumn.OCCUPANTS, "-5")
    qtbot.waitUntil(lambda: editor.input_error.isVisible())
    assert editor.model.rows()[0]["occupants"] == 4
    assert edits == []


def test_numbers_typed_by_the_rule_are_stored(qtbot: QtBot) -> None:
    editor, edits = _editor(qtbot)
    _type_into_cell(qtbot, editor, RoomColumn.AREA, "37.5")
    qtbot.waitUntil(lambda: editor.model.rows()[0]["area_m2"] == 37.5)
    _type_into_cell(qtbot, editor, RoomColumn.OCCUPANTS, "1,000")  # refused by the range later, read as 1000
    qtbot.waitUntil(lambda: editor.model.rows()[0]["occupants"] == 1000)
    assert not editor.input_error.isVisible()
    assert len(edits) == 2


def test_a_room_past_the_core_limit_is_refused_in_words_and_the_table_kept(qtbot: QtBot) -> None:
    editor, edits = _editor(qtbot)
    rows = [dict(ROOM, name=f"R{number}") for number in range(MAX_ROOMS)]
    editor.set_rooms(rows, editable=True)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.input_error.isVisible()
    assert "2,000" in editor.input_error.text()
    assert editor.model.rows() == rows and edits == []
