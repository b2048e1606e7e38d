"""企业信息: the company profile after set-up — address, 所在区 (printed on the report with the inspecting
authority), type, headcount, contact — and its sites (场所), chosen when an inspection starts.

Only a manager may change it (:func:`checklist.workflow.may_edit_company`, enforced again by
:mod:`storage.companies`); the dialog gets plain values and two callables, never the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checklist.company import BEIJING_DISTRICTS, OTHER_DISTRICT, CompanyType
from desktop.accounts.first_run import company_type_text
from desktop.common.discard import DiscardGuard
from desktop.common.errors import error_label, error_text, is_known, show_error

if TYPE_CHECKING:
    from storage.models import Company

MAX_HEADCOUNT = 1_000_000


class CompanyProfile(NamedTuple):
    """A company as the dialog shows it (plain values, read off the GUI's database handle)."""

    id: int
    name: str
    credit_code: str
    company_type: str
    address: str
    district: str
    headcount: int
    contact: str
    sites: tuple[str, ...]
    site_ids: tuple[int, ...] = ()  # the sites' ids, in the same order


class CompanyDialog(QDialog):
    """Edits a :class:`CompanyProfile`. ``save(profile)`` stores the profile, ``add_site(name)`` one new site
    (returning its id), ``rename_site(id, name)`` renames one (a manager's; a completed or signed record keeps the
    name it was completed with), ``remove_site(id)`` removes one (a manager's, refused while any record names it); each
    raises KnownError with the reason, which the dialog shows keeping what was typed."""

    def __init__(
        self,
        profile: CompanyProfile,
        save: Callable[[CompanyProfile], None],
        add_site: Callable[[str], int | None],
        parent: QWidget | None = None,
        rename_site: Callable[[int, str], None] | None = None,
        remove_site: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("companyDialog")
        self.setWindowTitle(self.tr("企业信息"))
        self._profile = profile
        self._save = save
        self._add_site = add_site
        self._rename_site = rename_site
        self._remove_site = remove_site
        self._site_ids: list[int | None] = list(profile.site_ids) or [None] * len(profile.sites)
        self.rename_dialog: QInputDialog | None = None
        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setObjectName("companyName")
        code = QLabel(profile.credit_code)
        code.setObjectName("companyCreditCode")
        self.address_edit = QLineEdit(profile.address)
        self.address_edit.setObjectName("companyAddress")
        self.address_edit.setPlaceholderText(self.tr("例如：北京市大兴区示例路 1 号"))
        self.district_combo = QComboBox()
        self.district_combo.setObjectName("companyDistrict")
        self.district_combo.setEditable(True)  # another city's district is typed
        self.district_combo.addItem("")
        self.district_combo.addItems([*BEIJING_DISTRICTS, OTHER_DISTRICT])
        self.district_combo.setCurrentText(profile.district)
        district_line = self.district_combo.lineEdit()
        if district_line is not None:
            district_line.setPlaceholderText(self.tr("选择或输入，例如：大兴区"))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("companyType")
        for company_type in CompanyType:
            self.type_combo.addItem(company_type_text(company_type), company_type.value)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(profile.company_type), 0))
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setObjectName("companyHeadcount")
        self.headcount_spin.setRange(0, MAX_HEADCOUNT)
        self.headcount_spin.setValue(profile.headcount)
        self.headcount_spin.setSuffix(self.tr(" 人"))
        self.contact_edit = QLineEdit(profile.contact)
        self.contact_edit.setObjectName("companyContact")
        self.contact_edit.setPlaceholderText(self.tr("姓名和电话"))
        district_hint = QLabel(self.tr("所在区和企业类型决定报告上的监管部门（属地管理）。"))
        district_hint.setObjectName("districtHint")
        district_hint.setWordWrap(True)
        district_hint.setStyleSheet("color: #555555")
        form = QFormLayout()
        form.addRow(self.tr("企业名称(&C)："), self.name_edit)
        form.addRow(self.tr("统一社会信用代码："), code)
        form.addRow(self.tr("地址(&R)："), self.address_edit)
        form.addRow(self.tr("所在区(&Q)："), self.district_combo)
        form.addRow(self.tr("企业类型(&T)："), self.type_combo)
        form.addRow("", district_hint)
        form.addRow(self.tr("职工人数(&H)："), self.headcount_spin)
        form.addRow(self.tr("联系人(&K)："), self.contact_edit)

        sites_box = QGroupBox(self.tr("场所（新建检查时选择）"))
        self.sites_list = QListWidget()
        self.sites_list.setObjectName("companySites")
        self.sites_list.addItems(list(profile.sites))
        self.sites_list.setMaximumHeight(110)
        self.site_edit = QLineEdit()
        self.site_edit.setObjectName("newSiteName")
        self.site_edit.setPlaceholderText(self.tr("例如：员工宿舍楼、二号厂区"))
        self.add_site_button = QPushButton(self.tr("添加场所(&A)"))
        self.add_site_button.setObjectName("addSiteButton")
        self.add_site_button.setAutoDefault(False)
        self.rename_site_button = QPushButton(self.tr("重命名场所(&N)…"))
        self.rename_site_button.setObjectName("renameSiteButton")
        self.rename_site_button.setAutoDefault(False)
        self.rename_site_button.setEnabled(False)
        self.rename_site_button.setVisible(rename_site is not None)
        self.remove_site_button = QPushButton(self.tr("删除场所(&D)"))
        self.remove_site_button.setObjectName("removeSiteButton")
        self.remove_site_button.setAutoDefault(False)
        self.remove_site_button.setEnabled(False)
        self.remove_site_button.setVisible(remove_site is not None)
        self.remove_site_button.setToolTip(self.tr("删除误加的场所；已有检查记录的场所不能删除"))
        self.remove_site_button.clicked.connect(self.remove_chosen_site)
        self.sites_list.currentRowChanged.connect(self._site_chosen)
        self.sites_list.itemDoubleClicked.connect(lambda _: self.rename_chosen_site())
        self.rename_site_button.clicked.connect(self.rename_chosen_site)
        site_row = QHBoxLayout()
        site_row.addWidget(self.site_edit, 1)
        site_row.addWidget(self.add_site_button)
        site_row.addWidget(self.rename_site_button)
        site_row.addWidget(self.remove_site_button)
        sites_layout = QVBoxLayout(sites_box)
        sites_layout.addWidget(self.sites_list)
        sites_layout.addLayout(site_row)

        self.error = error_label("companyError")
        self.notice = QLabel()
        self.notice.setObjectName("companyNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存(&S)"))
        self.save_button.setObjectName("companySave")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.add_site_button.clicked.connect(self._site)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sites_box)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.discard_guard = DiscardGuard(self, self._typed, lambda: QDialog.reject(self))

    def _typed(self) -> tuple[object, ...]:
        return (self.profile(), self.site_edit.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the new-site field adds the site (it does not save and close the dialog)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.site_edit:
            self._site()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc or 取消: at once if nothing was changed, else after asking."""
        if self.discard_guard.may_discard():
            super().reject()

    def profile(self) -> CompanyProfile:
        """The profile as typed."""
        return self._profile._replace(
            name=self.name_edit.text().strip(),
            company_type=str(self.type_combo.currentData()),
            address=self.address_edit.text().strip(),
            district=self.district_combo.currentText().strip(),
            headcount=self.headcount_spin.value(),
            contact=self.contact_edit.text().strip(),
        )

    def sites(self) -> list[str]:
        return [self.sites_list.item(row).text() for row in range(self.sites_list.count())]

    def _fail(self, what: str, error: Exception) -> None:
        self.notice.hide()
        if is_known(error):
            self.error.setText(self.tr("{what}{reason}").format(what=what, reason=error_text(error)))
        else:
            show_error(self, what, error, self.tr("对话框中填写的内容仍保留。"))
            self.error.setText(what)
        self.error.show()

    @Slot()
    def _site(self) -> None:
        name = self.site_edit.text().strip()
        if not name:
            self.error.setText(self.tr("请填写场所名称。"))
            self.error.show()
            self.site_edit.setFocus()
            return
        try:
            site_id = self._add_site(name)
        except Exception as error:
            self._fail(self.tr("场所未能添加："), error)
            return
        self.error.hide()
        self._site_ids.append(site_id)
        self.sites_list.addItem(name)
        self.site_edit.clear()  # stored already: nothing left to discard for it

    @Slot(int)
    def _site_chosen(self, row: int) -> None:
        chosen = 0 <= row < len(self._site_ids) and self._site_ids[row] is not None
        self.rename_site_button.setEnabled(chosen and self._rename_site is not None)
        self.remove_site_button.setEnabled(chosen and self._remove_site is not None)

    @Slot()
    def rename_chosen_site(self) -> None:
        """Ask for the chosen site's new name (a small dialog over this one)."""
        row = self.sites_list.currentRow()
        if self._rename_site is None or not 0 <= row < len(self._site_ids) or self._site_ids[row] is None:
            return
        old = self.sites_list.item(row).text()
        dialog = QInputDialog(self)
        dialog.setObjectName("renameSiteDialog")
        dialog.setWindowTitle(self.tr("重命名场所"))
        dialog.setLabelText(self.tr("“{name}”的新名称：").format(name=old))
        dialog.setTextValue(old)
        dialog.setOkButtonText(self.tr("重命名"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.textValueSelected.connect(lambda name: self._rename(row, name))
        dialog.finished.connect(lambda _: self._forget_rename(dialog))
        self.rename_dialog = dialog
        dialog.open()

    @Slot()
    def remove_chosen_site(self) -> None:
        """Remove the chosen site (the core refuses, in words, one that a record names)."""
        row = self.sites_list.currentRow()
        remove = self._remove_site
        if remove is None or not 0 <= row < len(self._site_ids):
            return
        site_id = self._site_ids[row]
        if site_id is None:
            return
        name = self.sites_list.item(row).text()
        try:
            remove(site_id)
        except Exception as error:
            self._fail(self.tr("场所未能删除："), error)
            return
        del self._site_ids[row]
        self.sites_list.takeItem(row)
        self.error.hide()
        self.notice.setText(self.tr("已删除场所“{name}”。").format(name=name))
        self.notice.show()

    def _forget_rename(self, dialog: QInputDialog) -> None:
        if self.rename_dialog is dialog:
            self.rename_dialog = None
        dialog.deleteLater()

    def _rename(self, row: int, name: str) -> None:
        site_id, rename = self._site_ids[row], self._rename_site
        name = name.strip()
        if site_id is None or rename is None or name == self.sites_list.item(row).text():
            return
        try:
            rename(site_id, name)
        except Exception as error:
            self._fail(self.tr("场所未能改名："), error)
            return
        self.error.hide()
        self.sites_list.item(row).setText(name)

    @Slot()
    def _accept(self) -> None:
        if not self.name_edit.text().strip():
            self.error.setText(self.tr("请填写企业名称。"))
            self.error.show()
            self.name_edit.setFocus()
            return
        try:
            self._save(self.profile())
        except Exception as error:
            self._fail(self.tr("企业信息未能保存："), error)
            return
        self.accept()


def profile_of(company: Company) -> CompanyProfile:
    """A :class:`CompanyProfile` from a company as :func:`storage.companies.list_companies` reads it."""
    return CompanyProfile(
        company.id,
        company.name,
        company.credit_code,
        company.company_type,
        company.address or "",
        company.district or "",
        company.headcount or 0,
        company.contact or "",
        tuple(site.name for site in company.sites),
        tuple(site.id for site in company.sites),
    )
