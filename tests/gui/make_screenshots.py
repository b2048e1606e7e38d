"""Screenshots of the main screens at 100 % and 200 % scale, into docs/screenshots/.

Run: ``python tests/gui/make_screenshots.py`` (offscreen; a temporary database and settings folder with
sample data; the user's own data and settings are never touched). Each scale runs in its own process
because QT_SCALE_FACTOR is read when Qt starts. ``--ledger`` shoots only the health ledger's windows (台账),
at 100 % and at the plant PC's 1366×768.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
ROOMS = [
    {
        "name": "A101",
        "area_m2": 18.0,
        "occupants": 6,
        "location": "above_ground",
        "has_window": True,
        "bunk_beds": False,
    },
    {
        "name": "A102",
        "area_m2": 24.0,
        "occupants": 4,
        "location": "above_ground",
        "has_window": True,
        "bunk_beds": True,
    },
    {"name": "B01", "area_m2": 9.0, "occupants": 2, "location": "underground", "has_window": False, "bunk_beds": False},
    {
        "name": "B02",
        "area_m2": 20.0,
        "occupants": 3,
        "location": "semi_basement",
        "has_window": False,
        "bunk_beds": False,
    },
]


PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020", "赵审计": "zhao-auditor-2020"}


def _as_someone(url: str, work: Callable[[Any], object]) -> None:
    """Do ``work`` through a database handle of its own: signing logs a person in on that handle, and from
    then on it acts only for them (as each person's own computer would)."""
    from storage.db import open_database

    own = open_database(url)
    try:
        work(own)
    finally:
        own.close()


def _sample_data(url: str, photo: Path) -> tuple[int, int, int]:
    """Accounts, three completed inspections (the first signed by the officer and approved by the manager) and
    an open draft; returns (draft, signed, completed)."""
    from checklist.evaluation import Answer, Result
    from export.signing import create_account, sign
    from storage.actions import add_action
    from storage.companies import CompanyInput, add_site, save_company
    from storage.db import open_database
    from storage.inspections import add_evidence, complete, create_inspection, load_inspection, save_answer, set_rooms

    actor = "张伟"
    db = open_database(url)
    create_account(db, "王经理", "王经理", "manager", PASSWORDS["王经理"])
    create_account(db, "王经理", "张伟", "officer", PASSWORDS["张伟"], actor_password=PASSWORDS["王经理"])
    create_account(db, "王经理", "赵审计", "auditor", PASSWORDS["赵审计"], actor_password=PASSWORDS["王经理"])
    db.close()  # creating the accounts logged 王经理 in on that handle: a fresh one acts for whoever is named
    db = open_database(url)
    completed: list[int] = []
    # The company and its sites are the manager's (a second site is a manager's change).
    company = save_company(db, "王经理", CompanyInput("北京示例制造有限公司", "91110000600037341L", "industrial"))
    plant = add_site(db, "王经理", company, "一号厂区")
    dorm = add_site(db, "王经理", company, "员工宿舍楼")
    for offset, site in ((40, plant), (33, dorm), (12, plant)):
        done = create_inspection(
            db, actor, company, dt.date(2020, 3, 20) - dt.timedelta(days=offset), "李娜", ("GN",), site_id=site
        )
        inspection = load_inspection(db, done)
        version = inspection.version
        for response in inspection.responses:
            version = save_answer(db, actor, done, version, response.item_id, Answer(Result.PASS))
        complete(db, actor, done, version)
        completed.append(done)
    _as_someone(url, lambda own: sign(own, completed[0], "张伟", PASSWORDS["张伟"], "inspector", _signature_png()))
    _as_someone(url, lambda own: sign(own, completed[0], "王经理", PASSWORDS["王经理"], "approver"))
    inspection_id = create_inspection(db, actor, company, dt.date(2020, 3, 20), actor, ("GN", "BJHQ"), site_id=dorm)
    version = load_inspection(db, inspection_id).version
    version = save_answer(db, actor, inspection_id, version, "GN-01", Answer(Result.FAIL, {"checks_per_day": "1"}))
    version = save_answer(db, actor, inspection_id, version, "GN-02", Answer(Result.PASS))
    version = save_answer(db, actor, inspection_id, version, "GN-03", Answer(Result.PASS, note="入口测温点 2 处"))
    version = set_rooms(db, actor, inspection_id, version, ROOMS)
    version = save_answer(db, actor, inspection_id, version, "BJHQ-3", Answer(Result.FAIL))
    _, version = add_evidence(db, actor, inspection_id, version, "GN-01", "体温登记表.png", photo.read_bytes())
    _, version = add_action(
        db, actor, inspection_id, version, "GN-01", "宿舍员工改为上下午各测一次体温", "王强", dt.date(2020, 3, 22)
    )
    db.close()
    return inspection_id, completed[0], completed[-1]


def _follow_up_data(url: str) -> int:
    """A signed and approved inspection with three corrective actions: one verified, one done, one open."""
    from checklist.evaluation import Answer, Result
    from export.signing import create_account, sign
    from storage.actions import add_action, follow_up_action
    from storage.companies import CompanyInput, add_site, save_company
    from storage.db import open_database
    from storage.inspections import complete, create_inspection, load_inspection, save_answer

    actor = "张伟"
    db = open_database(url)
    create_account(db, "王经理", "王经理", "manager", PASSWORDS["王经理"])
    create_account(db, "王经理", "张伟", "officer", PASSWORDS["张伟"], actor_password=PASSWORDS["王经理"])
    db.close()  # as in _sample_data: a fresh handle, not the one 王经理 is logged in on
    db = open_database(url)
    company = save_company(db, "王经理", CompanyInput("北京示例制造有限公司", "91110000600037341L", "industrial"))
    dorm = add_site(db, "王经理", company, "员工宿舍楼")
    inspection_id = create_inspection(db, actor, company, dt.date(2020, 3, 10), actor, ("GN",), site_id=dorm)
    version = load_inspection(db, inspection_id).version
    version = save_answer(db, actor, inspection_id, version, "GN-01", Answer(Result.FAIL, {"checks_per_day": "1"}))
    for item_id in ("GN-04", "GN-10"):
        version = save_answer(db, actor, inspection_id, version, item_id, Answer(Result.FAIL))
    for response in load_inspection(db, inspection_id).responses:
        if response.final is None:
            version = save_answer(db, actor, inspection_id, version, response.item_id, Answer(Result.PASS))
    actions = {}
    for item_id, text, owner, due in (
        ("GN-01", "宿舍员工改为上下午各测一次体温", "王强", dt.date(2020, 3, 12)),
        ("GN-04", "车间每天开窗通风 3 次，每次不少于 30 分钟", "李娜", dt.date(2020, 3, 11)),
        ("GN-10", "各楼层设置废弃口罩专用垃圾桶", "王强", dt.date(2020, 3, 13)),
    ):
        actions[item_id], version = add_action(db, actor, inspection_id, version, item_id, text, owner, due)
    complete(db, actor, inspection_id, version)
    _as_someone(url, lambda own: sign(own, inspection_id, "张伟", PASSWORDS["张伟"], "inspector", _signature_png()))
    _as_someone(url, lambda own: sign(own, inspection_id, "王经理", PASSWORDS["王经理"], "approver"))
    follow_up_action(
        db, "张伟", inspection_id, actions["GN-01"], "done", "宿舍门口设测温点，上下午各测一次", dt.date(2020, 3, 11)
    )
    follow_up_action(
        db,
        "王经理",
        inspection_id,
        actions["GN-01"],
        "verified",
        "查阅 3 月 11—13 日体温登记表，每天两次",
        dt.date(2020, 3, 13),
    )
    follow_up_action(
        db, "张伟", inspection_id, actions["GN-04"], "done", "已排定通风时间表并张贴", dt.date(2020, 3, 12)
    )
    db.close()
    return inspection_id


SIGNATURE = [
    [(20, 92), (34, 58), (48, 40), (58, 46), (54, 76), (44, 98), (52, 92), (72, 62), (88, 50), (92, 64), (84, 86)],
    [(84, 86), (104, 70), (122, 54), (128, 66), (120, 88), (142, 72), (166, 50), (176, 58), (170, 80), (190, 74)],
    [(196, 44), (204, 92), (214, 70), (232, 60), (248, 72), (262, 60), (280, 66), (300, 58)],
    [(110, 104), (180, 100), (260, 96)],
]


def _signature_png() -> bytes:
    from PySide6.QtCore import QPointF

    from desktop.signing.pad import SignaturePad

    pad = SignaturePad()
    pad.resize(360, 120)
    pad.strokes = [[QPointF(x, y) for x, y in stroke] for stroke in SIGNATURE]
    data = pad.png_bytes()
    assert data is not None
    return data


def _photo(path: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#eceff1"))
    painter = QPainter(image)
    painter.fillRect(40, 40, 560, 400, QColor("#ffffff"))
    for row in range(8):
        painter.fillRect(60, 80 + row * 44, 520, 3, QColor("#90a4ae"))
    painter.setPen(QColor("#1565c0"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "体温登记表")
    painter.end()
    image.save(str(path))
    return path


def shoot(scale: str) -> list[Path]:
    """Run in a process whose QT_SCALE_FACTOR is already ``scale``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # main() gives it the plant PC's screen
    work = Path(tempfile.mkdtemp(prefix="fugong-screens-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication([])
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QDialog

    from desktop.app import FugongApp, configure_application

    configure_application(app)
    suffix = "@2x" if scale == "2" else ""
    written: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        path = OUT / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    def wait(condition) -> None:  # type: ignore[no-untyped-def]
        import time

        deadline = time.monotonic() + 30
        while not condition():
            app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError("the app did not get there in 30 s")
            time.sleep(0.01)

    # First run on an empty database.
    empty = f"sqlite:///{work / 'empty.sqlite3'}"
    window = FugongApp(empty).start()
    wait(lambda: window.setup_dialog is not None)
    dialog = window.setup_dialog
    dialog.name_edit.setText("北京示例制造有限公司")
    dialog.code_edit.setText("91110000600037341X")
    dialog._check_code()
    dialog.district_combo.setCurrentText("大兴区")
    dialog.address_edit.setText("北京市大兴区示例路 1 号")
    dialog.site_edit.setText("一号厂区")
    dialog.officer_edit.setText("王经理")
    dialog.password_edit.setText("wang-manager-2020")
    dialog.password_again.setText("wang-manager-2020")
    dialog.resize(dialog.sizeHint())  # adjustSize() would cap it to the small offscreen screen
    save(dialog, "01-first-run-setup")
    dialog.reject()
    window.close()

    # The main screens on sample data, after logging in.
    url = f"sqlite:///{work / 'sample.sqlite3'}"
    inspection_id, signed_id, completed_id = _sample_data(url, _photo(work / "photo.png"))
    window = FugongApp(url).start()
    window.resize(1280, 728)  # a 1366×768 screen less its taskbar
    wait(lambda: window.loaded and window.login_dialog is not None)
    login = window.login_dialog
    login.name_edit.setText("张伟")
    login.password_edit.setText("wrong password")
    login.ok_button.click()
    wait(lambda: login.error.isVisible() and not login.busy)
    login.password_edit.setText(PASSWORDS["张伟"])
    login.adjustSize()
    save(login, "06-login")
    login.ok_button.click()
    wait(lambda: window.account is not None)
    save(window, "02-inspections-list")
    window.open_inspection(inspection_id)
    wait(lambda: window.editor is not None and window.editor.inspection_id == inspection_id)
    view = window.inspection_view
    view.go_to_item("GN-01")
    save(window, "03-inspection-item")
    view.go_to_item("BJHQ-3")
    page = view.item_page
    page.ensureWidgetVisible(page.rooms_box)
    save(window, "04-dormitory-table")
    view.show_summary()
    save(window, "05-summary")
    summary = view.summary  # a draft's corrective action: edited (or deleted) while it is a draft
    summary.actions_view.setCurrentIndex(summary.actions_model.index(0, 0))
    summary.open_edit_action_dialog()
    edit_dialog = summary.edit_action_dialog
    edit_dialog.resize(edit_dialog.sizeHint().expandedTo(edit_dialog.size()))
    save(edit_dialog, "12-edit-action")
    edit_dialog.reject()

    # Signing a completed inspection, with a drawn signature.
    window.open_inspection(completed_id)
    wait(lambda: window.editor is not None and window.editor.inspection_id == completed_id)
    window.inspection_view.show_summary()
    window.sign_current()
    sign_dialog = window.sign_dialog
    sign_dialog.pad.strokes = [[QPointF(x, y) for x, y in stroke] for stroke in SIGNATURE]
    sign_dialog.password_edit.setText(PASSWORDS["张伟"])
    sign_dialog.resize(sign_dialog.sizeHint())  # adjustSize() would cap it to the small offscreen screen
    save(sign_dialog, "07-sign-dialog")
    sign_dialog.reject()

    # A signed and approved inspection: read-only, its signatures listed.
    window.open_inspection(signed_id)
    wait(lambda: window.editor is not None and window.editor.inspection_id == signed_id)
    window.inspection_view.show_summary()
    save(window, "09-signatures")

    # The audit view: the signed record's trail and the chain check.
    window.show_audit()
    audit = window.audit_window
    wait(lambda: not audit.loading and audit.records.rowCount() > 0)
    audit.show_record(signed_id)
    wait(lambda: audit.trail.rowCount() > 0)
    audit.check_chain()
    wait(lambda: bool(audit.result_lines))
    save(audit, "08-audit-view")
    audit.close()
    window.close()

    # Corrective actions followed up after signing: the manager may verify the one that was done.
    url = f"sqlite:///{work / 'follow-ups.sqlite3'}"
    follow_up_id = _follow_up_data(url)
    window = FugongApp(url).start()
    window.resize(1280, 728)  # a 1366×768 screen less its taskbar
    wait(lambda: window.loaded and window.login_dialog is not None)
    login = window.login_dialog
    login.name_edit.setText("王经理")
    login.password_edit.setText(PASSWORDS["王经理"])
    login.ok_button.click()
    wait(lambda: window.account is not None)
    window.open_inspection(follow_up_id)
    wait(lambda: window.editor is not None and window.editor.inspection_id == follow_up_id)
    summary = window.inspection_view.summary
    window.inspection_view.show_summary()
    summary.actions_view.setCurrentIndex(summary.actions_model.index(1, 0))
    save(window, "10-follow-ups")
    window.edit_company()  # the manager keeps the company profile and its sites up to date
    company = window.company_dialog
    company.address_edit.setText("北京市大兴区示例路1号")
    company.district_combo.setCurrentText("大兴区")
    company.headcount_spin.setValue(120)
    company.sites_list.setCurrentRow(0)  # a site chosen: 重命名场所 and 删除场所 are offered
    save(company, "11-company-profile")
    QDialog.reject(company)
    window.close()
    return written


LEDGER_DAY = dt.date(2020, 3, 2)
DEPARTMENTS = ("生产部", "装配车间", "仓储物流部", "后勤部", "质检部")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "霞", "平", "刚")


def _ledger_data(url: str, folder: Path) -> Path:
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


def shoot_ledger() -> list[Path]:
    """The health ledger's windows at the plant PC's 1366×768, on sample data."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    work = Path(tempfile.mkdtemp(prefix="fugong-screens-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from PySide6.QtCore import QDate, QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication([])
    from desktop.app import FugongApp, configure_application
    from desktop.registers.grid import GridColumn
    from desktop.registers.ledger_settings import LedgerSettingsDialog
    from desktop.registers.readings_import import ReadingsImportDialog, read_gate_file
    from desktop.registers.roster_import import RosterImportDialog, read_and_check

    configure_application(app)
    written: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        app.processEvents()
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def wait(condition) -> None:  # type: ignore[no-untyped-def]
        import time

        deadline = time.monotonic() + 60
        while not condition():
            app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError("the app did not get there in 60 s")
            time.sleep(0.01)

    url = f"sqlite:///{work / 'ledger.sqlite3'}"
    roster_file = _ledger_data(url, work)
    window = FugongApp(url).start()
    wait(lambda: window.loaded and window.login_dialog is not None)
    login = window.login_dialog
    login.name_edit.setText("张伟")
    login.password_edit.setText(PASSWORDS["张伟"])
    login.ok_button.click()
    wait(lambda: window.account is not None)
    window.show_registers()
    registers = window.registers_window
    registers.resize(1366, 768)
    day = QDate(LEDGER_DAY.year, LEDGER_DAY.month, LEDGER_DAY.day)

    roster = registers.roster
    wait(lambda: not roster.loading and roster.model.rowCount() > 0)
    roster.table.selectRow(1)
    save(registers, "11-ledger-roster")
    roster.edit_consent()
    consent = roster.consent_dialog
    wait(lambda: consent is not None and not consent.loading)
    save(consent, "17-ledger-consent")
    consent.reject()
    roster.table.selectRow(0)
    roster.edit_selected()
    wait(lambda: roster.dialog is not None)
    roster.dialog.resize(roster.dialog.sizeHint())
    save(roster.dialog, "12-ledger-employee")
    roster.dialog.reject()
    preview = read_and_check(window.db, roster_file)
    dialog = RosterImportDialog(window.db, "张伟", preview, registers)
    dialog.show()
    save(dialog, "13-ledger-import")
    dialog.reject()

    readings = registers.readings
    registers.tabs.setCurrentWidget(readings)
    readings.now = lambda: dt.datetime(2020, 3, 2, 15, 30)
    wait(lambda: not readings.loading)
    readings.date_edit.setDate(day)
    wait(lambda: readings.day == LEDGER_DAY and not readings.loading and readings.model.rowCount() > 0)
    readings.model.setData(readings.model.index(7, GridColumn.AFTERNOON), "98.6")
    readings.grid.setCurrentIndex(readings.model.index(2, GridColumn.AFTERNOON))
    save(registers, "14-ledger-grid")
    gate_file = read_gate_file(window.db, work / "东门测温门-0303.csv")
    gate = ReadingsImportDialog(window.db, "张伟", gate_file, readings.now, registers)
    gate.show()
    gate.columns["temperature"].setCurrentIndex(gate.columns["temperature"].findData("体表温度"))
    gate.source.setEditText("东门测温门")
    gate.preview()
    wait(lambda: gate.check is not None and not gate.busy)
    save(gate, "19-ledger-gate-import")
    gate.reject()

    observation = registers.observation
    registers.tabs.setCurrentWidget(observation)
    wait(lambda: not observation.loading)
    observation.date_edit.setDate(day)
    wait(lambda: observation.day == LEDGER_DAY and not observation.loading)
    observation.table.selectRow(0)
    save(registers, "15-ledger-observation")

    summary = registers.summary
    registers.tabs.setCurrentWidget(summary)
    wait(lambda: summary.summary is not None and not summary.loading)
    summary.date_edit.setDate(day)
    wait(lambda: summary.summary is not None and summary.summary.day == LEDGER_DAY and not summary.loading)
    save(registers, "16-ledger-summary")
    summary.sign()
    wait(lambda: summary.sign_dialog is not None)
    summary.sign_dialog.adjustSize()
    save(summary.sign_dialog, "20-ledger-sign-day")
    summary.sign_dialog.reject()
    # the manager's settings (a dialog as the manager sees it; the preview only counts, it changes nothing)
    settings = LedgerSettingsDialog(window.db, "王经理", "manager", registers)
    settings.today = lambda: dt.date(2020, 4, 15)
    settings.show()
    wait(lambda: not settings.loading)
    settings.preview_removal()
    wait(lambda: settings.preview is not None and not settings.busy)
    save(settings, "18-ledger-settings")
    settings.reject()
    registers.close()
    window.close()
    return written


def _plant_pc_screen(scale: int) -> str:
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


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--shoot":
        for path in shoot(os.environ.get("QT_SCALE_FACTOR", "1")):
            print(path.relative_to(ROOT))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--ledger":
        OUT.mkdir(parents=True, exist_ok=True)
        for path in shoot_ledger():
            print(path.relative_to(ROOT))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for scale in ("1", "2"):
        env = dict(
            os.environ, QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=_plant_pc_screen(int(scale))
        )
        subprocess.run([sys.executable, __file__, "--shoot"], env=env, check=True, cwd=ROOT)
    env = dict(os.environ, QT_SCALE_FACTOR="1", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, __file__, "--ledger"], env=env, check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
