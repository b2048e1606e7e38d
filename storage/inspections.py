"""Inspections: create, load, answer, rooms, evidence, complete, reopen, lock when signed, new version.

Functions take the :class:`~storage.db.Database` and the acting user's name; one transaction per user action.
Changes to an inspection carry the version the caller last saw; if someone else saved in between,
:class:`~storage.errors.ConcurrentEditError` is raised and nothing is written. A signed inspection is never
changed: a correction is a new version that supersedes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, joinedload, selectinload

from checklist.catalog import Catalog, CatalogError, catalog_version, for_company, official_catalogs
from checklist.evaluation import (
    Answer,
    Blocker,
    InspectionEvaluation,
    Result,
    completion_blocker_details,
    completion_blockers,
    evaluate_inspection,
)
from checklist.limits import Counted
from checklist.messages import Both, msg
from checklist.workflow import ActionStatus, InspectionStatus
from storage import audit, inputs, photos, stored_json
from storage.db import Database, known_error
from storage.errors import (
    AlteredRecordError,
    ConcurrentEditError,
    InvalidInputError,
    KnownError,
    NotFoundError,
    RecordLockedError,
)
from storage.models import (
    Company,
    CorrectiveAction,
    DormitoryRoomRow,
    Evidence,
    Inspection,
    ItemResponse,
    Site,
    utcnow,
)
from storage.record import company_part, company_type_of, normalise, record_hash
from storage.unit_of_work import unit_of_work


def catalogs_of(inspection: Inspection, available: Mapping[str, Catalog] | None = None) -> list[Catalog]:
    """The catalogs an inspection was made with, in its order, at the versions it recorded."""
    chosen: list[Catalog] = []
    for cid, version in inspection.catalogs.items():
        given = available.get(cid) if available is not None else None
        if given is not None and given.version == version:
            chosen.append(given)
            continue
        try:
            chosen.append(catalog_version(cid, str(version)))
        except CatalogError as error:
            raise KnownError(msg("inspection.catalog_reading", id=inspection.id, reason=str(error))) from None
    return chosen


def create_inspection(
    db: Database,
    actor: str,
    company_id: int,
    date: dt.date,
    inspector: str,
    catalog_ids: Sequence[str],
    site_id: int | None = None,
    catalogs: Mapping[str, Catalog] | None = None,
) -> int:
    available = catalogs if catalogs is not None else official_catalogs()
    if not catalog_ids:
        raise InvalidInputError(msg("inspection.no_catalog"))
    unknown = [cid for cid in catalog_ids if cid not in available]
    if unknown:
        raise InvalidInputError(
            msg("inspection.catalog_unknown", unknown=", ".join(unknown), known=", ".join(available))
        )
    inspector = inputs.name(inspector, "inspector")
    with unit_of_work(db, actor) as session:
        if session.get(Company, company_id) is None:
            raise NotFoundError(msg("inspection.no_company", id=company_id))
        if site_id is not None:
            site = session.get(Site, site_id)
            if site is None or site.company_id != company_id:
                raise NotFoundError(msg("inspection.no_site", site=site_id, company=company_id))
        chosen = [available[cid] for cid in dict.fromkeys(catalog_ids)]
        inspection = Inspection(
            company_id=company_id,
            site_id=site_id,
            date=date,
            inspector=inspector.strip(),
            catalogs={c.id: c.version for c in chosen},
            status=InspectionStatus.DRAFT,
        )
        position = 0
        for catalog in chosen:
            for item in catalog.items:
                inspection.responses.append(ItemResponse(position=position, item_id=item.id))
                position += 1
        inspection.unchecked = position
        session.add(inspection)
        session.flush()
        return inspection.id


def get_inspection(session: Session, inspection_id: int, *, photo_bytes: bool = True) -> Inspection:
    """The inspection with its children loaded, inside the caller's session (and transaction).

    ``photo_bytes=False``: the attachments' rows without their stored bytes and thumbnails, which are read only
    if used in this session — a saved answer does not carry every photo of the record over the wire."""
    evidence = selectinload(Inspection.evidence)
    if not photo_bytes:
        evidence = evidence.defer(Evidence.data).defer(Evidence.thumbnail)
    inspection = session.scalar(
        select(Inspection)
        .where(Inspection.id == inspection_id)
        .options(
            selectinload(Inspection.responses),
            selectinload(Inspection.rooms),
            evidence,
            selectinload(Inspection.actions),
            joinedload(Inspection.company),  # one row each: joined into the first query, no round trip of its own
            joinedload(Inspection.site),
        )
    )
    if inspection is None:
        raise NotFoundError(msg("inspection.unknown", id=inspection_id))
    altered = [found for row in (inspection, *inspection.responses) for found in stored_json.altered_columns(row)]
    if altered:
        raise AlteredRecordError(msg("inspection.altered", id=inspection_id), altered)
    return inspection


def load_inspection(db: Database, inspection_id: int) -> Inspection:
    """The inspection with responses, rooms, evidence and actions loaded (detached, read-only use)."""
    with db.session() as session:
        try:
            return get_inspection(session, inspection_id)
        except SQLAlchemyError as error:
            raise known_error(error) from error


def get_editable(
    session: Session, inspection_id: int, expected_version: int | None, *, photo_bytes: bool = True
) -> Inspection:
    """The inspection, inside the caller's session, if it may be changed: a draft at ``expected_version``."""
    inspection = get_inspection(session, inspection_id, photo_bytes=photo_bytes)
    if inspection.status == InspectionStatus.SIGNED:
        raise RecordLockedError(
            f"inspection {inspection_id} is signed and cannot be changed; create a new version to correct it",
            f"检查记录 #{inspection_id} 已签署，不能再修改；如需更正，请创建新版本",
        )
    if inspection.status == InspectionStatus.COMPLETED:
        raise RecordLockedError(
            f"inspection {inspection_id} is completed; reopen it as a draft to change it",
            f"检查记录 #{inspection_id} 已完成；如需修改，请先重新打开为草稿",
        )
    if expected_version is not None and inspection.version != expected_version:
        raise ConcurrentEditError(
            f"inspection {inspection_id} was saved by someone else (version {inspection.version}, you had "
            f"{expected_version}); your change was not saved — reload to see theirs",
            f"检查记录 #{inspection_id} 已被他人保存；您的这次修改未保存，请重新载入查看对方的内容",
        )
    return inspection


