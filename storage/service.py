"""The service layer: every change to user data goes through here, one transaction per user action.

Functions take the :class:`~storage.db.Database` and the acting user's name. Changes to an inspection carry
the version the caller last saw; if someone else saved in between, :class:`ConcurrentEditError` is raised and
nothing is written. A signed inspection is never changed: a correction is a new version that supersedes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, inspect, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from checklist.catalog import Catalog, CatalogError, catalog_version, official_catalogs
from checklist.company import CompanyType, validate_credit_code
from checklist.evaluation import (
    Answer,
    Blocker,
    InspectionEvaluation,
    Result,
    completion_blocker_details,
    completion_blockers,
    evaluate_inspection,
)
from storage import audit, photos
from storage.db import (
    ConcurrentEditError,
    Database,
    InvalidInputError,
    KnownError,
    NotFoundError,
    RecordLockedError,
    known_error,
)
from storage.models import (
    ActionFollowUp,
    AuditEntry,
    Company,
    CorrectiveAction,
    DormitoryRoomRow,
    Evidence,
    Inspection,
    ItemResponse,
    Site,
    User,
    utcnow,
)
from storage.record import record_hash

ACTION_STATUSES = ("open", "done", "verified")
# Who may record an action as done or verified (whoever verifies is a manager, not whoever did it).
FOLLOW_UP_ROLES = {"done": ("officer", "manager"), "verified": ("manager",)}
STATUSES = ("draft", "completed", "signed")


@contextmanager
def unit_of_work(
    db: Database, actor: str, reason: str = "", allowed: tuple[str, ...] | None = ("officer", "manager")
) -> Iterator[Session]:
    """One user action = one transaction; database failures become :class:`KnownError` in words.

    ``allowed`` are the roles that may make this change (checked once the database has accounts; an auditor
    can never change data); None for the account functions that make their own check."""
    from storage.auth import check_permission

    session = db.session(actor, reason)
    try:
        with session.begin():
            if allowed is not None:
                check_permission(session, actor, allowed, "change data", db.principal)
            yield session
    except StaleDataError:
        raise ConcurrentEditError(
            "someone else saved this inspection in the meantime; your change was not saved — reload to see theirs",
            "他人刚刚保存了这次检查；您的这次修改未保存，请重新载入查看对方的内容",
        ) from None
    except KnownError:
        raise
    except SQLAlchemyError as error:
        raise known_error(error) from error
    finally:
        session.close()


# --- companies, sites, users ----------------------------------------------------------------------------


@dataclass
class CompanyInput:
    name: str
    credit_code: str
    company_type: str = CompanyType.OTHER.value
    address: str = ""
    district: str = ""
    headcount: int = 0
    contact: str = ""

    def validated(self) -> CompanyInput:
        if not self.name.strip():
            raise InvalidInputError("the company needs a name")
        try:
            code = validate_credit_code(self.credit_code)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from None
        try:
            CompanyType(self.company_type)
        except ValueError:
            raise InvalidInputError(
                f"company type {self.company_type!r} is not one of {', '.join(t.value for t in CompanyType)}"
            ) from None
        if self.headcount < 0:
            raise InvalidInputError("the headcount cannot be negative")
        return CompanyInput(
            self.name.strip(),
            code,
            self.company_type,
            self.address.strip(),
            self.district.strip(),
            self.headcount,
            self.contact.strip(),
        )


def save_company(db: Database, actor: str, data: CompanyInput, company_id: int | None = None) -> int:
    data = data.validated()
    with unit_of_work(db, actor) as session:
        clash = session.scalar(select(Company.id).where(Company.credit_code == data.credit_code))
        if clash is not None and clash != company_id:
            raise InvalidInputError(f"a company with credit code {data.credit_code} is already registered")
        company = Company() if company_id is None else session.get(Company, company_id)
        if company is None:
            raise NotFoundError(f"no company {company_id}")
        for key, value in vars(data).items():
            setattr(company, key, value)
        session.add(company)
        session.flush()
        return company.id


def add_site(db: Database, actor: str, company_id: int, name: str, kind: str = "") -> int:
    if not name.strip():
        raise InvalidInputError("the site needs a name")
    with unit_of_work(db, actor) as session:
        if session.get(Company, company_id) is None:
            raise NotFoundError(f"no company {company_id}")
        site = Site(company_id=company_id, name=name.strip(), kind=kind.strip())
        session.add(site)
        session.flush()
        return site.id


def list_companies(db: Database) -> list[Company]:
    with db.session() as session:
        return list(session.scalars(select(Company).options(selectinload(Company.sites)).order_by(Company.id)))


def list_users(db: Database) -> list[User]:
    with db.session() as session:
        return list(session.scalars(select(User).order_by(User.id)))


# --- inspections ----------------------------------------------------------------------------------------


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
            raise KnownError(f"inspection {inspection.id}: {error}") from None
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
        raise InvalidInputError("choose at least one catalog")
    unknown = [cid for cid in catalog_ids if cid not in available]
    if unknown:
        raise InvalidInputError(f"unknown catalog(s) {', '.join(unknown)}; known: {', '.join(available)}")
    if not inspector.strip():
        raise InvalidInputError("the inspection needs the inspector's name")
    with unit_of_work(db, actor) as session:
        if session.get(Company, company_id) is None:
            raise NotFoundError(f"no company {company_id}")
        if site_id is not None:
            site = session.get(Site, site_id)
            if site is None or site.company_id != company_id:
                raise NotFoundError(f"no site {site_id} of company {company_id}")
        chosen = [available[cid] for cid in dict.fromkeys(catalog_ids)]
        inspection = Inspection(
            company_id=company_id,
            site_id=site_id,
            date=date,
            inspector=inspector.strip(),
            catalogs={c.id: c.version for c in chosen},
            status="draft",
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


def _load(session: Session, inspection_id: int) -> Inspection:
    inspection = session.scalar(
        select(Inspection)
        .where(Inspection.id == inspection_id)
        .options(
            selectinload(Inspection.responses),
            selectinload(Inspection.rooms),
            selectinload(Inspection.evidence),
            selectinload(Inspection.actions),
            selectinload(Inspection.company),
            selectinload(Inspection.site),
        )
    )
    if inspection is None:
        raise NotFoundError(f"no inspection {inspection_id}")
    return inspection


def load_inspection(db: Database, inspection_id: int) -> Inspection:
    """The inspection with responses, rooms, evidence and actions loaded (detached, read-only use)."""
    with db.session() as session:
        try:
            return _load(session, inspection_id)
        except SQLAlchemyError as error:
            raise known_error(error) from error


def _editable(session: Session, inspection_id: int, expected_version: int | None) -> Inspection:
    inspection = _load(session, inspection_id)
    if inspection.status == "signed":
        raise RecordLockedError(
            f"inspection {inspection_id} is signed and cannot be changed; create a new version to correct it",
            f"检查记录 #{inspection_id} 已签署，不能再修改；如需更正，请创建新版本",
        )
    if inspection.status == "completed":
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
        inspection.company.company_type,  # items for other company types are not applicable
    )


def _refresh(inspection: Inspection) -> InspectionEvaluation:
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
    inspection.open_actions = sum(1 for a in inspection.actions if a.status != "verified")
    inspection.updated_at = utcnow()
    return evaluation


def save_answer(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, answer: Answer
) -> int:
    """Store the officer's answer to one item as given (even if a value is invalid: it is kept and flagged);
    return the inspection's new version."""
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
        response = next((r for r in inspection.responses if r.item_id == item_id), None)
        if response is None:
            raise NotFoundError(f"inspection {inspection_id} has no item {item_id}")
        result = answer.result.value if answer.result else None
        measurements = {k: v for k, v in answer.measurements.items() if v is not None and v != ""} or None
        for name, value in (
            ("result", result),
            ("measurements", measurements),
            ("override_reason", answer.override_reason),
            ("note", answer.note),
        ):
            if getattr(response, name) != value:
                setattr(response, name, value)
        _refresh(inspection)
        session.flush()
        return inspection.version


