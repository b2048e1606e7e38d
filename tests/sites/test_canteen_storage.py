"""The canteen's settings stored per site, and the one-page door sheet."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from checklist.sites.canteen import plan_sittings, validate_settings
from export.canteen_sheet import render_canteen_sheet, write_canteen_sheet
from storage import canteen, companies
from storage.db import open_database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from tests.sites.test_canteen import BASE
from tests.storage.helpers import company


def test_settings_are_remembered_per_site(db_url: str) -> None:
    db = open_database(db_url)
    try:
        company_id, site_id = company(db)
        other = companies.add_site(db, "officer", company_id, "二号食堂", "canteen")
        assert canteen.load_canteen_settings(db, site_id) is None
        canteen.save_canteen_settings(db, "officer", site_id, BASE)
        canteen.save_canteen_settings(db, "officer", other, {**BASE, "tables": 20})
        canteen.save_canteen_settings(db, "officer", None, {**BASE, "tables": 7})
        loaded = canteen.load_canteen_settings(db, site_id)
        assert loaded == validate_settings(BASE)
        assert canteen.load_canteen_settings(db, other).tables == 20  # type: ignore[union-attr]
        assert canteen.load_canteen_settings(db, None).tables == 7  # type: ignore[union-attr]
        canteen.save_canteen_settings(db, "officer", site_id, {**BASE, "meal_minutes": 25})
        assert canteen.load_canteen_settings(db, site_id).meal_minutes == 25  # type: ignore[union-attr]
        assert [name for _, name in canteen.list_sites(db)] == [
            "北京示例制造有限公司 — 一号厂房",
            "北京示例制造有限公司 — 二号食堂",
        ]
    finally:
        db.close()


def test_bad_settings_and_unknown_sites_are_refused_and_nothing_is_stored(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    try:
        _, site_id = company(db)
        with pytest.raises(InvalidInputError) as refused:
            canteen.save_canteen_settings(db, "officer", site_id, {**BASE, "window_end": "10:00"})
        assert "没有保存" in refused.value.message_zh and "nothing was saved" in str(refused.value)
        with pytest.raises(NotFoundError):
            canteen.save_canteen_settings(db, "officer", site_id + 99, BASE)
        assert canteen.load_canteen_settings(db, site_id) is None
    finally:
        db.close()


def test_an_auditor_cannot_change_the_settings(sqlite_url: str) -> None:
    from tests.gui.registers.seed import AUDITOR, seed_roster

    seed_roster(sqlite_url)
    db = open_database(sqlite_url)
    try:
        with pytest.raises(PermissionDeniedError):
            canteen.save_canteen_settings(db, AUDITOR, None, BASE)
        assert canteen.load_canteen_settings(db, None) is None
    finally:
        db.close()


def test_the_door_sheet_is_one_page_in_large_type_even_with_many_sittings(tmp_path: Path) -> None:
    many = {
        **BASE,
        "groups": [{"name": f"班组{n:02d}", "headcount": 95} for n in range(30)],
        "window_end": "23:00",
    }
    for values in (BASE, many):
        plan = plan_sittings(validate_settings(values))
        path = tmp_path / "canteen.pdf"
        write_canteen_sheet(path, plan, "一号食堂")
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1" in info
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "食堂错峰就餐安排" in text and f"第{len(plan.sittings)}场\n" in text.replace(" ", "")  # on one line
    english = render_canteen_sheet(plan_sittings(validate_settings(BASE)), "Canteen 1", "en")
    (tmp_path / "en.pdf").write_bytes(english)
    text = subprocess.run(["pdftotext", str(tmp_path / "en.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Canteen sittings" in text and "face to face" in text and "场次" not in text


def test_a_window_too_short_is_printed_on_the_sheet(tmp_path: Path) -> None:
    plan = plan_sittings(validate_settings({**BASE, "window_end": "13:00"}))
    path = tmp_path / "short.pdf"
    write_canteen_sheet(path, plan)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "短了 50 分钟" in text
