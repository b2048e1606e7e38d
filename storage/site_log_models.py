"""The tables of the site registers of part A (issue 16), schema 0009.

* ``site_plans`` — how often a place is ventilated or disinfected a day (the company's own plan).
* ``site_log_entries`` — the ventilation and disinfection log (GN 二（四）（六）（十）): one row per entry;
  ``day`` is a day number, indexed with place and kind for the gap view. A correction of a signed-off day is a
  new entry that names the entry it corrects (``corrects_id``); a sealed day's rows are never changed.
* ``site_day_signoffs`` — a day of the log signed off by the person in charge: the canonical record, its hash,
  the CMS signature over it and the signed PDF (the same signing as the daily summary and inspections).
* ``isolation_areas``, ``isolation_uses``, ``isolation_closures`` — the isolation area (GN 四（十四）), each use
  of it by a person on the roster, and the places sealed and disinfected afterwards (GN 四（十五）), linked to
  the log. Health details and names never enter the audit trail (``__audit_personal__``): a person is named
  by roster number.
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
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.ledger_models import DayNumber
from storage.models import Base, SignedDayColumns, utcnow


class SitePlan(Base):
    """``place`` is to be ventilated or disinfected (``kind``) ``times_per_day`` times every day."""

    __tablename__ = "site_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    place: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    times_per_day: Mapped[int] = mapped_column(Integer)
    # the day the plan was adopted (schema 0019): no gap before it; NULL for a plan set before plans had one
    starts_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)

    __table_args__ = (UniqueConstraint("place", "kind"),)


class SiteLogEntry(Base):
    """One ventilation, cleaning or disinfection of a place."""

    __tablename__ = "site_log_entries"
    __audit_personal__ = frozenset({"done_by"})

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(DayNumber)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # local time
    place: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    method: Mapped[str] = mapped_column(String(30))
    chlorine_mg_per_l: Mapped[float | None] = mapped_column(Float)
    contact_minutes: Mapped[float | None] = mapped_column(Float)
    duration_minutes: Mapped[float | None] = mapped_column(Float)
    vehicle_surfaces: Mapped[bool] = mapped_column(Boolean, default=False)
    mask_bins_cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    waste_cleared: Mapped[bool] = mapped_column(Boolean, default=False)
    done_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("site_log_entries.id", ondelete="RESTRICT"))
    entered_by: Mapped[str] = mapped_column(String(100))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_site_log_day_place_kind", "day", "place", "kind"),)


class SiteDaySignOff(SignedDayColumns, Base):
    """A day of the log signed off: sealed, ``record`` canonical, ``record_hash`` its SHA-256."""

    __tablename__ = "site_day_signoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class IsolationArea(Base):
    """The isolation area (隔离观察区域): where, for how many people, what is kept there."""

    __tablename__ = "isolation_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    place: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer)
    supplies: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IsolationUse(Base):
    """One person temporarily isolated: when, symptoms, where referred, when reported to the CDC."""

    __tablename__ = "isolation_uses"
    __audit_personal__ = frozenset({"temperature", "symptoms", "referred_to", "note"})

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("isolation_areas.id", ondelete="RESTRICT"))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="RESTRICT"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)  # local time
    temperature: Mapped[int | None] = mapped_column(SmallInteger)  # tenths of a degree Celsius
    symptoms: Mapped[int] = mapped_column(SmallInteger, default=0)  # checklist.ledger.Symptom bits
    referred_to: Mapped[str] = mapped_column(String(200), default="")
    cdc_reported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    from_reading_day: Mapped[dt.date | None] = mapped_column(DayNumber)
    from_reading_half: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(100))

    __table_args__ = (Index("ix_isolation_uses_started_at", "started_at"),)


class IsolationClosure(Base):
    """A place the isolated person used, sealed (封闭) and disinfected afterwards; ``log_entry_id`` is the
    disinfection in the log, None until it is done."""

    __tablename__ = "isolation_closures"

    id: Mapped[int] = mapped_column(primary_key=True)
    use_id: Mapped[int] = mapped_column(ForeignKey("isolation_uses.id", ondelete="RESTRICT"), index=True)
    place: Mapped[str] = mapped_column(String(100))
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reopened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("site_log_entries.id", ondelete="RESTRICT"))