def answers_of(inspection: Inspection) -> dict[str, Answer]:
    return {
        r.item_id: Answer(Result(r.result) if r.result else None, dict(r.measurements or {}), r.override_reason, r.note)
        for r in inspection.responses
    }


def room_rows_of(inspection: Inspection) -> list[dict[str, Any]]:
    return [
        {
            "name": r.name,
            "area_m2": r.area_m2,
            "occupants": r.occupants,
            "location": r.location,
            "has_window": r.has_window,
            "bunk_beds": r.bunk_beds,
        }
        for r in sorted(inspection.rooms, key=lambda r: r.position)
    ]


def evaluate(inspection: Inspection, catalogs: Mapping[str, Catalog] | None = None) -> InspectionEvaluation:
    return evaluate_inspection(
        catalogs_of(inspection, catalogs),
        answers_of(inspection),
        room_rows_of(inspection),
        # items for other company types are not applicable: the type a completed record was completed with
        company_type_of(inspection),
    )


def shown_catalogs(inspection: Inspection) -> list[Catalog]:
    """The catalogs of a record with only the items that concern its company (LK28 二（二）4: malls, hotels …):
    for a completed or signed record the items it was completed and signed with, whatever the company's type
    is now; for a draft the items of the company as it is."""
    return for_company(catalogs_of(inspection), company_type_of(inspection))


