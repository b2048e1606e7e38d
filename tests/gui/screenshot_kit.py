"""What the screenshot scripts share (``tests/gui/make_screenshots.py``, ``tests/gui/sites/make_*_screenshots.py``):
the health ledger's sample data they all start from, and the studio they shoot in — an offscreen application
with a temporary database and settings folder of its own, so the user's own data and settings are never
touched. Not a test module (pytest collects ``test_*.py`` only)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020", "赵审计": "zhao-auditor-2020"}


LEDGER_DAY = dt.date(2020, 3, 2)
DEPARTMENTS = ("生产部", "装配车间", "仓储物流部", "后勤部", "质检部")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "霞", "平", "刚")


def ledger_data(url: str, folder: Path) -> Path:
    """A company, a manager and an officer with signing keys, a roster of 60 (IDs and phones on some, logistics
    staff, an outsourced guard), a day's readings with a fever, a symptom and missing ones, two observations
    (one of them back on site too early); returns a roster file with bad rows and duplicates to import."""
    from openpyxl import Workbook

    from checklist.ledger import ROSTER_FIELDS, HalfDay, id_check_character
    from export.signing import create_account
    from storage.companies import CompanyInput, add_site, save_company
    from storage.db import open_database
    from storage.ledger import ReadingEntry, enter_readings, set_retention, start_observation
    from storage.roster import add_employee, record_consent, set_notice, update_employee

    db = open_database(url)
    create_account(db, "王经理", "王经理", "manager", PASSWORDS["王经理"])
    create_account(db, "王经理", "张伟", "officer", PASSWORDS["张伟"], actor_password=PASSWORDS["王经理"])
    set_retention(db, "王经理", 30, None)
    # the company's own notice 2020-03 is in force: those who agreed only to 1.0 are to be asked again
    set_notice(db, "王经理", "2020-03", "见《员工手册》第 5 章“个人信息保护”（2020 年 3 月修订），人事部存档")
    db.close()
    db = open_database(url)  # a handle of the officer's own (creating the accounts logged this one in)
    company = save_company(db, "张伟", CompanyInput("北京示例制造有限公司", "91110000600037341L", "industrial"))
    add_site(db, "张伟", company, "一号厂区")
    ids: list[int] = []
    for n in range(60):
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + ("" if n < 20 else GIVEN[n % 5])
        first17 = f"1101051985{(n % 12) + 1:02d}{(n % 27) + 1:02d}{n:03d}"
        values: dict[str, object] = {
            "name": name,
            "department": DEPARTMENTS[n % len(DEPARTMENTS)],
            "post": ("操作工", "班组长", "库管员", "保洁员", "质检员")[n % 5],
            "dormitory_room": f"A{101 + n // 6}" if n % 3 else "",
        }
        if n % 4 == 0:
            values["id_number"] = first17 + id_check_character(first17)
            values["phone"] = f"138{n:04d}{(n * 37) % 10000:04d}"
        if n % 5 == 3:
            values["category"] = ("保洁", "保安", "食堂")[n % 3]
        if n == 8:
            values.update({"category": "保安", "outsourcing_company": "京保安服务公司"})
        ids.append(add_employee(db, "张伟", values))
        if n % 3:
            record_consent(db, "张伟", ids[-1], dt.date(2020, 2, 20 + n % 7), "1.0")
        if n % 3 == 1:
            record_consent(db, "张伟", ids[-1], dt.date(2020, 3, 1), "2020-03")
    start_observation(db, "张伟", ids[5], "home", dt.date(2020, 2, 24), "2 月 23 日自湖北返京")
    start_observation(db, "张伟", ids[11], "central", dt.date(2020, 2, 27), "密切接触者")
    update_employee(db, "张伟", ids[11], {"status": "在岗"})
    morning = [ReadingEntry(i, f"36.{(k * 3) % 9}") for k, i in enumerate(ids) if k not in (7, 12)]
    morning[2] = ReadingEntry(ids[2], "38.3")
    morning[15] = ReadingEntry(ids[15], "36.8", "干咳")
    enter_readings(db, "张伟", LEDGER_DAY, HalfDay.MORNING, morning, now_local=dt.datetime(2020, 3, 2, 9, 30))
    afternoon = [ReadingEntry(i, f"36.{(k * 5) % 9}") for k, i in enumerate(ids) if k < 30 and k != 7]
    enter_readings(db, "张伟", LEDGER_DAY, HalfDay.AFTERNOON, afternoon, now_local=dt.datetime(2020, 3, 2, 15, 0))
    db.close()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([zh for _, zh, _ in ROSTER_FIELDS])
    rows = [
        {"name": "钱八", "department": "食堂", "category": "食堂"},
        {"name": "孙九", "id_number": "110105194912310021"},
        {"name": "周十", "phone": "13900002222"},
        {"name": "周十", "phone": "13900002222"},
        {"name": "吴一", "status": "出差"},
        {"name": "郑二", "department": "装配车间", "return_date": "2020-03-01", "returned_from": "河北保定"},
        {"name": "冯三", "phone": "1380000"},
    ]
    for row in rows:
        sheet.append([row.get(key, "") for key, _, _ in ROSTER_FIELDS])
    path = folder / "花名册-新员工.xlsx"
    book.save(path)
    gate = folder / "东门测温门-0303.csv"
    gate.write_text(
        "序号,人员姓名,通行时间,体表温度,设备\n"
        "1,王伟,2020-03-02 16:01:02,36.5,东门\n"
        "2,李勇,2020-03-02 16:02:40,37.6,东门\n"
        "3,访客甲,2020-03-02 16:03:00,36.4,东门\n"
        "4,张平,2020-03-02 16:04:10,98.6,东门\n"
        "5,刘磊,2020-03-02 16:05:00,36.6,东门\n",
        encoding="utf-8",
    )
    return path


def plant_pc_screen(scale: int) -> str:
    """The offscreen platform with the GUI tests' screen (1366×768 less a taskbar, plant_pc_screen.json), its
    pixels multiplied by ``scale`` so that at QT_SCALE_FACTOR ``scale`` the windows see the same 1366×728.

    Without it the offscreen screen is 800×800: windows that fit themselves to the screen (the audit window)
    came out 784×760 in the screenshots, taller than the plant PC's screen, while the tests saw them fit."""
    import json

    config = json.loads((Path(__file__).with_name("plant_pc_screen.json")).read_text(encoding="utf-8"))
    for screen in config["screens"]:
        screen["width"], screen["height"] = screen["width"] * scale, screen["height"] * scale
    path = Path(tempfile.mkdtemp(prefix="fugong-screen-")) / "screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"


