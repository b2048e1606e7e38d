"""Sample data shared by the tests and the benchmarks (plain rows; no database)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from checklist.workflow import InspectionStatus
from storage.listing import InspectionRow


def inspection_history(count: int) -> list[InspectionRow]:
    """``count`` rows of an inspections list: 37 companies, 11 sites, 900 days, every status."""
    statuses = tuple(InspectionStatus)
    return [
        InspectionRow(
            id=i,
            company=f"北京示例企业{i % 37}",
            site=f"{i % 11}号厂区" if i % 5 else "",
            date=dt.date(2020, 1, 1) + dt.timedelta(days=i % 900),
            inspector=f"检查人{i % 7}",
            status=statuses[i % 3],
            passed=i % 20,
            failed=i % 3,
            na=i % 2,
            unchecked=i % 4,
            open_actions=i % 3,
        )
        for i in range(1, count + 1)
    ]


# A fugong.inspection/1 exchange document as a script would write it: a company, two answers, a dormitory room
# and a corrective action (the exchange tests import it; the bad-input corpus spoils it one field at a time).
MINIMAL_EXCHANGE: dict[str, Any] = {
    "format": "fugong.inspection/1",
    "company": {
        "name": "北京示例制造有限公司",
        "credit_code": "91110000600037341L",
        "address": "北京市大兴区",
        "district": "大兴区",
        "type": "industrial",
        "headcount": 80,
    },
    "inspection": {
        "date": "2026-11-20",
        "inspector": "张三",
        "site": "宿舍楼",
        "catalogs": ["GN", "BJHQ"],
        "responses": [
            {"item": "GN-01", "measurements": {"checks_per_day": 2}, "note": "上下午各一次"},
            {"item": "GN-02", "result": "fail"},
        ],
        "dormitory_rooms": [
            {
                "name": "A101",
                "area_m2": 18,
                "occupants": 6,
                "location": "above_ground",
                "has_window": True,
                "bunk_beds": False,
            }
        ],
        "corrective_actions": [
            {"item": "GN-02", "action": "设立报告电话", "owner": "李四", "due": "2026-11-25", "status": "open"}
        ],
    },
}
