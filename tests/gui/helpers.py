"""Helpers that drive the real widgets the way an officer would (clicks and typing)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.accounts.login import LoginDialog
from desktop.app import FugongApp
from desktop.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.audit.view import AuditWindow
    from desktop.editor.inspection import InspectionEditor
    from desktop.editor.view import InspectionView
    from desktop.registers.window import RegistersWindow

VALID_CREDIT_CODE = "91110000600037341L"
WRONG_CHECK_CHARACTER = "91110000600037341X"
PASSWORD = "zhangwei-2020"  # the password of the account seed_inspection creates


def start_app(qtbot: QtBot, db_url: str, user: str | None = "张伟", password: str = PASSWORD) -> MainWindow:
    """Start the app as ``run_gui`` does (without its event loop) and wait until the database is open; if it
    asks for a login, log in as ``user`` (None: leave the login dialog open)."""
    app = FugongApp(db_url)
    window = app.start()
    window._test_app = app  # type: ignore[attr-defined]  # keep the owner alive with the window
    qtbot.waitUntil(lambda: window.loaded, timeout=20000)
    if user is not None and window.login_dialog is not None:
        log_in(qtbot, window, user, password)
    return window


def _type_login(qtbot: QtBot, window: MainWindow, user: str, password: str) -> LoginDialog:
    """Type a name and password into the open login dialog and press 登录."""
    dialog = window.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.clear()
    type_into(qtbot, dialog.name_edit, user)
    type_into(qtbot, dialog.password_edit, password)
    click(qtbot, dialog.ok_button)
    return dialog


def log_in(qtbot: QtBot, window: MainWindow, user: str, password: str) -> None:
    """Type the name and password into the login dialog and wait until the window opens."""
    _type_login(qtbot, window, user, password)
    qtbot.waitUntil(lambda: window.account is not None and window.account.name == user, timeout=10000)
    assert window.stack.currentWidget() is not window.locked


def refused_login(qtbot: QtBot, window: MainWindow, user: str, password: str) -> str:
    """Type a login that the app refuses; return what the login dialog says."""
    dialog = _type_login(qtbot, window, user, password)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=10000)
    assert window.account is None
    return dialog.error.text()


def close_window(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    if window.db is not None:
        window.db.close()


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName()} is not visible"
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key clicks, Chinese as an input method commits it (拼音 → 汉字)."""
    chunk = ""
    for character in text + "\0":
        if character.isascii() or character == "\0":
            if chunk:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
                chunk = ""
            if character != "\0":
                qtbot.keyClicks(widget, character)
        else:
            chunk += character


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Give ``widget`` the focus and type into it."""
    widget.setFocus()
    type_text(qtbot, widget, text)


def click_toolbar(qtbot: QtBot, window: MainWindow, action_name: str) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    action = getattr(window, action_name)
    button = toolbar.widgetForAction(action)
    click(qtbot, button)


def show_audit(qtbot: QtBot, window: MainWindow) -> AuditWindow:
    """Choose 审计 and wait until the audit window is on screen with its first read shown."""
    window.audit_action.trigger()
    audit = window.audit_window
    assert audit is not None
    qtbot.waitUntil(lambda: audit.isVisible() and not audit.loading)
    return audit


def show_registers(qtbot: QtBot, window: MainWindow, tab: str | None = None) -> RegistersWindow:
    """Click 台账 on the toolbar and wait until the registers window is on screen; with ``tab`` (the page's
    attribute name, e.g. ``"observation"``), bring that tab to the front."""
    click_toolbar(qtbot, window, "registers_action")
    registers = window.registers_window
    assert registers is not None
    qtbot.waitExposed(registers)
    if tab is not None:
        registers.tabs.setCurrentWidget(getattr(registers, tab))
    return registers


def click_index(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex, double: bool = False) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not on screen"
    point: QPoint = rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # a real double click: the first click, then the second one
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def cell_in_row_of(model: QAbstractItemModel, key_column: int, key: str, column: int) -> str:
    """The text in ``column`` of the row whose ``key_column`` reads ``key`` (a name); AssertionError if none does."""
    for row in range(model.rowCount()):
        if model.index(row, key_column).data() == key:
            return str(model.index(row, column).data())
    raise AssertionError(f"no row reads {key!r} in column {key_column}")


def opened_urls(monkeypatch: Any) -> list[QUrl]:
    """Catch what the window hands the desktop to open (a report, a folder, an attachment): the URLs, in order,
    and nothing opened for real."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    return opened


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def make_photo(path: Path, color: str = "#4caf50", size: tuple[int, int] = (320, 240)) -> Path:
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def seed_inspection(db_url: str, catalogs: tuple[str, ...] = ("GN", "BJHQ"), officer: str = "张伟") -> int:
    """A company, a site (unless there are already) and a draft inspection, stored through the service as the
    GUI would; ``officer`` is the first account (a manager, password :data:`PASSWORD`) unless the database has
    accounts already."""
    from storage.auth import create_user
    from storage.companies import CompanyInput, add_site, list_companies, save_company
    from storage.db import open_database
    from storage.inspections import create_inspection
    from storage.unit_of_work import users_exist

    db = open_database(db_url)
    try:
        with db.session() as session:
            first = not users_exist(session)
        if first:
            create_user(db, officer, officer, "manager", PASSWORD)
        existing = list_companies(db)
        if existing:
            company, site = existing[0].id, existing[0].sites[0].id
        else:
            company = save_company(db, officer, CompanyInput("北京示例制造有限公司", VALID_CREDIT_CODE, "industrial"))
            site = add_site(db, officer, company, "一号厂区")
        return create_inspection(db, officer, company, dt.date(2020, 3, 2), officer, catalogs, site_id=site)
    finally:
        db.close()


