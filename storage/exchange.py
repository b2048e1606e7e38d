"""The exchange format ``fugong.inspection/1``: import and export of one inspection as JSON.

Import validates the whole file first (pydantic, then the catalog and rule checks) and stores nothing
unless everything is valid; the error names the JSON path of the first problem, e.g.
``inspection.dormitory_rooms[2].area_m2``. Export writes the canonical record plus what the application
computed (derived results, findings, summary counts, the record hash, and signatures once signed).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checklist.catalog import official_catalogs
from checklist.company import CompanyType, validate_credit_code
from checklist.evaluation import Result, parse_rooms
from checklist.rules import Location, MeasurementError, validate_measurement
from storage import service
from storage.db import Database, InvalidInputError
from storage.record import FORMAT, canonical_record, record_hash


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompanyIn(_Model):
    name: Annotated[str, Field(min_length=1)]
    credit_code: str
    address: str = ""
    district: str = ""
    type: CompanyType = CompanyType.OTHER
    headcount: Annotated[int, Field(ge=0)] = 0

    @field_validator("credit_code")
    @classmethod
    def _code(cls, value: str) -> str:
        return validate_credit_code(value)


class ResponseIn(_Model):
    item: str
    result: Result | None = None
    note: str = ""
    override_reason: str = ""
    measurements: dict[str, Any] = Field(default_factory=dict)
    # Computed by the application on export; accepted and recomputed on import.
    derived: Result | None = None
    final: Result | None = None
    findings: list[dict[str, Any]] = Field(default_factory=list)


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


class RoomIn(_Model):
    name: Annotated[str, Field(min_length=1)]
    area_m2: Annotated[float, Field(gt=0)]
    occupants: Annotated[int, Field(ge=1)]
    location: Location = Location.ABOVE_GROUND
    has_window: bool = True
    bunk_beds: bool = False

    _area = field_validator("area_m2")(_finite)


class ActionIn(_Model):
    item: str
    action: Annotated[str, Field(min_length=1)]
    owner: Annotated[str, Field(min_length=1)]
    due: dt.date | None = None
    status: Literal["open", "done", "verified"] = "open"
    verification_note: str = ""
    verified_on: dt.date | None = None


class CatalogRef(_Model):
    id: str
    version: str


class InspectionIn(_Model):
    date: dt.date
    inspector: Annotated[str, Field(min_length=1)]
    site: str | None = None
    catalogs: list[CatalogRef | str] = Field(min_length=1)
    responses: list[ResponseIn] = Field(default_factory=list)
    dormitory_rooms: list[RoomIn] = Field(default_factory=list)
    corrective_actions: list[ActionIn] = Field(default_factory=list)
    # Written by export, ignored on import (a new record gets its own id, status and evidence).
    id: int | None = None
    status: str | None = None
    supersedes: int | None = None
    evidence: list[dict[str, Any]] = Field(default_factory=list)


class ExchangeFile(_Model):
    model_config = ConfigDict(extra="ignore")  # exported files carry computed sections too

    format: Literal["fugong.inspection/1"]
    company: CompanyIn
    inspection: InspectionIn


def _path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        elif step in ("CatalogRef", "str") or "[" in str(step):
            continue
        else:
            text += ("." if text else "") + str(step)
    return text or "(file)"


def parse_exchange(text: str) -> ExchangeFile:
    """Parse and fully validate an exchange file, or raise :class:`InvalidInputError` with the JSON path."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InvalidInputError("(file): expected a JSON object")
    try:
        parsed = ExchangeFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InvalidInputError(f"{_path(tuple(first['loc']))}: {message}") from None
    # Checks that need the catalogs: item ids, measurement keys and kinds.
    catalogs = official_catalogs()
    chosen: list[str] = []
    for index, ref in enumerate(parsed.inspection.catalogs):
        cid = ref if isinstance(ref, str) else ref.id
        if cid not in catalogs:
            raise InvalidInputError(f"inspection.catalogs[{index}]: unknown catalog {cid!r}")
        chosen.append(cid)
    items = {item.id: item for cid in chosen for item in catalogs[cid].items}
    seen: set[str] = set()
    for index, response in enumerate(parsed.inspection.responses):
        where = f"inspection.responses[{index}]"
        item = items.get(response.item)
        if item is None:
            raise InvalidInputError(f"{where}.item: {response.item!r} is not an item of {', '.join(chosen)}")
        if response.item in seen:
            raise InvalidInputError(f"{where}.item: {response.item} is answered twice")
        seen.add(response.item)
        kinds = {m.key: m.kind for m in item.measurements}
        for key, value in response.measurements.items():
            if key not in kinds:
                raise InvalidInputError(f"{where}.measurements.{key}: not a measurement of {item.id}")
            try:
                validate_measurement(key, kinds[key], value)
            except MeasurementError as exc:
                raise InvalidInputError(f"{where}.measurements.{key}: {exc.reason}") from None
    _, room_errors = parse_rooms([room.model_dump(mode="json") for room in parsed.inspection.dormitory_rooms])
    if room_errors:
        raise InvalidInputError(f"inspection.dormitory_rooms: {room_errors[0]}")
    for index, action in enumerate(parsed.inspection.corrective_actions):
        if action.item not in items:
            raise InvalidInputError(f"inspection.corrective_actions[{index}].item: {action.item!r} is not an item")
    return parsed


