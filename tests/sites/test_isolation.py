"""The isolation area (GN 四（十四）（十五）) without Qt: the area and its uses checked, a flagged reading turned
into an isolation record in one step, the places closed and their disinfection logged and linked, the steps
still open, GN-14 / GN-15 evidence — and no name or health detail in the audit trail or the evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.ledger import HalfDay
from checklist.sites.disinfection import SiteError
from checklist.sites.isolation import (
    AreaFact,
    ClosureState,
    UseFact,
    evidence_for,
    open_steps,
    over_capacity,
    validate_area,
    validate_use,
)
from storage import audit, inspections, isolation, ledger, site_log
from storage.db import open_database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from storage.models import AuditEntry
from tests.ledger.helpers import DAY, MORNING_TIME, accounts, people
from tests.storage import helpers

START = dt.datetime(2026, 11, 30, 9, 20)


def test_areas_and_uses_are_checked() -> None:
    assert validate_area({"place": "东门值班室", "capacity": "2", "supplies": "体温计"}).capacity == 2
    for capacity in ("0", "201", "two"):
        with pytest.raises(SiteError):
            validate_area({"place": "东门值班室", "capacity": capacity})
    use = validate_use({"employee_id": 3, "started_at": START, "temperature_c": "38.1", "symptoms": "干咳、乏力"})
    assert use.temperature_c == 38.1 and use.symptoms == 2 | 4 and use.cdc_reported_at is None
    with pytest.raises(SiteError) as early:
        validate_use({"employee_id": 3, "started_at": START, "cdc_reported_at": "2026-11-30 08:00"})
    assert "不能早于" in early.value.message_zh
    with pytest.raises(SiteError):
        validate_use({"employee_id": 3, "started_at": START, "temperature_c": "98.6"})
    with pytest.raises(SiteError):
        validate_use({"employee_id": "张三", "started_at": START})
    assert over_capacity(2, 2) and not over_capacity(2, 1)


def test_open_steps_and_evidence_name_nobody() -> None:
    assert [s[0] for s in open_steps(None, "", [])] == [
        "尚未记录报告疾控部门（GN 四（十四））",
        "尚未记录就医去向（GN 四（十四））",
        "尚未记录封闭其工作岗位和宿舍（GN 四（十五））",
    ]
    closures = [ClosureState("A101 宿舍", True), ClosureState("二车间", False)]
    assert open_steps(START, "区医院发热门诊", closures) == [
        ("二车间 已封闭，尚未记录消毒（GN 四（十五））", "二车间 closed, not yet disinfected (GN 4 (15))")
    ]
    area = AreaFact("东门值班室", 2, "体温计、口罩")
    use = UseFact(7, START, START + dt.timedelta(minutes=20), "区医院发热门诊", closures)
    gn14 = evidence_for("GN-14", [area], [use])
    assert gn14.text_zh == (
        "隔离观察区域：东门值班室（2 人，配备体温计、口罩）；使用 1 次；2026-11-30 09:20 员工 #7：09:40 报告疾控，送 区医院发热门诊"
    )
    gn15 = evidence_for("GN-15", [area], [use])
    assert gn15.text_zh == "1 次隔离后封闭 2 处，已消毒 1 处；未消毒：二车间" and gn15.open_steps == 1
    assert evidence_for("GN-15", [area], []).open_steps == 0
    assert "尚未登记" in evidence_for("GN-14", [], []).text_zh


def test_a_flagged_reading_becomes_an_isolation_record_in_one_step(db_url: str) -> None:
    db = open_database(db_url)
    accounts(db)
    ids = people(db)
    ledger.enter_readings(
        db,
        "officer",
        DAY,
        HalfDay.MORNING,
        [ledger.ReadingEntry(ids["张三"], "38.2", "干咳"), ledger.ReadingEntry(ids["李四"], "36.5")],
        now_local=MORNING_TIME,
    )
    with pytest.raises(PermissionDeniedError):
        isolation.set_area(db, "auditor", {"place": "东门值班室", "capacity": 1})
    area = isolation.set_area(
        db, "officer", {"place": "东门值班室", "capacity": 1, "supplies": "体温计、口罩、消毒用品"}
    )
    flagged = isolation.flagged_without_use(db, DAY)
    assert [(f.employee_id, f.name, f.temperature_c, f.symptoms_zh) for f in flagged] == [
        (ids["张三"], "张三", 38.2, "干咳")
    ]
    use_id, full = isolation.propose_from_reading(db, "officer", area, ids["张三"], DAY, HalfDay.MORNING, START)
    assert not full and isolation.flagged_without_use(db, DAY) == []
    with pytest.raises(NotFoundError):  # 李四 was not flagged: no proposal from a normal reading
        isolation.propose_from_reading(db, "officer", area, ids["李四"], DAY, HalfDay.MORNING, START)
    # a second person while the area (capacity 1) is occupied: recorded, with the warning
    _, full = isolation.record_use(
        db, "officer", area, {"employee_id": ids["王五"], "started_at": START, "symptoms": "乏力"}
    )
    assert full and isolation.list_areas(db)[0].present == 2
    with pytest.raises(NotFoundError):
        isolation.record_use(db, "officer", area, {"employee_id": 999, "started_at": START})

    view = next(u for u in isolation.uses(db) if u.id == use_id)
    assert (view.name, view.temperature_c, view.symptoms_zh, view.area) == ("张三", 38.2, "干咳", "东门值班室")
    assert len(view.open_steps()) == 3
    isolation.update_use(db, "officer", use_id, {"cdc_reported_at": "2026-11-30 09:35", "referred_to": ""})
    reported = next(u for u in isolation.uses(db) if u.id == use_id)
    assert reported.cdc_reported_at == dt.datetime(2026, 11, 30, 9, 35)
    assert reported.open_steps()[0][0] == "尚未记录就医去向（GN 四（十四））"
    isolation.update_use(db, "officer", use_id, {"referred_to": "区医院发热门诊"})
    with pytest.raises(InvalidInputError):
        isolation.update_use(db, "officer", use_id, {"ended_at": "2026-11-30 08:00"})
    dorm = isolation.close_place(db, "officer", use_id, "A101 宿舍", "2026-11-30 09:40")
    workshop = isolation.close_place(db, "officer", use_id, "二车间", "2026-11-30 09:45")
    with pytest.raises(InvalidInputError):
        isolation.close_place(db, "officer", use_id, "食堂", "2026-11-30 08:00")
    disinfection = {
        "at": "2026-11-30 11:00",
        "method": "含氯消毒液",
        "chlorine_mg_per_l": 1000,
        "contact_minutes": 30,
        "done_by": "区疾控指导 保洁组",
    }
    with pytest.raises(InvalidInputError):  # opening the windows is not disinfecting a closed dormitory
        isolation.record_disinfection(db, "officer", dorm, {**disinfection, "method": "开窗自然通风"})
    with pytest.raises(InvalidInputError):
        isolation.record_disinfection(db, "officer", dorm, {**disinfection, "at": "2026-11-30 09:00"})
    entry_id = isolation.record_disinfection(db, "officer", dorm, disinfection)
    logged = [e for e in site_log.entries_of_day(db, DAY) if e.id == entry_id]
    assert [(e.place, e.reference_ok) for e in logged] == [("A101 宿舍", True)]
    view = next(u for u in isolation.uses(db) if u.id == use_id)
    assert [(c.place, c.disinfected_at) for c in view.closures] == [
        ("A101 宿舍", dt.datetime(2026, 11, 30, 11, 0)),
        ("二车间", None),
    ]
    assert [s[0] for s in view.open_steps()] == ["二车间 已封闭，尚未记录消毒（GN 四（十五））"]
    assert workshop > dorm

    inspection_id, version = helpers.draft(db, ("GN",))
    # the evidence as of DAY (the draft is dated ten days before the uses, whose own evidence has none of them)
    version, gn14 = isolation.apply_evidence(db, "officer", inspection_id, version, "GN-14", DAY)
    _, gn15 = isolation.apply_evidence(db, "officer", inspection_id, version, "GN-15", DAY)
    responses = {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}
    assert responses["GN-14"].note.startswith(
        "【隔离观察区】隔离观察区域：东门值班室（1 人，配备体温计、口罩、消毒用品）；使用 2 次"
    )
    assert responses["GN-15"].note == "【隔离观察区】2 次隔离后封闭 2 处，已消毒 1 处；未消毒：二车间；1 次未记录封闭"
    assert gn14.open_steps == 2 and gn15.open_steps == 2  # 王五: no CDC report, no referral
    # personal data: no name, symptom or temperature in the audit trail, nor in the checklist's evidence
    with db.session() as session:
        trail = [
            audit.canonical_json([e.old, e.new])
            for e in session.scalars(select(AuditEntry).where(AuditEntry.table_name.like("isolation%"))).all()
        ]
    assert trail and not any(
        word in line for line in trail for word in ("张三", "王五", "干咳", "乏力", "382", "发热门诊")
    )
    assert not any(name in gn14.text_zh + gn15.text_zh for name in ("张三", "王五"))
    db.close()


def test_an_inspection_s_evidence_shows_no_use_begun_after_its_day(sqlite_url: str) -> None:
    """GN-14/GN-15 read the uses begun by the end of the inspection's day: a use recorded the day after is
    not evidence for it (it is for an inspection of that later day)."""
    from storage import register_evidence

    db = open_database(sqlite_url)
    accounts(db)
    ids = people(db)
    area = isolation.set_area(db, "officer", {"place": "东门值班室", "capacity": 2})
    isolation.record_use(db, "officer", area, {"employee_id": ids["张三"], "started_at": START})
    later = START + dt.timedelta(days=1)
    isolation.record_use(db, "officer", area, {"employee_id": ids["王五"], "started_at": later})
    day = START.date()
    assert [u.employee_id for u in isolation.uses(db, up_to=day)] == [ids["张三"]]
    assert [u.employee_id for u in isolation.uses(db)] == [ids["王五"], ids["张三"]]
    on_the_day = register_evidence.evidence_for(db, "GN-14", day).text_zh
    next_day = register_evidence.evidence_for(db, "GN-14", later.date()).text_zh
    assert f"员工 #{ids['张三']}" in on_the_day and f"员工 #{ids['王五']}" not in on_the_day
    assert f"员工 #{ids['王五']}" in next_day and "使用 2 次" in next_day and "使用 1 次" in on_the_day
    db.close()


def test_every_use_counts_toward_the_verdict_and_the_text_sums_up_the_earlier_ones() -> None:
    """A use 25 uses back that was never reported to the CDC is still a gap (before: only the last 3 were
    judged, and the count said 20 when the register held more); the text details the last three."""
    area = AreaFact("东门值班室", 2, "")
    reported = [
        UseFact(n, START - dt.timedelta(days=n), START - dt.timedelta(days=n, minutes=-10), "区医院", [])
        for n in range(1, 25)
    ]
    unreported = UseFact(99, START - dt.timedelta(days=40), None, "", [ClosureState("二车间", False)])
    gn14 = evidence_for("GN-14", [area], [*reported, unreported])
    assert "使用 25 次" in gn14.text_zh and gn14.text_zh.count("员工 #") == 3
    assert gn14.text_zh.endswith("；更早的 22 次中有 1 次未记录报告疾控或就医去向")
    assert gn14.open_steps == 2 and evidence_for("GN-14", [area], reported).open_steps == 0
    gn15 = evidence_for("GN-15", [area], [*reported, unreported])
    assert gn15.text_zh == "25 次隔离后封闭 1 处，已消毒 0 处；未消毒：二车间；24 次未记录封闭"
    many = [UseFact(n, START, START, "区医院", [ClosureState(f"宿舍{n}", False)]) for n in range(12)]
    assert evidence_for("GN-15", [area], many).text_zh.endswith("宿舍9等 12 处")


def test_a_person_isolated_from_the_morning_is_not_offered_again_for_the_afternoon(db_url: str) -> None:
    """Usability row #49: 王五 isolated from his morning fever was offered again for his afternoon reading.
    Once isolated that day (or while still in the area) nobody is offered twice; a normal day after the use
    ended, a new fever is offered again."""
    from tests.ledger.helpers import EVENING_TIME

    db = open_database(db_url)
    accounts(db)
    ids = people(db)
    enter = ledger.enter_readings
    enter(db, "officer", DAY, HalfDay.MORNING, [ledger.ReadingEntry(ids["张三"], "38.2")], now_local=MORNING_TIME)
    area = isolation.set_area(db, "officer", {"place": "东门值班室", "capacity": 2})
    use_id, _ = isolation.propose_from_reading(db, "officer", area, ids["张三"], DAY, HalfDay.MORNING, START)
    enter(db, "officer", DAY, HalfDay.AFTERNOON, [ledger.ReadingEntry(ids["张三"], "37.9")], now_local=EVENING_TIME)
    assert isolation.flagged_without_use(db, DAY) == []
    # the next day, still in the area: not offered; once the use ended, a new fever is offered
    next_day = DAY + dt.timedelta(days=1)
    morning = dt.datetime.combine(next_day, MORNING_TIME.time())
    enter(db, "officer", next_day, HalfDay.MORNING, [ledger.ReadingEntry(ids["张三"], "38.0")], now_local=morning)
    assert isolation.flagged_without_use(db, next_day) == []
    isolation.update_use(db, "officer", use_id, {"ended_at": f"{next_day.isoformat()} 08:00"})
    assert [f.employee_id for f in isolation.flagged_without_use(db, next_day)] == [ids["张三"]]
    db.close()
