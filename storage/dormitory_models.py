"""The site registers' tables (schema 0010): the dormitory register and the canteen's sittings settings.

* ``dormitory_buildings`` — a building of a site (one site may have none: the company's only dormitory).
* ``dormitory_register_rooms`` — a room: floor area, beds, where it is (above ground / semi-basement /
  underground), window, bunk beds. ``name`` is what the roster's 宿舍 field holds ("A101"), unique across the
  register, so the occupants are the people whose roster row names it: linked, never typed again.
* ``canteen_plans`` — the canteen's settings per site (headcounts per department, tables, seating rule, meal
  length, cleaning time, serving window), as :meth:`checklist.sites.canteen.CanteenSettings.as_dict` writes them.

An inspection copies the register's rooms into its own ``dormitory_rooms`` (``storage.dormitories``), so a
signed record never changes when the register does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models import Base, utcnow


class DormitoryBuilding(Base):
    __tablename__ = "dormitory_buildings"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))

    rooms: Mapped[list[RegisterRoom]] = relationship(back_populates="building", order_by="RegisterRoom.name")

    __table_args__ = (UniqueConstraint("site_id", "name"),)


class RegisterRoom(Base):
    __tablename__ = "dormitory_register_rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("dormitory_buildings.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    area_m2: Mapped[float] = mapped_column(Float)
    beds: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(20), default="above_ground")
    has_window: Mapped[bool] = mapped_column(Boolean, default=True)
    bunk_beds: Mapped[bool] = mapped_column(Boolean, default=False)

    building: Mapped[DormitoryBuilding] = relationship(back_populates="rooms")


class CanteenPlanRow(Base):
    __tablename__ = "canteen_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), unique=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
