"""Retention and a running observation (居家 / 集中隔离医学观察): after N days it is kept with its person (its
purpose is not achieved); when the epidemic is declared over it is ended on the day of the run — audited — and
removed with the rest. A signed daily summary still verifies afterwards. Core only, no Qt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from checklist.ledger import HalfDay
from export.ledger_reports import sign_day, verify_day
from storage import ledger, roster
from storage.db import Database, open_database
from storage.ledger_models import Observation, RetentionRun
from storage.ledger_retention import RETENTION_END_REASON, preview_retention, run_retention
from storage.models import AuditEntry
from tests.ledger.helpers import keepers

PASSWORD = "day-signing-secret"
SIGNED = dt.date(2026, 11, 2)
TODAY = dt.date(2026, 11, 30)


def _ledger(tmp_path: Path) -> tuple[Database, dict[str, int]]:
    db = open_database(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    keepers(db, PASSWORD)
    ids = {name: roster.add_employee(db, "张安全", {"name": name}) for name in ("张三", "李四", "王五")}
    for half, hour in ((HalfDay.MORNING, 9), (HalfDay.AFTERNOON, 19)):
        ledger.enter_readings(
            db,
            "张安全",
            SIGNED,
            half,
            [ledger.ReadingEntry(i, "36.5") for i in ids.values()],
            now_local=dt.datetime(2026, 11, 2, hour),
        )
    # 王五: returned from elsewhere on the signed day, observed until well after today
    ledger.start_observation(db, "张安全", ids["王五"], "home", SIGNED, "自外地返京")
    running = db_observation(db, ids["王五"])
    ledger.extend_observation(db, "张安全", running, TODAY + dt.timedelta(days=10), "复查")
    # 李四: an observation that ended long ago
    ended = ledger.start_observation(db, "张安全", ids["李四"], "home", dt.date(2026, 10, 1), "密切接触者")
    ledger.end_observation(db, "张安全", ended, dt.date(2026, 10, 14))
    sign_day(db, SIGNED, "张安全", PASSWORD, "北京示例制造有限公司")
    db.principal = None  # signing logged 张安全 in; the manager acts below
    assert all(c.ok for c in verify_day(db, SIGNED))
    return db, ids


def db_observation(db: Database, employee_id: int) -> int:
    with db.session() as session:
        found = session.scalar(select(Observation.id).where(Observation.employee_id == employee_id))
    assert found is not None
    return found


def test_after_n_days_a_running_observation_and_its_person_are_kept(tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    running = db_observation(db, ids["王五"])
    roster.update_employee(db, "张安全", ids["王五"], {"status": "离岗"})  # left, but still under observation
    ledger.set_retention(db, "王经理", 7, None)
    preview = preview_retention(db, TODAY)
    assert (preview.readings, preview.observations, preview.observations_ended) == (6, 1, 0)
    report = run_retention(db, "王经理", TODAY)
    assert (report.readings, report.observations, report.observations_ended, report.anonymised) == (6, 1, 0, 0)
    with db.session() as session:
        kept = session.get(Observation, running)
        assert kept is not None and kept.active and kept.end == TODAY + dt.timedelta(days=10)
    assert roster.get_employee(db, ids["王五"]).name == "王五"  # not anonymised while observed
    assert [o.employee_id for o in ledger.observation_list(db, TODAY).rows] == [ids["王五"]]
    checks = verify_day(db, SIGNED)
    assert all(c.ok for c in checks), [c.what_en for c in checks]
    assert "removed by retention run" in checks[1].what_en
    db.close()


def test_when_the_epidemic_is_over_a_running_observation_is_ended_audited_and_removed(tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    running = db_observation(db, ids["王五"])
    ledger.set_retention(db, "王经理", None, TODAY)
    preview = preview_retention(db, TODAY)
    assert (preview.observations, preview.observations_ended, preview.anonymised) == (2, 1, 3)
    report = run_retention(db, "王经理", TODAY)
    assert (report.reason, report.observations, report.observations_ended, report.anonymised) == (
        "epidemic_over",
        2,
        1,
        3,
    )
    with db.session() as session:
        assert session.scalar(select(func.count(Observation.id))) == 0
        ended = session.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "observations", AuditEntry.row_id == running, AuditEntry.action == "update"
            )
        ).all()
        assert ended[-1].actor == "王经理" and ended[-1].new is not None
        assert ended[-1].new["active"] is False and ended[-1].new["ended_on"] == TODAY.isoformat()
        assert ended[-1].new["end"] == TODAY.isoformat()
        event = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "observations", AuditEntry.action == "retention")
        ).one()
        assert event.new == {"ended": [running], "on": TODAY.isoformat()} and event.reason == RETENTION_END_REASON
        run = session.scalars(select(RetentionRun)).one()
        assert run.removed["observations_ended"] == [running]
        assert "王五" not in str(run.removed) and "王五" not in str(event.new)
    assert ledger.observation_list(db, TODAY).total == 0
    assert roster.get_employee(db, ids["王五"]).name == f"已匿名 #{ids['王五']}"
    checks = verify_day(db, SIGNED)
    assert all(c.ok for c in checks), [c.what_en for c in checks]
    assert "removed by retention run" in checks[1].what_en
    db.close()
