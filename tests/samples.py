"""Sample data shared by the tests and the benchmarks (plain rows; no database)."""

from __future__ import annotations

import datetime as dt

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
