"""食堂错峰就餐: the canteen's departments and seats in, the sittings timetable out, live; remembered per site
and printable for the canteen door.

The plan is the core's (:func:`checklist.sites.canteen.plan_sittings`, GN（八）; LK28 二（二）2): this page only
collects the settings, shows the plan and its explanation, and stores the settings through
:mod:`storage.canteen` off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.rules import MeasurementError
from checklist.sites.canteen import SEATING_RULES, CanteenSettings, SeatingRule, SittingPlan, clock, plan_sittings
from checklist.sites.canteen import validate_settings as validate_canteen
from desktop.common.errors import ERROR_CSS, error_label, show_error
from desktop.common.file_dialogs import save_file_name
from desktop.common.i18n import current_language, english
from desktop.common.look import SECONDARY_TEXT_CSS, compact_rows
from desktop.common.operations import run_in_background
from desktop.registers.page import LedgerPage

if TYPE_CHECKING:
    from storage.db import Database

DEFAULTS: dict[str, Any] = {
    "groups": [],
    "tables": 20,
    "seats_per_table": 4,
    "seating": SeatingRule.ONE_DIRECTION.value,
    "meal_minutes": 20,
    "cleaning_minutes": 10,
    "window_start": "11:00",
    "window_end": "13:00",
}


def qtime(text: str) -> QTime:
    hours, minutes = (int(part) for part in text.split(":"))
    return QTime(min(hours, 23), minutes if hours < 24 else 59)


class CanteenPage(LedgerPage):
    """One site's canteen at a time: departments and headcounts, seats and times, the timetable."""

    saved = Signal()

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, role, parent)

        self.saving = False
        self.plan: SittingPlan | None = None
        self.site_id: int | None = None
        self._filling = False

        self.site_combo = QComboBox()
        self.site_combo.setObjectName("canteenSite")
        site_label = QLabel(self.tr("场所(&P)："))
        site_label.setBuddy(self.site_combo)
        self.save_button = QPushButton(self.tr("保存设置(&S)"))
        self.save_button.setObjectName("canteenSave")
        self.print_button = QPushButton(self.tr("打印门口张贴单(&T)…"))
        self.print_button.setObjectName("canteenPrint")
        self.status = QLabel()
        self.status.setObjectName("canteenStatus")

        self.groups = QTableWidget(0, 2)
        self.groups.setObjectName("canteenGroups")
        self.groups.setHorizontalHeaderLabels([self.tr("部门或班次"), self.tr("人数")])
        self.groups.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.groups.verticalHeader().hide()
        self.groups.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        compact_rows(self.groups)
        self.add_group_button = QPushButton(self.tr("添加部门(&A)"))
        self.add_group_button.setObjectName("canteenAddGroup")
        self.remove_group_button = QPushButton(self.tr("删除所选"))
        self.remove_group_button.setObjectName("canteenRemoveGroup")
        self.from_roster_button = QPushButton(self.tr("按花名册填入(&R)"))
        self.from_roster_button.setObjectName("canteenFromRoster")
        self.from_roster_button.setToolTip(self.tr("用花名册中在岗人员按部门的人数替换上表"))

        self.tables = QSpinBox()
        self.tables.setObjectName("canteenTables")
        self.tables.setRange(1, 5000)
        self.seats = QSpinBox()
        self.seats.setObjectName("canteenSeats")
        self.seats.setRange(1, 20)
        self.seating = QComboBox()
        self.seating.setObjectName("canteenSeating")
        for rule in SeatingRule:
            self.seating.addItem(self._rule_name(rule), rule.value)
        self.seating_source = QLabel()
        self.seating_source.setObjectName("canteenSeatingSource")
        self.seating_source.setWordWrap(True)
        self.meal = QSpinBox()
        self.meal.setObjectName("canteenMeal")
        self.meal.setRange(5, 180)
        self.meal.setSuffix(self.tr(" 分钟"))
        self.cleaning = QSpinBox()
        self.cleaning.setObjectName("canteenCleaning")
        self.cleaning.setRange(0, 120)
        self.cleaning.setSuffix(self.tr(" 分钟"))
        self.window_start = QTimeEdit()
        self.window_start.setObjectName("canteenWindowStart")
        self.window_start.setDisplayFormat("HH:mm")
        self.window_end = QTimeEdit()
        self.window_end.setObjectName("canteenWindowEnd")
        self.window_end.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow(self.tr("餐桌数(&N)："), self.tables)
        form.addRow(self.tr("每桌座位(&E)："), self.seats)
        form.addRow(self.tr("就座方式(&W)："), self.seating)
        form.addRow("", self.seating_source)
        form.addRow(self.tr("每场用餐(&M)："), self.meal)
        form.addRow(self.tr("场间清洁消毒(&C)："), self.cleaning)
        window = QHBoxLayout()
        window.addWidget(self.window_start)
        window.addWidget(QLabel("–"))
        window.addWidget(self.window_end)
        window.addStretch(1)
        window_label = QLabel(self.tr("供餐时段(&O)："))
        window_label.setBuddy(self.window_start)
        form.addRow(window_label, window)
        settings_note = QLabel(self.tr("来源只要求错峰就餐、不面对面就坐；座位、时长均为本食堂的设置。"))
        settings_note.setWordWrap(True)

        self.timetable = QTableWidget(0, 4)
        self.timetable.setObjectName("canteenTimetable")
        self.timetable.setHorizontalHeaderLabels([self.tr("场次"), self.tr("时间"), self.tr("部门"), self.tr("人数")])
        self.timetable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timetable.verticalHeader().hide()
        self.timetable.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        compact_rows(self.timetable)
        self.verdict = QLabel()
        self.verdict.setObjectName("canteenVerdict")
        self.verdict.setWordWrap(True)
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("canteenExplanation")
        self.explanation.setReadOnly(True)
        self.input_error = error_label("canteenInputError")

        group_buttons = QHBoxLayout()
        for button in (self.add_group_button, self.remove_group_button, self.from_roster_button):
            group_buttons.addWidget(button)
        group_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.groups, 1)
        left.addLayout(group_buttons)
        left.addLayout(form)
        left.addWidget(settings_note)
        left_box = QGroupBox(self.tr("就餐人员与食堂"))
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.verdict)
        right.addWidget(self.timetable, 3)
        right.addWidget(QLabel(self.tr("逐条说明：")))
        right.addWidget(self.explanation, 2)
        right_box = QGroupBox(self.tr("错峰就餐安排"))
        right_box.setLayout(right)
        body = QHBoxLayout()
        body.addWidget(left_box, 2)
        body.addWidget(right_box, 3)
        top = QHBoxLayout()
        top.addWidget(site_label)
        top.addWidget(self.site_combo, 1)
        top.addWidget(self.status)
        top.addWidget(self.save_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.input_error)

        for spin in (self.tables, self.seats, self.meal, self.cleaning):
            spin.valueChanged.connect(self.recompute)
        for edit in (self.window_start, self.window_end):
            edit.timeChanged.connect(self.recompute)
        self.seating.currentIndexChanged.connect(self.recompute)
        self.groups.itemChanged.connect(self.recompute)
        self.add_group_button.clicked.connect(self.add_group)
        self.remove_group_button.clicked.connect(self.remove_group)
        self.from_roster_button.clicked.connect(self.fill_from_roster)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.choose_print_file)
        self.site_combo.currentIndexChanged.connect(lambda _: self.load(self.site_combo.currentData()))
        for widget in (self.add_group_button, self.remove_group_button, self.from_roster_button, self.save_button):
            widget.setEnabled(self.can_edit)
        if not self.can_edit:
            self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fill(DEFAULTS)

    def _rule_name(self, rule: SeatingRule) -> str:
        info = SEATING_RULES[rule]
        return info.name_en if english() else info.name_zh

    # --- loading and storing ------------------------------------------------------------------------

    def show_sites(self) -> None:
        """Read the sites, then the chosen site's settings."""
        from storage.canteen import list_sites

        db = self.db
        self.loading = True
        run_in_background(self, lambda _p: list_sites(db), self._sites_shown, self._load_failed, show_progress=False)

    def _sites_shown(self, sites: list[tuple[int, str]]) -> None:
        self.site_combo.blockSignals(True)
        self.site_combo.clear()
        self.site_combo.addItem(self.tr("本单位食堂（未指定场所）"), None)
        for site_id, name in sites:
            self.site_combo.addItem(name, site_id)
        self.site_combo.blockSignals(False)
        self.loading = False
        self.load(self.site_combo.currentData())

    def load(self, site_id: int | None) -> None:
        from storage.canteen import load_canteen_settings

        db = self.db
        self.loading = True
        run_in_background(
            self,
            lambda _p: load_canteen_settings(db, site_id),
            lambda stored: self._loaded(site_id, stored),
            self._load_failed,
            show_progress=False,
        )

    def _loaded(self, site_id: int | None, stored: CanteenSettings | None) -> None:
        self.loading = False
        self.site_id = site_id
        self.fill(stored.as_dict() if stored is not None else DEFAULTS)
        self.status.setText(self.tr("已载入保存的设置") if stored is not None else self.tr("尚未保存设置"))
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        show_error(self, self.tr("无法读取食堂设置。"), error, self.tr("没有修改任何数据。"))

    def save(self) -> None:
        from storage.canteen import save_canteen_settings

        values = self.values()
        db, actor, site_id = self.db, self.actor, self.site_id
        self.saving = True
        self.save_button.setEnabled(False)
        run_in_background(
            self,
            lambda _p: save_canteen_settings(db, actor, site_id, values),
            self._saved,
            self._save_failed,
            show_progress=False,
        )

    def _saved(self, _settings: CanteenSettings) -> None:
        self.saving = False
        self.save_button.setEnabled(self.can_edit)
        self.status.setText(self.tr("设置已保存"))
        self.saved.emit()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(self.can_edit)
        self.status.setText("")
        show_error(self, self.tr("食堂设置未保存。"), error, self.tr("已填写的内容仍在页面上，改正后再保存。"))

    def fill_from_roster(self) -> None:
        from storage.canteen import roster_departments

        db = self.db
        self.loading = True
        run_in_background(
            self, lambda _p: roster_departments(db), self._roster_shown, self._load_failed, show_progress=False
        )

    def _roster_shown(self, departments: list[tuple[str, int]]) -> None:
        self.loading = False
        groups = [{"name": name or self.tr("未填部门"), "headcount": count} for name, count in departments]
        self.fill({**self.values(), "groups": groups})

    # --- the form -----------------------------------------------------------------------------------

    def fill(self, values: dict[str, Any]) -> None:
        self._filling = True
        try:
            self.groups.setRowCount(0)
            for group in values.get("groups", []):
                self._append_group(str(group["name"]), str(group["headcount"]))
            self.tables.setValue(int(values["tables"]))
            self.seats.setValue(int(values["seats_per_table"]))
            self.seating.setCurrentIndex(max(self.seating.findData(values["seating"]), 0))
            self.meal.setValue(int(values["meal_minutes"]))
            self.cleaning.setValue(int(values["cleaning_minutes"]))
            self.window_start.setTime(qtime(str(values["window_start"])))
            self.window_end.setTime(qtime(str(values["window_end"])))
        finally:
            self._filling = False
        self.recompute()

    def _append_group(self, name: str, headcount: str) -> int:
        row = self.groups.rowCount()
        self.groups.insertRow(row)
        self.groups.setItem(row, 0, QTableWidgetItem(name))
        self.groups.setItem(row, 1, QTableWidgetItem(headcount))
        return row

    def values(self) -> dict[str, Any]:
        groups = []
        for row in range(self.groups.rowCount()):
            name_item, count_item = self.groups.item(row, 0), self.groups.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            count = count_item.text().strip() if count_item else ""
            if name or count:
                groups.append({"name": name, "headcount": count})
        return {
            "groups": groups,
            "tables": self.tables.value(),
            "seats_per_table": self.seats.value(),
            "seating": self.seating.currentData(),
            "meal_minutes": self.meal.value(),
            "cleaning_minutes": self.cleaning.value(),
            "window_start": self.window_start.time().toString("HH:mm"),
            "window_end": self.window_end.time().toString("HH:mm"),
        }

    @Slot()
    def add_group(self) -> None:
        self._filling = True
        row = self._append_group("", "")
        self._filling = False
        self.groups.setCurrentCell(row, 0)
        item = self.groups.item(row, 0)
        if item is not None:
            self.groups.editItem(item)

    @Slot()
    def remove_group(self) -> None:
        rows = sorted({index.row() for index in self.groups.selectedIndexes()}, reverse=True)
        for row in rows:
            self.groups.removeRow(row)
        self.recompute()

    @Slot()
    def recompute(self) -> None:
        """The plan of what is on the page now, as the core computes it; a value it refuses is said in words
        and the last plan stays greyed."""
        if self._filling:
            return
        rule = SeatingRule(self.seating.currentData())
        info = SEATING_RULES[rule]
        required = self.tr("来源要求") if info.required else self.tr("良好做法（设置项）")
        self.seating_source.setText(f"{required}: {info.source_en}" if english() else f"{required}：{info.source_zh}")
        try:
            settings = validate_canteen(self.values())
        except MeasurementError as error:
            if self.groups.rowCount() == 0:  # nothing typed yet: say what to do, not that it is wrong
                self.input_error.setStyleSheet(SECONDARY_TEXT_CSS)
                self.input_error.setText(
                    self.tr("还没有部门或班次：点“按花名册填入”或“添加部门”，即可排出错峰就餐时间表。")
                )
            else:
                self.input_error.setStyleSheet(ERROR_CSS)
                self.input_error.setText(
                    self.tr("无法安排：%1。").replace("%1", error.reason if english() else error.reason_zh)
                )
            self.input_error.show()
            self.timetable.setEnabled(False)
            self.print_button.setEnabled(False)
            self.plan = None
            return
        self.input_error.hide()
        self.timetable.setEnabled(True)
        self.print_button.setEnabled(True)
        self.plan = plan_sittings(settings)
        self._show_plan(self.plan)

    def _show_plan(self, plan: SittingPlan) -> None:
        self.timetable.setRowCount(len(plan.sittings))
        for row, sitting in enumerate(plan.sittings):
            names = ("; " if english() else "、").join(
                part.label_en() if english() else part.label_zh() for part in sitting.parts
            )
            cells = [
                self.tr("第 %1 场").replace("%1", str(sitting.number)),
                f"{clock(sitting.start)}–{clock(sitting.end)}",
                names,
                f"{sitting.people}/{plan.seats_per_sitting}",
            ]
            for column, text in enumerate(cells):
                self.timetable.setItem(row, column, QTableWidgetItem(text))
        if plan.fits:
            self.verdict.setStyleSheet("color: #2e7d32; font-weight: bold")
            self.verdict.setText(
                self.tr("共 %1 场，每场 %2 人，在供餐时段内。")
                .replace("%1", str(len(plan.sittings)))
                .replace("%2", str(plan.seats_per_sitting))
            )
        else:
            self.verdict.setStyleSheet("color: #c62828; font-weight: bold")
            self.verdict.setText(
                self.tr("供餐时段短了 %1 分钟：共需 %2 场。")
                .replace("%1", str(plan.short_by_minutes))
                .replace("%2", str(len(plan.sittings)))
            )
        self.explanation.setPlainText("\n".join(line.en if english() else line.zh for line in plan.lines))

    # --- the door sheet ----------------------------------------------------------------------------

    def choose_print_file(self) -> None:
        chosen = save_file_name(
            self, self.tr("保存食堂门口张贴单"), "食堂错峰就餐安排.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if chosen:
            self.print_to(Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))

    def print_to(self, path: Path) -> None:
        from export.canteen_sheet import write_canteen_sheet

        plan = self.plan
        if plan is None:
            return
        site = self.site_combo.currentText() if self.site_combo.currentData() is not None else ""
        language = current_language()
        run_in_background(
            self,
            lambda _p: write_canteen_sheet(path, plan, site, language),
            lambda _: self.status.setText(self.tr("已保存张贴单：%1").replace("%1", path.name)),
            lambda error: show_error(self, self.tr("张贴单未保存。"), error, self.tr("没有写出文件。")),
            self.tr("正在生成张贴单……"),
        )
