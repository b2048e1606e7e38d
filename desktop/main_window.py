"""The main window: the inspections list, and the open inspection in its place.

The window appears at once; the database is opened and the list loaded off the GUI thread
(:mod:`desktop.common.operations`), so start-up does not wait for SQLAlchemy, migrations or a large history.
Storage, checklist and the inspection widgets are imported only when they are needed.

Nothing is shown until someone logs in (登录): on a database without accounts the first-run setup creates the
first one. The logged-in account is the actor of every change; its role decides what the window offers, and
the service layer checks it again on every save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from checklist.workflow import InspectionStatus, signable_meanings
from desktop.accounts.account import Account, has_accounts, log_in, role_text
from desktop.accounts.login import LockedPage
from desktop.common import i18n
from desktop.common.assets import icon
from desktop.common.errors import show_error
from desktop.common.look import fit_to_screen, keep_within_screen
from desktop.common.operations import Cancelled, Progress, run_in_background, wait_for_background_work
from desktop.common.settings import GEOMETRY, STATE, last_user_name, load_bytes, save_bytes, set_last_user_name

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.accounts.add import AddAccountDialog
    from desktop.accounts.company import CompanyDialog
    from desktop.accounts.first_run import SetupDialog
    from desktop.accounts.login import LoginDialog
    from desktop.accounts.manage import AccountsDialog
    from desktop.accounts.password import PasswordDialog
    from desktop.audit.view import AuditWindow
    from desktop.editor.inspection import InspectionEditor, LoadedInspection
    from desktop.editor.view import InspectionView
    from desktop.inspections.new import NewInspection, NewInspectionDialog
    from desktop.inspections.view import InspectionsPage
    from desktop.registers.window import RegistersWindow
    from desktop.settings.dialog import SettingsDialog
    from desktop.settings.logo import LogoChoice
    from desktop.signing.dialog import CorrectionDialog, SignDialog
    from storage.db import Database
    from storage.listing import InspectionRow

VERSION = "0.1.0"


class Loaded(NamedTuple):
    """What the background loader hands the window: plain data only."""

    db: Database
    has_company: bool
    has_accounts: bool
    rows: list[InspectionRow]


def load_database(url: str, db: Database | None, progress: Progress) -> Loaded:
    """Open (and migrate) the database if needed, then read the inspections list. Runs off the GUI thread."""
    from storage.companies import list_companies
    from storage.db import open_database
    from storage.listing import list_inspections

    if db is None:  # the application's start: its log file, and what a killed run left behind
        from storage.files import clean_leftovers
        from storage.logfile import setup_logging

        setup_logging()
        clean_leftovers()
    progress.update(0, 0, "")
    database = db if db is not None else open_database(url)
    progress.check()
    has_company = bool(list_companies(database))
    rows = list_inspections(database, limit=None)
    return Loaded(database, has_company, has_accounts(database), rows)


class MainWindow(QMainWindow):
    """Menus, toolbar, and a stack of the list page and the open inspection."""

    ready = Signal()  # the database is open and the list is shown
    language_requested = Signal(str)

    def __init__(
        self,
        db_url: str,
        db: Database | None = None,
        account: Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db_url = db_url
        self.db: Database | None = db
        self.account: Account | None = account  # carried over when the window is rebuilt (language switch)
        self.has_company = False
        self.has_accounts = False
        self.loaded = False
        self.editor: InspectionEditor | None = None
        self.inspection_view: InspectionView | None = None
        self.setup_dialog: SetupDialog | None = None
        self.new_dialog: NewInspectionDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.account_dialog: AddAccountDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.company_dialog: CompanyDialog | None = None
        self.sign_dialog: SignDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.audit_window: AuditWindow | None = None
        self.registers_window: RegistersWindow | None = None
        self._pending_open: tuple[int, str | None] | None = None  # (inspection, item) to open once logged in
        self.opening: int | None = None  # the inspection being read in the background to be opened
        self._initial_rows: list[InspectionRow] | None = None
        self.setWindowTitle(self.tr("复工自查 Fugong Self-Check"))
        self.setWindowIcon(icon("fugong"))

        self._inspections: InspectionsPage | None = None  # built once the database is open (see below)
        self.locked = LockedPage()
        self.locked.button.clicked.connect(self._locked_button)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.locked)
        self.setCentralWidget(self.stack)
        self.save_state_label = QLabel()
        self.save_state_label.setObjectName("saveState")
        self.user_label = QLabel(self.tr("未登录"))
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.save_state_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().showMessage(self.tr("正在打开数据库……"))

        self._build_actions()
        self._build_menus()
        self._update_actions()

        geometry = load_bytes(GEOMETRY)
        self._restored = geometry is not None and self.restoreGeometry(geometry)
        if not self._restored:
            fit_to_screen(self, 1200, 800)
        state = load_bytes(STATE)
        if state is not None:
            self.restoreState(state)

    @property
    def inspections(self) -> InspectionsPage:
        """The inspections list page (built on first use)."""
        return self._list_page()

    def _list_page(self) -> InspectionsPage:
        """Nobody sees the list before logging in, so it is built when the database is open (or first
        needed), not before the window first shows."""
        if self._inspections is None:
            from desktop.inspections.view import InspectionsPage

            page = InspectionsPage()
            page.batch_button.setDefaultAction(self.batch_action)
            page.open_requested.connect(self.open_inspection)
            page.selection_changed.connect(self._update_actions)
            page.shown_changed.connect(self._update_actions)
            self.stack.addWidget(page)
            self._inspections = page
        return self._inspections

    def _selected_id(self) -> int | None:
        return self._inspections.selected_id() if self._inspections is not None else None

    # --- actions and menus ----------------------------------------------------------------------------

    def _action(
        self, name: str, text: str, slot: Any, shortcuts: list[QKeySequence] | None = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name or name), text, self)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setToolTip(
                f"{text.replace('&', '')} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action("new", self.tr("新建检查(&N)…"), self.new_inspection, [key(key.StandardKey.New)])
        self.open_action = self._action("open", self.tr("打开检查(&O)"), self._open_selected, [key("Ctrl+O")])
        self.list_action = self._action("list", self.tr("返回检查列表(&L)"), self.show_list, [key("Ctrl+L")])
        self.export_action = self._action("export", self.tr("导出报告(&E)…"), self.export_current, [key("Ctrl+E")])
        self.export_action.setStatusTip(self.tr("PDF 报告和 Excel 工作簿，中文或英文（在导出时选择）"))
        self.batch_action = self._action(
            "batch", self.tr("导出汇总表(&B)…"), self.export_shown, [key("Ctrl+Shift+E")], icon_name="export"
        )
        self.batch_action.setToolTip(self.tr("把列表当前显示的检查（按筛选条件）导出到一个 Excel 汇总表"))
        self.batch_action.setStatusTip(self.batch_action.toolTip())
        self.refresh_action = self._action("refresh", self.tr("刷新列表(&R)"), self.reload_list, [key("F5")])
        self.settings_action = self._action("settings", self.tr("设置(&T)…"), self.show_settings, icon_name="list")
        self.quit_action = self._action("quit", self.tr("退出(&Q)"), self.close, [key("Ctrl+Q")])
        self.pass_action = self._action("pass", self.tr("合格"), lambda: self._result("pass"), [key("Ctrl+1")])
        self.fail_action = self._action("fail", self.tr("不合格"), lambda: self._result("fail"), [key("Ctrl+2")])
        self.na_action = self._action("na", self.tr("不适用"), lambda: self._result("na"), [key("Ctrl+3")])
        self.next_action = self._action(
            "next", self.tr("下一项(&X)"), lambda: self._step(1), [key("Ctrl+Down"), key("Ctrl+PgDown")]
        )
        self.previous_action = self._action(
            "previous", self.tr("上一项(&V)"), lambda: self._step(-1), [key("Ctrl+Up"), key("Ctrl+PgUp")]
        )
        self.summary_action = self._action("summary", self.tr("汇总(&S)"), self._summary, [key("F9")])
        self.sign_action = self._action("sign", self.tr("签署(&G)…"), self.sign_current, [key("Ctrl+G")])
        self.correction_action = self._action(
            "correct", self.tr("新版本（更正）(&C)…"), self.correct_current, icon_name="new"
        )
        self.audit_action = self._action("audit", self.tr("审计(&D)…"), self.show_audit, [key("Ctrl+Shift+A")])
        self.registers_action = self._action(
            "registers", self.tr("台账(&T)…"), self.show_registers, [key("Ctrl+Shift+T")], icon_name="list"
        )
        self.registers_action.setToolTip(
            self.tr("员工健康台账：花名册、每日两次测温、医学观察、每日汇总 (Ctrl+Shift+T)")
        )
        self.registers_action.setStatusTip(self.registers_action.toolTip())
        self.add_account_action = self._action("account", self.tr("添加账户(&A)…"), self.add_account)
        self.manage_accounts_action = self._action(
            "accounts", self.tr("管理账户(&M)…"), self.manage_accounts, icon_name="account"
        )
        self.company_action = self._action("company", self.tr("企业信息(&Y)…"), self.edit_company, icon_name="account")
        self.password_action = self._action(
            "password", self.tr("修改密码(&P)…"), self.change_password, icon_name="account"
        )
        self.logout_action = self._action("logout", self.tr("退出登录(&O)"), self.log_out)
        self.sources_action = self._action("sources", self.tr("依据文件(&S)…"), self.show_sources)
        self.about_action = self._action("about", self.tr("关于复工自查(&A)…"), self.show_about)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language, name in i18n.LANGUAGES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{language}")
            action.setCheckable(True)
            action.setChecked(language == i18n.current_language())
            action.triggered.connect(lambda _=False, lang=language: self._choose_language(lang))
            self.language_group.addAction(action)
            self.language_actions[language] = action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        for action in (
            self.new_action,
            self.open_action,
            self.list_action,
            self.export_action,
            self.batch_action,
            self.refresh_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        inspection_menu = menu.addMenu(self.tr("检查(&I)"))
        for action in (self.pass_action, self.fail_action, self.na_action):
            inspection_menu.addAction(action)
        inspection_menu.addSeparator()
        for action in (self.previous_action, self.next_action, self.summary_action):
            inspection_menu.addAction(action)
        inspection_menu.addSeparator()
        inspection_menu.addAction(self.sign_action)
        inspection_menu.addAction(self.correction_action)
        view_menu = menu.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.audit_action)
        view_menu.addAction(self.registers_action)
        language_menu = view_menu.addMenu(self.tr("语言 / Language(&L)"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        account_menu = menu.addMenu(self.tr("账户(&U)"))
        account_menu.setObjectName("accountMenu")
        account_menu.addAction(self.add_account_action)
        account_menu.addAction(self.manage_accounts_action)
        account_menu.addAction(self.company_action)
        account_menu.addAction(self.password_action)
        account_menu.addSeparator()
        account_menu.addAction(self.logout_action)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.sources_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # by name: see desktop.app
        for action in (self.new_action, self.list_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.previous_action, self.next_action, self.summary_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.sign_action, self.audit_action, self.registers_action):
            toolbar.addAction(action)

    @Slot()
    def _update_actions(self) -> None:
        account = self.account
        loaded = self.db is not None and self.loaded and account is not None
        in_inspection = self.inspection_view is not None and self.stack.currentWidget() is self.inspection_view
        editable = in_inspection and self.editor is not None and self.editor.editable
        self.new_action.setEnabled(loaded and self.has_company and account is not None and account.can_edit)
        self.open_action.setEnabled(loaded and not in_inspection and self._selected_id() is not None)
        self.list_action.setEnabled(in_inspection)
        self.export_action.setEnabled(loaded and (in_inspection or self._selected_id() is not None))
        # every role (an auditor too: it changes nothing); what the list shows, so not over an open inspection
        shown = self._inspections.proxy.rowCount() if self._inspections is not None else 0
        self.batch_action.setEnabled(loaded and not in_inspection and shown > 0)
        self.refresh_action.setEnabled(loaded)
        editor = self.editor if in_inspection else None
        self.sign_action.setEnabled(
            editor is not None
            and account is not None
            and bool(signable_meanings(account.role, editor.header.status, editor.signed_meanings, editor.signed_by_me))
        )
        self.correction_action.setEnabled(
            editor is not None
            and account is not None
            and account.can_edit
            and editor.header.status == InspectionStatus.SIGNED
        )
        self.audit_action.setEnabled(loaded)
        self.registers_action.setEnabled(loaded)  # every role: an auditor reads, the core refuses its changes
        self.add_account_action.setEnabled(loaded and account is not None and account.can_manage_accounts)
        self.manage_accounts_action.setEnabled(loaded and account is not None and account.can_manage_accounts)
        self.company_action.setEnabled(loaded and self.has_company and account is not None and account.can_edit_company)
        self.password_action.setEnabled(loaded and account is not None)  # every role: one's own password
        self.logout_action.setEnabled(account is not None)
        for action in (self.pass_action, self.fail_action, self.na_action):
            action.setEnabled(editable)
        for action in (self.next_action, self.previous_action, self.summary_action):
            action.setEnabled(in_inspection)

    # --- loading --------------------------------------------------------------------------------------

    def start_loading(self) -> None:
        """Open the database and read the list in the background; the window is usable meanwhile."""
        url, db = self.db_url, self.db
        run_in_background(
            self,
            lambda progress: load_database(url, db, progress),
            self._loaded,
            self._load_failed,
            self.tr("正在打开数据库……"),
            show_progress=False,
        )

    def _loaded(self, loaded: Loaded) -> None:
        self.db = loaded.db
        self.has_company = loaded.has_company
        self.has_accounts = loaded.has_accounts
        self.loaded = True
        self._initial_rows = loaded.rows
        self._list_page()  # now, while the login is typed
        self.statusBar().showMessage(self.tr("数据库：{url}").format(url=self._db_name()), 8000)
        if self.account is not None:  # the window was rebuilt: the same user stays logged in
            self._logged_in(self.account)
        elif not self.has_accounts:
            self._drop_login()  # a login form opened early is no use: there is no account yet
            self.open_setup()
        elif self.login_dialog is not None:  # opened early: logins can be checked now
            self.login_dialog.set_check(self._login_check())
        else:
            self.open_login()
        self._update_actions()
        self.ready.emit()

    def _db_name(self) -> str:
        if self.db is not None and self.db.sqlite_path is not None:
            return str(self.db.sqlite_path)
        if self.db_url.startswith("sqlite:///"):
            return self.db_url.removeprefix("sqlite:///")
        return self.db_url.split("@")[-1]

    def _load_failed(self, error: BaseException) -> None:
        self._drop_login()
        self._lock(self.tr("无法打开数据库。"))
        self.statusBar().showMessage(self.tr("无法打开数据库"))
        show_error(
            self,
            self.tr("无法打开数据库。"),
            error,
            self.tr("没有修改任何数据。请处理上述问题后重新启动程序。"),
        )

    @Slot()
    def reload_list(self) -> None:
        if self.db is None:
            return
        from storage.listing import list_inspections

        db = self.db
        run_in_background(
            self,
            lambda _progress: list_inspections(db, limit=None),
            self.inspections.set_rows,
            lambda error: show_error(self, self.tr("无法读取检查列表。"), error, self.tr("没有修改任何数据。")),
            self.tr("正在读取检查列表……"),
        )

    # --- first run, login and accounts --------------------------------------------------------------

    def _lock(self, message: str, button: str = "") -> None:
        """Show nothing of the data: the list is emptied and the locked page shown."""
        if self._inspections is not None:
            self._inspections.set_rows([])
        self.locked.message.setText(message)
        self.locked.button.setText(button)
        self.locked.button.setVisible(bool(button))
        self.stack.setCurrentWidget(self.locked)
        self._update_actions()

    @Slot()
    def _locked_button(self) -> None:
        if self.has_accounts:
            self.open_login()
        else:
            self.open_setup()

    def open_setup(self) -> None:
        """First run: the company (if there is none yet) and, without accounts, the first account."""
        from desktop.accounts.first_run import SetupDialog, save_setup

        assert self.db is not None
        ask_account = not self.has_accounts
        db, actor = self.db, self.account.name if self.account is not None else ""
        dialog = SetupDialog(
            lambda values: save_setup(db, values, ask_account, actor),
            last_user_name(),
            ask_company=not self.has_company,
            ask_account=ask_account,
            parent=self,
        )
        self.setup_dialog = dialog
        dialog.accepted.connect(lambda: self._setup_saved(dialog))
        dialog.finished.connect(self._setup_finished)
        if ask_account:
            self._lock(self.tr("请完成首次设置：创建第一个账户后即可使用。"), self.tr("首次设置(&S)…"))
        dialog.open()

    def _setup_saved(self, dialog: SetupDialog) -> None:
        self.has_company = True
        if isinstance(dialog.saved, Account):
            self.has_accounts = True
            self._logged_in(dialog.saved)

    @Slot(int)
    def _setup_finished(self, _: int) -> None:
        self._forget_dialog("setup_dialog")
        self._update_actions()

    def _forget_dialog(self, name: str) -> None:
        """A dialog is done: drop it (deleted once its signals are delivered)."""
        dialog = getattr(self, name)
        setattr(self, name, None)
        if dialog is not None:
            dialog.deleteLater()

    def offer_login(self) -> None:
        """At start-up, before the database is open: if someone has logged in on this computer before, ask
        for the login at once, so the password is typed while the database opens behind the dialog."""
        if self.db is None and self.account is None and self.login_dialog is None and last_user_name():
            self.open_login()

    def _login_check(self) -> Callable[[str, str], Account]:
        db = self.db
        assert db is not None
        return lambda name, password: log_in(db, name, password)

    def _drop_login(self) -> None:
        """Close a login dialog without quitting (it was opened before the database turned out unusable)."""
        dialog = self.login_dialog
        if dialog is not None:
            dialog.hide()
            self._forget_dialog("login_dialog")

    def open_login(self) -> None:
        from desktop.accounts.login import LoginDialog

        self._lock(self.tr("请登录。"))
        check = self._login_check() if self.db is not None else None
        dialog = LoginDialog(check, last_user_name(), self._db_name(), self)
        self.login_dialog = dialog
        dialog.accepted.connect(lambda: self._logged_in(dialog.account) if dialog.account else None)
        dialog.rejected.connect(self.close)  # no login, no app
        dialog.finished.connect(lambda _: self._forget_dialog("login_dialog"))
        dialog.open()

    def _logged_in(self, account: Account) -> None:
        """Show the data to ``account``; every change from now on is made in its name."""
        self.account = account
        set_last_user_name(account.name)
        self.user_label.setText(
            self.tr("已登录：{name}（{role}）").format(name=account.name, role=role_text(account.role))
        )
        if self._initial_rows is not None:
            self.inspections.set_rows(self._initial_rows)
            self._initial_rows = None
        else:
            self.reload_list()
        if self.stack.currentWidget() is self.locked:
            self.stack.setCurrentWidget(self.inspections)
            self.inspections.table.setFocus()
        self.activateWindow()  # the keyboard goes back to the window the dialog covered
        self._update_actions()
        if not self.has_company and account.can_edit and self.setup_dialog is None:
            self.open_setup()
        if self._pending_open is not None:
            pending, self._pending_open = self._pending_open, None
            self.open_inspection(*pending)

    @Slot()
    def log_out(self) -> None:
        """Save and close the open inspection, hide everything, and ask for a login again."""
        if self.account is None or not self._close_inspection():
            return
        if self.audit_window is not None:
            self.audit_window.close()
        if self.registers_window is not None:
            self.registers_window.close()
        self.account = None
        self.user_label.setText(self.tr("未登录"))
        self.save_state_label.clear()
        self._initial_rows = None
        self.open_login()

    @Slot()
    def add_account(self) -> None:
        """A manager adds an account (with its signing key); the service layer checks the role again."""
        from desktop.accounts.add import open_add_account_dialog

        if self.db is None or self.account is None:
            return
        dialog = open_add_account_dialog(self, self.db, self.account.name)
        self.account_dialog = dialog

        def added() -> None:
            if dialog.created is not None:
                self.statusBar().showMessage(
                    self.tr("已添加账户：{name}（{role}）").format(
                        name=dialog.created.name, role=role_text(dialog.created.role)
                    ),
                    8000,
                )

        dialog.accepted.connect(added)
        dialog.finished.connect(lambda _: self._forget_dialog("account_dialog"))

    @Slot()
    def manage_accounts(self) -> None:
        """A manager sees every account and disables or enables one; the service layer checks the role."""
        from desktop.accounts.manage import AccountsDialog, read_accounts
        from export.signing import change_role, set_account_active

        if self.db is None or self.account is None:
            return
        db, me = self.db, self.account.name
        dialog = AccountsDialog(
            me,
            lambda: read_accounts(db),
            lambda name, active, password: set_account_active(db, me, password, name, active),
            lambda name, role, password: change_role(db, me, password, name, role),
            self,
        )
        self.accounts_dialog = dialog
        dialog.finished.connect(lambda _: self._forget_dialog("accounts_dialog"))
        dialog.open()

    @Slot()
    def edit_company(self) -> None:
        """企业信息: a manager changes the company profile (address, 所在区, type, headcount) and adds sites;
        the service layer checks the role again and audits the change."""
        from desktop.accounts.company import CompanyDialog, CompanyProfile, profile_of
        from storage.companies import CompanyInput, add_site, list_companies, remove_site, rename_site, save_company

        if self.db is None or self.account is None:
            return
        found = list_companies(self.db)
        if not found:
            return
        db, me = self.db, self.account.name

        def save(profile: CompanyProfile) -> None:
            data = CompanyInput(
                profile.name,
                profile.credit_code,
                profile.company_type,
                profile.address,
                profile.district,
                profile.headcount,
                profile.contact,
            )
            save_company(db, me, data, profile.id)

        company_id = found[0].id
        dialog = CompanyDialog(
            profile_of(found[0]),
            save,
            lambda name: add_site(db, me, company_id, name),
            self,
            rename_site=lambda site_id, name: rename_site(db, me, site_id, name),
            remove_site=lambda site_id: remove_site(db, me, site_id),
        )
        self.company_dialog = dialog
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("企业信息已保存。"), 8000))
        dialog.finished.connect(lambda _: self._forget_dialog("company_dialog"))
        dialog.open()

    @Slot()
    def change_password(self) -> None:
        """The logged-in account changes its own password (and the lock on its signing key)."""
        from desktop.accounts.password import PasswordDialog
        from export.signing import change_password

        if self.db is None or self.account is None:
            return
        db, name = self.db, self.account.name
        dialog = PasswordDialog(name, lambda current, new: change_password(db, name, current, new), self)
        self.password_dialog = dialog
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("密码已修改。"), 8000))
        dialog.finished.connect(lambda _: self._forget_dialog("password_dialog"))
        dialog.open()

    # --- inspections ----------------------------------------------------------------------------------

    @Slot()
    def new_inspection(self) -> None:
        if self.db is None:
            return
        from checklist.catalog import official_catalogs
        from desktop.inspections.new import NewInspectionDialog, PlaceChoice
        from storage.companies import list_companies

        places: list[PlaceChoice] = []
        for company in list_companies(self.db):
            places.append(PlaceChoice(company.id, None, company.name))
            for site in company.sites:
                places.append(PlaceChoice(company.id, site.id, f"{company.name} / {site.name}"))
        if len(places) > 1 and places[0].site_id is None and places[1].company_id == places[0].company_id:
            places.append(places.pop(0))  # a site first: inspections are usually of one place
        inspector = self.account.name if self.account is not None else ""
        dialog = NewInspectionDialog(places, official_catalogs(), inspector, self._create_inspection, self)
        self.new_dialog = dialog
        dialog.finished.connect(lambda _: setattr(self, "new_dialog", None))
        dialog.open()

    def _create_inspection(self, values: NewInspection) -> None:
        from storage.inspections import create_inspection

        assert self.db is not None and self.account is not None
        inspection_id = create_inspection(
            self.db,
            self.account.name,
            values.company_id,
            values.date,
            values.inspector,
            values.catalog_ids,
            site_id=values.site_id,
        )
        QTimer.singleShot(0, lambda: self.open_inspection(inspection_id))

    @Slot()
    def _open_selected(self) -> None:
        selected = self.inspections.selected_id()
        if selected is not None:
            self.open_inspection(selected)

    @Slot(int)
    def open_inspection(self, inspection_id: int, item_id: str | None = None) -> None:
        """Show an inspection in place of the list (saving the one open before), at ``item_id`` if given. It
        is read off the GUI thread: the inspection shows when it has been read."""
        if self.db is None or self.account is None:
            self._pending_open = (inspection_id, item_id)
            return
        if self.opening is not None:  # one at a time: a second double-click while the first is read
            return
        if not self._close_inspection():
            return
        from desktop.editor.inspection import read_inspection

        db = self.db
        self.opening = inspection_id

        def failed(error: BaseException) -> None:
            from storage.errors import AlteredRecordError

            self.opening = None
            self.statusBar().clearMessage()  # no longer opening it
            if isinstance(error, Cancelled):
                return
            kept = (
                self.tr("其他检查记录不受影响；审计窗口中的“验证记录”会指出被改动之处。")
                if isinstance(error, AlteredRecordError)
                else self.tr("没有修改任何数据。")
            )
            show_error(self, self.tr("无法打开这次检查。"), error, kept)

        run_in_background(
            self,
            lambda _progress: read_inspection(db, inspection_id),
            lambda loaded: self._show_inspection(inspection_id, loaded, item_id),
            failed,
            show_progress=False,  # the window stays usable; the status bar says what is happening
        )
        self.statusBar().showMessage(self.tr("正在打开检查……"), 5000)

    def _show_inspection(self, inspection_id: int, loaded: LoadedInspection, item_id: str | None = None) -> None:
        """The inspection read off the GUI thread (:meth:`open_inspection`), shown in place of the list."""
        from desktop.editor.inspection import InspectionEditor
        from desktop.editor.view import InspectionView

        self.opening = None
        self.statusBar().clearMessage()
        if self.db is None or self.account is None:  # logged out meanwhile
            return
        editor = InspectionEditor(
            self.db, self.account.name, inspection_id, self, role=self.account.role, loaded=loaded
        )
        self.editor = editor
        view = InspectionView(editor)
        self.inspection_view = view
        editor.saved.connect(self._saved)
        editor.evidence_changed.connect(self._saved)  # a photo added or removed is saved at once
        editor.actions_changed.connect(self._saved)  # so is a corrective action
        view.status_changed.connect(self._status_changed)
        view.summary.sign_requested.connect(self.sign_current)
        view.summary.correction_requested.connect(self.correct_current)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        if item_id is not None:
            view.go_to_item(item_id)
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        if self.editor is None:
            self.setWindowTitle(self.tr("复工自查 Fugong Self-Check"))
            return
        header = self.editor.header
        place = f"{header.company} / {header.site}" if header.site else header.company
        self.setWindowTitle(
            self.tr("{place} {date} — 复工自查 Fugong Self-Check").format(place=place, date=header.date.isoformat())
        )

    @Slot()
    @Slot(str)
    def _saved(self, _item_id: str = "") -> None:
        from checklist.company import company_now  # here, not at the top: the login form comes up without it

        self.save_state_label.setText(self.tr("已自动保存 {time}").format(time=company_now().strftime("%H:%M:%S")))

    @Slot()
    def _status_changed(self) -> None:
        self._update_title()
        self._update_actions()

    def _close_inspection(self) -> bool:
        """Save and remove the open inspection; False (and it stays open) if something was not saved."""
        view = self.inspection_view
        if view is None:
            return True
        if not view.close_inspection():
            return False
        self.stack.removeWidget(view)
        view.deleteLater()
        if self.editor is not None:
            self.editor.deleteLater()
        self.inspection_view = None
        self.editor = None
        self.save_state_label.clear()  # the time belongs to the inspection that was open
        self._update_title()
        return True

    @Slot()
    def show_list(self) -> None:
        if self._close_inspection():
            self.stack.setCurrentWidget(self.inspections)
            self._update_actions()
            self.reload_list()

    def _result(self, name: str) -> None:
        from checklist.evaluation import Result

        if self.inspection_view is not None:
            self.inspection_view.choose_result(Result(name))

    def _step(self, offset: int) -> None:
        if self.inspection_view is not None:
            self.inspection_view.step(offset)

    def _summary(self) -> None:
        if self.inspection_view is not None:
            self.inspection_view.show_summary()

    @Slot()
    def sign_current(self) -> None:
        """签署 the open inspection with the meaning(s) this account may give now."""
        from desktop.signing.action import open_sign_dialog

        editor, view = self.editor, self.inspection_view
        if self.db is None or self.account is None or editor is None or view is None or not view.flush():
            return

        def signed() -> None:
            if self.editor is editor:
                editor.reload()  # now signed: read-only, with its signatures
                self.statusBar().showMessage(self.tr("已签署，记录已锁定。"), 8000)
            self._update_actions()

        self.sign_dialog = open_sign_dialog(
            self, self.db, self.account, editor.header, editor.signed_meanings, signed, editor.signed_by_me
        )
        if self.sign_dialog is not None:
            self.sign_dialog.finished.connect(lambda _: self._forget_dialog("sign_dialog"))

    @Slot()
    def correct_current(self) -> None:
        """新版本（更正）: a draft copy of the open signed inspection, opened at once."""
        from desktop.signing.action import open_correction_dialog

        if self.db is None or self.account is None or self.editor is None:
            return
        self.correction_dialog = open_correction_dialog(
            self, self.db, self.account, self.editor.header, lambda new_id: self.open_inspection(new_id)
        )
        self.correction_dialog.finished.connect(lambda _: self._forget_dialog("correction_dialog"))

    @Slot()
    def show_audit(self) -> None:
        """The read-only audit window (every role may open it)."""
        from desktop.audit.view import AuditWindow

        if self.db is None or self.account is None:
            return
        if self.audit_window is None:
            window = AuditWindow(self.db, self)
            from PySide6.QtCore import Qt

            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "audit_window", None))
            self.audit_window = window
        if self.audit_window.isVisible():  # already open behind the main window: bring it forward
            self.audit_window.raise_()
        self.audit_window.show()
        self.audit_window.activateWindow()
        if self.editor is not None:
            self.audit_window.show_record(self.editor.inspection_id)

    @Slot()
    def show_registers(self) -> None:
        """台账: the employee health ledger in a window of its own, for the logged-in account."""
        from PySide6.QtCore import Qt

        from desktop.registers.window import RegistersWindow

        if self.db is None or self.account is None:
            return
        if self.registers_window is None:
            window = RegistersWindow(self.db, self.account, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda: setattr(self, "registers_window", None))
            self.registers_window = window
        if self.registers_window.isVisible():
            self.registers_window.raise_()
        self.registers_window.show()
        self.registers_window.activateWindow()

    @Slot()
    def export_current(self) -> None:
        """导出报告: the export dialog asks where and in which language (中文 / English)."""
        from desktop.reports.export import export_inspection

        inspection_id = self.editor.inspection_id if self.editor is not None else self.inspections.selected_id()
        if self.db is None or inspection_id is None:
            return
        if self.inspection_view is not None:
            self.inspection_view.flush()
        export_inspection(self, self.db, inspection_id)

    @Slot()
    def export_shown(self) -> None:
        """导出汇总表: exactly the inspections the list shows after its filters, in one workbook."""
        from desktop.reports.export import export_shown_inspections

        ids = self.inspections.shown_ids()
        if self.db is None or self.account is None or not ids:
            return
        export_shown_inspections(self, self.db, ids)

    # --- help and language ----------------------------------------------------------------------------

    @Slot()
    def show_sources(self) -> None:
        from checklist.catalog import official_catalogs
        from desktop.common.about import SourcesDialog

        dialog = SourcesDialog(official_catalogs(), self)
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_about(self) -> None:
        from desktop.common.about import show_about

        show_about(self, VERSION)

    @Slot()
    def show_settings(self) -> None:
        """设置: database, language, default catalogs (desktop/settings)."""
        from checklist.catalog import official_catalogs
        from desktop.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.db_url, official_catalogs(), self, self._logo_choice())
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.finished.connect(lambda _: self._forget_dialog("settings_dialog"))
        dialog.open()

    def _logo_choice(self) -> LogoChoice | None:
        """The company logo for the settings dialog: only when logged in and the company is set up."""
        from checklist.workflow import may_edit_company
        from desktop.settings.logo import LogoChoice
        from storage.companies import list_companies
        from storage.logo import company_logo, set_company_logo

        if self.db is None or self.account is None:
            return None
        found = list_companies(self.db)
        if not found:
            return None
        db, me, company_id = self.db, self.account.name, found[0].id
        return LogoChoice(
            company_logo(db, company_id),
            may_edit_company(self.account.role),
            lambda png: set_company_logo(db, me, company_id, png),
        )

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        if dialog.database_changed:
            self.statusBar().showMessage(self.tr("数据库设置已保存，下次启动时使用。"), 10000)
        self._choose_language(dialog.language)

    def _choose_language(self, language: str) -> None:
        if language != i18n.current_language():
            self.language_requested.emit(language)

    def snapshot(self) -> tuple[int | None, str | None]:
        """The open inspection and item, to reopen them in a rebuilt window."""
        if self.inspection_view is None or self.editor is None:
            return None, None
        return self.editor.inspection_id, self.inspection_view.current_item_id()

    # --- closing --------------------------------------------------------------------------------------

    def show_in_place(self) -> None:
        """Show the window; a place restored from the settings is checked now, when the frame the window got
        is known (#31). (Not in a ``showEvent`` override: that makes PySide build its QEvent.Type enum, about
        170 members, on the way to the login form.)"""
        self.show()
        if self._restored:
            self._restored = False
            keep_within_screen(self)

    def save_window_state(self) -> None:
        save_bytes(GEOMETRY, self.saveGeometry())
        save_bytes(STATE, self.saveState())
        QSettings().sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save everything typed, remember the geometry, and let background work finish."""
        if self.inspection_view is not None and not self.inspection_view.close_inspection():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                self.tr("复工自查"),
                self.tr("有填写内容没能保存到数据库（原因见前一条提示）。仍要关闭窗口吗？未保存的内容将丢失。"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.audit_window is not None:
            self.audit_window.close()
        if self.registers_window is not None:
            self.registers_window.close()
        self.save_window_state()
        wait_for_background_work()
        from PySide6.QtCore import Qt  # not at start-up: see desktop.app

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a closed window is gone, not hidden
        event.accept()
