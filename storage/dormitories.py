"""The dormitory register (GN（七）; BJHQ 三; BJTG 八): buildings, rooms, occupants linked from the roster.

The service API (the desktop's ``desktop/registers/dormitories.py`` and the inspection editor use it):

* :func:`add_building`, :func:`list_buildings`; :func:`save_room`, :func:`delete_room` — officer or manager.
* :func:`room_list` → every room with its occupants (counted from the roster's 宿舍 field, everyone but 离岗)
  and its verdicts under the national and the Beijing rule (:func:`checklist.sites.dormitories.judge_room`).
* :func:`occupants` → who lives in a room (names, departments; never an ID number or phone).
* :func:`assignment_warnings` → what to say before a person is assigned to a full or failing room;
  :func:`assign` stores the assignment in the roster (refused while there are warnings unless confirmed).
* :func:`inspection_rows` → the rows an inspection's dormitory table copies (a copy: a signed inspection never
  changes when the register does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from checklist.rules import MeasurementError
from checklist.sites.dormitories import RoomInput, RoomVerdicts, Warning_, judge_room, validate_room
from checklist.sites.dormitories import assignment_warnings as _warnings
from storage import inputs
from storage.db import Database
from storage.dormitory_models import DormitoryBuilding, RegisterRoom
from storage.errors import InvalidInputError, NotFoundError
from storage.ledger_models import Employee
from storage.roster import headcount_statuses, update_employee
from storage.unit_of_work import unit_of_work


class RoomRow(NamedTuple):
    id: int
    building: str
    verdicts: RoomVerdicts

    @property
    def room(self) -> RoomInput:
        return self.verdicts.room

    @property
    def occupants(self) -> int:
        return self.verdicts.occupants


def _room_error(error: MeasurementError) -> InvalidInputError:
    return InvalidInputError(f"{error.field}: {error.reason}", f"{error.reason_zh}")


def add_building(db: Database, actor: str, name: str, site_id: int | None = None) -> int:
    name = inputs.name(name, "building name", required=False).strip()
    if not name:
        raise InvalidInputError("the building needs a name", "宿舍楼需要名称")
    with unit_of_work(db, actor) as session:
        condition = DormitoryBuilding.site_id.is_(None) if site_id is None else DormitoryBuilding.site_id == site_id
        if session.scalar(select(DormitoryBuilding.id).where(condition, DormitoryBuilding.name == name)) is not None:
            raise InvalidInputError(f"there is already a building {name}", f"已有宿舍楼“{name}”")
        building = DormitoryBuilding(name=name, site_id=site_id)
        session.add(building)
        session.flush()
        return building.id


def list_buildings(db: Database) -> list[tuple[int, str]]:
    with db.session() as session:
        return [
            (b, n)
            for b, n in session.execute(
                select(DormitoryBuilding.id, DormitoryBuilding.name).order_by(DormitoryBuilding.id)
            )
        ]


def save_room(db: Database, actor: str, building_id: int, values: Mapping[str, Any], room_id: int | None = None) -> int:
    """Add a room to a building, or change room ``room_id``. The name is what the roster's 宿舍 field holds:
    unique in the register; renaming a room that people live in is refused (their roster rows name it)."""
    inputs.name(values.get("name", ""), "room", required=False)  # the text policy (control characters …)
    try:
        room = validate_room(values)
    except MeasurementError as error:
        raise _room_error(error) from None
    with unit_of_work(db, actor) as session:
        if session.get(DormitoryBuilding, building_id) is None:
            raise NotFoundError(f"no building {building_id}", f"没有编号为 {building_id} 的宿舍楼")
        clash = session.scalar(select(RegisterRoom.id).where(RegisterRoom.name == room.name))
        if clash is not None and clash != room_id:
            raise InvalidInputError(
                f"there is already a room {room.name}; nothing was saved", f"已有房间“{room.name}”；没有保存"
            )
        row = RegisterRoom() if room_id is None else session.get(RegisterRoom, room_id)
        if row is None:
            raise NotFoundError(f"no room {room_id}", f"没有编号为 {room_id} 的房间")
        if room_id is not None and row.name != room.name and _count(session, [row.name]).get(row.name, 0):
            raise InvalidInputError(
                f"people live in {row.name}: change their roster rows before renaming it; nothing was saved",
                f"{row.name} 有人居住：请先在花名册中调整住宿，再改房间名称；没有保存",
            )
        for key, value in {**room.as_dict(), "location": room.location.value, "building_id": building_id}.items():
            if getattr(row, key, None) != value:
                setattr(row, key, value)
        if room_id is None:
            session.add(row)
        session.flush()
        return row.id


def delete_room(db: Database, actor: str, room_id: int) -> None:
    with unit_of_work(db, actor) as session:
        row = session.get(RegisterRoom, room_id)
        if row is None:
            raise NotFoundError(f"no room {room_id}", f"没有编号为 {room_id} 的房间")
        living = _count(session, [row.name]).get(row.name, 0)
        if living:
            raise InvalidInputError(
                f"{living} people live in {row.name}: move them in the roster first; nothing was deleted",
                f"{row.name} 住有 {living} 人：请先在花名册中调整住宿；没有删除",
            )
        session.delete(row)


def _living() -> Select[str, int]:
    """People living in each room (the roster's 宿舍 field), everyone but 离岗 and the anonymised."""
    return (
        select(Employee.dormitory_room, func.count(Employee.id))
        .where(
            Employee.status.in_(headcount_statuses()),
            Employee.anonymised_at.is_(None),
            Employee.dormitory_room != "",
        )
        .group_by(Employee.dormitory_room)
    )


def _count(session: Session, names: list[str] | None = None) -> dict[str, int]:
    query = _living()
    if names is not None:
        query = query.where(Employee.dormitory_room.in_(names))
    return {name: int(count) for name, count in session.execute(query)}


def _input(row: RegisterRoom) -> RoomInput:
    from checklist.rules import Location

    return RoomInput(row.name, row.area_m2, row.beds, Location(row.location), row.has_window, row.bunk_beds)


def room_list(db: Database, building_id: int | None = None) -> list[RoomRow]:
    """Every room (of one building) by building and name, with occupants and verdicts: one query (the rooms and
    the roster's grouped counts), read as plain rows; the verdicts from the rules' compiled form, the words when
    first read (:func:`checklist.sites.dormitories.judge_room`). bench/bench_sites.py times it."""
    from checklist.rules import Location

    living = _living().subquery()
    query = (
        select(
            RegisterRoom.id,
            DormitoryBuilding.name,
            RegisterRoom.name,
            RegisterRoom.area_m2,
            RegisterRoom.beds,
            RegisterRoom.location,
            RegisterRoom.has_window,
            RegisterRoom.bunk_beds,
            living.c[1],
        )
        .join(DormitoryBuilding, RegisterRoom.building_id == DormitoryBuilding.id)
        .outerjoin(living, living.c[0] == RegisterRoom.name)
        .order_by(DormitoryBuilding.name, RegisterRoom.name)
    )
    if building_id is not None:
        query = query.where(RegisterRoom.building_id == building_id)
    with db.session() as session:
        rows = session.connection().execute(query).all()  # Core rows: no ORM loading for 2,000 plain rows
    locations = {location.value: location for location in Location}
    return [
        RoomRow(
            room_id,
            building,
            judge_room(RoomInput(name, area, beds, locations[location], has_window, bunk_beds), count or 0),
        )
        for room_id, building, name, area, beds, location, has_window, bunk_beds, count in rows
    ]


def occupants(db: Database, room_name: str) -> list[tuple[int, str, str]]:
    """(roster number, name, department) of everyone living in the room."""
    with db.session() as session:
        rows = session.execute(
            select(Employee.id, Employee.name, Employee.department)
            .where(
                Employee.dormitory_room == room_name,
                Employee.status.in_(headcount_statuses()),
                Employee.anonymised_at.is_(None),
            )
            .order_by(Employee.id)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def _room_named(session: Session, name: str) -> RegisterRoom:
    row = session.scalar(select(RegisterRoom).where(RegisterRoom.name == name))
    if row is None:
        raise NotFoundError(f"no room {name} in the register", f"宿舍登记中没有房间“{name}”")
    return row


def assignment_warnings(db: Database, employee_id: int, room_name: str) -> list[Warning_]:
    """What to tell the user before ``employee_id`` moves into ``room_name`` (nothing if already there)."""
    with db.session() as session:
        room = _room_named(session, room_name)
        employee = session.get(Employee, employee_id)
        if employee is None:
            raise NotFoundError(f"no employee {employee_id}", f"没有编号为 {employee_id} 的员工")
        if employee.dormitory_room == room_name:
            return []
        return _warnings(_input(room), _count(session, [room_name]).get(room_name, 0))


def assign(db: Database, actor: str, employee_id: int, room_name: str, *, confirmed: bool = False) -> None:
    """Move a person into a room of the register ("" moves them out). A full or failing room is refused unless
    ``confirmed`` (the user saw :func:`assignment_warnings`)."""
    if room_name:
        warnings = assignment_warnings(db, employee_id, room_name)
        if warnings and not confirmed:
            raise InvalidInputError(
                "; ".join(w.en for w in warnings) + " Nothing was changed; confirm to assign anyway",
                "".join(w.zh for w in warnings) + "没有修改；如仍要安排，请确认",
            )
    update_employee(db, actor, employee_id, {"dormitory_room": room_name})


def inspection_rows(db: Database) -> list[dict[str, Any]]:
    """The register's occupied rooms as an inspection's dormitory-table rows, copied at this moment (an empty
    room is no dormitory in use and is left out, as the rule engine asks)."""
    return [row.room.inspection_row(row.occupants) for row in room_list(db) if row.occupants > 0]
