"""``fugong verify-record``: the whole stored record of a completed or signed inspection, checked against what
its signatures sign and the company authority this computer trusts.

What is checked, one line each (English for the command line, Chinese for the window):

- the record's content against its stored hash, the audit trail's complete/sign entry and the audit chain
  (:func:`storage.verification.verify_record`);
- every row of the record (the inspection, its answers, rooms, evidence, corrective actions, follow-ups,
  signature rows, report files) and the signers' accounts, column by column, against the audit trail's
  replay of their inserts and updates: a change made by SQL, which writes no audit entry, is named;
- the status against the signature rows (a completed record has none; a signed one has its 检查人's, and
  any 审核 after it, by someone else);
- each signature row against the CMS it stores (from schema 0007, over a statement of the record hash, the
  row's own fields, the audit chain's head at signing and the report files it left): intact, its certificate
  chaining to the trust anchor (pinned, or ``--trust FILE``), the certificate's name and role those of the
  row, the role allowed for the meaning, the audit entry at the signed head unchanged;
- the stored report files against the latest signature's statement (the PDF of an earlier one as a prefix
  of the final PDF): another record's files copied in do not match;
- the follow-ups' chain (:mod:`storage.chain`) and their separation of duties.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import Boolean, Integer, select, type_coerce

from checklist.workflow import MEANING_ZH, ROLE_ZH, SIGNING_ROLES, STATUS_ZH, ActionStatus, InspectionStatus, Meaning
from export.crypto import SigningError, cms_validate_detached
from export.revocation import Revocations, refused_line, verdict
from storage import verification
from storage.audit import _QUIET, _SECRET, canonical_json, json_value
from storage.chain import follow_up_hash
from storage.db import Database
from storage.inspections import evaluate, get_inspection
from storage.models import (
    ActionFollowUp,
    AuditEntry,
    CorrectiveAction,
    DormitoryRoomRow,
    Evidence,
    Inspection,
    ItemResponse,
    ReportFile,
    RevocationList,
    Signature,
    User,
)
from storage.record import canonical_bytes, canonical_record, record_hash
from storage.stored_json import mapping

RECORD_TABLES: tuple[Any, ...] = (
    Inspection,
    ItemResponse,
    DormitoryRoomRow,
    Evidence,
    CorrectiveAction,
    ActionFollowUp,
    Signature,
    ReportFile,
)


def _value(value: Any) -> str:
    return canonical_json(json_value(value))


class Problems:
    """What a check found wrong, said in English and in Chinese (the command line and the window speak
    one language each: a Chinese line carries no English problem text, and the other way round)."""

    def __init__(self) -> None:
        self.en: list[str] = []
        self.zh: list[str] = []

    def add(self, en: str, zh: str) -> None:
        self.en.append(en)
        self.zh.append(zh)

    def extend(self, other: Problems) -> None:
        self.en += other.en
        self.zh += other.zh

    def __bool__(self) -> bool:
        return bool(self.en)

    def __len__(self) -> int:
        return len(self.en)

    def english(self, limit: int | None = None) -> str:
        shown = self.en if limit is None else self.en[:limit]
        return "; ".join(shown) + (" …" if limit is not None and len(self.en) > limit else "")

    def chinese(self, limit: int | None = None) -> str:
        shown = self.zh if limit is None else self.zh[:limit]
        return "；".join(shown) + ("……" if limit is not None and len(self.zh) > limit else "")

    def verdict(
        self, fine_en: str, wrong_en: str, fine_zh: str, wrong_zh: str, limit: int | None = None
    ) -> tuple[bool, str, str]:
        """A check's line (passed, English, Chinese): ``fine_*`` when nothing was found wrong, else ``wrong_*``
        with ``{}`` replaced by the problems (the first ``limit`` of them, if given)."""
        if not self:
            return True, fine_en, fine_zh
        return False, wrong_en.replace("{}", self.english(limit)), wrong_zh.replace("{}", self.chinese(limit))


def _replayed(entries: Iterable[AuditEntry]) -> dict[tuple[str, int], dict[str, Any] | None]:
    """Each row's columns as the audit trail's inserts, updates and deletes leave them (None: deleted)."""
    state: dict[tuple[str, int], dict[str, Any] | None] = {}
    for entry in entries:
        if entry.row_id is None or entry.action not in ("insert", "update", "delete"):
            continue
        key = (entry.table_name, entry.row_id)
        if entry.action == "insert":
            state[key] = dict(mapping(entry.new) or {})
        elif entry.action == "delete":
            state[key] = None
        else:
            state.setdefault(key, {})
            current = state[key]
            if current is not None:
                current.update(mapping(entry.new) or {})
    return state


def _check_rows(check: verification.RecordCheck, session: Any, inspection_id: int, users: set[int]) -> None:
    """Every row of the record and the signers' accounts against the audit trail's replay."""
    entries = list(
        session.scalars(
            select(AuditEntry)
            .where(
                (AuditEntry.inspection_id == inspection_id)
                | ((AuditEntry.table_name == "users") & AuditEntry.row_id.in_(users or {-1}))
            )
            .order_by(AuditEntry.seq)
        )
    )
    expected = _replayed(entries)
    found: dict[tuple[str, int], Any] = {}
    for model in RECORD_TABLES:
        column = model.id if model is Inspection else model.inspection_id
        for row in session.scalars(select(model).where(column == inspection_id)):
            found[(model.__tablename__, row.id)] = row
    for row in session.scalars(select(User).where(User.id.in_(users or {-1}))):
        found[("users", row.id)] = row
    problems = Problems()
    if session.get_bind().dialect.name == "sqlite":  # SQLite keeps any integer in a boolean column: 2 reads True
        for model in (*RECORD_TABLES, User):
            for column in model.__table__.columns:
                if isinstance(column.type, Boolean):
                    ids = [key[1] for key in found if key[0] == model.__tablename__]
                    odd = session.scalars(
                        select(model.id).where(model.id.in_(ids or [-1]), type_coerce(column, Integer).not_in((0, 1)))
                    ).all()
                    for i in odd:
                        problems.add(
                            f"{model.__tablename__} row {i}: {column.name} is not 0 or 1",
                            f"{model.__tablename__} 第 {i} 行：{column.name} 不是 0 或 1",
                        )
    for key, row in sorted(found.items()):
        table, row_id = key
        if key not in expected or expected[key] is None:
            problems.add(
                f"{table} row {row_id} has no insert in the audit trail (written by SQL)",
                f"{table} 第 {row_id} 行在审计记录中没有新增记录（由 SQL 写入）",
            )
            continue
        replay = expected[key] or {}
        for attribute in type(row).__mapper__.column_attrs:
            name = attribute.key
            if name in _QUIET or name in _SECRET:
                continue
            now = getattr(row, name)
            if name not in replay and now is None:
                continue  # a column added by a later schema, never set for this row
            if name not in replay:
                problems.add(
                    f"{table} row {row_id}: column {name} is not in its audit entries",
                    f"{table} 第 {row_id} 行：{name} 列不在其审计记录中",
                )
            elif _value(now) != canonical_json(replay[name]):
                parts = _changed_parts(name, json_value(now), replay[name]) if isinstance(now, dict) else []
                for path, is_now, was in (parts or [(name, now, replay[name])])[:3]:
                    problems.add(
                        f"{table} row {row_id}: {path} is {_short(is_now)}, the audit trail says {_short(was)}",
                        f"{table} 第 {row_id} 行：{path} 为 {_short(is_now)}，审计记录为 {_short(was)}",
                    )
    for key, state in sorted(expected.items()):
        if state is not None and key not in found and key[0] != "users":
            problems.add(
                f"{key[0]} row {key[1]} is in the audit trail but missing from the record",
                f"{key[0]} 第 {key[1]} 行在审计记录中，但记录里没有",
            )
    check.check(
        *problems.verdict(
            "every row of the record matches the audit trail",
            "changed outside 复工自查 (no audit entry): {}",
            "记录的每一行都与审计记录一致",
            "记录在本程序之外被改动（无审计记录）：{}",
            limit=6,
        )
    )


def _changed_parts(path: str, now: Any, then: Any) -> list[tuple[str, Any, Any]]:
    """Where a stored value differs from the audit trail's, down to the changed entries of a structured one
    (``company_snapshot.company.name``): shortened whole, two such values would read alike (the same first
    characters) and hide what was changed. Empty when no entry differs (the caller names the whole value)."""
    if isinstance(now, dict) and isinstance(then, dict):
        parts = [
            part
            for key in sorted({*now, *then}, key=str)
            for part in _changed_parts(f"{path}.{key}", now.get(key), then.get(key))
        ]
        if parts:
            return parts
    return [(path, now, then)] if canonical_json(now) != canonical_json(then) else []


def _short(value: Any) -> str:
    text = _value(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def _check_counts(check: verification.RecordCheck, inspection: Inspection, open_actions: int) -> None:
    """The list's counters (通过, 不合格, 不适用, 未查, 整改未完) are bookkeeping, but what the list shows: they
    must be what the record says."""
    overall = evaluate(inspection).score.overall
    stored = (inspection.passed, inspection.failed, inspection.na, inspection.unchecked, inspection.open_actions)
    computed = (overall.passed, overall.failed, overall.na, overall.unchecked, open_actions)
    check.check(
        stored == computed,
        "the list's counts match the record"
        if stored == computed
        else f"the stored counts (passed, failed, n/a, unchecked, open actions) {stored} are not the record's {computed}",
        "列表中的统计与记录一致" if stored == computed else f"保存的统计 {stored} 与记录计算出的 {computed} 不一致",
    )


_STATEMENT_ZH = {
    "format": "声明格式",
    "inspection": "记录号",
    "record_hash": "记录哈希",
    "meaning": "签署含义",
    "signer": "签名人",
    "user_id": "账户号",
    "role": "角色",
    "signed_at": "签署时间",
    "certificate_sha256": "证书指纹",
    "image_sha256": "手写签名图像",
}


def statement_problems(
    row: Signature, statement: dict[str, Any], certificate: x509.Certificate | None, current_hash: str
) -> Problems:
    """What differs between a signature row and the statement its CMS signs."""
    from export.authority import name_of, role_of

    wanted = {
        "format": "fugong.signature/1",
        "inspection": row.inspection_id,
        "record_hash": row.record_hash,
        "meaning": row.meaning,
        "signer": row.signer_name,
        "user_id": row.user_id,
        "role": row.role,
        "signed_at": row.signed_at.isoformat() if isinstance(row.signed_at, dt.datetime) else str(row.signed_at),
        "certificate_sha256": row.certificate_sha256,
        "image_sha256": hashlib.sha256(row.image_png).hexdigest() if row.image_png else None,
    }
    problems = Problems()
    for key, value in wanted.items():
        if statement.get(key) != value:
            problems.add(f"{key} differs from what was signed", f"{_STATEMENT_ZH.get(key, key)}与签署时不同")
    if statement.get("record_hash") != current_hash:
        problems.add("the record was changed after this signature", "记录在此签名之后被改动")
    if certificate is not None:
        if name_of(certificate) != row.signer_name:
            problems.add(
                f"the certificate names {name_of(certificate)}, not {row.signer_name}",
                f"证书上的姓名是 {name_of(certificate)}，不是 {row.signer_name}",
            )
        if role_of(certificate) != row.role:
            problems.add(
                f"the certificate gives the role {role_of(certificate) or '(none)'}, not {row.role}",
                f"证书上的角色是 {ROLE_ZH.get(role_of(certificate) or '', role_of(certificate)) or '（无）'}，不是 {ROLE_ZH.get(row.role, row.role)}",
            )
    return problems


def _check_signature(
    check: verification.RecordCheck,
    session: Any,
    row: Signature,
    current_hash: str,
    canonical: bytes,
    anchors: list[x509.Certificate],
    revocations: Revocations,
) -> dict[str, Any] | None:
    """One signature row against its CMS and the anchor; returns the signed statement (None: legacy/invalid)."""
    label = MEANING_ZH.get(row.meaning, row.meaning)
    signed = row.statement.encode("utf-8") if row.statement is not None else canonical
    try:
        signers = cms_validate_detached(row.record_signature, signed, anchors)
    except (SigningError, ValueError, TypeError):
        signers = []
    problems = Problems()
    if len(signers) != 1:
        problems.add("its CMS cannot be read or holds more than one signer", "其 CMS 无法读取或含多个签名人")
    else:
        signer = signers[0]
        if not signer.intact:
            problems.add("what it signs was changed (its digest differs)", "所签内容被改动（摘要不同）")
        if not signer.trusted:
            problems.add("its certificate does not chain to the trust anchor", "其证书不能追溯到信任锚")
        if signer.certificate_sha256 != row.certificate_sha256:
            problems.add("it was made with another certificate than the row names", "所用证书与签名行记载的不同")
        if signer.meaning != row.meaning:
            problems.add(
                f"it states the meaning {signer.meaning or '(none)'}, not {row.meaning}",
                f"其签署含义为 {MEANING_ZH.get(signer.meaning or '', signer.meaning) or '（无）'}，不是 {label}",
            )
    if row.meaning not in set(Meaning) or row.role not in SIGNING_ROLES.get(Meaning(row.meaning), ()):
        problems.add(
            f"{row.role} may not sign as {row.meaning}",
            f"{ROLE_ZH.get(row.role, row.role)} 不得以“{MEANING_ZH.get(row.meaning, row.meaning)}”签署",
        )
    statement: dict[str, Any] | None = None
    if row.statement is None:
        if row.record_hash != current_hash:
            problems.add("the record was changed after this signature", "记录在此签名之后被改动")
    else:
        try:
            loaded = json.loads(row.statement)
        except ValueError:
            loaded = None
        if not isinstance(loaded, dict):
            problems.add("its statement cannot be read", "其签署声明无法读取")
        else:
            statement = loaded
            certificate = signers[0].certificate if len(signers) == 1 else None
            problems.extend(statement_problems(row, statement, certificate, current_hash))
            head = statement.get("audit_head")
            if isinstance(head, dict) and isinstance(head.get("seq"), int) and head["seq"] > 0:
                logged = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == head["seq"]))
                if logged != head.get("hash"):
                    problems.add(
                        f"the audit trail up to entry {head['seq']}, which it signs, was rewritten",
                        f"其所签的审计记录（至第 {head['seq']} 条）被改写",
                    )
            elif not (isinstance(head, dict) and head.get("seq") == 0):
                problems.add("it names no audit chain head", "其未写明审计链的末条")
    account = session.get(User, row.user_id)
    if account is None or account.name != row.signer_name:
        problems.add(
            f"the account {row.user_id} is not {row.signer_name}", f"账户 {row.user_id} 不是 {row.signer_name}"
        )
    claimed = signers[0].signing_time if len(signers) == 1 else None
    times = _times_problem(session, row, claimed)
    if times is not None:
        problems.add(*times[0])
    check.check(
        not problems,
        f"{row.meaning} signature by {row.signer_name} ({row.signed_at:%Y-%m-%d %H:%M} UTC) "
        + ("verifies against the trust anchor" if not problems else "does not verify: " + problems.english()),
        f"{row.signer_name} 的“{label}”签名" + ("验证通过" if not problems else "验证不通过：" + problems.chinese()),
    )
    revoked = revocations.status(signers[0].certificate) if len(signers) == 1 else None
    if revoked is not None:
        stated = [t for t in (row.signed_at, claimed, times[1] if times else None) if t is not None]
        latest = max((t if t.tzinfo else t.replace(tzinfo=dt.UTC)) for t in stated)
        check.check(*verdict(revoked, latest, row.signer_name))
    return statement if not problems else None


BACKDATE_TOLERANCE = dt.timedelta(minutes=10)


def _times_problem(
    session: Any, row: Signature, claimed: dt.datetime | None
) -> tuple[tuple[str, str], dt.datetime | None] | None:
    """A signature row's time against the time its CMS claims and the time the audit trail recorded its insert
    (a signature made later and backdated — past a revocation, say — disagrees with the trail). Returns the
    problem, with the audit trail's time, or None."""
    logged = session.scalar(
        select(AuditEntry.at)
        .where(AuditEntry.table_name == "signatures", AuditEntry.row_id == row.id, AuditEntry.action == "insert")
        .order_by(AuditEntry.seq)
        .limit(1)
    )
    signed_at = row.signed_at if isinstance(row.signed_at, dt.datetime) else None
    if signed_at is None:
        return None
    said = Problems()
    if claimed is not None and abs(claimed.astimezone(dt.UTC).replace(tzinfo=None) - signed_at) > BACKDATE_TOLERANCE:
        said.add(
            f"its CMS states the time {claimed:%Y-%m-%d %H:%M:%S} UTC",
            f"其 CMS 所载时间为 {claimed:%Y-%m-%d %H:%M:%S} UTC",
        )
    if isinstance(logged, dt.datetime) and abs(logged - signed_at) > BACKDATE_TOLERANCE:
        said.add(
            f"the audit trail recorded it at {logged:%Y-%m-%d %H:%M:%S} UTC",
            f"审计记录所载时间为 {logged:%Y-%m-%d %H:%M:%S} UTC",
        )
    if not said:
        return None
    return (
        (
            f"it says it was made at {signed_at:%Y-%m-%d %H:%M:%S} UTC, but "
            + " and ".join(said.en)
            + ": the times disagree (backdated?)",
            f"其自称签于 {signed_at:%Y-%m-%d %H:%M:%S} UTC，但" + "，".join(said.zh) + "：时间不一致（倒签？）",
        ),
        logged if isinstance(logged, dt.datetime) else None,
    )