def seed_site_inspection(db_url: str, site: str, date: dt.date = dt.date(2020, 3, 2), officer: str = "张伟") -> int:
    """A draft inspection of the first company at its site ``site`` (added unless it exists); run
    :func:`seed_inspection` first (it creates the company and the account)."""
    from storage.companies import add_site, list_companies
    from storage.db import open_database
    from storage.inspections import create_inspection

    db = open_database(db_url)
    try:
        company = list_companies(db)[0]
        site_id = next((s.id for s in company.sites if s.name == site), None)
        if site_id is None:
            site_id = add_site(db, officer, company.id, site)
        return create_inspection(db, officer, company.id, date, officer, ("GN",), site_id=site_id)
    finally:
        db.close()


def add_account(db_url: str, name: str, role: str, password: str, actor: str = "张伟") -> None:
    """One more account (without a signing key), created by ``actor``."""
    from storage.auth import create_user
    from storage.db import open_database

    db = open_database(db_url)
    try:
        create_user(db, actor, name, role, password)
    finally:
        db.close()


def choose_in_combo(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose the entry ``text`` with the keyboard, as from the label's mnemonic: the combo box gets the focus,
    Home goes to the first entry, Down steps to the one wanted (the offscreen platform cannot show a popup
    without warnings)."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not in {combo.objectName()}"
    assert combo.isVisible() and combo.isEnabled()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index and combo.currentText() == text


def answered_inspection(db_url: str, actor: str) -> int:
    """A draft of the first company and site with every item answered (as ``actor``), ready to complete:
    GN-01 fails with a corrective action, everything else passes."""
    from checklist.evaluation import Answer, Result
    from storage.actions import add_action
    from storage.companies import list_companies
    from storage.db import open_database
    from storage.inspections import create_inspection, load_inspection, save_answer

    db = open_database(db_url)
    try:
        company = list_companies(db)[0]
        site_id = company.sites[0].id if company.sites else None
        inspection_id = create_inspection(db, actor, company.id, dt.date(2020, 3, 2), actor, ("GN",), site_id=site_id)
        version = load_inspection(db, inspection_id).version
        version = save_answer(db, actor, inspection_id, version, "GN-01", Answer(Result.FAIL, {"checks_per_day": "1"}))
        for response in load_inspection(db, inspection_id).responses:
            if response.final is None:
                version = save_answer(db, actor, inspection_id, version, response.item_id, Answer(Result.PASS))
        add_action(db, actor, inspection_id, version, "GN-01", "上下午各测一次体温", actor, dt.date(2020, 3, 5))
        return inspection_id
    finally:
        db.close()


def completed_inspection(db_url: str, actor: str) -> int:
    """:func:`answered_inspection`, then completed by ``actor``: ready to be signed."""
    from storage.db import open_database
    from storage.inspections import complete, load_inspection

    inspection_id = answered_inspection(db_url, actor)
    db = open_database(db_url)
    try:
        complete(db, actor, inspection_id, load_inspection(db, inspection_id).version)
    finally:
        db.close()
    return inspection_id


def seed_accounts(db_url: str, accounts: dict[str, tuple[str, str]], signing_keys: bool = False) -> None:
    """Accounts {name: (role, password)} in order (the first becomes the manager) and, with the first as
    actor, a company and a site. ``signing_keys``: with a signing key each (made once per test process, see
    :mod:`tests.keys`)."""
    from storage.auth import create_user
    from storage.companies import CompanyInput, add_site, save_company
    from storage.db import open_database
    from tests.keys import create_account

    db = open_database(db_url)
    try:
        first = next(iter(accounts))
        first_password = accounts[first][1]
        for name, (role, password) in accounts.items():
            if signing_keys:
                create_account(
                    db, first, name, role, password, actor_password=None if name == first else first_password
                )
            else:
                create_user(db, first, name, role, password)
        company = save_company(db, first, CompanyInput("北京示例制造有限公司", VALID_CREDIT_CODE, "industrial"))
        add_site(db, first, company, "一号厂区")
    finally:
        db.close()


def signed_inspection(db_url: str, passwords: dict[str, str], auditor: tuple[str, str] | None = None) -> int:
    """A manager 王经理 and an officer 张伟 (``passwords``, both with signing keys; with ``auditor``, (name,
    password), an auditor too) and an inspection by the officer (:func:`answered_inspection`: GN-01 failed with a
    corrective action), completed, signed by the officer (检查人) and countersigned by the manager (审核)."""
    from export.signing import sign
    from storage.db import open_database

    seed_accounts(
        db_url, {"王经理": ("manager", passwords["王经理"]), "张伟": ("officer", passwords["张伟"])}, signing_keys=True
    )
    if auditor is not None:
        add_account(db_url, auditor[0], "auditor", auditor[1], actor="王经理")
    inspection_id = completed_inspection(db_url, "张伟")
    db = open_database(db_url)
    try:
        sign(db, inspection_id, "张伟", passwords["张伟"], "inspector")
        sign(db, inspection_id, "王经理", passwords["王经理"], "approver")
    finally:
        db.close()
    return inspection_id


def log_out(qtbot: QtBot, window: MainWindow) -> None:
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: window.login_dialog is not None and window.login_dialog.isVisible())
    assert window.account is None and window.stack.currentWidget() is window.locked


