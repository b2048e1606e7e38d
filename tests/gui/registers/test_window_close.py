"""The 台账 window closes by its own 关闭(&X) button (docs/usability.md #42): without a window manager there is
no title bar, so the button is the only way out. Closing by it stores the temperature being typed, exactly as
the window's closeEvent does, whether 关闭 is clicked or Alt+X pressed."""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.common import i18n
from desktop.registers.grid import GridColumn
from tests.gui.helpers import click, close_window, focused, settle, show_registers, start_app
from tests.gui.registers.seed import MANAGER, OFFICER, PASSWORDS, seed_roster
from tests.gui.registers.test_readings import open_readings, stored


@pytest.mark.parametrize("by", ["mouse", "alt+x"])
def test_closing_by_its_button_stores_the_temperature_being_typed(qtbot: QtBot, db_url: str, by: str) -> None:
    seed_roster(db_url)
    window = start_app(qtbot, db_url, OFFICER, PASSWORDS[OFFICER])
    page = open_readings(qtbot, window, dt.datetime(2020, 3, 2, 9, 30))
    registers = window.registers_window
    assert registers is not None
    button = registers.close_button
    assert button.text() == "关闭(&X)"
    area = QApplication.primaryScreen().availableGeometry()
    assert area.contains(registers.frameGeometry()) and button.isVisible()
    assert area.contains(button.mapToGlobal(button.rect().bottomRight()))  # on screen, not clipped away
    for character in "36.7":  # typed into 张三's morning cell, not yet stored (no Enter, no move)
        qtbot.keyClicks(focused(), character)
    assert page.grid.currentIndex().column() == GridColumn.MORNING
    assert stored(db_url)["张三"][0] is None
    if by == "mouse":
        click(qtbot, button)
    else:
        qtbot.keyClick(focused(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.registers_window is None, timeout=20000)  # closed (deleted on close)
    assert window.isVisible()  # the main window stays
    assert stored(db_url)["张三"] == (36.7, None, False, False)
    # 台账 opens it again, reading back what was stored
    again = show_registers(qtbot, window, "readings")
    qtbot.waitUntil(lambda: not again.readings.loading)
    close_window(qtbot, window)


def shared_alt_letters(window: QWidget) -> dict[str, list[str]]:
    """{letter: texts} of the visible buttons and labelled fields that share an Alt letter: Qt then only moves
    the focus between them on the first press (docs/usability.md #53)."""
    seen: dict[str, list[str]] = {}
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisible() or (isinstance(widget, QLabel) and widget.buddy() is None):
            continue
        letter = re.search(r"&([^&])", widget.text().replace("&&", ""))
        if letter:
            seen.setdefault(letter.group(1).upper(), []).append(widget.text())
    return {letter: texts for letter, texts in seen.items() if len(texts) > 1}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_alt_x_closes_from_every_tab_of_a_manager(qtbot: QtBot, db_url: str, language: str) -> None:
    """Alt+X is the window's own, and no Alt letter is shared on any tab, in Chinese or English (观察's 延长 took
    X, 台账设置 shared S with 缩短, 计划自, 保存房间 and 保存设置 before)."""
    if language == "en":
        i18n.install_language(i18n.ENGLISH)
    seed_roster(db_url)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers = show_registers(qtbot, window)
    for index in range(registers.tabs.count()):
        registers.tabs.setCurrentIndex(index)
        page = registers.tabs.currentWidget()
        qtbot.waitUntil(page.isVisible)
        assert shared_alt_letters(registers) == {}, registers.tabs.tabText(index)
    settle(qtbot, registers.disinfection, registers.isolation)
    qtbot.waitUntil(lambda: not any(p.loading for p in (registers.roster, registers.readings, registers.observation)))
    qtbot.waitUntil(lambda: not registers.dormitories.loading and not registers.canteen.loading)
    registers.tabs.setCurrentWidget(registers.observation)
    registers.activateWindow()
    qtbot.waitUntil(registers.isActiveWindow)
    registers.observation.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.registers_window is None, timeout=20000)
    close_window(qtbot, window)


def test_closing_while_a_page_is_still_reading_leaves_no_error(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """关闭 pressed while 医学观察 is still being read (a slow network database): the window goes, and the read
    that finishes afterwards has no window left to show it in — it is dropped, not raised on the pool's thread
    (“Signal source has been deleted” before)."""
    import storage.ledger

    seed_roster(db_url)
    reading = threading.Event()
    release = threading.Event()
    real = storage.ledger.observation_list

    def slow_observation_list(*args: Any, **kwargs: Any) -> Any:
        reading.set()
        release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(storage.ledger, "observation_list", slow_observation_list)
    window = start_app(qtbot, db_url, MANAGER, PASSWORDS[MANAGER])
    registers = show_registers(qtbot, window)
    qtbot.waitUntil(reading.is_set)
    click(qtbot, registers.close_button)
    qtbot.waitUntil(lambda: window.registers_window is None)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(20000)
    qtbot.wait(50)  # anything queued back to the window's thread runs now (and would fail the test)
    assert window.isVisible()
    close_window(qtbot, window)
