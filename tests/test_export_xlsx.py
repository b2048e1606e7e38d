"""The Excel report and the auditors' batch workbook, read back with openpyxl and (where installed) LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from checklist.catalog import official_catalogs
from export.content import load_report
from export.reports import ExportCancelled, Signer, export_batch, export_reports
from export.xlsx import display_width
from storage.db import Database, open_database
from storage.inspections import load_inspection
from storage.listing import InspectionFilter
from tests.export_fixtures import CATALOGS, build_company, build_inspection, signed_in_a_new_database
from tests.libreoffice import CSV_UTF8, convert_to_csv

SHEETS = ["概要", "检查项", "整改", "宿舍", "签名"]
ITEM_COUNT = sum(len(official_catalogs()[cid].items) for cid in CATALOGS)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    yield from signed_in_a_new_database(tmp_path_factory.mktemp("signed"), photos=1)


@pytest.fixture(scope="module")
def signed_xlsx(signed: tuple[Database, int], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db, inspection_id = signed
    xlsx = tmp_path_factory.mktemp("xlsx") / "报告.xlsx"
    signers = [Signer("张三", "安全员", "检查人", dt.datetime(2026, 11, 20, 8, 30))]
    assert export_reports(db, inspection_id, xlsx=xlsx, signers=signers) == [xlsx]
    return xlsx


def rows_of(ws: Worksheet) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def column_of(ws: Worksheet, title: str, header_row: int = 1) -> int:
    titles = [cell.value for cell in ws[header_row]]
    return titles.index(title) + 1


def test_sheets_and_one_row_per_item_with_stored_values(signed: tuple[Database, int], signed_xlsx: Path) -> None:
    db, inspection_id = signed
    wb = load_workbook(signed_xlsx)
    assert wb.sheetnames == SHEETS
    rows = rows_of(wb["检查项"])
    header, items = rows[0], rows[1:]
    assert len(items) == ITEM_COUNT
    report = load_report(db, inspection_id)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in items}
    for item in report.items:
        row = by_id[item.item_id]
        assert row["项目"] == item.title
        assert row["依据条款"] == item.citation
        assert row["结果"] == item.result_zh
        assert row["章节"] == item.section_title
    assert by_id["GN-01"]["结果"] == "不合格"
    assert "不符合" in str(by_id["GN-01"]["判定说明"])
    assert "1 次/日" in str(by_id["GN-01"]["测量值"])
    assert by_id["GN-05"]["证据文件"] == "洗手台.jpg"
    assert by_id["BJHQ-2"]["人工改判理由"].startswith("台账误记")  # type: ignore[union-attr]
    assert by_id["GN-09"]["结果"] == "不适用"


def test_tables_are_styled_for_use(signed_xlsx: Path) -> None:
    ws = load_workbook(signed_xlsx)["检查项"]
    assert ws.freeze_panes == "A2"
    assert all(cell.font.bold for cell in ws[1])
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    result = column_of(ws, "结果")
    letter = ws.cell(1, result).column_letter
    rules = [(str(cf.sqref), rule) for cf in ws.conditional_formatting for rule in cf.rules]
    failed = [rule for ref, rule in rules if ref.startswith(letter) and rule.formula == ['"不合格"']]
    assert failed and failed[0].dxf.font.color.rgb.endswith("9C0006")  # red text
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list" and str(v.sqref).startswith(letter)]
    assert lists and "不合格" in lists[0].formula1 and "未检查" in lists[0].formula1
    title_width = ws.column_dimensions[ws.cell(1, column_of(ws, "项目")).column_letter].width
    longest = max(display_width(row[0].value) for row in ws.iter_rows(min_row=2, min_col=4, max_col=4))
    assert (
        8 + 2 <= title_width < longest + 2
    )  # narrowed so the sheet prints legibly, wrapped (a CJK character counts double)
    assert ws.cell(2, column_of(ws, "项目")).alignment.wrap_text
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"  # the header row on every printed page
    assert ws.cell(2, column_of(ws, "依据条款")).alignment.wrap_text


def test_print_setup_is_a4_fit_to_width_with_repeated_header(signed_xlsx: Path) -> None:
    wb = load_workbook(signed_xlsx)
    for name in SHEETS:
        ws = wb[name]
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)  # 9: A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert wb["检查项"].print_title_rows == "$1:$1"
    assert wb["检查项"].page_setup.orientation == "landscape"


def test_document_properties(signed: tuple[Database, int], signed_xlsx: Path) -> None:
    _, inspection_id = signed
    properties = load_workbook(signed_xlsx).properties
    assert f"FG-{inspection_id}-v" in (properties.title or "")
    assert properties.creator and "复工自查" in properties.creator
    assert isinstance(properties.created, dt.datetime)


def test_signed_workbook_is_protected_and_a_draft_is_not(signed_xlsx: Path, tmp_path: Path) -> None:
    wb = load_workbook(signed_xlsx)
    assert all(ws.protection.sheet for ws in wb.worksheets)
    assert wb.security is not None and wb.security.lockStructure
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    draft = build_inspection(db, photos=0, complete=False)
    export_reports(db, draft, xlsx=tmp_path / "draft.xlsx")
    draft_wb = load_workbook(tmp_path / "draft.xlsx")
    assert not any(ws.protection.sheet for ws in draft_wb.worksheets)
    assert "草稿" in str(draft_wb["概要"]["B4"].value)  # 状态
    db.close()


def test_rooms_sheet_has_a_verdict_per_rule_that_applied(signed_xlsx: Path) -> None:
    rows = rows_of(load_workbook(signed_xlsx)["宿舍"])
    header = [str(title) for title in rows[0]]
    national = next(i for i, title in enumerate(header) if "全国" in title and "GN" in title)
    beijing = next(i for i, title in enumerate(header) if "北京" in title and "BJHQ" in title)
    a101 = next(row for row in rows[1:] if row[0] == "A101")
    assert a101[1] == 18 and a101[2] == 6 and a101[3] == 3
    assert a101[national] == "合格"  # 3 m²/人 ≥ 2.5, 6 ≤ 6
    assert a101[beijing] == "不合格"  # 3 m²/人 < 4
    assert "不符合" in str(a101[-1])
    assert len(rows) == 1 + 3


def test_actions_sheet(signed_xlsx: Path) -> None:
    ws = load_workbook(signed_xlsx)["整改"]
    rows = rows_of(ws)
    assert [row[0] for row in rows[1:]] == ["GN-01", "GN-10", "BJHQ-3"]
    assert rows[1][4] == dt.datetime(2026, 11, 30)  # a real date cell (openpyxl reads dates as datetimes)
    assert rows[1][5] == "待整改"
    status = ws.cell(1, column_of(ws, "状态")).column_letter
    assert any("已验证" in v.formula1 for v in ws.data_validations.dataValidation if str(v.sqref).startswith(status))


def test_signature_sheet_has_signers_and_record_hash(signed: tuple[Database, int], signed_xlsx: Path) -> None:
    db, inspection_id = signed
    rows = rows_of(load_workbook(signed_xlsx)["签名"])
    assert rows[1][:3] == ["检查人", "张三", "安全员"]
    assert rows[1][3] == dt.datetime(2026, 11, 20, 16, 30)  # the company's local time (UTC+8) first
    assert rows[1][4] == dt.datetime(2026, 11, 20, 8, 30)  # then UTC
    values = [value for row in rows for value in row]
    assert load_inspection(db, inspection_id).record_hash in values


def test_libreoffice_reads_the_items_sheet_with_the_same_values(signed_xlsx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    # the CSV filter's options as CSV_UTF8, then: the 12th token exports sheet 2 (检查项)
    options = f"{CSV_UTF8},,0,false,true,false,false,false,2"
    convert_to_csv(soffice, signed_xlsx, tmp_path, options)
    written = list(tmp_path.glob("*.csv"))
    assert len(written) == 1, written
    with written[0].open(encoding="utf-8", newline="") as handle:
        from_libreoffice = list(csv.reader(handle))
    from_openpyxl = [
        ["" if v is None else str(v) for v in row] for row in rows_of(load_workbook(signed_xlsx)["检查项"])
    ]
    assert from_libreoffice == from_openpyxl


def test_batch_workbook_lists_inspections_and_their_failed_items(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    company = build_company(db)
    november = build_inspection(db, photos=0, company=company, date=dt.date(2026, 11, 20))
    build_inspection(db, photos=0, company=company, date=dt.date(2026, 11, 25), sign=False)
    build_inspection(db, photos=0, company=company, date=dt.date(2026, 12, 3), complete=False)
    xlsx = tmp_path / "batch.xlsx"
    where = InspectionFilter(date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30))
    assert export_batch(db, xlsx, where) == xlsx
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["检查汇总", "不合格项"]
    inspections = rows_of(wb["检查汇总"])[1:]
    assert [row[0] for row in inspections] == [november, november + 1]
    assert inspections[0][5] == "已签署" and inspections[1][5] == "已完成"
    failed = rows_of(wb["不合格项"])
    header, failed = failed[0], failed[1:]
    assert len(failed) == 2 * 3  # GN-01, GN-10, BJHQ-3 in each
    gn01 = dict(zip(header, next(row for row in failed if row[4] == "GN-01"), strict=True))
    assert gn01["项目"] == "做好员工健康管理" and "不符合" in str(gn01["判定说明"])
    assert wb["检查汇总"].freeze_panes == "A2"
    db.close()


def test_cancelled_workbook_leaves_nothing(signed: tuple[Database, int], tmp_path: Path) -> None:
    db, inspection_id = signed
    with pytest.raises(ExportCancelled):
        export_reports(db, inspection_id, xlsx=tmp_path / "r.xlsx", cancelled=lambda: True)
    with pytest.raises(ExportCancelled):
        export_batch(db, tmp_path / "batch.xlsx", InspectionFilter(), cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_every_table_prints_across_a4_at_a_legible_scale(signed_xlsx: Path) -> None:
    """Read back as a printer driver would: A4 in the sheet's orientation, fit to one page wide and as many
    tall as needed, the header row on every page, every cell wrapped — and the columns as set are narrow
    enough that fitting them to the page's width leaves the text at 90 % or more (it was 65 %)."""
    from openpyxl.utils import get_column_letter

    wb = load_workbook(signed_xlsx)
    for name in ["检查项", "整改", "宿舍", "签名"]:
        ws = wb[name]
        setup = ws.page_setup
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0) and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        landscape = setup.orientation == "landscape"
        assert landscape == (name != "签名")
        page_inches = (11.69 if landscape else 8.27) - ws.page_margins.left - ws.page_margins.right
        widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
        pixels = sum(int(7 * width + 5) for width in widths)  # Excel's and LibreOffice's column pixels at 96 dpi
        scale = min(1.0, page_inches * 96 / pixels)
        assert scale >= 0.89, f"{name} prints at {scale:.0%}"
        assert max(widths) * 7 + 5 <= page_inches * 96  # the widest column fits on the page by itself
        table = []  # the table's rows, down to the first empty one (the signature sheet has facts below it)
        for row in ws.iter_rows():
            if not any(cell.value for cell in row):
                break
            table.append(row)
        assert len(table) > 1 and all(cell.alignment.wrap_text for row in table for cell in row if cell.value)


