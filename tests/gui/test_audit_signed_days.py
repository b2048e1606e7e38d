"""签署的台账日 in the audit window, driven by an auditor: the signed days of the daily health summary and of the
ventilation and disinfection log are listed; verifying the log's day passes every check, and after an attacker
changes the day's entries with raw SQL the same check fails and says which line."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from checklist.ledger import HalfDay
from desktop.audit.models import SITE_LOG, SUMMARY, SignedDayColumn
from export.ledger_reports import sign_day
from export.site_reports import sign_log_day
from storage import ledger, site_log
from storage.db import open_database
from tests.gui.helpers import click, click_index, close_window, start_app
from tests.gui.registers.seed import AUDITOR, OFFICER, PASSWORDS, seed_roster

DAY = dt.date(2020, 3, 2)


def _sign_both(db_url: str) -> None:
    ids = seed_roster(db_url, signing_keys=True)
    db = open_database(db_url)
    try:
        for half, hour in ((HalfDay.MORNING, 9), (HalfDay.AFTERNOON, 15)):
            ledger.enter_readings(
                db,
                OFFICER,
                DAY,
                half,
                [ledger.ReadingEntry(ids["张三"], "36.5")],
                now_local=dt.datetime.combine(DAY, dt.time(hour)),
            )
        sign_day(db, DAY, OFFICER, PASSWORDS[OFFICER], "北京示例制造有限公司")
        site_log.add_entry(
            db,
            OFFICER,
            {
                "place": "电梯按钮",
                "at": "2020-03-02 08:00",
                "method": "含氯消毒液",
                "chlorine_mg_per_l": 250,
                "contact_minutes": 30,
                "done_by": "保洁",
            },
        )
        sign_log_day(db, DAY, OFFICER, PASSWORDS[OFFICER], "北京示例制造有限公司")
    finally:
        db.close()


def _verify(qtbot: QtBot, audit: Any, register: str) -> None:
    row = audit.days.row_of(register, DAY)
    click_index(qtbot, audit.days_view, audit.days.index(row, SignedDayColumn.REGISTER))
    assert audit.selected_day().register == register
    audit.result_lines = []
    click(qtbot, audit.verify_day_button)
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=20000)


def test_an_auditor_verifies_a_signed_log_day_and_finds_it_tampered(qtbot: QtBot, db_url: str) -> None:
    _sign_both(db_url)
    window = start_app(qtbot, db_url, AUDITOR, PASSWORDS[AUDITOR])
    window.audit_action.trigger()
    audit = window.audit_window
    assert audit is not None
    qtbot.waitUntil(lambda: audit.days.rowCount() == 2)
    audit.record_tabs.setCurrentIndex(1)
    assert audit.days_view.isVisible() and not audit.verify_day_button.isEnabled()
    registers = [audit.days.index(r, SignedDayColumn.REGISTER).data() for r in range(2)]
    assert sorted(registers) == ["每日健康汇总", "通风消毒记录"]
    assert audit.days.index(0, SignedDayColumn.SIGNER).data() == OFFICER

    _verify(qtbot, audit, SITE_LOG)
    headline, ok = audit.result_lines[0]
    assert ok is True and headline == "通风消毒记录 2020-03-02 验证通过：签署后未被改动，签名有效。"
    assert [line for line, _ in audit.result_lines[1:]] == [
        "通过  记录内容与其哈希一致",
        "通过  当日通风消毒记录未改动（1 条）",
        "通过  记录的数字签名有效",
        "通过  PDF 签名有效",
    ]
    _verify(qtbot, audit, SUMMARY)  # the daily summary's day, the same way (its workbook's signature too)
    assert audit.result_lines[0][1] is True and "通过  汇总的数字签名有效" in [t for t, _ in audit.result_lines]

    # an attacker with the database raises the weak strength of 08:00 to look compliant
    db = open_database(db_url)
    try:
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE site_log_entries SET chlorine_mg_per_l = 500"))
    finally:
        db.close()
    _verify(qtbot, audit, SITE_LOG)
    headline, ok = audit.result_lines[0]
    assert ok is False and headline == "通风消毒记录 2020-03-02 验证失败：见下面标为“不通过”的各行。"
    assert ("不通过  当日通风消毒记录在签署后被改动（签署时 1 条，现为 1 条）", False) in audit.result_lines
    row = audit.days.row_of(SITE_LOG, DAY)
    assert audit.days.index(row, SignedDayColumn.CHECK).data() == "验证失败"
    close_window(qtbot, window)
