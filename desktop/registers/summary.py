"""每日汇总: the daily summary of GN 一（二） for a date — headcount, checks, the people missing a reading and those
with a fever or symptoms by name, observation, returns — or 零报告 when nothing is abnormal; signed off by the
person in charge with the signing dialog of an inspection, and exported as PDF or workbook for the CDC.

The summary is the core's canonical record (:func:`export.ledger_reports.summary_record`, ID numbers and phones
masked); a signed day shows and exports the signed record and files byte for byte
(:func:`export.ledger_reports.write_summary`), and takes no more readings.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from checklist.workflow import Meaning
from desktop.common.assets import icon
from desktop.common.dates import python_date
from desktop.common.errors import show_error
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.registers.page import day_edit

if TYPE_CHECKING:
    from desktop.accounts.account import Account
    from desktop.signing.dialog import SignDialog, SignRequest
    from storage.db import Database

ZERO_CSS = "color:#2e7d32"
ABNORMAL_CSS = "color:#b71c1c"


class DaySummary(NamedTuple):
    """What the page shows: the record, and who signed it when (None: not signed off)."""

    day: dt.date
    record: dict[str, Any]
    signed_by: str | None
    signed_at: dt.datetime | None


def company_name(db: Database) -> str:
    from storage.companies import list_companies

    companies = list_companies(db)
    return companies[0].name if companies else ""


def load_summary(db: Database, day: dt.date) -> DaySummary:
    """The signed record of ``day`` if it was signed off, else the summary as the ledger stands now."""
    from export.ledger_reports import summary_record
    from storage.errors import NotFoundError
    from storage.ledger import sealed_day

    try:
        signoff = sealed_day(db, day)
    except NotFoundError:
        return DaySummary(day, summary_record(db, day, company_name(db)), None, None)
    return DaySummary(day, dict(signoff.summary), signoff.signer_name, signoff.signed_at)


class SummaryPage(QWidget):
    """The date, the summary, its sign-off, and the exports."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from checklist.workflow import SIGNING_ROLES

        self.db = db
        self.account = account
        self.can_sign = account.role in SIGNING_ROLES[Meaning.INSPECTOR]
        self.day = dt.date.today()
        self.summary: DaySummary | None = None
        self.loading = False
        self.sign_dialog: SignDialog | None = None
        self._wanted: dt.date | None = None

        self.date_edit = day_edit("summaryDate")
        date_label = QLabel(self.tr("日期(&D)："))
        date_label.setBuddy(self.date_edit)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("刷新(&R)"))
        self.refresh_button.setObjectName("summaryRefresh")
        self.sign_button = QPushButton(icon("sign"), self.tr("签署(&G)…"))
        self.sign_button.setObjectName("summarySign")
        self.pdf_button = QPushButton(icon("export"), self.tr("导出 PDF(&P)…"))
        self.pdf_button.setObjectName("summaryPdf")
        self.xlsx_button = QPushButton(icon("export"), self.tr("导出工作簿(&W)…"))
        self.xlsx_button.setObjectName("summaryXlsx")
        self.status = QLabel()
        self.status.setObjectName("summaryStatus")
        self.status.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("summaryView")
        self.view.setOpenLinks(False)

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        for button in (self.sign_button, self.pdf_button, self.xlsx_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.refresh_button.clicked.connect(lambda: self.show_day(self.day))
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self._update_buttons()

    # --- the summary --------------------------------------------------------------------------------

    def show_day(self, day: dt.date) -> None:
        if self.loading:  # one read at a time; the newest day asked for is read next
            self._wanted = day
            return
        self._wanted = None
        self.loading = True
        self.day = day
        self._update_buttons()
        db = self.db
        run_in_background(
            self,
            lambda _progress: load_summary(db, day),
            self._shown,
            self._load_failed,
            self.tr("正在生成每日汇总……"),
            show_progress=False,
        )

    def _shown(self, summary: DaySummary) -> None:
        self.loading = False
        if self._wanted is not None:
            self.show_day(self._wanted)
            return
        self.summary = summary
        if summary.signed_by is not None and summary.signed_at is not None:
            self.status.setText(
                self.tr("已由 %1 于 %2（UTC）签署；当日记录已锁定，导出的是签署时的文件。")
                .replace("%1", summary.signed_by)
                .replace("%2", summary.signed_at.strftime("%Y-%m-%d %H:%M"))
            )
        else:
            self.status.setText(self.tr("尚未签署：以下为按当前台账生成的汇总。"))
        self.view.setHtml(self.summary_html(summary.record))
        self._update_buttons()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        self._update_buttons()
        show_error(self, self.tr("无法生成每日汇总。"), error, self.tr("没有修改任何数据。"))

    def _update_buttons(self) -> None:
        ready = self.summary is not None and not self.loading
        signed = self.summary is not None and self.summary.signed_by is not None
        self.sign_button.setEnabled(ready and self.can_sign and not signed)
        self.pdf_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    def summary_html(self, record: dict[str, Any]) -> str:
        """The record as the page shows it (names in full, ID numbers and phones as the core masked them)."""
        zero = bool(record.get("zero_report"))
        zero_words, until_words = self.tr("零报告"), self.tr("观察期至")
        returned_words, steps_words = self.tr("今日返岗"), self.tr("下一步")
        headline = str(record.get("headline_en" if english() else "headline_zh", ""))
        parts = [f"<h2 style='{ZERO_CSS if zero else ABNORMAL_CSS}'>{escape(headline)}</h2>"]
        if zero:
            parts.append(f"<p style='{ZERO_CSS}'><b>{escape(zero_words)}</b></p>")
        counts = (
            (self.tr("在册"), record.get("headcount")),
            (self.tr("在岗"), record.get("on_site")),
            (self.tr("上午已测"), record.get("checked_morning")),
            (self.tr("下午已测"), record.get("checked_afternoon")),
            (self.tr("缺测"), record.get("missing_count")),
            (self.tr("观察中"), record.get("under_observation_count")),
        )
        cells = "".join(f"<td>{escape(label)}<br><b>{escape(str(value))}</b></td>" for label, value in counts)
        parts.append(f"<table cellpadding='6' border='1' cellspacing='0'><tr>{cells}</tr></table>")

        def people(title: str, rows: list[dict[str, Any]], describe: Any) -> None:
            if not rows:
                return
            items = "".join(f"<li>{escape(describe(row))}</li>" for row in rows)
            parts.append(f"<h3>{escape(title)}（{len(rows)}）</h3><ul>{items}</ul>")

        halves = {"上午": self.tr("上午"), "下午": self.tr("下午")}
        people(
            self.tr("发热或有症状"),
            list(record.get("flagged", [])),
            lambda r: " ".join(
                part
                for part in (
                    f"{r['name']}（{r.get('department') or '—'}）",
                    halves.get(str(r.get("half")), str(r.get("half"))),
                    f"{r['temperature_c']:.1f} °C" if r.get("temperature_c") is not None else "",
                    str(r.get("symptoms") or ""),
                )
                if part
            ),
        )

        def missing_halves(row: dict[str, Any]) -> str:
            halves_missing = (
                (self.tr("上午"), row.get("morning_missing")),
                (self.tr("下午"), row.get("afternoon_missing")),
            )
            return "、".join(text for text, gone in halves_missing if gone)

        people(
            self.tr("缺测"),
            list(record.get("missing", [])),
            lambda r: f"{r['name']}（{r.get('department') or '—'}）：{missing_halves(r)}",
        )
        people(
            self.tr("观察中"),
            list(record.get("under_observation", [])),
            lambda r: f"{r['name']} {r.get('kind', '')} {r.get('start', '')} – {r.get('end', '')}",
        )
        people(
            self.tr("观察期未满即在岗（BJTG 三）"),
            list(record.get("early_returns", [])),
            lambda r: f"{r['name']}：{until_words} {r.get('observation_end', '')}",
        )
        returned = [str(name) for name in record.get("returned_today", [])]
        if returned:
            parts.append(f"<p>{escape(returned_words)}：{escape('、'.join(returned))}</p>")
        steps = [str(step) for step in record.get("next_steps", [])]
        if steps:
            items = "".join(f"<li>{escape(step)}</li>" for step in steps)
            parts.append(f"<h3>{escape(steps_words)}</h3><ol>{items}</ol>")
        parts.append(f"<p><small>{escape(str(record.get('fever_threshold_note', '')))}</small></p>")
        return "".join(parts)

    # --- sign-off and exports -----------------------------------------------------------------------

    @Slot()
    def sign(self) -> None:
        """签署: the signing dialog of an inspection, for the day's summary (password again, signature pad)."""
        from desktop.signing.dialog import SignDialog
        from export.ledger_reports import sign_day

        if self.summary is None or self.summary.signed_by is not None:
            return
        db, day, name = self.db, self.day, self.account.name

        def sign(request: SignRequest) -> object:
            return sign_day(db, day, name, request.password, company_name(db))

        title = self.tr("每日汇总 %1").replace("%1", day.isoformat())
        dialog = SignDialog(self.account, [Meaning.INSPECTOR], title, sign, self)
        dialog.setWindowTitle(self.tr("签署每日汇总"))
        # the meaning of a day's signature is not an inspector's: it is the person in charge vouching for the day
        dialog.meaning_combo.setItemText(0, self.tr("当日汇总负责人签署"))
        dialog.meaning_combo.setToolTip(
            self.tr("负责人确认当日测温、缺测、发热及症状、医学观察的汇总真实、完整，并锁定当日记录")
        )
        dialog.statement.setText(
            self.tr(
                "本人作为负责人签署，确认当日汇总（测温、缺测、发热及症状、医学观察）真实、完整。"
                "签署后当日记录即被锁定，不能再修改；之后的任何改动都会被验证发现。"
            )
        )
        self.sign_dialog = dialog
        dialog.accepted.connect(self._signed)
        dialog.finished.connect(lambda _: setattr(self, "sign_dialog", None))
        dialog.open()

    @Slot()
    def _signed(self) -> None:
        self.show_day(self.day)

    def export(self, kind: str) -> None:
        """导出: the day's summary as PDF or workbook (a signed day's files byte for byte)."""
        from export.ledger_reports import write_summary

        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        title = self.tr("导出每日汇总 PDF") if kind == "pdf" else self.tr("导出每日汇总工作簿")
        pattern = self.tr("PDF 文件 (*.pdf)") if kind == "pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, title, f"每日汇总-{self.day.isoformat()}{suffix}", pattern)
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        db, day = self.db, self.day
        company = company_name(db)
        run_in_background(
            self,
            lambda _progress: write_summary(
                db, day, pdf=path if kind == "pdf" else None, xlsx=path if kind == "xlsx" else None, company=company
            ),
            lambda _record: self._exported(path),
            lambda error: show_error(self, self.tr("每日汇总未能导出。"), error, self.tr("没有修改任何数据。")),
            self.tr("正在导出每日汇总……"),
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("已导出：%1").replace("%1", str(path)))
        self.exported.emit(str(path))
