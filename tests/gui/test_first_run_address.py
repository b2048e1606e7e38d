"""First-run set-up asks for the company's address as well as 所在区: optional, checked by the text policy
(a control character pasted in is refused under the field, with what was typed kept), stored with the
company, and printed on the report's cover."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.helpers import PASSWORD, VALID_CREDIT_CODE, choose_in_combo, click, close_window, start_app, type_into

ADDRESS = "北京市大兴区示例路 1 号"


def test_the_address_typed_at_first_run_is_stored_and_printed_on_the_cover(
    qtbot: QtBot, db_url: str, tmp_path: Path
) -> None:
    window = start_app(qtbot, db_url)
    dialog = window.setup_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.address_edit.isVisible() and dialog.address_edit.text() == ""
    type_into(qtbot, dialog.name_edit, "北京示例制造有限公司")
    type_into(qtbot, dialog.code_edit, VALID_CREDIT_CODE)
    choose_in_combo(qtbot, dialog.district_combo, "大兴区")
    dialog.address_edit.setText("北京市大兴区示例路\x07 1 号")  # pasted with a control character in it
    type_into(qtbot, dialog.officer_edit, "张伟")
    type_into(qtbot, dialog.password_edit, PASSWORD)
    type_into(qtbot, dialog.password_again, PASSWORD)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.address_error.isVisible()  # refused, nothing saved, all kept
    assert "地址含有不允许的控制字符 U+0007" in dialog.address_error.text()
    assert dialog.name_edit.text() == "北京示例制造有限公司" and dialog.password_edit.text() == PASSWORD
    dialog.address_edit.clear()
    type_into(qtbot, dialog.address_edit, ADDRESS)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.setup_dialog is None, timeout=20000)

    from storage.companies import list_companies
    from storage.inspections import create_inspection

    assert window.db is not None
    company = list_companies(window.db)[0]
    assert (company.address, company.district) == (ADDRESS, "大兴区")
    inspection_id = create_inspection(window.db, "张伟", company.id, dt.date(2026, 11, 20), "张伟", ["GN"], None)
    from export.reports import export_reports

    pdf = tmp_path / "report.pdf"
    export_reports(window.db, inspection_id, pdf=pdf)
    close_window(qtbot, window)
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report")
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ADDRESS.replace(" ", "") in cover.replace(" ", "") and "大兴区" in cover


def test_the_address_is_optional(qtbot: QtBot, db_url: str) -> None:
    window = start_app(qtbot, db_url)
    dialog = window.setup_dialog
    assert dialog is not None
    type_into(qtbot, dialog.name_edit, "北京示例制造有限公司")
    type_into(qtbot, dialog.code_edit, VALID_CREDIT_CODE)
    type_into(qtbot, dialog.officer_edit, "张伟")
    type_into(qtbot, dialog.password_edit, PASSWORD)
    type_into(qtbot, dialog.password_again, PASSWORD)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.setup_dialog is None, timeout=20000)
    from storage.companies import list_companies

    assert window.db is not None and list_companies(window.db)[0].address == ""
    close_window(qtbot, window)
