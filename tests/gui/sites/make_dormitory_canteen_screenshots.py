"""Screenshots of the site registers' tabs (宿舍登记, 食堂错峰就餐) at the plant PC's 1366×768, into docs/screenshots/.

Run: ``python tests/gui/sites/make_dormitory_canteen_screenshots.py`` (offscreen; a temporary database and settings folder
with the health ledger's sample roster of tests/gui/screenshot_kit.py, plus a register and a canteen).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))


def _site_data(url: str) -> None:
    """Buildings A and B: A101–A110 as the sample roster names them (6 people in some), B01 underground."""
    from storage import canteen, dormitories
    from storage.db import open_database
    from storage.roster import add_employee

    db = open_database(url)
    try:
        a = dormitories.add_building(db, "张伟", "A栋")
        b = dormitories.add_building(db, "张伟", "B栋（地下）")
        for n in range(10):
            area = (24, 18, 16, 30, 20, 15, 24, 12, 28, 22)[n]
            dormitories.save_room(db, "张伟", a, {"name": f"A{101 + n}", "area_m2": area, "beds": 6})
        dormitories.save_room(
            db, "张伟", b, {"name": "B01", "area_m2": 9, "beds": 2, "location": "underground", "bunk_beds": True}
        )
        for n in range(3):
            add_employee(db, "张伟", {"name": f"地下住户{n + 1}", "department": "保洁", "dormitory_room": "B01"})
        canteen.save_canteen_settings(
            db,
            "张伟",
            None,
            {
                "groups": [
                    {"name": "装配车间", "headcount": 240},
                    {"name": "机加工车间", "headcount": 120},
                    {"name": "仓储物流", "headcount": 60},
                    {"name": "质检部", "headcount": 35},
                    {"name": "行政后勤", "headcount": 45},
                ],
                "tables": 40,
                "seats_per_table": 6,
                "seating": "one_direction",
                "meal_minutes": 20,
                "cleaning_minutes": 10,
                "window_start": "11:00",
                "window_end": "13:00",
            },
        )
    finally:
        db.close()


def main() -> int:
    from tests.gui.screenshot_kit import OUT, Studio, ledger_data

    studio = Studio("fugong-site-screens-")
    url = f"sqlite:///{studio.work / 'sites.sqlite3'}"
    ledger_data(url, studio.work)
    _site_data(url)
    window = studio.log_in(url)
    registers = studio.registers(window)
    OUT.mkdir(parents=True, exist_ok=True)
    wait = studio.wait
    dorms = registers.dormitories
    registers.tabs.setCurrentWidget(dorms)
    wait(lambda: not dorms.loading and dorms.model.rowCount() == 11)
    dorms.select_room("A102")
    wait(lambda: "住：" in dorms.occupants_label.text() and dorms.person_combo.count() > 0)
    studio.save(registers, "17-sites-dormitories")
    canteen = registers.canteen
    registers.tabs.setCurrentWidget(canteen)
    wait(lambda: canteen.site_combo.count() > 0 and not canteen.loading and canteen.groups.rowCount() == 5)
    studio.save(registers, "18-sites-canteen")
    print("docs/screenshots/17-sites-dormitories.png\ndocs/screenshots/18-sites-canteen.png")
    registers.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
