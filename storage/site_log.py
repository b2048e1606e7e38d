"""The ventilation and disinfection log's services: plans, entries, the gap view, sealed days, evidence.

The service API (``desktop/registers/disinfection.py``, the exports and the benchmark use it):

* :func:`set_plan`, :func:`remove_plan`, :func:`list_plans` — how often a place is ventilated or disinfected.
* :func:`add_entry` (officer or manager) — one entry, validated by :mod:`checklist.sites.disinfection`; an entry
  on a signed-off day is refused: a correction is a new entry on a later day naming the entry it corrects.
* :func:`entries_of_day` → :class:`EntryView` rows (with the reference method's verdict for a chlorine entry).
* :func:`gaps` — (day, place, kind) done fewer times than planned, for any span of days, in one grouped query
  on the (day, place, kind) index.
* :func:`is_sealed`, :func:`seal_day`, :func:`sealed_day`, :func:`entries_digest` — the sign-off
  (``export.site_reports.sign_log_day``) and its check.
* :func:`evidence_for`, :func:`apply_evidence` — GN-04, GN-06, GN-10 take the last entries and the gaps of the
  past 7 days.

Refusals are :class:`~storage.errors.KnownError` subclasses in English and Chinese; no name is logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, func, select, text, type_coerce
from sqlalchemy.orm import Session

from checklist.ledger import LedgerError
from checklist.messages import msg
from checklist.sites.disinfection import (
    EVIDENCE_DAYS,
    EntryInput,
    Gap,
    Kind,
    LoggedEntry,
    Method,
    PlanInput,
    SiteEvidence,
    day_gaps,
    meets_reference,
    reference_findings,
    validate_entry,
    validate_plan,
)
from checklist.sites.disinfection import evidence_for as evidence_text
from storage import stored_json
from storage.db import Database
from storage.errors import AlteredRecordError, InvalidInputError, NotFoundError, RecordLockedError
from storage.site_log_models import SiteDaySignOff, SiteLogEntry, SitePlan
from storage.unit_of_work import unit_of_work

MAX_SPAN_DAYS = 366


def refused(error: LedgerError) -> InvalidInputError:
    return InvalidInputError(
        f"{error.field}: {error.message_en}; nothing was saved", f"{error.message_zh}；未保存任何数据"
    )


# ---------------------------------------------------------------------------------------------------
# Plans


@dataclass(frozen=True)
class PlanView:
    id: int
    place: str
    kind: Kind
    times_per_day: int
    starts_on: dt.date | None = None  # the day it was adopted: no gap before it


def set_plan(db: Database, actor: str, values: Mapping[str, object]) -> int:
    """Plan ``place`` to be ventilated or disinfected ``times_per_day`` times a day from ``starts_on`` (the day
    it is adopted: no day before it is short of it; a replaced plan counts from its new start). Audited."""
    try:
        plan = validate_plan(values)
    except LedgerError as error:
        raise refused(error) from None
    with unit_of_work(db, actor) as session:
        row = session.scalar(select(SitePlan).where(SitePlan.place == plan.place, SitePlan.kind == plan.kind))
        if row is None:
            row = SitePlan(
                place=plan.place, kind=plan.kind.value, times_per_day=plan.times_per_day, starts_on=plan.starts_on
            )
            session.add(row)
        else:
            row.times_per_day = plan.times_per_day
            row.starts_on = plan.starts_on
        session.flush()
        return row.id


def remove_plan(db: Database, actor: str, plan_id: int) -> None:
    with unit_of_work(db, actor) as session:
        row = session.get(SitePlan, plan_id)
        if row is None:
            raise NotFoundError(f"there is no plan #{plan_id}", f"没有计划 #{plan_id}")
        session.delete(row)


def _plans(session: Session) -> list[PlanInput]:
    rows = (
        session.connection()
        .execute(select(SitePlan.place, SitePlan.kind, SitePlan.times_per_day, SitePlan.starts_on))
        .all()
    )
    return [PlanInput(place, Kind(kind), times, starts_on) for place, kind, times, starts_on in rows]


def list_plans(db: Database) -> list[PlanView]:
    with db.session() as session:
        rows = session.scalars(select(SitePlan).order_by(SitePlan.place, SitePlan.kind)).all()
        return [PlanView(r.id, r.place, Kind(r.kind), r.times_per_day, r.starts_on) for r in rows]


# ---------------------------------------------------------------------------------------------------
# Entries


def is_sealed(session: Session, day: dt.date) -> bool:
    return session.scalar(select(SiteDaySignOff.id).where(SiteDaySignOff.day == day)) is not None


def add_entry(db: Database, actor: str, values: Mapping[str, object], corrects: int | None = None) -> int:
    """Log one entry; returns its id. ``corrects``: the id of an entry this one corrects (e.g. one of a signed
    day); the corrected entry stays as it was signed."""
    try:
        entry = validate_entry(values)
    except LedgerError as error:
        raise refused(error) from None
    with unit_of_work(db, actor) as session:
        if is_sealed(session, entry.day):
            raise RecordLockedError(
                f"{entry.day.isoformat()} of the log is signed off and sealed; nothing was saved — log a correction "
                "on a later day that names the entry it corrects",
                f"{entry.day.isoformat()} 的通风消毒记录已签署锁定，未保存任何数据；请在之后的日期新增一条更正记录并注明所更正的记录",
            )
        if corrects is not None:
            corrected = session.get(SiteLogEntry, corrects)
            if corrected is None:
                raise NotFoundError(f"there is no entry #{corrects} to correct", f"没有要更正的记录 #{corrects}")
            if corrected.at >= entry.at:
                raise InvalidInputError(
                    f"a correction comes after the entry #{corrects} it corrects; nothing was saved",
                    f"更正记录的时间须晚于所更正的记录 #{corrects}；未保存任何数据",
                )
        row = SiteLogEntry(
            day=entry.day,
            at=entry.at,
            place=entry.place,
            kind=entry.kind.value,
            method=entry.method.value,
            chlorine_mg_per_l=entry.chlorine_mg_per_l,
            contact_minutes=entry.contact_minutes,
            duration_minutes=entry.duration_minutes,
            vehicle_surfaces=entry.vehicle_surfaces,
            mask_bins_cleared=entry.mask_bins_cleared,
            waste_cleared=entry.waste_cleared,
            done_by=entry.done_by,
            note=entry.note,
            corrects_id=corrects,
            entered_by=actor,
        )
        session.add(row)
        session.flush()
        return row.id


@dataclass(frozen=True)
class EntryView:
    """An entry as the log shows it; ``reference_ok`` None when no reference method applies."""

    id: int
    at: dt.datetime
    place: str
    kind: Kind
    method: Method
    chlorine_mg_per_l: float | None
    contact_minutes: float | None
    duration_minutes: float | None
    vehicle_surfaces: bool
    mask_bins_cleared: bool
    waste_cleared: bool
    done_by: str
    note: str
    corrects: int | None
    reference_ok: bool | None

    def logged(self) -> LoggedEntry:
        return LoggedEntry(
            self.id,
            self.place,
            self.at,
            self.method,
            self.chlorine_mg_per_l,
            self.contact_minutes,
            self.vehicle_surfaces,
            self.mask_bins_cleared,
            self.waste_cleared,
            self.corrects,
        )


@lru_cache(maxsize=1024)
def reference_ok(chlorine_mg_per_l: float, contact_minutes: float, vehicle_surfaces: bool) -> bool | None:
    """The rule engine's reference method on one strength and contact time (entries repeat the same few)."""
    entry = EntryInput("", dt.datetime(2020, 1, 1), Method.CHLORINE, "", chlorine_mg_per_l, contact_minutes)
    return meets_reference(reference_findings(replace(entry, vehicle_surfaces=vehicle_surfaces)))


