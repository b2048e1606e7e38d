"""The tables of the employee health ledger (员工健康台账), schema 0008.

* ``employees`` — the roster (花名册). ID number and phone are stored as given and masked on every way out
  (:mod:`storage.roster`); the audit trail never receives a name, ID number or phone (``__audit_personal__``):
  it names a person by row id, so removing the row's personal data (retention) anonymises the trail as well.
* ``consent_records`` — one per employee and notice version (date, version of the notice shown, purpose).
* ``health_readings`` — one row per person, day and half-day, kept small (≤ 100 bytes with its index): the
  day is stored as a day number, the temperature in tenths of a degree, the symptoms as bits, who entered it
  as an account id, when as Unix seconds; no surrogate key (the primary key is (day, employee, half), which
  is also the index of "today"). Readings are audited per batch entered (one audit entry listing them), a
  correction per reading.
* ``reading_day_counts`` — per day, the readings of each half-day and the people with both, kept by triggers.
* ``observations`` and ``observation_changes`` — 14-day observation and every change of its dates.
* ``day_signoffs`` — a signed daily summary (每天汇总): the canonical summary, its hash and the signed files.
* ``import_mappings`` — which column of a gate camera's export holds what, remembered per source.
* ``retention_runs`` — what a retention run removed (counts and ids, no personal data).
* ``ledger_settings`` — one row: fever threshold, retention, notice version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from checklist.ledger import DEFAULT_FEVER_THRESHOLD_C, Category, EmployeeStatus
from storage.models import Base, SignedDayColumns, utcnow


class DayNumber(TypeDecorator[dt.date]):
    """A date stored as its proleptic Gregorian ordinal (an integer: 3 bytes in SQLite instead of 10)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: dt.date | None, dialect: Dialect) -> int | None:
        return None if value is None else value.toordinal()

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.date | None:
        return None if value is None else dt.date.fromordinal(int(value))


class UnixSeconds(TypeDecorator[dt.datetime]):
    """A naive UTC time stored as whole seconds since 1970 (an integer, not 26 characters of text)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int((value - dt.datetime(1970, 1, 1)).total_seconds())

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(value))


class Employee(Base):
    """One person on the roster. ``anonymised_at`` is set by retention, which blanks the personal fields."""

    __tablename__ = "employees"
    __audit_personal__ = frozenset({"name", "id_number", "phone", "returned_from"})

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    department: Mapped[str] = mapped_column(String(100), default="")
    post: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(8), default=Category.OTHER)
    outsourcing_company: Mapped[str] = mapped_column(String(100), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    dormitory_room: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(20), default=EmployeeStatus.ON_SITE)
    return_date: Mapped[dt.date | None] = mapped_column(Date)
    returned_from: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        # covering the headcount (status, not anonymised) and the few outside it (schema 0016)
        Index("ix_employees_status_anonymised", "status", "anonymised_at"),
        Index("ix_employees_name", "name"),
        Index("ix_employees_return_date", "return_date"),
    )


class ConsentRecord(Base):
    """The person was shown notice ``notice_version`` on ``consented_on`` and agreed to its purpose
    (epidemic control only: PIPL arts. 28–29; 社区防控信息化指引 三（三） 隐私保护)."""

    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"), index=True)
    consented_on: Mapped[dt.date] = mapped_column(Date)
    notice_version: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(String(100), default="epidemic_control")
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("employee_id", "notice_version"),)


class HealthReading(Base):
    """A temperature and symptoms of one person for one half-day (上午 0 / 下午 1)."""

    __tablename__ = "health_readings"

    day: Mapped[dt.date] = mapped_column(DayNumber, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"), primary_key=True)
    half: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    temperature: Mapped[int | None] = mapped_column(SmallInteger)  # tenths of a degree Celsius
    symptoms: Mapped[int] = mapped_column(SmallInteger, default=0)  # checklist.ledger.Symptom bits
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # fever or symptom, judged when entered
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_by: Mapped[int] = mapped_column(Integer)  # users.id (0: before any account existed)
    entered_at: Mapped[dt.datetime] = mapped_column(UnixSeconds)

    __table_args__ = (
        # Partial (WHERE flagged) in the database: migration 0008 says so per dialect. Said here as well, the
        # condition would make SQLAlchemy import its PostgreSQL dialect on every start on SQLite (about 26 ms
        # on the way to "database open"); the schema is only ever made by the migrations, and
        # test_models_and_migrations_agree checks that the index is there.
        Index("ix_readings_flagged", "day"),
        {"sqlite_with_rowid": False},
    )


class ReadingDayCount(Base):
    """Per day: how many 上午 and 下午 readings there are and how many people have both, whatever their status
    (schema 0016). Kept by triggers on ``health_readings`` in the transaction of every insert, delete or change
    of a key, whoever writes it; never written by the services. The daily summary and the missing list count
    a day from it instead of reading the day's readings."""

    __tablename__ = "reading_day_counts"

    day: Mapped[dt.date] = mapped_column(DayNumber, primary_key=True, autoincrement=False)
    morning: Mapped[int] = mapped_column(Integer)
    afternoon: Mapped[int] = mapped_column(Integer)
    complete: Mapped[int] = mapped_column(Integer)


