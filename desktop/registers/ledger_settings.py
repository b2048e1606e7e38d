"""台账设置: the fever threshold, the privacy notice in force and the retention of personal health data, for the
manager (单位主要负责人).

The notice in force (个人信息收集告知书) is a version (1, 1.2, 2020-02: the core checks it and compares versions as
versions, :func:`checklist.ledger.notice_at_least`) and the company's own text of it or a reference to where it is
kept; :func:`storage.roster.set_notice` stores and audits it (who, when, old → new), and the dialog then says how
many people need to consent again (:func:`storage.roster.needing_consent`). Asking them again blocks nothing in
the ledger: that is the core's decision (:func:`checklist.ledger.consent_state`).

The threshold is 37.3 °C unless changed — 2020 practice, not a figure of the sources, and the dialog says so;
its range (37.0–38.5 °C) is the core's (:func:`storage.ledger.set_fever_threshold`), which refuses in words. The
retention (N days, and/or the day the epidemic period was declared over) is stored by
:func:`storage.ledger.set_retention`; applying it first shows what would be deleted or anonymised
(:func:`storage.ledger_retention.preview_retention`, nothing changed), asks, and only then runs
:func:`storage.ledger_retention.run_retention`, which records what it removed (the runs are listed here) and
keeps the signed daily summaries. Every change is the core's, audited there; others see the settings read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_today
from checklist.ledger import FEVER_THRESHOLD_NOTE
from desktop.common.dates import company_and_utc_text, python_date
from desktop.common.errors import error_label, error_text, is_known, show_error
from desktop.common.i18n import english
from desktop.common.look import fit_to_screen
from desktop.common.operations import Progress, run_in_background
from desktop.registers.page import day_edit

if TYPE_CHECKING:
    from storage.db import Database
    from storage.ledger import SettingsView
    from storage.ledger_retention import RetentionPreview, RetentionReport, RetentionRunView
    from storage.roster import NoticeView

T = TypeVar("T")
SettingsRead = tuple["SettingsView", list["RetentionRunView"], "NoticeView", int]


def reason_text(reason: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if reason == "epidemic_over":
        return QCoreApplication.translate("LedgerSettings", "疫情防控期已结束")
    return QCoreApplication.translate("LedgerSettings", "超过保存天数")


class LedgerSettingsDialog(QDialog):
    """Threshold, retention, the preview and run of the retention, and the runs made."""

    changed = Signal()  # a setting was saved or data removed: the pages read again

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from storage.roster import UNMASK_ROLES  # the manager's roles (ACCOUNT_ADMIN_ROLES)

        self.setObjectName("ledgerSettingsDialog")
        self.setWindowTitle(self.tr("台账设置"))
        self.db = db
        self.actor = actor
        self.can_change = role in UNMASK_ROLES
        self.busy = False
        self.loading = False
        self.preview: RetentionPreview | None = None
        self.report: RetentionReport | None = None
        self.confirm_box: QMessageBox | None = None
        self.today = company_today  # the company's day, not this computer's (a test sets the day)
        self.stored_retention: tuple[int | None, dt.date | None] | None = None  # as the core has it

        self.who = QLabel(
            self.tr("仅单位主要负责人可修改以下设置；每次修改都记入审计记录。")
            if self.can_change
            else self.tr("仅单位主要负责人可修改以下设置（当前账户只能查看）。")
        )
        self.who.setObjectName("settingsWho")
        self.who.setWordWrap(True)

        # --- the fever threshold
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("feverThreshold")
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(0.1)
        self.threshold.setRange(30.0, 45.0)  # what is plausible is the core's: it refuses in words
        self.threshold.setSuffix(" °C")
        self.threshold.setValue(37.3)
        self.threshold_note = QLabel(FEVER_THRESHOLD_NOTE[1] if english() else FEVER_THRESHOLD_NOTE[0])
        self.threshold_note.setObjectName("thresholdNote")
        self.threshold_note.setWordWrap(True)
        self.save_threshold_button = QPushButton(self.tr("保存阈值(&T)"))
        self.save_threshold_button.setObjectName("saveThreshold")
        threshold_row = QHBoxLayout()
        threshold_label = QLabel(self.tr("发热阈值(&F)："))
        threshold_label.setBuddy(self.threshold)
        threshold_row.addWidget(threshold_label)
        threshold_row.addWidget(self.threshold)
        threshold_row.addWidget(self.save_threshold_button)
        threshold_row.addStretch(1)
        threshold_box = QGroupBox(self.tr("发热阈值"))
        threshold_layout = QVBoxLayout(threshold_box)
        threshold_layout.addLayout(threshold_row)
        threshold_layout.addWidget(self.threshold_note)

        # --- the privacy notice in force
        self.notice_version = QLineEdit()
        self.notice_version.setObjectName("noticeVersion")
        self.notice_version.setMaxLength(20)
        self.notice_version.setPlaceholderText(self.tr("如 1、1.2 或 2020-02"))
        self.notice_text = QPlainTextEdit()
        self.notice_text.setObjectName("noticeOwnText")
        self.notice_text.setPlaceholderText(
            self.tr("本单位告知书的全文，或其存放位置（如“见员工手册第 5 章”）；留空则使用本程序所附该版本的文本。")
        )
        self.notice_text.setMaximumHeight(64)
        self.save_notice_button = QPushButton(self.tr("保存告知书(&O)"))
        self.save_notice_button.setObjectName("saveNotice")
        self.notice_status = QLabel()
        self.notice_status.setObjectName("noticeStatus")
        self.notice_status.setWordWrap(True)
        notice_row = QHBoxLayout()
        notice_label = QLabel(self.tr("现行版本(&V)："))
        notice_label.setBuddy(self.notice_version)
        notice_row.addWidget(notice_label)
        notice_row.addWidget(self.notice_version)
        notice_row.addWidget(self.save_notice_button)
        notice_row.addStretch(1)
        notice_box = QGroupBox(self.tr("个人信息收集告知书"))
        notice_layout = QVBoxLayout(notice_box)
        notice_layout.addLayout(notice_row)
        notice_layout.addWidget(self.notice_text)
        notice_layout.addWidget(self.notice_status)
        self.stored_notice: NoticeView | None = None

        # --- retention
        self.use_days = QCheckBox(self.tr("超过以下天数的个人健康信息删除(&N)："))
        self.use_days.setObjectName("useRetentionDays")
        self.days = QSpinBox()
        self.days.setObjectName("retentionDays")
        self.days.setRange(0, 99999)  # the core's range (1–3650) refuses in words
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" 天"))
        self.use_over = QCheckBox(self.tr("疫情防控期已宣布结束，日期(&E)："))
        self.use_over.setObjectName("useEpidemicOver")
        self.over_date = day_edit("epidemicOverOn")
        self.save_retention_button = QPushButton(self.tr("保存期限设置(&S)"))
        self.save_retention_button.setObjectName("saveRetention")
        self.preview_button = QPushButton(self.tr("预览清理(&P)…"))
        self.preview_button.setObjectName("previewRetention")
        self.run_button = QPushButton(self.tr("执行清理(&R)…"))
        self.run_button.setObjectName("runRetention")
        retention_form = QFormLayout()
        retention_form.addRow(self.use_days, self.days)
        retention_form.addRow(self.use_over, self.over_date)
        retention_help = QLabel(
            self.tr(
                "到期后删除体温记录和已结束的医学观察（仍在观察的人员及其观察保留至观察结束）；离岗且已无记录的人员"
                "匿名化（姓名、身份证号、手机号、宿舍、返回地清空）。疫情防控期结束后，仍在进行的医学观察于清理当日"
                "结束，全部体温记录和医学观察删除、全部人员匿名化。已签署的每日汇总、同意记录和审计记录保留；每次"
                "清理都记录删除了什么。"
            )
        )
        retention_help.setWordWrap(True)
        retention_buttons = QHBoxLayout()
        retention_buttons.addWidget(self.save_retention_button)
        retention_buttons.addStretch(1)
        retention_buttons.addWidget(self.preview_button)
        retention_buttons.addWidget(self.run_button)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setObjectName("retentionPreview")
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(self.tr("点“预览清理”查看将删除和匿名化的数据；预览不修改任何数据。"))
        retention_box = QGroupBox(self.tr("个人健康信息保存期限（个人信息保护）"))
        retention_layout = QVBoxLayout(retention_box)
        retention_layout.addLayout(retention_form)
        retention_layout.addWidget(retention_help)
        retention_layout.addLayout(retention_buttons)
        self.unsaved_hint = QLabel(self.tr("保存期限已修改但尚未保存：预览和清理按已保存的设置进行，请先保存。"))
        self.unsaved_hint.setObjectName("retentionUnsaved")
        self.unsaved_hint.setWordWrap(True)
        self.unsaved_hint.setVisible(False)
        retention_layout.addWidget(self.unsaved_hint)
        retention_layout.addWidget(self.preview_text, 1)

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.error = error_label("settingsError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(threshold_box)
        layout.addWidget(notice_box)
        layout.addWidget(retention_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 800)

        self.use_days.toggled.connect(lambda _: self._update())
        self.use_over.toggled.connect(lambda _: self._update())
        self.days.valueChanged.connect(lambda _: self._update())
        self.over_date.dateChanged.connect(lambda _: self._update())
        self.save_threshold_button.clicked.connect(self.save_threshold)
        self.save_notice_button.clicked.connect(self.save_notice)
        self.save_retention_button.clicked.connect(self.save_retention)
        self.preview_button.clicked.connect(self.preview_removal)
        self.run_button.clicked.connect(self.confirm_removal)
        self._update()
        self.reload()

    # --- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        from storage.ledger import get_settings
        from storage.ledger_retention import retention_runs
        from storage.roster import current_notice, needing_consent

        db = self.db
        self.loading = True
        self._update()
        run_in_background(
            self,
            lambda _progress: (get_settings(db), retention_runs(db), current_notice(db), needing_consent(db)),
            self._loaded,
            self._failed,
            self.tr("正在读取……"),
            show_progress=False,
        )

    def _loaded(self, read: SettingsRead) -> None:
        settings, runs, notice, needing = read
        self.loading = False
        self.stored_notice = notice
        self.notice_version.setText(notice.version)
        self.notice_text.setPlainText(notice.text)
        self.show_needing(notice.version, needing)
        self.threshold.setValue(settings.fever_threshold_c)
        self.use_days.setChecked(settings.retention_days is not None)
        if settings.retention_days is not None:
            self.days.setValue(settings.retention_days)
        self.use_over.setChecked(settings.epidemic_over_on is not None)
        if settings.epidemic_over_on is not None:
            day = settings.epidemic_over_on
            self.over_date.setDate(QDate(day.year, day.month, day.day))
        self.stored_retention = (settings.retention_days, settings.epidemic_over_on)
        if runs and not self.preview_text.toPlainText():
            self.preview_text.setPlainText(self.runs_text(runs))
        self._update()

    def show_needing(self, version: str, needing: int) -> None:
        if needing:
            self.notice_status.setText(
                self.tr(
                    "现行 %1 版。%2 人尚未同意现行版本（含只同意过旧版本的人员），需在花名册中重新登记同意；体温登记不受影响。"
                )
                .replace("%1", version)
                .replace("%2", f"{needing:,}")
            )
        else:
            self.notice_status.setText(self.tr("现行 %1 版。花名册中所有人员均已同意现行版本。").replace("%1", version))

    def form_retention(self) -> tuple[int | None, dt.date | None]:
        """The retention as the form shows it (N days, the day the epidemic was declared over)."""
        return (
            self.days.value() if self.use_days.isChecked() else None,
            python_date(self.over_date.date()) if self.use_over.isChecked() else None,
        )

    def runs_text(self, runs: list[RetentionRunView]) -> str:
        lines = [self.tr("已执行的清理：")]
        for run in runs:
            if run.altered:  # what it removed was altered outside the application: the counts are not known
                line = self.tr("%1 %2：%3，删除 %4 之前的数据；这次清理的记录在本程序之外被改动过，删除的数量无法读取")
            else:
                line = (
                    self.tr("%1 %2：%3，删除 %4 之前的体温记录 %5 条、医学观察 %6 条，匿名化 %7 人")
                    .replace("%5", str(run.readings))
                    .replace("%6", str(run.observations))
                    .replace("%7", str(run.anonymised))
                )
            lines.append(
                line.replace("%1", company_and_utc_text(run.run_at))
                .replace("%2", run.by)
                .replace("%3", reason_text(run.reason))
                .replace("%4", run.cutoff.isoformat())
            )
        return "\n".join(lines)

    def _update(self) -> None:
        idle = not self.busy and not self.loading
        editable = self.can_change and idle
        self.notice_version.setReadOnly(not editable)
        self.notice_text.setReadOnly(not editable)
        for widget in (
            self.threshold,
            self.save_threshold_button,
            self.save_notice_button,
            self.use_days,
            self.use_over,
            self.save_retention_button,
            self.preview_button,
        ):
            widget.setEnabled(editable)
        self.days.setEnabled(editable and self.use_days.isChecked())
        self.over_date.setEnabled(editable and self.use_over.isChecked())
        # a preview and a run apply the stored setting: not while the form says something else
        unsaved = self.stored_retention is not None and self.form_retention() != self.stored_retention
        self.unsaved_hint.setVisible(self.can_change and unsaved)
        self.preview_button.setEnabled(editable and not unsaved)
        self.run_button.setEnabled(editable and not unsaved and self.preview is not None)

    # --- changing -----------------------------------------------------------------------------------

    def _start(self, work: Callable[[Progress], T], on_success: Callable[[T], None], label: str) -> None:
        self.busy = True
        self.error.hide()
        self._update()
        run_in_background(self, work, on_success, self._failed, label, show_progress=False)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.loading = False
        self._update()
        if not is_known(error):
            show_error(self, self.tr("操作未完成。"), error, self.tr("没有修改任何数据。"))
            return
        self.error.setText(error_text(error))
        self.error.show()

    @Slot()
    def save_threshold(self) -> None:
        from storage.ledger import set_fever_threshold

        db, actor, value = self.db, self.actor, round(self.threshold.value(), 1)
        self._start(
            lambda _progress: set_fever_threshold(db, actor, value), self._threshold_saved, self.tr("正在保存……")
        )

    def _threshold_saved(self, threshold: float) -> None:
        self.busy = False
        self._update()
        self.message.setText(
            self.tr("发热阈值已改为 %1 °C；已录入的体温保留录入时的判断。").replace("%1", f"{threshold:g}")
        )
        self.changed.emit()

    @Slot()
    def save_notice(self) -> None:
        """Put the version (and its text or reference) in force; the core checks the version and audits."""
        from storage.roster import needing_consent, set_notice

        db, actor = self.db, self.actor
        version, text = self.notice_version.text(), self.notice_text.toPlainText()

        def work(_progress: Progress) -> tuple[NoticeView, int]:
            return set_notice(db, actor, version, text), needing_consent(db)

        self._start(work, self._notice_saved, self.tr("正在保存……"))

    def _notice_saved(self, saved: tuple[NoticeView, int]) -> None:
        notice, needing = saved
        old = self.stored_notice
        self.busy = False
        self.stored_notice = notice
        self.notice_version.setText(notice.version)
        self._update()
        self.show_needing(notice.version, needing)
        if old is not None and old.version != notice.version:
            self.message.setText(
                self.tr("现行告知书已由 %1 版改为 %2 版。").replace("%1", old.version).replace("%2", notice.version)
            )
        else:
            self.message.setText(self.tr("告知书设置已保存。"))
        self.changed.emit()

    @Slot()
    def save_retention(self) -> None:
        from storage.ledger import set_retention

        db, actor = self.db, self.actor
        days, over = self.form_retention()
        self._start(
            lambda _progress: set_retention(db, actor, days, over),
            lambda _result: self._retention_saved(days, over),
            self.tr("正在保存……"),
        )

    def _retention_saved(self, days: int | None, over: dt.date | None) -> None:
        self.busy = False
        self.stored_retention = (days, over)
        self.preview = None  # a preview of the old setting is no longer what a run would do
        self._update()
        self.message.setText(self.tr("保存期限设置已保存。"))
        self.changed.emit()

    @Slot()
    def preview_removal(self) -> None:
        """Count what a run would remove now (nothing is changed)."""
        from storage.ledger_retention import preview_retention

        db, today = self.db, self.today()
        self.preview = None
        self._start(lambda _progress: preview_retention(db, today), self._previewed, self.tr("正在统计……"))

    def _previewed(self, preview: RetentionPreview) -> None:
        self.busy = False
        self.preview = preview
        self.preview_text.setPlainText(self.preview_words(preview))
        self._update()

    def preview_words(self, preview: RetentionPreview) -> str:
        days = (
            self.tr("（%1 至 %2）")
            .replace("%1", preview.reading_days[0].isoformat())
            .replace("%2", preview.reading_days[1].isoformat())
            if preview.reading_days
            else ""
        )
        return "\n".join(
            (
                self.tr("按“%1”清理，删除 %2 之前的个人健康信息：")
                .replace("%1", reason_text(preview.reason))
                .replace("%2", preview.cutoff.isoformat()),
                self.tr("· 删除体温记录 %1 条%2").replace("%1", f"{preview.readings:,}").replace("%2", days),
                self.tr("· 删除医学观察 %1 条（含其变更记录）").replace("%1", f"{preview.observations:,}"),
                *(
                    [
                        self.tr("· 其中仍在进行的医学观察 %1 条先于今日结束（疫情防控期已结束，记入审计记录）").replace(
                            "%1", f"{preview.observations_ended:,}"
                        )
                    ]
                    if preview.observations_ended
                    else []
                ),
                self.tr("· 匿名化人员 %1 人（姓名改为“已匿名 #编号”，身份证号、手机号、宿舍、返回地清空）").replace(
                    "%1", f"{preview.anonymised:,}"
                ),
                self.tr("保留：已签署的每日汇总 %1 份、同意记录、审计记录，以及本次清理的记录。").replace(
                    "%1", f"{preview.signed_days_kept:,}"
                ),
                self.tr("以上只是预览，尚未删除任何数据。"),
            )
        )

    @Slot()
    def confirm_removal(self) -> None:
        """Ask, saying what goes; the removal cannot be undone."""
        preview = self.preview
        if preview is None or self.busy:
            return
        box = QMessageBox(self)
        box.setObjectName("retentionConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("执行清理"))
        box.setText(
            self.tr("将删除体温记录 %1 条、医学观察 %2 条，匿名化 %3 人。删除后无法恢复。确定执行吗？")
            .replace("%1", f"{preview.readings:,}")
            .replace("%2", f"{preview.observations:,}")
            .replace("%3", f"{preview.anonymised:,}")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._answered(result == QMessageBox.StandardButton.Yes))
        self.confirm_box = box
        box.open()

    def _answered(self, confirmed: bool) -> None:
        from storage.ledger_retention import run_retention

        self.confirm_box = None
        if not confirmed:
            self.message.setText(self.tr("未执行清理，没有删除任何数据。"))
            return
        db, actor, today = self.db, self.actor, self.today()
        self._start(lambda _progress: run_retention(db, actor, today), self._removed, self.tr("正在清理……"))

    def _removed(self, report: RetentionReport) -> None:
        self.busy = False
        self.preview = None
        self.report = report
        self.message.setText(
            self.tr("清理完成：删除体温记录 %1 条、医学观察 %2 条，匿名化 %3 人；已记录本次清理。")
            .replace("%1", f"{report.readings:,}")
            .replace("%2", f"{report.observations:,}")
            .replace("%3", f"{report.anonymised:,}")
        )
        self.preview_text.clear()
        self.changed.emit()
        self.reload()
