"""台账: the employee health ledger's window — the roster, the twice-daily grid, observation and the daily summary,
one tab each. Every page reads and writes through the core's services (``storage.roster``, ``storage.ledger``)
off the GUI thread; the logged-in account is the actor of every change and the core checks its role again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.common.assets import icon
from desktop.common.look import fit_to_screen
from desktop.registers.canteen import CanteenPage
from desktop.registers.disinfection import DisinfectionPage
from desktop.registers.dormitories import DormitoriesPage
from desktop.registers.isolation import IsolationPage
from desktop.registers.ledger_settings import LedgerSettingsDialog
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
        self.disinfection = DisinfectionPage(db, account)
        self.tabs.addTab(self.disinfection, icon("verify"), self.tr("通风消毒(&5)"))
        self.isolation = IsolationPage(db, account)
        self.tabs.addTab(self.isolation, icon("fail"), self.tr("隔离观察区(&6)"))
        self.isolation.changed.connect(lambda: self.disinfection.show_day(self.disinfection.day))
        self.settings_button = QPushButton(icon("sources"), self.tr("台账设置(&Y)…"))
        self.settings_button.setObjectName("ledgerSettings")
        self.settings_button.setToolTip(self.tr("发热阈值与个人健康信息保存期限（单位主要负责人）"))
        self.settings_button.clicked.connect(self.open_settings)
        # a window without a window manager (a kiosk-style plant PC) has no title bar to close it by (#42)
        self.close_button = QPushButton(self.tr("关闭(&X)"))
        self.close_button.setObjectName("registersClose")
        self.close_button.setToolTip(self.tr("保存正在填写的体温后关闭台账窗口"))
        self.close_button.clicked.connect(self.close)
        corner = QWidget()
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 0)
        corner_row.addWidget(self.settings_button)
        corner_row.addWidget(self.close_button)
        self.tabs.setCornerWidget(corner)
        self.settings_dialog: LedgerSettingsDialog | None = None
        self.dormitories = DormitoriesPage(db, account.name, account.role)
        self.tabs.addTab(self.dormitories, icon("list"), self.tr("宿舍登记(&7)"))
        self.canteen = CanteenPage(db, account.name, account.role)
        self.tabs.addTab(self.canteen, icon("list"), self.tr("食堂错峰就餐(&8)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        fit_to_screen(self, 1280, 760)
        self.roster.show_page(0)
        self.readings.show_day(self.readings.day)
        self.observation.show_day(self.observation.day)
        self.disinfection.show_day(self.disinfection.day)
        self.isolation.show_day(self.isolation.day)
        self.summary.loaded.connect(self._summary_changed)
        # the summary loads the PDF and signing libraries: only once someone looks at it
        self.tabs.currentChanged.connect(self._tab_shown)
        self.readings.saved.connect(self._close_when_saved)
        self._closing = False
        # pages that list the roster's people or count the day's readings, read again when next shown
        self._stale: set[QWidget] = set()
        self.roster.loaded.connect(lambda: self._stale.update({self.readings, self.observation, self.summary}))
        self.readings.saved.connect(lambda: self._stale.add(self.summary))

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
        self._refresh_if_stale()
        if self.tabs.currentWidget() is self.summary and self.summary.summary is None and not self.summary.loading:
            self.summary.show_day(self.summary.day)
        if self.tabs.currentWidget() is self.dormitories and not self.dormitories.loading:
            self.dormitories.refresh()
        # once: a second read of the sites, landing after the officer began typing, would refill the page
        if (
            self.tabs.currentWidget() is self.canteen
            and self.canteen.site_combo.count() == 0
            and not self.canteen.loading
        ):
            self.canteen.show_sites()

    def _refresh_if_stale(self) -> None:
        """A person added, edited or imported in 花名册 is in 体温登记 and 医学观察 when the officer turns to them,
        and 每日汇总 counts the readings typed since it was read (each read once, and not while busy)."""
        page = self.tabs.currentWidget()
        if page not in self._stale:
            return
        if page is self.readings and not self.readings.loading and not self.readings.pending():
            self._stale.discard(page)
            self.readings.show_day(self.readings.day, self.readings.offset)
        elif page is self.observation and not self.observation.loading:
            self._stale.discard(page)
            self.observation.show_day(self.observation.day)
        elif page is self.summary and self.summary.summary is not None and not self.summary.loading:
            self._stale.discard(page)
            self.summary.show_day(self.summary.day)

    def _summary_changed(self) -> None:
        """A day signed off takes no more readings: the grid of that day is shown locked."""
        summary = self.summary.summary
        if summary is not None and summary.signed_by is not None and summary.day == self.readings.day:
            self.readings.show_day(self.readings.day)

    def open_settings(self) -> None:
        """台账设置: the threshold and retention; what they change is read again when the dialog says so."""
        dialog = LedgerSettingsDialog(self.db, self.account.name, self.account.role, self)
        self.settings_dialog = dialog
        dialog.changed.connect(self._settings_changed)
        dialog.finished.connect(lambda _: setattr(self, "settings_dialog", None))
        dialog.open()

    def _settings_changed(self) -> None:
        self.readings.show_day(self.readings.day)
        self.roster.show_page(self.roster.offset)
        self.observation.show_day(self.observation.day)

    def _close_when_saved(self) -> None:
        if self._closing and not self.readings.pending():
            self.close()
