"""隔离观察区: the isolation area (GN 四（十四）（十五）) — the area, today's people flagged in the health ledger
(each recorded as isolated in one step), every use with its CDC report and referral, and the places closed off
afterwards with their disinfection logged in the ventilation and disinfection log.

The rules are the core's (:mod:`checklist.sites.isolation`, :mod:`storage.isolation`); names are shown here
and never logged.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checklist.ledger import HalfDay
from checklist.sites.isolation import SUGGESTED_SUPPLIES
from desktop.common.assets import icon
from desktop.common.dates import company_qdatetime, python_date
from desktop.common.errors import error_label, error_text
from desktop.common.i18n import english
from desktop.common.table_model import RowTableModel
from desktop.registers.page import RegisterPage, day_edit, record_table

if TYPE_CHECKING:
    from desktop.accounts.account import Account
    from storage.db import Database
    from storage.isolation import AreaView, FlaggedPerson, UseView

STEP_CSS = "color: #b71c1c"


def when(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.strftime("%m-%d %H:%M")


class UseModel(RowTableModel):
    """The latest uses: number, start, who, area, temperature, symptoms, CDC told, referred, steps open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("编号"),
            self.tr("开始"),
            self.tr("姓名"),
            self.tr("区域"),
            self.tr("体温 °C"),
            self.tr("症状"),
            self.tr("报告疾控"),
            self.tr("就医去向"),
            self.tr("待办"),
        ]

    def cell(self, row: Any, column: int, role: int) -> Any:
        use: UseView = row
        steps = use.open_steps()
        if role == Qt.ItemDataRole.ForegroundRole and column == 8 and steps:
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            str(use.id),
            when(use.started_at),
            use.name,
            use.area,
            "" if use.temperature_c is None else f"{use.temperature_c:.1f}",
            use.symptoms_en if english() else use.symptoms_zh,
            when(use.cdc_reported_at),
            use.referred_to,
            str(len(steps)) if steps else self.tr("完成"),
        )
        return values[column] if 0 <= column < len(values) else None


