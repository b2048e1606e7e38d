"""What a report says, gathered once from storage and shared by the PDF and the Excel writers.

Everything printed comes from the stored record (the answers, results, findings and hash a signature vouches
for); only the summary counts are recomputed, with the same rules that stored them. A report is in Chinese
(the default) or English (:data:`ENGLISH`): the words the PDF and the workbook print come from one table
(:data:`REPORT_WORDS`, through :meth:`ReportContent.word`) and the catalogs' own ``*_en`` texts, so both
files always use the same words. The record, its hash and its signatures are the same in either language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from checklist.catalog import Catalog, Item, Severity
from checklist.company import COMPANY_TYPE_ZH, Authority, CompanyType, inspecting_authority
from checklist.evaluation import Counts, InspectionEvaluation, Result
from checklist.messages import CHINESE, ENGLISH, is_english, msg
from checklist.rules import LOCATION_ZH, RULES, Location, Verdict
from checklist.workflow import ACTION_STATUS_ZH, MEANING_ZH, STATUS_ZH, InspectionStatus
from storage import inspections
from storage.db import Database
from storage.errors import KnownError
from storage.exchange import inspection_document
from storage.logo import company_logo
from storage.models import AuditEntry, CorrectiveAction, Evidence, Inspection, ItemResponse
from storage.record import canonical_record, company_part, digest

RESULT_ZH = {Result.PASS: "合格", Result.FAIL: "不合格", Result.NA: "不适用"}
UNCHECKED_ZH = "未检查"
RESULT_CHOICES_ZH = (*RESULT_ZH.values(), UNCHECKED_ZH)
SEVERITY_ZH = {Severity.CRITICAL: "严重", Severity.MAJOR: "重要", Severity.MINOR: "一般"}
VERDICT_ZH = {Verdict.PASS: "符合", Verdict.FAIL: "不符合", Verdict.WARNING: "提示"}
ROOM_VERDICT_ZH = {Verdict.PASS: "合格", Verdict.FAIL: "不合格", Verdict.WARNING: "提示"}
SIGNATURE_MEANINGS_ZH = tuple(MEANING_ZH.values())
REPORT_TITLE_ZH = "复工复产疫情防控自查报告"
REPORT_LANGUAGES = (CHINESE, ENGLISH)

# The words a report prints, key → (Chinese, English): labels, headings, result words, verdicts, the cover.
REPORT_WORDS: dict[str, tuple[str, str]] = {
    "title": (REPORT_TITLE_ZH, "Epidemic-control self-check report for resuming work and production"),
    "result.pass": ("合格", "Pass"),
    "result.fail": ("不合格", "Fail"),
    "result.na": ("不适用", "N/A"),
    "result.unchecked": ("未检查", "Not checked"),
    "severity.critical": ("严重", "Critical"),
    "severity.major": ("重要", "Major"),
    "severity.minor": ("一般", "Minor"),
    "verdict.pass": ("符合", "Meets"),
    "verdict.fail": ("不符合", "Does not meet"),
    "verdict.warning": ("提示", "Warning"),
    "room.pass": ("合格", "Pass"),
    "room.fail": ("不合格", "Fail"),
    "room.warning": ("提示", "Warning"),
    "status.draft": ("草稿", "Draft"),
    "status.completed": ("已完成", "Completed"),
    "status.signed": ("已签署", "Signed"),
    "action.open": ("待整改", "Open"),
    "action.done": ("已整改", "Done"),
    "action.verified": ("已验证", "Verified"),
    "meaning.inspector": ("检查人", "Inspector"),
    "meaning.approver": ("单位主要负责人审核", "Approval by the person in charge"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("无", "None"),
    "location.above_ground": ("地上", "Above ground"),
    "location.semi_basement": ("半地下室", "Semi-basement"),
    "location.underground": ("地下", "Underground"),
    "type.industrial": ("工业企业", "Industrial enterprise"),
    "type.construction": ("建设工程参建单位", "Construction project participant"),
    "type.office_building": ("商务楼宇（办公楼、写字楼）", "Office building"),
    "type.mall": ("商场（含超市）", "Shopping mall (including supermarkets)"),
    "type.restaurant": ("餐馆（含内部食堂）", "Restaurant (including staff canteens)"),
    "type.hotel": ("酒店、宾馆（住宿）", "Hotel (accommodation)"),
    "type.other": ("其他市场主体", "Other market entity"),
    "supersedes": (
        "本报告更正并取代检查记录 #{id}（{date} 检查{signed}，记录哈希 {hash}…）；原记录作废，以本报告为准。{reason}",
        "This report corrects and replaces inspection record #{id} (inspected {date}{signed}, record hash "
        "{hash}…); the earlier record is void and this report stands. {reason}",
    ),
    "supersedes.signed": ("，{date} 签署", ", signed {date}"),
    "supersedes.reason": ("更正原因：{reason}", "Reason for the correction: {reason}"),
}


def report_word(key: str, language: str, /, **params: object) -> str:
    """One of :data:`REPORT_WORDS` in ``language``, its ``{placeholders}`` filled in."""
    chinese, english = REPORT_WORDS[key]
    return (english if is_english(language) else chinese).format(**params)


@dataclass(frozen=True)
class Signer:
    """One signature on the report. Signatures are not stored yet, so whoever exports says who signed."""

    name: str
    role: str
    meaning_zh: str  # what the signature means, e.g. 检查人 / 单位主要负责人审核
    signed_at_utc: dt.datetime  # naive values are taken as UTC
    image_png: bytes | None = None  # the drawn signature, if there is one

    @property
    def utc(self) -> dt.datetime:
        stamp = self.signed_at_utc
        return stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)


@dataclass(frozen=True)
class Photo:
    filename: str
    data: bytes
    thumbnail: bytes | None = None  # made when the photo was attached
    thumbnail_size: tuple[int, int] | None = None


@dataclass(frozen=True)
class FindingLine:
    verdict: Verdict
    message_zh: str
    per_room: bool = False  # one row of the dormitory table (the report lists those in the table too)


@dataclass(frozen=True)
class ActionLine:
    item_id: str
    item_title: str
    action: str
    owner: str
    due: dt.date | None
    status: str  # open / done / verified
    verification_note: str
    verified_on: dt.date | None
    language: str = CHINESE

    @property
    def status_zh(self) -> str:
        """The status in the report's language (the name is older than English reports)."""
        if is_english(self.language):
            return (
                report_word(f"action.{self.status}", ENGLISH)
                if f"action.{self.status}" in REPORT_WORDS
                else self.status
            )
        return ACTION_STATUS_ZH.get(self.status, self.status)


