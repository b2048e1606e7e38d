"""Issue 14, "the report an inspector reads", through the window: a manager exports a signed record with 导出报告
and the PDF that lands in the folder is read back with poppler, as an inspector's own tools would.

The core tests (tests/test_export_pdf.py) check the same points on a report made by the exporter directly; this
test checks that what the window's export writes is that report: signing times in the company's time with UTC,
the report number explained, the basis document by its official title, the record's check in words, no
internal JSON in the document properties.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.reports import export as export_action
from tests.gui.helpers import close_window, signed_inspection, start_app
from tests.test_export_pdf import run, squeezed, text_of

PASSWORDS = {"王经理": "manager-pass-2020", "张伟": "officer-pass-2020"}


def test_the_exported_signed_report_says_what_an_inspector_needs(qtbot: QtBot, db_url: str, tmp_path: Path) -> None:
    inspection_id = signed_inspection(db_url, PASSWORDS)
    window = start_app(qtbot, db_url, user="王经理", password=PASSWORDS["王经理"])
    window.inspections.select_id(inspection_id)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(export_action.ExportDialog)))
    dialog = next(d for d in window.findChildren(export_action.ExportDialog) if d.isVisible())
    dialog.folder_edit.selectAll()
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None, timeout=60000)
    window.findChild(QMessageBox, "exportDone").close()
    pdf = tmp_path / f"复工自查_北京示例制造有限公司_2020-03-02_第{inspection_id}号.pdf"
    assert pdf.is_file(), sorted(p.name for p in tmp_path.iterdir())

    text = squeezed(text_of(pdf))
    # Times in the company's local time with UTC beside them: when the report was made, and both signatures
    # (the two signature boxes stand side by side, so poppler interleaves their lines).
    made = re.search(r"生成于(\d{4}-\d\d-\d\d)(\d\d:\d\d)（UTC\+08:00；UTC(\d{4}-\d\d-\d\d)(\d\d:\d\d)）", text)
    assert made, text
    local = dt.datetime.fromisoformat(f"{made[1]} {made[2]}")
    assert local - dt.datetime.fromisoformat(f"{made[3]} {made[4]}") == dt.timedelta(hours=8)
    assert len(re.findall(r"当地时间\d{4}-\d\d-\d\d\d\d:\d\d:\d\d", text)) == 2, text
    assert text.count("（UTC+08:00）") == 2 and len(re.findall(r"\d{4}-\d\d-\d\d\d\d:\d\d:\d\dUTC", text)) >= 2, text
    # The report number explained in terms of the list's number.
    assert re.search(rf"FG-{inspection_id}-v\d+（已签署）＝检查记录#{inspection_id}第\d+版", text), text
    # The basis documents by their official titles, not the catalog's short names.
    assert "《国务院应对新型冠状病毒感染肺炎疫情联防联控机制关于印发企事业单位复工复产疫情防控措施指南的通知》" in text
    # How to check the record, in words an inspector understands, not a command.
    assert "审计”窗口" in text and "verify-record" not in text
    info = run("pdfinfo", pdf)
    assert "{" not in info and "slots" not in info  # no internal JSON in the document properties
    close_window(qtbot, window)
