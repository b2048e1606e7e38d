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

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from checklist.catalog import CatalogError, catalog_version, official_catalogs
from checklist.company import CompanyType, validate_credit_code
from checklist.evaluation import InspectionEvaluation, Result, parse_rooms_in_both
from checklist.limits import MAX_ACTIONS, MAX_ROOMS, NOTHING_IMPORTED, Counted, LimitError, check_count
from checklist.messages import BilingualValueError, Both, Message, field_name_zh, msg, pydantic_reason_zh
from checklist.numbers import parse_count, parse_number
from checklist.rules import Location, MeasurementError, validate_measurement
from checklist.text import TextKind, TextPolicyError, check_name, check_text, one_line
from checklist.workflow import ActionStatus, InspectionStatus, action_status_roles
from storage import actions, inspections
from storage.db import Database
from storage.errors import InvalidInputError
from storage.models import Inspection
from storage.record import FORMAT, canonical_record, digest
from storage.unit_of_work import unit_of_work

# Plausible limits per inspection: far above any real one, low enough that a report is made in seconds.
MAX_FILE_BYTES = 20_000_000
MAX_HEADCOUNT = 10_000_000
MAX_ROOM_AREA_M2 = 100_000.0
MAX_OCCUPANTS = 10_000
MAX_JSON_INT = 2**53  # larger integers are not held exactly by JSON readers, SQLite or a float
EARLIEST_DATE = dt.date(2019, 12, 1)  # the epidemic rules this record proves did not exist before


def _latest_date(years_ahead: int = 0) -> dt.date:
    """Tomorrow (a record made today, anywhere in the world), or about ``years_ahead`` years from now."""
    return dt.date.today() + dt.timedelta(days=1 + 365 * years_ahead)


def _iso_date(value: object, latest: dt.date) -> dt.date:
    """Only a ``YYYY-MM-DD`` string is a date (``0`` is not 1970-01-01), and only within the rules' era."""
    if not isinstance(value, str):
        raise BilingualValueError(
            f"a date is written YYYY-MM-DD, not {type(value).__name__} {one_line(str(value), 20)}",
            f"日期应写作 YYYY-MM-DD，而不是 {one_line(str(value), 20)}",
        )
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise BilingualValueError(
            f"a date is written YYYY-MM-DD, not “{one_line(value, 30)}”",
            f"日期应写作 YYYY-MM-DD，而不是“{one_line(value, 30)}”",
        ) from None
    if len(value) != 10:
        raise BilingualValueError(
            f"a date is written YYYY-MM-DD, not “{one_line(value, 30)}”",
            f"日期应写作 YYYY-MM-DD，而不是“{one_line(value, 30)}”",
        )
    if not EARLIEST_DATE <= date <= latest:
        raise BilingualValueError(
            f"{value} is outside the plausible range {EARLIEST_DATE} to {latest}",
            f"{value} 超出合理范围 {EARLIEST_DATE} 至 {latest}",
        )
    return date


def _record_date(value: object) -> dt.date:
    return _iso_date(value, _latest_date())


def _due_date(value: object) -> dt.date | None:
    return None if value is None else _iso_date(value, _latest_date(years_ahead=5))


def _name(field: str) -> Any:
    def check(value: object) -> str:
        try:
            return check_name(value, field)
        except TextPolicyError as error:
            raise BilingualValueError(str(error), error.message_zh) from None

    return check


def _text(kind: TextKind, field: str) -> Any:
    def check(value: object) -> str:
        try:
            return check_text(value, kind, field)
        except TextPolicyError as error:
            raise BilingualValueError(str(error), error.message_zh) from None

    return check


class _Model(BaseModel):
    # strict: true is not 1, 1 is not true, 0 is not a date; text is text.
    model_config = ConfigDict(extra="forbid", strict=True)


class CompanyIn(_Model):
    name: Annotated[str, BeforeValidator(_name("company name"))]
    credit_code: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "credit code"))]
    address: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "address"))] = ""
    district: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "district"))] = ""
    type: CompanyType = CompanyType.OTHER
    headcount: Annotated[int, Field(ge=0, le=MAX_HEADCOUNT)] = 0

    @field_validator("credit_code")
    @classmethod
    def _code(cls, value: str) -> str:
        return validate_credit_code(value)


class ResponseIn(_Model):
    item: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "item"))]
    result: Result | None = None
    note: Annotated[str, BeforeValidator(_text(TextKind.NOTE, "note"))] = ""
    override_reason: Annotated[str, BeforeValidator(_text(TextKind.NOTE, "override reason"))] = ""
    measurements: Annotated[dict[str, Any], Field(max_length=100)] = Field(default_factory=dict)
    # Computed by the application on export; accepted and recomputed on import.
    derived: Result | None = None
    final: Result | None = None
    findings: list[dict[str, Any]] = Field(default_factory=list)


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise BilingualValueError("must be a finite number", "应为有限的数值")
    return value


