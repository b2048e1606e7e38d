"""企业信息 after set-up: a manager enters the address and 所在区, changes type and headcount and adds a site
(audited); the new site is offered when an inspection starts; an officer is not offered the dialog and the
service refuses the change anyway."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.accounts.company import CompanyDialog
from desktop.main_window import MainWindow
from storage import companies
from storage.db import open_database
from storage.errors import PermissionDeniedError
from storage.models import AuditEntry
from tests.gui.helpers import choose_in_combo, click, close_window, seed_accounts, start_app, type_into
from tests.storage.helpers import audit_entries

MANAGER, OFFICER = ("王经理", "wang-manager-2020"), ("张伟", "zhang-officer-2020")


def _open(qtbot: QtBot, window: MainWindow) -> CompanyDialog:
    assert window.company_action.isEnabled()
    window.company_action.trigger()
    dialog = window.company_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_manager_edits_the_company_profile_and_adds_a_site(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {MANAGER[0]: ("manager", MANAGER[1]), OFFICER[0]: ("officer", OFFICER[1])})
    window = start_app(qtbot, db_url, user=MANAGER[0], password=MANAGER[1])
    dialog = _open(qtbot, window)
    assert dialog.address_edit.text() == "" and dialog.district_combo.currentText() == ""  # the "—" on reports
    assert dialog.sites() == ["一号厂区"]
    type_into(qtbot, dialog.address_edit, "北京市大兴区示例路1号")
    choose_in_combo(qtbot, dialog.district_combo, "大兴区")
    choose_in_combo(qtbot, dialog.type_combo, "餐馆（含内部食堂）")
    dialog.headcount_spin.clear()
    type_into(qtbot, dialog.headcount_spin, "120")
    type_into(qtbot, dialog.site_edit, "一号厂区")  # a site it has: refused, said in the dialog
    click(qtbot, dialog.add_site_button)
    assert "已有名为" in dialog.error.text() and dialog.sites() == ["一号厂区"]
    dialog.site_edit.clear()
    type_into(qtbot, dialog.site_edit, "员工宿舍楼")
    qtbot.keyClick(dialog.site_edit, Qt.Key.Key_Return)  # Enter in the site field adds the site, not saves
    assert dialog.sites() == ["一号厂区", "员工宿舍楼"] and dialog.isVisible() and dialog.site_edit.text() == ""
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.company_dialog is None)
    assert "企业信息已保存" in window.statusBar().currentMessage()

    window.new_action.trigger()  # the new site is offered when an inspection starts
    new = window.new_dialog
    assert new is not None
    places = [new.place_combo.itemText(i) for i in range(new.place_combo.count())]
    assert "北京示例制造有限公司 / 员工宿舍楼" in places
    new.reject()
    close_window(qtbot, window)

    db = open_database(db_url)
    try:
        company = companies.list_companies(db)[0]
        (entry,) = audit_entries(db, AuditEntry.table_name == "companies", AuditEntry.action == "update")
    finally:
        db.close()
    assert (company.address, company.district, company.company_type, company.headcount) == (
        "北京市大兴区示例路1号",
        "大兴区",
        "restaurant",
        120,
    )
    assert [s.name for s in company.sites] == ["一号厂区", "员工宿舍楼"]
    assert entry.actor == MANAGER[0] and entry.old is not None and entry.new is not None
    assert (entry.old["district"], entry.new["district"]) == ("", "大兴区")


def test_an_officer_is_not_offered_the_profile_and_cannot_change_it(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {MANAGER[0]: ("manager", MANAGER[1]), OFFICER[0]: ("officer", OFFICER[1])})
    window = start_app(qtbot, db_url, user=OFFICER[0], password=OFFICER[1])
    assert not window.company_action.isEnabled()
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        company = companies.list_companies(db)[0]
        data = companies.CompanyInput(company.name, company.credit_code, company.company_type, district="朝阳区")
        with pytest.raises(PermissionDeniedError):
            companies.save_company(db, OFFICER[0], data, company.id)
        with pytest.raises(PermissionDeniedError):
            companies.add_site(db, OFFICER[0], company.id, "二号厂区")
        assert companies.list_companies(db)[0].district == ""
        assert [s.name for s in companies.list_companies(db)[0].sites] == ["一号厂区"]
    finally:
        db.close()


def test_a_manager_renames_a_mistyped_site_but_not_onto_another_site_s_name(qtbot: QtBot, db_url: str) -> None:
    """A record that names the site is no obstacle (it keeps the name it was completed with); a name another
    site has is refused, said in the dialog."""
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.gui.helpers import seed_site_inspection

    seed_accounts(db_url, {MANAGER[0]: ("manager", MANAGER[1]), OFFICER[0]: ("officer", OFFICER[1])})
    seed_site_inspection(db_url, "工工宿舍楼", officer=MANAGER[0])  # a draft at the mistyped site
    seed_site_inspection(db_url, "二号厂区", officer=MANAGER[0])
    window = start_app(qtbot, db_url, user=MANAGER[0], password=MANAGER[1])
    dialog = _open(qtbot, window)
    assert dialog.sites() == ["一号厂区", "工工宿舍楼", "二号厂区"]
    assert not dialog.rename_site_button.isEnabled()  # nothing chosen yet
    dialog.sites_list.setCurrentRow(1)
    click(qtbot, dialog.rename_site_button)
    rename = dialog.rename_dialog
    assert rename is not None and rename.isVisible() and rename.textValue() == "工工宿舍楼"
    line = rename.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    type_into(qtbot, line, "员工宿舍楼")
    click(qtbot, rename.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: dialog.rename_dialog is None)
    assert dialog.sites() == ["一号厂区", "员工宿舍楼", "二号厂区"] and not dialog.error.isVisible()

    dialog.sites_list.setCurrentRow(2)  # onto another site's name: refused, said in the dialog
    click(qtbot, dialog.rename_site_button)
    rename = dialog.rename_dialog
    assert rename is not None
    rename.setTextValue("一号厂区")
    click(qtbot, rename.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: dialog.rename_dialog is None)
    assert dialog.error.isVisible() and dialog.error.text().startswith("场所未能改名：")
    assert "已有名为“一号厂区”的场所" in dialog.error.text() and dialog.sites()[2] == "二号厂区"
    dialog.reject()
    close_window(qtbot, window)

    db = open_database(db_url)
    try:
        sites = [s.name for s in companies.list_companies(db)[0].sites]
        (entry,) = audit_entries(db, AuditEntry.table_name == "sites", AuditEntry.action == "update")
    finally:
        db.close()
    assert sites == ["一号厂区", "员工宿舍楼", "二号厂区"]
    assert (entry.actor, entry.old, entry.new) == (MANAGER[0], {"name": "工工宿舍楼"}, {"name": "员工宿舍楼"})
