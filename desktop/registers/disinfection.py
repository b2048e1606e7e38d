"""通风消毒记录: the ventilation and disinfection log of a day (GN 二（四）（六）（十）) — entries, the plan per place
and the day's gaps against it, the sign-off by the person in charge (the signing dialog of the daily summary)
and the day's PDF.

The rules are the core's: :mod:`checklist.sites.disinfection` validates an entry and applies the rule engine's
reference method to a chlorine entry; :mod:`storage.site_log` stores, finds the gaps and refuses an entry on a
signed-off day (a correction is a new entry naming the one it corrects). Every read and write runs on the thread
pool (:class:`desktop.registers.page.RegisterPage`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.numbers import format_number
from checklist.sites.disinfection import KIND_EN, KIND_ZH, METHOD_EN, METHOD_ZH, Kind, Method
from checklist.workflow import SIGNING_ROLES, Meaning
from desktop.common.assets import icon
from desktop.common.dates import company_and_utc_minute, python_date
from desktop.common.errors import error_label, error_text, show_error
from desktop.common.file_dialogs import save_file_name
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel
from desktop.registers.page import RegisterPage, day_edit, record_table

if TYPE_CHECKING:
    from checklist.sites.disinfection import Gap
    from desktop.accounts.account import Account
    from desktop.signing.dialog import SignDialog, SignRequest
    from storage.db import Database
    from storage.errors import KnownError
    from storage.site_log import EntryView, PlanView

BAD_CSS = "color: #b71c1c"


def method_text(method: Method) -> str:
    return METHOD_EN[method] if english() else METHOD_ZH[method]


def kind_text(kind: Kind) -> str:
    return KIND_EN[kind] if english() else KIND_ZH[kind]


class EntryModel(RowTableModel):
    """The day's entries: number, time, place, method, strength and time, the reference verdict, by whom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("编号"),
            self.tr("时间"),
            self.tr("地点"),
            self.tr("方式"),
            self.tr("浓度与时间"),
            self.tr("参考方法"),
            self.tr("口罩箱/垃圾"),
            self.tr("执行人"),
            self.tr("更正"),
        ]

    def cell(self, row: Any, column: int, role: int) -> Any:
        entry: EntryView = row
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and entry.reference_ok is False:
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(entry.id)
        if column == 1:
            return entry.at.strftime("%H:%M")
        if column == 2:
            return entry.place
        if column == 3:
            return method_text(entry.method)
        if column == 4:
            if entry.chlorine_mg_per_l is not None:
                minutes = self.tr("%1 分钟").replace("%1", format_number(entry.contact_minutes or 0))
                return f"{format_number(entry.chlorine_mg_per_l)} mg/L, {minutes}"
            if entry.duration_minutes is not None:
                return self.tr("%1 分钟").replace("%1", format_number(entry.duration_minutes))
            return ""
        if column == 5:
            if entry.reference_ok is None:
                return ""
            return self.tr("符合") if entry.reference_ok else self.tr("不符合")
        if column == 6:
            done = [
                text
                for text, cleared in (
                    (self.tr("口罩箱"), entry.mask_bins_cleared),
                    (self.tr("垃圾"), entry.waste_cleared),
                )
                if cleared
            ]
            return self.tr("、").join(done)
        if column == 7:
            return entry.done_by
        if column == 8:
            return f"#{entry.corrects}" if entry.corrects is not None else ""
        return None


@dataclass(frozen=True)
class LogDay:
    """A day of the log as read on the thread pool: its entries, gaps and plans, and who signed it off."""

    entries: list[EntryView]
    gaps: list[Gap]
    plans: list[PlanView]
    signed_by: str | None
    signed_at: dt.datetime | None


