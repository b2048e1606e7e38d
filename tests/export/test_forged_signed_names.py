"""An attacker with the database file renames a signed record's company and site in the record's own copy
(``inspections.company_snapshot``), the names the inspections list and the batch workbook show for it. The list
shows the forged names — it reads, it does not verify — but ``fugong verify-record`` fails, naming the copy
(``company_snapshot.company.name`` and ``.site``, forged against signed) against the audit trail, the record
hash and both signatures, and no report is made
from the forged record. The copy's address changed, and the same with the audit trail and every plain hash
rewritten, are in ``tests/signing/test_company_copy_attacks.py``. The copy's company type rewritten to hide a
hotel's items from the signed record's view fails verification too, naming the type and the list's counts."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from checklist.catalog import items_of
from checklist.evaluation import Answer, Result
from export.content import load_report
from storage import companies, inspections, listing
from storage.db import open_database
from storage.errors import KnownError
from tests.cli import fugong
from tests.keys import sign_and_countersign
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}
FORGED_COMPANY, FORGED_SITE = "北京别家制造有限公司", "三号厂房"
SIGNED_COMPANY, SIGNED_SITE = "北京示例制造有限公司", "一号厂房"


def _signed(path: Path) -> int:
    """A record signed by 张三 (检查人) and countersigned by 王经理 (审核), in the SQLite file ``path``."""
    db = open_database(f"sqlite:///{path}")
    try:
        record = helpers.completed(db)
        sign_and_countersign(db, record, PASSWORDS)
        return record
    finally:
        db.close()


def _forge_names(path: Path, record: int) -> None:
    """As an attacker with the file: the copy's company and site names rewritten in place, nothing else."""
    connection = sqlite3.connect(path)
    try:
        (kept,) = connection.execute("SELECT company_snapshot FROM inspections WHERE id = ?", (record,)).fetchone()
        copy = json.loads(kept)
        copy["company"]["name"], copy["site"] = FORGED_COMPANY, FORGED_SITE
        connection.execute(
            "UPDATE inspections SET company_snapshot = ? WHERE id = ?", (json.dumps(copy, ensure_ascii=False), record)
        )
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_forged_names_in_the_signed_copy_show_in_the_list_and_fail_verification_naming_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("FUGONG_LANG", language)
    path = tmp_path / "db.sqlite3"
    record = _signed(path)
    url = f"sqlite:///{path}"
    before = fugong("--db", url, "verify-record", str(record))
    assert before.returncode == 0, before.stdout + before.stderr

    _forge_names(path, record)
    db = open_database(url)
    try:
        (row,) = listing.list_inspections(db, limit=None)
        assert (row.company, row.site) == (FORGED_COMPANY, FORGED_SITE)  # the list reads; it does not verify
        with pytest.raises(KnownError):  # no report from the forged record
            load_report(db, record)
    finally:
        db.close()

    after = fugong("--db", url, "verify-record", str(record))
    assert after.returncode == 2, after.stdout + after.stderr
    failed = [line for line in after.stdout.splitlines() if line.startswith(("FAIL", "不通过"))]
    (copy_line,) = [line for line in failed if "company_snapshot" in line]
    # The copy named, down to each name changed, forged against signed (not two equal shortened beginnings).
    if language == "en":
        assert f"company_snapshot.company.name is {FORGED_COMPANY}, the audit trail says {SIGNED_COMPANY}" in copy_line
        assert f"company_snapshot.site is {FORGED_SITE}, the audit trail says {SIGNED_SITE}" in copy_line
    else:
        assert f"company_snapshot.company.name 为 {FORGED_COMPANY}，审计记录为 {SIGNED_COMPANY}" in copy_line
        assert f"company_snapshot.site 为 {FORGED_SITE}，审计记录为 {SIGNED_SITE}" in copy_line
    assert "address" not in copy_line  # what was not changed is not named
    # the record hash, and each of the two signatures
    assert any(("changed afterwards" if language == "en" else "而签署时保存的是") in line for line in failed), failed
    changed_after = "changed after this signature" if language == "en" else "记录在此签名之后被改动"
    assert sum(changed_after in line for line in failed) == 2, failed


def _signed_hotel(path: Path) -> int:
    """A hotel's LK28 record (its two hotel items among the 16), signed by 张三 and countersigned by 王经理."""
    db = open_database(f"sqlite:///{path}")
    try:
        company = companies.save_company(
            db, "setup", companies.CompanyInput("北京示例酒店有限公司", helpers.CREDIT_CODE, "hotel")
        )
        site = companies.add_site(db, "setup", company, "主楼")
        record = inspections.create_inspection(db, "setup", company, dt.date(2026, 11, 20), "张三", ["LK28"], site)
        version = inspections.load_inspection(db, record).version
        for response in inspections.load_inspection(db, record).responses:
            version = inspections.save_answer(db, "setup", record, version, response.item_id, Answer(Result.PASS))
        inspections.complete(db, "setup", record, version)
        sign_and_countersign(db, record, PASSWORDS)
        return record
    finally:
        db.close()


def test_a_type_forged_in_the_signed_copy_to_hide_items_fails_verification_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The items a signed record shows follow its copy's company type; an attacker who rewrites that type
    (hotel → industrial) hides the hotel's two items from the record's view — and verification fails, naming
    the type, the list's counts and both signatures."""
    monkeypatch.setenv("FUGONG_LANG", "en")
    path = tmp_path / "db.sqlite3"
    record = _signed_hotel(path)
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "UPDATE inspections SET company_snapshot = json_set(company_snapshot, '$.company.type', 'industrial') "
            "WHERE id = ?",
            (record,),
        )
        connection.commit()
    finally:
        connection.close()
    db = open_database(f"sqlite:///{path}")
    try:
        shown = {item.id for item in items_of(inspections.shown_catalogs(inspections.load_inspection(db, record)))}
    finally:
        db.close()
    assert "LK28-16" not in shown and len(shown) == 14  # what the forged copy makes the view show

    result = fugong("--db", f"sqlite:///{path}", "verify-record", str(record))
    assert result.returncode == 2, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert any("company_snapshot.company.type is industrial, the audit trail says hotel" in line for line in failed)
    assert any("stored counts" in line and "(16, 0, 0, 0, 0)" in line for line in failed), failed
    assert sum("changed after this signature" in line for line in failed) == 2, failed
