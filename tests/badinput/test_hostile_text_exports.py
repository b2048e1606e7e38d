"""Text the exporters must survive: formulas, control characters and absurd lengths stored by any route
(raw SQL, or a record stored before the text policy) never crash the PDF or the workbook, and no text from a
user ever becomes a live formula in a workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import update

from checklist.text import LIMITS, TextKind
from export.reports import export_reports
from storage.db import open_database
from storage.models import Company, CorrectiveAction, DormitoryRoomRow, Inspection, ItemResponse
from tests.storage import helpers

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "=1+1", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]


def _hostile_record(tmp_path: Path) -> tuple[object, int]:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    inspection_id, _ = helpers.answered(db)
    with db.engine.begin() as connection:  # behind the application's back, as raw SQL would
        connection.execute(
            update(Inspection).where(Inspection.id == inspection_id).values(inspector="张" * 10_000 + "\x1b[31m")
        )
        connection.execute(
            update(ItemResponse)
            .where(ItemResponse.inspection_id == inspection_id, ItemResponse.item_id == "GN-01")
            .values(note="bell\x07 esc\x1b nul\x00 " + FORMULAS[0])
        )
        connection.execute(
            update(Company).values(name="公司\x00" * 5_000, address="地址\n" * 3_000, district="\x1b" * 600)
        )
        connection.execute(
            update(ItemResponse)
            .where(ItemResponse.inspection_id == inspection_id, ItemResponse.item_id == "GN-02")
            .values(note="很长的备注\n" * 1_000, override_reason="理" * LIMITS[TextKind.NOTE])
        )
        connection.execute(
            update(CorrectiveAction).where(CorrectiveAction.inspection_id == inspection_id).values(action=FORMULAS[1])
        )
        connection.execute(
            update(DormitoryRoomRow).where(DormitoryRoomRow.inspection_id == inspection_id).values(name=FORMULAS[2])
        )
    return db, inspection_id


def test_hostile_text_exports_as_text(tmp_path: Path) -> None:
    db, inspection_id = _hostile_record(tmp_path)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    written = export_reports(db, inspection_id, pdf=pdf, xlsx=xlsx)  # type: ignore[arg-type]
    assert written == [pdf, xlsx]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    workbook = load_workbook(xlsx)
    texts = [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in texts if cell.data_type == "f"], "a user's text became a formula"
    values = {str(cell.value) for cell in texts}
    assert FORMULAS[1] in values and FORMULAS[2] in values  # kept as typed, shown as text
    notes = [v for v in values if v.startswith("bell")]
    assert notes == ["bell\ufffd esc\ufffd nul\ufffd " + FORMULAS[0]]
    assert not any(ch in v for v in values for ch in "\x00\x07\x1b")
    db.close()  # type: ignore[attr-defined]


def test_every_formula_prefix_stays_text(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from export.xlsx import put

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row, text in enumerate([*FORMULAS, "x" * 40_000, "\ud800", "ok"], start=1):
        put(sheet, row, 1, text)
    put(sheet, 20, 1, 42)
    put(sheet, 21, 1, dt.date(2026, 11, 20))
    path = tmp_path / "f.xlsx"
    workbook.save(path)
    back = load_workbook(path).active
    assert back is not None
    assert [back.cell(r, 1).value for r in range(1, len(FORMULAS) + 1)] == FORMULAS
    assert all(back.cell(r, 1).data_type == "s" for r in range(1, len(FORMULAS) + 1))
    assert len(str(back.cell(len(FORMULAS) + 1, 1).value)) == 32_767
    assert back.cell(len(FORMULAS) + 2, 1).value == "\ufffd"
    assert back.cell(20, 1).value == 42 and back.cell(20, 1).data_type == "n"
