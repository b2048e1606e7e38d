"""The health ledger's services: readings, 14-day observation, the daily summary and checklist evidence.

The service API (stable; ``desktop/registers/``, the command line and the exports use it):

Settings
    :func:`get_settings` → :class:`SettingsView`; :func:`set_fever_threshold` (manager; 37.3 °C by default,
    2020 practice — the sources give none).
Readings (上午 / 下午, entered by the person in charge for everyone)
    :func:`enter_readings` (officer or manager) — one cell or a whole shift of one half-day in one transaction;
    a temperature is checked (34 / 43 / 98.6 refused with the rule engine's message), a fever or symptom is
    flagged with the next steps, an entry after the half-day (+ 2 h) is marked late; one audit entry per call
    (who, when, what). :func:`day_grid` → :class:`Page` of :class:`GridRow` (one row per person, both
    half-days) for the keyboard grid.
Today's lists (each a page, each backed by an index)
    :func:`flagged_readings` (fevers and symptoms), :func:`missing_readings`, :func:`observation_list`,
    :func:`early_returns` (BJTG 三).
Observation (居家 / 集中隔离医学观察)
    :func:`start_observation`, :func:`extend_observation` (later end: anyone who enters; earlier: a manager
    with a reason), :func:`restart_observation` (new exposure), :func:`end_observation`; every change is a
    row of ``observation_changes`` and an audit entry.
Summary and evidence
    :func:`daily_summary` → :class:`checklist.ledger.DailySummary`;
    :func:`evidence_for` (item id, day) → :class:`checklist.ledger.LedgerEvidence` for GN-01, BJHQ-2, LK28-2;
    :func:`is_sealed` — a day signed off (``export.ledger_reports.sign_day``) takes no more changes.

Refusals are :class:`~storage.errors.KnownError` subclasses with English and Chinese messages; messages name a
person by roster number only (no name, ID number, phone or temperature in an error or a log line).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Integer,
    Result,
    Row,
    ScalarSelect,
    Select,
    and_,
    case,
    func,
    insert,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from checklist.company import company_now
from checklist.ledger import (
    DEFAULT_FEVER_THRESHOLD_C,
    LOGISTICS_CATEGORIES,
    MISSING_NAMES_SHOWN,
    OBSERVATION_DAYS,
    Coverage,
    DailySummary,
    EmployeeStatus,
    HalfDay,
    LedgerError,
    LedgerEvidence,
    Missing,
    NamedReading,
    ObservationChange,
    ObservationKind,
    Observed,
    ReadingAssessment,
    ReturnFlag,
    assess_reading,
    check_new_end,
    check_return,
    is_late,
    observation_end,
    parse_symptoms,
    restart_for_exposure,
    symptoms_mask,
    temperature_tenths,
    validate_fever_threshold,
    validate_temperature,
)
from checklist.ledger import evidence_for as evidence_text
from checklist.messages import msg
from checklist.workflow import ACCOUNT_ADMIN_ROLES, Role
from storage import audit, inputs, stored_json
from storage.db import Database
from storage.errors import AlteredRecordError, InvalidInputError, NotFoundError, RecordLockedError
from storage.ledger_models import (
    DaySignOff,
    Employee,
    HealthReading,
    LedgerSettings,
    Observation,
    ObservationChangeRow,
    ReadingDayCount,
)
from storage.models import User, utcnow
from storage.roster import Page, page_bounds
from storage.unit_of_work import unit_of_work

_Ts = TypeVarTuple("_Ts")
_AnyRow = Row[*tuple[Any, ...]]
MAX_READINGS_PER_CALL = 50_000
HEADCOUNT = (EmployeeStatus.ON_SITE, EmployeeStatus.HOME_OBSERVATION, EmployeeStatus.CENTRAL_OBSERVATION)
OBSERVATION_STATUSES = (EmployeeStatus.HOME_OBSERVATION, EmployeeStatus.CENTRAL_OBSERVATION)


def _refused(error: LedgerError, who: int | None = None) -> InvalidInputError:
    prefix_en = f"employee #{who}: " if who is not None else ""
    prefix_zh = f"员工 #{who}：" if who is not None else ""
    return InvalidInputError(
        f"{prefix_en}{error.message_en}; nothing was saved", f"{prefix_zh}{error.message_zh}；未保存任何数据"
    )


# ---------------------------------------------------------------------------------------------------
# Settings


@dataclass(frozen=True)
class SettingsView:
    fever_threshold_c: float
    retention_days: int | None
    epidemic_over_on: dt.date | None
    notice_version: str


def _settings(session: Session) -> LedgerSettings:
    settings = session.get(LedgerSettings, 1)
    if settings is None:
        settings = LedgerSettings(id=1)
        settings.fever_threshold_c = 37.3
        settings.notice_version = "1.0"
    return settings


def get_settings(db: Database) -> SettingsView:
    with db.session() as session:
        s = _settings(session)
        return SettingsView(s.fever_threshold_c, s.retention_days, s.epidemic_over_on, s.notice_version)


def _stored_settings(session: Session) -> LedgerSettings:
    settings = _settings(session)
    if settings not in session:
        session.add(settings)
    return settings


def set_fever_threshold(db: Database, actor: str, value: object) -> float:
    """A manager sets the fever threshold (37.0–38.5 °C). Readings already entered keep the flag they got."""
    try:
        threshold = validate_fever_threshold(value)
    except LedgerError as error:
        raise _refused(error) from None
    with unit_of_work(db, actor, allowed=ACCOUNT_ADMIN_ROLES) as session:
        _stored_settings(session).fever_threshold_c = threshold
    return threshold


def set_retention(db: Database, actor: str, retention_days: int | None, epidemic_over_on: dt.date | None) -> None:
    """A manager sets how long personal health data is kept (days) and/or the day the epidemic was declared over."""
    if retention_days is not None and not 1 <= retention_days <= 3650:
        raise InvalidInputError("the retention is 1–3650 days", "保存期限须为 1–3650 天")
    with unit_of_work(db, actor, allowed=ACCOUNT_ADMIN_ROLES) as session:
        settings = _stored_settings(session)
        settings.retention_days = retention_days
        settings.epidemic_over_on = epidemic_over_on


# ---------------------------------------------------------------------------------------------------
# Readings


@dataclass(frozen=True)
class ReadingEntry:
    """One typed reading: the temperature as typed (text or number) and the symptoms (text such as "干咳、乏力",
    a :class:`checklist.ledger.Symptom` bit mask, or nothing)."""

    employee_id: int
    temperature: object
    symptoms: object = 0


@dataclass(frozen=True)
class EnteredReading:
    employee_id: int
    temperature_c: float
    symptoms: int
    assessment: ReadingAssessment
    changed: bool  # it replaced a different reading of the same half-day


@dataclass(frozen=True)
class EntryResult:
    day: dt.date
    half: HalfDay
    late: bool
    entered: list[EnteredReading]
    unchanged: int

    @property
    def flagged(self) -> list[EnteredReading]:
        return [r for r in self.entered if r.assessment.flagged]


def validate_entry(entry: ReadingEntry) -> tuple[float, int]:
    """The temperature (°C, 0.1) and symptom mask of a typed reading, or :class:`LedgerError`."""
    temperature = validate_temperature(entry.temperature)
    symptoms = entry.symptoms
    if isinstance(symptoms, int) and not isinstance(symptoms, bool):
        if not 0 <= symptoms < 128:
            raise LedgerError("symptoms", "is not a set of known symptoms", "不是可选症状")
        mask = symptoms
    elif isinstance(symptoms, (list, tuple, set, frozenset)):
        mask = symptoms_mask(symptoms)
    else:
        mask = parse_symptoms(symptoms)
    return temperature, mask


def is_sealed(session: Session, day: dt.date) -> bool:
    return session.scalar(select(DaySignOff.id).where(DaySignOff.day == day)) is not None


def _refuse_sealed(session: Session, day: dt.date) -> None:
    if is_sealed(session, day):
        raise RecordLockedError(
            f"{day.isoformat()} was signed off; its readings can no longer be changed",
            f"{day.isoformat()} 的每日汇总已签署，当日记录不能再修改",
        )


def _user_id(session: Session, actor: str) -> int:
    return session.scalar(select(User.id).where(User.name == actor)) or 0


def enter_readings(
    db: Database,
    actor: str,
    day: dt.date,
    half: HalfDay | int,
    entries: Sequence[ReadingEntry],
    *,
    now_local: dt.datetime | None = None,
) -> EntryResult:
    """Enter (or correct) readings of one half-day, all or nothing.

    Every value is checked first; the first bad one refuses the call, naming the roster number. A reading
    typed more than two hours after its half-day is marked late (allowed, audited with who and when). A day
    that was signed off refuses any change."""
    half = HalfDay(half)
    now_local = now_local or company_now()
    if len(entries) > MAX_READINGS_PER_CALL:
        raise InvalidInputError(
            f"more than {MAX_READINGS_PER_CALL} readings at once; nothing was saved",
            f"一次录入超过 {MAX_READINGS_PER_CALL} 条；未保存任何数据",
        )
    try:
        late = is_late(day, half, now_local)
    except LedgerError as error:
        raise _refused(error) from None
    checked: dict[int, tuple[float, int]] = {}
    for entry in entries:
        try:
            checked[entry.employee_id] = validate_entry(entry)
        except LedgerError as error:
            raise _refused(error, entry.employee_id) from None
    with unit_of_work(db, actor) as session:
        return enter_checked(session, actor, day, half, checked, late)


def enter_checked(
    session: Session, actor: str, day: dt.date, half: HalfDay, checked: dict[int, tuple[float, int]], late: bool
) -> EntryResult:
    """Store validated readings of one half-day inside the caller's transaction (see :func:`enter_readings`)."""
    _refuse_sealed(session, day)
    threshold = _settings(session).fever_threshold_c
    ids = list(checked)
    known: set[int] = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        known.update(
            session.scalars(select(Employee.id).where(Employee.id.in_(chunk), Employee.anonymised_at.is_(None))).all()
        )
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise NotFoundError(
            f"employee #{unknown[0]} is not on the roster; nothing was saved",
            f"员工 #{unknown[0]} 不在花名册中；未保存任何数据",
        )
    existing: dict[int, tuple[int | None, int]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for employee_id, temperature, symptoms in session.execute(
            select(HealthReading.employee_id, HealthReading.temperature, HealthReading.symptoms).where(
                HealthReading.day == day, HealthReading.half == int(half), HealthReading.employee_id.in_(chunk)
            )
        ):
            existing[employee_id] = (temperature, symptoms)
    by = _user_id(session, actor)
    at = utcnow().replace(microsecond=0)
    new_rows: list[dict[str, object]] = []
    entered: list[EnteredReading] = []
    logged_new: list[list[int]] = []
    logged_changed: list[list[int | None]] = []
    unchanged = 0
    for employee_id, (celsius, symptoms) in checked.items():
        tenths = temperature_tenths(celsius)
        assessment = assess_reading(celsius, symptoms, threshold)
        values = {
            "temperature": tenths,
            "symptoms": symptoms,
            "flagged": assessment.flagged,
            "late": late,
            "entered_by": by,
            "entered_at": at,
        }
        before = existing.get(employee_id)
        if before is None:
            new_rows.append({"day": day, "half": int(half), "employee_id": employee_id, **values})
            logged_new.append([employee_id, tenths, symptoms])
        elif before != (tenths, symptoms):
            session.execute(
                update(HealthReading)
                .where(
                    HealthReading.day == day,
                    HealthReading.half == int(half),
                    HealthReading.employee_id == employee_id,
                )
                .values(**values)
            )
            logged_changed.append([employee_id, before[0], before[1], tenths, symptoms])
        else:
            unchanged += 1
            continue
        entered.append(EnteredReading(employee_id, celsius, symptoms, assessment, before is not None))
    if new_rows:
        session.execute(insert(HealthReading), new_rows)
    if entered:
        audit.record_event(
            session,
            "readings",
            "health_readings",
            None,
            None,
            {
                "day": day.isoformat(),
                "half": int(half),
                "late": late,
                "threshold_c": threshold,
                "new": logged_new,  # [employee id, tenths of °C, symptom bits]
                "changed": logged_changed,  # [employee id, old tenths, old bits, new tenths, new bits]
            },
        )
    return EntryResult(day, half, late, entered, unchanged)


@dataclass(frozen=True)
class CellReading:
    temperature_c: float | None
    symptoms: int
    flagged: bool
    late: bool


@dataclass(frozen=True)
class GridRow:
    """One person's line of the twice-daily grid."""

    employee_id: int
    name: str
    department: str
    status: str
    morning: CellReading | None
    afternoon: CellReading | None


def _cell(temperature: int | None, symptoms: int | None, flagged: bool | None, late: bool | None) -> CellReading | None:
    if symptoms is None:
        return None
    return CellReading(None if temperature is None else temperature / 10, symptoms, bool(flagged), bool(late))


def day_grid(db: Database, day: dt.date, *, search: str = "", offset: int = 0, limit: int = 200) -> Page[GridRow]:
    """One page of the grid of ``day``: people on the roster (not 离岗) by id, with their two readings."""
    offset, limit = page_bounds(offset, limit)
    morning = HealthReading.__table__.alias("m")
    afternoon = HealthReading.__table__.alias("a")
    conditions: list[ColumnElement[bool]] = [Employee.status.in_(HEADCOUNT), Employee.anonymised_at.is_(None)]
    if search.strip():
        pattern = f"%{search.strip()}%"
        conditions.append(Employee.name.like(pattern) | Employee.department.like(pattern))
    query = (
        select(
            Employee.id,
            Employee.name,
            Employee.department,
            Employee.status,
            morning.c.temperature,
            morning.c.symptoms,
            morning.c.flagged,
            morning.c.late,
            afternoon.c.temperature,
            afternoon.c.symptoms,
            afternoon.c.flagged,
            afternoon.c.late,
        )
        .outerjoin(
            morning,
            and_(morning.c.day == day, morning.c.employee_id == Employee.id, morning.c.half == 0),
        )
        .outerjoin(
            afternoon,
            and_(afternoon.c.day == day, afternoon.c.employee_id == Employee.id, afternoon.c.half == 1),
        )
        .where(*conditions)
        .order_by(Employee.id)
        .offset(offset)
        .limit(limit)
    )
    with db.session() as session:
        total = session.scalar(select(func.count(Employee.id)).where(*conditions)) or 0
        rows = [
            GridRow(r[0], r[1], r[2], r[3], _cell(r[4], r[5], r[6], r[7]), _cell(r[8], r[9], r[10], r[11]))
            for r in session.execute(query)
        ]
    return Page(rows, total, offset, limit)


# ---------------------------------------------------------------------------------------------------
# Today's lists


@dataclass(frozen=True)
class FlaggedReading:
    employee_id: int
    name: str
    half: HalfDay
    temperature_c: float | None
    symptoms: int
    late: bool


def _flagged_count(day: dt.date) -> Select[int]:
    return select(func.count()).select_from(HealthReading).where(HealthReading.day == day, HealthReading.flagged)


def flagged_of_day(day: dt.date, *more: InstrumentedAttribute[Any]) -> Select[*tuple[Any, ...]]:
    """The flagged readings of ``day`` (fever or symptoms) with the person's name, by roster number and half-day:
    employee id, name, half, temperature in tenths, symptom bits, then the ``more`` columns."""
    return (
        select(
            HealthReading.employee_id,
            Employee.name,
            HealthReading.half,
            HealthReading.temperature,
            HealthReading.symptoms,
            *more,
        )
        .join(Employee, Employee.id == HealthReading.employee_id)
        .where(HealthReading.day == day, HealthReading.flagged)
        .order_by(HealthReading.employee_id, HealthReading.half)
    )


def _flagged(
    session: Session, day: dt.date, offset: int, limit: int, total: int | None = None
) -> tuple[list[FlaggedReading], int]:
    if total is None:
        total = _read(session, _flagged_count(day)).scalar() or 0
    rows = _read(session, flagged_of_day(day, HealthReading.late).offset(offset).limit(limit)).all()
    return [
        FlaggedReading(r[0], r[1], _HALF_OF[r[2]], None if r[3] is None else r[3] / 10, r[4], r[5]) for r in rows
    ], total


def flagged_readings(db: Database, day: dt.date, *, offset: int = 0, limit: int = 100) -> Page[FlaggedReading]:
    """Fevers and symptoms of ``day`` (the flag given when entered), by roster number."""
    offset, limit = page_bounds(offset, limit)
    with db.session() as session:
        rows, total = _flagged(session, day, offset, limit)
    return Page(rows, total, offset, limit)


def _complete(day: dt.date) -> Select[int]:
    """Who has both readings of ``day``: one pass over the day's readings in key order (day, employee, half),
    grouped by person. Used as ``IN`` / ``NOT IN`` a set, which the database builds once (SQLite's ephemeral
    index, PostgreSQL's hashed subplan) and checks each person against, instead of probing the 3.6-million-row
    key once per person (which also cost PostgreSQL a JIT compilation)."""
    return (
        select(HealthReading.employee_id)
        .where(HealthReading.day == day)
        .group_by(HealthReading.employee_id)
        .having(func.count() == 2)
    )


def _read(session: Session, statement: Select[*_Ts]) -> Result[*_Ts]:
    """Run a read of plain columns on the session's connection, without the ORM's row handling (a third of the
    summary's time); what the session has pending is written first, as the ORM's autoflush would."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement)


# the stored values' enum members, looked up (a call of the enum per row was a tenth of the summary's time)
_KINDS = {kind.value: kind for kind in ObservationKind}
_HALF_OF = {int(half): half for half in HalfDay}
_ON_ROSTER = (Employee.status.in_(HEADCOUNT), Employee.anonymised_at.is_(None))
# How many people a page may have to look at, one by one, before its missing list is read from the set of the
# day's complete people instead: where most are missing (today, before the afternoon) a page is found within
# its first rows; where few are, the set (one pass over the day's readings) is cheaper than 20,000 probes.
PROBE_ROWS = 2_000


def _halves(day: dt.date) -> ScalarSelect[int]:
    """Which readings of ``day`` the person of the outer row has: 1 上午, 2 下午, 3 both, NULL none — one probe of
    the readings' key, as a scalar subquery (PostgreSQL turns an ``EXISTS`` here into a hash of the whole day's
    readings, built before the page's first row)."""
    return (
        select(func.sum(case((HealthReading.half == 0, 1), else_=2)))
        .where(HealthReading.day == day, HealthReading.employee_id == Employee.id)
        .correlate(Employee)
        .scalar_subquery()
    )


def _day_counts(session: Session, day: dt.date) -> tuple[int, int, int]:
    """(上午 readings, 下午 readings, people with both) of ``day``, whatever the people's status: the row the
    database's triggers keep in step with the readings (schema 0016)."""
    row = _read(
        session,
        select(ReadingDayCount.morning, ReadingDayCount.afternoon, ReadingDayCount.complete).where(
            ReadingDayCount.day == day
        ),
    ).one_or_none()
    return (0, 0, 0) if row is None else (int(row[0]), int(row[1]), int(row[2]))


def _readings_of(day: dt.date) -> ScalarSelect[int]:
    """How many readings of ``day`` the person of the outer row has (0–2): one probe of the readings' key, as a
    scalar subquery (which both databases run per row; PostgreSQL turns ``EXISTS`` into a pass over the day)."""
    return (
        select(func.count())
        .select_from(HealthReading)
        .where(HealthReading.day == day, HealthReading.employee_id == Employee.id)
        .correlate(Employee)
        .scalar_subquery()
    )


def _complete_off_roster(day: dt.date) -> Select[int]:
    """People with both readings of ``day`` who are not counted (离岗, or anonymised): the few to take out of the
    day's count of complete people. Found through the roster's (status, anonymised_at) index, one probe each."""
    return select(func.count(Employee.id)).where(
        (Employee.status == EmployeeStatus.LEFT)
        | (Employee.status.in_(HEADCOUNT) & Employee.anonymised_at.is_not(None)),
        _readings_of(day) == 2,
    )


def _roster_counts(session: Session) -> tuple[int, int]:
    """(people counted on the roster: not 离岗, not anonymised; of them 在岗), from the covering index."""
    row = _read(
        session,
        select(
            func.count(),  # not count(id): the index holds no id, and PostgreSQL would read the table for it
            func.coalesce(func.sum(case((Employee.status == EmployeeStatus.ON_SITE, 1), else_=0)), 0),
        ).where(*_ON_ROSTER),
    ).one()
    return int(row[0]), int(row[1])


def _missing_count(session: Session, day: dt.date, headcount: int, complete: int) -> int:
    """People on the roster without both readings of ``day``, from the counts: no reading of the day is read."""
    return headcount - (complete - (_read(session, _complete_off_roster(day)).scalar() or 0))


def _missing(
    session: Session,
    day: dt.date,
    offset: int,
    limit: int,
    extra: Sequence[ColumnElement[bool]] = (),
    total: int | None = None,
    among: int | None = None,
) -> tuple[list[Missing], int]:
    """Everyone on the roster (not 离岗) but those with both readings of the day (``total``: their number, if the
    caller has counted them already; ``among``: of how many people). Which half-day is missing is asked only for
    the rows of the page, and no page is read when there is none. Where the missing are dense enough for the
    page to be found within :data:`PROBE_ROWS` people, each person is probed in roster order until the page is
    full; otherwise the day's complete people are read once as a set."""
    if total is None:
        headcount, _ = _roster_counts(session)
        total = _missing_count(session, day, headcount, _day_counts(session, day)[2])
        among = headcount
    if offset >= total:
        return [], total
    dense = among is not None and not extra and (offset + limit) * among <= PROBE_ROWS * total
    halves = _halves(day)
    if dense:  # in roster order (the status written so that its index, which would need a sort, is not used)
        conditions: list[ColumnElement[bool]] = [
            func.coalesce(Employee.status, "").in_(HEADCOUNT),
            Employee.anonymised_at.is_(None),
            func.coalesce(halves, 0) < 3,
        ]
    else:
        conditions = [*_ON_ROSTER, Employee.id.not_in(_complete(day)), *extra]
    rows = _read(
        session,
        select(Employee.id, Employee.name, halves).where(*conditions).order_by(Employee.id).offset(offset).limit(limit),
    ).all()
    return [Missing(r[0], r[1], r[2] not in (1, 3), r[2] not in (2, 3)) for r in rows], total


def missing_readings(
    db: Database, day: dt.date, *, offset: int = 0, limit: int = 100, counted: tuple[int, int, int] | None = None
) -> Page[Missing]:
    """People on the roster (not 离岗) without a 上午 or a 下午 reading on ``day``, by roster number. ``counted``:
    the day's counts from its readings (:func:`recounted_day`), used instead of the kept ones for the total."""
    offset, limit = page_bounds(offset, limit)
    with db.session() as session:
        total = among = None
        if counted is not None:
            among, _ = _roster_counts(session)
            total = _missing_count(session, day, among, counted[2])
        rows, total = _missing(session, day, offset, limit, total=total, among=among)
    return Page(rows, total, offset, limit)


@dataclass(frozen=True)
class ObservationView:
    id: int
    employee_id: int
    name: str
    kind: ObservationKind
    start: dt.date
    end: dt.date
    reason: str
    active: bool
    day_of: int  # day N of the observation on the day asked (1 = the first day)


def _observing(day: dt.date) -> tuple[InstrumentedAttribute[bool] | ColumnElement[bool], ...]:
    return (Observation.active, Observation.end >= day, Observation.start <= day)


def _of_person(column: InstrumentedAttribute[str]) -> ScalarSelect[str]:
    """A column of the person of the outer observation row: one probe of the roster's key per row (a join had
    PostgreSQL read all 20,000 people and hash them, for the few hundred observations running)."""
    return select(column).where(Employee.id == Observation.employee_id).correlate(Observation).scalar_subquery()


def _observation_rows(session: Session, day: dt.date, offset: int, limit: int) -> Sequence[_AnyRow]:
    """Observations running on ``day``, soonest end first: (id, person, name, kind, start, end, reason, active,
    the person's status)."""
    return _read(
        session,
        select(
            Observation.id,
            Observation.employee_id,
            _of_person(Employee.name),
            Observation.kind,
            Observation.start,
            Observation.end,
            Observation.reason,
            Observation.active,
            _of_person(Employee.status),
        )
        .where(*_observing(day))
        .order_by(Observation.end, Observation.id)
        .offset(offset)
        .limit(limit),
    ).all()


def _observation_view(row: _AnyRow, day: dt.date) -> ObservationView:
    return ObservationView(
        row[0], row[1], row[2], _KINDS[row[3]], row[4], row[5], row[6], row[7], (day - row[4]).days + 1
    )


def _observations(
    session: Session, day: dt.date, offset: int, limit: int, total: int | None = None
) -> tuple[list[ObservationView], int]:
    if total is None:
        total = _read(session, select(func.count(Observation.id)).where(*_observing(day))).scalar() or 0
    rows = _observation_rows(session, day, offset, limit) if total > offset else []
    return [_observation_view(r, day) for r in rows], total


def observation_list(db: Database, day: dt.date, *, offset: int = 0, limit: int = 100) -> Page[ObservationView]:
    """Observations running on ``day``, soonest end first."""
    offset, limit = page_bounds(offset, limit)
    with db.session() as session:
        rows, total = _observations(session, day, offset, limit)
    return Page(rows, total, offset, limit)


def _early_returns(session: Session, day: dt.date) -> list[ReturnFlag]:
    rows = _read(
        session,
        # from the few observations running (their (active, end) index), each person probed by id
        select(Observation.employee_id, _of_person(Employee.name), func.max(Observation.end))
        .where(_of_person(Employee.status) == EmployeeStatus.ON_SITE, *_observing(day))
        .group_by(Observation.employee_id)
        .order_by(Observation.employee_id),
    ).all()
    return [flag for r in rows if (flag := check_return(r[0], r[1], EmployeeStatus.ON_SITE, r[2], day)) is not None]


def _returns_among(rows: Sequence[_AnyRow], day: dt.date) -> list[ReturnFlag]:
    """BJTG 三 from every observation running on ``day`` (as :func:`_observation_rows` reads them): the people
    marked 在岗 among them, each with the latest end of their observations, by roster number."""
    latest: dict[int, tuple[str, dt.date]] = {}
    for r in rows:
        if r[8] == EmployeeStatus.ON_SITE and (r[1] not in latest or r[5] > latest[r[1]][1]):
            latest[r[1]] = (r[2], r[5])
    flags = (check_return(i, name, EmployeeStatus.ON_SITE, end, day) for i, (name, end) in sorted(latest.items()))
    return [flag for flag in flags if flag is not None]


def early_returns(db: Database, day: dt.date) -> list[ReturnFlag]:
    """BJTG 三: people marked 在岗 on ``day`` whose observation has not ended."""
    with db.session() as session:
        return _early_returns(session, day)


# ---------------------------------------------------------------------------------------------------
# Observation


def _observation(session: Session, observation_id: int) -> Observation:
    observation = session.get(Observation, observation_id)
    if observation is None:
        raise NotFoundError(f"no observation {observation_id}", f"没有编号为 {observation_id} 的观察记录")
    return observation


def _role(session: Session, actor: str) -> str | None:
    return session.scalar(select(User.role).where(User.name == actor))


def _log_change(
    session: Session,
    observation: Observation,
    change: ObservationChange,
    old: tuple[dt.date, dt.date] | None,
    reason: str,
    actor: str,
) -> None:
    session.add(
        ObservationChangeRow(
            observation_id=observation.id,
            change=change,
            old_start=old[0] if old else None,
            old_end=old[1] if old else None,
            new_start=observation.start,
            new_end=observation.end,
            reason=reason,
            by=actor,
        )
    )


def start_observation(
    db: Database,
    actor: str,
    employee_id: int,
    kind: ObservationKind | str,
    start: dt.date,
    reason: str,
    days: int = OBSERVATION_DAYS,
) -> int:
    """Start 14 days (BJHQ 二, BJTG 三) of home or centralised observation from ``start`` (day 1); the person's
    status becomes 居家观察 / 集中观察. Refused if one is already running (extend or restart it instead)."""
    kind = ObservationKind(kind)
    reason = inputs.note(reason, "reason")
    if days < OBSERVATION_DAYS:
        raise InvalidInputError(
            f"an observation lasts at least {OBSERVATION_DAYS} days (BJHQ 二; BJTG 三)",
            f"观察期不少于 {OBSERVATION_DAYS} 天（BJHQ 二；BJTG 三）",
        )
    with unit_of_work(db, actor) as session:
        employee = session.get(Employee, employee_id)
        if employee is None or employee.anonymised_at is not None:
            raise NotFoundError(f"no employee {employee_id}", f"没有编号为 {employee_id} 的员工")
        running = session.scalar(
            select(Observation.id).where(Observation.employee_id == employee_id, Observation.active)
        )
        if running is not None:
            raise InvalidInputError(
                f"employee #{employee_id} is already under observation (#{running}); extend or restart it",
                f"员工 #{employee_id} 已在观察中（#{running}），请延长或重新开始该观察",
            )
        observation = Observation(
            employee_id=employee_id,
            kind=kind,
            start=start,
            end=observation_end(start, days),
            reason=reason,
            active=True,
        )
        session.add(observation)
        employee.status = (
            EmployeeStatus.HOME_OBSERVATION if kind is ObservationKind.HOME else EmployeeStatus.CENTRAL_OBSERVATION
        )
        session.flush()
        _log_change(session, observation, ObservationChange.START, None, reason, actor)
        session.flush()
        return observation.id


def extend_observation(db: Database, actor: str, observation_id: int, new_end: dt.date, reason: str = "") -> str:
    """Move the last day. Later: anyone who enters the ledger. Earlier: a manager, with a reason (LK28 二（二）2,
    screening ruled out infection). Returns the change ("extend" / "shorten")."""
    reason = inputs.note(reason, "reason")
    with unit_of_work(db, actor) as session:
        observation = _observation(session, observation_id)
        if not observation.active:
            raise InvalidInputError(f"observation #{observation_id} has ended", f"观察记录 #{observation_id} 已结束")
        try:
            change = check_new_end(
                observation.end, new_end, observation.start, reason, _role(session, actor) == Role.MANAGER
            )
        except LedgerError as error:
            raise _refused(error) from None
        old = (observation.start, observation.end)
        observation.end = new_end
        _log_change(session, observation, change, old, reason, actor)
        return str(change)


def restart_observation(db: Database, actor: str, observation_id: int, exposure: dt.date, reason: str) -> dt.date:
    """A new exposure: 14 days again from ``exposure`` (an end already later is kept). Returns the new end."""
    reason = inputs.note(reason, "reason", required=True)
    with unit_of_work(db, actor) as session:
        observation = _observation(session, observation_id)
        old = (observation.start, observation.end)
        observation.start, observation.end = restart_for_exposure(
            exposure, observation.end if observation.active else None
        )
        observation.active = True
        observation.ended_on = None
        employee = session.get(Employee, observation.employee_id)
        if employee is not None:
            employee.status = (
                EmployeeStatus.HOME_OBSERVATION
                if observation.kind == ObservationKind.HOME
                else EmployeeStatus.CENTRAL_OBSERVATION
            )
        _log_change(session, observation, ObservationChange.RESTART, old, reason, actor)
        return observation.end


def end_observation(db: Database, actor: str, observation_id: int, on: dt.date, reason: str = "") -> None:
    """Close an observation. On or after its last day: anyone who enters the ledger; before it: a manager with
    a reason (it shortens the observation). The person's status is left for the user to set (在岗 …)."""
    reason = inputs.note(reason, "reason")
    with unit_of_work(db, actor) as session:
        observation = _observation(session, observation_id)
        if not observation.active:
            return
        old = (observation.start, observation.end)
        if on < observation.end:
            try:
                check_new_end(observation.end, on, observation.start, reason, _role(session, actor) == Role.MANAGER)
            except LedgerError as error:
                raise _refused(error) from None
            observation.end = on
        observation.active = False
        observation.ended_on = on
        _log_change(session, observation, ObservationChange.END, old, reason, actor)


# ---------------------------------------------------------------------------------------------------
# Daily summary and evidence


def daily_summary(db: Database, day: dt.date, *, names_limit: int = 500) -> DailySummary:
    """The 每天汇总 of GN 一（二） for ``day``: counts from the database, names for what is abnormal (each list cut at
    ``names_limit``, the counts always whole)."""
    with db.session() as session:
        return summary_in(session, day, names_limit=names_limit)


def summary_in(
    session: Session, day: dt.date, *, names_limit: int = 500, counted: tuple[int, int, int] | None = None
) -> DailySummary:
    """The summary inside the caller's session. ``counted``: the day's (上午 readings, 下午 readings, people with
    both) counted from the readings themselves (:func:`day_readings`), used instead of the per-day counts the
    triggers keep — what a summary that is exported or signed is made from, so that a count changed in the
    database by hand cannot hide a missing reading from it."""
    return _summary(session, day, names_limit, counted)[0]


def _summary(
    session: Session, day: dt.date, names_limit: int, counted: tuple[int, int, int] | None = None
) -> tuple[DailySummary, int]:
    """The summary (see :func:`summary_in`) and the number of the day's flagged readings."""
    # Every count in one round trip: the roster's (its covering index), the day's readings and complete people
    # (kept by the triggers) and those of them off the roster, fevers, observations running, people back today,
    # the fever threshold. Then a list only where its count is not zero, each list one statement.
    roster = (
        select(
            func.count().label("headcount"),  # count(*): from the covering index alone
            func.coalesce(func.sum(case((Employee.status == EmployeeStatus.ON_SITE, 1), else_=0)), 0).label("on_site"),
        )
        .where(*_ON_ROSTER)
        .subquery()
    )
    of_day = ReadingDayCount.day == day
    returned_today = (Employee.return_date == day, Employee.anonymised_at.is_(None))
    counts = _read(
        session,
        select(
            roster.c.headcount,
            roster.c.on_site,
            select(ReadingDayCount.morning).where(of_day).scalar_subquery(),
            select(ReadingDayCount.afternoon).where(of_day).scalar_subquery(),
            select(ReadingDayCount.complete).where(of_day).scalar_subquery(),
            _complete_off_roster(day).scalar_subquery(),
            _flagged_count(day).scalar_subquery(),
            select(func.count(Observation.id)).where(*_observing(day)).scalar_subquery(),
            select(func.count(Employee.id)).where(*returned_today).scalar_subquery(),
            select(LedgerSettings.fever_threshold_c).where(LedgerSettings.id == 1).scalar_subquery(),
        ).select_from(roster),
    ).one()
    headcount, on_site_status, morning, afternoon, complete, off_roster, flagged_total, observed_total, back = (
        int(v or 0) for v in counts[:9]
    )
    threshold = DEFAULT_FEVER_THRESHOLD_C if counts[9] is None else counts[9]  # no settings row: the default
    if counted is not None:
        morning, afternoon, complete = counted
    missing_total = headcount - (complete - off_roster)
    missing, _ = _missing(session, day, 0, names_limit, total=missing_total, among=headcount)
    flagged, _ = _flagged(session, day, 0, names_limit, total=flagged_total) if flagged_total else ([], 0)
    running = _observation_rows(session, day, 0, names_limit) if observed_total else []
    # BJTG 三 from the observations just read when they are all of them; otherwise its own statement
    early = _returns_among(running, day) if len(running) == observed_total else _early_returns(session, day)
    returned: Sequence[str] = (
        _read(session, select(Employee.name).where(*returned_today).order_by(Employee.id).limit(names_limit))
        .scalars()
        .all()
        if back
        else []
    )
    flagged_people: int | None = None
    if flagged_total > len(flagged):  # the list was cut: the headline's people counted in the database
        flagged_people = (
            _read(
                session,
                select(func.count(func.distinct(HealthReading.employee_id))).where(
                    HealthReading.day == day, HealthReading.flagged
                ),
            ).scalar()
            or 0
        )
    summary = DailySummary(
        day=day,
        headcount=headcount,
        on_site=on_site_status - len(early),
        checked_morning=morning,
        checked_afternoon=afternoon,
        missing=missing,
        missing_count=missing_total,
        flagged=[NamedReading(r.employee_id, r.name, r.half, r.temperature_c, r.symptoms) for r in flagged],
        under_observation=[Observed(r[1], r[2], _KINDS[r[3]], r[4], r[5]) for r in running],
        under_observation_count=observed_total,
        returned_today=list(returned),
        early_returns=early,
        threshold_c=float(threshold),
        flagged_people=flagged_people,
    )
    return summary, flagged_total


SUMMARY_PAGE = 100  # names of each list the 每日汇总 page shows at a time


@dataclass(frozen=True)
class SummaryView:
    """What the 每日汇总 page shows of ``day``. Not signed off: ``summary``, the counts (from the per-day counts the
    database keeps, as :func:`daily_summary`) with the first page of each list — missing, flagged (``flagged_total``
    readings in all), under observation — whose further pages :func:`missing_readings`, :func:`flagged_readings`
    and :func:`observation_list` read. Signed off: ``signed``, the signed record, who signed it and when. The
    canonical record and its digest (``export.ledger_reports.summary_record``, every name, the SHA-256 of the
    day's readings, counted from them) are made only to sign or export the day."""

    day: dt.date
    summary: DailySummary | None
    flagged_total: int = 0
    signed: dict[str, Any] | None = None
    signed_by: str | None = None
    signed_at: dt.datetime | None = None


def summary_view(
    db: Database, day: dt.date, *, page: int = SUMMARY_PAGE, counted: tuple[int, int, int] | None = None
) -> SummaryView:
    """What the 每日汇总 page shows of ``day`` (see :class:`SummaryView`), ``page`` names of each list.
    ``counted``: the day's (上午, 下午, both) counted from the readings (:func:`recounted_day`), used instead of the
    per-day counts the database keeps — when those were found not to agree with the readings."""
    _, page = page_bounds(0, page)
    with db.session() as session:
        signed = _read(
            session,
            select(DaySignOff.summary, DaySignOff.signer_name, DaySignOff.signed_at, DaySignOff.id).where(
                DaySignOff.day == day
            ),
        ).one_or_none()
        if signed is not None:
            stored = _signed_summary(signed[0], day, signed[3])
            return SummaryView(day, None, signed=stored, signed_by=signed[1], signed_at=signed[2])
        summary, flagged_total = _summary(session, day, page, counted)
    return SummaryView(day, summary, flagged_total)


def recounted_day(db: Database, day: dt.date) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The per-day counts the database keeps for ``day`` (上午, 下午, people with both) and the same counted from
    the readings themselves — one pass over the day's readings in key order, no digest — so that what shows the
    kept counts can tell when they were changed by hand (or by a write the triggers miss) and say so."""
    with db.session() as session:
        kept = _day_counts(session, day)
        row = _read(
            session,
            select(
                func.count().filter(HealthReading.half == 0),
                func.count().filter(HealthReading.half == 1),
                func.count(func.distinct(HealthReading.employee_id)),
            ).where(HealthReading.day == day),
        ).one()
    morning, afternoon, people = (int(v or 0) for v in row)
    return kept, (morning, afternoon, morning + afternoon - people)  # a person has 1 or 2 readings of a day


def _coverage(session: Session, day: dt.date, group: Sequence[ColumnElement[bool]]) -> Coverage:
    morning = HealthReading.__table__.alias("m")
    afternoon = HealthReading.__table__.alias("a")
    base = [Employee.status.in_(HEADCOUNT), Employee.anonymised_at.is_(None), *group]
    row = session.execute(
        select(
            func.count(Employee.id),
            func.count(morning.c.employee_id),
            func.count(afternoon.c.employee_id),
            func.coalesce(
                func.sum(
                    case(((morning.c.employee_id.is_not(None)) & (afternoon.c.employee_id.is_not(None)), 1), else_=0)
                ),
                0,
            ),
            func.min(
                case((morning.c.employee_id.is_not(None), 1), else_=0)
                + case((afternoon.c.employee_id.is_not(None), 1), else_=0)
            ),
        )
        .select_from(Employee)
        .outerjoin(morning, and_(morning.c.day == day, morning.c.employee_id == Employee.id, morning.c.half == 0))
        .outerjoin(
            afternoon,
            and_(afternoon.c.day == day, afternoon.c.employee_id == Employee.id, afternoon.c.half == 1),
        )
        .where(*base)
    ).one()
    total, in_morning, in_afternoon, complete, fewest = (int(v or 0) for v in row)
    names: list[str] = []
    if complete < total:
        missing, _ = _missing(session, day, 0, MISSING_NAMES_SHOWN, extra=group, total=total - complete)
        names = [m.name for m in missing]
    return Coverage(total, complete, in_morning, in_afternoon, names, fewest)


def evidence_for(db: Database, item_id: str, day: dt.date) -> LedgerEvidence:
    """What the ledger says for a checklist item on ``day`` (GN-01: dormitory residents and staff under
    observation; BJHQ-2: logistics staff, and the shortest completed observation; LK28-2: the whole roster),
    e.g. "2026-11-29 宿舍住宿及隔离员工 42 人中 41 人上下午各测 1 次；缺：王五", with the rule engine's verdict.
    The editor shows it beside the item; the officer can still override the result with a reason."""
    with db.session() as session:
        shortest: int | None = None
        if item_id == "GN-01":
            observed = select(Observation.employee_id).where(
                Observation.active, Observation.start <= day, Observation.end >= day
            )
            group: list[ColumnElement[bool]] = [
                (Employee.dormitory_room != "") | Employee.status.in_(OBSERVATION_STATUSES) | Employee.id.in_(observed)
            ]
        elif item_id == "BJHQ-2":
            group = [Employee.category.in_(sorted(LOGISTICS_CATEGORIES))]
            ended = session.execute(
                select(Observation.start, Observation.end)
                .join(Employee, Employee.id == Observation.employee_id)
                .where(
                    ~Observation.active,
                    Observation.ended_on <= day,
                    Employee.category.in_(sorted(LOGISTICS_CATEGORIES)),
                )
            ).all()
            if ended:
                shortest = min((end - start).days + 1 for start, end in ended)
        elif item_id == "LK28-2":
            group = []
        else:
            raise InvalidInputError(f"the ledger gives no evidence for {item_id}", f"健康台账不为 {item_id} 提供依据")
        coverage = _coverage(session, day, group)
    return evidence_text(item_id, day, coverage, shortest)


# ---------------------------------------------------------------------------------------------------
# Sealing a day (the signing itself is export.ledger_reports.sign_day)


@dataclass(frozen=True)
class DayReadings:
    """A day's readings as a seal sees them: how many and their SHA-256, and what they count — read from the
    readings themselves, not from the per-day counts the triggers keep (a raw-SQL change of those must not reach
    a signed summary). ``halves``: per person, which readings they have (1 上午, 2 下午, 3 both)."""

    count: int
    sha256: str
    morning: int
    afternoon: int
    complete: int
    halves: dict[int, int]

    @property
    def counted(self) -> tuple[int, int, int]:
        return self.morning, self.afternoon, self.complete


def day_readings(session: Session, day: dt.date) -> DayReadings:
    """Every reading of ``day`` (person, half-day, temperature, symptoms, late, who, when) in key order: their
    number and SHA-256 (a signed summary carries them, so any later change of the day shows) and their counts.
    The time is read as the stored seconds and written as ISO text once per distinct value (a shift shares one),
    the rows without the ORM's handling: the same bytes as ever, at a fraction of the cost per reading."""
    import hashlib

    digest = hashlib.sha256()
    count = 0
    halves: dict[int, int] = {}
    times: dict[int, str] = {}
    epoch = dt.datetime(1970, 1, 1)
    rows = _read(
        session,
        select(
            HealthReading.employee_id,
            HealthReading.half,
            HealthReading.temperature,
            HealthReading.symptoms,
            HealthReading.late,
            HealthReading.entered_by,
            type_coerce(HealthReading.entered_at, Integer),
        )
        .where(HealthReading.day == day)
        .order_by(HealthReading.employee_id, HealthReading.half),
    )
    for person, half, temperature, symptoms, late, by, seconds in rows:
        count += 1
        halves[person] = halves.get(person, 0) | (1 if half == 0 else 2)
        when = times.get(seconds)
        if when is None:
            when = times[seconds] = (epoch + dt.timedelta(seconds=int(seconds))).isoformat()
        digest.update(f"{person}|{half}|{temperature}|{symptoms}|{int(bool(late))}|{by}|{when}\n".encode())
    bits = list(halves.values())
    morning, afternoon = sum(b & 1 for b in bits), sum(b >> 1 for b in bits)
    return DayReadings(count, digest.hexdigest(), morning, afternoon, bits.count(3), halves)


def readings_digest(session: Session, day: dt.date) -> tuple[int, str]:
    """How many readings ``day`` has and the SHA-256 of all of them (see :func:`day_readings`)."""
    readings = day_readings(session, day)
    return readings.count, readings.sha256


def kept_day_counts(session: Session, day: dt.date) -> tuple[int, int, int]:
    """The per-day counts the triggers keep for ``day`` (上午, 下午, both), to check against a recount."""
    return _day_counts(session, day)


def sealed_day(db: Database, day: dt.date) -> DaySignOff:
    with db.session() as session:
        signoff = session.scalar(select(DaySignOff).where(DaySignOff.day == day))
    if signoff is None:
        raise NotFoundError(f"{day.isoformat()} has not been signed off", f"{day.isoformat()} 的每日汇总尚未签署")
    return signoff


def _signed_summary(stored: Any, day: dt.date, signoff_id: int) -> dict[str, Any]:
    summary = stored_json.mapping(stored)
    if summary is None:  # not the object the signing wrote: altered by raw SQL (storage.stored_json)
        raise AlteredRecordError(
            msg("ledger.day_altered", day=day.isoformat()), [("day_signoffs", signoff_id, "summary")]
        )
    return dict(summary)


def signed_summary(signoff: DaySignOff) -> dict[str, Any]:
    """The summary a signed day sealed, or :class:`AlteredRecordError` when what is stored is not one."""
    return _signed_summary(signoff.summary, signoff.day, signoff.id)


def seal_day(session: Session, signoff: DaySignOff) -> None:
    """Store a signed daily summary inside the caller's transaction; a day is signed once."""
    _refuse_sealed(session, signoff.day)
    session.add(signoff)


def apply_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, day: dt.date
) -> tuple[int, LedgerEvidence]:
    """Put the ledger's evidence of ``day`` into an inspection's item (GN-01, BJHQ-2, LK28-2): the measurements
    the item asks for (the rule engine then derives its result, as for typed values) and the evidence text as a
    line of the note. The officer's own result and override reason stay as they are: the officer can still
    override with a reason. Returns the inspection's new version and the evidence."""
    from storage import inspections

    evidence = evidence_for(db, item_id, day)
    version = inspections.put_register_line(
        db, actor, inspection_id, expected_version, item_id, "【健康台账】", evidence.text_zh, evidence.measurements
    )
    return version, evidence
