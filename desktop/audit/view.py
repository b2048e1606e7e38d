"""审计: a read-only window for every role — all records with their signature status, the audit trail of the
selected one, and the checks: a record unchanged since it was signed (``verify_record``), the whole hash
chain (``verify_chain``), a report file with its signatures (``verify_file``), and a signed day of the
registers — the daily health summary (``verify_day``) or the ventilation and disinfection log
(``verify_log_day``), both ending in ``export.ledger_reports.signature_checks``.

Every read and check runs off the GUI thread (:mod:`desktop.common.operations`); the models get plain rows.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.audit.models import (
    AuditRecordsModel,
    AuditTrailModel,
    ChainCheck,
    IdRole,
    RecordColumn,
    SignedDayColumn,
    SignedDayRow,
    SignedDaysModel,
    TrailColumn,
    TrailRow,
    action_text,
    change_text,
    check_chain,
    load_records,
    load_signed_days,
    load_trail,
    local_time_text,
    register_text,
    table_text,
    verify_signed_day,
)
from desktop.common.assets import icon
from desktop.common.errors import show_error
from desktop.common.file_dialogs import open_file_name
from desktop.common.folders import proposed_folder
from desktop.common.i18n import english
from desktop.common.look import compact_rows, fit_to_screen
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from storage.db import Database
    from storage.verification import CheckList

OK_COLOR = "#2e7d32"
FAIL_COLOR = "#c62828"


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    compact_rows(view)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class AuditWindow(QWidget):
    """The auditor's view; changes nothing, whoever opens it."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("auditWindow")
        self.setWindowTitle(self.tr("审计 — 复工自查"))
        self.setWindowIcon(icon("audit"))
        self.db = db
        self.loading = False
        self.trail_for: int | None = None  # the record whose trail is shown (or being loaded)
        self.chain: ChainCheck | None = None
        self._select_after_load: int | None = None
        self.result_lines: list[tuple[str, bool | None]] = []  # (text, ok) of the last check shown

        self.records = AuditRecordsModel(self)
        self.records_view = _table(self.records, "auditRecords")
        self.records_view.horizontalHeader().setSectionResizeMode(RecordColumn.PLACE, QHeaderView.ResizeMode.Stretch)
        self.days = SignedDaysModel(self)
        self.days_view = _table(self.days, "signedDays")
        self.days_view.horizontalHeader().setSectionResizeMode(SignedDayColumn.CHECK, QHeaderView.ResizeMode.Stretch)
        self.trail = AuditTrailModel(self)
        self.trail_view = _table(self.trail, "auditTrail")
        self.trail_view.horizontalHeader().setSectionResizeMode(TrailColumn.CHANGE, QHeaderView.ResizeMode.Stretch)
        self.trail_label = QLabel(self.tr("选择一条记录，查看它的审计记录。"))
        self.trail_label.setObjectName("trailLabel")
        bold = QFont(self.trail_label.font())
        bold.setBold(True)
        self.trail_label.setFont(bold)
        records_label = QLabel(self.tr("全部检查记录"))
        records_label.setFont(bold)
        results_label = QLabel(self.tr("验证结果"))
        results_label.setFont(bold)
        self.results = QTextBrowser()
        self.results.setObjectName("auditResults")
        self.results.setOpenLinks(False)

        self.verify_record_button = QPushButton(icon("verify"), self.tr("验证记录(&R)"))
        self.verify_record_button.setObjectName("verifyRecord")
        self.verify_record_button.setToolTip(self.tr("重新计算所选记录的哈希，与签署时存储的哈希和审计记录比对"))
        self.chain_button = QPushButton(icon("chain"), self.tr("检查审计链(&C)"))
        self.chain_button.setObjectName("checkChain")
        self.chain_button.setToolTip(self.tr("逐条重新计算全部审计记录的哈希链"))
        self.file_button = QPushButton(icon("document"), self.tr("验证文件(&F)…"))
        self.file_button.setObjectName("verifyFile")
        self.file_button.setToolTip(self.tr("检查 PDF 或 Excel 报告（及其旁边的 .p7s）的签名"))
        self.trust_file: Path | None = None  # None: the signing authority pinned on this computer
        self.trust_button = QPushButton(icon("document"), self.tr("信任文件(&T)…"))
        self.trust_button.setObjectName("chooseTrustFile")
        self.trust_button.setToolTip(
            self.tr("选择签名机构的信任文件（PEM）作为验证的信任锚；未选择时使用本机固定的签名机构")
        )
        self.verify_day_button = QPushButton(icon("verify"), self.tr("验证签署日(&D)"))
        self.verify_day_button.setObjectName("verifySignedDay")
        self.verify_day_button.setToolTip(
            self.tr("核对所选台账日：签署的内容、当日记录是否在签署后被改动、数字签名和 PDF 签名")
        )
        self.refresh_button = QPushButton(icon("refresh"), self.tr("刷新"))
        self.refresh_button.setObjectName("auditRefresh")
        # a window without a window manager (a kiosk-style plant PC) has no title bar to close it by
        self.close_button = QPushButton(self.tr("关闭(&X)"))
        self.close_button.setObjectName("auditClose")
        self.close_button.setToolTip(self.tr("关闭审计窗口"))
        buttons = QHBoxLayout()
        for button in (
            self.verify_record_button,
            self.verify_day_button,
            self.chain_button,
            self.file_button,
            self.trust_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)

        def boxed(label: QLabel, widget: QWidget) -> QWidget:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(label)
            box.addWidget(widget)
            return holder

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("auditSplitter")
        splitter.setChildrenCollapsible(False)
        self.record_tabs = QTabWidget()
        self.record_tabs.setObjectName("auditTabs")
        self.record_tabs.addTab(boxed(records_label, self.records_view), self.tr("检查记录"))
        days_label = QLabel(self.tr("已签署的每日健康汇总和通风消毒记录"))
        days_label.setFont(bold)
        self.record_tabs.addTab(boxed(days_label, self.days_view), self.tr("签署的台账日"))
        splitter.addWidget(self.record_tabs)
        splitter.addWidget(boxed(self.trail_label, self.trail_view))
        self.results_box = boxed(results_label, self.results)
        splitter.addWidget(self.results_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([200, 400, 130])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        fit_to_screen(self, 1180, 688)  # 1366×768 less a taskbar and the frame, on any screen

        self.records_view.selectionModel().selectionChanged.connect(self._record_selected)
        self.days_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.verify_day_button.clicked.connect(self.verify_selected_day)
        self.verify_record_button.clicked.connect(self.verify_selected)
        self.chain_button.clicked.connect(self.check_chain)
        self.file_button.clicked.connect(self.choose_file)
        self.trust_button.clicked.connect(self.choose_trust_file)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        self._update_buttons()
        self.reload()

    # --- records and trail ----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.records_view.selectionModel().selectedRows()
        return int(rows[0].data(IdRole)) if rows else None

    def show_record(self, inspection_id: int) -> None:
        """Select a record now, or as soon as the list is loaded."""
        if self.loading or not self.select_record(inspection_id):
            self._select_after_load = inspection_id

    def select_record(self, inspection_id: int) -> bool:
        row = self.records.row_of(inspection_id)
        if row < 0:
            return False
        self.records_view.selectRow(row)
        return True

    @Slot()
    def reload(self) -> None:
        db = self.db
        selected = self.selected_id() or self._select_after_load
        self._select_after_load = None
        self.loading = True
        self._update_buttons()

        def loaded(rows: Any) -> None:
            self.loading = False
            self.records.set_rows(rows)
            self.trail_for = None
            if selected is None or not self.select_record(selected):
                self.trail.set_rows([])
                self.trail_label.setText(self.tr("选择一条记录，查看它的审计记录。"))
            self._update_buttons()

        run_in_background(self, lambda _: load_records(db), loaded, self._failed_read, show_progress=False)
        self.reload_days()

    def reload_days(self) -> None:
        """The signed days of the registers, read off the GUI thread."""
        db = self.db

        def loaded(rows: list[SignedDayRow]) -> None:
            self.days.set_rows(rows)
            self._update_buttons()

        run_in_background(self, lambda _: load_signed_days(db), loaded, self._failed_read, show_progress=False)

    def selected_day(self) -> SignedDayRow | None:
        rows = self.days_view.selectionModel().selectedRows()
        return self.days.day_row(rows[0].row()) if rows else None

    def select_day(self, register: str, day: Any) -> bool:
        row = self.days.row_of(register, day)
        if row < 0:
            return False
        self.record_tabs.setCurrentIndex(1)
        self.days_view.selectRow(row)
        return True

    @Slot(QItemSelection, QItemSelection)
    def _record_selected(self, *_: Any) -> None:
        self._update_buttons()
        inspection_id = self.selected_id()
        if inspection_id is None or inspection_id == self.trail_for:
            return
        self.trail_for = inspection_id
        db = self.db
        self.trail_label.setText(self.tr("记录 #{id} 的审计记录：正在读取……").format(id=inspection_id))

        def loaded(rows: list[TrailRow]) -> None:
            if self.trail_for != inspection_id:
                return  # another record was selected meanwhile
            self.trail.set_rows(rows)
            self.trail.set_broken(self.chain.report.first_broken if self.chain and not self.chain.report.ok else None)
            self.trail_view.scrollToBottom()  # the latest changes first in sight
            self.trail_label.setText(
                self.tr("记录 #{id} 的审计记录（{count} 条）").format(id=inspection_id, count=len(rows))
            )

        run_in_background(self, lambda _: load_trail(db, inspection_id), loaded, self._failed_read, show_progress=False)

    def _failed_read(self, error: BaseException) -> None:
        self.loading = False
        self._update_buttons()
        show_error(self, self.tr("无法读取审计数据。"), error, self.tr("没有修改任何数据。"))

    def _update_buttons(self) -> None:
        self.verify_record_button.setEnabled(self.selected_id() is not None)
        self.verify_day_button.setEnabled(self.selected_day() is not None)
        self.refresh_button.setEnabled(not self.loading)

    # --- showing results ------------------------------------------------------------------------------

    def show_result(self, headline: str, ok: bool | None, lines: list[tuple[str, bool | None]]) -> None:
        """A check's result: a headline, then its lines (text, passed), passed in green and failed in red."""
        self.result_lines = [(headline, ok), *lines]

        def colored(text: str, passed: bool | None) -> str:
            if passed is None:
                return escape(text)
            return f'<span style="color:{OK_COLOR if passed else FAIL_COLOR}">{escape(text)}</span>'

        body = "\n".join(colored(text, passed) for text, passed in self.result_lines[1:])
        self.results.setHtml(f"<p><b>{colored(headline, ok)}</b></p><pre style='white-space: pre-wrap'>{body}</pre>")
        self.make_room_for_results()

    def make_room_for_results(self) -> None:
        """Give 验证结果 the height its result needs (a signed report's check is some twenty lines), taken from
        the trail and then from the record list, each keeping a few rows in sight; a short result gives the room
        back. The officer may still drag the dividers."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        document = self.results.document()
        document.setTextWidth(self.results.viewport().width())
        frame = 2 * self.results.frameWidth()
        chrome = self.results_box.height() - self.results.height()  # the 验证结果 title and its spacing
        wanted = max(int(document.size().height()) + frame + chrome + 2, 130)

        def rows_tall(view: QTableView, rows: int) -> int:
            return (
                view.horizontalHeader().height()
                + rows * view.verticalHeader().defaultSectionSize()
                + 2 * view.frameWidth()
            )

        keep_trail = self.trail_label.sizeHint().height() + rows_tall(self.trail_view, 3) + 6
        keep_records = self.record_tabs.tabBar().sizeHint().height() + 30 + rows_tall(self.records_view, 3)
        records = max(keep_records, min(sizes[0], total - wanted - keep_trail))
        results = min(wanted, total - records - keep_trail)
        self.splitter.setSizes([records, total - records - results, results])

    def _line(self, passed: bool, text: str, text_zh: str) -> tuple[str, bool]:
        """One check in the window's language, marked 通过 / 不通过 (OK / FAIL)."""
        mark = self.tr("通过") if passed else self.tr("不通过")
        return f"{mark}  {text if english() else text_zh}", passed

    def _lines(self, checks: CheckList) -> list[tuple[str, bool | None]]:
        return [self._line(passed, text, text_zh) for passed, text, text_zh in checks.results]

    def _check_failed(self, what: str, error: BaseException) -> None:
        show_error(self, what, error, self.tr("没有修改任何数据。"))

    # --- the checks -----------------------------------------------------------------------------------

    @Slot()
    def verify_selected(self) -> None:
        """``verify_signed_record`` on the selected record: its content, signatures, files and follow-ups."""
        inspection_id = self.selected_id()
        if inspection_id is None:
            return
        from export.record_check import verify_signed_record

        db, trust_file = self.db, self.trust_file

        def done(check: Any) -> None:
            self.records.set_check(inspection_id, check.ok)
            headline = (
                self.tr("记录 #{id} 验证通过：内容与签署（完成）时一致。")
                if check.ok
                else self.tr("记录 #{id} 验证失败：见下面标为“不通过”的各行。")
            ).format(id=inspection_id)
            self.show_result(headline, check.ok, self._lines(check))

        run_in_background(
            self,
            lambda _: verify_signed_record(db, inspection_id, trust_file),
            done,
            lambda error: self._check_failed(self.tr("记录未能验证。"), error),
            self.tr("正在验证记录……"),
        )

    @Slot()
    def verify_selected_day(self) -> None:
        """A signed day of a register: its stored record against its hash, the day's entries against what was
        sealed, the signature over the record and the PDF's (the daily summary also its workbook's)."""
        chosen = self.selected_day()
        if chosen is None:
            return
        db, trust_file = self.db, self.trust_file
        register, day = chosen.register, chosen.day

        def done(checks: list[Any]) -> None:
            ok = bool(checks) and all(check.ok for check in checks)
            self.days.set_check(register, day, ok)
            headline = (
                self.tr("{register} {day} 验证通过：签署后未被改动，签名有效。")
                if ok
                else self.tr("{register} {day} 验证失败：见下面标为“不通过”的各行。")
            ).format(register=register_text(register), day=day.isoformat())
            self.show_result(headline, ok, [self._line(c.ok, c.what_en, c.what_zh) for c in checks])

        run_in_background(
            self,
            lambda _: verify_signed_day(db, register, day, trust_file),
            done,
            lambda error: self._check_failed(self.tr("签署日未能验证。"), error),
            self.tr("正在验证签署日……"),
        )

    @Slot()
    def check_chain(self) -> None:
        """``verify_chain`` over the whole audit trail; names the first entry that does not verify."""
        db = self.db
        self.chain_button.setEnabled(False)

        def done(chain: ChainCheck) -> None:
            self.chain_button.setEnabled(True)
            self.chain = chain
            report = chain.report
            self.trail.set_broken(None if report.ok else report.first_broken)
            if report.ok:
                self.show_result(
                    self.tr("审计链完好：共 {count} 条记录，逐条核对无误。").format(count=report.entries),
                    True,
                    [self._line(True, report.reason, report.reason_zh)],
                )
                return
            lines: list[tuple[str, bool | None]] = [self._line(False, report.reason, report.reason_zh)]
            if chain.broken is not None:
                lines.append((self._entry_line(chain.broken), None))
                row = self.trail.row_of_seq(chain.broken.seq)
                if row >= 0:
                    self.trail_view.scrollTo(self.trail.index(row, 0))
            self.show_result(
                self.tr("审计链在第 {seq} 条处断开：该条或其后的记录在写入后被改动或删除。").format(
                    seq=report.first_broken
                ),
                False,
                lines,
            )

        def failed(error: BaseException) -> None:
            self.chain_button.setEnabled(True)
            self._check_failed(self.tr("审计链未能检查。"), error)

        run_in_background(self, lambda _: check_chain(db), done, failed, self.tr("正在检查审计链……"), cancellable=False)

    def _entry_line(self, row: TrailRow) -> str:
        record = self.tr("记录 #{id}").format(id=row.row_id) if row.row_id is not None else ""
        return self.tr("第 {seq} 条：{time}，{actor}，{action} {table} {record}：{change}").format(
            seq=row.seq,
            time=local_time_text(row.at),
            actor=row.actor,
            action=action_text(row.action),
            table=table_text(row.table),
            record=record,
            change=change_text(row),
        )

    @Slot()
    def choose_trust_file(self) -> None:
        """The trust file verification trusts (an auditor's copy of the company authority), or none again."""
        chosen = open_file_name(
            self, self.tr("选择信任文件"), "", self.tr("信任文件 (*.pem *.crt *.cer);;所有文件 (*)")
        )
        self.use_trust_file(Path(chosen) if chosen else None)

    def use_trust_file(self, path: Path | None) -> None:
        self.trust_file = path
        if path is None:
            self.trust_button.setText(self.tr("信任文件(&T)…"))
        else:
            self.trust_button.setText(self.tr("信任文件：{name}").format(name=path.name))

    @Slot()
    def choose_file(self) -> None:
        chosen = open_file_name(
            self, self.tr("选择要验证的报告"), str(proposed_folder()), self.tr("报告 (*.pdf *.xlsx);;所有文件 (*)")
        )
        if chosen:
            self.verify_path(Path(chosen))

    def verify_path(self, path: Path) -> None:
        """``verify_file``: the file's signatures, its signers' certificates, and its record in this database."""
        from export.signing import verify_file

        db, trust_file = self.db, self.trust_file

        def done(result: Any) -> None:
            headline = (
                self.tr("{name}：签名有效，内容与数据库中的记录一致。")
                if result.ok
                else self.tr("{name}：验证失败，见下面标为“不通过”的各行。")
            ).format(name=path.name)
            self.show_result(headline, result.ok, self._lines(result))

        run_in_background(
            self,
            lambda _: verify_file(path, db, trust_file),
            done,
            lambda error: self._check_failed(self.tr("文件未能验证。"), error),
            self.tr("正在验证文件……"),
        )
