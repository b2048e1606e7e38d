"""The inspection's own dates start at the company's today (UTC+8), not the computer's.

A plant PC whose clock is set to UTC (or to any other zone) is a day behind Beijing from 16:00 UTC: a new
inspection then proposed yesterday's date, the list's date filter ended yesterday (so a record dated today,
Beijing time, was hidden as soon as the filter was ticked), a corrective action was overdue a day late and a
follow-up could not be dated today. Each test runs in a zone whose date differs from the company's right now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from checklist.company import company_today
from desktop.common.dates import python_date
from desktop.editor.action_dialog import CorrectiveActionDialog
from desktop.editor.actions import ActionColumn, ActionRow, CorrectiveActionsModel, FollowUpDialog
from desktop.editor.inspection import ActionInfo
from desktop.inspections.new import NewInspectionDialog, PlaceChoice
from desktop.inspections.view import InspectionsPage
from tests.zones import local_zone

# UTC−12 is 20 hours behind the company, UTC+14 six hours ahead: at any moment one of them is on another day.
ZONES = ("Etc/GMT+12", "Pacific/Kiritimati")


@pytest.fixture
def computer_on_another_day() -> Iterator[dt.date]:
    """This process's zone is one where today is not the company's today; yields the computer's today."""
    for zone in ZONES:
        with local_zone(zone):
            if dt.date.today() != company_today():
                yield dt.date.today()
                return
    raise AssertionError("one of the zones is always on another day than UTC+8")


def test_a_new_inspection_is_dated_the_companys_today(qtbot: QtBot, computer_on_another_day: dt.date) -> None:
    dialog = NewInspectionDialog([PlaceChoice(1, None, "北京示例制造有限公司")], {}, "张伟", lambda new: None)
    qtbot.addWidget(dialog)
    assert python_date(dialog.date_edit.date()) == company_today() != computer_on_another_day


def test_the_lists_date_filter_ends_at_the_companys_today(qtbot: QtBot, computer_on_another_day: dt.date) -> None:
    view = InspectionsPage()
    qtbot.addWidget(view)
    assert python_date(view.date_to.date()) == company_today()
    assert view.date_from.date() == view.date_to.date().addMonths(-1)


def test_a_corrective_action_is_due_a_week_from_the_companys_today(
    qtbot: QtBot, computer_on_another_day: dt.date
) -> None:
    dialog = CorrectiveActionDialog("测温", "王强")
    qtbot.addWidget(dialog)
    assert python_date(dialog.due_edit.date()) == company_today() + dt.timedelta(days=7)


def test_overdue_and_the_follow_up_date_follow_the_companys_today(
    qtbot: QtBot, computer_on_another_day: dt.date
) -> None:
    # Due on the computer's today: overdue exactly when the company is already a day further on.
    action = ActionInfo(1, "GN-01", "上下午各测一次体温", "王强", computer_on_another_day, "open")
    model = CorrectiveActionsModel()
    model.set_rows([ActionRow(action, ())])
    status = model.index(0, ActionColumn.STATUS).data()
    assert ("已逾期" in status) == (company_today() > computer_on_another_day), status

    dialog = FollowUpDialog(action, "测温", ["done"], False, lambda status, note, on: True)
    qtbot.addWidget(dialog)
    assert python_date(dialog.date_edit.date()) == company_today()
    assert python_date(dialog.date_edit.maximumDate()) == company_today()
