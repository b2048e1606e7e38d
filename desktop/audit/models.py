"""What the audit view shows, as plain rows read by loader functions (read-only queries, run off the GUI
thread), and the two table models that show them: all records with their signature status, and the audit
trail of one record. The models never touch the database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from checklist.workflow import Meaning
from desktop.common.table_model import RowTableModel
from desktop.common.words import status_text

if TYPE_CHECKING:
    from storage.audit import ChainReport
    from storage.db import Database

ModelIndex = QModelIndex | QPersistentModelIndex
FAIL_COLOR = QColor("#c62828")
PASS_COLOR = QColor("#2e7d32")
BROKEN_BACKGROUND = QColor("#ffebee")
VALUE_CHARS = 28
CHANGE_CHARS = 180
IdRole = Qt.ItemDataRole.UserRole + 1


# --- rows and loaders -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordRow:
    """One inspection as the auditor sees it."""

    id: int
    place: str
    date: dt.date
    inspector: str
    status: str
    meanings: tuple[str, ...]  # the sign-offs given: inspector, approver


@dataclass(frozen=True)
class TrailRow:
    """One audit-trail entry: who changed what, when (UTC), from what to what, and why."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    row_id: int | None
    old: Mapping[str, Any] | None
    new: Mapping[str, Any] | None
    reason: str


@dataclass(frozen=True)
class ChainCheck:
    """The result of checking the whole chain, with the first entry that does not verify (if it exists)."""

    report: ChainReport
    broken: TrailRow | None


def load_records(db: Database) -> list[RecordRow]:
    """Every inspection with the meanings of its signatures."""
    from sqlalchemy import select

    from storage.listing import list_inspections
    from storage.models import Signature

    rows = list_inspections(db, limit=None)
    with db.session() as session:
        signed: dict[int, list[str]] = {}
        for inspection_id, meaning in session.execute(select(Signature.inspection_id, Signature.meaning)):
            signed.setdefault(inspection_id, []).append(meaning)
    return [
        RecordRow(
            row.id,
            f"{row.company} / {row.site}" if row.site else row.company,
            row.date,
            row.inspector,
            row.status,
            tuple(m for m in Meaning if m in signed.get(row.id, [])),
        )
        for row in rows
    ]


def _as_stored(value: Any) -> Any:
    """An entry's old or new values; text that is not JSON (altered by raw SQL) as the text stored."""
    from storage.stored_json import Unreadable

    return value.text if isinstance(value, Unreadable) else value


def _trail_row(entry: Any) -> TrailRow:
    return TrailRow(
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.table_name,
        entry.row_id,
        _as_stored(entry.old),
        _as_stored(entry.new),
        entry.reason or "",
    )


def load_trail(db: Database, inspection_id: int) -> list[TrailRow]:
    """The audit-trail entries of one inspection (its own row and everything that belongs to it), in order."""
    from sqlalchemy import select

    from storage.models import AuditEntry

    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.inspection_id == inspection_id).order_by(AuditEntry.seq)
        return [_trail_row(entry) for entry in session.scalars(query)]


def check_chain(db: Database) -> ChainCheck:
    """Recompute the whole hash chain (``storage.audit.verify_chain``); slow on a long history."""
    from sqlalchemy import select

    from storage.audit import verify_chain
    from storage.models import AuditEntry

    with db.session() as session:
        report = verify_chain(session)
    broken = None
    if report.first_broken is not None:
        with db.session() as session:
            entry = session.scalar(select(AuditEntry).where(AuditEntry.seq == report.first_broken))
            broken = _trail_row(entry) if entry is not None else None
    return ChainCheck(report, broken)


# --- wording ----------------------------------------------------------------------------------------------


def signature_state_text(meanings: Sequence[str]) -> str:
    if Meaning.APPROVER in meanings:
        return QCoreApplication.translate("Audit", "已审核（检查人 + 单位主要负责人）")
    if Meaning.INSPECTOR in meanings:
        return QCoreApplication.translate("Audit", "检查人已签署，待审核")
    return QCoreApplication.translate("Audit", "未签署")


def action_text(action: str) -> str:
    names = {
        "insert": QCoreApplication.translate("Audit", "新增"),
        "update": QCoreApplication.translate("Audit", "修改"),
        "delete": QCoreApplication.translate("Audit", "删除"),
        "complete": QCoreApplication.translate("Audit", "完成"),
        "sign": QCoreApplication.translate("Audit", "签署"),
        "login-fail": QCoreApplication.translate("Audit", "登录失败"),
    }
    return names.get(action, action)


