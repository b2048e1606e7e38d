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
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.gui.screenshot_kit import LEDGER_DAY, OUT, PASSWORDS, Studio, ledger_data, plant_pc_screen  # noqa: E402

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
    # main() gives it the plant PC's screen
    studio = Studio("fugong-screens-", platform=None, suffix="@2x" if scale == "2" else "", timeout=30)
    work, save, wait = studio.work, studio.save, studio.wait
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QDialog

    from desktop.app import FugongApp

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
    window = studio.log_in(url, "王经理")
    window.resize(1280, 728)  # a 1366×768 screen less its taskbar
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
    return studio.written


def shoot_ledger() -> list[Path]:
    """The health ledger's windows at the plant PC's 1366×768, on sample data."""
    studio = Studio("fugong-screens-")
    work, save, wait = studio.work, studio.save, studio.wait
    from PySide6.QtCore import QDate

    from desktop.registers.grid import GridColumn
    from desktop.registers.ledger_settings import LedgerSettingsDialog
    from desktop.registers.readings_import import ReadingsImportDialog, read_gate_file
    from desktop.registers.roster_import import RosterImportDialog, read_and_check

    url = f"sqlite:///{work / 'ledger.sqlite3'}"
    roster_file = ledger_data(url, work)
    window = studio.log_in(url)
    registers = studio.registers(window)
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
    return studio.written


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
        env = dict(os.environ, QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=plant_pc_screen(int(scale)))
        subprocess.run([sys.executable, __file__, "--shoot"], env=env, check=True, cwd=ROOT)
    env = dict(os.environ, QT_SCALE_FACTOR="1", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, __file__, "--ledger"], env=env, check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
