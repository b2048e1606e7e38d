"""登记依据 in the inspection editor, driven like an officer: GN-06 shows the disinfection log's line and its
verdict for the inspection's date, read on the thread pool; 采用登记依据 copies it into the item (written on the
thread pool, audited) and the officer can still choose another result with a reason; GN-14 says the isolation
area is missing; an auditor sees the evidence but cannot apply it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from checklist.evaluation import Answer, Result
from storage import inspections, register_evidence, site_log
from storage.db import open_database
from tests.gui.helpers import (
    all_off_gui_thread,
    click,
    click_index,
    close_window,
    open_row,
    record_threads,
    seed_inspection,
    start_app,
    type_text,
)

DAY = dt.date(2020, 3, 2)  # the seeded inspection's date


def _log(db_url: str) -> None:
    db = open_database(db_url)
    try:
        site_log.set_plan(db, "张伟", {"place": "电梯按钮", "kind": "消毒", "times_per_day": 2})
        for time in ("08:00", "16:00"):
            site_log.add_entry(
                db,
                "张伟",
                {
                    "place": "电梯按钮",
                    "at": f"2020-03-02 {time}",
                    "method": "含氯消毒液",
                    "chlorine_mg_per_l": 500,
                    "contact_minutes": 30,
                    "done_by": "保洁",
                },
            )
        from checklist.ledger import HalfDay
        from storage import ledger
        from storage.roster import add_employee

        person = add_employee(db, "张伟", {"name": "张三", "department": "生产部", "dormitory_room": "A101"})
        ledger.enter_readings(
            db,
            "张伟",
            DAY,
            HalfDay.MORNING,
            [ledger.ReadingEntry(person, "36.5")],
            now_local=dt.datetime(2020, 3, 2, 9),
        )
        site_log.add_entry(
            db, "张伟", {"place": "电梯按钮", "at": "2020-03-05 08:00", "method": "开窗自然通风", "done_by": "门卫"}
        )
    finally:
        db.close()


def _stored(db_url: str, inspection_id: int, item_id: str) -> Any:
    db = open_database(db_url)
    try:
        return {r.item_id: r for r in inspections.load_inspection(db, inspection_id).responses}[item_id]
    finally:
        db.close()


def _go_to(qtbot: QtBot, view: Any, item_id: str) -> None:
    click_index(qtbot, view.navigator, view.navigator_model.index_of_item(item_id))
    assert view.current_item_id() == item_id


def test_an_officer_sees_the_logs_evidence_applies_it_and_can_still_override(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspection_id = seed_inspection(db_url)
    _log(db_url)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    view, editor = window.inspection_view, window.editor
    assert view is not None and editor is not None
    page = view.item_page

    reads = record_threads(monkeypatch, register_evidence, "evidence_for")
    _go_to(qtbot, view, "GN-05")  # an item no register backs: no box
    assert not page.register_box.isVisible()
    _go_to(qtbot, view, "GN-06")
    assert page.register_box.isVisible()
    qtbot.waitUntil(lambda: page.register_evidence is not None)
    assert all_off_gui_thread(reads)
    assert page.register_source.text() == "来自通风消毒记录，截至检查日期 2020-03-02："
    # the inspection's date, not today: the entry of 03-05 is not counted; the plan's gaps before it are
    assert page.register_text.text().startswith("2020-02-25 至 2020-03-02 消毒记录 2 条")
    assert "未按计划 6 处" in page.register_text.text()
    assert page.register_verdict.text() == "登记显示：不合格"
    assert page.register_apply.isEnabled()

    writes = record_threads(monkeypatch, register_evidence, "apply_evidence")
    type_text(qtbot, page.note_edit, "已抽查电梯")
    click(qtbot, page.register_apply)
    qtbot.waitUntil(lambda: "【通风消毒记录】" in page.note_edit.toPlainText())
    assert all_off_gui_thread(writes)
    stored = _stored(db_url, inspection_id, "GN-06")
    assert stored.note.splitlines()[0] == "已抽查电梯"
    assert stored.note.splitlines()[1].startswith("【通风消毒记录】2020-02-25 至 2020-03-02 消毒记录 2 条")
    assert stored.measurements["chlorine_mg_per_l"] == 500.0
    assert page._fields["chlorine_mg_per_l"].input.text() == "500.0"  # type: ignore[union-attr]
    # the rule engine reads the copied values: the reference method's findings show (they inform, not decide)
    assert "有效氯浓度：500 mg/L，符合参考方法" in page.findings_text()

    # the register says 不合格 and the officer agrees: the result is the officer's, beside the evidence
    click(qtbot, page.result_buttons[Result.FAIL])
    assert editor.flush()
    stored = _stored(db_url, inspection_id, "GN-06")
    assert stored.result == "fail" and "【通风消毒记录】" in stored.note

    # GN-01 from the health ledger: one temperature check a day, so the rules say 不合格; the officer knows
    # better, chooses 合格 and must give a reason, stored beside the evidence
    _go_to(qtbot, view, "GN-01")
    qtbot.waitUntil(lambda: page.register_evidence is not None)
    assert page.register_source.text() == "来自健康台账，截至检查日期 2020-03-02："
    assert page.register_verdict.text() == "登记显示：不合格"
    click(qtbot, page.register_apply)
    qtbot.waitUntil(lambda: "【健康台账】" in page.note_edit.toPlainText())
    assert page.derived.text() == "依规则判定：不合格"
    click(qtbot, page.result_buttons[Result.PASS])
    assert page.override_label.isVisible() and page.override_edit.isVisible()
    type_text(qtbot, page.override_edit, "张三下午请假，已电话确认体温正常")
    assert editor.flush()
    stored = _stored(db_url, inspection_id, "GN-01")
    assert stored.result == "pass" and stored.override_reason == "张三下午请假，已电话确认体温正常"
    assert stored.measurements == {"checks_per_day": 1} and stored.note.startswith("【健康台账】2020-03-02")

    _go_to(qtbot, view, "GN-14")
    qtbot.waitUntil(lambda: page.register_evidence is not None)
    assert page.register_text.text().startswith("尚未登记隔离观察区域")
    assert page.register_verdict.text() == "登记显示：不合格"
    close_window(qtbot, window)


def test_a_signed_inspection_shows_the_evidence_but_cannot_apply_it(qtbot: QtBot, db_url: str) -> None:
    from tests.storage.helpers import lock_as_signed

    inspection_id = seed_inspection(db_url, ("GN",))
    _log(db_url)
    db = open_database(db_url)
    try:
        version = inspections.load_inspection(db, inspection_id).version
        version, _, _ = register_evidence.apply_evidence(db, "张伟", inspection_id, version, "GN-06", DAY)
        signed_note = _stored(db_url, inspection_id, "GN-06").note
        for item in inspections.catalogs_of(inspections.load_inspection(db, inspection_id))[0].items:
            answer = inspections.answers_of(inspections.load_inspection(db, inspection_id)).get(item.id) or Answer()
            if answer.result is None:
                version = inspections.save_answer(
                    db, "张伟", inspection_id, version, item.id, replace(answer, result=Result.NA)
                )
        inspections.complete(db, "张伟", inspection_id, version)
        lock_as_signed(db, "张伟", inspection_id)
        site_log.add_entry(
            db, "张伟", {"place": "电梯按钮", "at": "2020-03-02 20:00", "method": "紫外线灯照射", "done_by": "门卫"}
        )
    finally:
        db.close()
    window = start_app(qtbot, db_url)
    view = open_row(qtbot, window, inspection_id)
    page = view.item_page
    _go_to(qtbot, view, "GN-06")
    qtbot.waitUntil(lambda: page.register_evidence is not None)
    assert "消毒记录 3 条" in page.register_text.text()  # the register has changed since
    assert not page.register_apply.isEnabled()
    assert page.note_edit.toPlainText() == signed_note and "消毒记录 2 条" in signed_note
    close_window(qtbot, window)
