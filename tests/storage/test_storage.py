"""Storage guarantees, each on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from sqlalchemy import select, text

from checklist.evaluation import Answer, Result
from storage import actions, companies, inspections, listing, verification
from storage.audit import verify_chain
from storage.db import Database, open_database
from storage.errors import ConcurrentEditError, DatabaseTooNewError, InvalidInputError, KnownError, RecordLockedError
from storage.models import AuditEntry, Inspection
from storage.photos import MAX_PHOTO_SIDE
from tests.storage import helpers


@pytest.fixture
def db(db_url: str) -> Database:
    database = open_database(db_url)
    yield database  # type: ignore[misc]
    database.close()


def _head(db: Database) -> str:
    from alembic.script import ScriptDirectory

    from storage.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config(db.engine)).get_current_head()
    assert head is not None
    return head


@pytest.mark.real_migrations
def test_empty_database_is_created_and_migrated(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head(db)
    assert listing.list_inspections(db) == []


@pytest.mark.real_migrations
def test_schema_head_constant_is_alembics_head(db: Database) -> None:
    from storage.db import SCHEMA_HEAD

    assert _head(db) == SCHEMA_HEAD


@pytest.mark.real_migrations
def test_older_database_is_upgraded_keeping_its_data(db_url: str) -> None:
    from alembic import command

    from storage.db import alembic_config, make_engine

    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO users (id, name, role, created_at) VALUES (1, '张三', 'officer', '2026-01-01')")
        )
    engine.dispose()
    db = open_database(db_url)
    assert [(u.name, u.role, u.failed_logins) for u in companies.list_users(db)] == [("张三", "officer", 0)]
    db.close()


def test_database_from_newer_version_is_refused(db_url: str) -> None:
    database = open_database(db_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.close()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(db_url)
    database = open_database(db_url, upgrade=False)
    with database.engine.connect() as connection:  # left unchanged
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    database.close()


def test_company_credit_code_is_validated(db: Database) -> None:
    with pytest.raises(InvalidInputError, match="校验位"):
        companies.save_company(db, "officer", companies.CompanyInput("X", "91110000600037341X", "industrial"))
    helpers.company(db)
    with pytest.raises(InvalidInputError, match="already registered"):
        companies.save_company(db, "officer", companies.CompanyInput("Y", helpers.CREDIT_CODE, "industrial"))


def test_inspection_records_catalog_versions_and_derives_results(db: Database) -> None:
    inspection_id, _ = helpers.answered(db)
    inspection = inspections.load_inspection(db, inspection_id)
    assert inspection.catalogs == {"GN": "1.1.0", "BJHQ": "1.1.0"}
    responses = {r.item_id: r for r in inspection.responses}
    assert responses["GN-07"].final == "pass" and responses["BJHQ-3"].final == "fail"
    assert responses["GN-01"].derived == "fail" and responses["GN-01"].measurements == {"checks_per_day": 1}
    assert responses["GN-01"].findings[0]["limit"] == "≥ 2 次/日"
    assert (inspection.failed, inspection.unchecked, inspection.open_actions) == (2, 0, 2)


def test_every_change_writes_an_audit_entry(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    inspections.save_answer(db, "王五", inspection_id, version, "GN-02", Answer(Result.FAIL, note="无报告电话"))
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "item_responses", AuditEntry.action == "update")
        ).all()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.actor == "王五" and entry.inspection_id == inspection_id
    assert entry.old == {"result": None, "note": ""} | {
        k: v for k, v in entry.old.items() if k not in ("result", "note")
    }
    assert entry.new["result"] == "fail" and entry.new["note"] == "无报告电话"
    assert entry.at <= dt.datetime.now(dt.UTC).replace(tzinfo=None)


def test_deletes_are_audited(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    evidence_id, version = inspections.add_evidence(db, "officer", inspection_id, version, "GN-05", "a.txt", b"hello")
    inspections.remove_evidence(db, "officer", inspection_id, version, evidence_id)
    with db.session() as session:
        deleted = session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
    assert [(e.table_name, e.row_id) for e in deleted] == [("evidence", evidence_id)]
    assert deleted[0].old["filename"] == "a.txt"
    assert deleted[0].old["data"].startswith("<5 bytes sha256=")


@pytest.mark.parametrize(
    ("tampering", "first_broken", "reason"),
    [
        ("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3", 3, "changed"),
        ("DELETE FROM audit_log WHERE seq = 2", 2, "missing"),
    ],
    ids=["edited", "deleted"],
)
def test_audit_chain_detects_an_edited_or_deleted_entry(
    db: Database, tampering: str, first_broken: int, reason: str
) -> None:
    helpers.draft(db)
    with db.session() as session:
        assert verify_chain(session).ok
    with db.engine.begin() as connection:
        connection.execute(text(tampering))
    with db.session() as session:
        report = verify_chain(session)
    assert not report.ok and report.first_broken == first_broken and reason in report.reason


@pytest.mark.parametrize("returning", [True, False], ids=["update-returning", "update-then-select"])
def test_the_chain_head_is_read_under_its_lock_with_or_without_update_returning(
    db: Database, monkeypatch: pytest.MonkeyPatch, returning: bool
) -> None:
    """Entries continue the chain whether the head is locked and read in one statement (UPDATE … RETURNING)
    or, where the SQLite library is older than 3.35, in two."""
    monkeypatch.setattr(db.engine.dialect, "update_returning", returning)
    inspection_id, version = helpers.draft(db)
    inspections.save_answer(db, "officer", inspection_id, version, "GN-01", Answer(Result.PASS))
    with db.session() as session:
        report = verify_chain(session)
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    assert report.ok
    assert [entry.seq for entry in entries] == list(range(1, len(entries) + 1))
    assert all(entry.prev_hash == before.hash for before, entry in itertools.pairwise(entries))
    assert any(entry.table_name == "item_responses" for entry in entries[-3:])


def test_audit_chain_detects_truncation(db: Database) -> None:
    helpers.draft(db)
    with db.engine.begin() as connection:
        last = connection.execute(text("SELECT max(seq) FROM audit_log")).scalar()
        connection.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": last})
    with db.session() as session:
        report = verify_chain(session)
    assert not report.ok and "removed" in report.reason


def test_second_client_with_stale_version_is_refused(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    inspections.save_answer(db, "client-a", inspection_id, version, "GN-02", Answer(Result.PASS))
    with pytest.raises(ConcurrentEditError, match="someone else"):
        inspections.save_answer(db, "client-b", inspection_id, version, "GN-02", Answer(Result.FAIL))
    response = next(r for r in inspections.load_inspection(db, inspection_id).responses if r.item_id == "GN-02")
    assert response.result == "pass"  # never a silent overwrite


def test_version_column_guards_against_a_racing_update(db: Database) -> None:
    """Even if the version check passed, the UPDATE itself carries the old version and fails if it moved.
    (On SQLite a second writer cannot get in at all: every transaction begins with BEGIN IMMEDIATE.)"""
    if db.is_sqlite:
        import sqlite3

        with db.session() as session, session.begin():
            session.connection()  # BEGIN IMMEDIATE: this session now holds the write lock
            other = sqlite3.connect(str(db.sqlite_path), timeout=0.1)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("UPDATE inspections SET inspector = 'x'")
            other.close()
        return
    inspection_id, version = helpers.draft(db)
    session = db.session("client-b")
    with session.begin():
        inspection = session.get(Inspection, inspection_id)
        assert inspection is not None and inspection.version == version
        with db.engine.begin() as other:  # client A commits first
            other.execute(text("UPDATE inspections SET version = version + 1 WHERE id = :i"), {"i": inspection_id})
        inspection.inspector = "李四"
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            session.flush()
        session.rollback()
    session.close()


def test_completion_is_blocked_until_everything_is_answered(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    with pytest.raises(InvalidInputError, match="not answered"):
        inspections.complete(db, "officer", inspection_id, version)


def test_signed_inspection_is_never_edited(db: Database) -> None:
    inspection_id = helpers.signed(db)
    inspection = inspections.load_inspection(db, inspection_id)
    assert inspection.status == "signed" and len(inspection.record_hash or "") == 64
    with pytest.raises(RecordLockedError, match="signed"):
        inspections.save_answer(db, "officer", inspection_id, None, "GN-02", Answer(Result.FAIL))
    with pytest.raises(RecordLockedError):
        inspections.set_rooms(db, "officer", inspection_id, None, [])
    with pytest.raises(RecordLockedError):
        inspections.add_evidence(db, "officer", inspection_id, None, "GN-05", "x.txt", b"x")


def test_correction_creates_a_new_version_that_supersedes(db: Database) -> None:
    inspection_id = helpers.signed(db)
    with pytest.raises(InvalidInputError, match="why"):
        inspections.new_version(db, "officer", inspection_id, "")
    new_id = inspections.new_version(db, "officer", inspection_id, "A101 面积测量有误")
    new = inspections.load_inspection(db, new_id)
    assert new.supersedes_id == inspection_id and new.status == "draft"
    from storage.record import canonical_record

    old_record = canonical_record(inspections.load_inspection(db, inspection_id))
    new_record = canonical_record(new)
    assert {k: v for k, v in new_record.items() if k not in ("id", "supersedes")} == {
        k: v for k, v in old_record.items() if k not in ("id", "supersedes")
    }  # everything is carried over
    inspections.set_rooms(db, "officer", new_id, new.version, [{**helpers.A101, "area_m2": 25}])
    assert verification.verify_record(db, inspection_id).ok  # the signed original is untouched


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE item_responses SET note = 'changed' WHERE item_id = 'GN-05'",
        "UPDATE item_responses SET final = 'pass' WHERE item_id = 'BJHQ-3'",
        "UPDATE dormitory_rooms SET area_m2 = 30",
        "UPDATE corrective_actions SET status = 'verified'",
        # The record keeps its own copy of the company (schema 0015): the profile alone no longer enters it,
        # so the attacker drops the copy first, then changes the company.
        "UPDATE inspections SET company_snapshot = NULL; UPDATE companies SET name = '别的公司'",
        "UPDATE inspections SET date = '2026-11-21'",
        "DELETE FROM corrective_actions WHERE item_id = 'GN-01'",
    ],
)
def test_raw_sql_change_of_a_signed_record_is_detected(db: Database, tamper: str) -> None:
    inspection_id = helpers.signed(db)
    assert verification.verify_record(db, inspection_id).ok
    with db.engine.begin() as connection:
        for statement in tamper.split("; "):
            connection.execute(text(statement))
    check = verification.verify_record(db, inspection_id)
    assert not check.ok
    assert any(line.startswith("FAIL") and "changed afterwards" in line for line in check.lines)


def test_rewriting_the_stored_hash_too_is_detected(db: Database) -> None:
    inspection_id = helpers.signed(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE item_responses SET note = 'changed' WHERE item_id = 'GN-05'"))
    inspection = inspections.load_inspection(db, inspection_id)
    from storage.record import record_hash

    with db.engine.begin() as connection:
        connection.execute(text("UPDATE inspections SET record_hash = :h"), {"h": record_hash(inspection)})
    check = verification.verify_record(db, inspection_id)
    assert not check.ok and any("audit trail's sign entry" in line for line in check.lines)


def test_evidence_keeps_original_hash_and_downscales_large_photos(db: Database) -> None:
    import hashlib
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), (200, 120, 40)).save(buffer, "JPEG", quality=90)
    photo = buffer.getvalue()
    inspection_id, version = helpers.draft(db)
    inspections.add_evidence(db, "officer", inspection_id, version, "GN-05", "洗手台.jpg", photo)
    evidence = inspections.load_inspection(db, inspection_id).evidence[0]
    assert evidence.original_sha256 == hashlib.sha256(photo).hexdigest()
    assert evidence.original_size == len(photo)
    with Image.open(io.BytesIO(evidence.data)) as stored:
        assert max(stored.size) == MAX_PHOTO_SIDE
    assert evidence.thumbnail is not None and max(evidence.thumbnail_width or 0, evidence.thumbnail_height or 0) == 360
    assert evidence.stored_sha256 == hashlib.sha256(evidence.data).hexdigest()


def test_saving_answers_rooms_and_actions_reads_no_photo_bytes(db: Database) -> None:
    """A saved answer, room table or corrective action does not read the stored photos and thumbnails (every
    autosave would carry them over the wire); the photos stay as attached."""
    import io

    from PIL import Image
    from sqlalchemy import event

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (200, 120, 40)).save(buffer, "JPEG", quality=90)
    inspection_id, version = helpers.draft(db)
    _, version = inspections.add_evidence(
        db, "officer", inspection_id, version, "GN-05", "洗手台.jpg", buffer.getvalue()
    )
    attached = inspections.load_inspection(db, inspection_id).evidence[0]
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        version = inspections.save_answer(db, "officer", inspection_id, version, "GN-01", Answer(Result.FAIL))
        version = inspections.set_rooms(
            db, "officer", inspection_id, version, [{"name": "A101", "area_m2": 20, "occupants": 4}]
        )
        _, version = actions.add_action(db, "officer", inspection_id, version, "GN-01", "补充洗手液", "张三", None)
        evidence_reads = [s for s in statements if "FROM evidence" in s]
        assert evidence_reads and all("evidence.data" not in s and "thumbnail," not in s for s in evidence_reads)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    kept = inspections.load_inspection(db, inspection_id).evidence[0]
    assert (kept.data, kept.thumbnail, kept.stored_sha256) == (
        attached.data,
        attached.thumbnail,
        attached.stored_sha256,
    )


def test_listing_filters_and_sorts(db: Database) -> None:
    company_id, site_a = helpers.company(db)
    site_b = companies.add_site(db, "officer", company_id, "宿舍楼", "dormitory")
    for day, site in ((1, site_a), (2, site_b), (3, site_a)):
        inspections.create_inspection(db, "officer", company_id, dt.date(2026, 11, day), "张三", ["GN"], site)
    rows = listing.list_inspections(db, listing.InspectionFilter(site_id=site_a))
    assert [r.date.day for r in rows] == [3, 1]
    rows = listing.list_inspections(db, listing.InspectionFilter(date_from=dt.date(2026, 11, 2)), descending=False)
    assert [r.date.day for r in rows] == [2, 3]
    assert listing.count_inspections(db, listing.InspectionFilter(text="宿舍")) == 1
    assert listing.list_inspections(db, listing.InspectionFilter(status="signed")) == []


def test_concurrent_writers_keep_one_unbroken_audit_chain(db: Database) -> None:
    """Two clients saving at the same time (threads with their own connections): every change is audited and
    the chain has no fork, because each transaction takes the chain head's lock before appending."""
    import threading

    first, version_a = helpers.draft(db)
    company_id = companies.list_companies(db)[0].id
    second = inspections.create_inspection(db, "officer", company_id, dt.date(2026, 11, 21), "李四", ["GN"])
    version_b = inspections.load_inspection(db, second).version
    errors: list[BaseException] = []

    def answer_all(inspection_id: int, version: int, actor: str) -> None:
        try:
            for number in range(1, 11):
                version = inspections.save_answer(
                    db, actor, inspection_id, version, f"GN-{number:02d}", Answer(Result.PASS, note=f"{actor} {number}")
                )
        except BaseException as error:  # reported to the test thread below
            errors.append(error)

    threads = [
        threading.Thread(target=answer_all, args=(first, version_a, "甲")),
        threading.Thread(target=answer_all, args=(second, version_b, "乙")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.session() as session:
        report = verify_chain(session)
        updates = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.table_name == "item_responses")
        ).all()
    assert report.ok, report.reason
    assert sorted({e.actor for e in updates}) == ["乙", "甲"] and len(updates) == 20


