"""The inspections list and batch queries: filters, plain rows for the views, counts and item results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database, known_error
from storage.models import (
    Company,
    Inspection,
    ItemResponse,
    Site,
)


@dataclass(frozen=True)
class InspectionFilter:
    site_id: int | None = None
    company_id: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    ids: tuple[int, ...] | None = None  # exactly these (e.g. what a list view shows after its own filtering)


@dataclass(frozen=True)
class InspectionRow:
    """One line of the inspections list (plain data for the view)."""

    id: int
    company: str
    site: str
    date: dt.date
    inspector: str
    status: str
    passed: int
    failed: int
    na: int
    unchecked: int
    open_actions: int

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.na + self.unchecked

    @property
    def score(self) -> float | None:
        applicable = self.passed + self.failed
        return self.passed / applicable if applicable else None


SORTABLE = {
    "id": Inspection.id,
    "date": Inspection.date,
    "status": Inspection.status,
    "inspector": Inspection.inspector,
    "failed": Inspection.failed,
    "open_actions": Inspection.open_actions,
}


_Query = TypeVar("_Query", bound="Select[*tuple[Any, ...]]")


def _filtered(query: _Query, where: InspectionFilter) -> _Query:
    conditions = []
    if where.site_id is not None:
        conditions.append(Inspection.site_id == where.site_id)
    if where.company_id is not None:
        conditions.append(Inspection.company_id == where.company_id)
    if where.status:
        conditions.append(Inspection.status == where.status)
    if where.date_from:
        conditions.append(Inspection.date >= where.date_from)
    if where.date_to:
        conditions.append(Inspection.date <= where.date_to)
    if where.ids is not None:
        conditions.append(Inspection.id.in_(where.ids))
    if where.text.strip():
        pattern = f"%{where.text.strip()}%"
        conditions.append(or_(Company.name.like(pattern), Site.name.like(pattern), Inspection.inspector.like(pattern)))
    return query.where(and_(*conditions)) if conditions else query


def list_inspections(
    db: Database,
    where: InspectionFilter = InspectionFilter(),
    order_by: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 50,
) -> list[InspectionRow]:
    column = SORTABLE.get(order_by, Inspection.date)
    query = (
        select(
            Inspection.id,
            Company.name,
            Site.name,
            Inspection.date,
            Inspection.inspector,
            Inspection.status,
            Inspection.passed,
            Inspection.failed,
            Inspection.na,
            Inspection.unchecked,
            Inspection.open_actions,
        )
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    query = _filtered(query, where)
    query = query.order_by(column.desc() if descending else column.asc(), Inspection.id.desc())
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        try:
            return [InspectionRow(row[0], row[1], row[2] or "", *row[3:]) for row in session.execute(query)]
        except SQLAlchemyError as error:
            raise known_error(error) from error


def count_inspections(db: Database, where: InspectionFilter = InspectionFilter()) -> int:
    query = (
        select(func.count(Inspection.id))
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    with db.session() as session:
        return int(session.scalar(_filtered(query, where)) or 0)


@dataclass(frozen=True)
class ItemResultRow:
    """One stored item answer of a listed inspection (plain data for batch reports)."""

    inspection_id: int
    item_id: str
    final: str | None
    findings: list[dict[str, Any]]
    override_reason: str
    note: str


def list_item_results(
    db: Database, where: InspectionFilter = InspectionFilter(), final: str | None = "fail"
) -> list[ItemResultRow]:
    """The item answers of every inspection matching ``where`` (only those whose final result is ``final``,
    unless None), in inspection date, id and item order. Reads no evidence, so a batch over hundreds of
    inspections does not load their photos."""
    query = (
        select(
            ItemResponse.inspection_id,
            ItemResponse.item_id,
            ItemResponse.final,
            ItemResponse.findings,
            ItemResponse.override_reason,
            ItemResponse.note,
        )
        .join(Inspection, Inspection.id == ItemResponse.inspection_id)
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
    )
    if final is not None:
        query = query.where(ItemResponse.final == final)
    query = _filtered(query, where).order_by(Inspection.date, Inspection.id, ItemResponse.position)
    with db.session() as session:
        try:
            return [
                ItemResultRow(row[0], row[1], row[2], list(row[3] or []), row[4] or "", row[5] or "")
                for row in session.execute(query)
            ]
        except SQLAlchemyError as error:
            raise known_error(error) from error
