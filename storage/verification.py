"""Verifying a stored record: its hash against what was stored when it was completed or signed, and against
the audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from checklist.workflow import InspectionStatus
from storage import audit, stored_json
from storage.db import Database
from storage.errors import AlteredRecordError
from storage.inspections import get_inspection
from storage.models import (
    AuditEntry,
)
from storage.record import record_hash


@dataclass
class CheckList:
    """A verification's result: each check, passed or not, said in English (the command line) and Chinese."""

    ok: bool = True
    results: list[tuple[bool, str, str]] = field(default_factory=list)

    def check(self, passed: bool, text: str, text_zh: str) -> None:
        self.results.append((passed, text, text_zh))
        self.ok = self.ok and passed

    @property
    def lines(self) -> list[str]:
        """One line per check, ``OK`` or ``FAIL`` first (English)."""
        return [("OK   " if passed else "FAIL ") + text for passed, text, _ in self.results]


@dataclass
class RecordCheck(CheckList):
    """The stored record against its hash and the audit trail (:func:`verify_record`). ``altered``: some of its
    stored JSON is not what the application writes, so nothing else of it can be checked."""

    altered: bool = False


def verify_record(db: Database, inspection_id: int) -> RecordCheck:
    """Recompute a signed (or completed) inspection's hash and compare it with what was stored and with the
    hash written into the audit trail when it was signed."""
    with db.session() as session:
        check = RecordCheck()
        try:
            inspection = get_inspection(session, inspection_id)
        except AlteredRecordError as error:
            english, chinese = stored_json.described(error.columns)
            check.check(
                False,
                f"the stored record was altered outside 复工自查: {english}",
                f"记录在本程序之外被改动过：{chinese}",
            )
            check.altered = True
            chain = audit.verify_chain(session)
            check.check(chain.ok, "audit trail: " + chain.reason, "审计链：" + chain.reason_zh)
            return check
        if inspection.status == InspectionStatus.DRAFT:
            check.check(
                False,
                f"inspection {inspection_id} is a draft: nothing has been completed or signed",
                f"检查 #{inspection_id} 是草稿：尚未完成，也未签署",
            )
            return check
        computed = record_hash(inspection)
        stored = inspection.record_hash or ""
        status_words: dict[str, str] = {InspectionStatus.SIGNED: "签署", InspectionStatus.COMPLETED: "完成"}
        status_zh = status_words.get(inspection.status, inspection.status)
        if computed == stored:
            check.check(
                True, f"record hash {computed} matches the stored hash", f"记录哈希 {computed} 与保存的哈希一致"
            )
        else:
            check.check(
                False,
                f"the stored content hashes to {computed}, but {stored or '(none)'} was stored "
                f"when it was {inspection.status}: the record was changed afterwards",
                f"现有内容的哈希是 {computed}，而{status_zh}时保存的是 {stored or '（无）'}：记录在{status_zh}后被改动过",
            )
        action = "sign" if inspection.status == InspectionStatus.SIGNED else "complete"
        logged = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.inspection_id == inspection_id, AuditEntry.action == action)
            .order_by(AuditEntry.seq.desc())
        ).first()
        logged_hash = (logged.new or {}).get("record_hash") if logged else None
        if logged_hash == computed:
            seq = logged.seq if logged else "?"
            check.check(
                True,
                f"matches the hash in audit entry {seq} ({action})",
                f"与审计记录第 {seq} 条（{status_zh}）中的哈希一致",
            )
        else:
            check.check(
                False,
                f"the audit trail's {action} entry records {logged_hash or '(none)'}",
                f"审计记录中{status_zh}那一条记下的哈希是 {logged_hash or '（无）'}",
            )
        chain = audit.verify_chain(session)
        check.check(chain.ok, "audit trail: " + chain.reason, "审计链：" + chain.reason_zh)
        return check