def set_rooms(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, rows: Sequence[Mapping[str, Any]]
) -> int:
    """Replace the dormitory-room table. Rows are stored as typed; rule problems show up as item errors."""
    clean: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        try:
            clean.append(
                {
                    "name": str(row.get("name", "")).strip() or f"#{index + 1}",
                    "area_m2": float(row.get("area_m2", 0) or 0),
                    "occupants": int(row.get("occupants", 0) or 0),
                    "location": str(row.get("location", "above_ground")),
                    "has_window": bool(row.get("has_window", True)),
                    "bunk_beds": bool(row.get("bunk_beds", False)),
                }
            )
        except (TypeError, ValueError):
            raise InvalidInputError(f"dormitory_rooms[{index}]: area and occupants must be numbers") from None
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
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
        _refresh(inspection)
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
    if not data:
        raise InvalidInputError(f"{filename}: the file is empty; nothing was attached")
    original_sha = hashlib.sha256(data).hexdigest()
    media_type = media_type_of(filename, data)
    stored, stored_type, thumb = data, media_type, None
    if media_type.startswith("image/"):
        smaller = photos.downscale(data)
        if smaller is not None:
            stored, stored_type = smaller, "image/jpeg"
        thumb = photos.make_thumbnail(stored)
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
        if item_id not in {r.item_id for r in inspection.responses}:
            raise NotFoundError(f"inspection {inspection_id} has no item {item_id}")
        evidence = Evidence(
            item_id=item_id,
            filename=filename,
            media_type=stored_type,
            original_sha256=original_sha,
            original_size=len(data),
            stored_sha256=hashlib.sha256(stored).hexdigest(),
            data=stored,
            thumbnail=thumb[0] if thumb else None,
            thumbnail_width=thumb[1] if thumb else None,
            thumbnail_height=thumb[2] if thumb else None,
        )
        inspection.evidence.append(evidence)
        inspection.updated_at = utcnow()
        session.flush()
        return evidence.id, inspection.version


