"""宿舍登记 driven like a user: a building and rooms typed, verdicts side by side and live with what would make
a room pass, a person assigned (a failing room asks first), and an inspection importing a copy of the rows."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.registers.dormitories import DormitoriesPage, RoomColumn
from storage.db import open_database
from storage.roster import add_employee, get_employee
from tests.gui.helpers import (
    cell_in_row_of,
    click,
    close_window,
    open_row,
    seed_inspection,
    show_registers,
    start_app,
    type_into,
)
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster


def open_register(qtbot: QtBot, window: MainWindow) -> DormitoriesPage:
    page = show_registers(qtbot, window, "dormitories").dormitories
    qtbot.waitUntil(lambda: not page.loading and page.count_label.text() != "")
    return page


def cell(page: DormitoriesPage, name: str, column: RoomColumn) -> str:
    return cell_in_row_of(page.model, RoomColumn.NAME, name, column)


def type_room(qtbot: QtBot, page: DormitoriesPage, name: str, area: str, beds: str) -> None:
    click(qtbot, page.new_room_button)
    type_into(qtbot, page.name, name)
    type_into(qtbot, page.area, area)
    type_into(qtbot, page.beds, beds)


def test_an_officer_registers_rooms_and_sees_both_verdicts_live(qtbot: QtBot, db_url: str, monkeypatch: object) -> None:
    ids = seed_roster(db_url)  # 张三 lives in A101
    db = open_database(db_url)
    try:
        for n in range(4):
            add_employee(db, OFFICER, {"name": f"住客{n}", "department": "车间", "dormitory_room": "A101"})
    finally:
        db.close()
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_register(qtbot, window)
    assert page.count_label.text() == "0 间房，0 人入住，0 间不合格"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("A栋", True))  # type: ignore[attr-defined]
    click(qtbot, page.add_building_button)
    qtbot.waitUntil(lambda: page.building_combo.currentText() == "A栋" and not page.loading)
    type_room(qtbot, page, "A101", "18", "6")
    # live, before saving: the 5 people the roster puts in A101 are not known to a new room yet
    assert page.live_national.text().startswith("空置")
    click(qtbot, page.save_room_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.selected() is not None)
    assert cell(page, "A101", RoomColumn.LIVING) == "5"
    assert cell(page, "A101", RoomColumn.NATIONAL) == "合格"
    assert cell(page, "A101", RoomColumn.BEIJING) == "不合格：3.6 m²/人（≥ 4 m²/人）"
    assert cell(page, "A101", RoomColumn.REMEDY) == "北京：移出 1 人，或需再 2 m²"
    assert page.count_label.text() == "1 间房，5 人入住，1 间不合格"
    qtbot.waitUntil(lambda: "张三（生产部）" in page.occupants_label.text())
    # typing a larger area shows the verdict change at once, with the clause
    page.area.clear()
    type_into(qtbot, page.area, "20")
    assert page.live_beijing.text() == "合格（BJHQ 三; BJTG 八）"
    page.area.clear()
    type_into(qtbot, page.area, "37,5")
    assert "37,5" in page.live_national.text()
    page.area.clear()
    type_into(qtbot, page.area, "20")
    click(qtbot, page.save_room_button)
    qtbot.waitUntil(lambda: cell(page, "A101", RoomColumn.BEIJING) == "合格")
    # a second room, and a person assigned: A102 12 m² with 3 already would fail Beijing's 4 m² with a 4th
    type_room(qtbot, page, "A102", "12", "4")
    click(qtbot, page.save_room_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.selected() is not None)
    assert page.selected().room.name == "A102"  # type: ignore[union-attr]
    db = open_database(db_url)
    try:
        for n in range(3):
            add_employee(db, OFFICER, {"name": f"新住客{n}", "dormitory_room": "A102"})
    finally:
        db.close()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading and cell(page, "A102", RoomColumn.LIVING) == "3")
    page.select_room("A102")
    type_into(qtbot, page.person_search, "李四")
    qtbot.waitUntil(lambda: page.person_combo.count() == 1)
    click(qtbot, page.assign_button)
    qtbot.waitUntil(lambda: page.confirm is not None and page.confirm.isVisible())
    assert "再住 1 人后（共 4 人）" in page.confirm.informativeText()
    click(qtbot, page.confirm.button(QMessageBox.StandardButton.No))
    qtbot.waitUntil(lambda: page.message.text() == "没有安排，花名册未改变。")
    assert get_employee_room(db_url, ids["李四"]) == ""
    click(qtbot, page.assign_button)
    qtbot.waitUntil(lambda: page.confirm is not None and page.confirm.isVisible())
    click(qtbot, page.confirm.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: page.message.text() == "已安排入住 A102，花名册已更新。")
    assert get_employee_room(db_url, ids["李四"]) == "A102"
    qtbot.waitUntil(lambda: not page.loading and cell(page, "A102", RoomColumn.BEIJING).startswith("不合格"))
    close_window(qtbot, window)


def get_employee_room(db_url: str, employee_id: int) -> str:
    db = open_database(db_url)
    try:
        return get_employee(db, employee_id).dormitory_room
    finally:
        db.close()


def test_an_auditor_reads_the_register_but_cannot_change_it(qtbot: QtBot, db_url: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    page = open_register(qtbot, window)
    for button in (page.add_building_button, page.save_room_button, page.assign_button, page.new_room_button):
        assert not button.isEnabled()
    close_window(qtbot, window)


def test_an_inspection_imports_a_copy_of_the_register_and_keeps_rooms_added_by_hand(qtbot: QtBot, db_url: str) -> None:
    from storage import dormitories
    from storage.inspections import load_inspection

    inspection_id = seed_inspection(db_url)
    db = open_database(db_url)
    try:
        officer = "张伟"
        building = dormitories.add_building(db, officer, "B栋")
        dormitories.save_room(db, officer, building, {"name": "B201", "area_m2": 20, "beds": 4})
        dormitories.save_room(db, officer, building, {"name": "B202", "area_m2": 20, "beds": 4})  # empty
        add_employee(db, officer, {"name": "赵六", "dormitory_room": "B201"})
        add_employee(db, officer, {"name": "钱七", "dormitory_room": "B201"})
    finally:
        db.close()
    window = start_app(qtbot, db_url)
    view = open_row(qtbot, window, inspection_id)
    view.go_to_item("GN-07")
    rooms = view.item_page.rooms
    rooms.merge_rows(
        [
            {
                "name": "手填1",
                "area_m2": 30.0,
                "occupants": 2,
                "location": "above_ground",
                "has_window": True,
                "bunk_beds": False,
            }
        ]
    )
    click(qtbot, rooms.import_button)
    qtbot.waitUntil(lambda: rooms.model.rowCount() == 2)
    assert [row["name"] for row in rooms.model.rows()] == ["手填1", "B201"]
    assert rooms.model.rows()[1]["occupants"] == 2
    view.editor.flush()
    qtbot.waitUntil(lambda: not view.editor.pending() if hasattr(view.editor, "pending") else True)
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        stored = [
            (r.name, r.occupants) for r in sorted(load_inspection(db, inspection_id).rooms, key=lambda r: r.position)
        ]
        assert stored == [("手填1", 2), ("B201", 2)]
        add_employee(db, "张伟", {"name": "孙八", "dormitory_room": "B201"})  # the register changes …
        again = [
            (r.name, r.occupants) for r in sorted(load_inspection(db, inspection_id).rooms, key=lambda r: r.position)
        ]
        assert again == stored  # … the inspection's copy does not
    finally:
        db.close()


def test_the_tab_reads_in_english(qtbot: QtBot, db_url: str) -> None:
    from desktop.common import i18n

    seed_roster(db_url)
    i18n.install_language(i18n.ENGLISH)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_register(qtbot, window)
    assert page.count_label.text() == "0 rooms, 0 occupants, 0 rooms failing"
    type_room(qtbot, page, "C1", "9", "2")
    page.location.setCurrentIndex(page.location.findData("underground"))
    assert page.live_national.text() == "empty (GN 2 (7))"
    close_window(qtbot, window)