def import_file(db: Database, actor: str, path: Path) -> int:
    """Store the inspection of an exchange file; return its id. Nothing is stored if anything is invalid."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read {path}: {exc}") from None
    parsed = parse_exchange(text)
    return store(db, actor, parsed)


def store(db: Database, actor: str, parsed: ExchangeFile) -> int:
    """Store a validated exchange file in one transaction."""
    from sqlalchemy import select

    from storage.models import Company, CorrectiveAction, DormitoryRoomRow, Inspection, ItemResponse, Site

    catalogs = official_catalogs()
    chosen = [ref if isinstance(ref, str) else ref.id for ref in parsed.inspection.catalogs]
    company_in, inspection_in = parsed.company, parsed.inspection
    with service.unit_of_work(db, actor, reason="import") as session:
        company = session.scalar(select(Company).where(Company.credit_code == company_in.credit_code))
        if company is None:
            company = Company(
                name=company_in.name,
                credit_code=company_in.credit_code,
                address=company_in.address,
                district=company_in.district,
                company_type=company_in.type.value,
                headcount=company_in.headcount,
                contact="",
            )
            session.add(company)
            session.flush()
        site_id = None
        if inspection_in.site:
            site = session.scalar(select(Site).where(Site.company_id == company.id, Site.name == inspection_in.site))
            if site is None:
                site = Site(company_id=company.id, name=inspection_in.site, kind="")
                session.add(site)
                session.flush()
            site_id = site.id
        inspection = Inspection(
            company_id=company.id,
            site_id=site_id,
            date=inspection_in.date,
            inspector=inspection_in.inspector,
            catalogs={cid: catalogs[cid].version for cid in dict.fromkeys(chosen)},
            status="draft",
        )
        answers = {r.item: r for r in inspection_in.responses}
        position = 0
        for cid in dict.fromkeys(chosen):
            for item in catalogs[cid].items:
                given = answers.get(item.id)
                inspection.responses.append(
                    ItemResponse(
                        position=position,
                        item_id=item.id,
                        result=given.result.value if given and given.result else None,
                        measurements=(given.measurements or None) if given else None,
                        override_reason=given.override_reason if given else "",
                        note=given.note if given else "",
                    )
                )
                position += 1
        for position, room in enumerate(inspection_in.dormitory_rooms):
            inspection.rooms.append(
                DormitoryRoomRow(
                    position=position,
                    name=room.name,
                    area_m2=room.area_m2,
                    occupants=room.occupants,
                    location=room.location.value,
                    has_window=room.has_window,
                    bunk_beds=room.bunk_beds,
                )
            )
        for action in inspection_in.corrective_actions:
            inspection.actions.append(
                CorrectiveAction(
                    item_id=action.item,
                    action=action.action,
                    owner=action.owner,
                    due=action.due,
                    status=action.status,
                    verification_note=action.verification_note,
                    verified_on=action.verified_on,
                )
            )
        session.add(inspection)
        session.flush()
        evaluation = service._refresh(inspection)
        bad = [f"{i}: {e}" for i, o in evaluation.outcomes.items() for e in o.errors]
        if bad:
            raise InvalidInputError(f"inspection.responses: {bad[0]}")
        session.flush()
        return inspection.id


def export_document(db: Database, inspection_id: int) -> dict[str, Any]:
    """The exchange document of a stored inspection, with what the application computed."""
    inspection = service.load_inspection(db, inspection_id)
    record = canonical_record(inspection)
    evaluation = service.evaluate(inspection)
    counts = evaluation.score
    document: dict[str, Any] = {
        "format": FORMAT,
        "company": record["company"],
        "inspection": {
            "id": inspection.id,
            "date": record["date"],
            "inspector": record["inspector"],
            "site": record["site"],
            "status": inspection.status,
            "supersedes": inspection.supersedes_id,
            "catalogs": record["catalogs"],
            "responses": record["responses"],
            "dormitory_rooms": record["dormitory_rooms"],
            "corrective_actions": record["corrective_actions"],
            "evidence": record["evidence"],
        },
        "summary": {
            "passed": counts.overall.passed,
            "failed": counts.overall.failed,
            "na": counts.overall.na,
            "unchecked": counts.overall.unchecked,
            "severe_failures": counts.severe_failed,
            "sections": [
                {
                    "catalog": cid,
                    "section": sid,
                    "passed": c.passed,
                    "failed": c.failed,
                    "na": c.na,
                    "unchecked": c.unchecked,
                }
                for (cid, sid), c in counts.sections.items()
            ],
        },
        "record_hash": inspection.record_hash if inspection.status != "draft" else record_hash(inspection),
        "record_hash_is_draft": inspection.status == "draft",
        # Who signed, in what role and meaning, when, over which record hash, with which certificate: what an
        # auditor compares with the report files' signatures (``fugong verify`` checks them against each other).
        "signatures": _signatures(db, inspection_id),
        # Progress on the corrective actions since completion (not part of the signed record).
        "action_follow_ups": [
            {
                "action": f.action_id,
                "status": f.status,
                "note": f.note,
                "on": f.on.isoformat(),
                "by": f.by,
                "recorded_at": f.recorded_at.isoformat(),
            }
            for f in service.action_follow_ups(db, inspection_id)
        ],
    }
    return document


def _signatures(db: Database, inspection_id: int) -> list[dict[str, Any]]:
    import hashlib

    from sqlalchemy import select

    from storage.models import Signature

    order = {"inspector": 0, "approver": 1}
    with db.session() as session:
        rows = list(session.scalars(select(Signature).where(Signature.inspection_id == inspection_id)))
    return [
        {
            "meaning": s.meaning,
            "signer": s.signer_name,
            "role": s.role,
            "signed_at": s.signed_at.isoformat() + "Z",
            "record_hash": s.record_hash,
            "certificate_sha256": s.certificate_sha256,
            "record_signature_sha256": hashlib.sha256(s.record_signature).hexdigest(),
        }
        for s in sorted(rows, key=lambda s: order.get(s.meaning, len(order)))
    ]


def write_json(path: Path, document: dict[str, Any]) -> None:
    from storage.files import atomic_write

    atomic_write(path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