def refresh_results(inspection: Inspection) -> InspectionEvaluation:
    """Re-derive every item's result and the list counters after a change."""
    evaluation = evaluate(inspection)
    for response in inspection.responses:
        outcome = evaluation.outcomes[response.item_id]
        derived = outcome.derived.value if outcome.derived else None
        final = outcome.result.value if outcome.result else None
        findings = [f.as_dict() for f in outcome.findings] or None
        if response.derived != derived:
            response.derived = derived
        if response.final != final:
            response.final = final
        if response.findings != findings:
            response.findings = findings
    overall = evaluation.score.overall
    inspection.passed, inspection.failed = overall.passed, overall.failed
    inspection.na, inspection.unchecked = overall.na, overall.unchecked
    inspection.open_actions = sum(1 for a in inspection.actions if a.status != ActionStatus.VERIFIED)
    inspection.updated_at = utcnow()
    return evaluation


def save_answer(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, answer: Answer
) -> int:
    """Store the officer's answer to one item as given (even if a value is invalid: it is kept and flagged);
    return the inspection's new version."""
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version, photo_bytes=False)
        response = next((r for r in inspection.responses if r.item_id == item_id), None)
        if response is None:
            raise NotFoundError(msg("inspection.no_item", id=inspection_id, item=item_id))
        note = inputs.note(answer.note, "note")
        override_reason = inputs.note(answer.override_reason, "override reason")
        result = answer.result.value if answer.result else None
        measurements = {k: v for k, v in answer.measurements.items() if v is not None and v != ""} or None
        for name, value in (
            ("result", result),
            ("measurements", measurements),
            ("override_reason", override_reason),
            ("note", note),
        ):
            if getattr(response, name) != value:
                setattr(response, name, value)
        refresh_results(inspection)
        session.flush()
        return inspection.version


def set_rooms(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, rows: Sequence[Mapping[str, Any]]
) -> int:
    """Replace the dormitory-room table. Rows are stored as typed; rule problems show up as item errors."""
    inputs.count(Counted.ROOMS, len(rows))
    clean: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        try:
            clean.append(
                {
                    "name": inputs.name(str(row.get("name", "")), f"dormitory_rooms[{index}].name", required=False)
                    or f"#{index + 1}",
                    "area_m2": float(row.get("area_m2", 0) or 0),
                    "occupants": int(row.get("occupants", 0) or 0),
                    "location": str(row.get("location", "above_ground")),
                    "has_window": bool(row.get("has_window", True)),
                    "bunk_beds": bool(row.get("bunk_beds", False)),
                }
            )
        except (TypeError, ValueError):
            raise InvalidInputError(msg("inspection.room_numbers", number=index + 1)) from None
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version, photo_bytes=False)
        existing = sorted(inspection.rooms, key=lambda r: r.position)
        for position, values in enumerate(clean):
            if position < len(existing):
                room = existing[position]
                for key, value in values.items():
                    if getattr(room, key) != value:
                        setattr(room, key, value)
            else:
                inspection.rooms.append(DormitoryRoomRow(position=position, **values))
        for room in existing[len(clean) :]:
            inspection.rooms.remove(room)
        refresh_results(inspection)
        session.flush()
        return inspection.version


def media_type_of(filename: str, data: bytes) -> str:
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"%PDF"):
        return "application/pdf"
    import mimetypes

    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def add_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, filename: str, data: bytes
) -> tuple[int, int]:
    """Attach a photo or document; return (evidence id, new inspection version)."""
    filename = inputs.short(filename, "file name")
    return add_prepared_evidence(
        db, actor, inspection_id, expected_version, item_id, photos.prepare_attachment(filename, data)
    )


