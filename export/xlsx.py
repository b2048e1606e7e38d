"""The inspection report as an Excel workbook, and the auditors' batch workbook.

The report's workbook is in the report's language (``ReportContent.language``): its sheet names, headers,
labels, result words and verdicts from :data:`SHEET_WORDS`, the items' texts from the catalogs' ``*_en``
fields as the English PDF has them. What users typed (names, notes, actions) is data and stays as typed; the
record and its hash are the same in both languages.

Sheets of one report: 概要 (cover and summary), 检查项 (one row per item), 整改 (corrective actions), 宿舍
(dormitory rooms with a verdict per rule that applied) and 签名 (signers and the record hash). Every table has
a bold, frozen header row with filters, columns sized to their text (a CJK character counts double), wrapped
text, failed results in red by conditional formatting (so a changed value recolours itself), drop-down lists
on result and status columns, and A4 print setup: fit to width, header row repeated on every page. A signed
report's sheets are protected against accidental edits (no password: protection, not security).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from checklist.catalog import official_catalogs
from checklist.company import COMPANY_TIME
from checklist.evaluation import Counts, Result
from checklist.messages import ENGLISH
from checklist.text import printable
from checklist.workflow import MEANING_ZH, ROLE_ZH, STATUS_ZH, ActionStatus
from export.content import (
    RESULT_CHOICES_ZH,
    RESULT_ZH,
    SIGNATURE_MEANINGS_ZH,
    ReportContent,
    citation_of,
    report_word,
)
from export.progress import SILENT, Progress
from storage import listing
from storage.db import Database
from storage.listing import InspectionFilter, InspectionRow, ItemResultRow

CREATOR = "复工自查 Fugong Self-Check"
FAILED_ZH = RESULT_ZH[Result.FAIL]
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
FAILED_STYLE = DifferentialStyle(
    font=Font(color="9C0006", bold=True), fill=PatternFill("solid", bgColor="FFC7CE", fgColor="FFC7CE")
)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 40
LINE_HEIGHT = 15.0  # points per line of 11-pt text, Chinese included
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
CELL_TEXT_LIMIT = 32_767  # Excel's limit on the characters of a cell
HEADER_TEXT_LIMIT = 80  # printed page headers hold at most 255 characters with their codes
PROPERTY_LIMIT = 1_000


@dataclass(frozen=True)
class Column:
    title: str
    max_width: int = MAX_WIDTH
    number_format: str | None = None

    def said(self, english: bool) -> Column:
        """The column with its title in English (:data:`SHEET_WORDS`) when ``english``."""
        if not english:
            return self
        title = SHEET_WORDS[self.title]
        longest = max((len(word) for word in title.split()), default=0)  # "Severity" is not cut mid-word
        return Column(title, max(self.max_width, longest), self.number_format)


# The workbook's own words in English, keyed by the Chinese it prints (the report's shared words — results,
# verdicts, statuses, meanings — are export.content.REPORT_WORDS, as the PDF uses them).
SHEET_WORDS: dict[str, str] = {
    # sheets
    "概要": "Overview",
    "检查项": "Items",
    "整改": "Corrective actions",
    "宿舍": "Dormitories",
    "签名": "Signatures",
    # the overview
    "报告编号": "Report number",
    "状态": "Status",
    "单位名称": "Company",
    "统一社会信用代码": "Unified social credit code",
    "地址": "Address",
    "所在区": "District",
    "单位类型": "Type of company",
    "监管部门": "Inspecting authority",
    "检查场所": "Site inspected",
    "检查日期": "Date of inspection",
    "检查人": "Inspector",
    "检查依据": "Basis",
    "记录哈希": "Record hash",
    "（草稿，内容仍可能改变）": " (draft: the content may still change)",
    "签名机构指纹": "Signing authority fingerprint",
    "生成时间（当地，UTC+8）": "Generated (local time, UTC+8)",
    "生成时间（UTC）": "Generated (UTC)",
    "更正": "Correction",
    "译本": "Translation",
    "章节": "Section",
    "合格": "Passed",
    "不合格": "Failed",
    "不适用": "N/A",
    "未检查": "Not checked",
    "合格率": "Pass rate",
    "合计": "Total",
    "严重不合格项（{count}）": "Critical items failed ({count})",
    # the items
    "编号": "No.",
    "项目": "Item",
    "严重程度": "Severity",
    "依据条款": "Clause",
    "结果": "Result",
    "人工改判理由": "Reason for overriding the rule",
    "测量值": "Measurements",
    "判定说明": "Findings",
    "备注": "Note",
    "证据文件": "Evidence files",
    "整改措施": "Corrective actions",
    "建议做法（超出条文要求，不作判定依据）": "Good practice (beyond the clause; not a ground for the result)",
    "{action}（{owner}，{status}）": "{action} ({owner}, {status})",
    "请选择：{choices}": "Choose one of: {choices}",
    "、": ", ",
    # the corrective actions
    "责任人": "Owner",
    "完成期限": "Due",
    "验证日期": "Verified on",
    "验证说明": "Verification note",
    # the dormitories
    "房间": "Room",
    "面积（m²）": "Area (m²)",
    "人数": "Occupants",
    "人均面积（m²/人）": "Area per person (m²)",
    "位置": "Location",
    "有窗": "Window",
    "上下床": "Bunk beds",
    "说明": "Notes",
    "是": "yes",
    "否": "no",
    # the signatures
    "签署含义": "Signature",
    "姓名": "Name",
    "职务": "Role",
    "签署时间（当地，UTC+8）": "Signed (local time, UTC+8)",
    "签署时间（UTC）": "Signed (UTC)",
    "手写签名": "Drawn signature",
    "有": "yes",
    "无": "no",
    "见随附 .p7s 文件中的数字签名（本表生成于检查人签署时，审核签名不写入本表）": (
        "see the digital signatures in the .p7s file beside this workbook (this sheet was made when the "
        "inspector signed; the approval is not written into it)"
    ),
    "记录状态": "Record status",
    "签名机构": "Signing authority",
    # printed pages
    "第 &P 页 / 共 &N 页": "Page &P of &N",
}


def sheet_word(chinese: str, english: bool, /, **params: object) -> str:
    """One of the workbook's words in the report's language, its ``{placeholders}`` filled in."""
    return (SHEET_WORDS[chinese] if english else chinese).format(**params)


def display_width(value: Any) -> int:
    """How many character cells a value needs: a CJK (wide) character counts as two."""
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 19
    if isinstance(value, dt.date):
        return 10
    return max((len(line) + _wide_count(line) for line in str(value).split("\n")), default=0)


_wide_runs: list[re.Pattern[str]] = []
_SCANNED = 0x40000  # the pattern covers the planes where wide characters are (CJK, symbols, emoji); beyond, one by one


def _wide_count(text: str) -> int:
    """How many wide (W) and full-width (F) characters ``text`` holds: one pattern of such code points, made on
    first use (a workbook measures millions of characters; a test per character took most of its time)."""
    if not _wide_runs:
        ranges: list[list[int]] = []
        for code in range(_SCANNED):
            if unicodedata.east_asian_width(chr(code)) in "WF":
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
        _wide_runs.append(re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]+"))
    count = sum(map(len, _wide_runs[0].findall(text)))
    if text and ord(max(text)) >= _SCANNED:
        count += sum(ord(c) >= _SCANNED and unicodedata.east_asian_width(c) in "WF" for c in text)
    return count


def line_count(value: Any, width: float) -> int:
    """How many lines ``value`` takes when wrapped in a column ``width`` characters wide."""
    if value is None or isinstance(value, (int, float, dt.date)):
        return 1
    return sum(max(1, math.ceil(display_width(line) / max(width, 1.0))) for line in str(value).split("\n"))


def fit_row(ws: Worksheet, row: int, widths: Sequence[float]) -> None:
    """Give a row the height of its wrapped text. Excel sizes such rows itself, LibreOffice does not for a
    generated file (its wrapped lines would overlap the next row)."""
    lines = max(line_count(ws.cell(row, column).value, width) for column, width in enumerate(widths, start=1))
    if lines > 1:
        ws.row_dimensions[row].height = LINE_HEIGHT * lines


def _lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell | MergedCell:
    """Write ``value`` to a cell; text always as text.

    Text from users is never a formula (``=HYPERLINK(…)``, ``=1+1``, ``=cmd|…`` stay what was typed: the cell
    is a string cell, which Excel and LibreOffice show and never evaluate), characters that XML cannot hold
    become U+FFFD instead of crashing the workbook, and text is cut at Excel's 32,767 characters a cell.
    """
    cell = ws.cell(row, column)
    if not isinstance(value, str):
        cell.value = value
        return cell
    cell.value = printable(value, CELL_TEXT_LIMIT)
    cell.data_type = "s"  # openpyxl takes a leading "=" as a formula; this cell holds text, whatever it says
    return cell


def _naive_utc(stamp: dt.datetime) -> dt.datetime:
    """Excel has no time zones; times are written as UTC (the header says so)."""
    return stamp.astimezone(dt.UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


# --- sheet helpers -------------------------------------------------------------------------------------


# Printing: the page's width in the 96-dpi pixels Excel and LibreOffice measure columns in (A4, 0.4-inch margins);
# a column ``w`` characters wide is 7w + 5 pixels in the default 11-pt font.
PAGE_PIXELS = {True: round((11.69 - 0.8) * 96), False: round((8.27 - 0.8) * 96)}  # landscape, portrait
PRINT_SCALE = 0.9  # the smallest scale a table is printed at: 11-pt text at 90 % is still read without effort
MIN_WRAPPED_WIDTH = 8  # four Chinese characters a line: narrower, a column of text becomes a ribbon
PADDING = 2


def column_pixels(width: float) -> int:
    """A column's printed width in pixels at 100 %, from its width in characters."""
    return int(7 * width + 5)


