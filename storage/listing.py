"""The inspections list and batch queries: filters, plain rows for the views, counts and item results.

A completed or signed record is listed under the company and site names it was completed with (its own copy,
``inspections.company_snapshot``, which its record hash and signatures cover), a draft under the current ones:
renaming the company or a site afterwards changes what the drafts show, never what a signed record is called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import aliased

from checklist.workflow import Meaning, SignOffStage, sign_off_stage
from storage import stored_json
from storage.db import Database, known_error
from storage.models import (
    Company,
    Inspection,
    ItemResponse,
    Signature,
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
    signed: tuple[str, ...] = ()  # the sign-off meanings given (检查人, 审核), in that order
    supersedes: int | None = None  # the signed record this one corrects
    superseded_by: int | None = None  # the newest correction of this record, if any

    @property
    def sign_off(self) -> SignOffStage:
        """Where the record stands in sign-off (rules: :func:`checklist.workflow.sign_off_stage`)."""
        return sign_off_stage(self.status, self.signed)

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

# The names a record is listed under, read in the query (SQLite's JSON_EXTRACT, PostgreSQL's #>>): the kept
# copy's where there is one (a completed or signed record), else the live company's and site's (a draft, whose
# copy is NULL). The text filter searches these very expressions, so it finds a record by the name it shows.
# A copy that is not JSON at all (altered by raw SQL: storage.stored_json) reads as none, so the list still shows
# the record (opening it says it was altered; verification names the column).
_READABLE_COPY = stored_json.ValidJson(Inspection.company_snapshot)
_KEPT_COMPANY = case((_READABLE_COPY, Inspection.company_snapshot[("company", "name")].as_string()), else_=None)
_KEPT_SITE = case((_READABLE_COPY, Inspection.company_snapshot["site"].as_string()), else_=None)
_HAS_COPY = _KEPT_COMPANY.is_not(None)
SHOWN_COMPANY: ColumnElement[str] = func.coalesce(_KEPT_COMPANY, Company.name)
SHOWN_SITE: ColumnElement[str | None] = case((_HAS_COPY, _KEPT_SITE), else_=Site.name)


def _text(value: object) -> str:
    """A name read from the row as text: a copy altered by hand may hold a number there (SQLite hands it back
    as one); shown as it is, for verification to find."""
    return value if isinstance(value, str) else "" if value is None else str(value)


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
        conditions.append(
            or_(SHOWN_COMPANY.like(pattern), SHOWN_SITE.like(pattern), Inspection.inspector.like(pattern))
        )
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
    # Sign-offs and corrections of every listed record in the same query (grouped once, joined by id).
    signed = (
        select(
            Signature.inspection_id.label("inspection_id"),
            func.max(case((Signature.meaning == Meaning.INSPECTOR, 1), else_=0)).label("inspector"),
            func.max(case((Signature.meaning == Meaning.APPROVER, 1), else_=0)).label("approver"),
        )
        .group_by(Signature.inspection_id)
        .subquery()
    )
    correction = aliased(Inspection)
    corrected = (
        select(correction.supersedes_id.label("original_id"), func.max(correction.id).label("newest_id"))
        .where(correction.supersedes_id.is_not(None))
        .group_by(correction.supersedes_id)
        .subquery()
    )
    query = (
        select(
            Inspection.id,
            SHOWN_COMPANY,
            SHOWN_SITE,
            Inspection.date,
            Inspection.inspector,
            Inspection.status,
            Inspection.passed,
            Inspection.failed,
            Inspection.na,
            Inspection.unchecked,
            Inspection.open_actions,
            signed.c.inspector,
            signed.c.approver,
            Inspection.supersedes_id,
            corrected.c.newest_id,
        )
        .join(Company, Company.id == Inspection.company_id)
        .outerjoin(Site, Site.id == Inspection.site_id)
        .outerjoin(signed, signed.c.inspection_id == Inspection.id)
        .outerjoin(corrected, corrected.c.original_id == Inspection.id)
    )
    query = _filtered(query, where)
    query = query.order_by(column.desc() if descending else column.asc(), Inspection.id.desc())
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        try:
            return [
                InspectionRow(
                    id_,
                    _text(company),
                    _text(site),
                    date,
                    inspector,
                    status,
                    passed,
                    failed,
                    na,
                    unchecked,
                    open_actions,
                    signed=_meanings(inspector_signed, approver_signed),
                    supersedes=supersedes,
                    superseded_by=newest_correction,
                )
                for (
                    id_,
                    company,
                    site,
                    date,
                    inspector,
                    status,
                    passed,
                    failed,
                    na,
                    unchecked,
                    open_actions,
                    inspector_signed,
                    approver_signed,
                    supersedes,
                    newest_correction,
                ) in session.execute(query)
            ]
        except SQLAlchemyError as error:
            raise known_error(error) from error


_NO_MEANINGS: tuple[str, ...] = ()
_INSPECTOR_ONLY: tuple[str, ...] = (Meaning.INSPECTOR,)
_BOTH: tuple[str, ...] = (Meaning.INSPECTOR, Meaning.APPROVER)


def _meanings(inspector: int | None, approver: int | None) -> tuple[str, ...]:
    """The sign-off meanings from the query's two flags (shared tuples: the list may hold 50,000 rows)."""
    if inspector and approver:
        return _BOTH
    if inspector:
        return _INSPECTOR_ONLY
    return (Meaning.APPROVER,) if approver else _NO_MEANINGS


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
    findings_altered: bool = False  # the stored findings are not a list of objects (altered by raw SQL)


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
                ItemResultRow(
                    row[0],
                    row[1],
                    row[2],
                    list(stored_json.objects(row[3]) or []),
                    row[4] or "",
                    row[5] or "",
                    findings_altered=row[3] is not None and stored_json.objects(row[3]) is None,
                )
                for row in session.execute(query)
            ]
        except SQLAlchemyError as error:
            raise known_error(error) from error