def test_columns_are_narrowed_in_proportion_and_never_below_a_word() -> None:
    from export.xlsx import PRINT_SCALE, fit_to_page, print_scale

    widths = [7.0, 60.0, 40.0, 19.0, 80.0]  # an item id, three long texts, a time
    minimums = [7.0, 8.0, 8.0, 19.0, 8.0]
    fitted = fit_to_page(widths, minimums, landscape=False)
    assert fitted[0] == 7.0 and fitted[3] == 19.0  # an id and a time are not broken
    assert all(f >= m for f, m in zip(fitted, minimums, strict=True))
    assert fitted[4] > fitted[1] > fitted[2]  # the widest stays the widest
    assert print_scale([f + 2 for f in fitted], landscape=False) >= PRINT_SCALE - 0.01
    assert fit_to_page([10.0, 12.0], [8.0, 8.0], landscape=True) == [10.0, 12.0]  # fits already: unchanged


def test_display_width_counts_every_wide_character_as_two() -> None:
    """display_width() counts wide characters with one pattern; the same as East Asian Width per character,
    over every code point (one line) and per line."""
    import unicodedata

    every = "".join(map(chr, range(0x110000)))
    every = every.replace("\n", "")
    assert display_width(every) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in every)
    assert display_width("检查 A101\n检查发现的情况如下\n\U00050000") == 18
    assert display_width("") == display_width(None) == 0