def print_scale(widths: Sequence[float], landscape: bool) -> float:
    """The scale at which columns ``widths`` (characters, as set) fit the width of an A4 page."""
    return min(1.0, PAGE_PIXELS[landscape] / sum(column_pixels(w) for w in widths))


def unbreakable_width(value: Any) -> int:
    """The narrowest a column can be without breaking ``value`` mid-word: a date, a number or an ASCII word
    (GN-01, a file name) stays whole; Chinese text wraps between any two characters."""
    if value is None or isinstance(value, (int, float, dt.date)):
        return display_width(value)
    return max((len(word) for word in re.findall(r"[!-~]+", str(value))), default=0)


def fit_to_page(
    widths: Sequence[float], minimums: Sequence[float], landscape: bool, scale: float = PRINT_SCALE
) -> list[float]:
    """Narrow the widest columns, each in proportion to what it has above its minimum, until the table
    prints across an A4 page at ``scale`` or more (wrapped); columns already narrow enough stay as they are."""
    budget = (PAGE_PIXELS[landscape] / scale - 5 * len(widths)) / 7 - PADDING * len(widths)
    excess = sum(widths) - budget
    slack = sum(max(w - m, 0.0) for w, m in zip(widths, minimums, strict=True))
    if excess <= 0 or slack <= 0:
        return list(widths)
    keep = max(0.0, 1 - excess / slack)
    return [m + (w - m) * keep if w > m else w for w, m in zip(widths, minimums, strict=True)]