@dataclass(frozen=True)
class ItemLine:
    """One checklist item as reported: what it requires, what was found, what is being done about it."""

    catalog_id: str
    section_title: str
    item_id: str
    title: str
    citation: str
    severity: Severity
    result: Result | None
    overridden: bool
    override_reason: str
    measurements: tuple[str, ...]
    findings: tuple[FindingLine, ...]
    note: str
    evidence_names: tuple[str, ...]
    photos: tuple[Photo, ...]
    actions: tuple[ActionLine, ...]
    good_practice: str = ""  # 建议做法: beyond what the clause requires, never a ground for the result
    language: str = CHINESE  # of the texts above (the catalog's _zh or _en fields)

    @property
    def result_zh(self) -> str:
        """The result in the report's language (the name is older than English reports)."""
        if is_english(self.language):
            return report_word(f"result.{self.result.value}" if self.result else "result.unchecked", ENGLISH)
        return RESULT_ZH[self.result] if self.result else UNCHECKED_ZH

    @property
    def severity_zh(self) -> str:
        return report_word(f"severity.{self.severity.value}", self.language)


@dataclass(frozen=True)
class SectionLine:
    catalog_id: str
    title: str
    counts: Counts


@dataclass(frozen=True)
class CatalogLine:
    """A basis document as the report names it: by its official title (not the catalog's short title)."""

    id: str
    version: str
    title: str  # the official title, 《…》 as the document itself gives it
    number: str  # 文号, empty where the document has none
    issuer: str = ""  # 发布机关
    date: str = ""  # YYYY-MM-DD
    language: str = CHINESE  # of the title and issuer

    @property
    def reference(self) -> str:
        """文号, issuer and date in one line: 国发明电〔2020〕4号，国务院应对新型冠状病毒感染肺炎疫情联防联控机制，2020-02-21."""
        separator = ", " if is_english(self.language) else "，"
        return separator.join(part for part in (self.number, self.issuer, self.date) if part)


