"""The audit trail: every insert, update and delete of user data becomes a hash-chained entry.

Entries are written by a session hook in the same transaction as the change they describe, so a change and
its audit entry are committed together or not at all. Each entry stores the SHA-256 of its own content and
of its predecessor; editing or deleting an entry breaks the chain at that point, which :func:`verify_chain`
reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, event, insert, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

from storage import stored_json
from storage.dormitory_models import CanteenPlanRow, DormitoryBuilding, RegisterRoom
from storage.ledger_models import (
    ConsentRecord,
    DaySignOff,
    Employee,
    ImportMapping,
    LedgerSettings,
    Observation,
    ObservationChangeRow,
    RetentionRun,
)
from storage.models import (
    ActionFollowUp,
    AuditEntry,
    AuditHead,
    AuthorityGrant,
    AuthorityKey,
    Company,
    CorrectiveAction,
    DormitoryRoomRow,
    Evidence,
    Inspection,
    ItemResponse,
    ReportFile,
    RevocationList,
    Signature,
    SigningAuthority,
    Site,
    User,
    utcnow,
)
from storage.site_log_models import (
    IsolationArea,
    IsolationClosure,
    IsolationUse,
    SiteDaySignOff,
    SiteLogEntry,
    SitePlan,
)

GENESIS = "0" * 64
AUDITED = (
    ActionFollowUp,
    Company,
    Site,
    User,
    Inspection,
    ItemResponse,
    DormitoryRoomRow,
    Evidence,
    CorrectiveAction,
    Signature,
    ReportFile,
    SigningAuthority,
    AuthorityKey,
    AuthorityGrant,
    RevocationList,
    # The health ledger (readings are audited per batch by storage.ledger, see storage.ledger_models).
    Employee,
    ConsentRecord,
    Observation,
    ObservationChangeRow,
    DaySignOff,
    ImportMapping,
    RetentionRun,
    LedgerSettings,
    # The site registers (issue 16 part A): health details and names stay out (``__audit_personal__``).
    SitePlan,
    SiteLogEntry,
    SiteDaySignOff,
    IsolationArea,
    IsolationUse,
    IsolationClosure,
    # The site registers.
    DormitoryBuilding,
    RegisterRoom,
    CanteenPlanRow,
)
# Bookkeeping columns whose change alone is not a user action.
_QUIET = {
    "version",
    "updated_at",
    "passed",
    "failed",
    "na",
    "unchecked",
    "open_actions",
    "failed_logins",
    "last_failed_at",
}
# Secrets never enter the trail: only the fact that they changed.
_SECRET = {"password_hash"}
# Personal data (a model's ``__audit_personal__``: an employee's name, ID number, phone …) never enters the
# trail either: the entry names the row by id, so removing the row's personal data anonymises the trail too.
PERSONAL = "<personal>"


def json_value(value: Any) -> Any:
    """A JSON-safe, deterministic form of a column value (binary data as its size and hash)."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes sha256={hashlib.sha256(value).hexdigest()}>"
    return value


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=json_value)


def entry_hash(fields: dict[str, Any], prev_hash: str) -> str:
    return hashlib.sha256((canonical_json(fields) + prev_hash).encode("utf-8")).hexdigest()


def _entry_fields(entry: AuditEntry | Row[Any] | dict[str, Any]) -> dict[str, Any]:
    get = entry.get if isinstance(entry, dict) else lambda name: getattr(entry, name)
    return {
        "seq": get("seq"),
        "at": json_value(get("at")),
        "actor": get("actor"),
        "action": get("action"),
        "table": get("table_name"),
        "row_id": get("row_id"),
        "inspection_id": get("inspection_id"),
        "old": get("old"),
        "new": get("new"),
        "reason": get("reason") or "",
    }


def _inspection_of(obj: Any) -> int | None:
    if isinstance(obj, Inspection):
        return obj.id
    value = getattr(obj, "inspection_id", None)
    return value if isinstance(value, int) else None


def _value(key: str, value: Any, personal: frozenset[str] = frozenset()) -> Any:
    if key in personal and value:
        return PERSONAL
    return "<secret>" if key in _SECRET and value else json_value(value)


def _personal(obj: Any) -> frozenset[str]:
    return frozenset(getattr(type(obj), "__audit_personal__", ()))


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    personal = _personal(obj)
    return {c.key: _value(c.key, getattr(obj, c.key), personal) for c in mapper.column_attrs}


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    personal = _personal(obj)
    for attr in state.mapper.column_attrs:
        if attr.key in _QUIET:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old[attr.key] = _value(attr.key, history.deleted[0], personal) if history.deleted else None
            new[attr.key] = _value(attr.key, history.added[0], personal) if history.added else None
    return old, new


