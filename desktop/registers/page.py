"""What the register tabs of a day share (通风消毒, 隔离观察区): the database and the account, the day shown, and
the one way they read and write — on the thread pool (:func:`desktop.common.operations.run_in_background`), so
a day of a large site on a network database never freezes the window.

:meth:`RegisterPage.read` runs a read and shows its result unless a newer read was started meanwhile;
:meth:`RegisterPage.write` runs one change at a time — a change made while another is being written waits for
it and is written next, in the order made, never dropped — says a refusal in words through the tab's own
``refused``, and on success reloads the day and emits ``changed``. :attr:`RegisterPage.working` says whether
either is under way (the tests wait for it; closing waits for the pool). :func:`day_edit` and
:func:`record_table` build the date field and the table of records every register tab has alike;
:class:`LedgerPage` is what the tabs that act as one account (the health ledger's, the sites') start from.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QHeaderView, QTableView, QWidget

from checklist.company import company_today
from checklist.workflow import WRITE_ROLES
from desktop.common.dates import company_qdate
from desktop.common.errors import show_error
from desktop.common.look import compact_rows
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from desktop.accounts.account import Account
    from storage.db import Database
    from storage.errors import KnownError

T = TypeVar("T")


@dataclass(frozen=True)
class _Write(Generic[T]):
    """A change the user made, waiting for the pool or on it, and what to do with its outcome."""

    change: Callable[[], T]
    done: Callable[[T], None]
    refused: Callable[[KnownError], None]
    refusals: int  # how many changes of the page had been refused when this one was made


class RegisterPage(QWidget):
    """A register tab that shows one day; subclasses implement :meth:`show_day` with :meth:`read`."""

    changed = Signal()  # something was written: other tabs that show it reload
    settled = Signal()  # no read or write is under way any more

    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.account = account
        self.can_write = account.role in WRITE_ROLES
        self.day = company_today()
        self._reads = 0  # the number of the newest read: an older one's result is dropped
        self._running = 0
        self._writing = False  # a change is on the thread pool
        self._writes: deque[_Write[Any]] = deque()  # changes made meanwhile, written next in this order
        self._refusals = 0
        # While a change's ``done`` runs: whether a change made before it was refused after it was made (it
        # waited behind that one). Its refusal is on the page and must stay there, not be cleared by this success.
        self.refused_meanwhile = False

    @property
    def working(self) -> bool:
        """Whether a read or a write of this tab is under way on the thread pool."""
        return self._running > 0

    def _finished(self) -> None:
        self._running -= 1
        if not self._running:
            self.settled.emit()

    def read(self, work: Callable[[], T], show: Callable[[T], None], what: str) -> None:
        """Run ``work`` (plain data out, no widget touched) on the thread pool and ``show`` its result here,
        unless a newer read was started meanwhile; a failure is said in one sentence (``what``), the page kept."""
        self._reads += 1
        number = self._reads
        self._running += 1

        def done(result: T) -> None:
            try:
                if number == self._reads:
                    show(result)
            finally:
                self._finished()

        def failed(error: BaseException) -> None:
            self._finished()
            show_error(self, what, error, self.tr("没有修改任何数据。"))

        run_in_background(self, lambda _progress: work(), done, failed, show_progress=False)

    def write(
        self,
        change: Callable[[], T],
        done: Callable[[T], None],
        refused: Callable[[KnownError], None],
    ) -> None:
        """Run one change on the thread pool, one at a time: a change made while another is being written
        waits for it and runs next (what the user entered is never dropped; ``change`` holds the values as
        they were when it was made). ``refused(error)`` says a KnownError in words; on success
        ``done(result)`` (which leaves an earlier change's refusal shown when :attr:`refused_meanwhile`), the day
        is read again and ``changed`` emitted. Anything else is a bug: the application's error handler shows it
        (the changes waiting are still written)."""
        self._running += 1
        self._writes.append(_Write(change, done, refused, self._refusals))
        if not self._writing:
            self._next_write()

    def _next_write(self) -> None:
        from storage.errors import KnownError

        if not self._writes:
            return
        write = self._writes.popleft()
        self._writing = True

        def succeeded(result: Any) -> None:
            try:
                self.refused_meanwhile = self._refusals != write.refusals
                write.done(result)
                self.show_day(self.day)
                self.changed.emit()
            finally:
                self.refused_meanwhile = False
                self._write_finished()

        def failed(error: BaseException) -> None:
            try:
                if not isinstance(error, KnownError):
                    raise error
                self._refusals += 1
                write.refused(error)
            finally:
                self._write_finished()

        run_in_background(self, lambda _progress: write.change(), succeeded, failed, show_progress=False)

    def _write_finished(self) -> None:
        self._writing = False
        self._next_write()
        self._finished()

    def show_day(self, day: dt.date) -> None:  # pragma: no cover - every tab implements it
        raise NotImplementedError

    def reload(self) -> None:
        self.show_day(self.day)


class LedgerPage(QWidget):
    """A register tab that acts as one account (花名册, 体温登记, 医学观察, 宿舍登记, 食堂错峰就餐): ``actor`` is
    named in every change it makes (the core checks its role again), ``can_edit`` for the roles that write;
    ``loading`` while a read is under way on the thread pool, ``loaded`` once its result is shown."""

    loaded = Signal()

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.can_edit = role in WRITE_ROLES
        self.loading = False

    def people_shown(self, offset: int, shown: int, total: int) -> str:
        """Which people of how many a page shows: 第 1–50 人，共 1,200 人."""
        return (
            QCoreApplication.translate("LedgerPage", "第 %1–%2 人，共 %3 人")
            .replace("%1", f"{offset + 1:,}")
            .replace("%2", f"{offset + shown:,}")
            .replace("%3", f"{total:,}")
        )


def ignore(_: Any) -> None:
    """A ``done`` for a write whose result needs nothing more than the reload."""


def day_edit(object_name: str, day: QDate | None = None) -> QDateEdit:
    """A date field with a calendar, shown as 2020-03-02; ``day`` (the company's today unless given) to start
    with."""
    edit = QDateEdit(company_qdate() if day is None else day)
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


MIN_COLUMN_CHARACTERS = 4


def record_table(
    model: QAbstractItemModel,
    object_name: str,
    *,
    single: bool = False,
    read_only: bool = False,
    striped: bool = False,
    wrap: bool = True,
) -> QTableView:
    """A register's table of records: whole rows selected (``single``: one at a time), compact rows, columns
    as wide as their contents with the last one stretched. ``read_only``: no cell editing and no row numbers;
    ``striped``: alternating row colours; ``wrap=False``: a long cell is cut short rather than wrapped."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if read_only:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
    if striped:
        table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    compact_rows(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # A column is at least four characters wide: in an empty register (every new user's first look) the
    # columns would otherwise shrink to two-character headers and the last one take all the rest.
    header.setMinimumSectionSize(MIN_COLUMN_CHARACTERS * table.fontMetrics().horizontalAdvance("中") + 12)
    return table
