"""The ledger's services against SQLite and PostgreSQL: roster, readings, lists, observation, summary,
evidence, permissions and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.ledger import HalfDay, Symptom
from storage import ledger, roster
from storage.audit import verify_chain
from storage.db import Database
from storage.errors import InvalidInputError, PermissionDeniedError, RecordLockedError
from storage.models import AuditEntry
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME, VALID_ID, people

pytestmark = pytest.mark.postgres


def _enter(
    db: Database, ids: dict[str, int], half: HalfDay, values: dict[str, object], when: dt.datetime
) -> ledger.EntryResult:
    entries = [ledger.ReadingEntry(ids[name], value) for name, value in values.items()]
    return ledger.enter_readings(db, "officer", DAY, half, entries, now_local=when)


def test_the_roster_masks_and_only_a_manager_unmasks_with_an_audit_entry(db: Database) -> None:
    ids = people(db)
    view = roster.get_employee(db, ids["张三"])
    assert (view.id_number, view.phone) == ("110***********002X", "138****1234")
    page = roster.list_employees(db, limit=2)
    assert page.total == 5 and [r.name for r in page.rows] == ["张三", "李四"]
    for who in ("officer", "auditor"):
        with pytest.raises(PermissionDeniedError):
            roster.unmask(db, who, ids["张三"])
    assert roster.unmask(db, "boss", ids["张三"]) == (VALID_ID, "13812341234")
    with db.session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert verify_chain(session).ok
    unmasked = [e for e in entries if e.action == "unmask"]
    assert len(unmasked) == 1 and unmasked[0].actor == "boss" and unmasked[0].row_id == ids["张三"]
    text = " ".join(str(e.new) + str(e.old) for e in entries)
    assert VALID_ID not in text and "13812341234" not in text and "张三" not in text


def test_an_auditor_cannot_change_the_roster_or_enter_readings(db: Database) -> None:
    ids = people(db)
    with pytest.raises(PermissionDeniedError):
        roster.add_employee(db, "auditor", {"name": "钱八"})
    with pytest.raises(PermissionDeniedError):
        entry = ledger.ReadingEntry(ids["张三"], "36.5")
        ledger.enter_readings(db, "auditor", DAY, HalfDay.MORNING, [entry], now_local=MORNING_TIME)


def test_a_duplicate_person_is_refused(db: Database) -> None:
    people(db)
    with pytest.raises(InvalidInputError, match="already on the roster"):
        roster.add_employee(db, "officer", {"name": "张三", "phone": "138 1234 1234"})
    roster.add_employee(db, "officer", {"name": "张三", "phone": "13900000000"})  # a namesake


def test_readings_flag_fevers_mark_late_entries_and_list_the_missing(db: Database) -> None:
    ids = people(db)
    result = _enter(db, ids, HalfDay.MORNING, {"张三": "36.5", "李四": "37.3", "王五": 36.8}, MORNING_TIME)
    assert not result.late and [r.employee_id for r in result.flagged] == [ids["李四"]]
    assert "报告当地疾控部门" in [s.zh for s in result.flagged[0].assessment.next_steps]
    late = ledger.enter_readings(
        db, "officer", DAY, HalfDay.MORNING, [ledger.ReadingEntry(ids["赵六"], "36.6", "干咳")], now_local=EVENING_TIME
    )
    assert late.late and late.flagged[0].symptoms == Symptom.DRY_COUGH
    _enter(db, ids, HalfDay.AFTERNOON, {"张三": "36.4", "李四": "36.9"}, EVENING_TIME)
    flagged = ledger.flagged_readings(db, DAY)
    assert [(r.name, r.half, r.temperature_c) for r in flagged.rows] == [
        ("李四", HalfDay.MORNING, 37.3),
        ("赵六", HalfDay.MORNING, 36.6),
    ]
    missing = ledger.missing_readings(db, DAY)
    assert [(m.name, m.morning, m.afternoon) for m in missing.rows] == [("王五", False, True), ("赵六", False, True)]
    grid = ledger.day_grid(db, DAY)
    assert grid.total == 4 and grid.rows[0].morning is not None and grid.rows[0].morning.temperature_c == 36.5
    assert grid.rows[3].morning is not None and grid.rows[3].morning.late


@pytest.mark.parametrize(
    ("typed", "said"), [("34", "34"), ("43", "43"), ("98.6", "°F"), ("3.65", "36.5"), ("37,5", "point")]
)
def test_implausible_readings_are_refused_and_nothing_is_saved(db: Database, typed: str, said: str) -> None:
    ids = people(db)
    with pytest.raises(InvalidInputError, match=said) as refused:
        _enter(db, ids, HalfDay.MORNING, {"张三": "36.5", "李四": typed}, MORNING_TIME)
    assert f"#{ids['李四']}" in str(refused.value) and "李四" not in str(refused.value)
    assert ledger.day_grid(db, DAY).rows[0].morning is None


def test_a_reading_for_a_half_day_not_begun_is_refused(db: Database) -> None:
    ids = people(db)
    with pytest.raises(InvalidInputError, match="not begun"):
        _enter(db, ids, HalfDay.AFTERNOON, {"张三": "36.5"}, MORNING_TIME)


def test_a_correction_is_audited_with_old_and_new_values(db: Database) -> None:
    ids = people(db)
    _enter(db, ids, HalfDay.MORNING, {"张三": "36.5"}, MORNING_TIME)
    again = _enter(db, ids, HalfDay.MORNING, {"张三": "36.5"}, MORNING_TIME)
    assert again.unchanged == 1 and not again.entered
    _enter(db, ids, HalfDay.MORNING, {"张三": "37.8"}, MORNING_TIME)
    with db.session() as session:
        events = session.scalars(select(AuditEntry).where(AuditEntry.action == "readings")).all()
    assert [e.new["new"] for e in events if e.new] == [[[ids["张三"], 365, 0]], []]
    assert events[1].new is not None and events[1].new["changed"] == [[ids["张三"], 365, 0, 378, 0]]


def test_observation_extends_freely_shortens_only_by_a_manager_and_restarts(db: Database) -> None:
    ids = people(db)
    start = DAY - dt.timedelta(days=3)
    observation = ledger.start_observation(db, "officer", ids["王五"], "home", start, "自湖北返京")
    listed = ledger.observation_list(db, DAY)
    assert listed.total == 1 and listed.rows[0].end == start + dt.timedelta(days=13) and listed.rows[0].day_of == 4
    assert roster.get_employee(db, ids["王五"]).status == "home_observation"
    assert ledger.extend_observation(db, "officer", observation, start + dt.timedelta(days=20)) == "extend"
    with pytest.raises(InvalidInputError, match="manager"):
        ledger.extend_observation(db, "officer", observation, start + dt.timedelta(days=10), "核酸阴性")
    with pytest.raises(InvalidInputError, match="reason"):
        ledger.extend_observation(db, "boss", observation, start + dt.timedelta(days=10))
    assert (
        ledger.extend_observation(db, "boss", observation, start + dt.timedelta(days=12), "核酸检测阴性") == "shorten"
    )
    new_end = ledger.restart_observation(db, "officer", observation, DAY, "密切接触者")
    assert new_end == DAY + dt.timedelta(days=13)
    roster.update_employee(db, "officer", ids["王五"], {"status": "在岗"})
    flags = ledger.early_returns(db, DAY)
    assert [f.name for f in flags] == ["王五"] and "BJTG 三" in flags[0].message_zh


def test_the_daily_summary_names_what_is_abnormal_and_a_complete_day_is_a_zero_report(db: Database) -> None:
    ids = people(db)
    everyone = {"张三": "36.5", "李四": "36.6", "王五": "36.7", "赵六": "36.4"}
    _enter(db, ids, HalfDay.MORNING, everyone, MORNING_TIME)
    summary = ledger.daily_summary(db, DAY)
    assert (summary.headcount, summary.on_site, summary.checked_morning, summary.checked_afternoon) == (4, 4, 4, 0)
    assert summary.missing_count == 4 and not summary.zero_report
    _enter(db, ids, HalfDay.AFTERNOON, everyone, EVENING_TIME)
    summary = ledger.daily_summary(db, DAY)
    assert summary.zero_report and "零报告" in summary.headline()[0]


def test_evidence_for_gn01_names_who_was_not_checked_twice(db: Database) -> None:
    ids = people(db)
    _enter(db, ids, HalfDay.MORNING, {"张三": "36.5", "李四": "36.6", "王五": "36.7"}, MORNING_TIME)
    _enter(db, ids, HalfDay.AFTERNOON, {"张三": "36.5", "李四": "36.6"}, EVENING_TIME)
    evidence = ledger.evidence_for(db, "GN-01", DAY)
    assert evidence.text_zh == "2026-11-30 宿舍住宿及隔离员工 3 人中 2 人上下午各测 1 次；缺：王五"
    assert evidence.verdict == "fail" and evidence.measurements == {"checks_per_day": 1}
    bjhq = ledger.evidence_for(db, "BJHQ-2", DAY)
    assert bjhq.verdict == "pass" and "后勤物业人员 2 人中 2 人" in bjhq.text_zh
    lk28 = ledger.evidence_for(db, "LK28-2", DAY)
    assert lk28.verdict == "fail" and "缺：王五、赵六" in lk28.text_zh


def test_a_signed_off_day_takes_no_more_readings(db: Database) -> None:
    from storage.ledger_models import DaySignOff

    ids = people(db)
    with db.session() as session, session.begin():
        session.add(
            DaySignOff(
                day=DAY,
                summary={},
                record_hash="0" * 64,
                user_id=1,
                signer_name="boss",
                signed_at=dt.datetime(2026, 11, 30, 20),
                certificate_sha256="0" * 64,
                record_signature=b"x",
            )
        )
    with pytest.raises(RecordLockedError):
        _enter(db, ids, HalfDay.MORNING, {"张三": "36.5"}, MORNING_TIME)


def test_a_bulk_roster_import_takes_fresh_ids_around_single_adds_and_audits_each_person(db: Database) -> None:
    """The import takes its ids before inserting (no RETURNING): a person added one at a time before and after
    it gets an id of their own (PostgreSQL: the sequence moved on), and every imported row has its audit entry."""
    before = roster.add_employee(db, "officer", {"name": "先来"})
    rows = [(n, {"name": f"导入{n}", "department": "生产部"}) for n in range(2, 52)]
    result = roster.commit_roster(db, "officer", rows)
    after = roster.add_employee(db, "officer", {"name": "后到"})
    page = roster.list_employees(db, limit=100)
    ids = [r.id for r in page.rows]
    assert len(set(ids)) == len(ids) == 52 and len(result.good) == 50
    assert ids[0] == before and after == max(ids)
    assert [r.name for r in page.rows[1:51]] == [f"导入{n}" for n in range(2, 52)]
    with db.session() as session:
        inserted = session.scalars(
            select(AuditEntry.row_id).where(AuditEntry.table_name == "employees", AuditEntry.action == "insert")
        ).all()
        assert verify_chain(session).ok
    assert sorted(inserted) == sorted(ids)


def test_the_flagged_readings_index_is_partial_on_both_databases(db: Database) -> None:
    """The index of flagged readings holds the flagged rows only: its condition lives in the migration (the
    model names the index without it, so a start on SQLite does not load the PostgreSQL dialect)."""
    query = {
        "sqlite": "SELECT sql FROM sqlite_master WHERE name = 'ix_readings_flagged'",
        "postgresql": "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_readings_flagged'",
    }[db.engine.dialect.name]
    with db.engine.connect() as connection:
        definition = connection.exec_driver_sql(query).scalar_one()
    assert "WHERE" in definition.upper()
    assert "flagged" in definition.split("WHERE")[-1]
