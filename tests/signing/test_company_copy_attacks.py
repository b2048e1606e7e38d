"""A signed record's copy of the company and site (``inspections.company_snapshot``), attacked: through the
application it never changes (the profile and the site's name may, and the record stays verified and prints
what was signed); by raw SQL on the database file it is found, also when every plain hash is recomputed and
the audit trail rewritten to agree — the signatures still say no."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from export import signing, trust
from export.content import load_report
from export.record_check import verify_signed_record
from storage import companies, verification
from storage.db import Database, open_database
from storage.models import Company, Inspection
from tests.keys import sign_and_countersign
from tests.signing.test_tamper_sql import recompute_plain_hashes
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}


@dataclass(frozen=True)
class Pristine:
    database: Path
    trust: Path
    report: Path
    record: int


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    """A record signed by 张三 (检查人) and 王经理 (审核), its PDF written out, and the trust file."""
    folder = tmp_path_factory.mktemp("company-copy")
    path = folder / "db.sqlite3"
    db = open_database(f"sqlite:///{path}")
    record = helpers.completed(db)
    sign_and_countersign(db, record, PASSWORDS)
    signing.write_signed_reports(db, record, folder / "report.pdf", None)
    trust.export_trust_file(db, folder / "trust.pem")
    db.close()
    return Pristine(path, folder / "trust.pem", folder / "report.pdf", record)


@pytest.fixture
def copy(pristine: Pristine, tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(pristine.database, path)
    db = open_database(f"sqlite:///{path}")
    yield db, path
    db.close()


def _fails(db: Database, pristine: Pristine) -> list[str]:
    check = verify_signed_record(db, pristine.record, pristine.trust)
    return [line for line in check.lines if line.startswith("FAIL")]


def _ids(db: Database, record: int) -> tuple[int, int]:
    with db.session() as session:
        company_id = session.scalars(select(Company.id)).one()
        site_id = session.scalars(select(Inspection.site_id).where(Inspection.id == record)).one()
    assert site_id is not None
    return company_id, site_id


def test_the_profile_and_the_site_changed_through_the_application_leave_the_signed_record_as_signed(
    pristine: Pristine, copy: tuple[Database, Path], tmp_path: Path
) -> None:
    db, _ = copy
    company_id, site_id = _ids(db, pristine.record)
    signed = load_report(db, pristine.record)
    companies.save_company(
        db,
        "王经理",
        helpers.moved_company("office_building"),
        company_id,
    )
    companies.rename_site(db, "王经理", site_id, "一号厂区")
    assert _fails(db, pristine) == []
    report = load_report(db, pristine.record)
    assert (report.company_name, report.address, report.district, report.site) == (
        "北京示例制造有限公司",
        "北京市大兴区示例路1号",
        "大兴区",
        "一号厂房",
    )
    assert (report.company_type_zh, report.authority, report.record_hash) == (
        signed.company_type_zh,
        signed.authority,
        signed.record_hash,
    )
    # The report handed out again is the signed file, byte for byte, and verifies.
    signing.write_signed_reports(db, pristine.record, tmp_path / "again.pdf", None)
    assert (tmp_path / "again.pdf").read_bytes() == pristine.report.read_bytes()
    result = signing.verify_file(tmp_path / "again.pdf", db, pristine.trust)
    assert result.ok, result.lines


def _rewrite_copy(path: Path, record: int, address: str) -> None:
    """As an attacker with the database file: the copy's address changed in place."""
    connection = sqlite3.connect(path)
    try:
        (kept,) = connection.execute("SELECT company_snapshot FROM inspections WHERE id = ?", (record,)).fetchone()
        copy = json.loads(kept)
        copy["company"]["address"] = address
        connection.execute(
            "UPDATE inspections SET company_snapshot = ? WHERE id = ?", (json.dumps(copy, ensure_ascii=False), record)
        )
        connection.commit()
    finally:
        connection.close()


def test_the_copy_changed_by_sql_reads_as_changed_after_signing(
    pristine: Pristine, copy: tuple[Database, Path]
) -> None:
    db, path = copy
    db.engine.dispose()
    _rewrite_copy(path, pristine.record, "北京市大兴区别处9号")
    check = verification.verify_record(db, pristine.record)
    assert not check.ok
    assert any(line.startswith("FAIL") and "changed afterwards" in line for line in check.lines), check.lines
    fails = _fails(db, pristine)
    assert any("company_snapshot" in line and "the audit trail says" in line for line in fails), fails
    assert any("changed after this signature" in line for line in fails), fails


def test_the_copy_changed_with_every_plain_hash_and_the_audit_trail_rewritten_is_caught_by_the_signatures(
    pristine: Pristine, copy: tuple[Database, Path]
) -> None:
    db, path = copy
    db.engine.dispose()
    _rewrite_copy(path, pristine.record, "北京市大兴区别处9号")
    connection = sqlite3.connect(path)
    try:  # the audit trail's update at completion made to say the new copy as well
        changed = connection.execute(
            "UPDATE audit_log SET new = json_set(new, '$.company_snapshot.company.address', ?) "
            "WHERE inspection_id = ? AND table_name = 'inspections' AND action = 'update' "
            "AND json_extract(new, '$.company_snapshot') IS NOT NULL",
            ("北京市大兴区别处9号", pristine.record),
        ).rowcount
        connection.commit()
    finally:
        connection.close()
    assert changed == 1
    recompute_plain_hashes(db, pristine.record)  # the record hash everywhere, the audit chain and its head
    assert verification.verify_record(db, pristine.record).ok  # every plain hash agrees now …
    fails = _fails(db, pristine)
    assert fails, "a rewritten copy of the company verified"
    assert all("company_snapshot" not in line for line in fails), fails  # … and the replay agrees too,
    assert any("changed after this signature" in line for line in fails), fails  # but not the signatures