def _check_revocation_lists(check: verification.RecordCheck, session: Any) -> None:
    """Every revocation list the audit trail shows issued is still in the database, unchanged (one removed
    by SQL would un-revoke a certificate for whoever verifies without the trust file)."""
    entries = list(
        session.scalars(select(AuditEntry).where(AuditEntry.table_name == "revocation_lists").order_by(AuditEntry.seq))
    )
    if not entries:
        return
    expected = _replayed(entries)
    stored = {row.id: row for row in session.scalars(select(RevocationList))}
    problems = Problems()
    for (_, row_id), state in sorted(expected.items()):
        if state is None:
            problems.add(f"revocation list row {row_id} was deleted", f"吊销列表第 {row_id} 行被删除")
            continue
        row = stored.get(row_id)
        if row is None:
            problems.add(
                f"revocation list {state.get('number')} is missing (removed outside 复工自查)",
                f"第 {state.get('number')} 号吊销列表缺失（在本程序之外被删除）",
            )
        elif canonical_json(json_value(row.crl_der)) != canonical_json(state.get("crl_der")):
            problems.add(f"revocation list {row.number} was changed", f"第 {row.number} 号吊销列表被改动")
    check.check(
        *problems.verdict(
            f"the {len(expected)} revocation list(s) the authority issued are all in the database",
            "revocation lists: {}",
            f"签名机构签发的 {len(expected)} 个吊销列表都在数据库中",
            "吊销列表被删除或改动过：{}",
        )
    )