@dataclass(frozen=True)
class RoomRule:
    """A dormitory rule that applied to this inspection (national under GN, Beijing under BJHQ / BJTG)."""

    id: str
    title_zh: str
    citation: str


@dataclass(frozen=True)
class RoomLine:
    name: str
    area_m2: float
    occupants: int
    location_zh: str
    has_window: bool
    bunk_beds: bool
    verdicts: Mapping[str, Verdict | None]  # rule id → the room's worst verdict under it
    messages: tuple[str, ...]  # what did not pass, in words

    @property
    def area_per_person(self) -> float:
        return self.area_m2 / self.occupants


@dataclass(frozen=True)
class Supersedes:
    """The signed record a correction (更正) corrects and replaces: the report prints it, so a reader holding
    both reports knows which one stands. Named by its number and record hash (its report number may have
    moved on with follow-ups), with the reason given when the correction was started."""

    inspection_id: int
    date: dt.date
    signed_at: dt.datetime | None
    record_hash: str
    reason: str
    language: str = CHINESE

    @property
    def sentence_zh(self) -> str:
        """The sentence in the report's language (the name is older than English reports)."""
        language = self.language
        signed = report_word("supersedes.signed", language, date=f"{self.signed_at:%Y-%m-%d}") if self.signed_at else ""
        reason = report_word("supersedes.reason", language, reason=self.reason) if self.reason else ""
        return report_word(
            "supersedes",
            language,
            id=self.inspection_id,
            date=self.date.isoformat(),
            signed=signed,
            hash=self.record_hash[:16],
            reason=reason,
        ).strip()


@dataclass(frozen=True)
class ReportContent:
    """Everything a report prints about one inspection."""

    inspection_id: int
    version: int
    status: str
    company_name: str
    credit_code: str
    address: str
    district: str
    company_type_zh: str
    authority: Authority
    site: str
    date: dt.date
    inspector: str
    catalogs: tuple[CatalogLine, ...]
    items: tuple[ItemLine, ...]
    sections: tuple[SectionLine, ...]
    overall: Counts
    severe_failures: tuple[ItemLine, ...]
    actions: tuple[ActionLine, ...]
    room_rules: tuple[RoomRule, ...]
    rooms: tuple[RoomLine, ...]
    record_hash: str
    document: dict[str, Any]  # the canonical exchange document (storage.exchange.export_document)
    signers: tuple[Signer, ...] = ()
    generated_at_utc: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    # SHA-256 of the company signing authority's certificate (export.authority), "" before there is one:
    # printed so that a reader can compare it with the trust file they were given.
    signing_authority_sha256: str = ""
    supersedes: Supersedes | None = None  # a correction: the signed record it corrects and replaces
    logo_png: bytes | None = None  # the company's logo (storage.logo), printed on the cover and the workbook
    translation: str = ""  # a translated copy of a signed report: what it translates and the signatures on record
    language: str = CHINESE  # the report's: every word printed (the record and its hash are the same in both)

    @property
    def english(self) -> bool:
        return is_english(self.language)

    def word(self, key: str, /, **params: object) -> str:
        """One of :data:`REPORT_WORDS` in the report's language."""
        return report_word(key, self.language, **params)

    def words(self, chinese: str, english: str) -> str:
        """A label said where it is used, in the report's language (a one-off, not worth a table key)."""
        return english if self.english else chinese

    @property
    def report_id(self) -> str:
        return f"FG-{self.inspection_id}-v{self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == InspectionStatus.DRAFT

    @property
    def is_signed(self) -> bool:
        """A signed record, or the report being made at signing time (it names its signers)."""
        return self.status == InspectionStatus.SIGNED or bool(self.signers)

    @property
    def status_zh(self) -> str:
        """The record's status in the report's language; a report made at signing time is the signed report."""
        status = InspectionStatus.SIGNED.value if self.is_signed else self.status
        if self.english:
            return self.word(f"status.{status}") if f"status.{status}" in REPORT_WORDS else status
        return STATUS_ZH.get(status, status)

    @property
    def photo_count(self) -> int:
        return sum(len(item.photos) for item in self.items)


