"""The audit view: every record with its signature status, one record's trail, the record check, and the
hash-chain check — intact, then naming the entry that was tampered with in the database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.audit.models import RecordColumn, TrailColumn
from desktop.main_window import MainWindow
from tests.gui.helpers import (
    click,
    click_index,
    close_window,
    completed_inspection,
    seed_accounts,
    seed_inspection,
    show_audit,
    start_app,
)

ACCOUNTS = {"王经理": ("manager", "wang-manager-2020"), "赵审计": ("auditor", "zhao-auditor-2020")}


def _audit(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.audit_action.trigger()
    audit = window.audit_window
    assert audit is not None and audit.isVisible()
    qtbot.waitUntil(lambda: not audit.loading and audit.records.rowCount() == 2)
    return audit


def _select(qtbot: QtBot, audit, inspection_id: int) -> None:  # type: ignore[no-untyped-def]
    row = audit.records.row_of(inspection_id)
    click_index(qtbot, audit.records_view, audit.records.index(row, RecordColumn.PLACE))
    assert audit.selected_id() == inspection_id
    qtbot.waitUntil(lambda: audit.trail.rowCount() > 0 and audit.trail_for == inspection_id)


def _check_chain(qtbot: QtBot, audit) -> None:  # type: ignore[no-untyped-def]
    audit.result_lines = []
    click(qtbot, audit.chain_button)
    qtbot.waitUntil(lambda: bool(audit.result_lines), timeout=10000)


def test_trail_and_chain_check_name_the_tampered_entry(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, ACCOUNTS)
    draft = seed_inspection(db_url, officer="王经理")
    completed = completed_inspection(db_url, "王经理")
    window = start_app(qtbot, db_url, user="赵审计", password=ACCOUNTS["赵审计"][1])
    audit = _audit(qtbot, window)

    # Every record, with its state and signature status; nothing is checked until asked.
    records = audit.records
    assert records.index(records.row_of(draft), RecordColumn.SIGNATURES).data() == "未签署"
    assert records.index(records.row_of(completed), RecordColumn.STATUS).data() == "已完成"
    assert records.index(records.row_of(completed), RecordColumn.CHECK).data() == "未验证"
    assert not audit.verify_record_button.isEnabled()

    # The trail of the completed record: who changed what, when, old → new.
    _select(qtbot, audit, completed)
    trail = audit.trail
    rows = trail.rows()
    assert audit.trail_label.text() == f"记录 #{completed} 的审计记录（{len(rows)} 条）"
    assert {row.actor for row in rows} == {"王经理"}
    shown = [
        tuple(trail.index(r, c).data() for c in (TrailColumn.ACTION, TrailColumn.TABLE, TrailColumn.CHANGE))
        for r in range(trail.rowCount())
    ]
    assert shown[0][:2] == ("新增", f"检查记录 #{completed}")
    assert any(a == "修改" and t.startswith("检查项") and "结果：— → 不合格" in c for a, t, c in shown), shown
    assert any(a == "完成" for a, _, _ in shown)
    assert any(a == "修改" and "状态：草稿 → 已完成" in c for a, _, c in shown)
    assert trail.index(0, TrailColumn.TIME).data(Qt.ItemDataRole.ToolTipRole).endswith(" UTC")

    # The record is unchanged since it was completed.
    click(qtbot, audit.verify_record_button)
    qtbot.waitUntil(lambda: records.index(records.row_of(completed), RecordColumn.CHECK).data() != "未验证")
    assert records.index(records.row_of(completed), RecordColumn.CHECK).data() == "完好，未被改动"
    assert audit.result_lines[0] == (f"记录 #{completed} 验证通过：内容与签署（完成）时一致。", True)

    # The chain is intact.
    _check_chain(qtbot, audit)
    headline, ok = audit.result_lines[0]
    assert ok is True and headline.startswith("审计链完好：共 ")
    assert audit.result_lines[1][0].startswith("通过  共 ") and audit.result_lines[1][0].endswith("条，链完好")
    assert audit.result_lines[1][1] is True
    assert trail.broken_seq is None

    # Someone edits an entry of this record straight in the database file.
    target = next(row for row in rows if row.action == "update" and row.table == "item_responses")
    with sqlite3.connect(Path(db_url.removeprefix("sqlite:///"))) as connection:
        connection.execute("UPDATE audit_log SET actor = '某人' WHERE seq = ?", (target.seq,))
    _check_chain(qtbot, audit)
    headline, ok = audit.result_lines[0]
    assert ok is False
    assert headline == f"审计链在第 {target.seq} 条处断开：该条或其后的记录在写入后被改动或删除。"
    assert audit.result_lines[1] == (f"不通过  第 {target.seq} 条在写入后被改动过", False)
    assert audit.result_lines[2][0].startswith(f"第 {target.seq} 条：") and "某人" in audit.result_lines[2][0]
    assert trail.broken_seq == target.seq
    broken_row = trail.row_of_seq(target.seq)
    assert trail.index(broken_row, TrailColumn.SEQ).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert f"不通过  第 {target.seq} 条在写入后被改动过" in audit.results.toPlainText()

    # The record check now fails too (its proof goes through the chain).
    click(qtbot, audit.verify_record_button)
    qtbot.waitUntil(lambda: records.index(records.row_of(completed), RecordColumn.CHECK).data() == "验证失败")
    assert audit.result_lines[0][1] is False
    assert (f"不通过  审计链：第 {target.seq} 条在写入后被改动过", False) in audit.result_lines
    audit.close()
    qtbot.waitUntil(lambda: window.audit_window is None)
    close_window(qtbot, window)


def test_verifying_a_file_starts_where_the_reports_were_exported(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """验证文件 opens its file dialog in the folder the last report went to (not the program's working folder)."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.common.folders import remember_folder

    reports = tmp_path / "报告"
    reports.mkdir()
    remember_folder(reports)
    seed_accounts(db_url, ACCOUNTS)
    started_in: list[str] = []

    def chosen(_parent: object, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        started_in.append(folder)
        return "", ""  # the officer cancels: nothing is verified

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chosen))
    window = start_app(qtbot, db_url, "赵审计", ACCOUNTS["赵审计"][1])
    audit = show_audit(qtbot, window)
    click(qtbot, audit.file_button)
    assert started_in == [str(reports)]
    close_window(qtbot, window)


def test_the_audit_window_closes_by_its_own_button(qtbot: QtBot, db_url: str) -> None:
    """Without a window manager there is no title bar (docs/usability.md #39): 关闭 closes the audit window,
    the main window stays, and 审计 shows it again."""
    seed_accounts(db_url, ACCOUNTS)
    window = start_app(qtbot, db_url, "赵审计", ACCOUNTS["赵审计"][1])
    audit = show_audit(qtbot, window)
    assert audit.close_button.text() == "关闭(&X)"
    assert audit.geometry().right() < 1366 and audit.close_button.isVisible()  # on screen, not clipped away
    click(qtbot, audit.close_button)
    qtbot.waitUntil(lambda: not audit.isVisible())
    assert window.isVisible()
    show_audit(qtbot, window)  # 审计 shows it again
    close_window(qtbot, window)