def _check_files(
    check: verification.RecordCheck, files: dict[str, bytes], statements: list[dict[str, Any]], legacy: bool
) -> None:
    """The stored report files are exactly those the latest signature states; earlier PDFs are prefixes."""
    if not statements:
        if not legacy:
            check.check(False, "no verified signature states the report files", "没有可验证的签名写明报告文件")
        return
    problems = Problems()
    latest = statements[-1].get("files") or {}
    if set(latest) != set(files):
        problems.add(
            f"the stored files are {sorted(files)}, the signature states {sorted(latest)}",
            f"保存的文件为 {sorted(files)}，签名写明的是 {sorted(latest)}",
        )
    for kind, data in files.items():
        stated = latest.get(kind) or {}
        if stated.get("sha256") != hashlib.sha256(data).hexdigest():
            problems.add(f"the stored {kind} is not the one signed", f"保存的 {kind} 不是签署的那一份")
    for earlier in statements[:-1]:
        stated = (earlier.get("files") or {}).get("pdf") or {}
        size = stated.get("size")
        pdf = files.get("pdf", b"")
        if not isinstance(size, int) or hashlib.sha256(pdf[:size]).hexdigest() != stated.get("sha256"):
            problems.add(
                "the stored PDF does not continue the one the first signature made",
                "保存的 PDF 不是在第一个签名所生成的 PDF 之上续签的",
            )
    check.check(
        *problems.verdict(
            "the stored report files are the ones signed",
            "report files: {} (copied from another record, or changed)",
            "保存的报告文件就是签署的文件",
            "报告文件：{}（从其他记录复制或被改动）",
        )
    )


