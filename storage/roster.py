"""The roster (花名册) of the health ledger: people, consent, masking, and the roster import's check/commit.

The service API (stable; the desktop's ``desktop/registers/`` and the command line use it):

* :func:`list_employees` → :class:`Page` of :class:`EmployeeView` — one page of the roster (search, status,
  offset, limit); ID numbers and phones masked (``110***********123X``, ``138****1234``).
* :func:`get_employee` → :class:`EmployeeView`, masked.
* :func:`add_employee`, :func:`update_employee` — officer or manager; values as :data:`checklist.ledger.ROSTER_FIELDS`
  keys, validated by :func:`checklist.ledger.validate_employee`.
* :func:`unmask` → (ID number, phone) in full — managers only; every unmasking is an audit entry.
* :func:`record_consent` — the consent record (date, notice version, purpose: epidemic control only); the same
  version again (1 = 1.0) corrects the date. :func:`consent_records` lists a person's records.
* :func:`current_notice` → :class:`NoticeView` (the notice in force: version, text or reference) and
  :func:`set_notice` (managers only; audited, old → new). Versions are compared as versions
  (:func:`checklist.ledger.notice_at_least`), never as text: a consent to an older notice is shown as needing
  consent again (:attr:`EmployeeView.consent_current`); :func:`needing_consent` counts those people.
* :func:`roster_posts` — the posts on the roster, for the filter by post.
* :func:`check_roster` → :class:`RosterCheck` (nothing stored: bad rows with row number and reason, duplicates
  in the file and against the roster), then :func:`commit_roster` stores the good rows — all or nothing,
  checked again inside the transaction.

Refusals are :class:`~storage.errors.InvalidInputError` / :class:`~storage.errors.PermissionDeniedError` with an
English and a Chinese message; no message names a person's ID number or phone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy import func, insert, or_, select, text
from sqlalchemy.orm import Session

from checklist.company import company_today
from checklist.ledger import (
    CONSENT_FIELD_EN,
    CONSENT_FIELD_ZH,
    CONSENT_PURPOSE,
    DEFAULT_FEVER_THRESHOLD_C,
    FIELD_EN,
    FIELD_ZH,
    EmployeeInput,
    EmployeeStatus,
    LedgerError,
    duplicate_key,
    mask_id_number,
    mask_phone,
    newest_notice_version,
    normalise_notice_version,
    notice_at_least,
    notice_version_key,
    validate_consent,
    validate_employee,
)
from checklist.workflow import ACCOUNT_ADMIN_ROLES
from storage import audit
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError
from storage.ledger_models import ConsentRecord, Employee, LedgerSettings, Observation
from storage.models import utcnow
from storage.unit_of_work import check_permission, unit_of_work

T = TypeVar("T")
PAGE_MAX = 1000
UNMASK_ROLES = ACCOUNT_ADMIN_ROLES
"""Who may see an ID number or phone in full (单位主要负责人); each time is audited."""
MAX_IMPORT_ROWS = 50_000


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: ``rows`` from ``offset``, and ``total`` rows in the whole list."""

    rows: list[T]
    total: int
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class EmployeeView:
    """One person as a view shows them: ID number and phone masked."""

    id: int
    name: str
    department: str
    post: str
    category: str
    outsourcing_company: str
    id_number: str  # masked
    phone: str  # masked
    dormitory_room: str
    status: str
    return_date: dt.date | None
    returned_from: str
    consent_version: str | None  # the newest notice version consented to; None: no consent recorded
    anonymised: bool = False
    consent_current: bool = False  # consented to the notice in force (or a later one)


def _ledger_error(error: LedgerError, row: int | None = None) -> InvalidInputError:
    where_en = f"row {row}: " if row is not None else ""
    where_zh = f"第 {row} 行：" if row is not None else ""
    label_en = FIELD_EN.get(error.field, error.field)
    label_zh = FIELD_ZH.get(error.field, error.field)
    return InvalidInputError(
        f"{where_en}{label_en} {error.message_en}; nothing was changed",
        f"{where_zh}{label_zh}{error.message_zh}；没有修改任何数据",
    )


def validated(values: Mapping[str, object] | EmployeeInput) -> EmployeeInput:
    if isinstance(values, EmployeeInput):
        values = {k: getattr(values, k) for k in FIELD_EN}
    try:
        return validate_employee(values)
    except LedgerError as error:
        raise _ledger_error(error) from None