def remove_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, evidence_id: int
) -> int:
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
        evidence = next((e for e in inspection.evidence if e.id == evidence_id), None)
        if evidence is None:
            raise NotFoundError(f"inspection {inspection_id} has no attachment {evidence_id}")
        inspection.evidence.remove(evidence)
        inspection.updated_at = utcnow()
        session.flush()
        return inspection.version


def add_action(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    item_id: str,
    action: str,
    owner: str,
    due: dt.date | None,
    status: str = "open",
) -> tuple[int, int]:
    """Open a corrective action for an item; return (action id, new inspection version)."""
    if not action.strip():
        raise InvalidInputError("describe the corrective action")
    if not owner.strip():
        raise InvalidInputError("the corrective action needs an owner")
    if status not in ACTION_STATUSES:
        raise InvalidInputError(f"status {status!r} is not one of {', '.join(ACTION_STATUSES)}")
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
        if item_id not in {r.item_id for r in inspection.responses}:
            raise NotFoundError(f"inspection {inspection_id} has no item {item_id}")
        corrective = CorrectiveAction(
            item_id=item_id, action=action.strip(), owner=owner.strip(), due=due, status=status
        )
        inspection.actions.append(corrective)
        _refresh(inspection)
        session.flush()
        return corrective.id, inspection.version


def update_action(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    action_id: int,
    status: str,
    verification_note: str = "",
    verified_on: dt.date | None = None,
) -> int:
    """Change a corrective action of a draft. The same rules as follow-ups: verified only by a manager, with
    a note, and after it was done."""
    if status not in ACTION_STATUSES:
        raise InvalidInputError(f"status {status!r} is not one of {', '.join(ACTION_STATUSES)}")
    if status == "verified" and not verification_note.strip():
        raise InvalidInputError("say how the corrective action was verified")
    with unit_of_work(db, actor, allowed=FOLLOW_UP_ROLES.get(status, ("officer", "manager"))) as session:
        inspection = _editable(session, inspection_id, expected_version)
        corrective = next((a for a in inspection.actions if a.id == action_id), None)
        if corrective is None:
            raise NotFoundError(f"inspection {inspection_id} has no corrective action {action_id}")
        if status == "verified" and corrective.status == "open":
            raise InvalidInputError("a corrective action is verified after it was done; record it as done first")
        corrective.status = status
        corrective.verification_note = verification_note
        corrective.verified_on = verified_on
        _refresh(inspection)
        session.flush()
        return inspection.version


def follow_up_action(
    db: Database, actor: str, inspection_id: int, action_id: int, status: str, note: str, on: dt.date
) -> int:
    """Record that a corrective action of a completed or signed inspection was done, or verified (by a
    manager: whoever verifies is not whoever did it). The signed record itself is not changed."""
    if status not in FOLLOW_UP_ROLES:
        raise InvalidInputError(f"a follow-up says done or verified, not {status!r}")
    if status == "verified" and not note.strip():
        raise InvalidInputError("say how the corrective action was verified")
    with unit_of_work(db, actor, allowed=FOLLOW_UP_ROLES[status]) as session:
        inspection = _load(session, inspection_id)
        if inspection.status == "draft":
            raise InvalidInputError(f"inspection {inspection_id} is a draft: change its corrective actions directly")
        action = next((a for a in inspection.actions if a.id == action_id), None)
        if action is None:
            raise NotFoundError(f"inspection {inspection_id} has no corrective action {action_id}")
        history = follow_ups_of(session, inspection_id)
        if status == "verified" and action_status(action, history) == "open":
            raise InvalidInputError("a corrective action is verified after it was done; record it as done first")
        follow_up = ActionFollowUp(
            action_id=action_id, inspection_id=inspection_id, status=status, note=note.strip(), on=on, by=actor
        )
        session.add(follow_up)
        session.flush()
        statuses = [action_status(a, [*history, follow_up]) for a in inspection.actions]
        inspection.open_actions = sum(1 for current in statuses if current != "verified")
        session.flush()
        return follow_up.id


