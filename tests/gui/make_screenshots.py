"""Screenshots of the main screens at 100 % and 200 % scale, into docs/screenshots/.

Run: ``python tests/gui/make_screenshots.py`` (offscreen; a temporary database and settings folder with
sample data; the user's own data and settings are never touched). Each scale runs in its own process
because QT_SCALE_FACTOR is read when Qt starts.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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


def _sample_data(url: str, photo: Path) -> int:
    from checklist.evaluation import Answer, Result
    from storage.db import open_database
    from storage.service import (
        CompanyInput,
        add_action,
        add_evidence,
        add_site,
        complete,
        create_inspection,
        load_inspection,
        save_answer,
        save_company,
        set_rooms,
    )

    actor = "张伟"
    db = open_database(url)
    company = save_company(db, actor, CompanyInput("北京示例制造有限公司", "91110000600037341L", "industrial"))
    plant = add_site(db, actor, company, "一号厂区")
    dorm = add_site(db, actor, company, "员工宿舍楼")
    for offset, site in ((40, plant), (33, dorm), (12, plant)):
        done = create_inspection(
            db, actor, company, dt.date(2020, 3, 20) - dt.timedelta(days=offset), "李娜", ("GN",), site_id=site
        )
        inspection = load_inspection(db, done)
        version = inspection.version
        for response in inspection.responses:
            version = save_answer(db, actor, done, version, response.item_id, Answer(Result.PASS))
        complete(db, actor, done, version)
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
    return inspection_id


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
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    work = Path(tempfile.mkdtemp(prefix="fugong-screens-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication([])
    from desktop.app import FugongApp, configure_application
    from desktop.settings import set_officer_name

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
    dialog.site_edit.setText("一号厂区")
    dialog.officer_edit.setText("张伟")
    dialog.adjustSize()
    save(dialog, "01-first-run-setup")
    dialog.reject()
    window.close()

    # The main screens on sample data.
    url = f"sqlite:///{work / 'sample.sqlite3'}"
    inspection_id = _sample_data(url, _photo(work / "photo.png"))
    set_officer_name("张伟")
    window = FugongApp(url).start()
    window.resize(1280, 820)
    wait(lambda: window.loaded)
    save(window, "02-inspections-list")
    window.open_inspection(inspection_id)
    view = window.inspection_view
    view.go_to_item("GN-01")
    save(window, "03-inspection-item")
    view.go_to_item("BJHQ-3")
    page = view.item_page
    page.ensureWidgetVisible(page.rooms_box)
    save(window, "04-dormitory-table")
    view.show_summary()
    save(window, "05-summary")
    window.close()
    return written


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--shoot":
        for path in shoot(os.environ.get("QT_SCALE_FACTOR", "1")):
            print(path.relative_to(ROOT))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for scale in ("1", "2"):
        env = dict(os.environ, QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, __file__, "--shoot"], env=env, check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