def page_bounds(offset: int, limit: int) -> tuple[int, int]:
    if offset < 0 or not 1 <= limit <= PAGE_MAX:
        raise InvalidInputError(
            f"a page is 1–{PAGE_MAX} rows from offset ≥ 0", f"每页 1–{PAGE_MAX} 行，起始位置不小于 0"
        )
    return offset, limit


DEFAULT_NOTICE_VERSION = "1.0"


def _notice_version(session: Session) -> str:
    settings = session.get(LedgerSettings, 1)
    return settings.notice_version if settings is not None else DEFAULT_NOTICE_VERSION


def _consented_versions(session: Session, employee_ids: Sequence[int]) -> dict[int, list[str]]:
    """The notice versions each person consented to (a page of people: a few rows each)."""
    found: dict[int, list[str]] = {}
    for start in range(0, len(employee_ids), 900):
        for employee_id, version in session.execute(
            select(ConsentRecord.employee_id, ConsentRecord.notice_version).where(
                ConsentRecord.employee_id.in_(employee_ids[start : start + 900])
            )
        ):
            found.setdefault(employee_id, []).append(version)
    return found


def _covering_versions(session: Session, current: str) -> list[str]:
    """The versions on record that cover notice ``current`` (the same or later, compared as versions). There
    are a handful of distinct versions however long the roster, so they are compared here and the database
    is asked by the list."""
    stored = session.scalars(select(ConsentRecord.notice_version).distinct()).all()
    return sorted(v for v in stored if notice_at_least(v, current))


def _views(session: Session, employees: Sequence[Employee]) -> list[EmployeeView]:
    current = _notice_version(session)
    versions = _consented_versions(session, [e.id for e in employees])
    return [_view(e, versions.get(e.id, []), current) for e in employees]


def _view(employee: Employee, versions: list[str], current: str) -> EmployeeView:
    return EmployeeView(
        id=employee.id,
        name=employee.name,
        department=employee.department,
        post=employee.post,
        category=employee.category,
        outsourcing_company=employee.outsourcing_company,
        id_number=mask_id_number(employee.id_number),
        phone=mask_phone(employee.phone),
        dormitory_room=employee.dormitory_room,
        status=employee.status,
        return_date=employee.return_date,
        returned_from=employee.returned_from,
        consent_version=newest_notice_version(versions),
        anonymised=employee.anonymised_at is not None,
        consent_current=any(notice_at_least(v, current) for v in versions),
    )


def list_employees(
    db: Database,
    *,
    search: str = "",
    status: str | None = None,
    offset: int = 0,
    limit: int = 100,
    categories: Collection[str] | None = None,
    post: str | None = None,
    without_consent_to: str | None = None,
) -> Page[EmployeeView]:
    """One page of the roster ordered by id; ``search`` matches name, department or dormitory room;
    ``categories`` keeps the people of those categories (e.g. :data:`checklist.ledger.LOGISTICS_CATEGORIES`),
    ``post`` those of that post; ``without_consent_to`` keeps those with no consent to that notice version or a
    later one (an older version does not count)."""
    offset, limit = page_bounds(offset, limit)
    query = select(Employee)
    count = select(func.count(Employee.id))
    conditions = []
    if status:
        conditions.append(Employee.status == status)
    if categories is not None:
        conditions.append(Employee.category.in_(sorted(categories)))
    if post:
        conditions.append(Employee.post == post)
    if search.strip():
        pattern = f"%{search.strip()}%"
        conditions.append(
            or_(Employee.name.like(pattern), Employee.department.like(pattern), Employee.dormitory_room.like(pattern))
        )
    for condition in conditions:
        query = query.where(condition)
        count = count.where(condition)
    with db.session() as session:
        if without_consent_to is not None:
            consented = select(ConsentRecord.id).where(
                ConsentRecord.employee_id == Employee.id,
                ConsentRecord.notice_version.in_(_covering_versions(session, without_consent_to)),
            )
            query, count = query.where(~consented.exists()), count.where(~consented.exists())
        total = session.scalar(count) or 0
        employees = session.scalars(query.order_by(Employee.id).offset(offset).limit(limit)).all()
        return Page(_views(session, employees), total, offset, limit)


