"""Which items a record holds is the core's rule (``storage.inspections.shown_catalogs``): a completed or signed
record keeps the items of the company type it was completed with (LK28 二（二）4's items for hotels, malls and
restaurants), whatever the company's type is changed to afterwards; a draft follows the company. Its
evaluation (scores, the list's counts the verification recomputes) follows the same type, so a type changed
through the services leaves a signed record's report and counts as signed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from checklist.catalog import for_company, items_of, official_catalogs
from checklist.evaluation import Answer, Result
from export.content import load_report
from storage import companies, inspections, verification
from storage.db import Database, open_database
from storage.record import place_names
from tests.storage import helpers

HOTEL_ONLY = {"LK28-15", "LK28-16"}  # the hotel's own items: LK28-15 (malls, restaurants, hotels), LK28-16


def _company(db: Database, company_type: str) -> tuple[int, int]:
    company_id = companies.save_company(
        db, "officer", companies.CompanyInput("北京示例酒店有限公司", helpers.CREDIT_CODE, company_type)
    )
    return company_id, companies.add_site(db, "officer", company_id, "主楼")


def _retype(db: Database, company_id: int, company_type: str) -> None:
    companies.save_company(
        db, "officer", companies.CompanyInput("北京示例酒店有限公司", helpers.CREDIT_CODE, company_type), company_id
    )


def signed_lk28(db: Database, company_id: int, site_id: int) -> int:
    """An LK28 record with every item it shows answered 合格, completed and locked as signed."""
    inspection_id = inspections.create_inspection(
        db, "officer", company_id, dt.date(2026, 11, 20), "张三", ["LK28"], site_id
    )
    inspection = inspections.load_inspection(db, inspection_id)
    version = inspection.version
    for item in items_of(inspections.shown_catalogs(inspection)):
        version = inspections.save_answer(db, "officer", inspection_id, version, item.id, Answer(Result.PASS))
    inspections.complete(db, "officer", inspection_id, version)
    helpers.lock_as_signed(db, "manager", inspection_id)
    return inspection_id


def _shown(db: Database, inspection_id: int) -> set[str]:
    return {item.id for item in items_of(inspections.shown_catalogs(inspections.load_inspection(db, inspection_id)))}


def _counts(db: Database, inspection_id: int) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """The counts stored with the record (what the list shows) and the ones its evaluation gives now."""
    inspection = inspections.load_inspection(db, inspection_id)
    overall = inspections.evaluate(inspection).score.overall
    stored = (inspection.passed, inspection.failed, inspection.na, inspection.unchecked)
    return stored, (overall.passed, overall.failed, overall.na, overall.unchecked)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@pytest.mark.postgres
def test_a_hotel_record_signed_keeps_its_hotel_items_after_the_company_becomes_industrial(db: Database) -> None:
    company_id, site_id = _company(db, "hotel")
    signed = signed_lk28(db, company_id, site_id)
    every_item = {r.item_id for r in inspections.load_inspection(db, signed).responses}
    assert _shown(db, signed) == every_item and every_item >= HOTEL_ONLY  # a hotel is shown all 16
    report = load_report(db, signed)
    _retype(db, company_id, "industrial")
    assert _shown(db, signed) == every_item  # as signed, not as the company is now
    stored, now = _counts(db, signed)
    assert stored == now == (16, 0, 0, 0)
    assert verification.verify_record(db, signed).ok
    again = load_report(db, signed)
    assert (again.overall, {line.item_id for line in again.items}) == (report.overall, every_item)
    # A draft of the company as it is now holds the industrial items only.
    draft = inspections.create_inspection(db, "officer", company_id, dt.date(2026, 11, 21), "张三", ["LK28"], site_id)
    assert _shown(db, draft) == every_item - HOTEL_ONLY


@pytest.mark.postgres
def test_an_industrial_record_signed_does_not_gain_the_hotel_items_when_the_company_becomes_a_hotel(
    db: Database,
) -> None:
    company_id, site_id = _company(db, "industrial")
    signed = signed_lk28(db, company_id, site_id)
    industrial = {item.id for item in items_of(for_company([official_catalogs()["LK28"]], "industrial"))}
    assert _shown(db, signed) == industrial and not HOTEL_ONLY & industrial
    _retype(db, company_id, "hotel")
    assert _shown(db, signed) == industrial
    stored, now = _counts(db, signed)
    assert stored == now == (14, 0, 2, 0)  # the hotel items stay 不适用, as signed, not 未查
    assert place_names(inspections.load_inspection(db, signed)) == ("北京示例酒店有限公司", "主楼")


def test_a_reopened_record_follows_the_company_type_again(db_url: str) -> None:
    db = open_database(db_url)
    try:
        company_id, site_id = _company(db, "hotel")
        inspection_id = inspections.create_inspection(
            db, "officer", company_id, dt.date(2026, 11, 20), "张三", ["LK28"], site_id
        )
        inspection = inspections.load_inspection(db, inspection_id)
        version = inspection.version
        for response in inspection.responses:
            version = inspections.save_answer(
                db, "officer", inspection_id, version, response.item_id, Answer(Result.PASS)
            )
        inspections.complete(db, "officer", inspection_id, version)
        _retype(db, company_id, "industrial")
        assert _shown(db, inspection_id) >= HOTEL_ONLY
        inspections.reopen(db, "officer", inspection_id, "酒店改为工业企业")
        assert not HOTEL_ONLY & _shown(db, inspection_id)
    finally:
        db.close()
