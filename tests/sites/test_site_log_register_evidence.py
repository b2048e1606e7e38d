"""An inspection item's evidence from its register, in one place for every register (登记依据): the verdict
rules without a database, then the log's and the isolation area's evidence read, applied into a draft (audited)
and — once the record is signed — never changed by a later change of the register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from checklist.evaluation import Answer, Result
from checklist.register_evidence import FAIL, PASS, REGISTER_OF, Register, isolation_verdict, site_log_verdict
from storage import inspections, isolation, register_evidence, site_log
from storage.db import open_database
from storage.errors import InvalidInputError, RecordLockedError
from storage.models import AuditEntry
from tests.keys import create_account
from tests.storage import helpers

PASSWORD = "register-evidence-pw"
DAY = dt.date(2020, 3, 2)
OFFICER = "张安全"


def test_each_evidence_item_has_one_register_and_the_verdicts_follow_the_records() -> None:
    assert {item for item, register in REGISTER_OF.items() if register is Register.SITE_LOG} == {
        "GN-04",
        "GN-06",
        "GN-10",
    }
    assert site_log_verdict("GN-06", entries=3, gaps=1) == FAIL  # a gap against the plan fails
    assert site_log_verdict("GN-06", entries=3, gaps=0) == PASS
    assert site_log_verdict("GN-04", entries=0, gaps=0) is None  # no plan, nothing logged: the officer judges
    assert site_log_verdict("GN-10", entries=1, gaps=5) == PASS  # mask bins have no plan: gaps do not count
    assert site_log_verdict("GN-10", entries=0, gaps=0) is None
    assert isolation_verdict("GN-14", areas=0, uses=0, open_steps=0) == FAIL  # no isolation area at all
    assert isolation_verdict("GN-14", areas=1, uses=2, open_steps=1) == FAIL  # a use not reported to the CDC
    assert isolation_verdict("GN-14", areas=1, uses=2, open_steps=0) == PASS
    assert isolation_verdict("GN-15", areas=1, uses=0, open_steps=0) is None  # never used
    assert isolation_verdict("GN-15", areas=1, uses=1, open_steps=1) == FAIL
    with pytest.raises(ValueError):
        site_log_verdict("GN-01", 1, 0)


def test_the_logs_evidence_is_applied_audited_and_a_signed_record_keeps_it(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'evidence.sqlite3'}")
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    create_account(db, "王经理", OFFICER, "officer", PASSWORD, actor_password=PASSWORD)
    from storage import auth

    auth.create_user(db, "王经理", "officer", "officer", PASSWORD)
    db.principal = None
    site_log.set_plan(db, OFFICER, {"place": "电梯按钮", "kind": "消毒", "times_per_day": 2})
    for time in ("08:00", "16:00"):
        site_log.add_entry(
            db,
            OFFICER,
            {
                "place": "电梯按钮",
                "at": f"2020-03-02 {time}",
                "method": "含氯消毒液",
                "chlorine_mg_per_l": 500,
                "contact_minutes": 30,
                "done_by": "保洁",
            },
        )
    # the plan counts every day of the week before: those days have gaps, so the log says "fail"
    gn06 = register_evidence.evidence_for(db, "GN-06", DAY)
    assert gn06.verdict == FAIL and gn06.register is Register.SITE_LOG
    assert gn06.text_zh.startswith("2020-02-25 至 2020-03-02 消毒记录 2 条") and "未按计划 6 处" in gn06.text_zh
    assert "2 disinfection entries" in gn06.text_en
    gn14 = register_evidence.evidence_for(db, "GN-14", DAY)
    assert gn14.verdict == FAIL and gn14.text_zh.startswith("尚未登记隔离观察区域")
    with pytest.raises(InvalidInputError) as refused:
        register_evidence.evidence_for(db, "GN-02", DAY)
    assert "GN-02" in refused.value.message_zh and "依据" in refused.value.message_zh

    inspection_id, version = helpers.answered(db, ("GN",))
    # the officer's own result and reason stay; the evidence's line and values are copied in
    version = inspections.save_answer(
        db, "officer", inspection_id, version, "GN-06", Answer(Result.PASS, {}, "现场查看消毒到位", "已抽查")
    )
    version, applied, answer = register_evidence.apply_evidence(db, "officer", inspection_id, version, "GN-06", DAY)
    assert applied == gn06
    assert answer.result is Result.PASS and answer.override_reason == "现场查看消毒到位"
    assert answer.note.splitlines() == ["已抽查", "【通风消毒记录】" + gn06.text_zh]
    assert answer.measurements["chlorine_mg_per_l"] == 500.0
    with db.session() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "item_responses").order_by(AuditEntry.id.desc())
        ).first()
        assert audited is not None and audited.actor == "officer" and "【通风消毒记录】" in str(audited.new)
    # applied again (the register changed meanwhile): the line is replaced, never repeated
    site_log.add_entry(
        db, OFFICER, {"place": "车间", "at": "2020-03-02 09:00", "method": "开窗自然通风", "done_by": "门卫"}
    )
    version, _, answer = register_evidence.apply_evidence(db, "officer", inspection_id, version, "GN-04", DAY)
    assert answer.note == "【通风消毒记录】" + register_evidence.evidence_for(db, "GN-04", DAY).text_zh

    inspections.complete(db, "officer", inspection_id, version)
    helpers.lock_as_signed(db, "王经理", inspection_id)
    signed = {
        r.item_id: (r.note, dict(r.measurements or {}))
        for r in inspections.load_inspection(db, inspection_id).responses
    }
    # the register changes after signing: the signed record does not, and the editor cannot re-apply
    site_log.add_entry(
        db,
        OFFICER,
        {
            "place": "电梯按钮",
            "at": "2020-03-03 08:00",
            "method": "含氯消毒液",
            "chlorine_mg_per_l": 1000,
            "contact_minutes": 60,
            "done_by": "保洁",
        },
    )
    site_log.remove_plan(db, OFFICER, site_log.list_plans(db)[0].id)
    area = isolation.set_area(db, OFFICER, {"place": "东门值班室", "capacity": 1})
    assert area and register_evidence.evidence_for(db, "GN-06", DAY).text_zh != gn06.text_zh
    after = {
        r.item_id: (r.note, dict(r.measurements or {}))
        for r in inspections.load_inspection(db, inspection_id).responses
    }
    assert after == signed
    with pytest.raises(RecordLockedError):
        register_evidence.apply_evidence(db, "officer", inspection_id, None, "GN-06", DAY)
    db.close()