def roster_posts(db: Database, limit: int = 200) -> list[str]:
    """The distinct non-empty posts (岗位) on the roster, most common first (at most ``limit``)."""
    with db.session() as session:
        rows = session.execute(
            select(Employee.post, func.count(Employee.id))
            .where(Employee.post != "")
            .group_by(Employee.post)
            .order_by(func.count(Employee.id).desc(), Employee.post)
            .limit(limit)
        ).all()
    return [str(row[0]) for row in rows]


def get_employee(db: Database, employee_id: int) -> EmployeeView:
    with db.session() as session:
        return _views(session, [_employee(session, employee_id)])[0]


def _apply(employee: Employee, data: EmployeeInput) -> None:
    for key in FIELD_EN:
        value = getattr(data, key)
        if getattr(employee, key) != value:
            setattr(employee, key, value)


def _refuse_duplicate(session: Session, data: EmployeeInput, except_id: int | None = None) -> None:
    conditions = []
    if data.id_number:
        conditions.append(Employee.id_number == data.id_number)
    if data.phone:
        conditions.append(Employee.phone == data.phone)
    if not conditions:
        return
    query = select(Employee.id).where(Employee.name == data.name, or_(*conditions))
    if except_id is not None:
        query = query.where(Employee.id != except_id)
    found = session.scalar(query.limit(1))
    if found is not None:
        raise InvalidInputError(
            f"this person is already on the roster (#{found}, same name and ID number or phone); nothing was changed",
            f"此人已在花名册中（#{found}，姓名与身份证号或手机号相同）；没有修改任何数据",
        )


def add_employee(db: Database, actor: str, values: Mapping[str, object] | EmployeeInput) -> int:
    """Add one person (officer or manager). Refused if the same name with the same ID number or phone exists."""
    data = validated(values)
    with unit_of_work(db, actor) as session:
        _refuse_duplicate(session, data)
        employee = Employee()
        _apply(employee, data)
        session.add(employee)
        session.flush()
        return employee.id


def update_employee(db: Database, actor: str, employee_id: int, values: Mapping[str, object]) -> None:
    """Change one person. ``values`` may leave out fields: they keep their value (ID number and phone too, so a
    view that shows them masked never writes the mask back)."""
    with unit_of_work(db, actor) as session:
        employee = _not_anonymised(
            session,
            employee_id,
            f"employee #{employee_id} was anonymised by retention and cannot be changed",
            f"员工 #{employee_id} 已按保存期限匿名化，不能再修改",
        )
        current = {key: getattr(employee, key) for key in FIELD_EN}
        merged = {**current, **{k: v for k, v in values.items() if k in FIELD_EN}}
        data = validated(merged)
        _refuse_duplicate(session, data, except_id=employee_id)
        _apply(employee, data)


def _employee(session: Session, employee_id: int) -> Employee:
    employee = session.get(Employee, employee_id)
    if employee is None:
        raise NotFoundError(f"no employee {employee_id}", f"没有编号为 {employee_id} 的员工")
    return employee


def _not_anonymised(session: Session, employee_id: int, refused_en: str, refused_zh: str) -> Employee:
    """The person, refused in ``refused_en`` / ``refused_zh`` if retention has anonymised them."""
    employee = _employee(session, employee_id)
    if employee.anonymised_at is not None:
        raise InvalidInputError(refused_en, refused_zh)
    return employee


def unmask(db: Database, actor: str, employee_id: int) -> tuple[str, str]:
    """The ID number and phone in full, for a manager; the unmasking is written to the audit trail (who, when,
    whose — never the numbers)."""
    with unit_of_work(db, actor, allowed=None) as session:
        check_permission(session, actor, UNMASK_ROLES, "see ID numbers and phones in full", db.principal)
        employee = _employee(session, employee_id)
        audit.record_event(session, "unmask", "employees", employee.id, None, {"fields": ["id_number", "phone"]})
        return employee.id_number, employee.phone


@dataclass(frozen=True)
class ConsentView:
    """One consent record: the person was shown notice ``notice_version`` on ``consented_on`` and agreed."""

    id: int
    employee_id: int
    consented_on: dt.date
    notice_version: str
    purpose: str
    recorded_by: str
    recorded_at: dt.datetime


def consent_records(db: Database, employee_id: int) -> list[ConsentView]:
    """A person's consent records, newest first."""
    with db.session() as session:
        _employee(session, employee_id)
        records = session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.employee_id == employee_id)
            .order_by(ConsentRecord.consented_on.desc(), ConsentRecord.id.desc())
        ).all()
        return [
            ConsentView(r.id, r.employee_id, r.consented_on, r.notice_version, r.purpose, r.recorded_by, r.recorded_at)
            for r in records
        ]