def format_value(value: Any, language: str = CHINESE) -> str:
    """A measured value as a person writes it: 是/否 (yes/no), 2 not 2.0, 0.5 not 0.50000001."""
    if isinstance(value, bool):
        return report_word("yes" if value else "no", language)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def pass_rate_text(counts: Counts) -> str:
    rate = counts.pass_rate
    return "—" if rate is None else f"{rate * 100:.1f} %"


def citation_of(catalog: Catalog, item: Item, language: str = CHINESE) -> str:
    """The document's official title + 文号 + clause, e.g. 《企事业单位复工复产疫情防控措施指南》（国发明电〔2020〕4号）一、（一）
    (the official title, as the 依据文件 window shows it, not the catalog's short title); in English the
    document's English title, its 文号 as issued, and the clause."""
    if is_english(language):
        number = f" ({catalog.document.number})" if catalog.document.number else ""
        return f"{catalog.document.name_en}{number}, {item.clause_en}"
    number = f"（{catalog.document.number}）" if catalog.document.number else ""
    return f"《{catalog.document.name_zh}》{number}{item.clause_zh}"


def _measurements(item: Item, response: ItemResponse, language: str = CHINESE) -> tuple[str, ...]:
    given = response.measurements or {}
    english = is_english(language)
    lines = []
    for measurement in item.measurements:
        value = given.get(measurement.key)
        if value is None or value == "":
            continue
        unit_text = measurement.unit_english if english else measurement.unit
        unit = f" {unit_text}" if unit_text else ""
        if english:
            lines.append(f"{measurement.label_en}: {format_value(value, language)}{unit}")
        else:
            lines.append(f"{measurement.label_zh}：{format_value(value)}{unit}")
    return tuple(lines)


def _per_room(finding: Mapping[str, Any]) -> bool:
    rule = RULES.get(str(finding.get("rule", "")))
    return rule is not None and bool(rule.table)


def _findings(response: ItemResponse, language: str = CHINESE) -> tuple[FindingLine, ...]:
    key = "message_en" if is_english(language) else "message_zh"
    return tuple(
        FindingLine(Verdict(f["verdict"]), str(f.get(key) or f["message_zh"]), _per_room(f))
        for f in response.findings or []
    )


def _action_line(action: CorrectiveAction, titles: Mapping[str, str], language: str = CHINESE) -> ActionLine:
    return ActionLine(
        action.item_id,
        titles.get(action.item_id, ""),
        action.action,
        action.owner,
        action.due,
        action.status,
        action.verification_note,
        action.verified_on,
        language,
    )


