"""The dormitory table's cell editors are wide enough for what they hold (issue 14: the 位置 combo showed a
fragment and the area field was cut): opened by the keyboard as an officer fills a room in, each editor is
at least as wide as its content needs — the longest location, an area such as 1234.56."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.helpers import click, close_window, focused, open_row, seed_inspection, start_app, type_text


def test_the_room_editors_show_their_whole_content(qtbot: QtBot, db_url: str) -> None:
    inspection_id = seed_inspection(db_url)
    window = start_app(qtbot, db_url)
    view = open_row(qtbot, window, inspection_id)
    view.go_to_item("GN-07")
    rooms = view.item_page.rooms
    click(qtbot, rooms.add_button)
    type_text(qtbot, focused(), "A101")
    editors: dict[str, QLineEdit | QComboBox] = {}
    while len(editors) < 3:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        editor = focused()
        if isinstance(editor, (QLineEdit, QComboBox)) and editor.objectName() not in editors:
            editors[editor.objectName() or "location"] = editor
        assert len(editors) <= 3
    area = editors["roomAreaEditor"]
    assert isinstance(area, QLineEdit)
    qtbot.keyClicks(area, "1234.56")
    assert area.width() >= area.fontMetrics().horizontalAdvance("1234.56") + 4, area.width()
    location = editors["location"]
    assert isinstance(location, QComboBox)
    longest = max((location.itemText(i) for i in range(location.count())), key=location.fontMetrics().horizontalAdvance)
    assert location.width() >= location.sizeHint().width(), (location.width(), location.sizeHint().width(), longest)
    close_window(qtbot, window)
