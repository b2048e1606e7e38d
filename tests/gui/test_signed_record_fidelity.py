"""A signed record reads in the window as it was signed, after the manager changed the company profile: the
inspections list shows the company and site names it was signed under (a draft made since shows the new ones),
and the read-only record shows the items it was signed with — a hotel's LK28 record keeps its two hotel items
after the company's type became 工业企业 — under the signed names. Names forged in the record's copy by raw SQL
show in the list, and the audit window's record check fails naming them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from checklist.evaluation import Answer, Result
from desktop.audit.models import RecordColumn
from desktop.editor.navigator import ItemIdRole, NavigatorModel
from desktop.inspections.model import Column
from desktop.main_window import MainWindow
from tests.gui.helpers import (
    VALID_CREDIT_CODE,
    click,
    click_index,
    open_row,
    seed_accounts,
    show_audit,
    signed_inspection,
    start_app,
)

PASSWORDS = {"王经理": "wang-manager-2020", "张伟": "zhang-officer-2020"}
SIGNED_PLACE = "北京示例酒店有限公司 / 一号楼"
NEW_PLACE = "北京示例制造有限公司 / 二号厂区"


def _signed_hotel_record_then_profile_changed(db_url: str) -> tuple[int, int, set[str]]:
    """As a hotel: an LK28 record answered by 张伟, completed, signed by 张伟 and countersigned by 王经理. Then
    王经理 makes the company an industrial one with a new name and renames its site, and 张伟 starts a draft.
    Returns the signed record, the draft and the signed record's items."""
    from export.signing import sign
    from storage import companies, inspections
    from storage.db import open_database

    seed_accounts(
        db_url, {"王经理": ("manager", PASSWORDS["王经理"]), "张伟": ("officer", PASSWORDS["张伟"])}, signing_keys=True
    )
    db = open_database(db_url)
    try:
        company = companies.list_companies(db)[0]
        site_id = company.sites[0].id
        hotel = companies.CompanyInput("北京示例酒店有限公司", VALID_CREDIT_CODE, "hotel")
        companies.save_company(db, "王经理", hotel, company.id)
        companies.rename_site(db, "王经理", site_id, "一号楼")
        signed = inspections.create_inspection(db, "张伟", company.id, dt.date(2020, 3, 2), "张伟", ["LK28"], site_id)
        record = inspections.load_inspection(db, signed)
        version = record.version
        for response in record.responses:
            version = inspections.save_answer(db, "张伟", signed, version, response.item_id, Answer(Result.PASS))
        inspections.complete(db, "张伟", signed, version)
        sign(db, signed, "张伟", PASSWORDS["张伟"], "inspector")
        sign(db, signed, "王经理", PASSWORDS["王经理"], "approver")
        db.principal = None  # signing logged in on this handle; the changes below are each their own account's
        industrial = companies.CompanyInput("北京示例制造有限公司", VALID_CREDIT_CODE, "industrial")
        companies.save_company(db, "王经理", industrial, company.id)
        companies.rename_site(db, "王经理", site_id, "二号厂区")
        draft = inspections.create_inspection(db, "张伟", company.id, dt.date(2020, 3, 3), "张伟", ["LK28"], site_id)
        return signed, draft, {r.item_id for r in inspections.load_inspection(db, signed).responses}
    finally:
        db.close()


def _place_shown(window: MainWindow, inspection_id: int) -> str:
    proxy = window.inspections.proxy
    for row in range(proxy.rowCount()):
        if proxy.row_at(row).id == inspection_id:
            return str(proxy.index(row, Column.PLACE).data(Qt.ItemDataRole.DisplayRole))
    raise AssertionError(f"#{inspection_id} is not in the list")


def _item_pages(model: NavigatorModel, parent: QModelIndex | None = None) -> list[str]:
    """The item ids the navigator offers, one per item page, in order."""
    parent = parent if parent is not None else QModelIndex()
    found: list[str] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        item_id = index.data(ItemIdRole)
        found.extend([item_id] if item_id else _item_pages(model, index))
    return found


def test_a_signed_record_is_listed_and_opened_as_signed_after_the_profile_changed(qtbot: QtBot, db_url: str) -> None:
    signed, draft, signed_items = _signed_hotel_record_then_profile_changed(db_url)
    assert {"LK28-15", "LK28-16"} <= signed_items and len(signed_items) == 16
    window = start_app(qtbot, db_url, user="张伟", password=PASSWORDS["张伟"])
    qtbot.waitUntil(lambda: window.inspections.select_id(draft))
    assert _place_shown(window, signed) == SIGNED_PLACE
    assert _place_shown(window, draft) == NEW_PLACE

    open_row(qtbot, window, signed)
    view, editor = window.inspection_view, window.editor
    assert view is not None and editor is not None
    assert not editor.editable  # signed: read-only
    pages = _item_pages(view.navigator_model)
    assert sorted(pages) == sorted(signed_items)  # every item it was signed with, the two hotel items too
    assert (editor.header.company, editor.header.site) == ("北京示例酒店有限公司", "一号楼")
    assert "北京示例酒店有限公司" in window.windowTitle()


def test_names_forged_in_the_signed_copy_fail_the_audit_windows_record_check_naming_the_copy(
    qtbot: QtBot, db_url: str
) -> None:
    """An attacker with the database file renames the signed record's company and site in its own copy: the
    list shows the forged names (it reads, it does not verify), the audit window's 验证记录 says 验证失败 and
    names the copy's two names, forged against signed."""
    signed = signed_inspection(db_url, PASSWORDS)
    connection = sqlite3.connect(Path(db_url.removeprefix("sqlite:///")))
    try:
        (kept,) = connection.execute("SELECT company_snapshot FROM inspections WHERE id = ?", (signed,)).fetchone()
        copy = json.loads(kept)
        copy["company"]["name"], copy["site"] = "北京别家制造有限公司", "三号厂房"
        connection.execute(
            "UPDATE inspections SET company_snapshot = ? WHERE id = ?", (json.dumps(copy, ensure_ascii=False), signed)
        )
        connection.commit()
    finally:
        connection.close()

    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])
    qtbot.waitUntil(lambda: window.inspections.select_id(signed))
    assert _place_shown(window, signed) == "北京别家制造有限公司 / 三号厂房"
    audit = show_audit(qtbot, window)
    records = audit.records
    click_index(qtbot, audit.records_view, records.index(records.row_of(signed), RecordColumn.PLACE))
    qtbot.waitUntil(lambda: audit.selected_id() == signed and audit.verify_record_button.isEnabled())
    click(qtbot, audit.verify_record_button)
    qtbot.waitUntil(
        lambda: records.index(records.row_of(signed), RecordColumn.CHECK).data() == "验证失败", timeout=30000
    )
    failed = [text for text, ok in audit.result_lines if not ok]
    (copy_line,) = [text for text in failed if "company_snapshot" in text]
    assert "company_snapshot.company.name 为 北京别家制造有限公司，审计记录为 北京示例制造有限公司" in copy_line
    assert "company_snapshot.site 为 三号厂房，审计记录为 一号厂区" in copy_line
    assert sum("记录在此签名之后被改动" in text for text in failed) == 2, failed
    audit.close()
    qtbot.waitUntil(lambda: window.audit_window is None)