def record_consent(
    db: Database,
    actor: str,
    employee_id: int,
    consented_on: dt.date,
    notice_version: str,
    purpose: str = CONSENT_PURPOSE,
    *,
    today: dt.date | None = None,
) -> int:
    """Record that the person was shown notice ``notice_version`` and agreed, for epidemic control only (officer
    or manager; audited). The same version recorded again corrects its date. Refused: another purpose, a day in
    the future or before 2020, a person anonymised by retention."""
    try:
        day, version = validate_consent(consented_on, notice_version, purpose, today or company_today())
    except LedgerError as error:
        raise _consent_refusal(error) from None
    with unit_of_work(db, actor) as session:
        _not_anonymised(
            session,
            employee_id,
            f"employee #{employee_id} was anonymised by retention; no consent is recorded",
            f"员工 #{employee_id} 已按保存期限匿名化，不再登记同意",
        )
        key = notice_version_key(version)
        existing = next(
            (
                record
                for record in session.scalars(select(ConsentRecord).where(ConsentRecord.employee_id == employee_id))
                if notice_version_key(record.notice_version) == key
            ),
            None,
        )
        if existing is not None:
            if existing.consented_on != day:
                existing.consented_on = day
            return existing.id
        record = ConsentRecord(
            employee_id=employee_id,
            consented_on=day,
            notice_version=version,
            purpose=CONSENT_PURPOSE,
            recorded_by=actor,
        )
        session.add(record)
        session.flush()
        return record.id


def _consent_refusal(error: LedgerError) -> InvalidInputError:
    label_en = CONSENT_FIELD_EN.get(error.field, error.field)
    label_zh = CONSENT_FIELD_ZH.get(error.field, error.field)
    return InvalidInputError(
        f"{label_en} {error.message_en}; nothing was changed", f"{label_zh}{error.message_zh}；没有修改任何数据"
    )


@dataclass(frozen=True)
class NoticeView:
    """The privacy notice in force (个人信息收集告知书): its version and its text, or a reference to where the
    company keeps it (empty: the product's own text of that version, :func:`checklist.ledger.privacy_notice`)."""

    version: str
    text: str


NOTICE_TEXT_MAX = 20_000


def current_notice(db: Database) -> NoticeView:
    with db.session() as session:
        settings = session.get(LedgerSettings, 1)
        if settings is None:
            return NoticeView(DEFAULT_NOTICE_VERSION, "")
        return NoticeView(settings.notice_version, settings.notice_text or "")


def set_notice(db: Database, actor: str, version: str, text: str = "") -> NoticeView:
    """A manager (单位主要负责人) puts notice ``version`` in force, with its text or a reference to it (a file
    name, "见员工手册第 5 章"). The audit trail records who, when and old → new. Everyone whose consent is to an
    older version is then shown as needing consent again (:func:`needing_consent`). Refused: a text that is
    not a version (:data:`checklist.ledger.NOTICE_VERSION`), a text longer than 20,000 characters."""
    try:
        version = normalise_notice_version(clean_notice_field("notice_version", version, 20))
        text = clean_notice_field("notice_text", text, NOTICE_TEXT_MAX)
    except LedgerError as error:
        raise _consent_refusal(error) from None
    with unit_of_work(db, actor, allowed=UNMASK_ROLES) as session:
        settings = session.get(LedgerSettings, 1)
        if settings is None:
            settings = LedgerSettings(
                id=1, fever_threshold_c=DEFAULT_FEVER_THRESHOLD_C, notice_version=DEFAULT_NOTICE_VERSION
            )
            session.add(settings)
            session.flush()
        if settings.notice_version != version:
            settings.notice_version = version
        if (settings.notice_text or "") != text:
            settings.notice_text = text
    return NoticeView(version, text)


def clean_notice_field(field: str, value: object, limit: int) -> str:
    """The version (one line) or the text (lines kept) of a notice: no control characters, within ``limit``."""
    if not isinstance(value, str):
        raise LedgerError(field, "is not text", "不是文字")
    text = value.strip().replace("\r\n", "\n")
    if any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E for c in text):
        raise LedgerError(field, "contains control characters", "含有控制字符")
    if field == "notice_version" and ("\n" in text or not text):
        raise LedgerError(field, "is one line, not empty", "须为一行且不能为空")
    if len(text) > limit:
        raise LedgerError(field, f"is longer than {limit} characters", f"超过 {limit} 个字符")
    return text