@dataclass
class _Pending:
    action: str
    obj: Any
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def append_entries(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Append entries (dicts with actor, action, table_name, row_id, inspection_id, old, new, reason)."""
    if not rows:
        return
    # Take the chain head's row lock as it is read (PostgreSQL: concurrent writers queue here): one statement,
    # one round trip to a shared server, where the SQLite library can return rows from an UPDATE (3.35+).
    lock = update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq)
    if connection.dialect.update_returning:
        head = connection.execute(lock.returning(AuditHead.seq, AuditHead.hash)).one()
    else:
        connection.execute(lock)
        head = connection.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    seq, prev = head.seq, head.hash
    now = utcnow()
    entries = []
    for row in rows:
        seq += 1
        entry = {**row, "seq": seq, "at": now, "reason": row.get("reason", "")}
        entry["prev_hash"] = prev
        entry["hash"] = prev = entry_hash(_entry_fields(entry), prev)
        entries.append(entry)
    # One statement for all of them (an import of thousands of rows would otherwise compile one per entry).
    connection.execute(insert(AuditEntry), entries)
    connection.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=prev))


def _collect_delete(_: Any, __: Connection, obj: Any) -> None:
    """A mapper event, so rows removed as orphans of a collection are audited too, not only session.delete()."""
    session = Session.object_session(obj)
    if session is not None and "actor" in session.info:
        session.info.setdefault("_audit_pending", []).append(_Pending("delete", obj, _columns(obj), None))


def install(session_factory: Any) -> None:
    """Hook the audit trail into every session the factory makes."""

    @event.listens_for(session_factory, "before_flush")
    def _collect(session: Session, _: UOWTransaction, __: Any) -> None:
        pending: list[_Pending] = session.info.setdefault("_audit_pending", [])
        for obj in session.new:
            if isinstance(obj, AUDITED):
                pending.append(_Pending("insert", obj, None, None))
        for obj in session.dirty:
            if isinstance(obj, AUDITED) and session.is_modified(obj, include_collections=False):
                old, new = _changes(obj)
                if new:
                    pending.append(_Pending("update", obj, old, new))

    for model in AUDITED:
        if not event.contains(model, "after_delete", _collect_delete):
            event.listen(model, "after_delete", _collect_delete)

    @event.listens_for(session_factory, "after_flush")
    def _write(session: Session, _: UOWTransaction) -> None:
        pending: list[_Pending] = session.info.pop("_audit_pending", [])
        if not pending:
            return
        actor = str(session.info.get("actor", "system"))
        reason = str(session.info.get("reason", ""))
        rows = []
        for change in pending:
            obj = change.obj
            new = _columns(obj) if change.action == "insert" else change.new
            rows.append(
                {
                    "actor": actor,
                    "action": change.action,
                    "table_name": obj.__tablename__,
                    "row_id": getattr(obj, "id", None),
                    "inspection_id": _inspection_of(obj),
                    "old": change.old,
                    "new": new,
                    "reason": reason,
                }
            )
        append_entries(session.connection(), rows)


def record_event(
    session: Session,
    action: str,
    table: str,
    row_id: int | None,
    inspection_id: int | None,
    new: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    """Append an entry for an action that is not a plain row change (complete, sign, restore …)."""
    append_entries(
        session.connection(),
        [
            {
                "actor": str(session.info.get("actor", "system")),
                "action": action,
                "table_name": table,
                "row_id": row_id,
                "inspection_id": inspection_id,
                "old": None,
                "new": new,
                "reason": reason,
            }
        ],
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_broken: int | None  # seq of the first entry that does not verify
    reason: str
    reason_zh: str = ""


def iter_entries(session: Session, batch: int = 5000) -> Iterator[Row[Any]]:
    """Every entry in order, as plain rows read in batches: nothing enters the session (the caller's
    objects stay as they are, and a long trail does not fill memory)."""
    last = 0
    while True:
        chunk = session.execute(
            select(AuditEntry.__table__).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).all()
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].seq


def verify_chain(session: Session) -> ChainReport:
    """Recompute every entry's hash in order and compare with the chain head."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in iter_entries(session):
        seq = entry.seq
        if seq != expected_seq:
            return ChainReport(
                False,
                count,
                expected_seq,
                f"entry {expected_seq} is missing (next is {seq})",
                f"第 {expected_seq} 条不见了（下一条是第 {seq} 条）",
            )
        if entry.prev_hash != prev:
            return ChainReport(
                False,
                count,
                seq,
                f"entry {seq} does not link to entry {seq - 1}",
                f"第 {seq} 条与第 {seq - 1} 条链接不上",
            )
        if any(value is not None and stored_json.mapping(value) is None for value in (entry.old, entry.new)):
            # not JSON, or not the object every entry keeps: written outside the application, even if re-hashed
            return ChainReport(
                False,
                count,
                seq,
                f"entry {seq} was altered outside 复工自查: its old or new values cannot be read",
                f"第 {seq} 条在本程序之外被改动过：其修改前后的值无法读取",
            )
        if entry_hash(_entry_fields(entry), prev) != entry.hash:
            return ChainReport(
                False,
                count,
                seq,
                f"entry {seq} was changed after it was written",
                f"第 {seq} 条在写入后被改动过",
            )
        prev = entry.hash
        expected_seq += 1
        count += 1
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    if head.seq != count or head.hash != prev:
        return ChainReport(
            False,
            count,
            count + 1 if head.seq > count else count,
            f"the chain ends at entry {count} but the head says {head.seq}: entries were removed",
            f"审计链止于第 {count} 条，但链头记的是第 {head.seq} 条：有记录被删除",
        )
    return ChainReport(True, count, None, f"{count} entries, chain intact", f"共 {count} 条，链完好")