def write_table(
    ws: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    first_row: int = 1,
    landscape: bool | None = None,
) -> int:
    """Write a header and rows at ``first_row``; size, wrap and format the columns; return the last row.

    ``landscape``: the table is printed on its own across an A4 page in that orientation, so the columns are
    narrowed (wrapped) until it prints at :data:`PRINT_SCALE` or more; None leaves them at their text's width."""
    widths = [display_width(c.title) for c in columns]
    minimums = [min(MIN_WRAPPED_WIDTH, w) for w in widths]
    for index, column in enumerate(columns, start=1):
        cell = put(ws, first_row, index, column.title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    row_number = first_row
    for row_number, row in enumerate(rows, start=first_row + 1):
        for index, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = put(ws, row_number, index, value)
            cell.alignment = WRAP
            if column.number_format:
                cell.number_format = column.number_format
            value_width = display_width(value)
            widths[index - 1] = max(widths[index - 1], value_width)
            whole = value_width if column.number_format else unbreakable_width(value)
            narrowest = min(MIN_WRAPPED_WIDTH, value_width)
            minimums[index - 1] = max(minimums[index - 1], min(whole, column.max_width), narrowest)
    fitted: list[float] = [min(width, column.max_width) for column, width in zip(columns, widths, strict=True)]
    if landscape is not None:
        fitted = fit_to_page(fitted, [min(m, f) for m, f in zip(minimums, fitted, strict=True)], landscape)
    for index, width in enumerate(fitted, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width + PADDING, 1)
    for number in range(first_row, row_number + 1):  # the padding holds one more character, less the margins
        fit_row(ws, number, [width + PADDING - 1 for width in fitted])
    return row_number


def finish_table_sheet(ws: Worksheet, header_row: int, last_row: int, columns: int, landscape: bool = True) -> None:
    """Freeze and filter the header row, and set up A4 printing with the header repeated on every page."""
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"
    print_setup(ws, landscape)
    ws.print_title_rows = f"{header_row}:{header_row}"


def print_setup(ws: Worksheet, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4  # inches: narrow, as a wide table needs
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def page_texts(ws: Worksheet, left: str, right: str, english: bool = False) -> None:
    """Printed header (company, report ID) and footer (page numbers); ``&`` is a code there, ``&&`` a sign."""
    header, footer = HeaderFooterItem(), HeaderFooterItem()
    left, right = printable(left, HEADER_TEXT_LIMIT), printable(right, HEADER_TEXT_LIMIT)
    header.left.text, header.right.text = left.replace("&", "&&"), right.replace("&", "&&")
    footer.center.text = sheet_word("第 &P 页 / 共 &N 页", english)
    ws.HeaderFooter.oddHeader, ws.HeaderFooter.oddFooter = header, footer


def red_when(ws: Worksheet, cells: str, text: str) -> None:
    """Show a cell in red while it says ``text`` (e.g. 不合格)."""
    ws.conditional_formatting.add(cells, Rule("cellIs", operator="equal", formula=[f'"{text}"'], dxf=FAILED_STYLE))


def red_when_positive(ws: Worksheet, cells: str) -> None:
    """Show a count in red while it is above zero (e.g. the number of failed items)."""
    ws.conditional_formatting.add(cells, Rule("cellIs", operator="greaterThan", formula=["0"], dxf=FAILED_STYLE))


def choice_list(ws: Worksheet, cells: str, choices: Sequence[str], title: str, english: bool = False) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=sheet_word("请选择：{choices}", english, choices=sheet_word("、", english).join(choices)),
    )
    validation.add(cells)
    ws.add_data_validation(validation)


def column_range(column: int, first_row: int, last_row: int) -> str:
    letter = get_column_letter(column)
    return f"{letter}{first_row}:{letter}{max(first_row, last_row)}"


# --- the sheets of one report --------------------------------------------------------------------------

SUMMARY_COLUMNS = [Column("检查依据"), Column("章节"), Column("合格"), Column("不合格"), Column("不适用")]
SUMMARY_COLUMNS += [Column("未检查"), Column("合格率", number_format="0.0%")]


def _words(content: ReportContent, *chinese: str) -> list[str]:
    return [sheet_word(word, content.english) for word in chinese]


def _count_row(catalog: str, title: str, counts: Counts) -> list[Any]:
    return [catalog, title, counts.passed, counts.failed, counts.na, counts.unchecked, counts.pass_rate]


LOGO_HEIGHT_PX = 60


def place_logo(ws: Worksheet, png: bytes, last_column: int = len(SUMMARY_COLUMNS)) -> None:
    """The company's logo at the top right of a sheet whose last column is ``last_column`` (the overview's,
    unless told), 60 px high (the picture itself is not a cell, so it cannot carry a formula or change what the
    cells say). The daily health summary's 汇总 sheet places it through this one function too."""
    from openpyxl.drawing.image import Image as SheetImage

    picture = SheetImage(io.BytesIO(png))
    scale = LOGO_HEIGHT_PX / picture.height
    picture.height, picture.width = LOGO_HEIGHT_PX, round(picture.width * scale)
    # Anchored so that its right edge stays inside the last column: a picture past it is cut off in print.
    column, room = last_column, 0.0
    while column > 2:
        room += (ws.column_dimensions[get_column_letter(column)].width or 8.43) * 7  # characters → pixels
        if room >= picture.width * 1.6:  # with room to spare: spreadsheet programs measure columns differently
            break
        column -= 1
    ws.add_image(picture, f"{get_column_letter(column)}1")
    ws.row_dimensions[1].height = LOGO_HEIGHT_PX * 0.75 + 4  # points: the title's row holds the picture


def overview_sheet(ws: Worksheet, content: ReportContent) -> None:
    english = content.english
    put(ws, 1, 1, content.word("title"))
    ws["A1"].font = Font(size=16, bold=True)
    authority = (
        f"{content.authority.name_en} ({content.authority.basis})"
        if english
        else f"{content.authority.name_zh}（{content.authority.basis}）"
    )
    basis = (
        _lines(f"{c.id} {c.version} {c.title} ({c.reference})" for c in content.catalogs)
        if english
        else _lines(f"{c.id} {c.version}《{c.title}》（{c.reference}）" for c in content.catalogs)
    )
    draft = sheet_word("（草稿，内容仍可能改变）", english) if content.is_draft else ""
    facts: list[tuple[str, Any]] = [
        ("报告编号", content.report_id),
        ("状态", content.status_zh),
        ("单位名称", content.company_name),
        ("统一社会信用代码", content.credit_code),
        ("地址", content.address),
        ("所在区", content.district),
        ("单位类型", content.company_type_zh),
        ("监管部门", authority),
        ("检查场所", content.site),
        ("检查日期", content.date),
        ("检查人", content.inspector),
        ("检查依据", basis),
        ("记录哈希", content.record_hash + draft),
        ("签名机构指纹", content.signing_authority_sha256 or "—"),
        ("生成时间（当地，UTC+8）", content.generated_at_utc.astimezone(COMPANY_TIME).replace(tzinfo=None)),
        ("生成时间（UTC）", _naive_utc(content.generated_at_utc)),
    ]
    if content.supersedes is not None:
        facts.append(("更正", content.supersedes.sentence_zh))
    if content.translation:
        facts.insert(0, ("译本", content.translation))
    facts = [(sheet_word(label, english), value) for label, value in facts]
    header_row = 3 + len(facts) + 1
    rows = [_count_row(s.catalog_id, s.title, s.counts) for s in content.sections]
    rows.append(_count_row(sheet_word("合计", english), "", content.overall))
    last = write_table(ws, [c.said(english) for c in SUMMARY_COLUMNS], rows, header_row)
    write_facts(ws, facts, 3, len(SUMMARY_COLUMNS))
    for column in range(1, len(SUMMARY_COLUMNS) + 1):
        ws.cell(last, column).font = HEADER_FONT
    if content.logo_png:
        place_logo(ws, content.logo_png)
    severe_row = last + 2
    put(
        ws, severe_row, 1, sheet_word("严重不合格项（{count}）", english, count=len(content.severe_failures))
    ).font = HEADER_FONT
    for offset, item in enumerate(content.severe_failures, start=1):
        put(ws, severe_row + offset, 1, item.item_id)
        put(ws, severe_row + offset, 2, item.title)
    red_when_positive(ws, column_range(4, header_row + 1, last))
    print_setup(ws, landscape=False)


def write_facts(ws: Worksheet, facts: Sequence[tuple[str, Any]], first_row: int, span: int) -> None:
    """Label / value rows above a table of ``span`` columns: each value spans the table's other columns, so
    a long value (the 64-character hash) stays on one line without widening the table's columns."""
    label_width = max(display_width(label) for label, _ in facts) + 2
    column_a = ws.column_dimensions["A"]
    column_a.width = max(column_a.width or 0, label_width)
    value_width = sum(ws.column_dimensions[get_column_letter(c)].width or 8 for c in range(2, span + 1))
    for row, (label, value) in enumerate(facts, start=first_row):
        put(ws, row, 1, label).font = HEADER_FONT
        cell = put(ws, row, 2, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if isinstance(value, dt.datetime):
            cell.number_format = TIME_FORMAT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=span)
        lines = line_count(value, value_width - 2)
        if lines > 1:
            ws.row_dimensions[row].height = LINE_HEIGHT * lines


# The widest each column gets; write_table narrows them further so that the 14 print across an A4 landscape
# page at 90 % or more (wrapped).
ITEM_COLUMNS = [
    Column("编号", 8),
    Column("检查依据", 5),
    Column("章节", 12),
    Column("项目", 20),
    Column("严重程度", 5),
    Column("依据条款", 20),
    Column("结果", 6),
    Column("人工改判理由", 12),
    Column("测量值", 16),
    Column("判定说明", 28),
    Column("备注", 14),
    Column("证据文件", 12),
    Column("整改措施", 18),
    Column("建议做法（超出条文要求，不作判定依据）", 18),
]
RESULT_COLUMN = 7


def items_sheet(ws: Worksheet, content: ReportContent) -> None:
    english = content.english
    rows = [
        [
            item.item_id,
            item.catalog_id,
            item.section_title,
            item.title,
            item.severity_zh,
            item.citation,
            item.result_zh,
            item.override_reason if item.overridden else "",
            _lines(item.measurements),
            _lines(f.message_zh for f in item.findings),
            item.note,
            _lines(item.evidence_names),
            _lines(
                sheet_word("{action}（{owner}，{status}）", english, action=a.action, owner=a.owner, status=a.status_zh)
                for a in item.actions
            ),
            item.good_practice,
        ]
        for item in content.items
    ]
    last = write_table(ws, [c.said(english) for c in ITEM_COLUMNS], rows, landscape=True)
    results = column_range(RESULT_COLUMN, 2, last)
    red_when(ws, results, report_word("result.fail", content.language))
    choices = (
        tuple(report_word(f"result.{r}", ENGLISH) for r in ("pass", "fail", "na", "unchecked"))
        if english
        else RESULT_CHOICES_ZH
    )
    choice_list(ws, results, choices, sheet_word("结果", english), english)
    finish_table_sheet(ws, 1, last, len(ITEM_COLUMNS))


ACTION_COLUMNS = [
    Column("编号"),
    Column("项目", 30),
    Column("整改措施", 50),
    Column("责任人"),
    Column("完成期限", number_format=DATE_FORMAT),
    Column("状态"),
    Column("验证日期", number_format=DATE_FORMAT),
    Column("验证说明", 40),
]
STATUS_COLUMN = 6


def actions_sheet(ws: Worksheet, content: ReportContent) -> None:
    english = content.english
    rows = [
        [a.item_id, a.item_title, a.action, a.owner, a.due, a.status_zh, a.verified_on, a.verification_note]
        for a in content.actions
    ]
    last = write_table(ws, [c.said(english) for c in ACTION_COLUMNS], rows, landscape=True)
    statuses = column_range(STATUS_COLUMN, 2, last)
    choices = tuple(report_word(f"action.{s.value}", content.language) for s in ActionStatus)
    choice_list(ws, statuses, choices, sheet_word("状态", english), english)
    red_when(ws, statuses, report_word(f"action.{ActionStatus.OPEN.value}", content.language))
    finish_table_sheet(ws, 1, last, len(ACTION_COLUMNS))


def rooms_sheet(ws: Worksheet, content: ReportContent) -> None:
    english = content.english
    fixed = [
        Column("房间"),
        Column("面积（m²）", number_format="0.00"),
        Column("人数"),
        Column("人均面积（m²/人）", number_format="0.00"),
        Column("位置"),
        Column("有窗"),
        Column("上下床"),
    ]
    fixed = [c.said(english) for c in fixed]
    rules = [Column(f"{rule.title_zh}\n{rule.citation}", 30) for rule in content.room_rules]
    columns = [*fixed, *rules, Column("说明", 60).said(english)]
    yes, no = sheet_word("是", english), sheet_word("否", english)
    rows = [
        [
            room.name,
            room.area_m2,
            room.occupants,
            round(room.area_per_person, 2),
            room.location_zh,
            yes if room.has_window else no,
            yes if room.bunk_beds else no,
            *(
                report_word(f"room.{v.value}", content.language) if (v := room.verdicts.get(rule.id)) else "—"
                for rule in content.room_rules
            ),
            _lines(room.messages),
        ]
        for room in content.rooms
    ]
    last = write_table(ws, columns, rows, landscape=True)
    for offset in range(len(rules)):
        red_when(ws, column_range(len(fixed) + 1 + offset, 2, last), report_word("room.fail", content.language))
    finish_table_sheet(ws, 1, last, len(columns))


SIGNER_COLUMNS = [
    Column("签署含义"),
    Column("姓名"),
    Column("职务"),
    Column("签署时间（当地，UTC+8）", number_format=TIME_FORMAT),
    Column("签署时间（UTC）", number_format=TIME_FORMAT),
    Column("手写签名"),
]


_MEANING_OF = {chinese: meaning for meaning, chinese in MEANING_ZH.items()}
_ROLE_OF = {chinese: role for role, chinese in ROLE_ZH.items()}


def _meaning_word(meaning_zh: str, content: ReportContent) -> str:
    """A signature's meaning (the signer carries it in Chinese) in the report's language."""
    meaning = _MEANING_OF.get(meaning_zh)
    return report_word(f"meaning.{meaning}", content.language) if meaning and content.english else meaning_zh


def _role_word(role: str, content: ReportContent) -> str:
    """A signer's role (in Chinese, or the role's value) in the report's language."""
    return _ROLE_OF.get(role, role) if content.english else role  # the role's own value: officer, manager


def signatures_sheet(ws: Worksheet, content: ReportContent, local_zone: dt.tzinfo | None) -> None:
    english = content.english
    rows: list[list[Any]] = [
        [
            _meaning_word(s.meaning_zh, content),
            s.name,
            _role_word(s.role, content),
            s.utc.astimezone(local_zone or COMPANY_TIME).replace(tzinfo=None),
            _naive_utc(s.utc),
            sheet_word("有" if s.image_png else "无", english),
        ]
        for s in content.signers
    ]
    if not rows:  # to be signed by hand on the printout
        rows = [[_meaning_word(meaning, content), "", "", None, None, ""] for meaning in SIGNATURE_MEANINGS_ZH]
    else:  # made at the 检查人's signature: the 审核 countersigns these same bytes in the .p7s beside it
        signed = {s.meaning_zh for s in content.signers}
        note = sheet_word("见随附 .p7s 文件中的数字签名（本表生成于检查人签署时，审核签名不写入本表）", english)
        rows += [
            [_meaning_word(m, content), note, "", None, None, ""] for m in SIGNATURE_MEANINGS_ZH if m not in signed
        ]
    last = write_table(ws, [c.said(english) for c in SIGNER_COLUMNS], rows, landscape=False)
    record = [
        ("报告编号", content.report_id),
        ("记录状态", content.status_zh),
        ("记录哈希", content.record_hash),  # SHA-256; a longer label would not fit the first column
        ("签名机构", content.signing_authority_sha256 or "—"),  # its certificate's SHA-256 (the trust file)
    ]
    for offset, (label, value) in enumerate(record, start=2):
        put(ws, last + offset, 1, sheet_word(label, english)).font = HEADER_FONT
        put(ws, last + offset, 2, value)
    finish_table_sheet(ws, 1, last, len(SIGNER_COLUMNS), landscape=False)


def _properties(wb: Workbook, title: str, subject: str, created: dt.datetime, keywords: str = "") -> None:
    wb.properties.title = printable(title, PROPERTY_LIMIT)
    wb.properties.subject = printable(subject, PROPERTY_LIMIT)
    wb.properties.creator = CREATOR
    wb.properties.created = _naive_utc(created)
    wb.properties.keywords = keywords


def protect(wb: Workbook) -> None:
    """Lock cells and sheet structure against accidental edits (filtering stays allowed)."""
    for ws in wb.worksheets:
        ws.protection.sheet = True
        ws.protection.autoFilter = False
    wb.security = WorkbookProtection(lockStructure=True)


def new_workbook() -> Workbook:
    """A workbook without its default sheet (every sheet is created by name)."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    return wb


def build_workbook(content: ReportContent, local_zone: dt.tzinfo | None = None) -> Workbook:
    wb = new_workbook()
    overview, items, actions, rooms, signatures = _words(content, "概要", "检查项", "整改", "宿舍", "签名")
    overview_sheet(wb.create_sheet(overview), content)
    items_sheet(wb.create_sheet(items), content)
    actions_sheet(wb.create_sheet(actions), content)
    rooms_sheet(wb.create_sheet(rooms), content)
    signatures_sheet(wb.create_sheet(signatures), content, local_zone)
    for ws in wb.worksheets:
        page_texts(ws, content.company_name, content.report_id, content.english)
    _properties(
        wb,
        f"{content.word('title')} {content.report_id}",  # the report number: how verification finds the record
        f"{content.company_name} {content.date.isoformat()} {content.status_zh}",
        content.generated_at_utc,
        f"record-hash:{content.record_hash}",
    )
    if content.is_signed:
        protect(wb)
    return wb


def write_workbook(
    content: ReportContent, path: Path, progress: Progress = SILENT, local_zone: dt.tzinfo | None = None
) -> None:
    """Write the workbook of ``content`` to ``path`` (the caller renames it into place when complete)."""
    progress(0.0, "生成 Excel 工作簿")
    wb = build_workbook(content, local_zone)
    progress(0.5, "写入 Excel 文件")
    wb.save(path)
    progress(1.0, "Excel 已完成")


# --- the batch workbook --------------------------------------------------------------------------------

BATCH_COLUMNS = [
    Column("编号"),
    Column("单位", 30),
    Column("检查场所", 20),
    Column("检查日期", number_format=DATE_FORMAT),
    Column("检查人"),
    Column("状态"),
    Column("合格"),
    Column("不合格"),
    Column("不适用"),
    Column("未检查"),
    Column("合格率", number_format="0.0%"),
    Column("整改未完"),
]
FAILED_COLUMNS = [
    Column("检查编号"),
    Column("单位", 30),
    Column("检查场所", 20),
    Column("检查日期", number_format=DATE_FORMAT),
    Column("项目编号"),
    Column("项目", 30),
    Column("依据条款", 36),
    Column("判定说明", 60),
    Column("人工改判理由", 30),
    Column("备注", 40),
]


def _inspection_row(row: InspectionRow) -> list[Any]:
    return [
        row.id,
        row.company,
        row.site,
        row.date,
        row.inspector,
        STATUS_ZH.get(row.status, row.status),
        row.passed,
        row.failed,
        row.na,
        row.unchecked,
        row.score,
        row.open_actions,
    ]


# What the batch workbook says of findings altered outside the application (storage.stored_json).
ALTERED_FINDINGS = "（存储的检查结果在本程序之外被改动过，无法读取）"


def _failed_rows(inspections: Sequence[InspectionRow], failed: Sequence[ItemResultRow]) -> list[list[Any]]:
    catalogs = official_catalogs()
    items = {item.id: (catalog, item) for catalog in catalogs.values() for item in catalog.items}
    by_id = {row.id: row for row in inspections}
    rows = []
    for result in failed:
        inspection = by_id.get(result.inspection_id)
        if inspection is None:  # saved between the two reads; it belongs to the next batch
            continue
        catalog, item = items[result.item_id]
        rows.append(
            [
                inspection.id,
                inspection.company,
                inspection.site,
                inspection.date,
                item.id,
                item.title_zh,
                citation_of(catalog, item),
                ALTERED_FINDINGS
                if result.findings_altered
                else _lines(str(f.get("message_zh", "")) for f in result.findings if f.get("verdict") != "pass"),
                result.override_reason,
                result.note,
            ]
        )
    return rows


def write_batch_workbook(db: Database, where: InspectionFilter, path: Path, progress: Progress = SILENT) -> None:
    """Sheet 1: one row per inspection matching ``where``; sheet 2: one row per failed item with its findings."""
    progress(0.0, "读取检查记录")
    inspections = listing.list_inspections(db, where, order_by="date", descending=False, limit=None)
    failed = listing.list_item_results(db, where, final="fail")
    progress(0.4, "生成 Excel 工作簿")
    wb = new_workbook()
    summary = wb.create_sheet("检查汇总")
    last = write_table(summary, BATCH_COLUMNS, (_inspection_row(r) for r in inspections), landscape=True)
    finish_table_sheet(summary, 1, last, len(BATCH_COLUMNS))
    red_when_positive(summary, column_range(8, 2, last))
    failures = wb.create_sheet("不合格项")
    last = write_table(failures, FAILED_COLUMNS, _failed_rows(inspections, failed), landscape=True)
    finish_table_sheet(failures, 1, last, len(FAILED_COLUMNS))
    _properties(wb, "复工复产疫情防控自查汇总", f"{len(inspections)} 次检查", dt.datetime.now(dt.UTC))
    progress(0.7, "写入 Excel 文件")
    wb.save(path)
    progress(1.0, "Excel 已完成")