def follow_ups_of(session: Session, inspection_id: int) -> list[ActionFollowUp]:
    return list(
        session.scalars(
            select(ActionFollowUp).where(ActionFollowUp.inspection_id == inspection_id).order_by(ActionFollowUp.id)
        )
    )


def action_follow_ups(db: Database, inspection_id: int) -> list[ActionFollowUp]:
    with db.session() as session:
        return follow_ups_of(session, inspection_id)


def action_status(action: CorrectiveAction, follow_ups: Sequence[ActionFollowUp]) -> str:
    """An action's current status: its latest follow-up, or what the record says."""
    latest = [f for f in follow_ups if f.action_id == action.id]
    return latest[-1].status if latest else action.status


def blockers(inspection: Inspection) -> list[str]:
    return completion_blockers(evaluate(inspection), {a.item_id for a in inspection.actions})


def blocker_details(inspection: Inspection) -> list[Blocker]:
    """What keeps the inspection from being completed, with Chinese and English text."""
    return completion_blocker_details(evaluate(inspection), {a.item_id for a in inspection.actions})


def complete(db: Database, actor: str, inspection_id: int, expected_version: int | None) -> str:
    """Mark a draft completed once nothing blocks it; return the record hash."""
    with unit_of_work(db, actor) as session:
        inspection = _editable(session, inspection_id, expected_version)
        problems = blockers(inspection)
        if problems:
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise InvalidInputError("cannot complete yet: " + "; ".join(problems[:5]) + more)
        inspection.status = "completed"
        inspection.completed_at = utcnow()
        session.flush()
        digest = record_hash(inspection)
        inspection.record_hash = digest
        audit.record_event(session, "complete", "inspections", inspection.id, inspection.id, {"record_hash": digest})
        return digest


def reopen(db: Database, actor: str, inspection_id: int, reason: str) -> int:
    if not reason.strip():
        raise InvalidInputError("say why the completed inspection is reopened")
    with unit_of_work(db, actor, reason) as session:
        inspection = _load(session, inspection_id)
        if inspection.status != "completed":
            raise RecordLockedError(f"only a completed inspection can be reopened (this one is {inspection.status})")
        inspection.status = "draft"
        inspection.completed_at = None
        inspection.record_hash = None
        session.flush()
        return inspection.version


def lock_signed(session: Session, inspection: Inspection) -> str:
    """Within the signing transaction: freeze the record and store its hash (the signing code calls this)."""
    if inspection.status != "completed":
        raise RecordLockedError(f"inspection {inspection.id} must be completed before it is signed")
    digest = record_hash(inspection)
    if inspection.record_hash and inspection.record_hash != digest:
        raise RecordLockedError(f"inspection {inspection.id} changed after it was completed; reopen and complete it")
    inspection.status = "signed"
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
    if not reason.strip():
        raise InvalidInputError("say why the signed inspection needs a correction")
    with unit_of_work(db, actor, reason) as session:
        old = _load(session, inspection_id)
        if old.status != "signed":
            raise InvalidInputError(f"inspection {inspection_id} is not signed; edit it directly")
        copy = Inspection(
            company_id=old.company_id,
            site_id=old.site_id,
            date=old.date,
            inspector=old.inspector,
            catalogs=dict(old.catalogs),
            status="draft",
            supersedes_id=old.id,
        )
        copy.responses.extend(_clone(r) for r in old.responses)
        copy.rooms.extend(_clone(room) for room in old.rooms)
        copy.evidence.extend(_clone(e) for e in old.evidence)
        copy.actions.extend(_clone(a) for a in old.actions)
        session.add(copy)
        session.flush()
        _refresh(copy)
        session.flush()
        return copy.id


# --- verification ---------------------------------------------------------------------------------------


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
    """The stored record against its hash and the audit trail (:func:`verify_record`)."""


