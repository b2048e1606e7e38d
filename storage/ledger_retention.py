"""Retention of personal health data (个人信息保护: PIPL arts. 28–29; 社区防控信息化指引 三（三）): when the
epidemic period is declared over, or after N days, personal health data is removed with a record of what was
removed, while the signed daily summaries stay.

The API: :func:`run_retention` (managers only) → :class:`RetentionReport`; :func:`preview_retention` counts
what a run would remove, changing nothing; :func:`retention_runs` lists the runs made; the settings are
:func:`storage.ledger.set_retention` (N days and/or the day the epidemic was declared over).

* N days: readings of days before today − N are deleted; ended observations whose last day is before then are
  deleted with their changes; people who left (离岗) and have nothing left in the ledger are anonymised.
* Epidemic over (from the day declared): every reading and observation is deleted and every person on the
  roster anonymised (name replaced by "已匿名 #id", ID number, phone and where they returned from blanked).

An observation still running is handled by the same two cases, and the choice is deliberate:

* N days: a running observation is **kept**, with its person (who is then not anonymised): its purpose is not
  yet achieved, and PIPL art. 19 keeps data for the shortest time the purpose needs, not less — deleting the
  record of someone still in quarantine would hide them from the daily summary (GN 一（二）) and from the
  BJTG 三 check that nobody returns to work before the 14 days end. Their readings older than the cutoff go as
  everyone's do, so a signed day's record stays whole or wholly removed and its check still holds.
* Epidemic over: a running observation is **ended** on the day of the run (audited: the observation's update,
  and the run's record lists it as ended), then deleted with the rest. The declaration ends the one purpose
  the data was collected for (the notice: 仅用于本次疫情防控; 社区防控信息化指引 三（三）), and PIPL
  art. 47(1)(一) then requires deletion; refusing the run for that person would keep sensitive data past its
  purpose, and leaving the observation open on an anonymised person would leave a record nobody can act on.
  The person's status is left as it was, as :func:`storage.ledger.end_observation` leaves it.

What stays: the ``retention_runs`` row (counts, the day range and the anonymised roster numbers — no personal
data), the signed daily summaries (``day_signoffs``), consent records (date, notice version, purpose), and the
audit trail, which never held names, ID numbers or phones (readings appear there by roster number only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from checklist.company import company_today
from checklist.ledger import EmployeeStatus
from checklist.workflow import ACCOUNT_ADMIN_ROLES
from storage import audit, stored_json
from storage.db import Database
from storage.errors import InvalidInputError
from storage.ledger_models import (
    DaySignOff,
    Employee,
    HealthReading,
    LedgerSettings,
    Observation,
    ObservationChangeRow,
    RetentionRun,
)
from storage.models import utcnow
from storage.unit_of_work import unit_of_work


@dataclass(frozen=True)
class RetentionReport:
    run_id: int
    reason: str  # epidemic_over / days
    cutoff: dt.date  # data of days before this one was removed
    readings: int
    observations: int
    anonymised: int
    observations_ended: int = 0  # running observations ended by the run (epidemic over) before their removal


RETENTION_END_REASON = "疫情防控期已宣布结束，个人健康信息按保存期限删除"


def anonymised_name(employee_id: int) -> str:
    return f"已匿名 #{employee_id}"


def _cutoff(session: Session, today: dt.date) -> tuple[str, dt.date]:
    """Why personal health data goes on ``today`` and the first day it is kept from: all of it once the day
    the epidemic was declared over has come (``epidemic_over``), else what is older than N days (``days``).
    Refused in words when neither is set."""
    settings = session.get(LedgerSettings, 1)
    over = settings.epidemic_over_on if settings else None
    days = settings.retention_days if settings else None
    if over is not None and today >= over:
        return "epidemic_over", today + dt.timedelta(days=1)
    if days is not None:
        return "days", today - dt.timedelta(days=days)
    raise InvalidInputError(
        "no retention is set (N days, or the day the epidemic was declared over); nothing was removed",
        "尚未设置保存期限（天数或疫情结束日期）；未删除任何数据",
    )


def run_retention(db: Database, actor: str, today: dt.date | None = None) -> RetentionReport:
    """Apply the retention setting (a manager). Refused when neither N days nor an epidemic end is set."""
    today = today or company_today()
    with unit_of_work(db, actor, reason="个人健康信息保存期限到期", allowed=ACCOUNT_ADMIN_ROLES) as session:
        reason, cutoff = _cutoff(session, today)
        first_day, last_day = session.execute(
            select(func.min(HealthReading.day), func.max(HealthReading.day)).where(HealthReading.day < cutoff)
        ).one()
        readings = (
            session.scalar(select(func.count()).select_from(HealthReading).where(HealthReading.day < cutoff)) or 0
        )
        session.execute(delete(HealthReading).where(HealthReading.day < cutoff))
        ended: list[int] = []
        if reason == "epidemic_over":
            ended = _end_running_observations(session, today)
            old = select(Observation.id)
        else:
            old = select(Observation.id).where(Observation.end < cutoff, ~Observation.active)
        observation_ids = list(session.scalars(old))
        for start in range(0, len(observation_ids), 900):
            chunk = observation_ids[start : start + 900]
            for change in session.scalars(
                select(ObservationChangeRow).where(ObservationChangeRow.observation_id.in_(chunk))
            ):
                session.delete(change)
            session.flush()
            for observation in session.scalars(select(Observation).where(Observation.id.in_(chunk))):
                session.delete(observation)
            session.flush()
        who = select(Employee).where(Employee.anonymised_at.is_(None))
        if reason == "days":
            remaining_readings = select(HealthReading.employee_id).where(HealthReading.employee_id == Employee.id)
            remaining_observations = select(Observation.id).where(Observation.employee_id == Employee.id)
            who = who.where(
                Employee.status == EmployeeStatus.LEFT, ~remaining_readings.exists(), ~remaining_observations.exists()
            )
        anonymised: list[int] = []
        now = utcnow()
        for employee in session.scalars(who):
            employee.name = anonymised_name(employee.id)
            employee.id_number = ""
            employee.phone = ""
            employee.returned_from = ""
            employee.dormitory_room = ""
            employee.anonymised_at = now
            anonymised.append(employee.id)
        if readings:
            audit.record_event(
                session, "retention", "health_readings", None, None, {"deleted": readings, "before": cutoff.isoformat()}
            )
        if ended:
            audit.record_event(
                session,
                "retention",
                "observations",
                None,
                None,
                {"ended": ended, "on": today.isoformat()},
                RETENTION_END_REASON,
            )
        run = RetentionRun(
            by=actor,
            cutoff=cutoff,
            reason=reason,
            removed={
                "readings": readings,
                "reading_days": [first_day.isoformat(), last_day.isoformat()] if first_day else [],
                "observations": len(observation_ids),
                "observations_ended": ended,
                "anonymised_employees": anonymised,
            },
        )
        session.add(run)
        session.flush()
        return RetentionReport(run.id, reason, cutoff, readings, len(observation_ids), len(anonymised), len(ended))


def _end_running_observations(session: Session, today: dt.date) -> list[int]:
    """End every running observation on ``today`` (the epidemic was declared over): not active, ended today,
    its last day no later than today. Each is an audited update; the ids are returned for the run's record."""
    ended: list[int] = []
    for observation in session.scalars(select(Observation).where(Observation.active).order_by(Observation.id)):
        observation.active = False
        observation.ended_on = today
        if observation.end > today:
            observation.end = max(today, observation.start)
        ended.append(observation.id)
    session.flush()  # the updates reach the audit trail before the rows are deleted
    return ended


