"""The canteen's sittings settings, remembered per site (分散错峰就餐, GN（八）; LK28 二（二）2).

* :func:`list_sites` → (site id, "company — site") of every site, for the site chooser.
* :func:`load_canteen_settings` → the stored settings of a site (``None``: the company's canteen when no site
  is chosen), or ``None`` when nothing was stored yet.
* :func:`save_canteen_settings` — officer or manager; the settings are validated by
  :func:`checklist.sites.canteen.validate_settings` first, so a plan read back always computes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checklist.rules import MeasurementError
from checklist.sites.canteen import CanteenSettings, validate_settings
from storage import stored_json
from storage.db import Database
from storage.dormitory_models import CanteenPlanRow
from storage.errors import InvalidInputError, NotFoundError
from storage.models import Company, Site
from storage.unit_of_work import unit_of_work


def list_sites(db: Database) -> list[tuple[int, str]]:
    with db.session() as session:
        rows = session.execute(
            select(Site.id, Company.name, Site.name).join(Company, Site.company_id == Company.id).order_by(Site.id)
        ).all()
        return [(site_id, f"{company} — {site}") for site_id, company, site in rows]


def settings_error(error: MeasurementError) -> InvalidInputError:
    return InvalidInputError(f"{error.reason}; nothing was saved", f"{error.reason_zh}；没有保存")


def _row(session: Session, site_id: int | None) -> CanteenPlanRow | None:
    condition = CanteenPlanRow.site_id.is_(None) if site_id is None else CanteenPlanRow.site_id == site_id
    return session.scalar(select(CanteenPlanRow).where(condition))


def load_canteen_settings(db: Database, site_id: int | None) -> CanteenSettings | None:
    with db.session() as session:
        row = _row(session, site_id)
        if row is None:
            return None
        stored = stored_json.mapping(row.settings)
        if stored is None:
            return None  # not even an object (raw SQL: storage.stored_json): start again from the defaults too
        try:
            return validate_settings(stored)
        except MeasurementError:
            return None  # written by hand outside the application: start again from the defaults


def save_canteen_settings(db: Database, actor: str, site_id: int | None, values: Mapping[str, Any]) -> CanteenSettings:
    try:
        settings = validate_settings(values)
    except MeasurementError as error:
        raise settings_error(error) from None
    with unit_of_work(db, actor) as session:
        if site_id is not None and session.get(Site, site_id) is None:
            raise NotFoundError(f"no site {site_id}", f"没有编号为 {site_id} 的场所")
        row = _row(session, site_id)
        if row is None:
            row = CanteenPlanRow(site_id=site_id, settings=settings.as_dict(), updated_by=actor)
            session.add(row)
        elif row.settings != settings.as_dict():
            row.settings = settings.as_dict()
            row.updated_by = actor
    return settings


def roster_departments(db: Database) -> list[tuple[str, int]]:
    """(department, people 在岗) of the roster, largest first then by name: the canteen's headcounts without
    typing them again (people with no department are counted under "")."""
    from checklist.ledger import EmployeeStatus
    from storage.ledger_models import Employee

    with db.session() as session:
        rows = session.execute(
            select(Employee.department, func.count(Employee.id))
            .where(Employee.status == EmployeeStatus.ON_SITE.value, Employee.anonymised_at.is_(None))
            .group_by(Employee.department)
        ).all()
    counts: dict[str, int] = {}
    for department, count in rows:
        name = (department or "").strip()
        counts[name] = counts.get(name, 0) + int(count)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