VIEW_COLUMNS = (
    SiteLogEntry.id,
    SiteLogEntry.at,
    SiteLogEntry.place,
    SiteLogEntry.kind,
    SiteLogEntry.method,
    SiteLogEntry.chlorine_mg_per_l,
    SiteLogEntry.contact_minutes,
    SiteLogEntry.duration_minutes,
    SiteLogEntry.vehicle_surfaces,
    SiteLogEntry.mask_bins_cleared,
    SiteLogEntry.waste_cleared,
    SiteLogEntry.done_by,
    SiteLogEntry.note,
    SiteLogEntry.corrects_id,
)
KINDS = {kind.value: kind for kind in Kind}
METHODS = {method.value: method for method in Method}


def _view(row: Any) -> EntryView:
    method = METHODS[row.method]
    verdict = None
    if method is Method.CHLORINE and row.chlorine_mg_per_l is not None and row.contact_minutes is not None:
        verdict = reference_ok(row.chlorine_mg_per_l, row.contact_minutes, bool(row.vehicle_surfaces))
    return EntryView(
        row.id,
        row.at,
        row.place,
        KINDS[row.kind],
        method,
        row.chlorine_mg_per_l,
        row.contact_minutes,
        row.duration_minutes,
        bool(row.vehicle_surfaces),
        bool(row.mask_bins_cleared),
        bool(row.waste_cleared),
        row.done_by,
        row.note,
        row.corrects_id,
        verdict,
    )


