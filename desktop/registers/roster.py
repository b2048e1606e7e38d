"""花名册: the roster of the health ledger, a page at a time (a campus has 20,000 people; no view loads them all).

The page reads one page of :func:`storage.roster.list_employees` off the GUI thread and shows it; ID numbers and
phones arrive masked from the core (``110***********123X``, ``138****1234``). Only a manager sees them in full,
one person at a time, through :func:`storage.roster.unmask`, which the core audits. Adding and changing a person
go through :func:`storage.roster.add_employee` / :func:`storage.roster.update_employee`; every check is the
core's (:func:`checklist.ledger.validate_employee`), the dialog only says the refusal in words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklist.ledger import CATEGORY_EN, LOGISTICS_CATEGORIES, Category, EmployeeStatus
from desktop.common.assets import icon
from desktop.common.dates import python_date
from desktop.common.errors import error_label, error_text, refused_in_words, show_error
from desktop.common.i18n import english
from desktop.common.operations import run_in_background
from desktop.common.table_model import RowTableModel
from desktop.registers.consent import ConsentDialog, NoticeDialog, consent_text
from desktop.registers.page import LedgerPage, day_edit, record_table
from desktop.registers.roster_import import RosterImportDialog, choose_roster_file, read_and_check, save_template

if TYPE_CHECKING:
    from storage.db import Database
    from storage.roster import EmployeeView, Page

PAGE_SIZE = 100


def status_text(status: str) -> str:
    names: dict[str, str] = {
        EmployeeStatus.ON_SITE: QCoreApplication.translate("Registers", "在岗"),
        EmployeeStatus.HOME_OBSERVATION: QCoreApplication.translate("Registers", "居家观察"),
        EmployeeStatus.CENTRAL_OBSERVATION: QCoreApplication.translate("Registers", "集中观察"),
        EmployeeStatus.LEFT: QCoreApplication.translate("Registers", "离岗"),
    }
    return names.get(status, status)


def category_text(category: str) -> str:
    return CATEGORY_EN.get(category, category) if english() else category


class RosterColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    DEPARTMENT = 2
    POST = 3
    CATEGORY = 4
    OUTSOURCING = 5
    ID_NUMBER = 6
    PHONE = 7
    DORMITORY = 8
    STATUS = 9
    RETURN_DATE = 10
    RETURNED_FROM = 11
    CONSENT = 12


CONSENT_MISSING_CSS = "#c62828"
LOGISTICS = "logistics"  # the filter's value for the five logistics categories together


class RosterModel(RowTableModel):
    """One page of :class:`storage.roster.EmployeeView` rows (ID number and phone as the core masked them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice_version = "1.0"  # the notice in force (the ledger's setting), read with each page
        self._headers = [
            self.tr("编号"),
            self.tr("姓名"),
            self.tr("部门"),
            self.tr("岗位"),
            self.tr("人员类别"),
            self.tr("外包单位"),
            self.tr("身份证号"),
            self.tr("手机号"),
            self.tr("宿舍"),
            self.tr("状态"),
            self.tr("返岗日期"),
            self.tr("返回自"),
            self.tr("个人信息同意"),
        ]

    def cell(self, row: EmployeeView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if column == RosterColumn.CONSENT and not row.consent_current and not row.anonymised:
            # no consent to the notice in force: marked, and said why
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(CONSENT_MISSING_CSS)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("尚未登记本人对现行 %1 版告知书的同意").replace("%1", self.notice_version)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            RosterColumn.NUMBER: str(row.id),
            RosterColumn.NAME: row.name,
            RosterColumn.DEPARTMENT: row.department,
            RosterColumn.POST: row.post,
            RosterColumn.CATEGORY: category_text(row.category),
            RosterColumn.OUTSOURCING: row.outsourcing_company,
            RosterColumn.ID_NUMBER: row.id_number,
            RosterColumn.PHONE: row.phone,
            RosterColumn.DORMITORY: row.dormitory_room,
            RosterColumn.STATUS: status_text(row.status),
            RosterColumn.RETURN_DATE: row.return_date.isoformat() if row.return_date else "",
            RosterColumn.RETURNED_FROM: row.returned_from,
            RosterColumn.CONSENT: ""
            if row.anonymised
            else consent_text(row.consent_version, self.notice_version, row.consent_current),
        }
        return values.get(RosterColumn(column), "")


class RosterPage(LedgerPage):
    """Filters, one page of the roster, paging, and the roster's actions."""

    def __init__(self, db: Database, actor: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, role, parent)
        from storage.roster import UNMASK_ROLES

        self.can_unmask = role in UNMASK_ROLES
        self.offset = 0
        self.total = 0
        self._reload_after = False
        self._wanted_offset = 0
        self.dialog: EmployeeDialog | None = None
        self.import_dialog: RosterImportDialog | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.notice_dialog: NoticeDialog | None = None
        self.notice_text = ""  # the company's own text of the notice in force (台账设置), read with each page
        self.posts: list[str] = []

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("rosterStatus")
        self.status_filter.addItem(self.tr("全部状态"), "")
        for status in EmployeeStatus:
            self.status_filter.addItem(status_text(status), status.value)
        self.post_filter = QComboBox()
        self.post_filter.setObjectName("rosterPost")
        self.post_filter.addItem(self.tr("全部岗位"), "")
        self.post_filter.addItem(self.tr("后勤人员（保洁、保安、物业、食堂、维修维护）"), LOGISTICS)
        for category in Category:
            self.post_filter.addItem(
                self.tr("人员类别：%1").replace("%1", category_text(category)), f"category:{category}"
            )
        self.post_filter.setToolTip(self.tr("按人员类别或岗位筛选（北京后勤物业人员按 BJHQ 二 单独管理）"))
        post_label = QLabel(self.tr("岗位(&O)："))
        post_label.setBuddy(self.post_filter)
        self.consent_filter = QCheckBox(self.tr("只看未同意(&U)"))
        self.consent_filter.setObjectName("rosterWithoutConsent")
        self.consent_filter.setToolTip(self.tr("只列出尚未登记对现行告知书同意的人员"))
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索姓名、部门、宿舍"))
        search_label = QLabel(self.tr("查找(&F)："))
        search_label.setBuddy(self.search)
        self.add_button = QPushButton(icon("add"), self.tr("添加(&A)…"))
        self.add_button.setObjectName("rosterAdd")
        self.edit_button = QPushButton(icon("item"), self.tr("编辑(&E)…"))
        self.edit_button.setObjectName("rosterEdit")
        self.import_button = QPushButton(icon("open"), self.tr("从 Excel 导入(&I)…"))
        self.import_button.setObjectName("rosterImport")
        self.template_button = QPushButton(icon("export"), self.tr("下载模板(&T)…"))
        self.template_button.setObjectName("rosterTemplate")
        self.consent_button = QPushButton(icon("sign"), self.tr("个人信息同意(&C)…"))
        self.consent_button.setObjectName("rosterConsent")
        self.notice_button = QPushButton(icon("document"), self.tr("告知书(&V)…"))
        self.notice_button.setObjectName("rosterNotice")
        for button in (self.add_button, self.import_button):
            button.setEnabled(self.can_edit)

        self.model = RosterModel(self)
        self.table = record_table(self.model, "rosterTable", single=True, read_only=True, striped=True, wrap=False)

        self.previous_button = QPushButton(self.tr("上一页(&P)"))
        self.previous_button.setObjectName("rosterPrevious")
        self.next_button = QPushButton(self.tr("下一页(&N)"))
        self.next_button.setObjectName("rosterNext")
        self.page_label = QLabel()
        self.page_label.setObjectName("rosterPageLabel")
        self.message = QLabel()
        self.message.setObjectName("rosterMessage")
        self.message.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(post_label)
        filters.addWidget(self.post_filter)
        filters.addWidget(self.consent_filter)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.consent_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.import_button, self.template_button, self.notice_button):
            actions.addWidget(button)
        paging = QHBoxLayout()
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(paging)

        self.search.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.post_filter.currentIndexChanged.connect(self._filter_changed)
        self.consent_filter.toggled.connect(self._filter_changed)
        self.consent_button.clicked.connect(self.edit_consent)
        self.notice_button.clicked.connect(self.show_notice)
        self.previous_button.clicked.connect(lambda: self.show_page(self.offset - PAGE_SIZE))
        self.next_button.clicked.connect(lambda: self.show_page(self.offset + PAGE_SIZE))
        self.add_button.clicked.connect(self.add_employee)
        self.import_button.clicked.connect(self.import_roster)
        self.template_button.clicked.connect(self.download_template)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        """Read the page from ``offset`` with the current filters, off the GUI thread."""
        if self.loading:  # one read at a time; the newest filters win
            self._reload_after = True
            self._wanted_offset = offset
            return
        self.loading = True
        self._reload_after = False
        db, search, status = self.db, self.search.text(), str(self.status_filter.currentData() or "")
        chosen, without_consent = str(self.post_filter.currentData() or ""), self.consent_filter.isChecked()
        offset = max(0, offset)
        run_in_background(
            self,
            lambda _progress: read_page(db, search, status, chosen, without_consent, offset),
            self._shown,
            self._load_failed,
            self.tr("正在读取花名册……"),
            show_progress=False,
        )

    def _shown(self, shown: RosterRead) -> None:
        self.loading = False
        if self._reload_after:
            self.show_page(self._wanted_offset)
            return
        page = shown.page
        self._set_posts(shown.posts)
        self.model.notice_version = shown.notice_version
        self.notice_text = shown.notice_text
        self.model.set_rows(page.rows)
        self.offset, self.total = page.offset, page.total
        if page.total:
            self.page_label.setText(self.people_shown(page.offset, len(page.rows), page.total))
        elif self._filtered():
            self.page_label.setText(self.tr("没有符合条件的人员。"))
        else:
            self.page_label.setText(
                self.tr("花名册中还没有人员：点“添加”逐个录入，或“从 Excel 导入”（可先下载模板）。")
            )
        self._update_buttons()
        self.loaded.emit()

    def _filtered(self) -> bool:
        """Whether a filter is set (an empty page then means no match, not an empty roster)."""
        return bool(
            self.search.text().strip()
            or self.status_filter.currentData()
            or self.post_filter.currentData()
            or self.consent_filter.isChecked()
        )

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        show_error(self, self.tr("无法读取花名册。"), error, self.tr("没有修改任何数据。"))

    def _set_posts(self, posts: list[str]) -> None:
        """The roster's posts after the categories, kept as they are while the same (a choice stays chosen)."""
        if posts == self.posts:
            return
        self.posts = posts
        chosen = self.post_filter.currentData()
        self.post_filter.blockSignals(True)
        while self.post_filter.count() > 2 + len(Category):
            self.post_filter.removeItem(self.post_filter.count() - 1)
        for post in posts:
            self.post_filter.addItem(self.tr("岗位：%1").replace("%1", post), f"post:{post}")
        self.post_filter.setCurrentIndex(max(0, self.post_filter.findData(chosen)))
        self.post_filter.blockSignals(False)

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < self.total)
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.consent_button.setEnabled(person is not None and not person.anonymised)

    def selected(self) -> EmployeeView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        shown: list[EmployeeView] = self.model.rows()
        return shown[rows[0].row()]

    # --- adding and changing --------------------------------------------------------------------------

    @Slot()
    def add_employee(self) -> None:
        from storage.roster import add_employee

        db, actor = self.db, self.actor
        self._open_dialog(EmployeeDialog(None, lambda values: add_employee(db, actor, values), None, self))

    @Slot()
    def edit_selected(self) -> None:
        from storage.roster import unmask, update_employee

        person = self.selected()
        if person is None:
            return
        db, actor, person_id = self.db, self.actor, person.id
        reveal = (lambda: unmask(db, actor, person_id)) if self.can_unmask else None
        save = (lambda values: update_employee(db, actor, person_id, values)) if self.can_edit else None
        self._open_dialog(EmployeeDialog(person, save, reveal, self))

    def _open_dialog(self, dialog: EmployeeDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()

    # --- consent (个人信息保护) ----------------------------------------------------------------------------

    @Slot()
    def edit_consent(self) -> None:
        """The selected person's consent records, and recording one (officer or manager; an auditor reads)."""
        from storage.roster import consent_records, record_consent

        person = self.selected()
        if person is None or person.anonymised:
            return
        db, actor, person_id = self.db, self.actor, person.id
        record = (lambda day, version: record_consent(db, actor, person_id, day, version)) if self.can_edit else None
        dialog = ConsentDialog(
            person,
            self.model.notice_version,
            lambda: consent_records(db, person_id),
            record,
            self,
            current_text=self.notice_text,
        )
        self.consent_dialog = dialog
        dialog.finished.connect(lambda _: self._consent_closed(dialog))
        dialog.open()

    def _consent_closed(self, dialog: ConsentDialog) -> None:
        self.consent_dialog = None
        if dialog.recorded:
            self.message.setText(self.tr("已登记 %1 的个人信息收集同意。").replace("%1", dialog.person.name))
            self.show_page(self.offset)

    @Slot()
    def show_notice(self) -> None:
        dialog = NoticeDialog(self.model.notice_version, self, own_text=self.notice_text)
        self.notice_dialog = dialog
        dialog.finished.connect(lambda _: setattr(self, "notice_dialog", None))
        dialog.open()

    # --- import and template ---------------------------------------------------------------------------

    @Slot()
    def import_roster(self) -> None:
        """Choose a file, read and check it off the GUI thread, then show the preview."""
        path = choose_roster_file(self)
        if path is None:
            return
        db, actor = self.db, self.actor
        self.message.setText(self.tr("正在检查 %1……").replace("%1", path.name))
        run_in_background(
            self,
            lambda _progress: read_and_check(db, path),
            lambda preview: self._preview(RosterImportDialog(db, actor, preview, self)),
            lambda error: show_error(self, self.tr("无法读取这个文件。"), error, self.tr("没有导入任何数据。")),
            self.tr("正在检查 %1……").replace("%1", path.name),
        )

    def _preview(self, dialog: RosterImportDialog) -> None:
        self.message.clear()
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self._imported(dialog))
        dialog.finished.connect(lambda _: setattr(self, "import_dialog", None))
        dialog.open()

    def _imported(self, dialog: RosterImportDialog) -> None:
        count = len(dialog.imported.good) if dialog.imported is not None else 0
        self.message.setText(self.tr("已导入 %1 人。").replace("%1", str(count)))
        self.show_page(self.offset)

    @Slot()
    def download_template(self) -> None:
        path = save_template(self)
        if path is not None:
            self.message.setText(self.tr("模板已保存到 %1。").replace("%1", str(path)))

    @Slot()
    def _saved(self) -> None:
        self.message.setText(self.tr("花名册已保存。"))
        self.show_page(self.offset)


