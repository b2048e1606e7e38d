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
from desktop.registers.roster import RosterPage

if TYPE_CHECKING:
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        fit_to_screen(self, 1280, 760)
        self.roster.show_page(0)