def needing_consent(db: Database) -> int:
    """How many people on the roster (not anonymised) have no consent to the notice in force or a later one."""
    with db.session() as session:
        covering = _covering_versions(session, _notice_version(session))
        consented = select(ConsentRecord.id).where(
            ConsentRecord.employee_id == Employee.id, ConsentRecord.notice_version.in_(covering)
        )
        return int(
            session.scalar(select(func.count(Employee.id)).where(Employee.anonymised_at.is_(None), ~consented.exists()))
            or 0
        )


# ---------------------------------------------------------------------------------------------------
# Roster import: check, then commit


@dataclass(frozen=True)
class BadRow:
    row: int  # the row number in the file (the header is row 1)
    field: str
    message_en: str
    message_zh: str

    def describe_en(self) -> str:
        return f"row {self.row}: {FIELD_EN.get(self.field, self.field)} {self.message_en}"

    def describe_zh(self) -> str:
        return f"第 {self.row} 行：{FIELD_ZH.get(self.field, self.field)}{self.message_zh}"


@dataclass(frozen=True)
class Duplicate:
    row: int
    name: str
    same_as_row: int | None  # an earlier row of the file
    same_as_employee: int | None  # a person already on the roster

    def describe_en(self) -> str:
        other = f"row {self.same_as_row}" if self.same_as_row is not None else f"roster #{self.same_as_employee}"
        return f"row {self.row}: {self.name} is the same person as {other} (name and ID number or phone)"

    def describe_zh(self) -> str:
        other = f"第 {self.same_as_row} 行" if self.same_as_row is not None else f"花名册 #{self.same_as_employee}"
        return f"第 {self.row} 行：{self.name} 与{other}为同一人（姓名与身份证号或手机号相同）"


@dataclass(frozen=True)
class RosterCheck:
    """What a roster file holds: ``good`` rows (row number, validated person) that would be added, ``bad`` rows
    with their reason, ``duplicates`` (shown, never added twice)."""

    good: list[tuple[int, EmployeeInput]] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.bad and not self.duplicates


def _existing_keys(session: Session, names: set[str]) -> dict[str, int]:
    keys: dict[str, int] = {}
    name_list = sorted(names)
    for start in range(0, len(name_list), 500):
        chunk = name_list[start : start + 500]
        for employee_id, name, id_number, phone in session.execute(
            select(Employee.id, Employee.name, Employee.id_number, Employee.phone).where(Employee.name.in_(chunk))
        ):
            for key in duplicate_key(name, id_number, phone):
                keys.setdefault(key, employee_id)
    return keys


def _check(session: Session, rows: Sequence[tuple[int, Mapping[str, object]]]) -> RosterCheck:
    if len(rows) > MAX_IMPORT_ROWS:
        raise InvalidInputError(
            f"the file has {len(rows)} rows, more than {MAX_IMPORT_ROWS}; nothing was imported",
            f"文件有 {len(rows)} 行，超过 {MAX_IMPORT_ROWS} 行；未导入任何数据",
        )
    result = RosterCheck()
    parsed: list[tuple[int, EmployeeInput]] = []
    for number, values in rows:
        try:
            parsed.append((number, validate_employee(values)))
        except LedgerError as error:
            result.bad.append(BadRow(number, error.field, error.message_en, error.message_zh))
    existing = _existing_keys(session, {p.name for _, p in parsed})
    seen: dict[str, int] = {}
    for number, person in parsed:
        keys = duplicate_key(person.name, person.id_number, person.phone)
        in_roster = next((existing[k] for k in keys if k in existing), None)
        in_file = next((seen[k] for k in keys if k in seen), None)
        if in_roster is not None or in_file is not None:
            result.duplicates.append(Duplicate(number, person.name, in_file, in_roster if in_file is None else None))
            continue
        for key in keys:
            seen[key] = number
        result.good.append((number, person))
    return result


def check_roster(db: Database, rows: Sequence[tuple[int, Mapping[str, object]]]) -> RosterCheck:
    """Validate roster rows (row number, values by :data:`checklist.ledger.ROSTER_FIELDS` key); stores nothing."""
    with db.session() as session:
        return _check(session, rows)


