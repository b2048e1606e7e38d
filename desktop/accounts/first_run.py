"""First run (首次设置): the company profile and the first account (name and password), which becomes the
manager (单位主要负责人). The official catalogs ship with the program, so there is no file to find.

Saving creates the account's signing key, which takes a moment: it runs off the GUI thread
(:mod:`desktop.common.operations`) and the dialog stays open, with what was typed, if it fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checklist.company import BEIJING_DISTRICTS, OTHER_DISTRICT, CompanyType, CreditCodeError, validate_credit_code
from checklist.workflow import Role
from desktop.accounts.account import Account, has_accounts, log_in
from desktop.common import i18n
from desktop.common.errors import error_label, error_text, refused_in_words
from desktop.common.operations import run_in_background

if TYPE_CHECKING:
    from storage.db import Database


def company_type_text(company_type: CompanyType) -> str:
    names = {
        CompanyType.INDUSTRIAL: QCoreApplication.translate("CompanyType", "工业企业"),
        CompanyType.CONSTRUCTION: QCoreApplication.translate("CompanyType", "建设工程参建单位"),
        CompanyType.OFFICE_BUILDING: QCoreApplication.translate("CompanyType", "商务楼宇（办公楼、写字楼）"),
        CompanyType.MALL: QCoreApplication.translate("CompanyType", "商场（含超市）"),
        CompanyType.RESTAURANT: QCoreApplication.translate("CompanyType", "餐馆（含内部食堂）"),
        CompanyType.HOTEL: QCoreApplication.translate("CompanyType", "酒店、宾馆（住宿）"),
        CompanyType.OTHER: QCoreApplication.translate("CompanyType", "其他市场主体"),
    }
    return names[company_type]


@dataclass(frozen=True)
class SetupValues:
    company_name: str
    credit_code: str
    company_type: str
    site_name: str
    officer: str  # the first account's name (empty when an account is already logged in)
    password: str = ""
    district: str = ""  # 所在区: decides the inspecting authority printed on the report
    address: str = ""  # printed on the report's cover (optional; the text policy applies)


def save_setup(db: Database, values: SetupValues, ask_account: bool, actor: str) -> Account | None:
    """The first-run setup's work (off the GUI thread): the first account, which becomes the manager, with
    its signing key; then the company and site, saved by that account. Returns the account to log in as."""
    from storage.companies import CompanyInput, add_site, save_company

    account: Account | None = None
    if ask_account:
        if has_accounts(db):  # made by an earlier attempt whose company could not be saved
            account = log_in(db, values.officer, values.password)
        else:
            from export.signing import create_account

            _, role = create_account(db, values.officer, values.officer, Role.MANAGER, values.password)
            account = Account(values.officer, role)
        actor = account.name
    if values.company_name:
        company = CompanyInput(
            values.company_name,
            values.credit_code,
            values.company_type,
            address=values.address,
            district=values.district,
        )
        company_id = save_company(db, actor, company)
        if values.site_name:
            add_site(db, actor, company_id, values.site_name)
    return account


class SetupDialog(QDialog):
    """Asks for the company and the first account; ``save`` stores them off the GUI thread (it gets plain
    values, returns what :attr:`saved` then holds, and raises KnownError if it cannot)."""

    def __init__(
        self,
        save: Callable[[SetupValues], Any],
        officer: str = "",
        ask_company: bool = True,
        ask_account: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self._save = save
        self.ask_company = ask_company
        self.ask_account = ask_account
        self.busy = False
        self.saved: Any = None
        self.setWindowTitle(self.tr("首次设置 — 复工自查"))
        welcome = QLabel(self.tr("欢迎使用复工自查"))
        font = QFont(welcome.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        welcome.setFont(font)
        intro = QLabel(
            self.tr(
                "请填写本企业的基本信息，并创建您的账户。官方检查表（国务院联防联控机制指南、北京市通知等）"
                "已内置在程序中，无需另找文件。"
            )
            if ask_account
            else self.tr(
                "请填写本企业的基本信息。官方检查表（国务院联防联控机制指南、北京市通知等）已内置在程序中，无需另找文件。"
            )
        )
        intro.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("companyName")
        self.name_edit.setPlaceholderText(self.tr("例如：北京某某制造有限公司"))
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("creditCode")
        self.code_edit.setMaxLength(18)
        self.code_edit.setPlaceholderText(self.tr("18 位统一社会信用代码"))
        self.code_error = error_label("creditCodeError")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("companyType")
        for company_type in CompanyType:
            self.type_combo.addItem(company_type_text(company_type), company_type.value)
        self.district_combo = QComboBox()
        self.district_combo.setObjectName("setupDistrict")
        self.district_combo.setEditable(True)  # another city's district is typed
        self.district_combo.addItem("")
        self.district_combo.addItems([*BEIJING_DISTRICTS, OTHER_DISTRICT])
        district_line = self.district_combo.lineEdit()
        if district_line is not None:
            district_line.setPlaceholderText(self.tr("选择或输入，例如：大兴区（决定报告上的监管部门）"))
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("setupAddress")
        self.address_edit.setPlaceholderText(self.tr("可选，例如：北京市大兴区示例路 1 号（印在报告封面）"))
        self.address_error = error_label("setupAddressError")
        self.site_edit = QLineEdit()
        self.site_edit.setObjectName("siteName")
        self.site_edit.setPlaceholderText(self.tr("可选，例如：一号厂区、员工宿舍楼"))
        self.officer_edit = QLineEdit(officer)
        self.officer_edit.setObjectName("officerName")
        self.officer_edit.setPlaceholderText(self.tr("登录和签署检查记录时使用的姓名"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("setupPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("至少 8 个字符"))
        self.password_again = QLineEdit()
        self.password_again.setObjectName("setupPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.manager_note = QLabel(
            self.tr(
                "这是本数据库的第一个账户，将成为单位主要负责人（管理员）：可以添加安全员、审计员等其他账户，"
                "并审核签署检查记录。请牢记密码：签署时需要再次输入，密码无法找回。"
            )
        )
        self.manager_note.setObjectName("managerNote")
        self.manager_note.setWordWrap(True)
        self.manager_note.setStyleSheet("color: #1565c0")
        self.error = error_label("setupError")

        form = QFormLayout()
        if ask_company:
            form.addRow(self.tr("企业名称(&C)："), self.name_edit)
            form.addRow(self.tr("统一社会信用代码(&U)："), self.code_edit)
            form.addRow("", self.code_error)
            form.addRow(self.tr("企业类型(&T)："), self.type_combo)
            form.addRow(self.tr("所在区(&Q)："), self.district_combo)
            form.addRow(self.tr("地址(&R)："), self.address_edit)
            form.addRow("", self.address_error)
            form.addRow(self.tr("场所(&S)："), self.site_edit)
        else:
            hidden = (
                self.name_edit,
                self.code_edit,
                self.code_error,
                self.type_combo,
                self.district_combo,
                self.address_edit,
                self.address_error,
                self.site_edit,
            )
            for widget in hidden:
                widget.setParent(self)
                widget.hide()
        if ask_account:
            form.addRow(self.tr("您的姓名（账户名）(&O)："), self.officer_edit)
            form.addRow(self.tr("密码(&P)："), self.password_edit)
            form.addRow(self.tr("再次输入密码(&A)："), self.password_again)
        else:
            for widget in (self.officer_edit, self.password_edit, self.password_again, self.manager_note):
                widget.setParent(self)
                widget.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("开始使用"))
        self.ok_button.setObjectName("setupOk")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(welcome)
        layout.addWidget(intro)
        layout.addLayout(form)
        if ask_account:  # below the form: a wrapped label in a form row does not get its full height
            layout.addWidget(self.manager_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.code_edit.textEdited.connect(self._code_edited)
        self.code_edit.editingFinished.connect(self._check_code)

    def reject(self) -> None:
        """Not while the work runs: it cannot be called back halfway, and its result must arrive here."""
        if not self.busy:
            super().reject()

    def values(self) -> SetupValues:
        return SetupValues(
            self.name_edit.text().strip(),
            self.code_edit.text().strip().upper(),
            str(self.type_combo.currentData()),
            self.site_edit.text().strip(),
            self.officer_edit.text().strip() if self.ask_account else "",
            self.password_edit.text() if self.ask_account else "",
            self.district_combo.currentText().strip(),
            self.address_edit.text().strip() if self.ask_company else "",
        )

    def _code_message(self) -> str:
        """Why the credit code is wrong, in words; empty when it is valid."""
        try:
            validate_credit_code(self.code_edit.text())
        except CreditCodeError as error:
            return error.message_zh if i18n.current_language().startswith("zh") else error.message_en
        return ""

    @Slot(str)
    def _code_edited(self, text: str) -> None:
        # Say nothing while the code is being typed; check once it has all 18 characters.
        if len(text.strip()) >= 18:
            self._check_code()
        elif self.code_error.isVisible() and not self._code_message():
            self.code_error.hide()

    @Slot()
    def _check_code(self) -> bool:
        if not self.code_edit.text().strip():
            self.code_error.hide()
            return False
        message = self._code_message()
        self.code_error.setText(message)
        self.code_error.setVisible(bool(message))
        return not message

    def _check_address(self) -> bool:
        """The address as the text policy allows it (optional: empty is fine); says why not under the field."""
        from checklist.text import TextKind, TextPolicyError, check_text

        try:
            check_text(self.address_edit.text(), TextKind.SHORT, "address")
        except TextPolicyError as error:
            self.address_error.setText(error_text(error))
            self.address_error.show()
            return False
        self.address_error.hide()
        return True

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _account_problem(self) -> str:
        """Why the account cannot be created as typed, in words; empty when it can."""
        from storage.auth import MIN_PASSWORD

        if not self.officer_edit.text().strip():
            self.officer_edit.setFocus()
            return self.tr("请填写您的姓名（账户名）。")
        if len(self.password_edit.text()) < MIN_PASSWORD:
            self.password_edit.setFocus()
            return self.tr("密码至少需要 {count} 个字符。").format(count=MIN_PASSWORD)
        if self.password_again.text() != self.password_edit.text():
            self.password_again.setFocus()
            return self.tr("两次输入的密码不一致。")
        return ""

    @Slot()
    def _accept(self) -> None:
        if self.busy:
            return
        values = self.values()
        if self.ask_company and not values.company_name:
            self._fail(self.tr("请填写企业名称。"))
            self.name_edit.setFocus()
            return
        if self.ask_company and not self._check_code():
            if not self.code_edit.text().strip():
                self._fail(self.tr("请填写统一社会信用代码。"))
            self.code_edit.setFocus()
            return
        if self.ask_company and not self._check_address():
            self.address_edit.setFocus()
            return
        problem = self._account_problem() if self.ask_account else ""
        if problem:
            self._fail(problem)
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        save = self._save
        run_in_background(
            self,
            lambda _: save(values),
            self._saved,
            self._save_failed,
            self.tr("正在创建账户和签名密钥……") if self.ask_account else self.tr("正在保存……"),
        )

    def _saved(self, result: Any) -> None:
        self.busy = False
        self.saved = result
        self.password_edit.clear()
        self.password_again.clear()
        self.error.hide()
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.busy = False
        if not refused_in_words(
            self, self.ok_button, error, self.tr("未能保存。"), self.tr("填写的内容仍保留在对话框中。")
        ):
            return
        self._fail(self.tr("未能保存：") + error_text(error))
