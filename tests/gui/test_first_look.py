"""A new officer's first look at the empty list says what to do next (found in the new-user pass)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.inspections.model import Column
from tests.gui.helpers import answered_inspection, close_window, seed_accounts, start_app


def test_the_empty_list_says_to_start_a_first_inspection(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {"王经理": ("manager", "wang-manager-2020"), "张伟": ("officer", "zhang-officer-2020")})
    window = start_app(qtbot, db_url, user="张伟", password="zhang-officer-2020")
    label = window.inspections.count_label
    assert "新建检查" in label.text() and window.new_action.isEnabled()
    close_window(qtbot, window)
    answered_inspection(db_url, "张伟")
    window = start_app(qtbot, db_url, user="张伟", password="zhang-officer-2020")
    qtbot.waitUntil(lambda: window.inspections.model.rowCount() == 1)
    assert window.inspections.count_label.text() == "共 1 次检查，显示 1 次"
    table = window.inspections.table  # the sign-off stage is not cut (待检查人签署 was shown as 待检查人…)
    assert table.columnWidth(Column.STATUS) > table.fontMetrics().horizontalAdvance("待检查人签署")
    close_window(qtbot, window)
