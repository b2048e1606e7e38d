"""Nothing the user enters in a register tab is lost while an earlier change is still being written: the first
entry of 通风消毒 is held on the thread pool, the officer types and adds a second one, and when the first is
released both are written, in the order made — the second was neither dropped nor written with values typed
after it was added. A first change refused by the core does not take the second with it, and its refusal
stays said after the second is saved (通风消毒 and 隔离观察区)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from storage import isolation, site_log
from tests.gui.helpers import click, close_window, settle, show_registers, start_app, type_into
from tests.gui.registers.seed import OFFICER, PASSWORDS, seed_roster
from tests.gui.sites.test_disinfection_tab import cell, open_log, type_entry

HOLD_SECONDS = 30


def _hold_first_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event, list[tuple[str, str]]]:
    """``site_log.add_entry`` with its first call held until ``release`` is set (``entered`` says it is on the
    pool); ``calls`` lists the (place, note) of each entry, in the order they reached the core."""
    entered, release = threading.Event(), threading.Event()
    calls: list[tuple[str, str]] = []
    real: Callable[..., int] = site_log.add_entry

    def held(db: Any, actor: str, values: Mapping[str, object], corrects: int | None = None) -> int:
        calls.append((str(values["place"]), str(values["note"])))
        if len(calls) == 1:
            entered.set()
            assert release.wait(HOLD_SECONDS), "the first write was never released"
        return real(db, actor, values, corrects=corrects)

    monkeypatch.setattr(site_log, "add_entry", held)
    return entered, release, calls


def test_an_entry_added_while_the_first_is_being_written_is_written_after_it(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    entered, release, calls = _hold_first_entry(monkeypatch)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers, page = open_log(qtbot, window)
    try:
        type_entry(qtbot, page, "车间", "09:00", duration_edit="30", done_by_edit="班长")
        click(qtbot, page.add_button)
        qtbot.waitUntil(entered.is_set, timeout=20000)
        # The first is on the pool, held; the officer types the second and adds it.
        type_entry(qtbot, page, "食堂", "10:00", duration_edit="45", done_by_edit="厨师长")
        click(qtbot, page.add_button)
        assert page.working and calls == [("车间", "")]  # waiting for the first, not written alongside it
        type_into(qtbot, page.note_edit, "已关窗")  # typed after adding: not part of the second entry
        release.set()
        settle(qtbot, page)
        assert calls == [("车间", ""), ("食堂", "")]
        assert page.model.rowCount() == 2 and not page.form_error.isVisible()
        assert [(cell(page, row, 2), cell(page, row, 1)) for row in range(2)] == [("车间", "09:00"), ("食堂", "10:00")]
        assert cell(page, 1, 7) == "厨师长"
    finally:
        release.set()
        registers.close()
        close_window(qtbot, window)


def test_a_refused_first_entry_does_not_lose_the_second(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_roster(db_url)
    entered, release, calls = _hold_first_entry(monkeypatch)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers, page = open_log(qtbot, window)
    try:
        # chlorine without its contact time: the core refuses it
        type_entry(qtbot, page, "电梯按钮", "09:00", "含氯消毒液", chlorine_edit="500", done_by_edit="刘姐")
        page.contact_edit.clear()
        click(qtbot, page.add_button)
        qtbot.waitUntil(entered.is_set, timeout=20000)
        type_entry(qtbot, page, "食堂", "10:00", duration_edit="45", done_by_edit="厨师长")
        click(qtbot, page.add_button)
        release.set()
        settle(qtbot, page)
        assert [place for place, _ in calls] == ["电梯按钮", "食堂"]
        assert page.model.rowCount() == 1 and cell(page, 0, 2) == "食堂"
        # The first's refusal stays under the form after the second was saved, naming the entry refused (the
        # form shows the second one now) and saying nothing of it was saved.
        refusal = page.form_error.text()
        assert page.form_error.isVisible(), "the refusal of the first entry was cleared by the second's success"
        assert refusal.startswith("“电梯按钮” 09:00 的记录：") and "作用时间" in refusal and "未保存" in refusal
    finally:
        release.set()
        registers.close()
        close_window(qtbot, window)


def test_in_the_isolation_tab_a_refused_change_stays_said_after_the_next_one_is_saved(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """隔离观察区: 保存区域 with no place (refused by the core) held on the pool, the place typed and 保存区域
    clicked again: the second is saved and said, and the first's refusal stays under the form."""
    seed_roster(db_url)
    entered, release, places = threading.Event(), threading.Event(), []
    real: Callable[..., int] = isolation.set_area

    def held(db: Any, actor: str, values: Mapping[str, object], area_id: int | None = None) -> int:
        places.append(str(values["place"]))
        if len(places) == 1:
            entered.set()
            assert release.wait(HOLD_SECONDS), "the first write was never released"
        return real(db, actor, values, area_id)

    monkeypatch.setattr(isolation, "set_area", held)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    registers = show_registers(qtbot, window, "isolation")
    page = registers.isolation
    try:
        settle(qtbot, page)
        page.area_place.clear()
        click(qtbot, page.area_save)
        qtbot.waitUntil(entered.is_set, timeout=20000)
        type_into(qtbot, page.area_place, "东门值班室")
        click(qtbot, page.area_save)
        release.set()
        settle(qtbot, page)
        assert places == ["", "东门值班室"]
        assert page.message.text() == "区域已保存。" and page.area_combo.itemText(0).startswith("东门值班室")
        assert page.error.isVisible() and page.error.text(), "the first change's refusal was cleared"
    finally:
        release.set()
        registers.close()
        close_window(qtbot, window)