def table_text(table: str) -> str:
    names = {
        "inspections": QCoreApplication.translate("Audit", "检查记录"),
        "item_responses": QCoreApplication.translate("Audit", "检查项"),
        "dormitory_rooms": QCoreApplication.translate("Audit", "宿舍"),
        "evidence": QCoreApplication.translate("Audit", "照片"),
        "corrective_actions": QCoreApplication.translate("Audit", "整改措施"),
        "signatures": QCoreApplication.translate("Audit", "签名"),
        "report_files": QCoreApplication.translate("Audit", "报告文件"),
        "companies": QCoreApplication.translate("Audit", "企业"),
        "sites": QCoreApplication.translate("Audit", "场所"),
        "users": QCoreApplication.translate("Audit", "账户"),
    }
    return names.get(table, table)


def _short(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value[:12] + "…"  # a hash
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\n", " ")
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def change_text(row: TrailRow) -> str:
    """The change in one line: ``field: old → new`` for updates, the values for inserts and events."""
    from checklist.changes import describe_change
    from desktop.common.i18n import current_language

    text = describe_change(row.action, row.old, row.new, current_language(), _short)
    return text if len(text) <= CHANGE_CHARS else text[: CHANGE_CHARS - 1] + "…"


def change_details(row: TrailRow) -> str:
    """The whole entry, for the tooltip."""
    return json.dumps({"old": row.old, "new": row.new}, ensure_ascii=False, indent=1)


def local_time_text(moment: dt.datetime) -> str:
    """A stored UTC time in the company's time zone (UTC+8, as the reports print it, whatever this computer's
    zone is)."""
    from checklist.company import COMPANY_TIME

    return moment.replace(tzinfo=dt.UTC).astimezone(COMPANY_TIME).strftime("%Y-%m-%d %H:%M:%S")


# --- models -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedDayRow:
    """A signed day of a register: the daily health summary (``summary``) or the ventilation and disinfection
    log (``site_log``), who signed it and when (UTC)."""

    register: str
    day: dt.date
    signer: str
    signed_at: dt.datetime


SUMMARY = "summary"
SITE_LOG = "site_log"


def load_signed_days(db: Database) -> list[SignedDayRow]:
    """Every signed day of the daily summary and of the log, newest first (a row per day: a small read)."""
    from sqlalchemy import select

    from storage.ledger_models import DaySignOff
    from storage.site_log_models import SiteDaySignOff

    rows: list[SignedDayRow] = []
    with db.session() as session:
        for register, table in ((SUMMARY, DaySignOff), (SITE_LOG, SiteDaySignOff)):
            for day, signer, signed_at in session.execute(select(table.day, table.signer_name, table.signed_at)):
                rows.append(SignedDayRow(register, day, signer, signed_at))
    return sorted(rows, key=lambda r: (r.day, r.register), reverse=True)


def verify_signed_day(db: Database, register: str, day: dt.date, trust_file: Any) -> list[Any]:
    """The checks of one signed day (:class:`export.ledger_reports.DayCheck` lines): the summary's by
    ``verify_day``, the log's by ``verify_log_day`` — each ends with ``signature_checks``."""
    if register == SUMMARY:
        from export.ledger_reports import verify_day

        return verify_day(db, day, trust_file)
    from export.site_reports import verify_log_day

    return verify_log_day(db, day, trust_file)


def register_text(register: str) -> str:
    return {
        SUMMARY: QCoreApplication.translate("Audit", "每日健康汇总"),
        SITE_LOG: QCoreApplication.translate("Audit", "通风消毒记录"),
    }.get(register, register)


class SignedDayColumn(IntEnum):
    DAY = 0
    REGISTER = 1
    SIGNER = 2
    SIGNED_AT = 3
    CHECK = 4


class SignedDaysModel(RowTableModel):
    """The signed days of the registers, and, once checked, whether each still verifies."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: dict[tuple[str, dt.date], bool] = {}
        self._headers = [
            self.tr("日期"),
            self.tr("台账"),
            self.tr("签署人"),
            self.tr("签署时间"),
            self.tr("验证结果"),
        ]

    def day_row(self, row: int) -> SignedDayRow:
        found: SignedDayRow = self._rows[row]
        return found

    def row_of(self, register: str, day: dt.date) -> int:
        return next((i for i, r in enumerate(self._rows) if (r.register, r.day) == (register, day)), -1)

    def set_check(self, register: str, day: dt.date, ok: bool) -> None:
        self._checks[(register, day)] = ok
        row = self.row_of(register, day)
        if row >= 0:
            index = self.index(row, SignedDayColumn.CHECK)
            self.dataChanged.emit(index, index)

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = SignedDayColumn(column_number)
        check = self._checks.get((row.register, row.day))
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                SignedDayColumn.DAY: row.day.isoformat(),
                SignedDayColumn.REGISTER: register_text(row.register),
                SignedDayColumn.SIGNER: row.signer,
                SignedDayColumn.SIGNED_AT: local_time_text(row.signed_at),
                SignedDayColumn.CHECK: self.tr("未验证")
                if check is None
                else self.tr("完好，未被改动")
                if check
                else self.tr("验证失败"),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == SignedDayColumn.CHECK and check is not None:
            return QBrush(PASS_COLOR if check else FAIL_COLOR)
        return None


class RecordColumn(IntEnum):
    ID = 0
    PLACE = 1
    DATE = 2
    INSPECTOR = 3
    STATUS = 4
    SIGNATURES = 5
    CHECK = 6


class AuditRecordsModel(RowTableModel):
    """Every record with its status, signature status and, once checked, whether it is unchanged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: dict[int, bool] = {}
        self._headers = [
            self.tr("记录"),
            self.tr("企业 / 场所"),
            self.tr("检查日期"),
            self.tr("检查人"),
            self.tr("状态"),
            self.tr("签名"),
            self.tr("验证结果"),
        ]

    def set_rows(self, rows: Sequence[RecordRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checks = {k: v for k, v in self._checks.items() if any(r.id == k for r in self._rows)}
        self.endResetModel()

    def row_of(self, inspection_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == inspection_id), -1)

    def record(self, row: int) -> RecordRow:
        record: RecordRow = self._rows[row]
        return record

    def set_check(self, inspection_id: int, ok: bool) -> None:
        """Show the result of ``verify_record`` for this record."""
        self._checks[inspection_id] = ok
        row = self.row_of(inspection_id)
        if row >= 0:
            index = self.index(row, RecordColumn.CHECK)
            self.dataChanged.emit(index, index)

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = RecordColumn(column_number)
        check = self._checks.get(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                RecordColumn.ID: f"#{row.id}",
                RecordColumn.PLACE: row.place,
                RecordColumn.DATE: row.date.isoformat(),
                RecordColumn.INSPECTOR: row.inspector,
                RecordColumn.STATUS: status_text(row.status),
                RecordColumn.SIGNATURES: signature_state_text(row.meanings),
                RecordColumn.CHECK: self.tr("未验证")
                if check is None
                else self.tr("完好，未被改动")
                if check
                else self.tr("验证失败"),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == RecordColumn.CHECK and check is not None:
            return QBrush(PASS_COLOR if check else FAIL_COLOR)
        if role == IdRole:
            return row.id
        return None


class TrailColumn(IntEnum):
    SEQ = 0
    TIME = 1
    ACTOR = 2
    ACTION = 3
    TABLE = 4
    CHANGE = 5
    REASON = 6


class AuditTrailModel(RowTableModel):
    """The entries of one record's audit trail; the entry where the chain breaks is shown in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.broken_seq: int | None = None
        self._headers = [
            self.tr("序号"),
            self.tr("时间（本地）"),
            self.tr("操作人"),
            self.tr("操作"),
            self.tr("对象"),
            self.tr("变更（原值 → 新值）"),
            self.tr("原因"),
        ]

    def row_of_seq(self, seq: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.seq == seq), -1)

    def set_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(TrailColumn) - 1))

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = TrailColumn(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                TrailColumn.SEQ: str(row.seq),
                TrailColumn.TIME: local_time_text(row.at),
                TrailColumn.ACTOR: row.actor,
                TrailColumn.ACTION: action_text(row.action),
                TrailColumn.TABLE: table_text(row.table) + (f" #{row.row_id}" if row.row_id is not None else ""),
                TrailColumn.CHANGE: change_text(row),
                TrailColumn.REASON: row.reason,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TrailColumn.TIME:
                return row.at.strftime("%Y-%m-%d %H:%M:%S") + " UTC"
            if column == TrailColumn.CHANGE:
                return change_details(row)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.seq == self.broken_seq:
            return QBrush(BROKEN_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.seq == self.broken_seq:
            return QBrush(FAIL_COLOR)
        return None
