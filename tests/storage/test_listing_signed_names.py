"""The inspections list names a completed or signed record by the company and site it was completed with (its
kept copy, which the record hash and signatures cover), and a draft by the current ones: renaming the company
or a site through the services changes the drafts' rows only. On both backends (the names are read from the
copy in the query)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from storage import companies, inspections, listing
from storage.db import Database, open_database
from tests.storage import helpers

SIGNED_COMPANY, SIGNED_SITE = "北京示例制造有限公司", "一号厂房"
NEW_COMPANY, NEW_SITE = "北京示例制造有限公司（新）", "一号厂区"


def signed_then_renamed(db: Database) -> tuple[int, int, int]:
    """A signed record, a completed (unsigned) one and a draft at the same site; then the company and its site
    renamed by a manager through the services. Returns the three ids."""
    signed = helpers.signed(db)
    company = companies.list_companies(db)[0]
    site_id = company.sites[0].id
    completed = inspections.create_inspection(db, "officer", company.id, dt.date(2026, 11, 21), "张三", ["GN"], site_id)
    _complete_all_passed(db, completed)
    draft = inspections.create_inspection(db, "officer", company.id, dt.date(2026, 11, 22), "张三", ["GN"], site_id)
    companies.save_company(db, "officer", helpers.moved_company(), company.id)
    companies.rename_site(db, "officer", site_id, NEW_SITE)
    return signed, completed, draft


@pytest.fixture
def renamed(db_url: str) -> Iterator[tuple[Database, int, int, int]]:
    db = open_database(db_url)
    yield db, *signed_then_renamed(db)
    db.close()


def _complete_all_passed(db: Database, inspection_id: int) -> None:
    from checklist.evaluation import Answer, Result

    inspection = inspections.load_inspection(db, inspection_id)
    version = inspection.version
    version = inspections.save_answer(
        db, "officer", inspection_id, version, "GN-01", Answer(Result.PASS, {"checks_per_day": 2})
    )
    for response in inspection.responses:
        if response.item_id != "GN-01":
            version = inspections.save_answer(
                db, "officer", inspection_id, version, response.item_id, Answer(Result.PASS)
            )
    inspections.complete(db, "officer", inspection_id, version)


def _places(db: Database, where: listing.InspectionFilter | None = None) -> dict[int, tuple[str, str]]:
    rows = listing.list_inspections(db, where or listing.InspectionFilter(), limit=None)
    return {row.id: (row.company, row.site) for row in rows}


@pytest.mark.postgres
def test_signed_and_completed_rows_keep_the_names_they_were_signed_under_and_a_draft_shows_the_new_ones(
    renamed: tuple[Database, int, int, int],
) -> None:
    db, signed, completed, draft = renamed
    assert _places(db) == {
        signed: (SIGNED_COMPANY, SIGNED_SITE),
        completed: (SIGNED_COMPANY, SIGNED_SITE),
        draft: (NEW_COMPANY, NEW_SITE),
    }


@pytest.mark.postgres
def test_the_text_filter_finds_a_record_by_the_name_its_row_shows(renamed: tuple[Database, int, int, int]) -> None:
    db, signed, completed, draft = renamed
    assert set(_places(db, listing.InspectionFilter(text=SIGNED_SITE))) == {signed, completed}
    assert set(_places(db, listing.InspectionFilter(text=NEW_SITE))) == {draft}
    assert set(_places(db, listing.InspectionFilter(text="（新）"))) == {draft}
    assert listing.count_inspections(db, listing.InspectionFilter(text=SIGNED_SITE)) == 2


@pytest.mark.postgres
def test_a_reopened_record_follows_the_profile_again(db_url: str) -> None:
    db = open_database(db_url)
    try:
        inspection_id = helpers.completed(db)
        company = companies.list_companies(db)[0]
        companies.save_company(db, "officer", helpers.moved_company(), company.id)
        assert _places(db)[inspection_id] == (SIGNED_COMPANY, SIGNED_SITE)
        inspections.reopen(db, "officer", inspection_id, "补充照片")
        assert _places(db)[inspection_id] == (NEW_COMPANY, SIGNED_SITE)
    finally:
        db.close()