def _item_line(
    catalog: Catalog,
    item: Item,
    response: ItemResponse,
    evidence: Sequence[Evidence],
    actions: Sequence[ActionLine],
    language: str = CHINESE,
) -> ItemLine:
    result = Result(response.final) if response.final else None
    derived = Result(response.derived) if response.derived else None
    english = is_english(language)
    return ItemLine(
        catalog_id=catalog.id,
        section_title=catalog.section(item.section).title_en if english else catalog.section(item.section).title_zh,
        item_id=item.id,
        title=item.title_en if english else item.title_zh,
        citation=citation_of(catalog, item, language),
        severity=item.severity,
        result=result,
        overridden=result is not None and derived is not None and result is not derived,
        override_reason=response.override_reason,
        measurements=_measurements(item, response, language),
        findings=_findings(response, language),
        note=response.note,
        evidence_names=tuple(e.filename for e in evidence),
        photos=tuple(
            Photo(
                e.filename,
                e.data,
                e.thumbnail,
                (e.thumbnail_width, e.thumbnail_height) if e.thumbnail_width and e.thumbnail_height else None,
            )
            for e in evidence
            if e.media_type.startswith("image/")
        ),
        actions=tuple(actions),
        good_practice=item.good_practice_en if english else item.good_practice_zh,
        language=language,
    )


def _room_rules(catalogs: Sequence[Catalog], language: str = CHINESE) -> tuple[RoomRule, ...]:
    """The dormitory rules of the chosen catalogs, each citing only the chosen documents."""
    ids = dict.fromkeys(rule for c in catalogs for item in c.items for rule in item.rules if RULES[rule].table)
    documents = {c.id for c in catalogs}
    if is_english(language):
        return tuple(RoomRule(rule, RULES[rule].title_en, RULES[rule].cite_for(documents).en) for rule in ids)
    return tuple(RoomRule(rule, RULES[rule].title_zh, RULES[rule].cite_for(documents).zh) for rule in ids)


def _worst(verdicts: Sequence[Verdict]) -> Verdict | None:
    for verdict in (Verdict.FAIL, Verdict.WARNING, Verdict.PASS):
        if verdict in verdicts:
            return verdict
    return None


def _rooms(inspection: Inspection, rules: Sequence[RoomRule], language: str = CHINESE) -> tuple[RoomLine, ...]:
    """Per room and rule, the verdicts stored in the findings of the items that read the room table."""
    rule_ids = {rule.id for rule in rules}
    by_room: dict[str, list[dict[str, Any]]] = {}  # grouped once: a filter per room was quadratic in rooms
    for response in inspection.responses:
        for f in response.findings or []:
            if f.get("rule") in rule_ids and "subject" in f:
                by_room.setdefault(f["subject"], []).append(f)
    lines = []
    for room in sorted(inspection.rooms, key=lambda r: r.position):
        own = by_room.get(room.name, [])
        verdicts = {rule.id: _worst([Verdict(f["verdict"]) for f in own if f["rule"] == rule.id]) for rule in rules}
        key = "message_en" if is_english(language) else "message_zh"
        messages = dict.fromkeys(str(f.get(key) or f["message_zh"]) for f in own if f["verdict"] != Verdict.PASS.value)
        lines.append(
            RoomLine(
                room.name,
                room.area_m2,
                room.occupants,
                report_word(f"location.{room.location}", language)
                if f"location.{room.location}" in REPORT_WORDS
                else LOCATION_ZH.get(Location(room.location), room.location),
                room.has_window,
                room.bunk_beds,
                verdicts,
                tuple(messages),
            )
        )
    return tuple(lines)


def _checked_document(db: Database, inspection: Inspection, evaluation: InspectionEvaluation) -> dict[str, Any]:
    """The exchange document of ``inspection``, built from the same load as the report, after making sure the
    record hash it carries is the hash of that content: a report whose printed hash does not match its printed
    content must never be written. (A completed record carries the hash stored at completion: a record
    changed since, by raw SQL or a damaged database, is refused here. A draft's document carries the hash of
    this very content, computed once.)"""
    record = canonical_record(inspection)
    document = inspection_document(db, inspection, record, evaluation)
    if not document["record_hash_is_draft"] and digest(record) != document["record_hash"]:
        raise KnownError(msg("report.record_changed", id=inspection.id, status=msg(f"status.{inspection.status}")))
    return document


