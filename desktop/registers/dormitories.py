"""宿舍登记: buildings and rooms, the occupants from the roster, and each room's verdict under the national and
the Beijing rule side by side (GN（七）; BJHQ 三; BJTG 八), with what would make it pass.

The verdicts and remedies are the core's (:mod:`checklist.sites.dormitories`, on the rule engine); the room
form shows them live as it is typed. Assigning a person to a full or failing room asks first.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.numbers import format_number
from checklist.rules import Location, MeasurementError, Verdict
from checklist.sites.dormitories import RuleVerdict, finding_text, judge_room, validate_room
from desktop.common.errors import error_label, error_text, show_error
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel
from desktop.editor.rooms import location_text
from desktop.registers.page import LedgerPage, record_table

if TYPE_CHECKING:
    from storage.db import Database
    from storage.dormitories import RoomRow
    from storage.roster import EmployeeView, Page

COLORS = {Verdict.FAIL: QColor("#c62828"), Verdict.WARNING: QColor("#b26a00"), Verdict.PASS: QColor("#2e7d32")}


class RoomColumn(IntEnum):
    BUILDING = 0
    NAME = 1
    AREA = 2
    BEDS = 3
    LIVING = 4
    LOCATION = 5
    NATIONAL = 6
    BEIJING = 7
    REMEDY = 8


def verdict_text(verdict: RuleVerdict) -> str:
    return verdict.summary_en if english() else verdict.summary_zh


def remedy_text(verdicts: Any) -> str:
    parts = []
    for label, verdict in ((("National", "全国"), verdicts.national), (("Beijing", "北京"), verdicts.beijing)):
        said = verdict.remedy_en if english() else verdict.remedy_zh
        if said:
            parts.append(f"{label[0]}: {said}" if english() else f"{label[1]}：{said}")
    return ("; " if english() else "；").join(parts)


class RegisterModel(RowTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("楼"),
            self.tr("房间"),
            self.tr("面积 (m²)"),
            self.tr("床位"),
            self.tr("实住"),
            self.tr("位置"),
            self.tr("全国 GN 二、（七）"),
            self.tr("北京 BJHQ 三; BJTG 八"),
            self.tr("如何达标"),
        ]

    def cell(self, row: RoomRow, column: int, role: int) -> Any:
        verdicts = row.verdicts
        chosen = {RoomColumn.NATIONAL: verdicts.national, RoomColumn.BEIJING: verdicts.beijing}.get(RoomColumn(column))
        if role == Qt.ItemDataRole.ForegroundRole and chosen is not None and chosen.verdict is not None:
            return QBrush(COLORS[chosen.verdict])
        if role == Qt.ItemDataRole.ToolTipRole and chosen is not None:
            return "\n".join(finding_text(f, english()) for f in chosen.findings) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        room = row.room
        values = {
            RoomColumn.BUILDING: row.building,
            RoomColumn.NAME: room.name,
            RoomColumn.AREA: format_number(room.area_m2),
            RoomColumn.BEDS: str(room.beds),
            RoomColumn.LIVING: str(row.occupants),
            RoomColumn.LOCATION: location_text(room.location.value),
            RoomColumn.REMEDY: remedy_text(verdicts),
        }
        if chosen is not None:
            return verdict_text(chosen)
        return values.get(RoomColumn(column), "")


class DormitoriesPage(LedgerPage):
    """The register: the room list with verdicts, the room form (live verdicts), occupants and assignment."""

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, role, parent)

        self.busy = False
        self.room_id: int | None = None  # the room in the form (None: a new room)
        self.occupied = 0  # the people living in the room in the form
        self.confirm: QMessageBox | None = None
        self.people: list[EmployeeView] = []

        self.building_combo = QComboBox()
        self.building_combo.setObjectName("dormBuilding")
        building_label = QLabel(self.tr("宿舍楼(&B)："))
        building_label.setBuddy(self.building_combo)
        self.add_building_button = QPushButton(self.tr("新建宿舍楼…"))
        self.add_building_button.setObjectName("dormAddBuilding")
        self.count_label = QLabel()
        self.count_label.setObjectName("dormCount")

        self.model = RegisterModel(self)
        self.table = record_table(self.model, "dormTable", single=True, read_only=True, striped=True, wrap=False)
        # Sized by the rows in view, not Qt's default of the first 1,000: with 2,000 rooms that measured every
        # verdict's wording on the GUI thread (4–5 s of CPU under load, about 0.2 s this way; sites-perf).
        self.table.horizontalHeader().setResizeContentsPrecision(0)

        self.name = QLineEdit()
        self.name.setObjectName("dormRoomName")
        self.name.setPlaceholderText(self.tr("与花名册“宿舍”一栏相同，如 A101"))
        self.area = QLineEdit()
        self.area.setObjectName("dormRoomArea")
        self.beds = QLineEdit()
        self.beds.setObjectName("dormRoomBeds")
        self.location = QComboBox()
        self.location.setObjectName("dormRoomLocation")
        for location in Location:
            self.location.addItem(location_text(location.value), location.value)
        self.window_box = QCheckBox(self.tr("有窗"))
        self.window_box.setObjectName("dormRoomWindow")
        self.window_box.setChecked(True)
        self.bunk_box = QCheckBox(self.tr("上下床"))
        self.bunk_box.setObjectName("dormRoomBunk")
        self.live_national = QLabel()
        self.live_national.setObjectName("dormLiveNational")
        self.live_national.setWordWrap(True)
        self.live_beijing = QLabel()
        self.live_beijing.setObjectName("dormLiveBeijing")
        self.live_beijing.setWordWrap(True)
        self.new_room_button = QPushButton(self.tr("新房间(&N)"))
        self.new_room_button.setObjectName("dormNewRoom")
        self.save_room_button = QPushButton(self.tr("保存房间(&S)"))
        self.save_room_button.setObjectName("dormSaveRoom")
        self.form_error = error_label("dormFormError")
        form = QFormLayout()
        form.addRow(self.tr("房间(&R)："), self.name)
        form.addRow(self.tr("使用面积 m²(&A)："), self.area)
        form.addRow(self.tr("床位(&D)："), self.beds)
        form.addRow(self.tr("位置(&L)："), self.location)
        flags = QHBoxLayout()
        flags.addWidget(self.window_box)
        flags.addWidget(self.bunk_box)
        flags.addStretch(1)
        form.addRow("", flags)
        form.addRow(self.tr("全国："), self.live_national)
        form.addRow(self.tr("北京："), self.live_beijing)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.new_room_button)
        form_buttons.addWidget(self.save_room_button)
        form_buttons.addStretch(1)
        room_box = QGroupBox(self.tr("房间"))
        room_layout = QVBoxLayout(room_box)
        room_layout.addLayout(form)
        room_layout.addLayout(form_buttons)
        room_layout.addWidget(self.form_error)

        self.occupants_label = QLabel()
        self.occupants_label.setObjectName("dormOccupants")
        self.occupants_label.setWordWrap(True)
        self.person_search = QLineEdit()
        self.person_search.setObjectName("dormPersonSearch")
        self.person_search.setPlaceholderText(self.tr("按姓名或部门查找"))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("dormPerson")
        self.assign_button = QPushButton(self.tr("安排入住所选房间(&I)"))
        self.assign_button.setObjectName("dormAssign")
        self.message = QLabel()
        self.message.setObjectName("dormMessage")
        self.message.setWordWrap(True)
        people_box = QGroupBox(self.tr("入住人员（来自花名册）"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.occupants_label)
        people_layout.addWidget(self.person_search)
        people_layout.addWidget(self.person_combo)
        people_layout.addWidget(self.assign_button)
        people_layout.addWidget(self.message)
        people_layout.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(building_label)
        top.addWidget(self.building_combo, 1)
        top.addWidget(self.add_building_button)
        top.addWidget(self.count_label, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(room_box, 3)
        bottom.addWidget(people_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for edit in (self.name, self.area, self.beds):
            edit.textChanged.connect(self.preview)
        self.location.currentIndexChanged.connect(self.preview)
        self.window_box.toggled.connect(self.preview)
        self.bunk_box.toggled.connect(self.preview)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._room_chosen())
        self.new_room_button.clicked.connect(self.new_room)
        self.save_room_button.clicked.connect(self.save_room)
        self.add_building_button.clicked.connect(self.ask_building)
        self.person_search.textChanged.connect(self.find_people)
        self.assign_button.clicked.connect(self.check_assignment)
        for widget in (self.add_building_button, self.new_room_button, self.save_room_button, self.assign_button):
            widget.setEnabled(self.can_edit)
        self.preview()

    # --- reading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        from storage.dormitories import list_buildings, room_list

        db = self.db
        self.loading = True
        run_in_background(
            self,
            lambda _p: (list_buildings(db), room_list(db)),
            self._shown,
            self._failed,
            show_progress=False,
        )

    def _shown(self, loaded: tuple[list[tuple[int, str]], list[RoomRow]]) -> None:
        buildings, rooms = loaded
        chosen = self.building_combo.currentData()
        self.building_combo.clear()
        for building_id, name in buildings:
            self.building_combo.addItem(name, building_id)
        if chosen is not None:
            self.building_combo.setCurrentIndex(max(self.building_combo.findData(chosen), 0))
        selected = self.selected()
        self.model.set_rows(rooms)
        failing = sum(1 for r in rooms if Verdict.FAIL in (r.verdicts.national.verdict, r.verdicts.beijing.verdict))
        self.count_label.setText(
            self.tr("%1 间房，%2 人入住，%3 间不合格")
            .replace("%1", str(len(rooms)))
            .replace("%2", str(sum(r.occupants for r in rooms)))
            .replace("%3", str(failing))
        )
        if selected is not None:
            self.select_room(selected.room.name)
        self.loading = False
        self.loaded.emit()
        if not self.people and self.person_combo.count() == 0:
            self.find_people("")

    def _failed(self, error: BaseException) -> None:
        self.loading = self.busy = False
        show_error(self, self.tr("无法读取宿舍登记。"), error, self.tr("没有修改任何数据。"))

    def selected(self) -> RoomRow | None:
        rows = self.table.selectionModel().selectedRows()
        shown: list[RoomRow] = self.model.rows()
        return shown[rows[0].row()] if rows else None

    def select_room(self, name: str) -> None:
        for row, room in enumerate(self.model.rows()):
            if room.room.name == name:
                self.table.selectRow(row)
                return

    def _room_chosen(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        room = chosen.room
        self.room_id, self.occupied = chosen.id, chosen.occupants
        self.name.setText(room.name)
        self.area.setText(format_number(room.area_m2))
        self.beds.setText(str(room.beds))
        self.location.setCurrentIndex(max(self.location.findData(room.location.value), 0))
        self.window_box.setChecked(room.has_window)
        self.bunk_box.setChecked(room.bunk_beds)
        self.building_combo.setCurrentIndex(max(self.building_combo.findData(self._building_of(chosen)), 0))
        self._show_occupants(room.name)

    def _building_of(self, row: RoomRow) -> int | None:
        index = self.building_combo.findText(row.building)
        return self.building_combo.itemData(index) if index >= 0 else None

    def _show_occupants(self, room_name: str) -> None:
        from storage.dormitories import occupants

        db = self.db
        run_in_background(
            self,
            lambda _p: occupants(db, room_name),
            lambda people: self.occupants_label.setText(
                self.tr("%1 住：").replace("%1", room_name)
                + (
                    ("、" if not english() else ", ").join(f"{n}（{d}）" if d else n for _, n, d in people)
                    or self.tr("无")
                )
            ),
            self._failed,
            show_progress=False,
        )

    # --- the room form ------------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "area_m2": self.area.text(),
            "beds": self.beds.text(),
            "location": self.location.currentData(),
            "has_window": self.window_box.isChecked(),
            "bunk_beds": self.bunk_box.isChecked(),
        }

    @Slot()
    def preview(self) -> None:
        """The verdicts of the room as typed, with its current occupants, as the core judges them."""
        try:
            room = validate_room(self.form_values())
        except MeasurementError as error:
            said = self.tr("待填写") if not self.area.text() else (error.reason if english() else error.reason_zh)
            self.live_national.setText(said)
            self.live_beijing.setText(said)
            for label in (self.live_national, self.live_beijing):
                label.setStyleSheet("")
            return
        verdicts = judge_room(room, self.occupied)
        for label, verdict in ((self.live_national, verdicts.national), (self.live_beijing, verdicts.beijing)):
            remedy = verdict.remedy_en if english() else verdict.remedy_zh
            clause = verdict.clause_en if english() else verdict.clause_zh
            text = f"{verdict_text(verdict)}（{clause}）" if not english() else f"{verdict_text(verdict)} ({clause})"
            if remedy:
                text += (" — " if english() else "——") + remedy
            label.setText(text)
            color = COLORS.get(verdict.verdict) if verdict.verdict is not None else None
            label.setStyleSheet(f"color: {color.name()}" if color is not None else "")

    @Slot()
    def new_room(self) -> None:
        self.table.clearSelection()
        self.room_id, self.occupied = None, 0
        for edit in (self.name, self.area, self.beds):
            edit.clear()
        self.occupants_label.clear()
        self.name.setFocus()

    @Slot()
    def save_room(self) -> None:
        from storage.dormitories import save_room

        building = self.building_combo.currentData()
        if building is None:
            self.form_error.setText(self.tr("请先新建宿舍楼。"))
            self.form_error.show()
            return
        values, db, actor, room_id = self.form_values(), self.db, self.actor, self.room_id
        self.busy = True
        run_in_background(
            self,
            lambda _p: save_room(db, actor, building, values, room_id),
            lambda _id: self._room_saved(str(values["name"]).strip()),
            self._refused,
            show_progress=False,
        )

    def _room_saved(self, name: str) -> None:
        self.busy = False
        self.form_error.hide()
        self.message.setText(self.tr("房间 %1 已保存。").replace("%1", name))
        self._after_change(name)

    def _after_change(self, name: str) -> None:
        def reselect() -> None:
            self.loaded.disconnect(reselect)
            self.select_room(name)

        self.loaded.connect(reselect)
        self.refresh()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        self.form_error.setText(error_text(error))
        self.form_error.show()

    @Slot()
    def ask_building(self) -> None:
        from storage.dormitories import add_building

        name, ok = QInputDialog.getText(self, self.tr("新建宿舍楼"), self.tr("宿舍楼名称："))
        if not ok or not name.strip():
            return
        db, actor = self.db, self.actor
        self.busy = True
        run_in_background(
            self, lambda _p: add_building(db, actor, name), self._building_added, self._refused, show_progress=False
        )

    def _building_added(self, building_id: int) -> None:
        self.busy = False
        self.building_combo.addItem("", building_id)  # named by the refresh
        self.building_combo.setCurrentIndex(self.building_combo.count() - 1)
        self.refresh()

    # --- assigning people ---------------------------------------------------------------------------

    @Slot(str)
    def find_people(self, text: str) -> None:
        from storage.roster import list_employees

        db = self.db
        run_in_background(
            self,
            lambda _p: list_employees(db, search=text, limit=200),
            self._people_found,
            self._failed,
            show_progress=False,
        )

    def _people_found(self, page: Page[EmployeeView]) -> None:
        self.people = page.rows
        self.person_combo.clear()
        for person in page.rows:
            where = person.dormitory_room or self.tr("未安排")
            self.person_combo.addItem(f"{person.name}（{person.department or '—'}，{where}）", person.id)

    @Slot()
    def check_assignment(self) -> None:
        from storage.dormitories import assignment_warnings

        chosen, person = self.selected(), self.person_combo.currentData()
        if chosen is None or person is None:
            self.message.setText(self.tr("请先选择房间和人员。"))
            return
        db, room = self.db, chosen.room.name
        self.busy = True
        run_in_background(
            self,
            lambda _p: assignment_warnings(db, person, room),
            lambda warnings: self._warned(person, room, warnings),
            self._assign_failed,
            show_progress=False,
        )

    def _warned(self, person: int, room: str, warnings: list[Any]) -> None:
        if not warnings:
            self.assign(person, room, confirmed=False)
            return
        self.busy = False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("安排入住"), self.tr("此房间不宜再安排入住："), parent=self)
        box.setObjectName("dormConfirm")
        box.setInformativeText(
            "\n".join(w.en if english() else w.zh for w in warnings) + "\n\n" + self.tr("仍要安排吗？")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("仍要安排"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("不安排"))
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _: self._confirmed(box.clickedButton() is yes, person, room))
        self.confirm = box
        box.open()

    def _confirmed(self, yes: bool, person: int, room: str) -> None:
        self.confirm = None
        if yes:
            self.assign(person, room, confirmed=True)
        else:
            self.message.setText(self.tr("没有安排，花名册未改变。"))

    def assign(self, person: int, room: str, *, confirmed: bool) -> None:
        from storage.dormitories import assign

        db, actor = self.db, self.actor
        self.busy = True
        run_in_background(
            self,
            lambda _p: assign(db, actor, person, room, confirmed=confirmed),
            lambda _: self._assigned(room),
            self._assign_failed,
            show_progress=False,
        )

    def _assigned(self, room: str) -> None:
        self.busy = False
        self.message.setText(self.tr("已安排入住 %1，花名册已更新。").replace("%1", room))
        self.find_people(self.person_search.text())
        self._after_change(room)

    def _assign_failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(error))
