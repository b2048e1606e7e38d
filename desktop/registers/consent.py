"""个人信息保护: a person's consent records (date, version of the notice shown, purpose: epidemic control only),
recording one, and the notice's text itself.

Every check is the core's (:func:`checklist.ledger.validate_consent` through :func:`storage.roster.record_consent`:
no day in the future or before 2020, a version that is a version — 1, 1.2, 2020-02, compared as versions —, no
purpose but epidemic control); the same version recorded again (1 = 1.0) corrects its date, and the core audits
both. The notice texts are :data:`checklist.ledger.PRIVACY_NOTICES`; the notice in force may carry the company's
own text or a reference to it (台账设置, :func:`storage.roster.set_notice`), shown instead; another version the
product does not hold is recorded by its version only, and the dialog says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.ledger import CONSENT_PURPOSE, PRIVACY_NOTICES, privacy_notice
from desktop.common.dates import company_and_utc_text, python_date
from desktop.common.errors import error_label, error_text, refused_in_words
from desktop.common.i18n import english
from desktop.common.look import fit_to_screen
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel
from desktop.registers.page import day_edit, record_table

if TYPE_CHECKING:
    from storage.roster import ConsentView, EmployeeView


def purpose_text(purpose: str) -> str:
    if purpose == CONSENT_PURPOSE:
        return QCoreApplication.translate("Consent", "仅用于本次疫情防控")
    return purpose


def consent_text(version: str | None, current: str, covers_current: bool) -> str:
    """What the roster's consent column says of a person: none, the notice in force (or a later one), or only an
    older one — to be asked again. Whether a version covers the one in force is the core's
    (:func:`checklist.ledger.notice_at_least`: 10 is later than 9)."""
    if version is None:
        return QCoreApplication.translate("Consent", "未同意")
    if covers_current:
        return QCoreApplication.translate("Consent", "已同意（%1 版）").replace("%1", version)
    return (
        QCoreApplication.translate("Consent", "%1 版，需重新同意现行 %2 版")
        .replace("%1", version)
        .replace("%2", current)
    )


def notice_words(version: str, own_text: str = "") -> str:
    """The notice's text in the interface's language; the company's own text or reference (set with the version
    in 台账设置) comes first; else a sentence saying the product does not hold it."""
    if own_text.strip():
        return own_text
    text = privacy_notice(version)
    if text is None:
        return QCoreApplication.translate(
            "Consent", "本程序没有 %1 版告知书的文本（单位自行制作的告知书），只登记其版本号。"
        ).replace("%1", version)
    return text[1] if english() else text[0]


class ConsentColumn(IntEnum):
    DATE = 0
    VERSION = 1
    PURPOSE = 2
    RECORDED_BY = 3
    RECORDED_AT = 4


class ConsentModel(RowTableModel):
    """A person's consent records, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("同意日期"),
            self.tr("告知书版本"),
            self.tr("用途"),
            self.tr("登记人"),
            self.tr("登记时间"),
        ]

    def cell(self, row: ConsentView, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            ConsentColumn.DATE: row.consented_on.isoformat(),
            ConsentColumn.VERSION: row.notice_version,
            ConsentColumn.PURPOSE: purpose_text(row.purpose),
            ConsentColumn.RECORDED_BY: row.recorded_by,
            ConsentColumn.RECORDED_AT: company_and_utc_text(row.recorded_at),
        }
        return values.get(ConsentColumn(column), "")


class NoticeDialog(QDialog):
    """The text of one notice version, read-only (to show or read out to the person before they agree)."""

    def __init__(self, version: str, parent: QWidget | None = None, *, own_text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(self.tr("个人信息收集告知书（%1 版）").replace("%1", version))
        self.text = QPlainTextEdit(notice_words(version, own_text))
        self.text.setObjectName("noticeText")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 560)