def read_log_day(db: Database, day: dt.date) -> LogDay:
    """A day of the log (plain data: no widget touched, run off the GUI thread)."""
    from storage import site_log
    from storage.errors import NotFoundError

    entries = site_log.entries_of_day(db, day)
    gaps = site_log.gaps(db, day, day)
    plans = site_log.list_plans(db)
    try:
        signoff = site_log.sealed_day(db, day)
    except NotFoundError:
        return LogDay(entries, gaps, plans, None, None)
    return LogDay(entries, gaps, plans, signoff.signer_name, signoff.signed_at)


class DisinfectionPage(RegisterPage):
    """A day's log: the entry form, the entries, the gaps against the plan, the plan, the sign-off."""

    exported = Signal(str)

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(db, account, parent)
        self.can_sign = account.role in SIGNING_ROLES[Meaning.INSPECTOR]
        self.sealed = False
        self.signed_by: str | None = None
        self.gaps: list[Gap] = []
        self.plans: list[PlanView] = []
        self.sign_dialog: SignDialog | None = None

        self.date_edit = day_edit("logDate")
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        self.sign_button = QPushButton(icon("sign"), self.tr("签署当日记录(&G)…"))
        self.sign_button.setObjectName("logSign")
        self.pdf_button = QPushButton(icon("export"), self.tr("导出 PDF(&P)…"))
        self.pdf_button.setObjectName("logPdf")
        self.status = QLabel()
        self.status.setObjectName("logStatus")
        self.status.setWordWrap(True)

        # the entry form
        self.place_edit = QComboBox()
        self.place_edit.setObjectName("logPlace")
        self.place_edit.setEditable(True)
        self.time_edit = QTimeEdit(QTime.currentTime())
        self.time_edit.setObjectName("logTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("logMethod")
        for method in Method:
            self.method_combo.addItem(method_text(method), method.value)
        self.chlorine_edit = QLineEdit()
        self.chlorine_edit.setObjectName("logChlorine")
        self.chlorine_edit.setPlaceholderText(self.tr("如 500"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("logContact")
        self.contact_edit.setPlaceholderText(self.tr("如 30"))
        self.duration_edit = QLineEdit()
        self.duration_edit.setObjectName("logDuration")
        self.vehicle_check = QCheckBox(self.tr("通勤车辆内表面"))
        self.vehicle_check.setObjectName("logVehicle")
        self.bins_check = QCheckBox(self.tr("口罩回收箱已清理"))
        self.bins_check.setObjectName("logBins")
        self.waste_check = QCheckBox(self.tr("垃圾已清运"))
        self.waste_check.setObjectName("logWaste")
        self.done_by_edit = QLineEdit()
        self.done_by_edit.setObjectName("logDoneBy")
        self.corrects_edit = QLineEdit()
        self.corrects_edit.setObjectName("logCorrects")
        self.corrects_edit.setPlaceholderText(self.tr("所更正记录的编号（可不填）"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("logNote")
        self.add_button = QPushButton(icon("add"), self.tr("添加记录(&A)"))
        self.add_button.setObjectName("logAdd")
        self.form_error = error_label("logError")
        form = QFormLayout()
        form.addRow(self.tr("地点(&L)："), self.place_edit)
        form.addRow(self.tr("时间(&T)："), self.time_edit)
        form.addRow(self.tr("方式(&M)："), self.method_combo)
        form.addRow(self.tr("有效氯 mg/L："), self.chlorine_edit)
        form.addRow(self.tr("作用时间（分钟）："), self.contact_edit)
        form.addRow(self.tr("通风/照射（分钟）："), self.duration_edit)
        form.addRow("", self.vehicle_check)
        checks = QHBoxLayout()
        checks.addWidget(self.bins_check)
        checks.addWidget(self.waste_check)
        form.addRow("", checks)
        form.addRow(self.tr("执行人(&B)："), self.done_by_edit)
        form.addRow(self.tr("更正(&C)："), self.corrects_edit)
        form.addRow(self.tr("备注："), self.note_edit)
        form.addRow(self.add_button)
        form.addRow(self.form_error)
        entry_box = QGroupBox(self.tr("新记录"))
        entry_box.setLayout(form)

        # the plan
        self.plan_place = QLineEdit()
        self.plan_place.setObjectName("planPlace")
        self.plan_place.setPlaceholderText(self.tr("如 一号车间"))
        plan_place_label = QLabel(self.tr("计划地点(&N)："))
        plan_place_label.setBuddy(self.plan_place)
        self.plan_kind = QComboBox()
        self.plan_kind.setObjectName("planKind")
        for kind in Kind:
            self.plan_kind.addItem(kind_text(kind), kind.value)
        self.plan_times = QSpinBox()
        self.plan_times.setObjectName("planTimes")
        self.plan_times.setRange(1, 48)
        self.plan_times.setValue(4)
        self.plan_times.setSuffix(self.tr(" 次/日"))
        self.plan_start = day_edit("planStart")
        self.plan_start.setToolTip(self.tr("计划自哪天起执行：此前的日期不计缺漏"))
        plan_start_label = QLabel(self.tr("计划自(&S)："))
        plan_start_label.setBuddy(self.plan_start)
        self.plan_button = QPushButton(self.tr("设定计划"))
        self.plan_button.setObjectName("planSet")
        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        self.plan_remove = QPushButton(self.tr("删除所选计划"))
        self.plan_remove.setObjectName("planRemove")
        plan_row = QHBoxLayout()
        plan_row.addWidget(plan_place_label)
        plan_row.addWidget(self.plan_place, 1)
        plan_row.addWidget(self.plan_kind)
        plan_row.addWidget(self.plan_times)
        plan_row.addWidget(plan_start_label)
        plan_row.addWidget(self.plan_start)
        plan_row.addWidget(self.plan_button)
        plan_layout = QVBoxLayout()
        plan_layout.addLayout(plan_row)
        plan_layout.addWidget(self.plan_list, 1)
        plan_layout.addWidget(self.plan_remove)
        plan_box = QGroupBox(self.tr("计划（每个地点每日次数）"))
        plan_box.setLayout(plan_layout)

        # the day
        self.model = EntryModel(self)
        self.table = record_table(self.model, "logEntries")
        self.gap_list = QListWidget()
        self.gap_list.setObjectName("logGaps")
        self.gap_title = QLabel()
        self.gap_title.setObjectName("logGapTitle")

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addStretch(1)
        top.addWidget(self.sign_button)
        top.addWidget(self.pdf_button)
        left = QVBoxLayout()
        left.addWidget(entry_box)
        left.addWidget(plan_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.table, 3)
        right.addWidget(self.gap_title)
        right.addWidget(self.gap_list, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.add_button.clicked.connect(self.add_entry)
        self.plan_button.clicked.connect(self.set_plan)
        self.plan_remove.clicked.connect(self.remove_plan)
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self._method_changed()

    # --- showing a day -------------------------------------------------------------------------------

    def show_day(self, day: dt.date) -> None:
        """Read the day's entries, gaps, plans and sign-off on the thread pool, then show them."""
        self.day = day
        if self.date_edit.date() != QDate(day.year, day.month, day.day):
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            return  # dateChanged shows it
        db = self.db
        self.read(lambda: read_log_day(db, day), self._show, self.tr("无法读取通风消毒记录。"))

    def _show(self, loaded: LogDay) -> None:
        entries = loaded.entries
        self.gaps, self.plans = loaded.gaps, loaded.plans
        self.signed_by, signed_at = loaded.signed_by, loaded.signed_at
        self.sealed = self.signed_by is not None
        self.model.set_rows(entries)
        self.gap_list.clear()
        for gap in self.gaps:
            self.gap_list.addItem(
                self.tr("%1 %2：%3/%4 次，缺 %5 次")
                .replace("%1", gap.place)
                .replace("%2", kind_text(gap.kind))
                .replace("%3", str(gap.done))
                .replace("%4", str(gap.planned))
                .replace("%5", str(gap.short))
            )
        if self.plans:
            self.gap_title.setText(
                self.tr("未按计划完成：%1 处").replace("%1", str(len(self.gaps)))
                if self.gaps
                else self.tr("各地点均按计划完成。")
            )
        else:
            self.gap_title.setText(self.tr("尚未设定计划：设定每个地点每日的通风、消毒次数后，这里列出缺漏。"))
        self.gap_title.setStyleSheet(BAD_CSS if self.gaps else "")
        self.plan_list.clear()
        for plan in self.plans:
            text = (
                self.tr("%1 %2 每日 %3 次")
                .replace("%1", plan.place)
                .replace("%2", kind_text(plan.kind))
                .replace("%3", str(plan.times_per_day))
            )
            if plan.starts_on is not None:
                text += self.tr("，自 %1 起").replace("%1", plan.starts_on.isoformat())
            self.plan_list.addItem(text)
        places = sorted({p.place for p in self.plans} | {e.place for e in entries})
        typed = self.place_edit.currentText()
        self.place_edit.clear()
        self.place_edit.addItems(places)
        self.place_edit.setEditText(typed)
        if self.signed_by is not None and signed_at is not None:
            self.status.setText(
                self.tr(
                    "已由 %1 于 %2（UTC+8；%3 UTC）签署；当日记录已锁定，更正请在之后的日期新增一条记录并注明所更正的编号。"
                )
                .replace("%1", self.signed_by)
                .replace("%2", company_and_utc_minute(signed_at)[0])
                .replace("%3", company_and_utc_minute(signed_at)[1])
            )
        else:
            self.status.setText(self.tr("当日记录 %1 条，尚未签署。").replace("%1", str(len(entries))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.can_write and not self.sealed)
        self.plan_button.setEnabled(self.can_write)
        self.plan_remove.setEnabled(self.can_write)
        self.sign_button.setEnabled(self.can_sign and not self.sealed and self.model.rowCount() > 0)

    @Slot()
    def _method_changed(self) -> None:
        method = Method(self.method_combo.currentData())
        chlorine = method is Method.CHLORINE
        for widget in (self.chlorine_edit, self.contact_edit, self.vehicle_check):
            widget.setEnabled(chlorine)
        self.duration_edit.setEnabled(method in (Method.NATURAL_VENTILATION, Method.MECHANICAL_VENTILATION, Method.UV))

    # --- changes -------------------------------------------------------------------------------------

    @Slot()
    def add_entry(self) -> None:
        """添加记录: written on the thread pool; a refusal is said under the form, nothing saved."""
        from storage import site_log

        method = Method(self.method_combo.currentData())
        at = dt.datetime.combine(self.day, self.time_edit.time().toPython())  # type: ignore[arg-type]
        values: dict[str, object] = {
            "place": self.place_edit.currentText(),
            "at": at,
            "method": method.value,
            "done_by": self.done_by_edit.text(),
            "duration_minutes": self.duration_edit.text() if self.duration_edit.isEnabled() else None,
            "mask_bins_cleared": self.bins_check.isChecked(),
            "waste_cleared": self.waste_check.isChecked(),
            "note": self.note_edit.text(),
        }
        if method is Method.CHLORINE:
            values.update(
                {
                    "chlorine_mg_per_l": self.chlorine_edit.text(),
                    "contact_minutes": self.contact_edit.text(),
                    "vehicle_surfaces": self.vehicle_check.isChecked(),
                }
            )
        corrects_text = self.corrects_edit.text().strip().lstrip("#")
        if corrects_text and not corrects_text.isdigit():
            self._refused(self.tr("“更正”须填写所更正记录的编号（数字）；未保存任何数据。"))
            return
        db, actor = self.db, self.account.name
        corrects = int(corrects_text) if corrects_text else None
        # The refusal names the entry: another may have been typed into the form while this one was written.
        entry = self.tr("“%1” %2 的记录：").replace("%1", str(values["place"])).replace("%2", at.strftime("%H:%M"))
        self.write(
            lambda: site_log.add_entry(db, actor, values, corrects=corrects),
            self._entry_added,
            lambda error: self._refused(entry + error_text(error)),
        )

    def _entry_added(self, _entry_id: int) -> None:
        if not self.refused_meanwhile:  # an entry added before this one and refused stays said
            self.form_error.hide()
        for edit in (self.chlorine_edit, self.contact_edit, self.duration_edit, self.note_edit, self.corrects_edit):
            edit.clear()
        self.bins_check.setChecked(False)
        self.waste_check.setChecked(False)

    def _refused(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()

    @Slot()
    def set_plan(self) -> None:
        """设定计划: the place's plan from the chosen start date (no gap before it), written on the thread pool."""
        from storage import site_log

        values = {
            "place": self.plan_place.text(),
            "kind": self.plan_kind.currentData(),
            "times_per_day": self.plan_times.value(),
            "starts_on": python_date(self.plan_start.date()),
        }
        db, actor = self.db, self.account.name
        self.write(
            lambda: site_log.set_plan(db, actor, values),
            lambda _plan_id: self.plan_place.clear(),
            lambda error: self._plan_refused(self.tr("计划未能保存。"), error),
        )

    @Slot()
    def remove_plan(self) -> None:
        from storage import site_log

        row = self.plan_list.currentRow()
        if not 0 <= row < len(self.plans):
            return
        db, actor, plan_id = self.db, self.account.name, self.plans[row].id
        self.write(
            lambda: site_log.remove_plan(db, actor, plan_id),
            lambda _: None,
            lambda error: self._plan_refused(self.tr("计划未能删除。"), error),
        )

    def _plan_refused(self, what: str, error: KnownError) -> None:
        show_error(self, what, error, self.tr("原有计划不变。"))

    # --- sign-off and PDF ----------------------------------------------------------------------------

    @Slot()
    def sign(self) -> None:
        """签署: the signing dialog of the daily summary, for the day's log (password again)."""
        from desktop.registers.summary import company_name
        from desktop.signing.dialog import SignDialog
        from export.site_reports import sign_log_day

        if self.sealed:
            return
        db, day, name = self.db, self.day, self.account.name

        def sign(request: SignRequest) -> object:
            return sign_log_day(db, day, name, request.password, company_name(db))

        title = self.tr("通风消毒记录 %1").replace("%1", day.isoformat())
        dialog = SignDialog(self.account, [Meaning.INSPECTOR], title, sign, self)
        dialog.setWindowTitle(self.tr("签署通风消毒记录"))
        dialog.statement.setText(
            self.tr(
                "本人作为负责人签署，确认当日通风、消毒及垃圾清运记录真实、完整。"
                "签署后当日记录即被锁定；更正须另行新增记录，之后的任何改动都会被验证发现。"
            )
        )
        self.sign_dialog = dialog
        dialog.accepted.connect(lambda: self.show_day(self.day))
        dialog.finished.connect(lambda _: setattr(self, "sign_dialog", None))
        dialog.open()

    @Slot()
    def export_pdf(self) -> None:
        from desktop.registers.summary import company_name
        from export.site_reports import write_log_day

        chosen = save_file_name(
            self,
            self.tr("导出通风消毒记录 PDF"),
            f"通风消毒记录-{self.day.isoformat()}.pdf",
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        db, day = self.db, self.day
        company = company_name(db)
        run_in_background(
            self,
            lambda _progress: write_log_day(db, day, path, company),
            lambda _record: self._exported(path),
            lambda error: show_error(self, self.tr("通风消毒记录未能导出。"), error, self.tr("没有修改任何数据。")),
            self.tr("正在导出通风消毒记录……"),
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("已导出：%1").replace("%1", str(path)))
        self.exported.emit(str(path))