class RoomIn(_Model):
    name: Annotated[str, BeforeValidator(_name("room name"))]
    area_m2: Annotated[float, Field(gt=0, le=MAX_ROOM_AREA_M2)]
    occupants: Annotated[int, Field(ge=1, le=MAX_OCCUPANTS)]
    location: Location = Location.ABOVE_GROUND
    has_window: bool = True
    bunk_beds: bool = False

    _area = field_validator("area_m2")(_finite)

    @field_validator("area_m2", mode="before")
    @classmethod
    def _typed_number(cls, value: Any) -> Any:
        """A number given as text is read by the product's one rule (checklist.numbers): "1,000" is 1000,
        "37,5" is refused saying what to type — never read as 375 or 37."""
        return parse_number(value) if isinstance(value, str) else value

    @field_validator("occupants", mode="before")
    @classmethod
    def _typed_count(cls, value: Any) -> Any:
        """A head count given as text, by the same rule (a whole number: "6", not "6.5")."""
        return parse_count(value) if isinstance(value, str) else value


class ActionIn(_Model):
    item: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "item"))]
    action: Annotated[str, BeforeValidator(_text(TextKind.NOTE, "action")), Field(min_length=1)]
    owner: Annotated[str, BeforeValidator(_name("owner"))]
    due: Annotated[dt.date | None, BeforeValidator(_due_date)] = None
    status: Literal["open", "done", "verified"] = "open"
    verification_note: Annotated[str, BeforeValidator(_text(TextKind.NOTE, "verification note"))] = ""
    verified_on: Annotated[dt.date | None, BeforeValidator(lambda v: None if v is None else _record_date(v))] = None

    @field_validator("action")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise BilingualValueError("action is blank", "整改措施为空")
        return value


class CatalogRef(_Model):
    id: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "catalog id"))]
    version: Annotated[str, BeforeValidator(_text(TextKind.SHORT, "catalog version"))]


class InspectionIn(_Model):
    date: Annotated[dt.date, BeforeValidator(_record_date)]
    inspector: Annotated[str, BeforeValidator(_name("inspector"))]
    site: Annotated[str | None, BeforeValidator(lambda v: None if v is None or v == "" else _name("site")(v))] = None
    catalogs: Annotated[list[CatalogRef | str], Field(min_length=1, max_length=20)]
    responses: Annotated[list[ResponseIn], Field(max_length=2_000)] = Field(default_factory=list)
    dormitory_rooms: Annotated[list[RoomIn], Field(max_length=MAX_ROOMS)] = Field(default_factory=list)
    corrective_actions: Annotated[list[ActionIn], Field(max_length=MAX_ACTIONS)] = Field(default_factory=list)
    # Written by export, ignored on import (a new record gets its own id, status and evidence).
    id: int | None = None
    status: str | None = None
    supersedes: int | None = None
    evidence: list[dict[str, Any]] = Field(default_factory=list)


class ExchangeFile(_Model):
    model_config = ConfigDict(extra="ignore", strict=True)  # exported files carry computed sections too

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
            text += ("." if text else "") + one_line(str(step))
    return text or "(file)"