def open_row(qtbot: QtBot, window: MainWindow, inspection_id: int) -> InspectionView:
    """Double-click the inspection's row in the list, wait until it is open and return its view."""
    from desktop.inspections.model import Column

    qtbot.waitUntil(lambda: window.inspections.select_id(inspection_id))
    table = window.inspections.table
    row = table.selectionModel().selectedRows()[0].row()
    click_index(qtbot, table, table.model().index(row, Column.PLACE), double=True)
    qtbot.waitUntil(lambda: window.inspection_view is not None)
    assert window.editor is not None and window.editor.inspection_id == inspection_id
    assert window.inspection_view is not None
    return window.inspection_view


class OpenInspection(NamedTuple):
    """What :func:`open_editor` opened: the window, its inspection view and editor, and the draft's id."""

    window: MainWindow
    view: InspectionView
    editor: InspectionEditor
    inspection_id: int


def open_editor(qtbot: QtBot, db_url: str, catalogs: tuple[str, ...] = ("GN", "BJHQ")) -> OpenInspection:
    """A draft inspection (:func:`seed_inspection`) opened in the editor: start the app, log in as its
    officer and double-click its row in the list."""
    inspection_id = seed_inspection(db_url, catalogs)
    window = start_app(qtbot, db_url)
    open_row(qtbot, window, inspection_id)
    view, editor = window.inspection_view, window.editor
    assert view is not None and editor is not None
    return OpenInspection(window, view, editor, inspection_id)


def show_summary_tab(qtbot: QtBot, window: MainWindow) -> None:
    view = window.inspection_view
    assert view is not None
    tab_bar = view.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    assert view.tabs.currentWidget() is view.summary


def external_pkcs12(name: str, password: str) -> bytes:
    """A key with a certificate from some outside CA, as a PKCS#12 file's bytes (to import)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    from export.authority import issue, new_authority

    outside_key, outside = new_authority("外部 CA")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = issue(outside_key, outside, key.public_key(), name, "officer")
    return pkcs12.serialize_key_and_certificates(
        b"imported", key, certificate, [outside], serialization.BestAvailableEncryption(password.encode())
    )


def record_threads(
    monkeypatch: Any, owner: object, name: str, release: threading.Event | None = None
) -> list[threading.Thread]:
    """Wrap ``owner.name`` (a service function) so that every call records the thread it ran on: a test then
    asserts the work ran on the thread pool, never on the GUI thread (:func:`all_off_gui_thread`). With
    ``release``, each call is held until it is set (a slow network database; at most 30 s), so the test can
    see the window stay usable meanwhile."""
    threads: list[threading.Thread] = []
    real: Callable[..., Any] = getattr(owner, name)

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        if release is not None:
            release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, watched)
    return threads


def all_off_gui_thread(threads: list[threading.Thread]) -> bool:
    """Something ran, and none of it on the GUI (main) thread."""
    return bool(threads) and all(thread is not threading.main_thread() for thread in threads)


def settle(qtbot: QtBot, *pages: Any, timeout: int = 20000) -> None:
    """Wait until none of ``pages`` (register tabs: ``working``) has a read or write under way on the pool."""
    qtbot.waitUntil(lambda: not any(page.working for page in pages), timeout=timeout)