def _check_follow_ups(check: verification.RecordCheck, inspection: Inspection, rows: list[ActionFollowUp]) -> int:
    """The follow-ups' chain and their separation of duties; returns the number of actions still open."""
    problems = Problems()
    previous = inspection.record_hash or ""
    done_by: dict[int, str] = {}
    action_ids = {a.id for a in inspection.actions}
    latest: dict[int, str] = {}
    for row in rows:
        digest = follow_up_hash(previous, row.inspection_id, row.action_id, row.status, row.note, row.on, row.by)
        if row.chain_hash != digest:
            problems.add(
                f"follow-up {row.id} was changed, moved or reordered (its chain hash differs)",
                f"第 {row.id} 条整改跟进被改动、移动或调换顺序（链哈希不同）",
            )
        previous = row.chain_hash or digest
        if row.action_id not in action_ids:
            problems.add(
                f"follow-up {row.id} names action {row.action_id}, not one of this record",
                f"第 {row.id} 条整改跟进指向整改措施 {row.action_id}，不属于本记录",
            )
        if row.status == ActionStatus.DONE:
            done_by[row.action_id] = row.by
        elif row.status == ActionStatus.VERIFIED:
            if done_by.get(row.action_id) == row.by:
                problems.add(
                    f"follow-up {row.id}: {row.by} verified what they recorded as done",
                    f"第 {row.id} 条整改跟进：{row.by} 验证了自己登记的整改",
                )
            if row.action_id not in done_by and _draft_status(inspection, row.action_id) != ActionStatus.DONE:
                problems.add(
                    f"follow-up {row.id} verifies an action never recorded as done",
                    f"第 {row.id} 条整改跟进验证了一项从未登记为已整改的措施",
                )
        latest[row.action_id] = row.status
    if rows or problems:
        check.check(
            *problems.verdict(
                f"{len(rows)} follow-up(s) chained onto the record, verified by someone other than who did them",
                "follow-ups: {}",
                f"{len(rows)} 条整改跟进与记录相链，验证人不是整改人",
                "整改跟进：{}",
            )
        )
    return sum(1 for a in inspection.actions if latest.get(a.id, a.status) != ActionStatus.VERIFIED)


