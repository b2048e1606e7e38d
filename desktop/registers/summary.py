"""每日汇总: the daily summary of GN 一（二） for a date — headcount, checks, the people missing a reading and those
with a fever or symptoms by name, observation, returns — or 零报告 when nothing is abnormal; signed off by the
person in charge with the signing dialog of an inspection, and exported as PDF or workbook for the CDC.

The page reads :func:`storage.ledger.summary_view`: the counts and the first page of each named list (缺测, 发热或
有症状, 观察中), 100 at a time, the next pages read when asked (上一页 / 下一页) — never every name of a 20,000-person
day. The canonical record with its digest (:func:`export.ledger_reports.summary_record`, every name, ID numbers and
phones masked, the SHA-256 of the day's readings) is made only to sign or export; a signed day shows and exports
the signed record and files byte for byte (:func:`export.ledger_reports.write_summary`), and takes no more
readings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from checklist.company import company_today
from checklist.workflow import Meaning
from desktop.common.assets import icon
from desktop.common.dates import company_and_utc_minute, python_date
from desktop.common.errors import show_error
from desktop.common.file_dialogs import save_file_name
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.registers.page import day_edit

if TYPE_CHECKING:
    from desktop.accounts.account import Account
    from desktop.signing.dialog import SignDialog, SignRequest
    from storage.db import Database
    from storage.ledger import SummaryView

ZERO_CSS = "color:#2e7d32"
ABNORMAL_CSS = "color:#b71c1c"
NOTHING_CSS = "color:#424242"  # nobody on the roster: neither a zero report nor an alarm
PAGE_SIZE = 100  # names of a list shown at a time
LISTS = ("missing", "flagged", "observation")


def company_name(db: Database) -> str:
    from storage.companies import list_companies

    companies = list_companies(db)
    return companies[0].name if companies else ""


def load_summary(db: Database, day: dt.date, counted: tuple[int, int, int] | None = None) -> SummaryView:
    """What the page shows of ``day``: the quick summary and a page of each list, or the signed record;
    ``counted``: the day's counts from its readings, when the database's kept ones were found not to agree."""
    from storage.ledger import summary_view

    return summary_view(db, day, page=PAGE_SIZE, counted=counted)


class NamesPane(QWidget):
    """One named list of the summary, a page at a time, with 上一页 / 下一页 and where the page is."""

    page_wanted = Signal(int)  # the offset of the page asked for

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offset = 0
        self.total = 0
        self.list = QListWidget()
        self.list.setObjectName(f"summary_{name}_list")
        self.position = QLabel()
        self.position.setObjectName(f"summary_{name}_position")
        self.previous_button = QPushButton(self.tr("上一页(&U)"))
        self.previous_button.setObjectName(f"summary_{name}_previous")
        self.next_button = QPushButton(self.tr("下一页(&N)"))
        self.next_button.setObjectName(f"summary_{name}_next")
        bar = QHBoxLayout()
        bar.addWidget(self.position, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        self.previous_button.clicked.connect(lambda: self.page_wanted.emit(max(0, self.offset - PAGE_SIZE)))
        self.next_button.clicked.connect(lambda: self.page_wanted.emit(self.offset + PAGE_SIZE))
        self.show_rows([], 0, 0)

    def show_rows(self, rows: Sequence[str], offset: int, total: int) -> None:
        self.offset, self.total = offset, total
        self.list.clear()
        self.list.addItems(list(rows))
        if rows:
            self.list.setCurrentRow(0)
            self.position.setText(
                self.tr("第 %1–%2 条，共 %3 条")
                .replace("%1", f"{offset + 1:,}")
                .replace("%2", f"{offset + len(rows):,}")
                .replace("%3", f"{total:,}")
            )
        else:
            self.position.setText(self.tr("无"))
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.previous_button.setEnabled(not busy and self.offset > 0)
        self.next_button.setEnabled(not busy and self.offset + PAGE_SIZE < self.total)


class SummaryPage(QWidget):
    """The date, the summary's counts, its named lists a page at a time, its sign-off, and the exports."""

    loaded = Signal()
    checked = Signal()  # the counts shown were checked against the day's readings
    paged = Signal(str)  # a list showed another page (its name)
    exported = Signal(str)

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from checklist.workflow import SIGNING_ROLES

        self.db = db
        self.account = account
        self.can_sign = account.role in SIGNING_ROLES[Meaning.INSPECTOR]
        self.day = company_today()
        self.summary: SummaryView | None = None
        self.loading = False
        self.sign_dialog: SignDialog | None = None
        self._wanted: tuple[dt.date, tuple[int, int, int] | None] | None = None
        self.recounted = False  # the counts shown were counted from the readings: the kept ones did not agree
        self._counted: tuple[int, int, int] | None = None  # those counts (上午, 下午, both), for the missing pages
        self._shown_number = 0  # which summary the lists belong to: a page read for an older one is dropped

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
        self.panes = {name: NamesPane(name) for name in LISTS}
        self.lists = QTabWidget()
        self.lists.setObjectName("summaryLists")
        for name in LISTS:
            self.lists.addTab(self.panes[name], "")
            self.panes[name].page_wanted.connect(lambda offset, name=name: self.show_page(name, offset))
        self._label_tabs({})

        top = QHBoxLayout()
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        for button in (self.sign_button, self.pdf_button, self.xlsx_button):
            top.addWidget(button)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.date_edit.dateChanged.connect(lambda date: self.show_day(python_date(date)))
        self.refresh_button.clicked.connect(lambda: self.show_day(self.day))
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self._update_buttons()

    # --- the summary --------------------------------------------------------------------------------

    def show_day(self, day: dt.date, counted: tuple[int, int, int] | None = None) -> None:
        """Read and show ``day`` (``counted``: its counts from the readings, see :meth:`_check_counts`)."""
        if self.loading:  # one read at a time; the newest day asked for is read next
            self._wanted = (day, counted)
            return
        self._wanted = None
        self.loading = True
        self.day = day
        self._update_buttons()
        db = self.db
        run_in_background(
            self,
            lambda _progress: load_summary(db, day, counted),
            lambda summary: self._shown(summary, counted),
            self._load_failed,
            self.tr("正在生成每日汇总……"),
            show_progress=False,
        )

    def _shown(self, summary: SummaryView, counted: tuple[int, int, int] | None = None) -> None:
        self.loading = False
        if self._wanted is not None:
            self.show_day(*self._wanted)
            return
        self.summary = summary
        self._counted = counted
        self.recounted = recounted = counted is not None
        self._shown_number += 1
        if summary.signed_by is not None and summary.signed_at is not None:
            self.status.setText(
                self.tr("已由 %1 于 %2（UTC+8；%3 UTC）签署；当日记录已锁定，导出的是签署时的文件。")
                .replace("%1", summary.signed_by)
                .replace("%2", company_and_utc_minute(summary.signed_at)[0])
                .replace("%3", company_and_utc_minute(summary.signed_at)[1])
            )
        elif recounted:
            self.status.setText(
                self.tr(
                    "注意：数据库中保存的当日计数与体温记录不符（可能被直接改动），以下数字已按体温记录重新计数；"
                    "签署和导出的汇总均按体温记录计数。请检查谁能直接修改数据库。"
                )
            )
        else:
            self.status.setText(self.tr("尚未签署：以下为按当前台账生成的汇总。"))
        self.view.setHtml(self.summary_html(self.figures(summary)))
        totals = self._totals(summary)
        self._label_tabs(totals)
        for name in LISTS:
            rows, total = self._signed_page(name, 0) if summary.signed is not None else self._first_page(name)
            self.panes[name].show_rows(rows, 0, total)
        self._update_buttons()
        self.loaded.emit()
        if summary.signed is None and not recounted:
            self._check_counts(summary.day)

    def _check_counts(self, day: dt.date) -> None:
        """After the page is shown, in the background: the counts the database keeps (what the page showed) against
        the day's readings counted again. Where they differ — changed by hand, or written by a route the triggers
        miss — the page is read again with the readings' counts and says so: it does not trust the kept ones."""
        from storage.ledger import recounted_day

        db, number = self.db, self._shown_number

        def compared(counts: tuple[tuple[int, int, int], tuple[int, int, int]]) -> None:
            kept, counted = counts
            if number != self._shown_number:  # another summary was shown meanwhile
                return
            if kept != counted:
                self.show_day(day, counted)
            self.checked.emit()

        run_in_background(
            self,
            lambda _progress: recounted_day(db, day),
            compared,
            lambda error: show_error(self, self.tr("无法核对每日汇总的计数。"), error, self.tr("没有修改任何数据。")),
            self.tr("正在核对计数……"),
            show_progress=False,
        )

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

    def _label_tabs(self, totals: dict[str, int]) -> None:
        titles = {
            "missing": self.tr("缺测（%1）"),
            "flagged": self.tr("发热或有症状（%1 人次）"),
            "observation": self.tr("观察中（%1）"),
        }
        for index, name in enumerate(LISTS):
            self.lists.setTabText(index, titles[name].replace("%1", f"{totals.get(name, 0):,}"))

    @staticmethod
    def _totals(summary: SummaryView) -> dict[str, int]:
        if summary.signed is not None:
            record = summary.signed
            return {
                "missing": len(record.get("missing", [])),
                "flagged": len(record.get("flagged", [])),
                "observation": len(record.get("under_observation", [])),
            }
        assert summary.summary is not None
        return {
            "missing": summary.summary.missing_count,
            "flagged": summary.flagged_total,
            "observation": summary.summary.under_observation_count,
        }

    # --- the named lists ----------------------------------------------------------------------------

    def _first_page(self, name: str) -> tuple[list[str], int]:
        """The first page of a list of a day not signed off, as the summary read it."""
        assert self.summary is not None and self.summary.summary is not None
        summary = self.summary.summary
        rows: Sequence[Any] = {
            "missing": summary.missing,
            "flagged": summary.flagged,
            "observation": summary.under_observation,
        }[name]
        return self._row_texts(name, rows), self._totals(self.summary)[name]

    def _row_texts(self, name: str, rows: Sequence[Any]) -> list[str]:
        """The lines of list ``name`` for the core's rows (``Missing``, ``NamedReading`` or ``ObservationView``), as
        the summary holds them or a further page reads them."""
        if name == "missing":
            return [self.missing_text(m.employee_id, m.name, m.morning, m.afternoon) for m in rows]
        if name == "flagged":
            return [
                self.flagged_text(r.employee_id, r.name, int(r.half), r.temperature_c, self._symptoms(r.symptoms))
                for r in rows
            ]
        return [self.observed_text(o.employee_id, o.name, self._kind(o.kind.value), o.start, o.end) for o in rows]

    def _signed_page(self, name: str, offset: int) -> tuple[list[str], int]:
        """A page of a list of the signed record (every name is in it)."""
        assert self.summary is not None and self.summary.signed is not None
        record = self.summary.signed
        halves = {"上午": 0, "下午": 1}
        kinds = {"居家": "home", "集中": "central"}
        if name == "missing":
            rows = list(record.get("missing", []))
            texts = [
                self.missing_text(r["no"], r["name"], bool(r["morning_missing"]), bool(r["afternoon_missing"]))
                for r in rows[offset : offset + PAGE_SIZE]
            ]
        elif name == "flagged":
            rows = list(record.get("flagged", []))
            texts = [
                self.flagged_text(
                    r["no"], r["name"], halves.get(str(r["half"]), 0), r.get("temperature_c"), str(r["symptoms"] or "")
                )
                for r in rows[offset : offset + PAGE_SIZE]
            ]
        else:
            rows = list(record.get("under_observation", []))
            texts = [
                self.observed_text(r["no"], r["name"], self._kind(kinds.get(str(r["kind"]), "")), r["start"], r["end"])
                for r in rows[offset : offset + PAGE_SIZE]
            ]
        return texts, len(rows)

    def show_page(self, name: str, offset: int) -> None:
        """Show the page of list ``name`` from ``offset``: read in the background for a day not signed off."""
        if self.summary is None or self.loading:
            return
        pane = self.panes[name]
        if self.summary.signed is not None:
            rows, total = self._signed_page(name, offset)
            pane.show_rows(rows, offset, total)
            self.paged.emit(name)
            return
        from storage import ledger

        db, day, number, counted = self.db, self.summary.day, self._shown_number, self._counted
        read: Callable[[], Any] = {
            "missing": lambda: ledger.missing_readings(db, day, offset=offset, limit=PAGE_SIZE, counted=counted),
            "flagged": lambda: ledger.flagged_readings(db, day, offset=offset, limit=PAGE_SIZE),
            "observation": lambda: ledger.observation_list(db, day, offset=offset, limit=PAGE_SIZE),
        }[name]
        pane.set_busy(True)
        run_in_background(
            self,
            lambda _progress: read(),
            lambda page: self._page_read(name, number, page),
            lambda error: self._page_failed(name, error),
            self.tr("正在读取名单……"),
            show_progress=False,
        )

    def _page_read(self, name: str, number: int, page: Any) -> None:
        pane = self.panes[name]
        if number != self._shown_number:  # the page of a summary no longer shown
            pane.set_busy(False)
            return
        pane.show_rows(self._row_texts(name, page.rows), page.offset, page.total)
        self.paged.emit(name)

    def _page_failed(self, name: str, error: BaseException) -> None:
        self.panes[name].set_busy(False)
        show_error(self, self.tr("无法读取名单。"), error, self.tr("没有修改任何数据。"))

    # --- the words of a row ---------------------------------------------------------------------------

    def _half(self, half: int) -> str:
        return self.tr("上午") if half == 0 else self.tr("下午")

    def _kind(self, kind: str) -> str:
        return {"home": self.tr("居家观察"), "central": self.tr("集中观察")}.get(kind, kind)

    @staticmethod
    def _symptoms(mask: int) -> str:
        from checklist.ledger import describe_symptoms

        zh, en = describe_symptoms(mask)
        return en if english() else zh

    def missing_text(self, no: int, name: str, morning: bool, afternoon: bool) -> str:
        halves = self.tr("、").join(self._half(h) for h, gone in ((0, morning), (1, afternoon)) if gone)
        return self.tr("#%1 %2：缺%3").replace("%1", str(no)).replace("%2", name).replace("%3", halves)

    def flagged_text(self, no: int, name: str, half: int, celsius: float | None, symptoms: str) -> str:
        parts = [f"#{no} {name}", self._half(half)]
        if celsius is not None:
            parts.append(f"{celsius:.1f} °C")
        if symptoms:
            parts.append(symptoms)
        return " ".join(parts)

    def observed_text(self, no: int, name: str, kind: str, start: object, end: object) -> str:
        return f"#{no} {name} {kind} {start} – {end}"

    # --- the counts ---------------------------------------------------------------------------------

    @staticmethod
    def figures(summary: SummaryView) -> dict[str, Any]:
        """The counts and short lists the page shows above its named lists, from the signed record or the
        quick summary, in the record's shape."""
        from checklist.ledger import FEVER_THRESHOLD_NOTE, NEXT_STEPS

        if summary.signed is not None:
            return summary.signed
        day = summary.summary
        assert day is not None
        headline_zh, headline_en = day.headline()
        return {
            "zero_report": day.zero_report,
            "headline_zh": headline_zh,
            "headline_en": headline_en,
            "headcount": day.headcount,
            "on_site": day.on_site,
            "checked_morning": day.checked_morning,
            "checked_afternoon": day.checked_afternoon,
            "missing_count": day.missing_count,
            "under_observation_count": day.under_observation_count,
            "early_returns": [
                {"name": f.name, "observation_end": f.observation_end.isoformat()} for f in day.early_returns
            ],
            "returned_today": list(day.returned_today),
            "next_steps": [f"{s.en if english() else s.zh}（{s.cite}）" for s in NEXT_STEPS] if day.flagged else [],
            "fever_threshold_note": FEVER_THRESHOLD_NOTE[1] if english() else FEVER_THRESHOLD_NOTE[0],
        }

    def summary_html(self, record: dict[str, Any]) -> str:
        """The counts as the page shows them: headline, 零报告, the figures, BJTG 三's early returns, who is back
        today, the next steps; the named lists are beside it, a page at a time."""
        zero = bool(record.get("zero_report"))
        zero_words, until_words = self.tr("零报告"), self.tr("观察期至")
        returned_words, steps_words = self.tr("今日返岗"), self.tr("下一步")
        headline = str(record.get("headline_en" if english() else "headline_zh", ""))
        style = ZERO_CSS if zero else NOTHING_CSS if not record.get("headcount") else ABNORMAL_CSS
        parts = [f"<h2 style='{style}'>{escape(headline)}</h2>"]
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
        cells = "".join(
            f"<td>{escape(label)}<br><b>{escape(f'{int(value or 0):,}')}</b></td>" for label, value in counts
        )
        parts.append(f"<table cellpadding='6' border='1' cellspacing='0'><tr>{cells}</tr></table>")
        early = list(record.get("early_returns", []))
        if early:
            items = "".join(
                f"<li>{escape(str(r['name']))}：{escape(until_words)} {escape(str(r.get('observation_end', '')))}</li>"
                for r in early
            )
            title = self.tr("观察期未满即在岗（BJTG 三）")
            parts.append(f"<h3>{escape(title)}（{len(early)}）</h3><ul>{items}</ul>")
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
        chosen = save_file_name(self, title, f"每日汇总-{self.day.isoformat()}{suffix}", pattern)
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