class RosterRead(NamedTuple):
    """What one read of the roster page brings: the page, the posts for the filter, the notice in force."""

    page: Page[EmployeeView]
    posts: list[str]
    notice_version: str
    notice_text: str = ""  # the company's own text of the notice in force, or where it is kept


def read_page(db: Database, search: str, status: str, chosen: str, without_consent: bool, offset: int) -> RosterRead:
    """One page with the filters (``chosen``: "", ``logistics``, ``category:…`` or ``post:…``); off the GUI thread."""
    from storage.roster import current_notice, list_employees, roster_posts

    notice = current_notice(db)
    notice_version = notice.version
    categories: frozenset[str] | None = None
    post: str | None = None
    if chosen == LOGISTICS:
        categories = LOGISTICS_CATEGORIES
    elif chosen.startswith("category:"):
        categories = frozenset({chosen.removeprefix("category:")})
    elif chosen.startswith("post:"):
        post = chosen.removeprefix("post:")
    page = list_employees(
        db,
        search=search,
        status=status or None,
        offset=offset,
        limit=PAGE_SIZE,
        categories=categories,
        post=post,
        without_consent_to=notice_version if without_consent else None,
    )
    return RosterRead(page, roster_posts(db), notice_version, notice.text)


class EmployeeDialog(QDialog):
    """One person's fields (those of :data:`checklist.ledger.ROSTER_FIELDS`). For a person already on the roster
    the ID number and phone are shown masked and left unchanged unless typed again; a manager may show them in
    full (显示完整), which the core audits.

    Args:
        person: the person as the roster shows them, or None to add one.
        save: stores the values (raises a KnownError when refused); None: read-only (an auditor).
        reveal: returns (ID number, phone) in full; None: this account may not unmask.
    """

    def __init__(
        self,
        person: EmployeeView | None,
        save: Callable[[Mapping[str, object]], object] | None,
        reveal: Callable[[], tuple[str, str]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("employeeDialog")
        self.setWindowTitle(self.tr("添加人员") if person is None else self.tr("人员：%1").replace("%1", person.name))
        self.person = person
        self._save = save
        self._reveal = reveal
        self.busy = False
        self.revealed = False

        self.name = QLineEdit()
        self.name.setObjectName("employeeName")
        self.department = QLineEdit()
        self.department.setObjectName("employeeDepartment")
        self.post = QLineEdit()
        self.post.setObjectName("employeePost")
        self.category = QComboBox()
        self.category.setObjectName("employeeCategory")
        for category in Category:
            self.category.addItem(category_text(category), category.value)
        # a new person is an ordinary employee, as in the core and the import (not 保洁, the first listed)
        self.category.setCurrentIndex(self.category.findData(Category.OTHER.value))
        self.outsourcing = QLineEdit()
        self.outsourcing.setObjectName("employeeOutsourcing")
        self.outsourcing.setPlaceholderText(self.tr("直接雇用的留空"))
        self.id_number = QLineEdit()
        self.id_number.setObjectName("employeeIdNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("employeePhone")
        self.reveal_button = QPushButton(self.tr("显示完整(&S)"))
        self.reveal_button.setObjectName("employeeReveal")
        self.reveal_button.setToolTip(self.tr("仅单位主要负责人可查看完整号码；每次查看都记入审计记录"))
        self.reveal_button.setVisible(person is not None and reveal is not None)
        self.dormitory = QLineEdit()
        self.dormitory.setObjectName("employeeDormitory")
        self.status = QComboBox()
        self.status.setObjectName("employeeStatus")
        for status in EmployeeStatus:
            self.status.addItem(status_text(status), status.value)
        self.has_return = QCheckBox(self.tr("返岗日期"))
        self.has_return.setObjectName("employeeHasReturn")
        self.return_date = day_edit("employeeReturnDate")
        self.return_date.setEnabled(False)
        self.has_return.toggled.connect(self.return_date.setEnabled)
        self.returned_from = QLineEdit()
        self.returned_from.setObjectName("employeeReturnedFrom")
        self.returned_from.setPlaceholderText(self.tr("例如：湖北武汉"))
        self.error = error_label("employeeError")

        form = QFormLayout()
        form.addRow(self.tr("姓名(&M)："), self.name)
        form.addRow(self.tr("部门(&D)："), self.department)
        form.addRow(self.tr("岗位(&P)："), self.post)
        form.addRow(self.tr("人员类别(&C)："), self.category)
        form.addRow(self.tr("外包单位(&O)："), self.outsourcing)
        form.addRow(self.tr("身份证号(&I)："), self.id_number)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.reveal_button)
        phone_label = QLabel(self.tr("手机号(&H)："))
        phone_label.setBuddy(self.phone)  # the field is a row with a button: the mnemonic needs its buddy
        form.addRow(phone_label, phone_row)
        form.addRow(self.tr("宿舍房间(&R)："), self.dormitory)
        form.addRow(self.tr("状态(&U)："), self.status)
        form.addRow(self.has_return, self.return_date)
        form.addRow(self.tr("返回自(&F)："), self.returned_from)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setObjectName("employeeSave")
        self.ok_button.setEnabled(save is not None)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)  # the masked numbers and their hint fit
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.reveal_button.clicked.connect(self._reveal_numbers)
        if person is not None:
            self._fill(person)

    def _fill(self, person: EmployeeView) -> None:
        self.name.setText(person.name)
        self.department.setText(person.department)
        self.post.setText(person.post)
        self.category.setCurrentIndex(max(self.category.findData(person.category), 0))
        self.outsourcing.setText(person.outsourcing_company)
        for edit, masked in ((self.id_number, person.id_number), (self.phone, person.phone)):
            edit.setPlaceholderText(
                self.tr("%1（不修改请留空）").replace("%1", masked) if masked else self.tr("未登记")
            )
        self.dormitory.setText(person.dormitory_room)
        self.status.setCurrentIndex(max(self.status.findData(person.status), 0))
        if person.return_date is not None:
            self.has_return.setChecked(True)
            self.return_date.setDate(QDate(person.return_date.year, person.return_date.month, person.return_date.day))
        self.returned_from.setText(person.returned_from)

    def values(self) -> dict[str, object]:
        """The fields as the core reads them; an ID number or phone left empty for a person on the roster is
        left out (kept as stored: the dialog never writes a mask back)."""
        values: dict[str, object] = {
            "name": self.name.text(),
            "department": self.department.text(),
            "post": self.post.text(),
            "category": self.category.currentData(),
            "outsourcing_company": self.outsourcing.text(),
            "dormitory_room": self.dormitory.text(),
            "status": self.status.currentData(),
            "return_date": python_date(self.return_date.date()) if self.has_return.isChecked() else None,
            "returned_from": self.returned_from.text(),
        }
        for key, edit in (("id_number", self.id_number), ("phone", self.phone)):
            if edit.text().strip() or self.person is None or self.revealed:
                values[key] = edit.text()
        return values

    @Slot()
    def _reveal_numbers(self) -> None:
        if self._reveal is None or self.busy:
            return
        reveal = self._reveal
        self.busy = True
        self.reveal_button.setEnabled(False)
        run_in_background(
            self,
            lambda _progress: reveal(),
            self._revealed,
            self._reveal_failed,
            self.tr("正在读取……"),
            show_progress=False,
        )

    def _revealed(self, numbers: tuple[str, str]) -> None:
        self.busy = False
        self.revealed = True
        self.id_number.setText(numbers[0])
        self.phone.setText(numbers[1])
        self.reveal_button.setText(self.tr("已显示（已记入审计）"))

    def _reveal_failed(self, error: BaseException) -> None:
        self.busy = False
        self.reveal_button.setEnabled(True)
        self.error.setText(error_text(error))
        self.error.show()

    @Slot()
    def _accept(self) -> None:
        if self._save is None or self.busy:
            return
        save, values = self._save, self.values()
        self.busy = True
        self.ok_button.setEnabled(False)
        self.error.hide()
        run_in_background(
            self, lambda _progress: save(values), self._saved, self._refused, self.tr("正在保存……"), show_progress=False
        )

    def _saved(self, _result: object) -> None:
        self.busy = False
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if refused_in_words(
            self, self.ok_button, error, self.tr("未能保存。"), self.tr("填写的内容仍保留在对话框中。")
        ):
            self.error.setText(error_text(error))
            self.error.show()