def _draft_status(inspection: Inspection, action_id: int) -> str | None:
    return next((a.status for a in inspection.actions if a.id == action_id), None)


def _check_status(check: verification.RecordCheck, inspection: Inspection, rows: list[Signature]) -> None:
    meanings = [r.meaning for r in sorted(rows, key=lambda r: (r.signed_at, r.id))]
    problems = Problems()
    if inspection.status == InspectionStatus.COMPLETED and rows:
        problems.add("it reads completed but has signatures", "状态为已完成，却有签名")
    elif inspection.status == InspectionStatus.SIGNED:
        if meanings not in (["inspector"], ["inspector", "approver"]):
            problems.add(
                f"its signatures are {meanings or 'none'}, not inspector then approver",
                "其签名为 " + ("、".join(MEANING_ZH.get(m, m) for m in meanings) or "无") + "，不是先检查人、后审核",
            )
        if len({r.user_id for r in rows}) != len(rows) or len({r.signer_name for r in rows}) != len(rows):
            problems.add("the same person signed twice", "同一人签署了两次")
    elif inspection.status not in set(InspectionStatus):
        problems.add(
            f"its status {inspection.status!r} is not one this program writes",
            f"其状态 {inspection.status!r} 不是本程序会写入的状态",
        )
    stage = (
        "approved"
        if meanings == ["inspector", "approver"]
        else ("awaiting approval" if meanings == ["inspector"] else inspection.status)
    )
    stage_zh = (
        "已审核"
        if meanings == ["inspector", "approver"]
        else ("待审核签署" if meanings == ["inspector"] else STATUS_ZH.get(inspection.status, inspection.status))
    )
    check.check(
        not problems,
        f"status {inspection.status}, sign-off {stage}" + ("" if not problems else ": " + problems.english()),
        f"状态：{STATUS_ZH.get(inspection.status, inspection.status)}，签署进度：{stage_zh}"
        + ("" if not problems else "：" + problems.chinese()),
    )


