"""Companies, their sites, and the list of accounts: the registers an inspection is made for and by."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from checklist.company import CompanyType, validate_credit_code
from checklist.messages import msg
from checklist.workflow import COMPANY_ADMIN_ROLES, WRITE_ROLES, may_remove_site, may_rename_site
from storage import inputs
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.models import (
    Company,
    Inspection,
    Site,
    User,
)
from storage.unit_of_work import check_permission, unit_of_work


@dataclass
class CompanyInput:
    name: str
    credit_code: str
    company_type: str = CompanyType.OTHER.value
    address: str = ""
    district: str = ""
    headcount: int = 0
    contact: str = ""

    def validated(self) -> CompanyInput:
        inputs.name(self.name, "company name", required=False)
        for text, field in ((self.address, "address"), (self.district, "district"), (self.contact, "contact")):
            inputs.short(text, field)
        if not self.name.strip():
            raise InvalidInputError(msg("company.name_missing"))
        try:
            code = validate_credit_code(self.credit_code)
        except ValueError as exc:
            raise InvalidInputError(str(exc), getattr(exc, "message_zh", "")) from None
        try:
            CompanyType(self.company_type)
        except ValueError:
            known = ", ".join(t.value for t in CompanyType)
            raise InvalidInputError(msg("company.type_unknown", type=self.company_type, known=known)) from None
        if self.headcount < 0:
            raise InvalidInputError(msg("company.headcount_negative"))
        return CompanyInput(
            self.name.strip(),
            code,
            self.company_type,
            self.address.strip(),
            self.district.strip(),
            self.headcount,
            self.contact.strip(),
        )


def save_company(db: Database, actor: str, data: CompanyInput, company_id: int | None = None) -> int:
    """Register a company (set-up), or change the profile of company ``company_id``: only a manager
    (:func:`checklist.workflow.may_edit_company`); the audit trail keeps the values before and after. Every
    completed or signed record keeps the company as it was completed (``inspections.company_snapshot``), so a
    change here reaches drafts only and never makes a record read as altered."""
    data = data.validated()
    allowed = WRITE_ROLES if company_id is None else COMPANY_ADMIN_ROLES
    with unit_of_work(db, actor, allowed=allowed) as session:
        clash = session.scalar(select(Company.id).where(Company.credit_code == data.credit_code))
        if clash is not None and clash != company_id:
            raise InvalidInputError(msg("company.exists", code=data.credit_code))
        company = Company() if company_id is None else session.get(Company, company_id)
        if company is None:
            raise NotFoundError(msg("inspection.no_company", id=company_id))
        for key, value in vars(data).items():
            setattr(company, key, value)
        session.add(company)
        session.flush()
        return company.id


def add_site(db: Database, actor: str, company_id: int, name: str, kind: str = "") -> int:
    """Add a site (plant, dormitory building …) to a company: its first at set-up, more later by a manager."""
    name, kind = inputs.name(name, "site", required=False), inputs.short(kind, "site kind")
    if not name.strip():
        raise InvalidInputError(msg("company.site_name_missing"))
    with unit_of_work(db, actor) as session:
        company = session.get(Company, company_id)
        if company is None:
            raise NotFoundError(msg("inspection.no_company", id=company_id))
        if company.sites:  # the first site comes with set-up; more are the profile's, a manager's
            check_permission(session, actor, COMPANY_ADMIN_ROLES, "add a site", db.principal)
        if any(site.name == name.strip() for site in company.sites):
            raise InvalidInputError(
                f"{company.name} already has a site called {name.strip()}; nothing was added",
                f"{company.name} 已有名为“{name.strip()}”的场所；未添加",
            )
        site = Site(company_id=company_id, name=name.strip(), kind=kind.strip())
        session.add(site)
        session.flush()
        return site.id


def _site(session: Session, site_id: int) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise NotFoundError(msg("company.site_unknown", id=site_id))
    return site


def _role_of(session: Session, actor: str) -> str:
    """The actor's role, for the rules on sites: the unit of work checked it already (once the database has
    accounts); with none yet, the first account's role."""
    return session.scalar(select(User.role).where(User.name == actor)) or COMPANY_ADMIN_ROLES[0]


def rename_site(db: Database, actor: str, site_id: int, name: str) -> None:
    """Rename a site (a name mistyped in 企业信息): a manager only (:func:`checklist.workflow.may_rename_site`),
    audited with the names before and after. A completed or signed record that names the site keeps the name
    it was completed with (its own copy, ``inspections.company_snapshot``); a draft shows the new one."""
    name = inputs.name(name, "site", required=False).strip()
    if not name:
        raise InvalidInputError(msg("company.site_name_missing"))
    with unit_of_work(db, actor, allowed=COMPANY_ADMIN_ROLES) as session:
        site = _site(session, site_id)
        if site.name == name:
            return
        company = session.get(Company, site.company_id)
        if company is not None and any(other.name == name for other in company.sites if other.id != site.id):
            raise InvalidInputError(msg("company.site_exists", company=company.name, name=name))
        role = _role_of(session, actor)
        if not may_rename_site(role):
            raise PermissionDeniedError(msg("company.site_rename_not_manager"))
        site.name = name
        session.flush()


def records_naming_site(session: Session, site_id: int) -> list[str]:
    """What names the site: ``#12`` for an inspection, ``table#id`` for any other row that refers to it (a
    table that keeps a foreign key to ``sites`` is found from the schema, so a new one is never missed)."""
    from sqlalchemy import Table

    from storage.models import Base

    found = [f"#{i}" for i in session.scalars(select(Inspection.id).where(Inspection.site_id == site_id))]
    for table in Base.metadata.sorted_tables:
        if not isinstance(table, Table) or table.name == Inspection.__tablename__:
            continue
        for key in table.foreign_keys:
            if key.column.table.name == Site.__tablename__ and table.primary_key.columns:
                primary = next(iter(table.primary_key.columns))
                rows = session.execute(select(primary).where(key.parent == site_id).limit(100)).scalars()
                found += [f"{table.name}#{row}" for row in rows]
    return found


def remove_site(db: Database, actor: str, site_id: int) -> None:
    """Remove a site no record names (one added by mistake): a manager only
    (:func:`checklist.workflow.may_remove_site`), audited with the site's values; refused, saying which records
    and how many, while any record names it."""
    with unit_of_work(db, actor, allowed=COMPANY_ADMIN_ROLES) as session:
        site = _site(session, site_id)
        naming = records_naming_site(session, site_id)
        role = _role_of(session, actor)
        if not may_remove_site(role, len(naming)):
            if naming:
                ids = ", ".join(naming[:10]) + (" …" if len(naming) > 10 else "")
                raise InvalidInputError(msg("company.site_named", name=site.name, count=len(naming), ids=ids))
            raise PermissionDeniedError(msg("company.site_remove_not_manager"))
        session.delete(site)
        session.flush()


def list_companies(db: Database) -> list[Company]:
    with db.session() as session:
        return list(session.scalars(select(Company).options(selectinload(Company.sites)).order_by(Company.id)))


def list_users(db: Database) -> list[User]:
    with db.session() as session:
        return list(session.scalars(select(User).order_by(User.id)))
