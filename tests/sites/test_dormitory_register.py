"""The dormitory register stored: rooms, occupants linked from the roster, verdicts, warned assignments, and
an inspection's copy that does not change when the register does."""

from __future__ import annotations

import pytest

from checklist.rules import Verdict
from storage import dormitories, inspections
from storage.db import Database, open_database
from storage.errors import InvalidInputError, PermissionDeniedError
from storage.roster import add_employee, get_employee, update_employee
from tests.gui.registers.seed import AUDITOR, OFFICER, seed_roster
from tests.storage.helpers import draft


def register(db: Database) -> dict[str, int]:
    """Building A: A101 (18 m², 6 beds; 张三 lives there) and A102 (12 m², 4 beds), empty."""
    building = dormitories.add_building(db, OFFICER, "A栋")
    return {
        "A101": dormitories.save_room(db, OFFICER, building, {"name": "A101", "area_m2": 18, "beds": 6}),
        "A102": dormitories.save_room(db, OFFICER, building, {"name": "A102", "area_m2": "12", "beds": "4"}),
    }


def test_occupants_come_from_the_roster_and_each_room_has_both_verdicts(db_url: str) -> None:
    ids = seed_roster(db_url)
    db = open_database(db_url)
    try:
        register(db)
        for n in range(4):
            add_employee(db, OFFICER, {"name": f"住客{n}", "dormitory_room": "A101"})
        add_employee(db, OFFICER, {"name": "已离岗", "dormitory_room": "A101", "status": "离岗"})
        rows = {r.room.name: r for r in dormitories.room_list(db)}
        assert rows["A101"].occupants == 5 and rows["A102"].occupants == 0  # 张三 + 4; who left is not counted
        a101 = rows["A101"].verdicts
        assert a101.national.verdict is Verdict.PASS  # 3.6 m² each
        assert a101.beijing.verdict is Verdict.FAIL and a101.beijing.remedy_zh == "移出 1 人，或需再 2 m²"
        assert rows["A102"].verdicts.national.summary_zh == "空置"
        assert [name for _, name, _ in dormitories.occupants(db, "A101")][:1] == ["张三"]
        # a roster change is seen at once: no copy of the occupants is kept in the register
        update_employee(db, OFFICER, ids["张三"], {"dormitory_room": ""})
        assert {r.room.name: r.occupants for r in dormitories.room_list(db)}["A101"] == 4
    finally:
        db.close()


def test_assigning_to_a_full_or_failing_room_is_refused_until_confirmed(sqlite_url: str) -> None:
    ids = seed_roster(sqlite_url)
    db = open_database(sqlite_url)
    try:
        register(db)
        for n in range(2):
            add_employee(db, OFFICER, {"name": f"住客{n}", "dormitory_room": "A102"})
        # A102: 12 m² for 3 people is 4 m² each (passes); a 4th would have 3 m², below Beijing's 4
        warnings = dormitories.assignment_warnings(db, ids["李四"], "A102")
        assert warnings == []
        dormitories.assign(db, OFFICER, ids["李四"], "A102")
        warnings = dormitories.assignment_warnings(db, ids["王五"], "A102")
        assert len(warnings) == 1 and "再住 1 人后（共 4 人）" in warnings[0].zh
        with pytest.raises(InvalidInputError) as refused:
            dormitories.assign(db, OFFICER, ids["王五"], "A102")
        assert "没有修改" in refused.value.message_zh and get_employee(db, ids["王五"]).dormitory_room == ""
        dormitories.assign(db, OFFICER, ids["王五"], "A102", confirmed=True)
        assert get_employee(db, ids["王五"]).dormitory_room == "A102"
        with pytest.raises(InvalidInputError):
            dormitories.delete_room(db, OFFICER, dormitories.room_list(db)[1].id)  # people live there
    finally:
        db.close()


