"""The isolation area's services (GN 四（十四）（十五））: the area, its uses, the places closed and disinfected.

* :func:`set_area`, :func:`list_areas` — the area (place, capacity, what is kept).
* :func:`record_use` — one person on the roster isolated (returns the id and whether the area was already
  full: a warning, nobody is turned away); :func:`propose_from_reading` — the same in one step from a reading
  flagged in the health ledger (its temperature and symptoms carried over); :func:`flagged_without_use` — the
  day's flagged people not yet recorded; :func:`update_use` — CDC reported, referred, ended.
* :func:`close_place`, :func:`record_disinfection` — a place closed after a use, and its disinfection logged in
  the ventilation and disinfection log (:func:`storage.site_log.add_entry`) and linked to it.
* :func:`uses` → :class:`UseView` (names for the screen only), :func:`evidence_for`, :func:`apply_evidence`
  for GN-14 and GN-15.

Names and health details never reach the audit trail (``__audit_personal__``) or an error message: a person is
named by roster number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from checklist.ledger import HalfDay, LedgerError, describe_symptoms, temperature_tenths
from checklist.sites.disinfection import Kind, parse_time
from checklist.sites.isolation import (
    AreaFact,
    ClosureState,
    IsolationEvidence,
    UseFact,
    check_times,
    open_steps,
    over_capacity,
    validate_area,
    validate_use,
)
from checklist.sites.isolation import evidence_for as evidence_text
from storage import site_log
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError
from storage.ledger import flagged_of_day
from storage.ledger_models import Employee, HealthReading
from storage.site_log import refused
from storage.site_log_models import IsolationArea, IsolationClosure, IsolationUse, SiteLogEntry
from storage.unit_of_work import unit_of_work

# ---------------------------------------------------------------------------------------------------
# The area


@dataclass(frozen=True)
class AreaView:
    id: int
    place: str
    capacity: int
    supplies: str
    present: int  # uses not ended


def _area(session: Session, area_id: int) -> IsolationArea:
    area = session.get(IsolationArea, area_id)
    if area is None:
        raise NotFoundError(f"there is no isolation area #{area_id}", f"没有隔离观察区域 #{area_id}")
    return area


def _use(session: Session, use_id: int) -> IsolationUse:
    use = session.get(IsolationUse, use_id)
    if use is None:
        raise NotFoundError(f"there is no isolation record #{use_id}", f"没有隔离记录 #{use_id}")
    return use


def set_area(db: Database, actor: str, values: Mapping[str, object], area_id: int | None = None) -> int:
    try:
        area = validate_area(values)
    except LedgerError as error:
        raise refused(error) from None
    with unit_of_work(db, actor) as session:
        if area_id is None:
            row = IsolationArea(place=area.place, capacity=area.capacity, supplies=area.supplies)
            session.add(row)
        else:
            row = _area(session, area_id)
            row.place, row.capacity, row.supplies = area.place, area.capacity, area.supplies
        session.flush()
        return row.id


def list_areas(db: Database) -> list[AreaView]:
    with db.session() as session:
        present = (
            select(func.count(IsolationUse.id))
            .where(IsolationUse.area_id == IsolationArea.id, IsolationUse.ended_at.is_(None))
            .correlate(IsolationArea)
            .scalar_subquery()
        )
        rows = session.execute(select(IsolationArea, present).order_by(IsolationArea.id)).all()
        return [AreaView(a.id, a.place, a.capacity, a.supplies, n) for a, n in rows]


# ---------------------------------------------------------------------------------------------------
# Uses


def record_use(
    db: Database,
    actor: str,
    area_id: int,
    values: Mapping[str, object],
    from_reading: tuple[dt.date, HalfDay] | None = None,
) -> tuple[int, bool]:
    """Record one person isolated in ``area_id``; returns (use id, the area was already full). ``from_reading``:
    the flagged reading (day, half-day) it was proposed from."""
    try:
        use = validate_use(values)
    except LedgerError as error:
        raise refused(error) from None
    with unit_of_work(db, actor) as session:
        area = _area(session, area_id)
        employee = session.get(Employee, use.employee_id)
        if employee is None or employee.anonymised_at is not None:
            raise NotFoundError(
                f"employee #{use.employee_id} is not on the roster; nothing was saved",
                f"员工 #{use.employee_id} 不在花名册中；未保存任何数据",
            )
        present = (
            session.scalar(
                select(func.count(IsolationUse.id)).where(
                    IsolationUse.area_id == area_id, IsolationUse.ended_at.is_(None)
                )
            )
            or 0
        )
        row = IsolationUse(
            area_id=area_id,
            employee_id=use.employee_id,
            started_at=use.started_at,
            temperature=None if use.temperature_c is None else temperature_tenths(use.temperature_c),
            symptoms=use.symptoms,
            referred_to=use.referred_to,
            cdc_reported_at=use.cdc_reported_at,
            ended_at=use.ended_at,
            from_reading_day=from_reading[0] if from_reading else None,
            from_reading_half=int(from_reading[1]) if from_reading else None,
            note=use.note,
            entered_by=actor,
        )
        session.add(row)
        session.flush()
        return row.id, over_capacity(area.capacity, present)


@dataclass(frozen=True)
class FlaggedPerson:
    """Someone flagged in the health ledger on a day with no isolation recorded for that reading yet."""

    employee_id: int
    name: str
    half: HalfDay
    temperature_c: float | None
    symptoms_zh: str
    symptoms_en: str


def flagged_without_use(db: Database, day: dt.date, limit: int = 200) -> list[FlaggedPerson]:
    """The day's flagged readings whose person has no isolation record yet: not isolated from another reading of
    that day (a morning fever isolated is not offered again for the afternoon's) and not in the area now."""
    with db.session() as session:
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
        recorded = (  # isolated from one of the day's readings (either half), or still in the isolation area
            select(IsolationUse.id)
            .where(
                IsolationUse.employee_id == HealthReading.employee_id,
                or_(
                    IsolationUse.from_reading_day == day,
                    and_(IsolationUse.started_at < end, IsolationUse.ended_at.is_(None)),
                ),
            )
            .correlate(HealthReading)
            .exists()
        )
        rows = session.execute(flagged_of_day(day).where(~recorded).limit(limit)).all()
    return [
        FlaggedPerson(
            employee_id,
            name,
            HalfDay(half),
            None if temperature is None else temperature / 10,
            *describe_symptoms(symptoms),
        )
        for employee_id, name, half, temperature, symptoms in rows
    ]


def propose_from_reading(
    db: Database, actor: str, area_id: int, employee_id: int, day: dt.date, half: HalfDay, started_at: dt.datetime
) -> tuple[int, bool]:
    """One step from a flagged reading to an isolation record: its temperature and symptoms carried over."""
    with db.session() as session:
        reading = session.get(HealthReading, (day, employee_id, int(half)))
    if reading is None or not reading.flagged:
        raise NotFoundError(
            f"employee #{employee_id} has no flagged reading on {day.isoformat()}; nothing was saved",
            f"员工 #{employee_id} 在 {day.isoformat()} 没有发热或症状记录；未保存任何数据",
        )
    values: dict[str, object] = {
        "employee_id": employee_id,
        "started_at": started_at,
        "temperature_c": None if reading.temperature is None else reading.temperature / 10,
        "symptoms": reading.symptoms,
    }
    return record_use(db, actor, area_id, values, (day, half))


def update_use(db: Database, actor: str, use_id: int, values: Mapping[str, object]) -> None:
    """Record when the CDC was told, where the person was referred, when the isolation ended (given keys only;
    an empty referral leaves the one recorded)."""
    with unit_of_work(db, actor) as session:
        row = _use(session, use_id)
        try:
            if "cdc_reported_at" in values:
                row.cdc_reported_at = parse_time("cdc_reported_at", values["cdc_reported_at"])
            if "ended_at" in values:
                row.ended_at = parse_time("ended_at", values["ended_at"])
            if "referred_to" in values:
                from checklist.ledger import clean_text
                from checklist.sites.isolation import REFERRED_MAX

                referred = clean_text("referred_to", values["referred_to"], REFERRED_MAX)
                if referred:
                    row.referred_to = referred
            check_times(row.started_at, row.cdc_reported_at, row.ended_at)
        except LedgerError as error:
            raise refused(error) from None


# ---------------------------------------------------------------------------------------------------
# Closing off and disinfecting afterwards (GN（十五））


def close_place(db: Database, actor: str, use_id: int, place: object, closed_at: object) -> int:
    from checklist.ledger import clean_text
    from checklist.sites.disinfection import PLACE_MAX

    try:
        name = clean_text("place", place, PLACE_MAX, required=True)
        at = parse_time("closed_at", closed_at)
    except LedgerError as error:
        raise refused(error) from None
    with unit_of_work(db, actor) as session:
        use = _use(session, use_id)
        if at < use.started_at:
            raise InvalidInputError(
                "a place is closed off after the person was isolated; nothing was saved",
                "封闭时间不能早于开始隔离的时间；未保存任何数据",
            )
        row = IsolationClosure(use_id=use_id, place=name, closed_at=at)
        session.add(row)
        session.flush()
        return row.id


def record_disinfection(db: Database, actor: str, closure_id: int, entry: Mapping[str, object]) -> int:
    """Log the disinfection of a closed place in the ventilation and disinfection log (the place is the
    closure's) and link it; returns the log entry's id. A ventilation entry does not count as disinfection."""
    with db.session() as session:
        closure = session.get(IsolationClosure, closure_id)
    if closure is None:
        raise NotFoundError(f"there is no closed place #{closure_id}", f"没有封闭记录 #{closure_id}")
    values = {**entry, "place": closure.place}
    at = values.get("at")
    try:
        when = parse_time("at", at)
    except LedgerError as error:
        raise refused(error) from None
    if when < closure.closed_at:
        raise InvalidInputError(
            "the disinfection comes after the place was closed off; nothing was saved",
            "消毒时间不能早于封闭时间；未保存任何数据",
        )
    from checklist.sites.disinfection import kind_of, parse_method

    try:
        if kind_of(parse_method(values.get("method"))) is not Kind.DISINFECTION:
            raise InvalidInputError(
                "ventilation is not a disinfection of a closed place; nothing was saved",
                "通风不能代替对封闭场所的消毒；未保存任何数据",
            )
    except LedgerError as error:
        raise refused(error) from None
    entry_id = site_log.add_entry(db, actor, values)
    with unit_of_work(db, actor) as session:
        row = session.get(IsolationClosure, closure_id)
        assert row is not None
        row.log_entry_id = entry_id
    return entry_id


# ---------------------------------------------------------------------------------------------------
# Listing and evidence


@dataclass(frozen=True)
class ClosureView:
    id: int
    place: str
    closed_at: dt.datetime
    log_entry_id: int | None
    disinfected_at: dt.datetime | None


@dataclass(frozen=True)
class UseView:
    """A use as the screen shows it (the name is for the screen: never logged, never in the audit trail)."""

    id: int
    area: str
    employee_id: int
    name: str
    started_at: dt.datetime
    temperature_c: float | None
    symptoms_zh: str
    symptoms_en: str
    referred_to: str
    cdc_reported_at: dt.datetime | None
    ended_at: dt.datetime | None
    closures: list[ClosureView]

    def open_steps(self) -> list[tuple[str, str]]:
        return open_steps(
            self.cdc_reported_at,
            self.referred_to,
            [ClosureState(c.place, c.log_entry_id is not None) for c in self.closures],
        )


def uses(db: Database, limit: int | None = 100, up_to: dt.date | None = None) -> list[UseView]:
    """The latest uses, newest first, with their closures and when each was disinfected; with ``up_to``, only
    the uses begun on or before that day (an inspection's evidence never shows a later use)."""
    query = (
        select(IsolationUse, IsolationArea.place, Employee.name)
        .join(IsolationArea, IsolationArea.id == IsolationUse.area_id)
        .join(Employee, Employee.id == IsolationUse.employee_id)
        .order_by(IsolationUse.started_at.desc(), IsolationUse.id.desc())
        .limit(limit)
    )
    if up_to is not None:
        query = query.where(IsolationUse.started_at < dt.datetime.combine(up_to + dt.timedelta(days=1), dt.time()))
    with db.session() as session:
        rows = session.execute(query).all()
        ids = [use.id for use, _, _ in rows]
        closures: dict[int, list[ClosureView]] = {i: [] for i in ids}
        if ids:
            for closure, disinfected_at in session.execute(
                select(IsolationClosure, SiteLogEntry.at)
                .outerjoin(SiteLogEntry, SiteLogEntry.id == IsolationClosure.log_entry_id)
                .where(IsolationClosure.use_id.in_(ids))
                .order_by(IsolationClosure.id)
            ).all():
                closures[closure.use_id].append(
                    ClosureView(closure.id, closure.place, closure.closed_at, closure.log_entry_id, disinfected_at)
                )
    return [
        UseView(
            use.id,
            area,
            use.employee_id,
            name,
            use.started_at,
            None if use.temperature is None else use.temperature / 10,
            *describe_symptoms(use.symptoms),
            use.referred_to,
            use.cdc_reported_at,
            use.ended_at,
            closures[use.id],
        )
        for use, area, name in rows
    ]


def evidence_for(db: Database, item_id: str, day: dt.date | None = None) -> IsolationEvidence:
    """GN-14/GN-15's evidence: the areas and the last uses (begun on or before ``day``, when given)."""
    areas = [AreaFact(a.place, a.capacity, a.supplies) for a in list_areas(db)]
    facts = [
        UseFact(
            u.employee_id,
            u.started_at,
            u.cdc_reported_at,
            u.referred_to,
            [ClosureState(c.place, c.log_entry_id is not None) for c in u.closures],
        )
        for u in uses(db, limit=None, up_to=day)  # every use counts (a gap stays a gap); the text sums them up
    ]
    try:
        return evidence_text(item_id, areas, facts)
    except LedgerError as error:
        raise refused(error) from None


NOTE_PREFIX = "【隔离观察区】"


def apply_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, day: dt.date | None = None
) -> tuple[int, IsolationEvidence]:
    """Put the register's evidence into GN-14 or GN-15 as a line of the note (no names: a roster number); the
    officer's result and override reason stay."""
    from storage import inspections

    inspection = inspections.load_inspection(db, inspection_id)
    evidence = evidence_for(db, item_id, day or inspection.date)
    version = inspections.put_register_line(
        db, actor, inspection_id, expected_version, item_id, NOTE_PREFIX, evidence.text_zh, inspection=inspection
    )
    return version, evidence
