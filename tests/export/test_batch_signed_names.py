"""The batch workbook (汇总表) names each completed or signed record by the company and site it was signed under,
a draft by the current ones, on both of its sheets: after the company and its site were renamed through the
services, a signed record's rows read as its report does."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from export.reports import export_batch
from storage.db import open_database
from storage.listing import InspectionFilter
from tests.storage.test_listing_signed_names import (
    NEW_COMPANY,
    NEW_SITE,
    SIGNED_COMPANY,
    SIGNED_SITE,
    signed_then_renamed,
)


def _sheet(path: Path, name: str) -> list[dict[str, object]]:
    rows = [list(row) for row in load_workbook(path)[name].iter_rows(values_only=True)]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_batch_workbook_shows_the_signed_names_of_signed_records_and_the_new_names_of_drafts(
    tmp_path: Path,
) -> None:
    db = open_database(f"sqlite:///{tmp_path}/db.sqlite3")
    signed, completed, draft = signed_then_renamed(db)
    xlsx = export_batch(db, tmp_path / "batch.xlsx", InspectionFilter())
    db.close()
    places = {row["编号"]: (row["单位"], row["检查场所"]) for row in _sheet(xlsx, "检查汇总")}
    assert places == {
        signed: (SIGNED_COMPANY, SIGNED_SITE),
        completed: (SIGNED_COMPANY, SIGNED_SITE),
        draft: (NEW_COMPANY, NEW_SITE),
    }
    failed = _sheet(xlsx, "不合格项")
    assert {row["检查编号"] for row in failed} == {signed}  # GN-01 and BJHQ-3 of the signed record
    assert {(row["单位"], row["检查场所"]) for row in failed} == {(SIGNED_COMPANY, SIGNED_SITE)}
