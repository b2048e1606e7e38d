"""A record signed before it kept its own copy of the company (schema 0015) gets one at schema 0018, taken from the
company and site as they are at the upgrade: its hash is byte for byte the same and it still verifies; after that
the company profile and the site's name change freely without the signed record reading as altered, and what
its report prints stays what was signed. A record that failed verification before the upgrade still fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from export import signing
from export.content import load_report
from export.record_check import verify_signed_record
from storage import companies, inspections, verification
from storage import inspections as inspections_module
from storage.db import Database, alembic_config, make_engine, open_database
from storage.models import AuditEntry, Company, Inspection
from storage.record import canonical_bytes, canonical_record
from tests.keys import sign_and_countersign
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}


def _at_0017(url: str) -> Database:
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0017")
    engine.dispose()
    return open_database(url, upgrade=False)


def _completed_without_a_copy(db: Database, monkeypatch: pytest.MonkeyPatch) -> int:
    """Complete a record the way the application did before schema 0015: no copy of the company is kept (the
    column stays NULL and no audit entry mentions it), so its hash reads the live company and site."""
    inspection_id, version = helpers.answered(db)
    with monkeypatch.context() as patch:
        patch.setattr(inspections_module, "company_part", lambda inspection: None)
        inspections.complete(db, "officer", inspection_id, version)
    return inspection_id


def _kept(db: Database, inspection_id: int) -> object:
    with db.engine.connect() as connection:
        return connection.execute(
            text("SELECT company_snapshot FROM inspections WHERE id = :id"), {"id": inspection_id}
        ).scalar()


def _canonical(db: Database, inspection_id: int) -> bytes:
    return canonical_bytes(canonical_record(inspections.load_inspection(db, inspection_id)))


@pytest.mark.real_migrations
@pytest.mark.postgres
def test_a_record_signed_on_0017_without_a_copy_hashes_the_same_after_the_upgrade_and_then_holds(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _at_0017(db_url)
    inspection_id = _completed_without_a_copy(db, monkeypatch)
    assert _kept(db, inspection_id) is None
    sign_and_countersign(db, inspection_id, PASSWORDS)
    signing.write_signed_reports(db, inspection_id, tmp_path / "before.pdf", None)
    before = verify_signed_record(db, inspection_id)
    assert before.ok, before.lines
    signed_hash = inspections.load_inspection(db, inspection_id).record_hash
    signed_bytes = _canonical(db, inspection_id)
    db.close()

    db = open_database(db_url)  # the upgrade to 0018
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0018"
    kept = _kept(db, inspection_id)
    assert kept is not None
    assert _canonical(db, inspection_id) == signed_bytes  # byte for byte what was signed
    assert inspections.load_inspection(db, inspection_id).record_hash == signed_hash
    after = verify_signed_record(db, inspection_id)
    assert after.ok, after.lines
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.inspection_id == inspection_id, AuditEntry.actor == "schema 0018")
        ).one()
    assert entry.action == "update" and entry.new is not None
    assert entry.new["company_snapshot"]["company"]["address"] == "北京市大兴区示例路1号"
    assert entry.new["company_snapshot"]["site"] == "一号厂房"

    # From now on the profile and the site's name change freely (both were refused for such a record before).
    with db.session() as session:
        company_id = session.scalars(select(Company.id)).one()
        site_id = session.scalars(select(Inspection.site_id).where(Inspection.id == inspection_id)).one()
    assert site_id is not None
    companies.save_company(
        db,
        "王经理",
        helpers.moved_company(),
        company_id,
    )
    companies.rename_site(db, "王经理", site_id, "一号厂区")
    held = verify_signed_record(db, inspection_id)
    assert held.ok, held.lines
    assert _canonical(db, inspection_id) == signed_bytes
    report = load_report(db, inspection_id)
    assert (report.company_name, report.address, report.district, report.site) == (
        "北京示例制造有限公司",
        "北京市大兴区示例路1号",
        "大兴区",
        "一号厂房",
    )
    assert signing.write_signed_reports(db, inspection_id, tmp_path / "after.pdf", None)
    assert (tmp_path / "after.pdf").read_bytes() == (tmp_path / "before.pdf").read_bytes()
    db.close()


@pytest.mark.real_migrations
@pytest.mark.postgres
@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE item_responses SET note = '事后改动' WHERE inspection_id = :id",
        "UPDATE companies SET address = '别处9号'",  # read live by such a record before the upgrade
    ],
)
def test_a_record_that_fails_before_the_upgrade_still_fails_after_it(
    db_url: str, monkeypatch: pytest.MonkeyPatch, tamper: str
) -> None:
    """A record completed on 0017 without a copy, then changed by SQL: the upgrade copies the company as it is
    then, so the record recomputes the same hash as before and still reads as changed after completion."""
    db = _at_0017(db_url)
    inspection_id = _completed_without_a_copy(db, monkeypatch)
    assert verification.verify_record(db, inspection_id).ok
    with db.engine.begin() as connection:
        connection.execute(text(tamper), {"id": inspection_id})
    failing = [line for line in verification.verify_record(db, inspection_id).lines if line.startswith("FAIL")]
    assert failing
    db.close()

    db = open_database(db_url)
    assert _kept(db, inspection_id) is not None
    check = verification.verify_record(db, inspection_id)
    assert [line for line in check.lines if line.startswith("FAIL")] == failing  # the same recomputed hash
    db.close()