def entries_between(db: Database, first: dt.date, last: dt.date, limit: int = 10_000) -> list[EntryView]:
    """Entries of ``first`` … ``last`` (inclusive), newest first, at most ``limit`` (read as rows, not ORM
    objects: a day of a large site has hundreds)."""
    with db.session() as session:
        rows = session.connection().execute(
            select(*VIEW_COLUMNS)
            .where(SiteLogEntry.day >= first, SiteLogEntry.day <= last)
            .order_by(SiteLogEntry.at.desc(), SiteLogEntry.id.desc())
            .limit(limit)
        )
        return [_view(row) for row in rows]


def entries_of_day(db: Database, day: dt.date) -> list[EntryView]:
    """A day's entries in time order."""
    return list(reversed(entries_between(db, day, day)))


# ---------------------------------------------------------------------------------------------------
# Gaps against the plan


def _check_span(first: dt.date, last: dt.date) -> None:
    if last < first or (last - first).days >= MAX_SPAN_DAYS:
        raise InvalidInputError(
            f"a gap view covers 1–{MAX_SPAN_DAYS} days from its first to its last day",
            f"缺漏查看的范围须为 1–{MAX_SPAN_DAYS} 天，且结束日期不早于开始日期",
        )


def done_counts(session: Session, first: dt.date, last: dt.date) -> dict[tuple[dt.date, str, str], int]:
    """How many entries each (day, place, kind) of the span has: one grouped query on the (day, place, kind)
    index, read through the connection (no ORM rows); ``kind`` is the stored text, equal to its :class:`Kind`."""
    day = type_coerce(SiteLogEntry.day, Integer)  # the stored day number: converted once per day, not per row
    rows = session.connection().execute(
        select(day, SiteLogEntry.place, SiteLogEntry.kind, func.count())
        .where(SiteLogEntry.day >= first, SiteLogEntry.day <= last)
        .group_by(SiteLogEntry.day, SiteLogEntry.place, SiteLogEntry.kind)
    )
    days: dict[int, dt.date] = {}
    counts: dict[tuple[dt.date, str, str], int] = {}
    for number, place, kind, count in rows:
        date = days.get(number)
        if date is None:
            date = days[number] = dt.date.fromordinal(number)
        counts[(date, place, kind)] = count
    return counts


# Every planned (day, place, kind) of the span with its count, kept only where the count is short of the plan
# (the rule of :func:`checklist.sites.disinfection.day_gaps`, which tests hold these queries to): the days come
# from a recursive CTE and only the gaps come back — a month of 200 places is a few hundred rows, not 6,000 to
# count in Python. SQLite is fastest probing the (day, place, kind) index once per planned day; PostgreSQL
# hash-joins the month's grouped counts instead (measured by ``bench/bench_site_log.py``).
_DAYS = "WITH RECURSIVE days(d) AS (SELECT CAST(:first AS INTEGER) UNION ALL SELECT d + 1 FROM days WHERE d < :last)"
GAPS_SQL = {
    "sqlite": text(
        f"""{_DAYS}
        SELECT d, place, kind, times_per_day, done FROM (
            SELECT days.d AS d, p.place AS place, p.kind AS kind, p.times_per_day AS times_per_day,
                (SELECT count(*) FROM site_log_entries e
                 WHERE e.day = days.d AND e.place = p.place AND e.kind = p.kind) AS done
            FROM days CROSS JOIN site_plans p
            WHERE p.starts_on IS NULL OR days.d >= p.starts_on
        ) AS planned
        WHERE done < times_per_day
        ORDER BY d, place, kind"""
    ),
    "postgresql": text(
        f"""{_DAYS},
        counts AS (
            SELECT day, place, kind, count(*) AS n FROM site_log_entries
            WHERE day >= :first AND day <= :last GROUP BY day, place, kind
        )
        SELECT days.d, p.place, p.kind, p.times_per_day, coalesce(c.n, 0) AS done
        FROM days CROSS JOIN site_plans p
        LEFT JOIN counts c ON c.day = days.d AND c.place = p.place AND c.kind = p.kind
        WHERE coalesce(c.n, 0) < p.times_per_day AND (p.starts_on IS NULL OR days.d >= p.starts_on)
        ORDER BY days.d, p.place, p.kind"""
    ),
}


