"""The checklist takes GN-01's evidence from the ledger: the measurements the item asks for and the text go into
the item, the rule engine derives the result, and the officer can still override it with a reason."""

from __future__ import annotations

from pathlib import Path

from checklist.evaluation import Answer, Result
from checklist.ledger import HalfDay
from storage import inspections, ledger
from storage.db import open_database
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME, accounts, people
from tests.storage import helpers


def test_gn01_takes_the_ledgers_evidence_and_the_officer_can_still_override(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    accounts(db)
    ids = people(db)
    inspection_id, version = helpers.draft(db, ("GN", "BJHQ", "LK28"))
    morning = [ledger.ReadingEntry(ids[n], "36.5") for n in ("张三", "李四", "王五")]
    ledger.enter_readings(db, "officer", DAY, HalfDay.MORNING, morning, now_local=MORNING_TIME)
    afternoon = [ledger.ReadingEntry(ids[n], "36.5") for n in ("张三", "李四")]
    ledger.enter_readings(db, "officer", DAY, HalfDay.AFTERNOON, afternoon, now_local=EVENING_TIME)

    version, evidence = ledger.apply_evidence(db, "officer", inspection_id, version, "GN-01", DAY)
    response = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-01"]
    assert response.measurements == {"checks_per_day": 1} and response.final == "fail"
    assert response.note == "【健康台账】2026-11-30 宿舍住宿及隔离员工 3 人中 2 人上下午各测 1 次；缺：王五"
    assert evidence.verdict == "fail"

    version = inspections.save_answer(
        db,
        "officer",
        inspection_id,
        version,
        "GN-01",
        Answer(Result.PASS, {"checks_per_day": 1}, "王五当日请假离厂，已电话确认体温正常", response.note),
    )
    version, _ = ledger.apply_evidence(db, "officer", inspection_id, version, "GN-01", DAY)
    response = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["GN-01"]
    assert response.final == "pass" and response.override_reason.startswith("王五当日请假")
    assert response.note.count("【健康台账】") == 1

    version, bjhq = ledger.apply_evidence(db, "officer", inspection_id, version, "BJHQ-2", DAY)
    response = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}["BJHQ-2"]
    assert response.measurements == {"morning_check": True, "afternoon_check": True} and bjhq.verdict == "pass"
    _, lk28 = ledger.apply_evidence(db, "officer", inspection_id, version, "LK28-2", DAY)
    assert "缺：王五、赵六" in lk28.text_zh
    db.close()