class ConsentDialog(QDialog):
    """One person's consent records and the form to record one (officer or manager; an auditor reads).

    Args:
        person: the person as the roster shows them.
        current_version: the notice version in force (the ledger's setting), offered first.
        load: returns the person's records (runs off the GUI thread).
        record: stores (day, version); None: read-only.
        current_text: the company's own text of the notice in force, or where it is kept (台账设置).
    """

    def __init__(
        self,
        person: EmployeeView,
        current_version: str,
        load: Callable[[], list[ConsentView]],
        record: Callable[[dt.date, str], object] | None,
        parent: QWidget | None = None,
        *,
        current_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("个人信息收集同意：%1").replace("%1", person.name))
        self.person = person
        self.current_version = current_version
        self.current_text = current_text  # the company's own text (or reference) of the notice in force
        self._load = load
        self._record = record
        self.busy = False
        self.loading = False
        self.recorded = False

        self.summary = QLabel()
        self.summary.setObjectName("consentSummary")
        self.summary.setWordWrap(True)
        self.model = ConsentModel(self)
        self.table = record_table(self.model, "consentTable", read_only=True)
        self.table.setMaximumHeight(130)

        self.date_edit = day_edit("consentDate")
        self.version = QComboBox()
        self.version.setObjectName("consentVersion")
        self.version.setEditable(True)
        versions = [current_version, *(v for v in PRIVACY_NOTICES if v != current_version)]
        for version in versions:
            self.version.addItem(version)
        self.purpose = QLabel(purpose_text(CONSENT_PURPOSE))
        self.purpose.setObjectName("consentPurpose")
        self.notice = QPlainTextEdit()
        self.notice.setObjectName("consentNotice")
        self.notice.setReadOnly(True)
        self.hint = QLabel(
            self.tr(
                "先向本人出示告知书，本人同意后再登记；同一版本再次登记即更正其日期。每次登记和更正都记入审计记录。"
            )
        )
        self.hint.setWordWrap(True)
        self.error = error_label("consentError")
        form = QFormLayout()
        form.addRow(self.tr("同意日期(&D)："), self.date_edit)
        form.addRow(self.tr("告知书版本(&V)："), self.version)
        form.addRow(self.tr("用途："), self.purpose)
        record_box = QGroupBox(self.tr("登记同意"))
        record_layout = QVBoxLayout(record_box)
        record_layout.addLayout(form)
        record_layout.addWidget(self.notice, 1)
        record_layout.addWidget(self.hint)
        record_layout.addWidget(self.error)
        record_box.setEnabled(record is not None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("consentSave")
        self.save_button.setText(self.tr("登记同意(&R)"))
        self.save_button.setEnabled(record is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(record_box, 1)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.version.currentTextChanged.connect(self._show_notice)
        self._show_notice(self.version.currentText())
        fit_to_screen(self, 720, 640)
        self.reload()

    @Slot(str)
    def _show_notice(self, version: str) -> None:
        version = version.strip()
        own = self.current_text if version == self.current_version else ""
        self.notice.setPlainText(notice_words(version, own) if version else "")

    def reload(self) -> None:
        load = self._load
        self.loading = True
        run_in_background(
            self, lambda _progress: load(), self._loaded, self._failed, self.tr("正在读取……"), show_progress=False
        )

    def _loaded(self, records: list[ConsentView]) -> None:
        self.loading = False
        self.model.set_rows(records)
        if records:
            self.summary.setText(
                self.tr("已登记 %1 条同意记录，最近一次：%2，%3 版。")
                .replace("%1", str(len(records)))
                .replace("%2", records[0].consented_on.isoformat())
                .replace("%3", records[0].notice_version)
            )
        else:
            self.summary.setText(self.tr("尚未登记同意：请出示告知书，本人同意后登记。"))

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.busy = False
        self.save_button.setEnabled(self._record is not None)
        self.error.setText(error_text(error))
        self.error.show()

    @Slot()
    def _save(self) -> None:
        if self._record is None or self.busy:
            return
        record, day, version = self._record, python_date(self.date_edit.date()), self.version.currentText()
        self.busy = True
        self.save_button.setEnabled(False)
        self.error.hide()
        run_in_background(
            self,
            lambda _progress: record(day, version),
            self._saved,
            self._refused,
            self.tr("正在保存……"),
            show_progress=False,
        )

    def _saved(self, _result: object) -> None:
        self.busy = False
        self.recorded = True
        self.save_button.setEnabled(True)
        self.reload()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if refused_in_words(self, self.save_button, error, self.tr("未能登记。"), self.tr("没有修改任何数据。")):
            self.error.setText(error_text(error))
            self.error.show()