def removed_by_retention(db: Database, day: dt.date) -> int | None:
    """The retention run that removed ``day``'s readings, if one did."""
    with db.session() as session:
        return session.scalar(
            select(RetentionRun.id).where(RetentionRun.cutoff > day).order_by(RetentionRun.id).limit(1)
        )


@dataclass(frozen=True)
class RetentionPreview:
    """What :func:`run_retention` would remove if run on ``today``: nothing is changed by asking."""

    reason: str  # epidemic_over / days
    cutoff: dt.date
    readings: int
    reading_days: tuple[dt.date, dt.date] | None  # the first and last day of the readings removed
    observations: int
    anonymised: int  # people whose name, ID number, phone, dormitory and origin would be blanked
    signed_days_kept: int  # signed daily summaries, which stay
    observations_ended: int = 0  # running observations the run would end first (epidemic over)


def preview_retention(db: Database, today: dt.date | None = None) -> RetentionPreview:
    """Count what a retention run on ``today`` would delete and anonymise (the same conditions as
    :func:`run_retention`), so the manager sees it before agreeing. Refused as the run is when nothing is set."""
    today = today or company_today()
    with db.session() as session:
        reason, cutoff = _cutoff(session, today)
        first_day, last_day, readings = session.execute(
            select(func.min(HealthReading.day), func.max(HealthReading.day), func.count()).where(
                HealthReading.day < cutoff
            )
        ).one()
        old = select(func.count(Observation.id))
        if reason == "days":
            old = old.where(Observation.end < cutoff, ~Observation.active)
        observations = session.scalar(old) or 0
        running = 0
        if reason == "epidemic_over":
            running = session.scalar(select(func.count(Observation.id)).where(Observation.active)) or 0
        who = select(func.count(Employee.id)).where(Employee.anonymised_at.is_(None))
        if reason == "days":
            # after the run: no reading before the cutoff is left, nor an observation it removes
            remaining_readings = select(HealthReading.employee_id).where(
                HealthReading.employee_id == Employee.id, HealthReading.day >= cutoff
            )
            remaining_observations = select(Observation.id).where(
                Observation.employee_id == Employee.id, ~((Observation.end < cutoff) & ~Observation.active)
            )
            who = who.where(
                Employee.status == EmployeeStatus.LEFT, ~remaining_readings.exists(), ~remaining_observations.exists()
            )
        anonymised = session.scalar(who) or 0
        signed = session.scalar(select(func.count(DaySignOff.id))) or 0
        return RetentionPreview(
            reason,
            cutoff,
            int(readings or 0),
            (first_day, last_day) if first_day is not None else None,
            int(observations),
            int(anonymised),
            int(signed),
            int(running),
        )