class Studio:
    """An offscreen QApplication in a temporary folder of its own (``work``: databases, settings, the XDG
    folders). ``platform``: the Qt platform to shoot on (None: offscreen unless QT_QPA_PLATFORM is set);
    ``suffix`` ends every file name (``@2x``); ``timeout``: seconds :meth:`wait` waits at the most."""

    def __init__(self, prefix: str, platform: str | None = "offscreen", suffix: str = "", timeout: int = 60) -> None:
        if platform is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        else:
            os.environ["QT_QPA_PLATFORM"] = platform
        self.work = Path(tempfile.mkdtemp(prefix=prefix))
        os.environ["XDG_CONFIG_HOME"] = str(self.work / "config")
        os.environ["XDG_DATA_HOME"] = str(self.work / "data")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.work / "settings"))
        self.app = QApplication([])
        from desktop.app import configure_application

        configure_application(self.app)
        self.suffix = suffix
        self.timeout = timeout
        self.written: list[Path] = []

    def save(self, widget: Any, name: str) -> Path:
        """Grab ``widget`` as it is on screen into ``OUT/name{suffix}.png``."""
        self.app.processEvents()
        path = OUT / f"{name}{self.suffix}.png"
        widget.grab().save(str(path))
        self.written.append(path)
        return path

    def wait(self, condition: Callable[[], object]) -> None:
        """Run the event loop until ``condition()`` holds (TimeoutError after ``timeout`` seconds)."""
        deadline = time.monotonic() + self.timeout
        while not condition():
            self.app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError(f"the app did not get there in {self.timeout} s")
            time.sleep(0.01)

    def log_in(self, url: str, user: str = "张伟") -> Any:
        """Start the application on ``url`` and log in as ``user`` (password :data:`PASSWORDS`); the main window."""
        from desktop.app import FugongApp

        window = FugongApp(url).start()
        self.wait(lambda: window.loaded and window.login_dialog is not None)
        login = window.login_dialog
        login.name_edit.setText(user)
        login.password_edit.setText(PASSWORDS[user])
        login.ok_button.click()
        self.wait(lambda: window.account is not None)
        return window

    def registers(self, window: Any) -> Any:
        """The registers window (台账) opened from ``window``, at the plant PC's 1366×768."""
        window.show_registers()
        registers = window.registers_window
        registers.resize(1366, 768)
        return registers
