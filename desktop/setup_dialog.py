"""First run (首次设置): the company profile and the officer's name. The official catalogs ship with the
program, so there is no file to find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

from checklist.company import CompanyType, validate_credit_code
from desktop.errors import is_known

ERROR_CSS = "color: #c62828"


def company_type_text(company_type: CompanyType) -> str:
    names = {
        CompanyType.INDUSTRIAL: QCoreApplication.translate("CompanyType", "工业企业"),
        CompanyType.CONSTRUCTION: QCoreApplication.translate("CompanyType", "建设工程参建单位"),
        CompanyType.OFFICE_BUILDING: QCoreApplication.translate("CompanyType", "商务楼宇（办公楼、写字楼）"),
        CompanyType.MALL: QCoreApplication.translate("CompanyType", "商场（含超市）"),
        CompanyType.RESTAURANT: QCoreApplication.translate("CompanyType", "餐馆（含内部食堂）"),
        CompanyType.OTHER: QCoreApplication.translate("CompanyType", "其他市场主体"),
    }
    return names[company_type]


@dataclass(frozen=True)
class SetupValues:
    company_name: str
    credit_code: str
    company_type: str
    site_name: str
    officer: str


class SetupDialog(QDialog):
    """Asks for the company and the officer; ``save`` stores them and raises KnownError if it cannot."""

    def __init__(
        self,
        save: Callable[[SetupValues], None],
        officer: str = "",
        ask_company: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self._save = save
        self.ask_company = ask_company
        self.setWindowTitle(self.tr("首次设置 — 复工自查"))
        welcome = QLabel(self.tr("欢迎使用复工自查"))
        font = QFont(welcome.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        welcome.setFont(font)
        intro = QLabel(
            self.tr(
                "请填写本企业的基本信息和检查人姓名。官方检查表（国务院联防联控机制指南、北京市通知等）"
                "已内置在程序中，无需另找文件。"
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
        self.code_error = QLabel()
        self.code_error.setObjectName("creditCodeError")
        self.code_error.setStyleSheet(ERROR_CSS)
        self.code_error.setWordWrap(True)
        self.code_error.hide()
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("companyType")
        for company_type in CompanyType:
            self.type_combo.addItem(company_type_text(company_type), company_type.value)
        self.site_edit = QLineEdit()
        self.site_edit.setObjectName("siteName")
        self.site_edit.setPlaceholderText(self.tr("可选，例如：一号厂区、员工宿舍楼"))
        self.officer_edit = QLineEdit(officer)
        self.officer_edit.setObjectName("officerName")
        self.officer_edit.setPlaceholderText(self.tr("填写检查记录时使用的姓名"))
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setStyleSheet(ERROR_CSS)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        if ask_company:
            form.addRow(self.tr("企业名称(&C)："), self.name_edit)
            form.addRow(self.tr("统一社会信用代码(&U)："), self.code_edit)
            form.addRow("", self.code_error)
            form.addRow(self.tr("企业类型(&T)："), self.type_combo)
            form.addRow(self.tr("场所(&S)："), self.site_edit)
        else:
            for widget in (self.name_edit, self.code_edit, self.code_error, self.type_combo, self.site_edit):
                widget.setParent(self)
                widget.hide()
        form.addRow(self.tr("检查人姓名(&O)："), self.officer_edit)
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
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.code_edit.textEdited.connect(self._code_edited)
        self.code_edit.editingFinished.connect(self._check_code)

    def values(self) -> SetupValues:
        return SetupValues(
            self.name_edit.text().strip(),
            self.code_edit.text().strip().upper(),
            str(self.type_combo.currentData()),
            self.site_edit.text().strip(),
            self.officer_edit.text().strip(),
        )

    def _code_message(self) -> str:
        """Why the credit code is wrong, in words; empty when it is valid."""
        try:
            validate_credit_code(self.code_edit.text())
        except ValueError as error:
            return str(error)
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

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _accept(self) -> None:
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
        if not values.officer:
            self._fail(self.tr("请填写检查人姓名。"))
            self.officer_edit.setFocus()
            return
        try:
            self._save(values)
        except Exception as error:
            if not is_known(error):
                raise
            self._fail(self.tr("未能保存：") + str(error))
            return
        self.error.hide()
        self.accept()