def retention_runs(db: Database, limit: int = 20) -> list[RetentionRunView]:
    """The latest retention runs, newest first: when, by whom, why, up to which day, how much was removed."""
    with db.session() as session:
        runs = session.scalars(select(RetentionRun).order_by(RetentionRun.id.desc()).limit(limit)).all()
        return [_run_view(run) for run in runs]


def _run_view(run: RetentionRun) -> RetentionRunView:
    removed = stored_json.mapping(run.removed)
    try:
        counts = (
            int(removed["readings"] if removed and "readings" in removed else 0),
            int(removed["observations"] if removed and "observations" in removed else 0),
            len(removed["anonymised_employees"] if removed and "anonymised_employees" in removed else []),
        )
    except (TypeError, ValueError):
        removed = None
    if removed is None:  # not what the run wrote (raw SQL: storage.stored_json): the run listed, counts unknown
        return RetentionRunView(run.id, run.run_at, run.by, run.reason, run.cutoff, 0, 0, 0, altered=True)
    return RetentionRunView(run.id, run.run_at, run.by, run.reason, run.cutoff, *counts)


@dataclass(frozen=True)
class RetentionRunView:
    id: int
    run_at: dt.datetime
    by: str
    reason: str
    cutoff: dt.date
    readings: int
    observations: int
    anonymised: int
    altered: bool = False  # what the run removed was altered outside the application: the counts are unknown