def verify_signed_record(db: Database, inspection_id: int, trust_file: Path | None = None) -> verification.RecordCheck:
    """Everything stored about a completed or signed inspection, one check per line (see the module)."""
    from export.trust import anchors_for

    check = verification.verify_record(db, inspection_id)
    if check.altered:
        return check  # its rows cannot be read as the application wrote them: nothing more to compare
    anchors = anchors_for(db, trust_file)  # each read in a session of its own, before the record's
    with db.session() as session:
        files = {
            f.kind: f.data for f in session.scalars(select(ReportFile).where(ReportFile.inspection_id == inspection_id))
        }
    with db.session() as session:
        inspection = get_inspection(session, inspection_id)
        if inspection.status == InspectionStatus.DRAFT:
            return check
        rows = list(session.scalars(select(Signature).where(Signature.inspection_id == inspection_id)))
        rows.sort(key=lambda r: (list(MEANING_ZH).index(r.meaning) if r.meaning in MEANING_ZH else 9, r.id))
        follow_ups = list(
            session.scalars(
                select(ActionFollowUp).where(ActionFollowUp.inspection_id == inspection_id).order_by(ActionFollowUp.id)
            )
        )
        _check_status(check, inspection, rows)
        _check_rows(check, session, inspection_id, {r.user_id for r in rows})
        open_actions = _check_follow_ups(check, inspection, follow_ups)
        _check_counts(check, inspection, open_actions)
        current = record_hash(inspection)
        if rows:
            check.check(
                anchors.ok,
                f"trust anchor: {anchors.source}" if anchors.ok else anchors.problem,
                f"信任锚：{anchors.source_zh}" if anchors.ok else anchors.problem_zh,
            )
            refused = refused_line(anchors.revocations)
            if refused is not None:
                check.check(*refused)
            canonical = canonical_bytes(canonical_record(inspection))
            statements: list[dict[str, Any]] = []
            for row in rows:
                statement = _check_signature(
                    check, session, row, current, canonical, anchors.certificates, anchors.revocations
                )
                if statement is not None:
                    statements.append(statement)
            legacy = all(r.statement is None for r in rows)
            _check_files(check, files, statements, legacy)
            _check_revocation_lists(check, session)
    return check