class IsolationPage(RegisterPage):
    """The area, today's flagged people, the uses, and the closing off and disinfection after each; read and
    written on the thread pool (:class:`desktop.registers.page.RegisterPage`)."""

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(db, account, parent)
        self._select_newest = False  # after a use is recorded: select it once the uses are read again
        self.areas: list[AreaView] = []
        self.flagged: list[FlaggedPerson] = []

        self.date_edit = day_edit("isolationDate")
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        self.time_edit = QDateTimeEdit(company_qdatetime())
        self.time_edit.setObjectName("isolationTime")
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        time_label = QLabel(self.tr("操作时间(&T)："))
        time_label.setBuddy(self.time_edit)
        self.message = QLabel()
        self.message.setObjectName("isolationMessage")
        self.message.setWordWrap(True)
        self.error = error_label("isolationError")

        # the area
        self.area_combo = QComboBox()
        self.area_combo.setObjectName("areaChoice")
        self.area_place = QLineEdit()
        self.area_place.setObjectName("areaPlace")
        self.area_capacity = QSpinBox()
        self.area_capacity.setObjectName("areaCapacity")
        self.area_capacity.setRange(1, 200)
        self.area_capacity.setSuffix(self.tr(" 人"))
        self.area_supplies = QLineEdit(SUGGESTED_SUPPLIES)
        self.area_supplies.setObjectName("areaSupplies")
        self.area_save = QPushButton(self.tr("保存区域"))
        self.area_save.setObjectName("areaSave")
        area_form = QFormLayout()
        area_form.addRow(self.tr("区域(&A)："), self.area_combo)
        area_form.addRow(self.tr("地点："), self.area_place)
        area_form.addRow(self.tr("容量："), self.area_capacity)
        area_form.addRow(self.tr("配备物品："), self.area_supplies)
        area_form.addRow(self.area_save)
        area_box = QGroupBox(self.tr("隔离观察区域（GN 四（十四））"))
        area_box.setLayout(area_form)

        # today's flagged people
        self.flagged_list = QListWidget()
        self.flagged_list.setObjectName("flaggedPeople")
        self.isolate_button = QPushButton(icon("add"), self.tr("记录隔离(&I)"))
        self.isolate_button.setObjectName("isolateFlagged")
        flagged_layout = QVBoxLayout()
        flagged_layout.addWidget(self.flagged_list, 1)
        flagged_layout.addWidget(self.isolate_button)
        flagged_box = QGroupBox(self.tr("当日发热或有症状、尚未记录隔离的人员"))
        flagged_box.setLayout(flagged_layout)

        # the uses
        self.model = UseModel(self)
        self.table = record_table(self.model, "isolationUses", single=True)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("isolationSteps")
        self.steps_label.setWordWrap(True)
        self.steps_label.setStyleSheet(STEP_CSS)
        self.referred_edit = QLineEdit()
        self.referred_edit.setObjectName("referredTo")
        self.referred_edit.setPlaceholderText(self.tr("如 区医院发热门诊"))
        self.report_button = QPushButton(self.tr("记录报告疾控及就医去向"))
        self.report_button.setObjectName("reportCdc")
        self.close_place_edit = QLineEdit()
        self.close_place_edit.setObjectName("closePlace")
        self.close_place_edit.setPlaceholderText(self.tr("工作岗位、宿舍、办公单元……"))
        self.close_button = QPushButton(self.tr("封闭场所"))
        self.close_button.setObjectName("closePlaceButton")
        self.closure_list = QListWidget()
        self.closure_list.setObjectName("closures")
        self.chlorine_edit = QLineEdit("500")
        self.chlorine_edit.setObjectName("closureChlorine")
        self.contact_edit = QLineEdit("30")
        self.contact_edit.setObjectName("closureContact")
        self.done_by_edit = QLineEdit()
        self.done_by_edit.setObjectName("closureDoneBy")
        self.disinfect_button = QPushButton(self.tr("记录消毒（含氯）"))
        self.disinfect_button.setObjectName("disinfectClosure")
        report_row = QHBoxLayout()
        report_row.addWidget(QLabel(self.tr("就医去向：")))
        report_row.addWidget(self.referred_edit, 1)
        report_row.addWidget(self.report_button)
        close_row = QHBoxLayout()
        close_row.addWidget(QLabel(self.tr("封闭：")))
        close_row.addWidget(self.close_place_edit, 1)
        close_row.addWidget(self.close_button)
        disinfect_row = QHBoxLayout()
        disinfect_row.addWidget(QLabel(self.tr("有效氯 mg/L：")))
        disinfect_row.addWidget(self.chlorine_edit)
        disinfect_row.addWidget(QLabel(self.tr("作用分钟：")))
        disinfect_row.addWidget(self.contact_edit)
        disinfect_row.addWidget(QLabel(self.tr("执行人：")))
        disinfect_row.addWidget(self.done_by_edit, 1)
        disinfect_row.addWidget(self.disinfect_button)
        after_layout = QVBoxLayout()
        after_layout.addWidget(self.steps_label)
        after_layout.addLayout(report_row)
        after_layout.addLayout(close_row)
        after_layout.addWidget(self.closure_list, 1)
        after_layout.addLayout(disinfect_row)
        after_box = QGroupBox(self.tr("所选记录：报告、就医、封闭与消毒（GN 四（十四）（十五））"))
        after_box.setLayout(after_layout)

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(time_label)
        top.addWidget(self.time_edit)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(area_box)
        left.addWidget(flagged_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.table, 2)
        right.addWidget(after_box, 2)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.area_combo.currentIndexChanged.connect(self._area_chosen)
        self.area_save.clicked.connect(self.save_area)
        self.isolate_button.clicked.connect(self.isolate_flagged)
        self.report_button.clicked.connect(self.report)
        self.close_button.clicked.connect(self.close_place)
        self.disinfect_button.clicked.connect(self.disinfect)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._use_chosen())

    # --- reading ------------------------------------------------------------------------------------

    def moment(self) -> dt.datetime:
        value: dt.datetime = self.time_edit.dateTime().toPython()  # type: ignore[assignment]
        return value.replace(second=0, microsecond=0)

    def show_day(self, day: dt.date) -> None:
        """Read the areas, the day's flagged people and the uses on the thread pool, then show them."""
        from storage import isolation

        self.day = day
        if self.date_edit.date() != QDate(day.year, day.month, day.day):
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            return
        db = self.db

        def read() -> tuple[list[AreaView], list[FlaggedPerson], list[UseView]]:
            return isolation.list_areas(db), isolation.flagged_without_use(db, day), isolation.uses(db)

        self.read(read, self._show, self.tr("无法读取隔离观察区登记。"))

    def _show(self, loaded: tuple[list[AreaView], list[FlaggedPerson], list[UseView]]) -> None:
        self.areas, self.flagged, rows = loaded
        chosen = self.selected_use()
        area_index = max(self.area_combo.currentIndex(), 0)
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        for area in self.areas:
            self.area_combo.addItem(
                self.tr("%1（%2/%3 人）")
                .replace("%1", area.place)
                .replace("%2", str(area.present))
                .replace("%3", str(area.capacity)),
                area.id,
            )
        self.area_combo.addItem(self.tr("（新增区域）"), None)
        self.area_combo.setCurrentIndex(min(area_index, self.area_combo.count() - 1))
        self.area_combo.blockSignals(False)
        self._area_chosen()
        self.flagged_list.clear()
        halves = {HalfDay.MORNING: self.tr("上午"), HalfDay.AFTERNOON: self.tr("下午")}
        for person in self.flagged:
            parts = [person.name, halves[person.half]]
            if person.temperature_c is not None:
                parts.append(f"{person.temperature_c:.1f} °C")
            symptoms = person.symptoms_en if english() else person.symptoms_zh
            if symptoms:
                parts.append(symptoms)
            self.flagged_list.addItem(" ".join(parts))
        if self.flagged:
            self.flagged_list.setCurrentRow(0)
        self.model.set_rows(rows)
        if self._select_newest and rows:
            self._select_newest = False
            self.table.selectRow(0)
        elif chosen is not None:
            for row, use in enumerate(rows):
                if use.id == chosen.id:
                    self.table.selectRow(row)
        self._use_chosen()
        self._update_buttons()

    def selected_use(self) -> UseView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        use: UseView = self.model.rows()[rows[0].row()]
        return use

    def _area_chosen(self) -> None:
        area_id = self.area_combo.currentData()
        area = next((a for a in self.areas if a.id == area_id), None)
        self.area_place.setText(area.place if area else "")
        self.area_capacity.setValue(area.capacity if area else 2)
        self.area_supplies.setText(area.supplies if area else SUGGESTED_SUPPLIES)
        self._update_buttons()

    def _use_chosen(self) -> None:
        use = self.selected_use()
        self.closure_list.clear()
        if use is None:
            self.steps_label.setText(self.tr("选择一条隔离记录，记录报告疾控、就医去向、封闭场所及其消毒。"))
            self.steps_label.setStyleSheet("")
        else:
            for closure in use.closures:
                done = (
                    self.tr("%1 消毒").replace("%1", when(closure.disinfected_at))
                    if closure.disinfected_at
                    else self.tr("未消毒")
                )
                self.closure_list.addItem(f"{closure.place}  {when(closure.closed_at)}  {done}")
            steps = use.open_steps()
            self.steps_label.setText(
                self.tr("待办：%1").replace("%1", "；".join(s[1] if english() else s[0] for s in steps))
                if steps
                else self.tr("各项处置均已记录。")
            )
            self.steps_label.setStyleSheet(STEP_CSS if steps else "")
            self.referred_edit.setText(use.referred_to)
        self._update_buttons()

    def _update_buttons(self) -> None:
        use = self.selected_use()
        self.area_save.setEnabled(self.can_write)
        self.isolate_button.setEnabled(self.can_write and bool(self.flagged) and self._area_id() is not None)
        for button in (self.report_button, self.close_button):
            button.setEnabled(self.can_write and use is not None)
        self.disinfect_button.setEnabled(self.can_write and use is not None and bool(use and use.closures))

    def _area_id(self) -> int | None:
        value = self.area_combo.currentData()
        return int(value) if value is not None else None

    # --- changes -------------------------------------------------------------------------------------

    def _attempt(self, change: Any, done: str, after: Any = None) -> None:
        """Write ``change`` on the thread pool (after a change still being written); on success say ``done``
        (and run ``after`` with its result), else the refusal under the form."""

        def succeeded(result: Any) -> None:
            if not self.refused_meanwhile:  # a change made before this one and refused stays said
                self.error.hide()
            self.message.setText(done)
            if after is not None:
                after(result)

        def refused(error: Any) -> None:
            self.error.setText(error_text(error))
            self.error.show()

        self.write(change, succeeded, refused)

    @Slot()
    def save_area(self) -> None:
        from storage import isolation

        values = {
            "place": self.area_place.text(),
            "capacity": self.area_capacity.value(),
            "supplies": self.area_supplies.text(),
        }
        area_id = self._area_id()
        db, actor = self.db, self.account.name
        self._attempt(lambda: isolation.set_area(db, actor, values, area_id), self.tr("区域已保存。"))

    @Slot()
    def isolate_flagged(self) -> None:
        from storage import isolation

        row = self.flagged_list.currentRow()
        area_id = self._area_id()
        if not 0 <= row < len(self.flagged) or area_id is None:
            return
        person = self.flagged[row]
        db, actor, day, moment = self.db, self.account.name, self.day, self.moment()

        def change() -> bool:
            _, over = isolation.propose_from_reading(db, actor, area_id, person.employee_id, day, person.half, moment)
            return over

        def recorded(over: bool) -> None:
            if over:
                self.message.setText(self.message.text() + self.tr("注意：该区域已超出容量，请另设临时隔离场所。"))
            self._select_newest = True

        self._attempt(
            change, self.tr("已记录隔离：%1。请报告疾控并记录就医去向。").replace("%1", person.name), recorded
        )

    @Slot()
    def report(self) -> None:
        from storage import isolation

        use = self.selected_use()
        if use is None:
            return
        values = {"cdc_reported_at": self.moment(), "referred_to": self.referred_edit.text()}
        db, actor = self.db, self.account.name
        self._attempt(
            lambda: isolation.update_use(db, actor, use.id, values),
            self.tr("已记录报告疾控及就医去向。"),
        )

    @Slot()
    def close_place(self) -> None:
        from storage import isolation

        use = self.selected_use()
        if use is None:
            return
        place, moment = self.close_place_edit.text(), self.moment()
        db, actor = self.db, self.account.name
        self._attempt(
            lambda: isolation.close_place(db, actor, use.id, place, moment),
            self.tr("已记录封闭：%1。").replace("%1", place.strip()),
            lambda _closure_id: self.close_place_edit.clear(),
        )

    @Slot()
    def disinfect(self) -> None:
        from storage import isolation

        use = self.selected_use()
        row = self.closure_list.currentRow()
        if use is None or not 0 <= row < len(use.closures):
            self.error.setText(self.tr("请先在列表中选择已封闭的场所。"))
            self.error.show()
            return
        closure = use.closures[row]
        entry = {
            "at": self.moment(),
            "method": "chlorine",
            "chlorine_mg_per_l": self.chlorine_edit.text(),
            "contact_minutes": self.contact_edit.text(),
            "done_by": self.done_by_edit.text(),
            "note": self.tr("隔离记录 #%1 封闭后消毒").replace("%1", str(use.id)),
        }
        db, actor = self.db, self.account.name
        self._attempt(
            lambda: isolation.record_disinfection(db, actor, closure.id, entry),
            self.tr("已记录消毒：%1（已写入通风消毒记录）。").replace("%1", closure.place),
        )