def gaps(db: Database, first: dt.date, last: dt.date) -> list[Gap]:
    """Every (day, place, kind) of ``first`` … ``last`` done fewer times than planned, in day, place order."""
    _check_span(first, last)
    with db.session() as session:
        query = GAPS_SQL["sqlite" if db.is_sqlite else "postgresql"]
        rows = session.connection().execute(query, {"first": first.toordinal(), "last": last.toordinal()})
        days: dict[int, dt.date] = {}
        found: list[Gap] = []
        for number, place, kind, planned, done in rows:
            day = days.get(number)
            if day is None:
                day = days[number] = dt.date.fromordinal(number)
            found.append(Gap(day, place, KINDS[kind], planned, done))
        return found


def gaps_by_rule(db: Database, first: dt.date, last: dt.date) -> list[Gap]:
    """The same gaps computed by the core's rule from every count of the span (the reference :func:`gaps` is
    tested against)."""
    _check_span(first, last)
    with db.session() as session:
        plans = _plans(session)
        done = done_counts(session, first, last)
    return day_gaps(plans, done, [first + dt.timedelta(days=n) for n in range((last - first).days + 1)])


# ---------------------------------------------------------------------------------------------------
# Sign-off


def entries_digest(session: Session, day: dt.date) -> tuple[int, str]:
    """The number of a day's entries and the SHA-256 over every stored field of each, in id order: a later
    change of any of them (through the app or raw SQL) changes it."""
    digest = hashlib.sha256()
    count = 0
    columns = [c for c in SiteLogEntry.__table__.columns]
    for row in session.execute(select(*columns).where(SiteLogEntry.day == day).order_by(SiteLogEntry.id)):
        count += 1
        digest.update(("|".join("" if v is None else str(v) for v in row) + "\n").encode())
    return count, digest.hexdigest()


def seal_day(session: Session, signoff: SiteDaySignOff) -> None:
    if is_sealed(session, signoff.day):
        raise RecordLockedError(
            f"{signoff.day.isoformat()} of the log is already signed off; nothing was signed",
            f"{signoff.day.isoformat()} 的通风消毒记录已签署过；没有签署任何内容",
        )
    session.add(signoff)


def sealed_day(db: Database, day: dt.date) -> SiteDaySignOff:
    with db.session() as session:
        signoff = session.scalar(select(SiteDaySignOff).where(SiteDaySignOff.day == day))
    if signoff is None:
        raise NotFoundError(
            f"{day.isoformat()} of the log has not been signed off", f"{day.isoformat()} 的通风消毒记录尚未签署"
        )
    return signoff


def signed_record(signoff: SiteDaySignOff) -> dict[str, Any]:
    """The record a signed day of the log sealed, or :class:`AlteredRecordError` when what is stored is not one
    (altered by raw SQL: :mod:`storage.stored_json`)."""
    record = stored_json.mapping(signoff.record)
    if record is None:
        raise AlteredRecordError(
            msg("site_log.day_altered", day=signoff.day.isoformat()), [("site_day_signoffs", signoff.id, "record")]
        )
    return dict(record)


def day_is_sealed(db: Database, day: dt.date) -> bool:
    with db.session() as session:
        return is_sealed(session, day)


# ---------------------------------------------------------------------------------------------------
# Evidence for GN-04, GN-06, GN-10


def evidence_for(db: Database, item_id: str, day: dt.date) -> SiteEvidence:
    first = day - dt.timedelta(days=EVIDENCE_DAYS - 1)
    entries = [e.logged() for e in entries_between(db, first, day)]
    try:
        return evidence_text(item_id, day, entries, gaps(db, first, day))
    except LedgerError as error:
        raise refused(error) from None


NOTE_PREFIX = "【通风消毒记录】"


def apply_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, day: dt.date
) -> tuple[int, SiteEvidence]:
    """Put the log's evidence into an inspection's item the way :func:`storage.ledger.apply_evidence` does: the
    measurements the item asks for (GN-06: the last chlorine entry, judged by the reference method) and a line
    of the note; the officer's result and override reason stay."""
    from storage import inspections

    evidence = evidence_for(db, item_id, day)
    version = inspections.put_register_line(
        db, actor, inspection_id, expected_version, item_id, NOTE_PREFIX, evidence.text_zh, evidence.measurements
    )
    return version, evidence
