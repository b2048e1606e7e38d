"""台账: the employee health ledger's window — the roster, the twice-daily grid, observation and the daily summary,
one tab each. Every page reads and writes through the core's services (``storage.roster``, ``storage.ledger``)
off the GUI thread; the logged-in account is the actor of every change and the core checks its role again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.common.assets import icon
from desktop.common.look import fit_to_screen
from desktop.registers.canteen import CanteenPage
from desktop.registers.dormitories import DormitoriesPage
from desktop.registers.observation import ObservationPage
from desktop.registers.readings import ReadingsPage
from desktop.registers.roster import RosterPage
from desktop.registers.summary import SummaryPage

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.accounts.account import Account
    from storage.db import Database


class RegistersWindow(QWidget):
    """A top-level window beside the main window (as the audit window is), for every role: an auditor reads,
    an officer or manager enters."""

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("registersWindow")
        self.setWindowTitle(self.tr("员工健康台账 — 复工自查"))
        self.setWindowIcon(icon("list"))
        self.db = db
        self.account = account
        self.tabs = QTabWidget()
        self.tabs.setObjectName("registersTabs")
        self.roster = RosterPage(db, account.name, account.role)
        self.tabs.addTab(self.roster, icon("account"), self.tr("花名册(&1)"))
        self.readings = ReadingsPage(db, account.name, account.role)
        self.tabs.addTab(self.readings, icon("item"), self.tr("体温登记(&2)"))
        self.observation = ObservationPage(db, account.name, account.role)
        self.tabs.addTab(self.observation, icon("unanswered"), self.tr("医学观察(&3)"))
        self.summary = SummaryPage(db, account)
        self.tabs.addTab(self.summary, icon("summary"), self.tr("每日汇总(&4)"))
        self.dormitories = DormitoriesPage(db, account.name, account.role)
        self.tabs.addTab(self.dormitories, icon("list"), self.tr("宿舍登记(&5)"))
        self.canteen = CanteenPage(db, account.name, account.role)
        self.tabs.addTab(self.canteen, icon("list"), self.tr("食堂错峰就餐(&6)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        fit_to_screen(self, 1280, 760)
        self.roster.show_page(0)
        self.readings.show_day(self.readings.day)
        self.observation.show_day(self.observation.day)
        self.summary.loaded.connect(self._summary_changed)
        # the summary loads the PDF and signing libraries: only once someone looks at it
        self.tabs.currentChanged.connect(self._tab_shown)
        self.readings.saved.connect(self._close_when_saved)
        self._closing = False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Store what was typed; while readings are still being stored the window stays, and closes after."""
        self.readings.flush()
        if self.readings.pending():
            self._closing = True
            self.readings.message.setText(self.tr("正在保存体温，保存后关闭窗口……"))
            event.ignore()
            return
        event.accept()

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.summary and self.summary.summary is None and not self.summary.loading:
            self.summary.show_day(self.summary.day)
        if self.tabs.currentWidget() is self.dormitories and not self.dormitories.loading:
            self.dormitories.refresh()
        if self.tabs.currentWidget() is self.canteen and self.canteen.site_combo.count() == 0:
            self.canteen.show_sites()

    def _summary_changed(self) -> None:
        """A day signed off takes no more readings: the grid of that day is shown locked."""
        summary = self.summary.summary
        if summary is not None and summary.signed_by is not None and summary.day == self.readings.day:
            self.readings.show_day(self.readings.day)

    def _close_when_saved(self) -> None:
        if self._closing and not self.readings.pending():
            self.close()