def add_prepared_evidence(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    item_id: str,
    prepared: photos.PreparedAttachment,
) -> tuple[int, int]:
    """Store an attachment made ready by :func:`storage.photos.prepare_attachment` (off the GUI thread);
    return (evidence id, new inspection version)."""
    filename = inputs.short(prepared.filename, "file name")
    # What is stored is checked again here (header and hash only: cheap), whoever prepared it.
    if photos.check_attachment(filename, prepared.data) != prepared.media_type:
        raise InvalidInputError(
            f"{filename}: the prepared attachment does not match its media type; nothing was attached",
            f"{filename}：准备好的附件与其文件类型不符；未添加附件",
        )
    if hashlib.sha256(prepared.data).hexdigest() != prepared.stored_sha256:
        raise InvalidInputError(
            f"{filename}: the prepared attachment does not match its hash; nothing was attached",
            f"{filename}：准备好的附件与其哈希值不符；未添加附件",
        )
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version)
        if item_id not in {r.item_id for r in inspection.responses}:
            raise NotFoundError(msg("inspection.no_item", id=inspection_id, item=item_id))
        inputs.count(Counted.ATTACHMENTS, len(inspection.evidence) + 1)
        inputs.count(Counted.ITEM_ATTACHMENTS, sum(e.item_id == item_id for e in inspection.evidence) + 1, item_id)
        evidence = Evidence(
            item_id=item_id,
            filename=filename,
            media_type=prepared.media_type,
            original_sha256=prepared.original_sha256,
            original_size=prepared.original_size,
            stored_sha256=prepared.stored_sha256,
            data=prepared.data,
            thumbnail=prepared.thumbnail,
            thumbnail_width=prepared.thumbnail_width,
            thumbnail_height=prepared.thumbnail_height,
        )
        inspection.evidence.append(evidence)
        inspection.updated_at = utcnow()
        session.flush()
        return evidence.id, inspection.version


def remove_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, evidence_id: int
) -> int:
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version)
        evidence = next((e for e in inspection.evidence if e.id == evidence_id), None)
        if evidence is None:
            raise NotFoundError(msg("inspection.no_attachment", id=inspection_id, attachment=evidence_id))
        inspection.evidence.remove(evidence)
        inspection.updated_at = utcnow()
        session.flush()
        return inspection.version


def blockers(inspection: Inspection) -> list[str]:
    return completion_blockers(evaluate(inspection), {a.item_id for a in inspection.actions})


def blocker_details(inspection: Inspection) -> list[Blocker]:
    """What keeps the inspection from being completed, with Chinese and English text."""
    return completion_blocker_details(evaluate(inspection), {a.item_id for a in inspection.actions})


def complete(db: Database, actor: str, inspection_id: int, expected_version: int | None) -> str:
    """Mark a draft completed once nothing blocks it; return the record hash."""
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version)
        problems = blocker_details(inspection)
        if problems:
            shown = problems[:5]
            listed = Both("; ".join(b.message_en for b in shown), "；".join(b.message_zh for b in shown))
            more = msg("inspection.more_problems", count=len(problems) - 5) if len(problems) > 5 else ""
            raise InvalidInputError(msg("inspection.cannot_complete", problems=listed, more=more))
        inspection.status = InspectionStatus.COMPLETED
        inspection.completed_at = utcnow()
        inspection.company_snapshot = None
        inspection.company_snapshot = normalise(company_part(inspection))  # the company as of now, kept
        session.flush()
        digest = record_hash(inspection)
        inspection.record_hash = digest
        audit.record_event(session, "complete", "inspections", inspection.id, inspection.id, {"record_hash": digest})
        return digest


def _reason(reason: str, missing: str) -> str:
    """The reason a reopening or a correction gives, as stored; refused in message ``missing`` when blank."""
    reason = inputs.note(reason, "reason")
    if not reason.strip():
        raise InvalidInputError(msg(missing))
    return reason


def reopen(db: Database, actor: str, inspection_id: int, reason: str) -> int:
    reason = _reason(reason, "inspection.reopen_reason")
    with unit_of_work(db, actor, reason) as session:
        inspection = get_inspection(session, inspection_id)
        if inspection.status != InspectionStatus.COMPLETED:
            raise RecordLockedError(msg("inspection.reopen_not_completed", status=msg(f"status.{inspection.status}")))
        inspection.status = InspectionStatus.DRAFT
        inspection.completed_at = None
        inspection.record_hash = None
        inspection.company_snapshot = None  # a draft follows the company profile again
        session.flush()
        return inspection.version


