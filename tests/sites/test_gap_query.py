"""The gap view's SQL (one recursive query that returns only the gaps) gives exactly the core rule's answer
(:func:`checklist.sites.disinfection.day_gaps` over every count), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

from storage import auth, site_log
from storage.db import open_database

FIRST = dt.date(2020, 2, 27)


def test_the_gap_query_agrees_with_the_rule(db_url: str) -> None:
    db = open_database(db_url)
    try:
        auth.create_user(db, "setup", "王经理", "manager", "long enough password")
        for place, kind, times in (
            ("电梯按钮", "消毒", 4),
            ("门把手", "消毒", 2),
            ("车间", "通风", 2),
            ("空仓库", "通风", 1),
        ):
            site_log.set_plan(db, "王经理", {"place": place, "kind": kind, "times_per_day": times})
        logged = {
            # (day offset, place, method): times
            (0, "电梯按钮", "含氯消毒液"): 4,
            (1, "电梯按钮", "含氯消毒液"): 3,
            (1, "车间", "开窗自然通风"): 2,
            (1, "车间", "含氯消毒液"): 5,  # disinfection of the workshop is not its ventilation
            (2, "门把手", "75% 酒精擦拭"): 6,
            (3, "未计划的走廊", "紫外线灯照射"): 1,
            (5, "电梯按钮", "含氯消毒液"): 1,  # outside the span asked for
        }
        for (offset, place, method), times in logged.items():
            for n in range(times):
                values: dict[str, object] = {
                    "place": place,
                    "at": dt.datetime.combine(FIRST + dt.timedelta(days=offset), dt.time(8 + n, 0)),
                    "method": method,
                    "done_by": "保洁组",
                }
                if method == "含氯消毒液":
                    values.update({"chlorine_mg_per_l": 500, "contact_minutes": 30})
                site_log.add_entry(db, "王经理", values)
        last = FIRST + dt.timedelta(days=3)  # across the end of February 2020, a leap year
        found = site_log.gaps(db, FIRST, last)
        assert found == site_log.gaps_by_rule(db, FIRST, last)
        assert len(found) == 4 * 4 - 3  # 16 planned (day, place, kind), met: 电梯按钮 day 0, 车间 day 1, 门把手 day 2
        second = {(g.place, g.kind.value, g.done) for g in found if g.day == FIRST + dt.timedelta(days=1)}
        assert second == {("空仓库", "ventilation", 0), ("电梯按钮", "disinfection", 3), ("门把手", "disinfection", 0)}
        assert site_log.gaps(db, dt.date(2020, 2, 29), dt.date(2020, 2, 29)) == [
            g for g in found if g.day == dt.date(2020, 2, 29)
        ]
    finally:
        db.close()
