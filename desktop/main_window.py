"""The main window: the inspections list, and the open inspection in its place.

The window appears at once; the database is opened and the list loaded off the GUI thread
(:mod:`desktop.operations`), so start-up does not wait for SQLAlchemy, migrations or a large history.
Storage, checklist and the inspection widgets are imported only when they are needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from desktop import i18n
from desktop.assets import icon
from desktop.errors import show_error
from desktop.inspections_view import InspectionsPage
from desktop.operations import Progress, run_in_background, wait_for_background_work
from desktop.settings import GEOMETRY, STATE, load_bytes, officer_name, save_bytes, set_officer_name

if TYPE_CHECKING:
    from desktop.inspection_editor import InspectionEditor
    from desktop.inspection_view import InspectionView
    from desktop.new_inspection_dialog import NewInspection, NewInspectionDialog
    from desktop.setup_dialog import SetupDialog, SetupValues
    from storage.db import Database
    from storage.service import InspectionRow

VERSION = "0.1.0"


@dataclass(frozen=True)
class Loaded:
    """What the background loader hands the window: plain data only."""

    db: Database
    has_company: bool
    rows: list[InspectionRow]


def load_database(url: str, db: Database | None, progress: Progress) -> Loaded:
    """Open (and migrate) the database if needed, then read the inspections list. Runs off the GUI thread."""
    from storage.db import open_database
    from storage.service import list_companies, list_inspections

    progress.update(0, 0, "")
    database = db if db is not None else open_database(url)
    progress.check()
    has_company = bool(list_companies(database))
    rows = list_inspections(database, limit=None)
    return Loaded(database, has_company, rows)


class MainWindow(QMainWindow):
    """Menus, toolbar, and a stack of the list page and the open inspection."""

    ready = Signal()  # the database is open and the list is shown
    language_requested = Signal(str)

    def __init__(self, db_url: str, db: Database | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db_url = db_url
        self.db: Database | None = db
        self.has_company = False
        self.loaded = False
        self.editor: InspectionEditor | None = None
        self.inspection_view: InspectionView | None = None
        self.setup_dialog: SetupDialog | None = None
        self.new_dialog: NewInspectionDialog | None = None
        self._pending_open: int | None = None
        self.setWindowTitle(self.tr("复工自查"))
        self.setWindowIcon(icon("app"))

        self.inspections = InspectionsPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.inspections)
        self.setCentralWidget(self.stack)
        self.save_state_label = QLabel()
        self.save_state_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_state_label)
        self.statusBar().showMessage(self.tr("正在打开数据库……"))

        self._build_actions()
        self._build_menus()
        self._update_actions()
        self.inspections.open_requested.connect(self.open_inspection)
        self.inspections.selection_changed.connect(self._update_actions)

        geometry = load_bytes(GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        state = load_bytes(STATE)
        if state is not None:
            self.restoreState(state)

    # --- actions and menus ----------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Any, shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(icon(name), text, self)
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
        self.refresh_action = self._action("refresh", self.tr("刷新列表(&R)"), self.reload_list, [key("F5")])
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
        for action in (self.new_action, self.open_action, self.list_action, self.export_action, self.refresh_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        inspection_menu = menu.addMenu(self.tr("检查(&I)"))
        for action in (self.pass_action, self.fail_action, self.na_action):
            inspection_menu.addAction(action)
        inspection_menu.addSeparator()
        for action in (self.previous_action, self.next_action, self.summary_action):
            inspection_menu.addAction(action)
        view_menu = menu.addMenu(self.tr("视图(&V)"))
        language_menu = view_menu.addMenu(self.tr("语言 / Language(&L)"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.sources_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.list_action, self.export_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.previous_action, self.next_action, self.summary_action):
            toolbar.addAction(action)

    @Slot()
    def _update_actions(self) -> None:
        loaded = self.db is not None and self.loaded
        in_inspection = self.inspection_view is not None and self.stack.currentWidget() is self.inspection_view
        editable = in_inspection and self.editor is not None and self.editor.editable
        self.new_action.setEnabled(loaded and self.has_company)
        self.open_action.setEnabled(loaded and not in_inspection and self.inspections.selected_id() is not None)
        self.list_action.setEnabled(in_inspection)
        self.export_action.setEnabled(loaded and (in_inspection or self.inspections.selected_id() is not None))
        self.refresh_action.setEnabled(loaded)
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
        self.loaded = True
        self.inspections.set_rows(loaded.rows)
        self.statusBar().showMessage(self.tr("数据库：{url}").format(url=self._db_name()), 8000)
        self._update_actions()
        if not self.has_company or not officer_name():
            self.open_setup()
        if self._pending_open is not None:
            pending, self._pending_open = self._pending_open, None
            self.open_inspection(pending)
        self.ready.emit()

    def _db_name(self) -> str:
        if self.db is not None and self.db.sqlite_path is not None:
            return str(self.db.sqlite_path)
        return self.db_url.split("@")[-1]

    def _load_failed(self, error: BaseException) -> None:
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
        from storage.service import list_inspections

        db = self.db
        run_in_background(
            self,
            lambda _progress: list_inspections(db, limit=None),
            self.inspections.set_rows,
            lambda error: show_error(self, self.tr("无法读取检查列表。"), error, self.tr("没有修改任何数据。")),
            self.tr("正在读取检查列表……"),
        )

    # --- first run ------------------------------------------------------------------------------------

    def open_setup(self) -> None:
        from desktop.setup_dialog import SetupDialog

        dialog = SetupDialog(self._save_setup, officer_name(), ask_company=not self.has_company, parent=self)
        self.setup_dialog = dialog
        dialog.finished.connect(self._setup_finished)
        dialog.open()

    def _save_setup(self, values: SetupValues) -> None:
        from storage.service import CompanyInput, add_site, save_company

        assert self.db is not None
        if not self.has_company:
            company_id = save_company(
                self.db, values.officer, CompanyInput(values.company_name, values.credit_code, values.company_type)
            )
            if values.site_name:
                add_site(self.db, values.officer, company_id, values.site_name)
            self.has_company = True
        set_officer_name(values.officer)

    @Slot(int)
    def _setup_finished(self, _: int) -> None:
        self.setup_dialog = None
        self._update_actions()

    # --- inspections ----------------------------------------------------------------------------------

    @Slot()
    def new_inspection(self) -> None:
        if self.db is None:
            return
        from checklist.catalog import official_catalogs
        from desktop.new_inspection_dialog import NewInspectionDialog, PlaceChoice
        from storage.service import list_companies

        places: list[PlaceChoice] = []
        for company in list_companies(self.db):
            places.append(PlaceChoice(company.id, None, company.name))
            for site in company.sites:
                places.append(PlaceChoice(company.id, site.id, f"{company.name} / {site.name}"))
        if len(places) > 1 and places[0].site_id is None and places[1].company_id == places[0].company_id:
            places.append(places.pop(0))  # a site first: inspections are usually of one place
        dialog = NewInspectionDialog(places, official_catalogs(), officer_name(), self._create_inspection, self)
        self.new_dialog = dialog
        dialog.finished.connect(lambda _: setattr(self, "new_dialog", None))
        dialog.open()

    def _create_inspection(self, values: NewInspection) -> None:
        from storage.service import create_inspection

        assert self.db is not None
        inspection_id = create_inspection(
            self.db,
            officer_name() or values.inspector,
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
    def open_inspection(self, inspection_id: int) -> None:
        """Show an inspection in place of the list (saving the one open before)."""
        if self.db is None:
            self._pending_open = inspection_id
            return
        if not self._close_inspection():
            return
        from desktop.inspection_editor import InspectionEditor
        from desktop.inspection_view import InspectionView

        try:
            editor = InspectionEditor(self.db, officer_name() or "officer", inspection_id, self)
        except Exception as error:
            show_error(self, self.tr("无法打开这次检查。"), error, self.tr("没有修改任何数据。"))
            return
        self.editor = editor
        view = InspectionView(editor)
        self.inspection_view = view
        editor.saved.connect(self._saved)
        view.status_changed.connect(self._status_changed)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        if self.editor is None:
            self.setWindowTitle(self.tr("复工自查"))
            return
        header = self.editor.header
        place = f"{header.company} / {header.site}" if header.site else header.company
        self.setWindowTitle(self.tr("{place} {date} — 复工自查").format(place=place, date=header.date.isoformat()))

    @Slot()
    def _saved(self) -> None:
        self.save_state_label.setText(self.tr("已自动保存 {time}").format(time=dt.datetime.now().strftime("%H:%M:%S")))

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
    def export_current(self) -> None:
        from desktop.export_action import export_inspection

        inspection_id = self.editor.inspection_id if self.editor is not None else self.inspections.selected_id()
        if self.db is None or inspection_id is None:
            return
        if self.editor is not None:
            self.editor.flush()
        export_inspection(self, self.db, inspection_id)

    # --- help and language ----------------------------------------------------------------------------

    @Slot()
    def show_sources(self) -> None:
        from checklist.catalog import official_catalogs
        from desktop.about import SourcesDialog

        dialog = SourcesDialog(official_catalogs(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_about(self) -> None:
        from desktop.about import show_about

        show_about(self, VERSION)

    def _choose_language(self, language: str) -> None:
        if language != i18n.current_language():
            self.language_requested.emit(language)

    def snapshot(self) -> tuple[int | None, str | None]:
        """The open inspection and item, to reopen them in a rebuilt window."""
        if self.inspection_view is None or self.editor is None:
            return None, None
        return self.editor.inspection_id, self.inspection_view.current_item_id()

    # --- closing --------------------------------------------------------------------------------------

    def save_window_state(self) -> None:
        save_bytes(GEOMETRY, self.saveGeometry())
        save_bytes(STATE, self.saveState())
        QSettings().sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save everything typed, remember the geometry, and let background work finish."""
        if self.inspection_view is not None and not self.inspection_view.close_inspection():
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
        self.save_window_state()
        wait_for_background_work()
        event.accept()
