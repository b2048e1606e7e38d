"""企业信息: a manager removes a site added by mistake, clicking it in the dialog; a site a record names is
kept, and the dialog says why (which record, how many), keeping the list as it was; the officer is not
offered the dialog, and the core refuses the removal anyway."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from storage import companies, inspections
from storage.db import open_database
from storage.errors import PermissionDeniedError
from tests.gui.helpers import click, close_window, seed_accounts, start_app, type_into

MANAGER, OFFICER = ("王经理", "wang-manager-2020"), ("张伟", "zhang-officer-2020")


def _draft_at_the_first_site(db_url: str) -> int:
    db = open_database(db_url)
    try:
        company = companies.list_companies(db)[0]
        return inspections.create_inspection(
            db, MANAGER[0], company.id, dt.date(2026, 11, 20), "张伟", ["GN"], company.sites[0].id
        )
    finally:
        db.close()


def _choose(window: MainWindow, name: str) -> None:
    dialog = window.company_dialog
    assert dialog is not None
    row = dialog.sites().index(name)
    dialog.sites_list.setCurrentRow(row)


def test_a_manager_removes_a_mistaken_site_and_a_site_a_record_names_is_kept(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {MANAGER[0]: ("manager", MANAGER[1]), OFFICER[0]: ("officer", OFFICER[1])})
    inspection_id = _draft_at_the_first_site(db_url)
    window = start_app(qtbot, db_url, user=MANAGER[0], password=MANAGER[1])
    window.company_action.trigger()
    dialog = window.company_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.remove_site_button.isEnabled()  # nothing chosen yet
    type_into(qtbot, dialog.site_edit, "二号厂区（误）")
    click(qtbot, dialog.add_site_button)
    assert dialog.sites() == ["一号厂区", "二号厂区（误）"]

    _choose(window, "二号厂区（误）")
    assert dialog.remove_site_button.isEnabled()
    click(qtbot, dialog.remove_site_button)
    assert dialog.sites() == ["一号厂区"] and dialog.isVisible()
    assert dialog.notice.isVisible() and dialog.notice.text() == "已删除场所“二号厂区（误）”。"

    _choose(window, "一号厂区")  # a draft names it: kept, and the dialog says why
    click(qtbot, dialog.remove_site_button)
    assert dialog.sites() == ["一号厂区"]
    assert dialog.error.isVisible() and not dialog.notice.isVisible()
    assert dialog.error.text() == (
        f"场所未能删除：场所“一号厂区”已被 1 条记录引用（#{inspection_id}），因此保留；没有删除任何内容"
    )
    dialog.reject()
    close_window(qtbot, window)

    db = open_database(db_url)
    try:
        assert [site.name for site in companies.list_companies(db)[0].sites] == ["一号厂区"]
    finally:
        db.close()


def test_the_officer_cannot_remove_a_site(qtbot: QtBot, db_url: str) -> None:
    seed_accounts(db_url, {MANAGER[0]: ("manager", MANAGER[1]), OFFICER[0]: ("officer", OFFICER[1])})
    window = start_app(qtbot, db_url, user=OFFICER[0], password=OFFICER[1])
    assert not window.company_action.isEnabled()  # not offered the dialog
    close_window(qtbot, window)
    db = open_database(db_url)
    try:
        company = companies.list_companies(db)[0]
        spare = companies.add_site(db, MANAGER[0], company.id, "空场所")
        with pytest.raises(PermissionDeniedError) as refused:  # and the core refuses it anyway
            companies.remove_site(db, OFFICER[0], spare)
        assert "没有" in refused.value.message_zh
        assert [site.name for site in companies.list_companies(db)[0].sites] == ["一号厂区", "空场所"]
    finally:
        db.close()