@pytest.mark.real_migrations
def test_models_and_migrations_agree(db: Database) -> None:
    """The ORM models and the migrated schema are the same (no column added without a migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storage.models import Base

    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_corrective_actions_are_followed_up_after_signing(db: Database) -> None:
    """The signed record stays as signed; what was done about its findings is recorded beside it."""
    from storage.auth import create_user
    from storage.errors import PermissionDeniedError

    inspection_id = helpers.signed(db)
    before = inspections.load_inspection(db, inspection_id)
    action = next(a for a in before.actions if a.item_id == "GN-01")
    create_user(db, "setup", "王经理", "manager", "manager-secret")
    create_user(db, "王经理", "张三", "officer", "officer-secret")
    with pytest.raises(InvalidInputError, match="done first"):
        actions.follow_up_action(db, "王经理", inspection_id, action.id, "verified", "抽查记录", dt.date(2026, 12, 1))
    actions.follow_up_action(db, "张三", inspection_id, action.id, "done", "已增加下午测温", dt.date(2026, 11, 28))
    with pytest.raises(PermissionDeniedError):
        actions.follow_up_action(db, "张三", inspection_id, action.id, "verified", "自己验证", dt.date(2026, 12, 1))
    with pytest.raises(InvalidInputError, match="how the corrective action was verified"):
        actions.follow_up_action(db, "王经理", inspection_id, action.id, "verified", " ", dt.date(2026, 12, 1))
    actions.follow_up_action(db, "王经理", inspection_id, action.id, "verified", "抽查三天记录", dt.date(2026, 12, 1))

    history = actions.action_follow_ups(db, inspection_id)
    assert [(f.status, f.by) for f in history] == [("done", "张三"), ("verified", "王经理")]
    after = inspections.load_inspection(db, inspection_id)
    assert actions.action_status(next(a for a in after.actions if a.id == action.id), history) == "verified"
    assert after.open_actions == before.open_actions - 1
    assert after.status == "signed" and verification.verify_record(db, inspection_id).ok  # the record is unchanged
    with db.session() as session:
        audited = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "action_follow_ups")).all()
    assert [e.actor for e in audited] == ["张三", "王经理"]


def test_follow_ups_are_not_for_drafts(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    action_id, _ = actions.add_action(db, "officer", inspection_id, version, "GN-02", "设立电话", "李四", None)
    with pytest.raises(InvalidInputError, match="draft"):
        actions.follow_up_action(db, "officer", inspection_id, action_id, "done", "", dt.date(2026, 11, 28))


def test_draft_actions_follow_the_same_verification_rules(db: Database) -> None:
    from storage.auth import create_user
    from storage.errors import PermissionDeniedError

    inspection_id, version = helpers.draft(db)
    action_id, version = actions.add_action(db, "x", inspection_id, version, "GN-02", "设立电话", "李四", None)
    create_user(db, "setup", "王经理", "manager", "manager-secret")
    create_user(db, "王经理", "张三", "officer", "officer-secret")
    with pytest.raises(InvalidInputError, match="done first"):
        actions.update_action(db, "王经理", inspection_id, version, action_id, "verified", "查看记录")
    version = actions.update_action(db, "张三", inspection_id, version, action_id, "done")
    with pytest.raises(PermissionDeniedError):
        actions.update_action(db, "张三", inspection_id, version, action_id, "verified", "自己验证")
    with pytest.raises(InvalidInputError, match="how the corrective action was verified"):
        actions.update_action(db, "王经理", inspection_id, version, action_id, "verified", "")
    actions.update_action(db, "王经理", inspection_id, version, action_id, "verified", "查看记录", dt.date(2026, 12, 1))
    assert inspections.load_inspection(db, inspection_id).actions[0].status == "verified"


def test_an_inspection_is_evaluated_with_the_catalog_versions_it_recorded(db: Database) -> None:
    inspection_id, _ = helpers.draft(db, ("GN",))
    assert [c.version for c in inspections.catalogs_of(inspections.load_inspection(db, inspection_id))] == ["1.1.0"]
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE inspections SET catalogs = :c"), {"c": '{"GN": "0.9.0"}'})
    from storage.errors import KnownError

    with pytest.raises(KnownError, match=r"GN version 0\.9\.0 is not shipped"):
        inspections.evaluate(inspections.load_inspection(db, inspection_id))


def test_a_database_that_cannot_be_opened_is_said_in_both_languages(tmp_path: Path) -> None:
    not_a_database = tmp_path / "photo.jpg"
    not_a_database.write_bytes(b"\xff\xd8\xff\xe0 not an SQLite file" * 200)
    with pytest.raises(KnownError) as error:
        open_database(f"sqlite:///{not_a_database}")
    assert "not a readable database" in str(error.value)
    assert error.value.message_zh.startswith("该文件不是可读的数据库")
    assert not_a_database.read_bytes() == b"\xff\xd8\xff\xe0 not an SQLite file" * 200  # left as it was

    # No server listens on port 1: refused at once, in words (an unreachable host waits CONNECT_TIMEOUT).
    with pytest.raises(KnownError) as error:
        open_database("postgresql+psycopg://fugong:fugong@127.0.0.1:1/fugong")
    assert "cannot open the database" in str(error.value)
    assert error.value.message_zh.startswith("无法打开数据库，") and "connect" not in error.value.message_zh
