"""Screenshots of the site registers' tabs (通风消毒, 隔离观察区) at the plant PC's 1366×768, into docs/screenshots/,
and the signed PDF of a day of the log rendered to PNG beside them for a look.

Run: ``python tests/gui/sites/make_site_screenshots.py`` (offscreen; a temporary database and settings folder
with the health ledger's sample data of ``tests/gui/screenshot_kit.py`` plus a log and an isolation).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.gui.screenshot_kit import LEDGER_DAY, PASSWORDS, Studio, ledger_data, plant_pc_screen  # noqa: E402

PLANS = (
    ("电梯按钮", "消毒", 4),
    ("门把手", "消毒", 4),
    ("一号车间", "通风", 2),
    ("食堂", "消毒", 2),
    ("宿舍 A 楼", "通风", 2),
)


def _site_data(url: str) -> None:
    """Plans, two days of the log (the first signed off), an isolation area and one use followed up."""
    from checklist.ledger import HalfDay
    from export.site_reports import sign_log_day
    from storage import isolation, site_log
    from storage.db import open_database
    from storage.ledger import flagged_readings

    db = open_database(url)
    for place, kind, times in PLANS:
        start = LEDGER_DAY - dt.timedelta(days=1)  # adopted the day before: no gap counted before it
        site_log.set_plan(db, "张伟", {"place": place, "kind": kind, "times_per_day": times, "starts_on": start})
    for day in (LEDGER_DAY - dt.timedelta(days=1), LEDGER_DAY):
        stamp = day.isoformat()
        rows: list[dict[str, object]] = []
        for hour in (8, 11, 14, 17):
            rows.append(
                {
                    "place": "电梯按钮",
                    "at": f"{stamp} {hour:02d}:10",
                    "method": "含氯消毒液",
                    "chlorine_mg_per_l": 500,
                    "contact_minutes": 30,
                    "done_by": "保洁 刘桂英",
                }
            )
        for hour in (8, 14):
            rows.append(
                {"place": "门把手", "at": f"{stamp} {hour:02d}:20", "method": "75% 酒精擦拭", "done_by": "保洁 刘桂英"}
            )
            rows.append(
                {
                    "place": "一号车间",
                    "at": f"{stamp} {hour:02d}:00",
                    "method": "开窗自然通风",
                    "duration_minutes": 30,
                    "done_by": "班组长 陈强",
                }
            )
        rows.append(
            {
                "place": "食堂",
                "at": f"{stamp} 13:30",
                "method": "含氯消毒液",
                "chlorine_mg_per_l": 250 if day == LEDGER_DAY else 500,
                "contact_minutes": 20 if day == LEDGER_DAY else 30,
                "done_by": "食堂 马秀英",
                "mask_bins_cleared": True,
                "waste_cleared": True,
            }
        )
        rows.append(
            {
                "place": "宿舍 A 楼",
                "at": f"{stamp} 07:30",
                "method": "开窗自然通风",
                "duration_minutes": 60,
                "done_by": "宿管 周平",
                "mask_bins_cleared": True,
            }
        )
        for row in rows:
            site_log.add_entry(db, "张伟", row)
    db.close()
    own = open_database(url)
    try:
        sign_log_day(own, LEDGER_DAY - dt.timedelta(days=1), "张伟", PASSWORDS["张伟"], "北京示例制造有限公司")
    finally:
        own.close()
    db = open_database(url)
    area = isolation.set_area(
        db, "张伟", {"place": "东门值班室（独立房间）", "capacity": 2, "supplies": "体温计、口罩、消毒用品、警戒带"}
    )
    fever = next(r for r in flagged_readings(db, LEDGER_DAY).rows if r.temperature_c is not None)
    use, _ = isolation.propose_from_reading(
        db, "张伟", area, fever.employee_id, LEDGER_DAY, HalfDay(fever.half), dt.datetime(2020, 3, 2, 9, 40)
    )
    isolation.update_use(db, "张伟", use, {"cdc_reported_at": "2020-03-02 09:55", "referred_to": "朝阳区医院发热门诊"})
    dorm = isolation.close_place(db, "张伟", use, "宿舍 A 楼 105", "2020-03-02 10:05")
    isolation.close_place(db, "张伟", use, "装配车间 3 号工位", "2020-03-02 10:10")
    isolation.record_disinfection(
        db,
        "张伟",
        dorm,
        {
            "at": "2020-03-02 11:30",
            "method": "含氯消毒液",
            "chlorine_mg_per_l": 1000,
            "contact_minutes": 30,
            "done_by": "区疾控指导 保洁组",
        },
    )
    db.close()


def shoot() -> list[Path]:
    # the plant PC's 1366×768 less a taskbar
    studio = Studio("fugong-site-screens-", platform=plant_pc_screen(1))
    work, save, wait = studio.work, studio.save, studio.wait
    from PySide6.QtCore import QDate, QDateTime, QTime

    url = f"sqlite:///{work / 'sites.sqlite3'}"
    ledger_data(url, work)
    _site_data(url)
    window = studio.log_in(url)
    registers = studio.registers(window)
    day = QDate(LEDGER_DAY.year, LEDGER_DAY.month, LEDGER_DAY.day)

    log = registers.disinfection
    registers.tabs.setCurrentWidget(log)
    log.date_edit.setDate(day)
    wait(lambda: not log.working)  # the day is read on the thread pool
    log.plan_start.setDate(day)
    log.time_edit.setTime(QTime(17, 40))
    log.place_edit.setEditText("电梯按钮")
    log.table.selectRow(6)
    save(registers, "17-site-disinfection-log")

    page = registers.isolation
    registers.tabs.setCurrentWidget(page)
    page.date_edit.setDate(day)
    wait(lambda: not page.working)
    page.time_edit.setDateTime(QDateTime(day, QTime(15, 20)))
    page.table.selectRow(0)
    save(registers, "18-site-isolation")
    registers.close()

    # 登记依据 in the inspection editor: GN-06 with the log's line and verdict, applied into the item
    from storage.companies import list_companies
    from storage.db import open_database as open_db
    from storage.inspections import create_inspection

    own = open_db(url)
    try:
        company = list_companies(own)[0]
        site_id = company.sites[0].id if company.sites else None
        inspection_id = create_inspection(own, "张伟", company.id, LEDGER_DAY, "张伟", ["GN"], site_id=site_id)
    finally:
        own.close()
    window.resize(1366, 728)
    window.open_inspection(inspection_id)
    wait(lambda: window.editor is not None and window.editor.inspection_id == inspection_id)
    view = window.inspection_view
    view.go_to_item("GN-06")
    item = view.item_page
    wait(lambda: item.register_evidence is not None)
    item.register_apply.click()
    wait(lambda: "【通风消毒记录】" in item.note_edit.toPlainText())
    item.ensureWidgetVisible(item.register_box)
    save(window, "21-site-register-evidence")

    # the audit window: the signed day of the log verified
    window.show_audit()
    audit = window.audit_window
    wait(lambda: not audit.loading and audit.days.rowCount() > 0)
    audit.record_tabs.setCurrentIndex(1)
    audit.days_view.selectRow(0)
    audit.verify_selected_day()
    wait(lambda: bool(audit.result_lines))
    save(audit, "22-site-audit-signed-days")
    audit.close()
    window.close()

    from export.site_reports import write_log_day
    from storage.db import open_database

    db = open_database(url)
    pdf = work / "通风消毒记录.pdf"
    write_log_day(db, LEDGER_DAY - dt.timedelta(days=1), pdf)
    db.close()
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(work / "log-page")], check=True)
    print(work / "log-page.png", pdf)
    return studio.written


if __name__ == "__main__":
    for shot in shoot():
        print(shot.relative_to(ROOT))
