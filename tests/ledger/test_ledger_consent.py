"""Consent records (个人信息保护), the roster's filters by category, post and missing consent, and the retention
preview the settings window shows before a manager agrees: each through the core's services, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.ledger import (
    CONSENT_PURPOSE,
    LOGISTICS_CATEGORIES,
    EmployeeStatus,
    HalfDay,
    LedgerError,
    privacy_notice,
    validate_consent,
)
from storage import ledger, roster
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.ledger_models import ConsentRecord
from storage.ledger_retention import preview_retention, retention_runs, run_retention
from storage.models import AuditEntry
from tests.ledger.helpers import people

TODAY = dt.date(2026, 11, 30)


def test_the_notice_text_is_held_in_both_languages() -> None:
    zh, en = privacy_notice("1.0") or ("", "")
    assert "仅用于本次新冠肺炎疫情防控" in zh and "第二十八条、第二十九条" in zh and "三（三）隐私保护" in zh
    assert "only for the control of the current COVID-19 epidemic" in en and "arts. 28 and 29" in en
    assert privacy_notice(" 1.0 ") == privacy_notice("1.0")
    assert privacy_notice("9.9") is None


@pytest.mark.parametrize(
    ("day", "version", "purpose", "field", "said"),
    [
        (dt.date(2026, 12, 1), "1.0", CONSENT_PURPOSE, "consented_on", "晚于今天"),
        (dt.date(2019, 12, 31), "1.0", CONSENT_PURPOSE, "consented_on", "早于 2020 年"),
        ("2026-13-01", "1.0", CONSENT_PURPOSE, "consented_on", "不是日期"),
        (None, "1.0", CONSENT_PURPOSE, "consented_on", "必须填写"),
        (TODAY, "", CONSENT_PURPOSE, "notice_version", "不能为空"),
        (TODAY, "v" * 21, CONSENT_PURPOSE, "notice_version", "超过 20 个字符"),
        (TODAY, "=1+1", CONSENT_PURPOSE, "notice_version", "公式"),
        (TODAY, "1.0", "marketing", "purpose", "重新征得本人同意"),
    ],
)
def test_a_consent_is_refused_with_the_reason(day: object, version: str, purpose: str, field: str, said: str) -> None:
    with pytest.raises(LedgerError) as refused:
        validate_consent(day, version, purpose, TODAY)
    assert refused.value.field == field and said in refused.value.message_zh


def test_consent_records_list_correct_and_mark_who_has_none(db: Database) -> None:
    ids = people(db)
    zhang = ids["张三"]
    first = roster.record_consent(db, "officer", zhang, dt.date(2026, 11, 2), "1.0", today=TODAY)
    # the same version again corrects the date (a typo), audited; it is not a second record
    assert roster.record_consent(db, "officer", zhang, dt.date(2026, 11, 3), "1.0", today=TODAY) == first
    records = roster.consent_records(db, zhang)
    assert [(r.consented_on, r.notice_version, r.purpose, r.recorded_by) for r in records] == [
        (dt.date(2026, 11, 3), "1.0", CONSENT_PURPOSE, "officer")
    ]
    with db.session() as session:
        changes = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "consent_records", AuditEntry.row_id == first)
        ).all()
    assert [c.action for c in changes] == ["insert", "update"]
    assert changes[1].old is not None and changes[1].old["consented_on"] == "2026-11-02"
    assert roster.get_employee(db, zhang).consent_version == "1.0"
    assert roster.get_employee(db, ids["李四"]).consent_version is None
    without = roster.list_employees(db, without_consent_to="1.0")
    assert zhang not in [p.id for p in without.rows] and without.total == 4
    # a new version of the notice: everyone lacks consent to it until it is recorded again
    assert roster.list_employees(db, without_consent_to="2.0").total == 5


def test_a_consent_is_refused_for_an_auditor_a_stranger_and_a_bad_date(db: Database) -> None:
    ids = people(db)
    with pytest.raises(PermissionDeniedError):
        roster.record_consent(db, "auditor", ids["张三"], TODAY, "1.0", today=TODAY)
    with pytest.raises(NotFoundError):
        roster.record_consent(db, "officer", 99_999, TODAY, "1.0", today=TODAY)
    with pytest.raises(NotFoundError):
        roster.consent_records(db, 99_999)
    with pytest.raises(InvalidInputError) as refused:
        roster.record_consent(db, "officer", ids["张三"], TODAY + dt.timedelta(days=1), "1.0", today=TODAY)
    assert "同意日期" in refused.value.message_zh and "没有修改任何数据" in refused.value.message_zh
    with pytest.raises(InvalidInputError, match="epidemic control only"):
        roster.record_consent(db, "officer", ids["张三"], TODAY, "1.0", "marketing", today=TODAY)
    with db.session() as session:
        assert session.scalars(select(ConsentRecord)).all() == []


def test_an_anonymised_person_takes_no_consent(db: Database) -> None:
    ids = people(db)
    ledger.set_retention(db, "boss", None, TODAY)
    run_retention(db, "boss", TODAY)
    with pytest.raises(InvalidInputError, match="anonymised"):
        roster.record_consent(db, "officer", ids["张三"], TODAY, "1.0", today=TODAY)


def test_the_roster_filters_by_category_and_post(db: Database) -> None:
    ids = people(db)
    roster.update_employee(db, "officer", ids["赵六"], {"post": "会计"})
    roster.update_employee(db, "officer", ids["王五"], {"post": "操作工"})
    roster.update_employee(db, "officer", ids["孙七"], {"post": "操作工"})
    logistics = roster.list_employees(db, categories=LOGISTICS_CATEGORIES)
    assert sorted(p.name for p in logistics.rows) == ["张三", "李四"] and logistics.total == 2
    assert [p.name for p in roster.list_employees(db, categories={"保安"}).rows] == ["李四"]
    assert roster.list_employees(db, categories=set()).total == 0
    assert [p.name for p in roster.list_employees(db, post="会计").rows] == ["赵六"]
    assert roster.list_employees(db, post="操作工", status=EmployeeStatus.LEFT).total == 1
    assert roster.roster_posts(db) == ["操作工", "会计"]  # most common first, no empty post


def _readings(db: Database, ids: dict[str, int], day: dt.date, names: tuple[str, ...]) -> None:
    entries = [ledger.ReadingEntry(ids[name], "36.5") for name in names]
    ledger.enter_readings(db, "officer", day, HalfDay.MORNING, entries, now_local=dt.datetime(2026, 11, 30, 9))


def test_the_retention_preview_counts_what_the_run_then_removes(db: Database) -> None:
    ids = people(db)
    with pytest.raises(InvalidInputError, match="no retention"):
        preview_retention(db, TODAY)
    _readings(db, ids, dt.date(2026, 9, 1), ("张三", "孙七"))
    _readings(db, ids, dt.date(2026, 9, 2), ("张三",))
    _readings(db, ids, dt.date(2026, 11, 25), ("张三",))
    ended = ledger.start_observation(db, "officer", ids["王五"], "home", dt.date(2026, 8, 10), "返京")
    ledger.end_observation(db, "officer", ended, dt.date(2026, 8, 23))
    ledger.start_observation(db, "officer", ids["赵六"], "home", dt.date(2026, 11, 20), "返京")
    ledger.set_retention(db, "boss", 30, None)
    preview = preview_retention(db, TODAY)
    assert (preview.reason, preview.cutoff, preview.readings, preview.observations, preview.anonymised) == (
        "days",
        dt.date(2026, 10, 31),
        3,
        1,
        1,  # 孙七 left and has nothing after the cutoff
    )
    assert preview.reading_days == (dt.date(2026, 9, 1), dt.date(2026, 9, 2))
    assert ledger.day_grid(db, dt.date(2026, 9, 1)).rows[0].morning is not None  # asking removed nothing
    report = run_retention(db, "boss", TODAY)
    assert (report.readings, report.observations, report.anonymised) == (
        preview.readings,
        preview.observations,
        preview.anonymised,
    )
    assert preview_retention(db, TODAY).readings == 0
    runs = retention_runs(db)
    assert [(r.by, r.reason, r.readings, r.observations, r.anonymised) for r in runs] == [("boss", "days", 3, 1, 1)]
    # the epidemic declared over: everything goes, everyone not yet anonymised is anonymised
    ledger.set_retention(db, "boss", 30, TODAY)
    over = preview_retention(db, TODAY)
    assert (over.reason, over.readings, over.observations, over.observations_ended, over.anonymised) == (
        "epidemic_over",
        1,
        1,
        1,
        4,
    )
    done = run_retention(db, "boss", TODAY)
    # 赵六's observation, still running, is ended on the day of the run and removed with the rest
    assert (done.readings, done.observations, done.observations_ended, done.anonymised) == (1, 1, 1, 4)
    assert ledger.observation_list(db, TODAY).total == 0