def commit_roster(
    db: Database, actor: str, rows: Sequence[tuple[int, Mapping[str, object]]], *, accept_bad: bool = False
) -> RosterCheck:
    """Add the good rows in one transaction. Unless ``accept_bad`` (the user saw the bad rows and duplicates
    and accepted to leave them out), a file with any bad row or duplicate is refused whole. The rows are
    checked again inside the transaction, so a roster that changed since :func:`check_roster` cannot double
    anyone."""
    with unit_of_work(db, actor) as session:
        result = _check(session, rows)
        if not result.clean and not accept_bad:
            raise InvalidInputError(
                f"{len(result.bad)} bad row(s) and {len(result.duplicates)} duplicate(s); nothing was imported — "
                "correct the file, or accept to import only the good rows",
                f"有 {len(result.bad)} 行有误、{len(result.duplicates)} 行重复；未导入任何数据——请改正文件，或确认只导入无误的行",
            )
        _insert_audited(session, actor, [person for _, person in result.good])
        return result


def _new_ids(session: Session, count: int) -> list[int]:
    """``count`` fresh employee ids, taken before the insert so that it needs no RETURNING (which SQLAlchemy sends
    one row at a time on SQLite and which cost 4 s of the client's time for 20,000 rows on PostgreSQL).

    PostgreSQL: from the column's sequence, so concurrent inserts and later ones never collide. SQLite: above
    the highest id; the transaction holds the database's write lock (``BEGIN IMMEDIATE``), so no other writer can
    take one meanwhile."""
    if session.get_bind().dialect.name == "postgresql":
        taken = session.scalars(
            text("SELECT nextval(pg_get_serial_sequence('employees', 'id')) FROM generate_series(1, :n)"),
            {"n": count},
        )
        return sorted(int(i) for i in taken)
    top = session.scalar(select(func.max(Employee.id))) or 0
    return list(range(top + 1, top + 1 + count))


def _insert_audited(session: Session, actor: str, people: Sequence[EmployeeInput]) -> None:
    """Insert many people in one statement and write their audit entries in one more (as the ORM would, with
    the personal columns left out of the trail): a roster of 20,000 imports in seconds."""
    if not people:
        return
    now = utcnow()
    ids = _new_ids(session, len(people))
    rows = [
        {"id": employee_id, **{key: getattr(p, key) for key in FIELD_EN}, "created_at": now, "anonymised_at": None}
        for employee_id, p in zip(ids, people, strict=True)
    ]
    session.connection().execute(insert(Employee), rows)
    personal = Employee.__audit_personal__
    reason = str(session.info.get("reason", ""))
    entries = [
        {
            "actor": actor,
            "action": "insert",
            "table_name": Employee.__tablename__,
            "row_id": row["id"],
            "inspection_id": None,
            "old": None,
            "new": {
                key: audit.PERSONAL if key in personal and value else audit.json_value(value)
                for key, value in row.items()
            },
            "reason": reason,
        }
        for row in rows
    ]
    audit.append_entries(session.connection(), entries)


def active_observation_ends(session: Session, employee_ids: Sequence[int], day: dt.date) -> dict[int, dt.date]:
    """For each person, the last day of their observation running on ``day`` (if any)."""
    if not employee_ids:
        return {}
    rows = session.execute(
        select(Observation.employee_id, func.max(Observation.end))
        .where(
            Observation.employee_id.in_(employee_ids),
            Observation.active,
            Observation.start <= day,
            Observation.end >= day,
        )
        .group_by(Observation.employee_id)
    ).all()
    return {r[0]: r[1] for r in rows}


def headcount_statuses() -> tuple[str, ...]:
    """The statuses counted in the headcount (everyone but 离岗)."""
    return tuple(s.value for s in EmployeeStatus if s is not EmployeeStatus.LEFT)


def masked_contacts(db: Database, employee_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """(department, masked ID number, masked phone) of each person, for reports."""
    found: dict[int, tuple[str, str, str]] = {}
    ids = list(dict.fromkeys(employee_ids))
    with db.session() as session:
        for start in range(0, len(ids), 900):
            for employee_id, department, id_number, phone in session.execute(
                select(Employee.id, Employee.department, Employee.id_number, Employee.phone).where(
                    Employee.id.in_(ids[start : start + 900])
                )
            ):
                found[employee_id] = (department, mask_id_number(id_number), mask_phone(phone))
    return found