def lock_signed(session: Session, inspection: Inspection) -> str:
    """Within the signing transaction: freeze the record and store its hash (the signing code calls this)."""
    if inspection.status != InspectionStatus.COMPLETED:
        raise RecordLockedError(msg("inspection.sign_not_completed", id=inspection.id))
    digest = record_hash(inspection)
    if inspection.record_hash and inspection.record_hash != digest:
        raise RecordLockedError(msg("inspection.changed_after_completion", id=inspection.id))
    inspection.status = InspectionStatus.SIGNED
    inspection.signed_at = utcnow()
    inspection.record_hash = digest
    session.flush()
    audit.record_event(session, "sign", "inspections", inspection.id, inspection.id, {"record_hash": digest})
    return digest


_Row = TypeVar("_Row", ItemResponse, DormitoryRoomRow, Evidence, CorrectiveAction)


def _clone(row: _Row) -> _Row:
    """A copy of a child row for another inspection: every column but its own id and its parent."""
    columns = inspect(row).mapper.column_attrs
    return type(row)(**{c.key: getattr(row, c.key) for c in columns if c.key not in ("id", "inspection_id")})


def new_version(db: Database, actor: str, inspection_id: int, reason: str) -> int:
    """A correction of a signed inspection: a draft copy that links to (supersedes) the signed one."""
    reason = _reason(reason, "inspection.correction_reason")
    with unit_of_work(db, actor, reason) as session:
        old = get_inspection(session, inspection_id)
        if old.status != InspectionStatus.SIGNED:
            raise InvalidInputError(msg("inspection.correction_not_signed", id=inspection_id))
        copy = Inspection(
            company_id=old.company_id,
            site_id=old.site_id,
            date=old.date,
            inspector=old.inspector,
            catalogs=dict(old.catalogs),
            status=InspectionStatus.DRAFT,
            supersedes_id=old.id,
        )
        copy.responses.extend(_clone(r) for r in old.responses)
        copy.rooms.extend(_clone(room) for room in old.rooms)
        copy.evidence.extend(_clone(e) for e in old.evidence)
        copy.actions.extend(_clone(a) for a in old.actions)
        session.add(copy)
        session.flush()
        refresh_results(copy)
        session.flush()
        return copy.id


def put_register_line(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    item_id: str,
    prefix: str,
    text: str,
    measurements: Mapping[str, Any] | None = None,
    inspection: Inspection | None = None,
) -> int:
    """Put a register's evidence (登记依据) into a draft's item: ``prefix`` + ``text`` as the note's line that
    starts with ``prefix`` (replacing an earlier one), and of ``measurements`` those the item asks for (the
    rule engine then derives its result, as for typed values). The officer's own result and override reason
    stay as they are. ``inspection``: already loaded by the caller. Returns the inspection's new version."""
    inspection = inspection or load_inspection(db, inspection_id)
    response = next((r for r in inspection.responses if r.item_id == item_id), None)
    if response is None:
        raise NotFoundError(
            f"inspection {inspection_id} has no item {item_id}", f"检查记录 #{inspection_id} 没有条目 {item_id}"
        )
    stored = dict(response.measurements or {})
    if measurements:
        asked = {
            m.key
            for catalog in catalogs_of(inspection)
            for item in catalog.items
            if item.id == item_id
            for m in item.measurements
        }
        stored.update({k: v for k, v in measurements.items() if k in asked})
    lines = [line for line in (response.note or "").splitlines() if not line.startswith(prefix)]
    note = "\n".join([*lines, f"{prefix}{text}"])
    answer = Answer(Result(response.result) if response.result else None, stored, response.override_reason, note)
    return save_answer(db, actor, inspection_id, expected_version, item_id, answer)