class Observation(Base):
    """居家 / 集中隔离医学观察 of one person: ``start`` is day 1, ``end`` the last day (inclusive)."""

    __tablename__ = "observations"
    __audit_personal__ = frozenset({"reason"})

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # home / central
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")  # returned from …, contact of …
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_observations_active_end", "active", "end"),)


class ObservationChangeRow(Base):
    """Every change of an observation's dates: start, extend, shorten (a manager, with a reason), restart."""

    __tablename__ = "observation_changes"
    __audit_personal__ = frozenset({"reason"})

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observations.id", ondelete="RESTRICT"), index=True)
    change: Mapped[str] = mapped_column(String(10))
    old_start: Mapped[dt.date | None] = mapped_column(Date)
    old_end: Mapped[dt.date | None] = mapped_column(Date)
    new_start: Mapped[dt.date] = mapped_column(Date)
    new_end: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DaySignOff(SignedDayColumns, Base):
    """A daily summary signed by the person in charge: the day is sealed; ``summary`` is the canonical
    (masked) summary, ``record_hash`` its SHA-256, ``record_signature`` a CMS signature over it, and the
    signed PDF / workbook / .p7s kept byte for byte."""

    __tablename__ = "day_signoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    xlsx: Mapped[bytes | None] = mapped_column(LargeBinary)
    xlsx_p7s: Mapped[bytes | None] = mapped_column(LargeBinary)


class ImportMapping(Base):
    """For one source (a gate camera's export, say "东门测温门"), which header holds which field."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100), unique=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)  # field → header text
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RetentionRun(Base):
    """What one retention run removed: how many of what, up to which day, whose rows (ids only)."""

    __tablename__ = "retention_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(100))
    cutoff: Mapped[dt.date] = mapped_column(Date)  # personal health data of days before this one removed
    reason: Mapped[str] = mapped_column(String(40))  # epidemic_over / days
    removed: Mapped[dict[str, Any]] = mapped_column(JSON)


class LedgerSettings(Base):
    """One row (id 1). ``fever_threshold_c``: 37.3 °C unless changed (2020 practice; the sources give none)."""

    __tablename__ = "ledger_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    fever_threshold_c: Mapped[float] = mapped_column(Float, default=DEFAULT_FEVER_THRESHOLD_C)
    retention_days: Mapped[int | None] = mapped_column(Integer)
    epidemic_over_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_version: Mapped[str] = mapped_column(String(20), default="1.0")  # checklist.ledger.NOTICE_VERSION
    notice_text: Mapped[str] = mapped_column(Text, default="", server_default="")  # or where the company keeps it
