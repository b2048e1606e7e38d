"""The ledger's streaming workbook reader gives what openpyxl gives, and refuses what it must (DTDs, zip bombs,
formulas, rows past the limit) — the roster and readings imports read every .xlsx through it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from storage import ledger_xlsx
from storage.ledger_xlsx import FormulaCell, TooManyRows, TooWide, WorkbookError, read_rows


def _openpyxl_rows(path: Path) -> list[tuple[int, list[object]]]:
    workbook = load_workbook(path, read_only=True, data_only=False)
    rows: list[tuple[int, list[object]]] = []
    for number, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
        cells: list[object] = list(values)
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            rows.append((number, cells))
    workbook.close()
    return rows


def _ours(path: Path) -> list[tuple[int, list[object]]]:
    return [(n, c) for n, c in read_rows(str(path), max_columns=60, max_row=1000) if c]


CELL = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12).filter(
        lambda s: not s.startswith("=")
    ),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, max_size=8), max_size=12), gap=st.integers(0, 3))
def test_the_reader_gives_what_openpyxl_gives(tmp_path: Path, rows: list[list[Any]], gap: int) -> None:
    path = tmp_path / "random.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=number + gap * (number - 1), column=column, value=value)
    workbook.create_sheet("第二页")["A1"] = "not read"
    workbook.save(path)
    assert _ours(path) == _openpyxl_rows(path)


def _package(path: Path, sheet_xml: str, *, strings_xml: str | None = None, prefix: str = "") -> Path:
    """A minimal workbook written by hand (as other programs write them), with ``sheet_xml`` as its sheet."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<{p}workbook {ns} xmlns:r="{rel}"><{p}sheets><{p}sheet name="表" sheetId="1" r:id="rId1"/>'
            f"</{p}sheets></{p}workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if strings_xml is not None:
            archive.writestr("xl/sharedStrings.xml", strings_xml)
    return path


MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def test_shared_strings_with_phonetic_runs_and_prefixed_elements(tmp_path: Path) -> None:
    strings = (
        f"<sst {MAIN}><si><t>姓名</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh sb='0' eb='1'><t>ちょう</t></rPh>"
        "</si></sst>"
    )
    sheet = (
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="C3"><x:v>36.6</x:v></x:c></x:row>'
        '<x:row><x:c><x:v>7</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    path = _package(tmp_path / "hand.xlsx", sheet, strings_xml=strings)
    assert list(read_rows(str(path), max_columns=60, max_row=100)) == [
        (1, ["姓名"]),
        (3, ["张三", None, 36.6]),
        (4, [7, True]),
    ]


def test_a_formula_is_reported_with_its_row(tmp_path: Path) -> None:
    sheet = (
        f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'
        '<row r="2"><c r="A2" t="str"><f>HYPERLINK("http://x","张三")</f><v>张三</v></c></row></sheetData></worksheet>'
    )
    with pytest.raises(FormulaCell) as found:
        list(read_rows(str(_package(tmp_path / "f.xlsx", sheet)), max_columns=60, max_row=100))
    assert found.value.row == 2


def test_a_document_type_declaration_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with pytest.raises(WorkbookError):
        list(read_rows(str(_package(tmp_path / "dtd.xlsx", laughs)), max_columns=60, max_row=100))


def test_a_sheet_that_inflates_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 2000))
    path = _package(tmp_path / "bomb.xlsx", f"<worksheet {MAIN}><sheetData>{rows}</sheetData></worksheet>")
    assert len(list(read_rows(str(path), max_columns=60, max_row=5000))) == 1999
    monkeypatch.setattr(ledger_xlsx, "MAX_PART_BYTES", 10_000)
    with pytest.raises(WorkbookError):
        list(read_rows(str(path), max_columns=60, max_row=5000))


def test_rows_and_columns_past_the_limits_are_refused(tmp_path: Path) -> None:
    far = f'<worksheet {MAIN}><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>'
    with pytest.raises(TooManyRows):
        list(read_rows(str(_package(tmp_path / "far.xlsx", far)), max_columns=60, max_row=50_001))
    wide = f'<worksheet {MAIN}><sheetData><row r="4"><c r="XFD4"><v>1</v></c></row></sheetData></worksheet>'
    with pytest.raises(TooWide) as found:
        list(read_rows(str(_package(tmp_path / "wide.xlsx", wide)), max_columns=60, max_row=50_001))
    assert found.value.row == 4


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04 not really", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600],
    ids=["empty", "broken zip", "old xls"],
)
def test_files_that_are_no_workbook_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "no.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookError):
        list(read_rows(str(path), max_columns=60, max_row=100))


def test_a_shared_string_index_out_of_range_is_refused(tmp_path: Path) -> None:
    sheet = f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>'
    path = _package(tmp_path / "s.xlsx", sheet, strings_xml=f"<sst {MAIN}><si><t>x</t></si></sst>")
    with pytest.raises(WorkbookError):
        list(read_rows(str(path), max_columns=60, max_row=100))