def load_report(
    db: Database, inspection_id: int, signers: Sequence[Signer] = (), language: str = CHINESE
) -> ReportContent:
    """Gather the report of one inspection from storage, its words in ``language`` (``zh`` or ``en``)."""
    english = is_english(language)
    language = ENGLISH if english else CHINESE
    inspection = inspections.load_inspection(db, inspection_id)
    catalogs = inspections.catalogs_of(inspection)
    evaluation = inspections.evaluate(inspection)
    document = _checked_document(db, inspection, evaluation)
    score = evaluation.score
    responses = {r.item_id: r for r in inspection.responses}
    titles = {item.id: item.title_en if english else item.title_zh for c in catalogs for item in c.items}
    actions = tuple(_action_line(a, titles, language) for a in sorted(inspection.actions, key=lambda a: a.id))
    items = tuple(
        _item_line(
            catalog,
            item,
            responses[item.id],
            [e for e in inspection.evidence if e.item_id == item.id],
            [a for a in actions if a.item_id == item.id],
            language,
        )
        for catalog in catalogs
        for item in catalog.items
        if item.id in responses
    )
    by_id = {line.item_id: line for line in items}
    room_rules = _room_rules(catalogs, language)
    place = company_part(inspection)  # as kept at completion: what the record hash vouches for
    company = place.get("company")
    fields = ("name", "credit_code", "address", "district", "type")
    if not isinstance(company, dict) or not all(isinstance(company.get(f), str) for f in fields):
        raise KnownError(msg("report.company_copy_damaged", id=inspection.id))
    try:
        company_type = CompanyType(company["type"])
    except ValueError:
        raise KnownError(msg("report.company_copy_damaged", id=inspection.id)) from None
    return ReportContent(
        inspection_id=inspection.id,
        version=inspection.version,
        status=inspection.status,
        company_name=company["name"],
        logo_png=company_logo(db, inspection.company_id),
        credit_code=company["credit_code"],
        address=company["address"],
        district=company["district"],
        company_type_zh=report_word(f"type.{company_type.value}", language)
        if f"type.{company_type.value}" in REPORT_WORDS
        else COMPANY_TYPE_ZH[company_type],
        authority=inspecting_authority(company_type),
        site=str(place.get("site") or ""),
        date=inspection.date,
        inspector=inspection.inspector,
        catalogs=tuple(
            CatalogLine(
                c.id,
                inspection.catalogs.get(c.id, c.version),
                c.document.name_en if english else c.document.name_zh,
                c.document.number,
                c.document.issuer_en if english else c.document.issuer_zh,
                c.document.date.isoformat(),
                language,
            )
            for c in catalogs
        ),
        items=items,
        sections=tuple(
            SectionLine(c.id, s.title_en if english else s.title_zh, score.sections[(c.id, s.id)])
            for c in catalogs
            for s in c.sections
        ),
        overall=score.overall,
        severe_failures=tuple(by_id[i] for i in score.severe_failed if i in by_id),
        actions=actions,
        room_rules=room_rules,
        rooms=_rooms(inspection, room_rules, language),
        record_hash=str(document["record_hash"]),
        document=document,
        signers=tuple(signers),
        signing_authority_sha256=_signing_authority(db),
        supersedes=_supersedes(db, inspection, language),
        language=language,
    )


def _supersedes(db: Database, inspection: Inspection, language: str = CHINESE) -> Supersedes | None:
    """The record ``inspection`` corrects, with the reason its correction was started for (the audit entry
    of its creation)."""
    if inspection.supersedes_id is None:
        return None
    with db.session() as session:
        old = session.get(Inspection, inspection.supersedes_id)
        reason = session.scalar(
            select(AuditEntry.reason)
            .where(
                AuditEntry.table_name == Inspection.__tablename__,
                AuditEntry.row_id == inspection.id,
                AuditEntry.action == "insert",
            )
            .order_by(AuditEntry.seq)
            .limit(1)
        )
        if old is None:
            return None
        return Supersedes(old.id, old.date, old.signed_at, old.record_hash or "", reason or "", language)


def _signing_authority(db: Database) -> str:
    from export.authority import authority_certificate, fingerprint

    certificate = authority_certificate(db)
    return fingerprint(certificate) if certificate is not None else ""