class _DuplicateKeyError(BilingualValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        twice = next(key for key in keys if keys.count(key) > 1)
        raise _DuplicateKeyError(
            f"the key “{one_line(twice)}” appears twice in one object; which one is meant is unclear",
            f"键“{one_line(twice)}”在同一对象中出现两次，无法确定以哪个为准",
        )
    return dict(pairs)


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > 16 or abs(value := int(text)) > MAX_JSON_INT:
        shown = f"{text[:20]}{'…' if len(text) > 20 else ''}"
        raise _DuplicateKeyError(f"the number {shown} is too large", f"数字 {shown} 过大")
    return value


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        shown = f"{text[:20]}{'…' if len(text) > 20 else ''}"
        raise _DuplicateKeyError(f"the number {shown} is out of range", f"数字 {shown} 超出范围")
    return value


def _json_constant(name: str) -> float:
    raise _DuplicateKeyError(f"{name} is not a number JSON allows", f"{name} 不是 JSON 允许的数字")


def load_json(text: str) -> Any:
    """JSON as a careful reader takes it: no duplicate keys, no NaN or Infinity, no integer beyond ±2^53,
    no nesting too deep to read; anything else raises :class:`InvalidInputError` in one sentence."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_json_int,
            parse_float=_json_float,
            parse_constant=_json_constant,
        )
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}; nothing was imported",
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}），没有导入任何内容",
        ) from None
    except _DuplicateKeyError as exc:
        raise InvalidInputError(f"{exc}; nothing was imported", f"{exc.message_zh}；没有导入任何内容") from None
    except RecursionError:
        raise InvalidInputError(
            "the JSON is nested too deeply to be an inspection; nothing was imported",
            "JSON 嵌套层数过多，不是检查记录；没有导入任何内容",
        ) from None
    except ValueError as exc:  # e.g. Python's limit on digits in an integer
        raise InvalidInputError(f"not valid JSON: {exc}; nothing was imported", f"不是有效的 JSON：{exc}") from None


def _check_counts(data: dict[str, Any]) -> None:
    """The per-inspection limits (:mod:`checklist.limits`), said in both languages before anything is read
    item by item."""
    inspection = data.get("inspection")
    if not isinstance(inspection, dict):
        return  # the validation says what is wrong
    for key, counted in (("dormitory_rooms", Counted.ROOMS), ("corrective_actions", Counted.ACTIONS)):
        listed = inspection.get(key)
        if isinstance(listed, list):
            try:
                check_count(counted, len(listed), f"inspection.{key}", NOTHING_IMPORTED)
            except LimitError as error:
                raise InvalidInputError(str(error), error.message_zh) from None


def _at(where: str, reason: Message | Both) -> InvalidInputError:
    """A refusal of the value at JSON path ``where`` (named in Chinese for a Chinese reader)."""
    return InvalidInputError(msg("exchange.at", path=Both(where, field_name_zh(where)), reason=reason))


def parse_exchange(text: str) -> ExchangeFile:
    """Parse and fully validate an exchange file, or raise :class:`InvalidInputError` with the JSON path."""
    if len(text) > MAX_FILE_BYTES:
        raise InvalidInputError(
            f"the file has {len(text):,} characters; an inspection file has at most {MAX_FILE_BYTES:,}",
            f"文件有 {len(text):,} 个字符，检查记录文件最多 {MAX_FILE_BYTES:,} 个",
        )
    data = load_json(text)
    if not isinstance(data, dict):
        raise InvalidInputError(msg("exchange.not_object"))
    _check_counts(data)
    try:
        # Validated from the text: in JSON mode strict still takes "industrial" for an enum and 18 for 18.0.
        parsed = ExchangeFile.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        where = _path(tuple(first["loc"]))
        reason = Both(message, pydantic_reason_zh(first))
        raise InvalidInputError(msg("exchange.at", path=Both(where, field_name_zh(where)), reason=reason)) from None
    # Checks that need the catalogs: item ids, measurement keys and kinds.
    catalogs = official_catalogs()
    chosen: list[str] = []
    for index, ref in enumerate(parsed.inspection.catalogs):
        cid = ref if isinstance(ref, str) else ref.id
        if cid not in catalogs:
            raise _at(f"inspection.catalogs[{index}]", msg("exchange.catalog_unknown", id=one_line(cid)))
        if cid in chosen:
            raise _at(f"inspection.catalogs[{index}]", msg("exchange.catalog_twice", id=one_line(cid)))
        if isinstance(ref, CatalogRef) and ref.version != catalogs[cid].version:
            try:
                catalog_version(cid, ref.version)
                code = "exchange.catalog_old"
            except CatalogError:
                code = "exchange.catalog_no_version"
            said = msg(code, id=one_line(cid), version=one_line(ref.version, 20), current=catalogs[cid].version)
            raise _at(f"inspection.catalogs[{index}].version", said)
        chosen.append(cid)
    items = {item.id: item for cid in chosen for item in catalogs[cid].items}
    seen: set[str] = set()
    for index, response in enumerate(parsed.inspection.responses):
        where = f"inspection.responses[{index}]"
        item = items.get(response.item)
        if item is None:
            said = msg("exchange.not_an_item", item=one_line(response.item), catalogs=", ".join(chosen))
            raise _at(f"{where}.item", said)
        if response.item in seen:
            raise _at(f"{where}.item", msg("exchange.answered_twice", item=one_line(response.item)))
        seen.add(response.item)
        kinds = {m.key: m.kind for m in item.measurements}
        for key, value in response.measurements.items():
            if key not in kinds:
                raise _at(f"{where}.measurements.{one_line(key)}", msg("exchange.not_a_measurement", item=item.id))
            try:
                validate_measurement(key, kinds[key], value)
            except MeasurementError as exc:
                raise _at(f"{where}.measurements.{one_line(key)}", Both(exc.reason, exc.reason_zh)) from None
    rows = [room.model_dump(mode="json") for room in parsed.inspection.dormitory_rooms]
    _, room_errors, room_errors_zh = parse_rooms_in_both(rows)
    if room_errors:
        raise _at("inspection.dormitory_rooms", Both(room_errors[0], room_errors_zh[0]))
    for index, action in enumerate(parsed.inspection.corrective_actions):
        where = f"inspection.corrective_actions[{index}]"
        if action.item not in items:
            raise _at(f"{where}.item", msg("exchange.not_an_item_at_all", item=one_line(action.item)))
        if action.status == "verified" and not action.verification_note.strip():
            raise _at(f"{where}.status", msg("exchange.verified_without_note"))
        if action.status != "verified" and (action.verification_note.strip() or action.verified_on):
            raise _at(where, msg("exchange.note_without_verification"))
    return parsed


def import_file(db: Database, actor: str, path: Path) -> int:
    """Store the inspection of an exchange file; return its id. Nothing is stored if anything is invalid."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                f"{path.name} has {size:,} bytes; an inspection file has at most {MAX_FILE_BYTES:,}; nothing was imported",
                f"{path.name} 有 {size:,} 字节，检查记录文件最多 {MAX_FILE_BYTES:,} 字节；没有导入任何内容",
            )
        text = path.read_text(encoding="utf-8-sig")  # Windows editors may start UTF-8 with a BOM
    except OSError as exc:
        raise InvalidInputError(msg("exchange.cannot_read", path=str(path), reason=str(exc.strerror))) from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{path.name} is not UTF-8 text (byte {exc.start}); nothing was imported",
            f"{path.name} 不是 UTF-8 文本（第 {exc.start} 字节）；没有导入任何内容",
        ) from None
    try:
        return store(db, actor, parse_exchange(text))
    except InvalidInputError as error:
        if "nothing was imported" in str(error):
            raise
        raise InvalidInputError(msg("exchange.nothing_imported", reason=Both(str(error), error.message_zh))) from None