def test_rooms_are_validated_unique_and_only_written_by_an_officer_or_manager(sqlite_url: str) -> None:
    seed_roster(sqlite_url)
    db = open_database(sqlite_url)
    try:
        rooms = register(db)
        building = dormitories.list_buildings(db)[0][0]
        with pytest.raises(InvalidInputError) as clash:
            dormitories.save_room(db, OFFICER, building, {"name": "A101", "area_m2": 20, "beds": 4})
        assert "已有房间“A101”" in clash.value.message_zh
        with pytest.raises(InvalidInputError) as bad:
            dormitories.save_room(db, OFFICER, building, {"name": "A103", "area_m2": "37,5", "beds": 4})
        assert "37,5" in bad.value.message_zh
        with pytest.raises(InvalidInputError):  # people live in A101 (张三): not renamed under them
            dormitories.save_room(db, OFFICER, building, {"name": "A199", "area_m2": 18, "beds": 6}, rooms["A101"])
        with pytest.raises(PermissionDeniedError):
            dormitories.save_room(db, AUDITOR, building, {"name": "A104", "area_m2": 20, "beds": 4})
        assert [r.room.name for r in dormitories.room_list(db)] == ["A101", "A102"]
    finally:
        db.close()


def test_an_inspection_keeps_its_copy_when_the_register_changes(sqlite_url: str) -> None:
    db = open_database(sqlite_url)  # no accounts yet: the storage helpers' inspection is made by "officer"
    try:
        add_employee(db, OFFICER, {"name": "张三", "dormitory_room": "A101"})
        rooms = register(db)
        rows = dormitories.inspection_rows(db)
        assert rows == [
            {
                "name": "A101",
                "area_m2": 18.0,
                "occupants": 1,
                "location": "above_ground",
                "has_window": True,
                "bunk_beds": False,
            }
        ]  # the empty A102 is no dormitory in use
        inspection_id, _ = draft(db)
        inspections.set_rooms(db, "officer", inspection_id, None, rows)
        building = dormitories.list_buildings(db)[0][0]
        dormitories.save_room(db, OFFICER, building, {"name": "A101", "area_m2": 30, "beds": 6}, rooms["A101"])
        add_employee(db, OFFICER, {"name": "新住客", "dormitory_room": "A101"})
        kept = inspections.room_rows_of(inspections.load_inspection(db, inspection_id))
        assert [(r["name"], r["area_m2"], r["occupants"]) for r in kept] == [("A101", 18.0, 1)]
        assert dormitories.inspection_rows(db)[0]["occupants"] == 2
    finally:
        db.close()


def test_the_room_list_reads_each_buildings_rooms_with_their_counts_in_one_pass(db_url: str) -> None:
    """The list is one query (the rooms joined to the roster's grouped counts): each room gets its own count,
    a roster room name the register does not hold counts nowhere, and one building's list is just its rooms."""
    seed_roster(db_url)
    db = open_database(db_url)
    try:
        register(db)  # building A: A101 (张三 lives there), A102
        b = dormitories.add_building(db, OFFICER, "B栋")
        for name, area in (("B202", 30), ("B201", 9.5)):
            dormitories.save_room(db, OFFICER, b, {"name": name, "area_m2": area, "beds": 8, "location": "underground"})
        for n in range(3):
            add_employee(db, OFFICER, {"name": f"B住客{n}", "dormitory_room": "B201"})
        add_employee(db, OFFICER, {"name": "外住", "dormitory_room": "C999"})  # not a room of the register
        every = dormitories.room_list(db)
        assert [(r.building, r.room.name, r.occupants) for r in every] == [
            ("A栋", "A101", 1),
            ("A栋", "A102", 0),
            ("B栋", "B201", 3),
            ("B栋", "B202", 0),
        ]
        b201 = every[2].verdicts.beijing  # underground: 3 people in 9.5 m² fail ≤ 2 people and ≥ 5 m² each
        assert b201.verdict is Verdict.FAIL and "地下 ≤ 2 人/间" in b201.summary_zh
        assert every[3].verdicts.beijing.verdict is None and every[3].verdicts.beijing.summary_zh == "空置"
        assert [r.room.name for r in dormitories.room_list(db, b)] == ["B201", "B202"]
    finally:
        db.close()
