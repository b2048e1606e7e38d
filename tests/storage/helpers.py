"""Building inspections through the real service layer for storage tests."""

from __future__ import annotations

import datetime as dt

from checklist.catalog import official_catalogs
from checklist.evaluation import Answer, Result
from storage import actions, companies, inspections
from storage.db import Database
from storage.models import Inspection
from storage.unit_of_work import unit_of_work

CREDIT_CODE = "91110000600037341L"
A101 = {"name": "A101", "area_m2": 18, "occupants": 6, "location": "above_ground"}


def company(db: Database) -> tuple[int, int]:
    company_id = companies.save_company(
        db,
        "officer",
        companies.CompanyInput(
            "北京示例制造有限公司",
            CREDIT_CODE,
            "industrial",
            address="北京市大兴区示例路1号",
            district="大兴区",
            headcount=120,
        ),
    )
    return company_id, companies.add_site(db, "officer", company_id, "一号厂房", "plant")


def draft(db: Database, catalogs: tuple[str, ...] = ("GN", "BJHQ")) -> tuple[int, int]:
    company_id, site_id = company(db)
    inspection_id = inspections.create_inspection(
        db, "officer", company_id, dt.date(2026, 11, 20), "张三", list(catalogs), site_id
    )
    return inspection_id, inspections.load_inspection(db, inspection_id).version


def answered(db: Database, catalogs: tuple[str, ...] = ("GN", "BJHQ")) -> tuple[int, int]:
    """A draft with every item answered, rooms typed, and corrective actions for the failures."""
    inspection_id, version = draft(db, catalogs)
    version = inspections.set_rooms(db, "officer", inspection_id, version, [A101])
    version = inspections.save_answer(
        db, "officer", inspection_id, version, "GN-01", Answer(measurements={"checks_per_day": 1}, note="下午未测温")
    )
    items = [item.id for cid in catalogs for item in official_catalogs()[cid].items]
    current = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}
    for item_id in items:
        if current[item_id].final is None:
            version = inspections.save_answer(db, "officer", inspection_id, version, item_id, Answer(Result.PASS))
    for item_id, action in (("GN-01", "增加下午测温"), ("BJHQ-3", "A101 调整为 4 人")):
        if item_id in items:
            _, version = actions.add_action(
                db, "officer", inspection_id, version, item_id, action, "李四", dt.date(2026, 11, 30)
            )
    return inspection_id, version


def lock_as_signed(db: Database, actor: str, inspection_id: int) -> str:
    """What signing does to the record (locked as signed, its hash stored and audited), without keys or
    signature files: fast, for tests about the record. Not in the service layer, where it would let a
    record read "signed" with no signature; tests/signing signs for real."""
    with unit_of_work(db, actor) as session:
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None
        return inspections.lock_signed(session, inspection)


def signed(db: Database) -> int:
    inspection_id, version = answered(db)
    inspections.complete(db, "officer", inspection_id, version)
    lock_as_signed(db, "manager", inspection_id)
    return inspection_id
