"""A plan adopted on day D makes no gap before D: the core's rule, the stored plan (audited), the gap query on
both backends held to the rule, and GN-06's evidence that no longer counts the days before the plan."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checklist.ledger import LedgerError
from checklist.sites.disinfection import Kind, PlanInput, day_gaps, validate_plan
from storage import site_log
from storage.db import open_database
from storage.errors import InvalidInputError
from storage.models import AuditEntry
from tests.keys import create_account

D = dt.date(2020, 3, 2)
WEEK = [D - dt.timedelta(days=n) for n in range(3, -4, -1)]  # D-3 … D+3
PASSWORD = "plan-start-secret"


def test_no_gap_before_the_plans_start_and_a_plan_without_a_start_counts_every_day() -> None:
    started = PlanInput("电梯按钮", Kind.DISINFECTION, 2, starts_on=D)
    gaps = day_gaps([started], {(D, "电梯按钮", "disinfection"): 1}, WEEK)
    assert [(g.day, g.done) for g in gaps] == [
        (D, 1),
        (D + dt.timedelta(days=1), 0),
        (D + dt.timedelta(days=2), 0),
        (D + dt.timedelta(days=3), 0),
    ]
    assert len(day_gaps([PlanInput("电梯按钮", Kind.DISINFECTION, 2)], {}, WEEK)) == 7
    assert day_gaps([PlanInput("车间", Kind.VENTILATION, 1, starts_on=D + dt.timedelta(days=10))], {}, WEEK) == []
    assert (
        validate_plan({"place": "车间", "kind": "通风", "times_per_day": 2, "starts_on": "2020-03-02"}).starts_on == D
    )
    assert validate_plan({"place": "车间", "kind": "通风", "times_per_day": 2}).starts_on is None
    with pytest.raises(LedgerError) as refused:
        validate_plan({"place": "车间", "kind": "通风", "times_per_day": 2, "starts_on": "3月2日"})
    assert refused.value.field == "starts_on" and "不是日期" in refused.value.message_zh


def test_a_stored_plans_start_is_audited_and_the_gap_query_honours_it(db_url: str) -> None:
    db = open_database(db_url)
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    db.principal = None
    plan = site_log.set_plan(db, "王经理", {"place": "电梯按钮", "kind": "消毒", "times_per_day": 2, "starts_on": D})
    site_log.set_plan(db, "王经理", {"place": "车间", "kind": "通风", "times_per_day": 1})  # no start: every day
    site_log.add_entry(
        db,
        "王经理",
        {
            "place": "电梯按钮",
            "at": "2020-03-02 08:00",
            "method": "含氯消毒液",
            "chlorine_mg_per_l": 500,
            "contact_minutes": 30,
            "done_by": "保洁",
        },
    )
    first, last = WEEK[0], WEEK[-1]
    found = site_log.gaps(db, first, last)
    assert found == site_log.gaps_by_rule(db, first, last)
    lift = [(g.day, g.done) for g in found if g.place == "电梯按钮"]
    assert lift[0] == (D, 1) and all(day >= D for day, _ in lift) and len(lift) == 4
    assert len([g for g in found if g.place == "车间"]) == 7
    assert [p.starts_on for p in site_log.list_plans(db) if p.id == plan] == [D]
    with db.session() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "site_plans").order_by(AuditEntry.id)
        ).all()
        assert rows[0].action == "insert" and rows[0].actor == "王经理" and rows[0].new is not None
        assert rows[0].new["starts_on"] == "2020-03-02"
    # moved to a later start (the plan re-adopted): the days between are no longer short of it
    site_log.set_plan(
        db, "王经理", {"place": "电梯按钮", "kind": "消毒", "times_per_day": 2, "starts_on": D + dt.timedelta(days=2)}
    )
    assert [g.day for g in site_log.gaps(db, first, last) if g.place == "电梯按钮"] == [
        D + dt.timedelta(days=2),
        D + dt.timedelta(days=3),
    ]
    with db.session() as session:
        changed = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "site_plans").order_by(AuditEntry.id.desc())
        ).first()
        assert changed is not None and changed.action == "update" and changed.old is not None
        assert (changed.old["starts_on"], (changed.new or {})["starts_on"]) == ("2020-03-02", "2020-03-04")
    with pytest.raises(InvalidInputError):
        site_log.set_plan(db, "王经理", {"place": "门", "kind": "消毒", "times_per_day": 2, "starts_on": "明天"})
    # GN-06's evidence for D counts no gap before the plan's start
    evidence = site_log.evidence_for(db, "GN-06", D + dt.timedelta(days=1))
    assert evidence.gaps == 0
    db.close()