def verify_record(db: Database, inspection_id: int) -> RecordCheck:
    """Recompute a signed (or completed) inspection's hash and compare it with what was stored and with the
    hash written into the audit trail when it was signed."""
    with db.session() as session:
        inspection = _load(session, inspection_id)
        check = RecordCheck()
        if inspection.status == "draft":
            check.check(
                False,
                f"inspection {inspection_id} is a draft: nothing has been completed or signed",
                f"检查 #{inspection_id} 是草稿：尚未完成，也未签署",
            )
            return check
        computed = record_hash(inspection)
        stored = inspection.record_hash or ""
        status_zh = {"signed": "签署", "completed": "完成"}.get(inspection.status, inspection.status)
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
        action = "sign" if inspection.status == "signed" else "complete"
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


# --- listing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionFilter:
    site_id: int | None = None
    company_id: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    ids: tuple[int, ...] | None = None  # exactly these (e.g. what a list view shows after its own filtering)


@dataclass(frozen=True)
class InspectionRow:
    """One line of the inspections list (plain data for the view)."""

    id: int
    company: str
    site: str
    date: dt.date
    inspector: str
    status: str
    passed: int
    failed: int
    na: int
    unchecked: int
    open_actions: int

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.na + self.unchecked

    @property
    def score(self) -> float | None:
        applicable = self.passed + self.failed
        return self.passed / applicable if applicable else None


SORTABLE = {
    "id": Inspection.id,
    "date": Inspection.date,
    "status": Inspection.status,
    "inspector": Inspection.inspector,
    "failed": Inspection.failed,
    "open_actions": Inspection.open_actions,
}


_Query = TypeVar("_Query", bound="Select[*tuple[Any, ...]]")


def _filtered(query: _Query, where: InspectionFilter) -> _Query:
    conditions = []
    if where.site_id is not None:
        conditions.append(Inspection.site_id == where.site_id)
    if where.company_id is not None:
        conditions.append(Inspection.company_id == where.company_id)
    if where.status:
        conditions.append(Inspection.status == where.status)
    if where.date_from:
        conditions.append(Inspection.date >= where.date_from)
    if where.date_to:
        conditions.append(Inspection.date <= where.date_to)
    if where.ids is not None:
        conditions.append(Inspection.id.in_(where.ids))
    if where.text.strip():
        pattern = f"%{where.text.strip()}%"
        conditions.append(or_(Company.name.like(pattern), Site.name.like(pattern), Inspection.inspector.like(pattern)))
    return query.where(and_(*conditions)) if conditions else query


def list_inspections(
    db: Database,
    where: InspectionFilter = InspectionFilter(),
    order_by: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 50,
) -> list[InspectionRow]:
    column = SORTABLE.get(order_by, Inspection.date)
    query = (
        select(
            Inspection.id,
            Company.name,
            Site.name,
            Inspection.date,
            Inspection.inspector,
            Inspection.status,
            Inspection.passed,
            Inspection.failed,
            Inspection.na,
            Inspection.unchecked,
            Inspection.open_actions,
        )
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    query = _filtered(query, where)
    query = query.order_by(column.desc() if descending else column.asc(), Inspection.id.desc())
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        try:
            return [InspectionRow(row[0], row[1], row[2] or "", *row[3:]) for row in session.execute(query)]
        except SQLAlchemyError as error:
            raise known_error(error) from error


def count_inspections(db: Database, where: InspectionFilter = InspectionFilter()) -> int:
    query = (
        select(func.count(Inspection.id))
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    with db.session() as session:
        return int(session.scalar(_filtered(query, where)) or 0)


@dataclass(frozen=True)
class ItemResultRow:
    """One stored item answer of a listed inspection (plain data for batch reports)."""

    inspection_id: int
    item_id: str
    final: str | None
    findings: list[dict[str, Any]]
    override_reason: str
    note: str


def list_item_results(
    db: Database, where: InspectionFilter = InspectionFilter(), final: str | None = "fail"
) -> list[ItemResultRow]:
    """The item answers of every inspection matching ``where`` (only those whose final result is ``final``,
    unless None), in inspection date, id and item order. Reads no evidence, so a batch over hundreds of
    inspections does not load their photos."""
    query = (
        select(
            ItemResponse.inspection_id,
            ItemResponse.item_id,
            ItemResponse.final,
            ItemResponse.findings,
            ItemResponse.override_reason,
            ItemResponse.note,
        )
        .join(Inspection, Inspection.id == ItemResponse.inspection_id)
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    if final is not None:
        query = query.where(ItemResponse.final == final)
    query = _filtered(query, where).order_by(Inspection.date, Inspection.id, ItemResponse.position)
    with db.session() as session:
        try:
            return [
                ItemResultRow(row[0], row[1], row[2], list(row[3] or []), row[4] or "", row[5] or "")
                for row in session.execute(query)
            ]
        except SQLAlchemyError as error:
            raise known_error(error) from error