def store(db: Database, actor: str, parsed: ExchangeFile) -> int:
    """Store a validated exchange file in one transaction."""
    from sqlalchemy import select

    from storage.models import Company, CorrectiveAction, DormitoryRoomRow, Inspection, ItemResponse, Site

    catalogs = official_catalogs()
    chosen = [ref if isinstance(ref, str) else ref.id for ref in parsed.inspection.catalogs]
    company_in, inspection_in = parsed.company, parsed.inspection
    # Only a manager verifies a corrective action (as everywhere else); importing one verified is verifying it.
    verifies = any(ActionStatus(action.status) == ActionStatus.VERIFIED for action in inspection_in.corrective_actions)
    allowed = action_status_roles(ActionStatus.VERIFIED) if verifies else action_status_roles(ActionStatus.OPEN)
    with unit_of_work(db, actor, reason="import", allowed=allowed) as session:
        company = session.scalar(select(Company).where(Company.credit_code == company_in.credit_code))
        if company is not None and (company.name, company.company_type) != (company_in.name, company_in.type.value):
            raise InvalidInputError(
                f"company: the credit code {company.credit_code} belongs to 「{company.name}」 ({company.company_type}) "
                f"in this database, but the file says 「{company_in.name[:60]}」 ({company_in.type.value}); correct "
                "the file or the company profile first",
                f"company：统一社会信用代码 {company.credit_code} 在本数据库中属于「{company.name}」，"
                f"文件中却是「{company_in.name[:60]}」；请先更正文件或公司信息",
            )
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
            status=InspectionStatus.DRAFT,
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
        evaluation = inspections.refresh_results(inspection)
        bad = [
            (f"{i}: {e}", f"{i}：{z}")
            for i, o in evaluation.outcomes.items()
            for e, z in zip(o.errors, o.errors_zh, strict=True)
        ]
        if bad:
            raise _at("inspection.responses", Both(*bad[0]))
        session.flush()
        return inspection.id


def export_document(db: Database, inspection_id: int) -> dict[str, Any]:
    """The exchange document of a stored inspection, with what the application computed."""
    inspection = inspections.load_inspection(db, inspection_id)
    return inspection_document(db, inspection, canonical_record(inspection), inspections.evaluate(inspection))


def inspection_document(
    db: Database, inspection: Inspection, record: dict[str, Any], evaluation: InspectionEvaluation
) -> dict[str, Any]:
    """:func:`export_document` of an inspection the caller has loaded already (with its children), its
    canonical record and its evaluation: a report reads the record once for its content and its document."""
    inspection_id = inspection.id
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
        "record_hash": inspection.record_hash if inspection.status != InspectionStatus.DRAFT else digest(record),
        "record_hash_is_draft": inspection.status == InspectionStatus.DRAFT,
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
            for f in actions.action_follow_ups(db, inspection_id)
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
